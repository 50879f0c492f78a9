// Inbox links such as "#/inbox?status=open&waiting=24h" (the checklist uses them): the route
// query becomes inbox filters. Unknown or malformed values are ignored, never guessed.
import type { LocationQuery } from 'vue-router'
import type { InboxFilters } from '@/stores/inbox'

const STATUSES = ['open', 'pending', 'snoozed', 'resolved']
const KINDS = ['dm', 'comment']
const UNIT_MINUTES: Record<string, number> = { m: 1, h: 60, d: 1440 }

/** "24h", "90m", "2d" or a number of minutes → minutes; 0 for anything else. */
export function parseWaiting(v: string): number {
  const m = /^\s*(\d{1,5})\s*([mhd]?)\s*$/i.exec(v)
  if (!m) return 0
  const n = Number(m[1]) * UNIT_MINUTES[(m[2] || 'm').toLowerCase()]!
  return n > 0 && n <= 60 * 24 * 365 ? n : 0
}

function first(v: LocationQuery[string] | undefined): string {
  const s = Array.isArray(v) ? v[0] : v
  return typeof s === 'string' ? s : ''
}

/**
 * The filters a route query names, or null when it names none (the inbox then keeps its
 * filters). A query that names some starts from no filters, so the link shows what it says.
 */
export function filtersFromQuery(q: LocationQuery): Partial<InboxFilters> | null {
  const out: Partial<InboxFilters> = {}
  const status = first(q.status)
  if (STATUSES.includes(status)) out.status = status
  const kind = first(q.kind)
  if (KINDS.includes(kind)) out.kind = kind
  const platform = first(q.platform)
  if (/^[a-z][a-z0-9_-]{0,30}$/.test(platform)) out.platform = platform
  const waiting = parseWaiting(first(q.waiting))
  if (waiting > 0) out.waitingMinMinutes = waiting
  const tag = Number(first(q.tag))
  if (Number.isInteger(tag) && tag > 0) out.tagId = tag
  if (first(q.unread) === '1') out.unreadOnly = true
  return Object.keys(out).length > 0 ? out : null
}
