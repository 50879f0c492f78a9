// The token language's frontend half: the known tokens and the rule that finds the ones a
// text still holds. It mirrors backend/templates (tokens.go, unfilled.go); both sides are
// tested against backend/templates/testdata/unfilled.json, so keep them in step.

/** Where a token's value comes from. */
export type TokenSource = 'contact' | 'thread' | 'workspace' | 'actor' | 'manual'

export interface TokenInfo {
  name: string
  source: TokenSource
}

/** The known tokens, in display order (the one list on this side). */
export const TOKENS: readonly TokenInfo[] = [
  { name: 'first_name', source: 'contact' },
  { name: 'full_name', source: 'contact' },
  { name: 'author_name', source: 'thread' },
  { name: 'brand', source: 'workspace' },
  { name: 'agent_name', source: 'actor' },
  { name: 'order_id', source: 'manual' },
  { name: 'product_name', source: 'manual' },
  { name: 'issue', source: 'manual' },
  { name: 'tracking_link', source: 'manual' },
  { name: 'discount_code', source: 'manual' },
]

const KNOWN = new Set(TOKENS.map((t) => t.name))

/** {name} or {name|fallback}, spaces or tabs around the name: the same pattern as Go's. */
const TOKEN_PATTERN = /\{[ \t]*([a-z0-9_]+)[ \t]*(?:\|[^{}]*)?\}/g

export function isKnownToken(name: string): boolean {
  return KNOWN.has(name)
}

/** A place in a text: [start, end) in JS string offsets. */
export interface TokenRange {
  start: number
  end: number
  name: string
}

/** Every known token still in the text, with where it is. */
export function unfilledRanges(text: string): TokenRange[] {
  const out: TokenRange[] = []
  for (const m of text.matchAll(TOKEN_PATTERN)) {
    const name = m[1]!
    if (KNOWN.has(name)) out.push({ start: m.index!, end: m.index! + m[0].length, name })
  }
  return out
}

/** The known tokens the text still holds, once each, in order of first appearance. */
export function unfilledTokens(text: string): string[] {
  return [...new Set(unfilledRanges(text).map((r) => r.name))]
}

/** A piece of text, marked when it is a gap (or a problem) to show. */
export interface Segment {
  text: string
  mark: boolean
}

/** Splits text into plain and marked segments by non-overlapping ranges (sorted or not). */
export function segments(text: string, ranges: ReadonlyArray<{ start: number; end: number }>): Segment[] {
  const sorted = [...ranges].filter((r) => r.end > r.start).sort((a, b) => a.start - b.start)
  const out: Segment[] = []
  let at = 0
  for (const r of sorted) {
    const start = Math.max(r.start, at)
    const end = Math.min(r.end, text.length)
    if (start >= end) continue
    if (start > at) out.push({ text: text.slice(at, start), mark: false })
    out.push({ text: text.slice(start, end), mark: true })
    at = end
  }
  if (at < text.length) out.push({ text: text.slice(at), mark: false })
  return out
}
