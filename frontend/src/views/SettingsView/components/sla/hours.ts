// Instant checks for the business-hours editor, so a mistake is highlighted as it is typed. The Go
// side checks the same rules again when saving (and its translated error is shown if it refuses).
import type { SlaCalendar, SlaShift } from '@/api/sla'

export type HoursReason = 'badTime' | 'closesBeforeOpens' | 'overlap' | 'noHours' | 'badDate' | 'duplicateHoliday'

/** A problem and where it is: "week.<day>.<shift>", "holiday.<index>" or "holiday.<index>.<shift>", or "week". */
export interface HoursProblem {
  where: string
  reason: HoursReason
}

/** Minutes after midnight for "HH:MM" (24:00 allowed), or null. */
export function parseClock(s: string): number | null {
  const m = /^(\d{2}):(\d{2})$/.exec(s.trim())
  if (!m) return null
  const h = Number(m[1])
  const min = Number(m[2])
  if (h > 24 || min > 59 || (h === 24 && min !== 0)) return null
  return h * 60 + min
}

/** The problems of one day's shifts; `prefix` locates them ("week.1", "holiday.0"). */
export function dayProblems(shifts: SlaShift[], prefix: string): HoursProblem[] {
  const out: HoursProblem[] = []
  const parsed: Array<{ i: number; start: number; end: number }> = []
  shifts.forEach((s, i) => {
    const start = parseClock(s.start)
    const end = parseClock(s.end)
    if (start === null || end === null || start >= 1440) {
      out.push({ where: `${prefix}.${i}`, reason: 'badTime' })
    } else if (end <= start) {
      out.push({ where: `${prefix}.${i}`, reason: 'closesBeforeOpens' })
    } else {
      parsed.push({ i, start, end })
    }
  })
  parsed.sort((a, b) => a.start - b.start)
  parsed.forEach((cur, k) => {
    const prev = parsed[k - 1]
    if (prev && cur.start < prev.end) out.push({ where: `${prefix}.${cur.i}`, reason: 'overlap' })
  })
  return out
}

/** Every problem of a calendar: its week, whether it ever opens, and its holidays. */
export function calendarProblems(cal: SlaCalendar): HoursProblem[] {
  const out: HoursProblem[] = []
  cal.week.forEach((shifts, d) => out.push(...dayProblems(shifts, `week.${d}`)))
  if (cal.week.every((shifts) => shifts.length === 0)) out.push({ where: 'week', reason: 'noHours' })
  const seen = new Set<string>()
  cal.holidays.forEach((h, i) => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(h.date) || Number.isNaN(Date.parse(`${h.date}T00:00:00Z`))) {
      out.push({ where: `holiday.${i}`, reason: 'badDate' })
    } else if (seen.has(h.date)) {
      out.push({ where: `holiday.${i}`, reason: 'duplicateHoliday' })
    }
    seen.add(h.date)
    out.push(...dayProblems(h.shifts, `holiday.${i}`))
  })
  return out
}

/** The first problem located at `where`, if any. */
export function problemAt(problems: HoursProblem[], where: string): HoursProblem | undefined {
  return problems.find((p) => p.where === where)
}
