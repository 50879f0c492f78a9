// Built-in tags are stored under their English names; show them in the user's language.
import { useI18n } from 'vue-i18n'

export function useTagName() {
  const { t, te } = useI18n()
  return {
    tagName: (name: string): string => (te(`triage.tags.builtin.${name}`) ? t(`triage.tags.builtin.${name}`) : name),
  }
}
