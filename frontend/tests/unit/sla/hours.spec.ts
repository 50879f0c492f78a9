// The business-hours editor's instant checks, and the editor wiring them to its inputs.
import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import { i18n } from '@/i18n'
import type { SlaCalendar, SlaShift } from '@/api/sla'
import { calendarProblems, dayProblems, parseClock } from '@/views/SettingsView/components/sla/hours'
import WeeklyHoursEditor from '@/views/SettingsView/components/sla/WeeklyHoursEditor.vue'

const s = (start: string, end: string): SlaShift => ({ start, end })
const weekdays = (shifts: SlaShift[]): SlaShift[][] => [[], shifts, shifts, shifts, shifts, shifts, []]

describe('parseClock', () => {
  it('reads HH:MM including 24:00', () => {
    expect(parseClock('00:00')).toBe(0)
    expect(parseClock('09:30')).toBe(570)
    expect(parseClock('24:00')).toBe(1440)
  })
  it('refuses anything else', () => {
    for (const bad of ['', '9:30', '24:30', '12:60', 'ab:cd', '25:00', '09:300']) expect(parseClock(bad)).toBeNull()
  })
})

describe('dayProblems', () => {
  it('accepts split shifts and touching ranges', () => {
    expect(dayProblems([s('09:00', '12:00'), s('13:30', '18:00')], 'week.1')).toEqual([])
    expect(dayProblems([s('13:00', '24:00'), s('09:00', '13:00')], 'week.1')).toEqual([])
  })
  it('flags a closing time before the opening time', () => {
    expect(dayProblems([s('18:00', '09:00')], 'week.2')).toEqual([{ where: 'week.2.0', reason: 'closesBeforeOpens' }])
    expect(dayProblems([s('09:00', '09:00')], 'week.2')).toEqual([{ where: 'week.2.0', reason: 'closesBeforeOpens' }])
  })
  it('flags overlapping shifts on the later one, whatever the order', () => {
    expect(dayProblems([s('12:00', '18:00'), s('09:00', '13:00')], 'week.3')).toEqual([{ where: 'week.3.0', reason: 'overlap' }])
  })
  it('flags unreadable times', () => {
    expect(dayProblems([s('9', '18:00'), s('24:00', '24:00')], 'week.4')).toEqual([
      { where: 'week.4.0', reason: 'badTime' },
      { where: 'week.4.1', reason: 'badTime' },
    ])
  })
})

describe('calendarProblems', () => {
  const base: SlaCalendar = { timeZone: 'Europe/Bucharest', week: weekdays([s('09:00', '18:00')]), holidays: [] }
  it('is happy with Monday to Friday', () => {
    expect(calendarProblems(base)).toEqual([])
  })
  it('needs at least one open day', () => {
    expect(calendarProblems({ ...base, week: [[], [], [], [], [], [], []] })).toEqual([{ where: 'week', reason: 'noHours' }])
  })
  it('checks holidays: dates, duplicates and half days', () => {
    const problems = calendarProblems({
      ...base,
      holidays: [
        { date: '2026-12-25', name: 'Christmas', shifts: [] },
        { date: '2026-12-25', name: 'again', shifts: [] },
        { date: '', name: 'no date', shifts: [] },
        { date: '2026-12-24', name: 'Eve', shifts: [s('13:00', '09:00')] },
      ],
    })
    expect(problems).toEqual([
      { where: 'holiday.1', reason: 'duplicateHoliday' },
      { where: 'holiday.2', reason: 'badDate' },
      { where: 'holiday.3.0', reason: 'closesBeforeOpens' },
    ])
  })
})

describe('WeeklyHoursEditor', () => {
  const mountEditor = (week: SlaShift[][]) =>
    mount(WeeklyHoursEditor, {
      props: { week, problems: calendarProblems({ timeZone: 'UTC', week, holidays: [] }) },
      global: { plugins: [i18n] },
    })

  it('lists Monday first and shows closed days', () => {
    i18n.global.locale.value = 'en'
    const w = mountEditor(weekdays([s('09:00', '18:00')]))
    const names = w.findAll('.name').map((n) => n.text())
    expect(names[0]).toBe('Monday')
    expect(names[6]).toBe('Sunday')
    expect(w.get('[data-testid="sla-day-0"]').text()).toContain('Closed')
  })
  it('shows the problem next to the wrong shift', () => {
    const week = weekdays([s('09:00', '18:00')])
    week[2] = [s('18:00', '09:00')]
    const w = mountEditor(week)
    expect(w.get('[data-testid="sla-day-2-problem"]').text()).toBe('Closing time must be after opening time.')
    expect(w.find('[data-testid="sla-day-1-problem"]').exists()).toBe(false)
  })
  it('emits edits: a typed time, an added range, Monday copied to the weekdays', async () => {
    const week = weekdays([s('09:00', '18:00')])
    week[1] = [s('08:00', '12:00')]
    const w = mountEditor(week)
    await w.get('[data-testid="sla-day-1-end-0"]').setValue('13:00')
    expect((w.emitted('update:week')![0]![0] as SlaShift[][])[1]).toEqual([s('08:00', '13:00')])
    await w.get('[data-testid="sla-day-6-add"]').trigger('click')
    expect((w.emitted('update:week')![1]![0] as SlaShift[][])[6]).toEqual([s('09:00', '18:00')])
    await w.get('[data-testid="sla-copy-monday"]').trigger('click')
    const copied = w.emitted('update:week')![2]![0] as SlaShift[][]
    expect(copied.slice(1, 6)).toEqual(Array(5).fill([s('08:00', '12:00')]))
    expect(copied[6]).toEqual([])
  })
})
