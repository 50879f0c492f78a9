// The KPI area's own strings compile in every locale, keep the English placeholders, and exist in all five.
import { describe, expect, it } from 'vitest'
import { baseCompile } from '@intlify/message-compiler'
import en from '@/locales/areas/kpis/en'
import zhHans from '@/locales/areas/kpis/zh-Hans'
import zhHant from '@/locales/areas/kpis/zh-Hant'
import ro from '@/locales/areas/kpis/ro'
import hi from '@/locales/areas/kpis/hi'

type Tree = { [k: string]: string | Tree }

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>()
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k
    if (typeof v === 'string') out.set(key, v)
    else for (const [kk, vv] of flatten(v, key)) out.set(kk, vv)
  }
  return out
}
const vars = (m: string) => [...new Set([...m.matchAll(/\{\s*(\w+)\s*\}/g)].map((x) => x[1]))].sort()
const base = flatten(en as unknown as Tree)

describe.each([
  ['zh-Hans', zhHans],
  ['zh-Hant', zhHant],
  ['ro', ro],
  ['hi', hi],
  ['en', en],
])('kpis strings in %s', (_, tree) => {
  const flat = flatten(tree as unknown as Tree)
  it('has every English key with its placeholders', () => {
    expect([...flat.keys()].sort()).toEqual([...base.keys()].sort())
    for (const [key, text] of base) expect(vars(flat.get(key) ?? ''), key).toEqual(vars(text))
  })
  it('compiles every message', () => {
    for (const [key, text] of flat) {
      const errors: string[] = []
      baseCompile(text, { onError: (e) => errors.push(e.message), jit: true })
      expect(errors, `${key}: ${text}`).toEqual([])
      expect(text.includes('@'), key).toBe(false)
    }
  })
})
