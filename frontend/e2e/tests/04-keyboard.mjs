// Keyboard: j/k move in the list, Enter opens, r focuses the reply box, Esc leaves it,
// / focuses search.
import { assert, openInbox, waitFor } from '../lib.mjs'

export const name = 'keyboard: j/k, Enter, r, Esc and / work in the inbox'

const focusedTestId = (page) => page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? '')

export default async function ({ page, baseURL }) {
  await openInbox(page, baseURL)
  const rows = page.locator('[data-testid="conversation-row"]')
  await waitFor(async () => (await rows.count()) >= 2, { timeout: 30000, message: 'two conversations' })
  const second = await rows.nth(1).getAttribute('data-conversation-id')

  await page.locator('[data-testid="thread"]').click({ position: { x: 5, y: 5 } }).catch(() => {})
  await page.evaluate(() => (document.activeElement instanceof HTMLElement ? document.activeElement.blur() : undefined))
  await page.keyboard.press('j')
  await page.keyboard.press('j')
  await page.keyboard.press('k')
  await page.keyboard.press('j')
  await page.keyboard.press('Enter')
  await page.waitForSelector(`[data-testid="thread"][data-conversation-id="${second}"]`)

  await page.keyboard.press('r')
  await waitFor(async () => (await focusedTestId(page)) === 'composer-input', { message: 'the composer to have focus' })
  await page.keyboard.press('Escape')
  await waitFor(async () => (await focusedTestId(page)) !== 'composer-input', { message: 'Esc to leave the composer' })

  await page.keyboard.press('/')
  await waitFor(async () => (await focusedTestId(page)) === 'search-input', { message: 'the search box to have focus' })
  assert((await page.locator('[data-testid="search-input"]').inputValue()) === '', '"/" was typed into the search box')
  await page.keyboard.press('Escape')
}
