// Formats a number of minutes as "45 min", "2 h 5 min", "3 d 4 h" in the current language.
import { useI18n } from 'vue-i18n'
import { durationParts } from './badge'

export function useDuration(): { duration: (minutes: number) => string } {
  const { t } = useI18n()
  return {
    duration(minutes: number): string {
      const p = durationParts(minutes)
      return t(`sla.duration.${p.key}`, { d: p.d, h: p.h, m: p.m })
    },
  }
}
