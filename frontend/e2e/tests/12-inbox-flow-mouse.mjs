// The acceptance path with the mouse: search a Chinese phrase and a Hindi word (hits
// highlighted), filter by platform and by tag, assign to a member, insert the "Order status"
// saved reply by typing "/" in the composer, see sending blocked while {order_id} is unfilled,
// fill it, send (the fake Telegram server receives exactly that text) and resolve.
import { assert, demoInfo, fakeTelegramSentTexts, openInbox, pickOption, waitFor } from '../lib.mjs'

export const name = 'inbox flow (mouse): search zh/hi, filter platform+tag, assign, "/" saved reply gap blocks send, send, resolve'

const MEMBER = 'Mira'
const TAG = 'collaboration'

/** Every hit contains the query and shows a highlighted (<mark>) piece of it. */
async function searchHighlighted(page, query) {
  await page.fill('[data-testid="search-input"]', query)
  const hits = page.locator('[data-testid="search-hit-text"]')
  await waitFor(async () => {
    const found = await hits.evaluateAll((els) =>
      els.map((el) => ({ text: el.textContent || '', marks: [...el.querySelectorAll('mark')].map((m) => m.textContent || '') })),
    )
    return (
      found.length > 0 &&
      found.every((h) => h.text.includes(query) && h.marks.some((m) => m.trim() !== '' && (query.includes(m.trim()) || m.includes(query))))
    )
  }, { timeout: 15000, message: `highlighted hits for ${query}` })
}

export default async function ({ page, baseURL, screenshot }) {
  await openInbox(page, baseURL)

  // A member who is working (Settings → Team).
  await page.goto(new URL('#/settings', baseURL).toString())
  await page.click('.n-tabs-tab[data-name="team"]')
  await page.fill('[data-testid="team-new-name"]', MEMBER)
  await page.click('[data-testid="team-add"]')
  await page.locator(`[data-testid="team-member"][data-member="${MEMBER}"]`).waitFor({ timeout: 10000 })
  await pickOption(page, 'team-working', MEMBER)

  await page.goto(new URL('#/inbox', baseURL).toString())
  const rows = page.locator('[data-testid="conversation-row"]')
  await waitFor(async () => (await rows.count()) >= 2, { timeout: 30000, message: 'conversations' })

  // Search: a Chinese phrase and a Hindi word, the matches marked.
  await searchHighlighted(page, '马克杯')
  await searchHighlighted(page, 'निराशा')
  await screenshot('search-hindi')
  await page.fill('[data-testid="search-input"]', '')
  await page.locator('[data-testid="search-results"]').waitFor({ state: 'detached', timeout: 10000 })

  // Filter by platform: only Telegram rows.
  await pickOption(page, 'filter-platform', 'Telegram')
  await waitFor(async () => {
    const ps = await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-platform')))
    return ps.length > 0 && ps.every((p) => p === 'telegram')
  }, { message: 'only Telegram rows' })

  // Open an open Telegram conversation and tag it.
  const row = page.locator('[data-testid="conversation-row"][data-platform="telegram"][data-status="open"]').first()
  await row.waitFor({ timeout: 10000 })
  const id = await row.getAttribute('data-conversation-id')
  const mine = page.locator(`[data-testid="conversation-row"][data-conversation-id="${id}"]`)
  await row.click()
  await page.waitForSelector(`[data-testid="thread"][data-conversation-id="${id}"]`)
  if ((await mine.locator(`[data-testid="conversation-tag"][data-tag="${TAG}"]`).count()) === 0) {
    await pickOption(page, 'conversation-tags', TAG, { multiple: true })
  }
  await mine.locator(`[data-testid="conversation-tag"][data-tag="${TAG}"]`).waitFor({ timeout: 10000 })

  // Filter by tag: every row left carries it, ours among them.
  await pickOption(page, 'filter-tag', TAG)
  await waitFor(async () => {
    const n = await rows.count()
    const tagged = await page.locator(`[data-testid="conversation-row"]:has([data-tag="${TAG}"])`).count()
    const ps = await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-platform')))
    return n > 0 && n === tagged && ps.every((p) => p === 'telegram') && (await mine.count()) === 1
  }, { message: `only Telegram rows tagged "${TAG}"` })

  // Assign to the member who is working (no hand-off needed).
  await pickOption(page, 'conversation-assignee-select', MEMBER)
  await mine.locator('[data-testid="conversation-assignee"]').waitFor({ timeout: 10000 })

  // The composer counts Telegram's 4,096 characters, and the paperclip shows what files Telegram accepts.
  assert((await page.locator('[data-testid="composer-counter"]').innerText()).includes('4096'), 'no Telegram length counter')
  await Promise.all([page.waitForEvent('filechooser'), page.click('[data-testid="composer-attach"]')])
  assert((await page.locator('[data-testid="composer-attach-rules"]').innerText()).includes('Telegram'), 'the accepted files do not name Telegram')

  // "/" in the composer opens the saved replies; pick "Order status".
  const input = page.locator('textarea[data-testid="composer-input"]')
  await input.click()
  await input.fill('/order')
  const option = page.locator('[data-testid="template-option"]', { hasText: 'Order status' }).first()
  await option.waitFor({ timeout: 10000 })
  await option.click()
  await waitFor(async () => (await input.inputValue()).includes('{order_id}'), { message: 'the saved reply in the composer' })
  assert(!(await input.inputValue()).includes('/order'), 'the "/order" trigger was left in the text')

  // The gap blocks sending and is named.
  const gaps = page.locator('[data-testid="composer-gaps"]')
  await gaps.waitFor()
  assert((await gaps.innerText()).includes('order_id'), `gap text: ${await gaps.innerText()}`)
  assert((await gaps.locator('[data-testid="token-gap"]').first().innerText()) === '{order_id}', 'the gap is not marked')
  assert(await page.locator('[data-testid="composer-send"]').isDisabled(), 'send is enabled while {order_id} is unfilled')
  await screenshot('gap')

  // Fill the gap: sending is allowed again.
  const orderId = `#E2E${Date.now().toString(36).toUpperCase()}`
  const text = (await input.inputValue()).replace('{order_id}', orderId)
  await input.fill(text)
  await gaps.waitFor({ state: 'detached' })
  await waitFor(async () => !(await page.locator('[data-testid="composer-send"]').isDisabled()), { message: 'send to be enabled' })
  await page.click('[data-testid="composer-send"]')

  const sentMsg = page.locator('[data-testid="thread-message"][data-direction="out"]', { hasText: orderId })
  await sentMsg.waitFor({ timeout: 20000 })
  await waitFor(async () => (await sentMsg.getAttribute('data-state')) === 'sent', { timeout: 20000, message: 'the reply to be sent' })
  const { fakes } = await demoInfo()
  const sent = await fakeTelegramSentTexts(fakes.telegram)
  assert(sent.filter((s) => s === text).length === 1, `the fake Telegram did not receive the filled reply once (${sent.length} sent)`)
  assert(!sent.some((s) => s.includes('{order_id}')), 'a text with an unfilled token reached the platform')

  // Resolve.
  await pickOption(page, 'conversation-status', 'Resolved')
  await waitFor(async () => (await mine.getAttribute('data-status')) === 'resolved', { message: 'the row to show resolved' })
}
