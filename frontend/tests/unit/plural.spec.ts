// Romanian has three plural forms (one / few / other); Hindi counts 0 as "one".
import { afterEach, describe, expect, it } from 'vitest'
import { makePluralRule, romanianPluralRule } from '@/i18n/plural'
import { applyLocale, i18n } from '@/i18n'

afterEach(() => applyLocale('en'))

describe('Romanian plural rule', () => {
  it.each([
    [1, 0],
    [0, 1],
    [2, 1],
    [19, 1],
    [20, 2],
    [21, 2],
    [100, 2],
    [101, 1],
    [102, 1],
    [119, 1],
    [120, 2],
    [1284, 2],
  ])('%i → form %i of 3', (n, form) => {
    expect(romanianPluralRule(n, 3)).toBe(form)
  })

  it('never points past the forms a message has', () => {
    expect(romanianPluralRule(100, 2)).toBe(1)
    expect(romanianPluralRule(5, 1)).toBe(0)
  })

  it('drives vue-i18n: 1 mesaj, 5 mesaje, 20 de mesaje', () => {
    applyLocale('ro')
    const t = i18n.global.t
    expect(t('inbox.list.unread', { n: 1 }, 1)).toBe('1 mesaj necitit')
    expect(t('inbox.list.unread', { n: 5 }, 5)).toBe('5 mesaje necitite')
    expect(t('inbox.list.unread', { n: 20 }, 20)).toBe('20 de mesaje necitite')
    expect(t('inbox.list.unread', { n: 101 }, 101)).toBe('101 mesaje necitite')
  })
})

describe('other languages', () => {
  it('Hindi uses the singular form for 0 and 1', () => {
    const hi = makePluralRule('hi')
    expect([0, 1, 2, 5].map((n) => hi(n, 2))).toEqual([0, 0, 1, 1])
  })

  it('English uses the plural form for 0', () => {
    const en = makePluralRule('en')
    expect([0, 1, 2].map((n) => en(n, 2))).toEqual([1, 0, 1])
    applyLocale('en')
    expect(i18n.global.t('inbox.search.results', { n: 0 }, 0)).toBe('0 results')
    expect(i18n.global.t('inbox.search.results', { n: 1 }, 1)).toBe('1 result')
  })

  it('Chinese has a single form', () => {
    applyLocale('zh-Hans')
    expect(i18n.global.t('inbox.search.results', { n: 3 }, 3)).toBe('3 条结果')
  })
})
