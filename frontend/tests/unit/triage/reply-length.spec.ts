// The composer's counter measures like backend/inbox/limits.go (the same cases as TestMeasureFollowsEachPlatform).
import { describe, expect, it } from 'vitest'
import { measure, remaining, windowLeft } from '@/composables/useReplyLength'
import { snoozePresets } from '@/composables/useSnooze'

describe('measure', () => {
  it('counts UTF-8 bytes for Instagram', () => {
    expect(measure('héllo', 'bytes')).toBe(6)
    expect(measure('你好', 'bytes')).toBe(6)
  })
  it('counts graphemes for Bluesky', () => {
    expect(measure('👍🏽👨‍👩‍👧', 'graphemes')).toBe(2)
  })
  it('counts code points, not UTF-16 units, for characters', () => {
    expect(measure('ședință 👍🏽', 'characters')).toBe(10)
  })
  it('counts a Mastodon link as 23 and a remote mention as its local part', () => {
    expect(measure('see https://example.com/a/very/long/path/indeed ok @ana@social.example', 'mastodon')).toBe(4 + 23 + 4 + 4)
  })
  it('reports room left or how far over', () => {
    expect(remaining('abc', { max: 5, unit: 'characters' })).toBe(2)
    expect(remaining('ăăă', { max: 5, unit: 'bytes' })).toBe(-1)
    expect(remaining('abc', null)).toBeNull()
  })
})

describe('messaging window', () => {
  const now = Date.parse('2026-03-02T09:00:00Z')
  it('is null where the platform has none', () => {
    expect(windowLeft({ windowApplies: false, windowClosesAt: '' }, now)).toBeNull()
  })
  it('counts down to the closing time, and is closed when it never opened', () => {
    expect(windowLeft({ windowApplies: true, windowClosesAt: '2026-03-02T10:30:00Z' }, now)).toBe(90 * 60_000)
    expect(windowLeft({ windowApplies: true, windowClosesAt: '' }, now)).toBe(0)
  })
})

describe('snooze presets', () => {
  it('offers 1 h, 4 h, tomorrow 9:00 and next Monday 9:00, all in the future', () => {
    const now = new Date(2026, 2, 4, 15, 20) // a Wednesday
    const p = snoozePresets(now)
    expect(p.map((x) => x.key)).toEqual(['oneHour', 'fourHours', 'tomorrow', 'nextWeek'])
    expect(p[0]!.at.getTime() - now.getTime()).toBe(3_600_000)
    expect([p[2]!.at.getDate(), p[2]!.at.getHours()]).toEqual([5, 9])
    expect([p[3]!.at.getDay(), p[3]!.at.getDate(), p[3]!.at.getHours()]).toEqual([1, 9, 9])
    for (const x of p) expect(x.at.getTime()).toBeGreaterThan(now.getTime())
  })
  it('goes to the following Monday when today is Monday', () => {
    const monday = new Date(2026, 2, 2, 8, 0)
    expect(snoozePresets(monday)[3]!.at.getDate()).toBe(9)
  })
})
