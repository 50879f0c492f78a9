import { describe, expect, it } from 'vitest'
import type { UgcRelease, VariantResult } from '@/api/campaignsReleases'
import { addMonths, endingSoon, expiryTagType, toInput } from '@/views/CampaignsView/releases'
import { clearLeader, formatInterval } from '@/views/CampaignsView/experiments'

function release(over: Partial<UgcRelease>): UgcRelease {
  return {
    id: 1, creatorId: 0, creatorName: '', author: 'Ana', title: '', contentUrl: 'https://x.example/1', conversationId: 0, conversationTitle: '',
    messageId: 0, channels: ['instagram'], paidUse: false, startsAt: '2026-06-01T00:00:00Z', expiresAt: '2026-09-01T00:00:00Z', territories: [],
    compensation: '', editsAllowed: false, status: 'granted', notes: '', requestedAt: '', requestMessageId: 0, daysLeft: 90, expiry: 'ok', ...over,
  }
}

function variant(label: string, rate: number, low: number, high: number, sends = 100): VariantResult {
  const iv = { rate, low, high }
  return { variantId: label.charCodeAt(0), label, templateId: 1, templateName: '', isControl: label === 'A', sends, replies: 0, optOuts: 0, negatives: 0,
    conversions: 0, replyRate: iv, optOutRate: iv, negativeRate: iv, conversionRate: iv, revenue: [], breached: '' }
}

describe('release helpers', () => {
  it('adds months without spilling past the end of a month', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28')
    expect(addMonths('2026-06-15', 6)).toBe('2026-12-15')
    expect(addMonths('2026-11-30', 3)).toBe('2027-02-28')
  })
  it('lists granted releases ending within 30 days, soonest first', () => {
    const rows = [
      release({ id: 1, expiry: 'soon', daysLeft: 20 }),
      release({ id: 2, expiry: 'urgent', daysLeft: 3 }),
      release({ id: 3, expiry: 'ok', daysLeft: 90 }),
      release({ id: 4, status: 'requested', expiry: 'none', daysLeft: 5 }),
    ]
    expect(endingSoon(rows).map((r) => r.id)).toEqual([2, 1])
    expect(expiryTagType('urgent')).toBe('error')
    expect(expiryTagType('soon')).toBe('warning')
  })
  it('turns a listed release into form values with day strings', () => {
    const f = toInput(release({ channels: ['tiktok'] }))
    expect(f.startsAt).toBe('2026-06-01')
    expect(f.expiresAt).toBe('2026-09-01')
    f.channels.push('ads')
    expect(release({}).channels).toEqual(['instagram'])
  })
})

describe('experiment helpers', () => {
  it('writes a rate with its interval, or a dash without sends', () => {
    expect(formatInterval({ rate: 0.1, low: 0.0552, high: 0.1744 }, 100, 'en')).toBe('10% (5.5%–17.4%)')
    expect(formatInterval({ rate: 0, low: 0, high: 0 }, 0, 'en')).toBe('—')
  })
  it('names a leader only when its interval clears every other', () => {
    expect(clearLeader([variant('A', 0.1, 0.05, 0.17), variant('B', 0.3, 0.22, 0.4)])?.label).toBe('B')
    expect(clearLeader([variant('A', 0.1, 0.05, 0.25), variant('B', 0.3, 0.22, 0.4)])).toBeNull()
    expect(clearLeader([variant('A', 0.1, 0.05, 0.17)])).toBeNull()
  })
})
