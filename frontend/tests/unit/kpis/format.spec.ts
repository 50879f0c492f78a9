// The KPI view's formatting: values per unit, changes with the right tone, safe CSV.
import { describe, expect, it } from 'vitest'
import { changeTone, figureKey, formatChange, formatDuration, formatValue, toCsv } from '@/views/KpisView/format'

describe('formatValue', () => {
  it('shows a dash when there is nothing to measure', () => {
    expect(formatValue('minutes', null, '', 'en')).toBe('—')
    expect(formatValue('money', 1200, '', 'en')).toBe('—')
  })
  it('formats each unit', () => {
    expect(formatValue('ratio', 2 / 3, '', 'en')).toBe('66.7%')
    expect(formatValue('money', 8000, 'EUR', 'en')).toBe('€80.00')
    expect(formatValue('count', 1234, '', 'en')).toBe('1,234')
    expect(formatValue('minutes', 30, '', 'en')).toBe('30 min')
    expect(formatValue('hours', 2, '', 'en')).toBe('2 hr')
  })
  it('picks a readable duration unit', () => {
    expect(formatDuration(89, 'en')).toBe('89 min')
    expect(formatDuration(1950, 'en')).toBe('32.5 hr')
    expect(formatDuration(3 * 1440, 'en')).toBe('3 days')
  })
})

describe('changes', () => {
  it('signs the change and leaves it out without a previous value', () => {
    expect(formatChange(0.25, 'en')).toBe('+25%')
    expect(formatChange(-1 / 3, 'en')).toBe('-33.3%')
    expect(formatChange(null, 'en')).toBe('')
  })
  it('knows which figures should go down', () => {
    expect(changeTone('response-rate', 0.1)).toBe('good')
    expect(changeTone('response-rate', -0.1)).toBe('bad')
    expect(changeTone('first-response', 0.1)).toBe('bad')
    expect(changeTone('moderation-false-positives', -0.5)).toBe('good')
    expect(changeTone('volume', null)).toBe('flat')
  })
  it('maps metric names to locale keys', () => {
    expect(figureKey('moderation-false-positives')).toBe('moderationFalsePositives')
    expect(figureKey('aov')).toBe('aov')
  })
})

describe('toCsv', () => {
  it('quotes separators and neutralizes formulas from customer text', () => {
    const csv = toCsv(['Name', 'Value'], [['Mug, blue', 3], ['=HYPERLINK("x")', 1], ['say "hi"', 2]])
    expect(csv).toBe('Name,Value\r\n"Mug, blue",3\r\n"\'=HYPERLINK(""x"")",1\r\n"say ""hi""",2\r\n')
  })
  it('keeps negative numbers as numbers', () => {
    expect(toCsv(['v'], [[-2]])).toBe('v\r\n-2\r\n')
  })
})
