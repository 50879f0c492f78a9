// Date and percentage formatting in the current UI language, shared by the Automation and Privacy views.
import { useI18n } from 'vue-i18n'

export function useFormat() {
  const { locale } = useI18n()
  /** An RFC 3339 time as a short local date and time ("" stays ""). */
  function dateTime(iso: string): string {
    if (!iso) return ''
    const d = new Date(iso)
    if (Number.isNaN(d.getTime())) return iso
    return new Intl.DateTimeFormat(locale.value, { dateStyle: 'medium', timeStyle: 'short' }).format(d)
  }
  /** An RFC 3339 time as a local date. */
  function date(iso: string): string {
    if (!iso) return ''
    const d = new Date(iso)
    if (Number.isNaN(d.getTime())) return iso
    return new Intl.DateTimeFormat(locale.value, { dateStyle: 'medium' }).format(d)
  }
  /** A share between 0 and 1 as a whole percentage. */
  function percent(v: number): string {
    return new Intl.NumberFormat(locale.value, { style: 'percent', maximumFractionDigits: 0 }).format(v)
  }
  return { dateTime, date, percent }
}
