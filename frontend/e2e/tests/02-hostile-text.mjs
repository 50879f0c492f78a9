// Platform text is shown as text: the demo's message `<img src=x onerror="window.__pwned=1">`
// must appear literally and never run.
import { allRowTexts, assert, openInbox, waitFor } from '../lib.mjs'

export const name = 'hostile message text renders as literal text'

const HOSTILE = '<img src=x onerror="window.__pwned=1">'

export default async function ({ page, baseURL }) {
  await openInbox(page, baseURL)

  // Find the conversation through search (works however far down the list it is), falling
  // back to scanning the list.
  let id = null
  await page.keyboard.press('/')
  await page.locator('[data-testid="search-input"]').fill('onerror')
  await page.keyboard.press('Enter')
  const hit = page.locator('[data-testid="search-hit"]').first()
  try {
    await hit.waitFor({ timeout: 10000 })
    id = await hit.getAttribute('data-conversation-id')
    await hit.click()
  } catch {
    await page.locator('[data-testid="search-input"]').fill('')
    await page.keyboard.press('Escape')
    const rows = await waitFor(
      async () => {
        const all = await allRowTexts(page)
        return [...all].find(([, t]) => t.includes('onerror')) ?? null
      },
      { timeout: 30000, interval: 1000, message: 'the hostile conversation in the list' },
    )
    id = rows[0]
    await page.locator(`[data-testid="conversation-row"][data-conversation-id="${id}"]`).click()
  }

  const message = page.locator(`[data-testid="thread"][data-conversation-id="${id}"] [data-testid="message-text"]`, { hasText: 'onerror' }).first()
  await message.waitFor()
  const shown = await message.innerText()
  assert(shown.includes(HOSTILE), `message shows ${JSON.stringify(shown)}, not the literal markup`)
  assert((await message.locator('img').count()) === 0, 'an <img> element was created from message text')
  assert((await page.locator('[data-testid="thread"] img').count()) === 0, 'the thread contains an <img>')
  await page.waitForTimeout(500)
  const pwned = await page.evaluate(() => window.__pwned)
  assert(pwned === undefined, `window.__pwned is ${pwned}`)
}
