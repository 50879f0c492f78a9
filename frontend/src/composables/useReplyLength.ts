// Measures a reply the way its platform does, mirroring backend/inbox/limits.go
// (Instagram: UTF-8 bytes; Bluesky: graphemes; Mastodon: graphemes with links as 23
// and @user@domain as @user; others: Unicode code points).
import type { ReplyLimit } from '@/api/types'

const MASTODON_URL_LENGTH = 23
const mastodonLink = /https?:\/\/[^\s]+/g
const mastodonMention = /(@[A-Za-z0-9_]+)@[A-Za-z0-9.-]+[A-Za-z0-9]/g

let segmenter: Intl.Segmenter | null = null
function graphemes(text: string): number {
  if (typeof Intl !== 'undefined' && 'Segmenter' in Intl) {
    segmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' })
    let n = 0
    for (const _ of segmenter.segment(text)) n++
    return n
  }
  return [...text].length
}

/** The length of text in unit. */
export function measure(text: string, unit: ReplyLimit['unit']): number {
  switch (unit) {
    case 'bytes':
      return new TextEncoder().encode(text).length
    case 'graphemes':
      return graphemes(text)
    case 'mastodon': {
      const links = text.match(mastodonLink)?.length ?? 0
      const rest = text.replace(mastodonLink, '').replace(mastodonMention, '$1')
      return graphemes(rest) + links * MASTODON_URL_LENGTH
    }
    default:
      return [...text].length
  }
}

/** How much room is left (negative: over the limit); null without a known limit. */
export function remaining(text: string, limit: ReplyLimit | null): number | null {
  if (!limit) return null
  return limit.max - measure(text, limit.unit)
}

/** Milliseconds until the messaging window closes (null: the platform has none; <= 0: closed). */
export function windowLeft(c: { windowApplies?: boolean; windowClosesAt?: string }, now: number): number | null {
  if (!c.windowApplies) return null
  if (!c.windowClosesAt) return 0
  return Date.parse(c.windowClosesAt) - now
}
