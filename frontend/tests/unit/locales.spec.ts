// Every locale has exactly the English keys, the same {placeholders} per key, the right
// number of plural forms, and messages that vue-i18n's compiler accepts.
import { describe, expect, it } from 'vitest'
import { baseCompile } from '@intlify/message-compiler'
import { LOCALES, messages, type AppLocale } from '@/locales'
import { PLURAL_FORMS } from '@/i18n/plural'

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

function placeholders(msg: string): string[] {
  return [...new Set([...msg.matchAll(/\{\s*([A-Za-z_][\w]*)\s*\}/g)].map((m) => m[1]!))].sort()
}

const en = flatten(messages.en as unknown as Tree)

/** The error keys the contract (docs/frontend-contract.md) says every locale has. */
const CONTRACT_ERROR_KEYS: Record<string, string[]> = {
  'errors.internal': [],
  'errors.notFound': [],
  'errors.invalidInput': ['detail'],
  'errors.keyring.unavailable': [],
  'errors.keyring.locked': [],
  'errors.keyring.timeout': [],
  'errors.account.duplicate': [],
  'errors.telegram.tokenFormat': [],
  'errors.platform.auth': [],
  'errors.platform.rateLimited': ['seconds'],
  'errors.platform.transient': [],
  'errors.platform.permanent': ['detail'],
  'errors.platform.conflict': [],
  'errors.platform.windowClosed': [],
  'errors.send.emptyText': [],
  'errors.send.tooLong': ['max'],
  'errors.send.accountDisconnected': [],
  'errors.db.diskFull': [],
  'errors.db.corrupt': [],
  'errors.demo.failed': [],
}

describe('locales', () => {
  it('English has every contract error key with its placeholders', () => {
    for (const [key, ph] of Object.entries(CONTRACT_ERROR_KEYS)) {
      expect(en.has(key), key).toBe(true)
      expect(placeholders(en.get(key)!), key).toEqual(ph)
    }
  })

  describe.each(LOCALES.filter((l) => l !== 'en'))('%s', (locale) => {
    const flat = flatten(messages[locale] as unknown as Tree)

    it('has exactly the English keys', () => {
      expect([...flat.keys()].sort()).toEqual([...en.keys()].sort())
    })

    it('has the same placeholders per key', () => {
      for (const [key, text] of en) {
        expect(placeholders(flat.get(key) ?? ''), `${locale}:${key}`).toEqual(placeholders(text))
      }
    })

    it('has no empty message', () => {
      for (const [key, text] of flat) expect(text.trim(), `${locale}:${key}`).not.toBe('')
    })
  })

  describe.each(LOCALES)('%s messages', (locale: AppLocale) => {
    const flat = flatten(messages[locale] as unknown as Tree)

    it('compile without errors (no stray @, | or braces)', () => {
      for (const [key, text] of flat) {
        const errors: string[] = []
        baseCompile(text, { onError: (e) => errors.push(e.message), jit: true })
        expect(errors, `${locale}:${key}: ${text}`).toEqual([])
        expect(text.includes('@'), `${locale}:${key} has a bare @ (linked-message syntax)`).toBe(false)
      }
    })

    it('give each plural message one form per plural category of the language', () => {
      for (const [key, text] of en) {
        if (!text.includes(' | ')) continue
        const forms = flat.get(key)!.split(' | ')
        expect(forms.length, `${locale}:${key}`).toBe(PLURAL_FORMS[locale].length)
      }
    })
  })

  it('writes Romanian with comma-below ș and ț, never the cedilla forms', () => {
    const all = [...flatten(messages.ro as unknown as Tree).values()].join('\n')
    expect(all).not.toMatch(/[şţŞŢ]/)
    expect(all).toMatch(/[șț]/)
  })

  it('writes Hindi in Devanagari', () => {
    const flat = flatten(messages.hi as unknown as Tree)
    expect(flat.get('nav.inbox')).toMatch(/[\u0900-\u097F]/)
    expect(flat.get('errors.internal')).toMatch(/[\u0900-\u097F]/)
  })
})

describe('mergeAreas', () => {
  it('adds an area’s keys anywhere and refuses a message defined twice', async () => {
    const { mergeAreas } = await import('@/locales')
    const base = messages.en
    const merged = mergeAreas('en', base, { './areas/x/en.ts': { default: { xArea: { a: 'A' } } } }) as unknown as Tree
    expect((merged.xArea as Tree).a).toBe('A')
    const nested = mergeAreas('en', base, {
      './areas/x/en.ts': { default: { errors: { xArea: { bad: 'Bad' } } } },
    }) as unknown as Tree
    expect(((nested.errors as Tree).xArea as Tree).bad).toBe('Bad')
    expect((nested.errors as Tree).internal).toBe((flatten(base as unknown as Tree).get('errors.internal')))
    expect((base as unknown as { errors: Tree }).errors.xArea).toBeUndefined()
    expect(() => mergeAreas('en', base, { './areas/x/en.ts': { default: { nav: { inbox: 'x' } } } })).toThrow(
      /"nav.inbox" is defined twice/,
    )
    // Another locale's file is ignored.
    const ignored = mergeAreas('ro', messages.ro, { './areas/x/en.ts': { default: { xArea: {} } } }) as unknown as Tree
    expect(ignored.xArea).toBeUndefined()
  })
})
