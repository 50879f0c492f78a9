import { describe, expect, it } from 'vitest'
import { captionCount, captionLength, fullCalendarLocale, recurrencePreset } from '@/views/CalendarView/caption'
import { mondayOf, shiftWeek } from '@/api/checklist'
import { assigneeName, linkPath, taskTitle } from '@/views/ChecklistView/taskText'

const limits = [
  { platform: 'bluesky', max: 300, unit: 'graphemes' },
  { platform: 'telegram', max: 4096, unit: 'utf16' },
  { platform: 'mastodon', max: 500, unit: 'chars' },
]

describe('caption counter', () => {
  it('counts as each platform does', () => {
    const family = '👨‍👩‍👧' // one grapheme, five code points, eight UTF-16 units
    expect(captionLength(family, 'graphemes')).toBe(1)
    expect(captionLength(family, 'chars')).toBe(5)
    expect(captionLength(family, 'utf16')).toBe(8)
  })

  it('flags a caption over the limit and ignores platforms without one', () => {
    expect(captionCount('a'.repeat(301), 'bluesky', limits)).toEqual({ used: 301, max: 300, over: true })
    expect(captionCount('a'.repeat(300), 'bluesky', limits).over).toBe(false)
    expect(captionCount('hello', 'pinterest', limits)).toEqual({ used: 5, max: 0, over: false })
  })
})

describe('recurrence and locales', () => {
  it('maps rules to presets', () => {
    expect(recurrencePreset('')).toBe('')
    expect(recurrencePreset('FREQ=WEEKLY;INTERVAL=2')).toBe('FREQ=WEEKLY;INTERVAL=2')
    expect(recurrencePreset('FREQ=WEEKLY;BYDAY=TU,TH')).toBe('custom')
  })

  it('uses FullCalendar’s own locales', () => {
    expect(fullCalendarLocale('en')).toBe('en')
    expect((fullCalendarLocale('zh-Hant') as { code: string }).code).toBe('zh-tw')
    expect((fullCalendarLocale('zh-Hans') as { code: string }).code).toBe('zh-cn')
    expect((fullCalendarLocale('ro') as { code: string }).code).toBe('ro')
    expect((fullCalendarLocale('hi') as { code: string }).code).toBe('hi')
  })
})

describe('checklist helpers', () => {
  it('finds the Monday of a week and moves by weeks', () => {
    expect(mondayOf(new Date(2026, 2, 8))).toBe('2026-03-02') // a Sunday
    expect(mondayOf(new Date(2026, 2, 2))).toBe('2026-03-02')
    expect(shiftWeek('2026-03-02', -1)).toBe('2026-02-23')
    expect(shiftWeek('2026-12-28', 1)).toBe('2027-01-04')
  })

  it('shows titles, assignees and links', () => {
    const t = (k: string) => `[${k}]`
    expect(taskTitle(t, { title: '', titleKey: 'clearWaitingDms' })).toBe('[checklist.tasks.clearWaitingDms]')
    expect(taskTitle(t, { title: 'Mine', titleKey: 'clearWaitingDms' })).toBe('Mine')
    expect(assigneeName(t, 'partner')).toBe('[checklist.roles.partner]')
    expect(assigneeName(t, 'Dana')).toBe('Dana')
    expect(assigneeName(t, '')).toBe('[checklist.unassigned]')
    expect(linkPath('#/inbox?status=open&waiting=24h')).toBe('/inbox?status=open&waiting=24h')
    expect(linkPath('https://example.com')).toBeNull()
  })
})
