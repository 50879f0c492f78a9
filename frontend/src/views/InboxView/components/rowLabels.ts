// Labels the conversation list's rows share: made once per list (not once per row) and
// memoized per language, so a row entering the screen while the list scrolls looks its
// strings up instead of resolving the same translations again. Dates are formatted per row
// (each differs) through useTimeFormat and its shared clock.
import { computed, inject, provide, type InjectionKey } from 'vue'
import { useI18n } from 'vue-i18n'
import { usePlatform } from '@/composables/usePlatform'
import { useTimeFormat } from '@/composables/useTimeFormat'
import { useTagName } from '@/composables/useTagName'

/** What a conversation row needs besides its conversation. */
export interface RowLabels {
  /** The platform's display name ("Telegram"). */
  platformName: (platform: string) => string
  /** The platform name's first letter, upper case ("T"; "?" for none). */
  platformInitial: (platform: string) => string
  /** The platform's colour. */
  platformColor: (platform: string) => string
  /** "5 min ago" (follows the shared clock, so rows age on their own). */
  relative: (iso: string) => string
  /** The full date and time, for a tooltip. */
  absolute: (iso: string) => string
  /** t(key) for a message without parameters ("Resolved"). */
  text: (key: string) => string
  /** t(key, { n }, n): a count with its plural form ("3 unread messages"). */
  count: (key: string, n: number) => string
  /** t(key, { [param]: value }) for a message with one text parameter ("Select {title}"). */
  fill: (key: string, param: string, value: string) => string
  /** A tag's name in the current language (built-in tags are stored in English). */
  tagName: (name: string) => string
}

/**
 * Stands in for the parameter while a message is resolved once per language; the value is then
 * put where it stands (only the message is split, so the value may hold any character).
 */
const HOLE = '\u0000'

const KEY: InjectionKey<RowLabels> = Symbol('conversation-row-labels')

/** Builds the labels; call in a component's setup (it uses the i18n and the shared clock). */
export function createRowLabels(): RowLabels {
  const { locale, t } = useI18n()
  const { platformName, platformColor } = usePlatform()
  const { relative, absolute } = useTimeFormat()
  const { tagName } = useTagName()
  // Fresh caches per language: reading them in a render also makes the row follow a language switch.
  const cache = computed(() => {
    void locale.value
    return new Map<string, string>()
  })
  /** The cached string under key, made by make on first use in the current language. */
  function memo(key: string, make: () => string): string {
    const m = cache.value
    let v = m.get(key)
    if (v === undefined) {
      v = make()
      m.set(key, v)
    }
    return v
  }
  const name = (platform: string): string => memo(`p\u0001${platform}`, () => platformName(platform))
  return {
    platformName: name,
    platformInitial: (platform) => (name(platform) || '?').slice(0, 1).toUpperCase(),
    platformColor,
    relative,
    absolute,
    text: (key) => memo(`t\u0001${key}`, () => t(key)),
    count: (key, n) => memo(`n\u0001${key}\u0001${n}`, () => t(key, { n }, n)),
    tagName: (tag) => memo(`g\u0001${tag}`, () => tagName(tag)),
    fill: (key, param, value) => memo(`f\u0001${key}\u0001${param}`, () => t(key, { [param]: HOLE })).split(HOLE).join(value),
  }
}

/** Makes one set of labels for every row below the calling component. */
export function provideRowLabels(): RowLabels {
  const labels = createRowLabels()
  provide(KEY, labels)
  return labels
}

/** The list's labels, or a set of the row's own when it is used outside a list (tests). */
export function useRowLabels(): RowLabels {
  return inject(KEY, createRowLabels, true)
}
