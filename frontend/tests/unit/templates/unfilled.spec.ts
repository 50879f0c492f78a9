// unfilled.ts follows the same rules as Go's templates.UnfilledTokens: both are tested against
// backend/templates/testdata/unfilled.json (the token list and every case).
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { segments, TOKENS, unfilledRanges, unfilledTokens } from '@/components/templates/unfilled'
import { applyPick, slashQueryAt } from '@/components/templates/slash'

interface Fixture {
  tokens: { name: string; source: string }[]
  cases: { text: string; unfilled: string[] }[]
}

const fixture = JSON.parse(
  readFileSync(resolve(__dirname, '../../../../backend/templates/testdata/unfilled.json'), 'utf8'),
) as Fixture

describe('unfilledTokens (shared fixture with Go)', () => {
  it('knows exactly the Go token list', () => {
    expect(TOKENS.map((t) => ({ name: t.name, source: t.source }))).toEqual(fixture.tokens)
  })

  it.each(fixture.cases)('$text', ({ text, unfilled }) => {
    expect(unfilledTokens(text)).toEqual(unfilled)
  })
})

describe('unfilledRanges and segments', () => {
  it('gives JS string offsets, after emoji too', () => {
    const text = '😊 Hi {first_name}, order {order_id|x}'
    const ranges = unfilledRanges(text)
    expect(ranges.map((r) => text.slice(r.start, r.end))).toEqual(['{first_name}', '{order_id|x}'])
    expect(segments(text, ranges)).toEqual([
      { text: '😊 Hi ', mark: false },
      { text: '{first_name}', mark: true },
      { text: ', order ', mark: false },
      { text: '{order_id|x}', mark: true },
    ])
  })

  it('ignores empty, overlapping and out-of-range ranges', () => {
    expect(segments('abcdef', [{ start: 4, end: 9 }, { start: 1, end: 1 }, { start: 0, end: 2 }, { start: 1, end: 3 }])).toEqual([
      { text: 'ab', mark: true },
      { text: 'c', mark: true },
      { text: 'd', mark: false },
      { text: 'ef', mark: true },
    ])
  })
})

describe('slash queries', () => {
  it('finds "/query" at the start or after a space, up to the caret', () => {
    expect(slashQueryAt('/ord', 4)).toEqual({ start: 0, query: 'ord' })
    expect(slashQueryAt('thanks! /', 9)).toEqual({ start: 8, query: '' })
    expect(slashQueryAt('see /ship now', 9)).toEqual({ start: 4, query: 'ship' })
    expect(slashQueryAt('退款 /退', 5)).toEqual({ start: 3, query: '退' })
    expect(slashQueryAt('https://x.y/ord', 15)).toBeNull()
    expect(slashQueryAt('/ord more', 9)).toBeNull()
    expect(slashQueryAt('a/b', 3)).toBeNull()
  })

  it('replaces the query with the rendered reply and moves the caret after it', () => {
    const q = slashQueryAt('Hi! /ord', 8)!
    expect(applyPick('Hi! /ord', q, 8, 'Order {order_id} ships today.')).toEqual({
      text: 'Hi! Order {order_id} ships today.',
      caret: 33,
    })
  })
})
