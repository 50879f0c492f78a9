// The acceptance path again, keyboard only (setup of a working member goes through the bound
// Team facade, as the Settings form would): / searches a Chinese phrase and a Hindi word (hits
// highlighted), f + Tab reach the platform and tag filters, j/Enter open, t tags, a assigns,
// r + "/order" + Enter inserts a saved reply whose {order_id} gap blocks Ctrl+Enter until it is
// filled, Ctrl+Enter sends (the fake Telegram server receives exactly that text), e resolves.
import { assert, demoInfo, fakeTelegramSentTexts, openInbox, waitFor } from '../lib.mjs'

export const name = 'inbox flow (keyboard only): search zh/hi, filter platform+tag, tag, assign, "/" saved reply gap blocks send, send, resolve'

const MEMBER = 'Tomas'
const TAG = 'product inquiry'

const focusedTestId = (page) => page.evaluate(() => document.activeElement?.closest('[data-testid]')?.getAttribute('data-testid') ?? '')

async function blur(page) {
  await page.evaluate(() => (document.activeElement instanceof HTMLElement ? document.activeElement.blur() : undefined))
}

async function menuClosed(page) {
  await waitFor(async () => {
    if ((await page.locator('.n-base-select-menu:visible').count()) === 0) return true
    await page.keyboard.press('Escape')
    return false
  }, { timeout: 5000, message: 'the menu to close' })
}

/** Presses ArrowDown in the open menu until the highlighted option shows label. */
async function highlight(page, label) {
  await waitFor(async () => {
    const pending = await page.locator('.n-base-select-menu:visible .n-base-select-option--pending').innerText().catch(() => '')
    if (pending.trim().toLowerCase() === label.toLowerCase()) return true
    await page.keyboard.press('ArrowDown')
    return false
  }, { timeout: 8000, interval: 250, message: `${label} to be highlighted` })
}

/** Presses key until the focused element (or its nearest data-testid ancestor) is testId. */
async function tabTo(page, testId, key = 'Tab') {
  await waitFor(async () => {
    if ((await focusedTestId(page)) === testId) return true
    await page.keyboard.press(key)
    return false
  }, { timeout: 5000, interval: 150, message: `${key} to reach ${testId}` })
}

/** Opens the focused select's menu, highlights label and picks it. */
async function choose(page, label) {
  await page.keyboard.press('Enter')
  await page.locator('.n-base-select-menu:visible').waitFor({ timeout: 5000 })
  await highlight(page, label)
  await page.keyboard.press('Enter')
  await menuClosed(page)
}

const composerValue = (page) => page.locator('textarea[data-testid="composer-input"]').inputValue()

async function searchHighlighted(page, query) {
  await page.keyboard.type(query)
  await waitFor(async () => {
    const found = await page.locator('[data-testid="search-hit-text"]').evaluateAll((els) =>
      els.map((el) => ({ text: el.textContent || '', marks: [...el.querySelectorAll('mark')].map((m) => m.textContent || '') })),
    )
    return (
      found.length > 0 &&
      found.every((h) => h.text.includes(query) && h.marks.some((m) => m.trim() !== '' && (query.includes(m.trim()) || m.includes(query))))
    )
  }, { timeout: 15000, message: `highlighted hits for ${query}` })
  // Select all and delete: the search clears, the list comes back.
  await page.keyboard.press('Control+A')
  await page.keyboard.press('Backspace')
  await page.locator('[data-testid="search-results"]').waitFor({ state: 'detached', timeout: 10000 })
}

export default async function ({ page, baseURL, screenshot }) {
  await openInbox(page, baseURL)
  const memberId = await page.evaluate(async (name) => {
    const team = window.go.app.Team
    const s = await team.SaveMember({ id: 0, name, role: 'agent', color: '#2b8a3e', active: true })
    const me = s.members.find((m) => m.name === name)
    await team.SetCurrent(me.id)
    return me.id
  }, MEMBER)
  assert(memberId > 0, 'a member to work as')
  await page.reload()
  const rows = page.locator('[data-testid="conversation-row"]')
  await waitFor(async () => (await rows.count()) >= 2, { timeout: 30000, message: 'conversations' })
  await page.locator(`[data-testid="who-is-working"][data-member="${MEMBER}"]`).waitFor({ timeout: 10000 })

  // / focuses search: a Chinese phrase, then a Hindi word.
  for (const query of ['马克杯', 'निराशा']) {
    await blur(page)
    await page.keyboard.press('/')
    await waitFor(async () => (await focusedTestId(page)) === 'search-input', { message: 'the search box to have focus' })
    await searchHighlighted(page, query)
  }
  await page.keyboard.press('Escape')

  // f focuses the status filter; Shift+Tab walks back to the platform filter.
  await blur(page)
  await page.keyboard.press('f')
  await waitFor(async () => (await focusedTestId(page)) === 'filter-status', { message: 'the status filter to have focus' })
  await tabTo(page, 'filter-platform', 'Shift+Tab')
  await choose(page, 'Telegram')
  await waitFor(async () => {
    const ps = await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-platform')))
    return ps.length > 0 && ps.every((p) => p === 'telegram')
  }, { message: 'only Telegram rows' })

  // j moves to the first row, more j to the first open one; Enter opens it.
  await blur(page)
  const ids = await rows.evaluateAll((els) => els.map((e) => ({ id: e.getAttribute('data-conversation-id'), status: e.getAttribute('data-status') })))
  const target = ids.findIndex((r) => r.status === 'open')
  assert(target >= 0, `no open Telegram conversation among ${ids.length}`)
  const id = ids[target].id
  await waitFor(async () => {
    const active = await page.evaluate(() => document.querySelector('[data-testid="conversation-row"].active')?.getAttribute('data-conversation-id') ?? null)
    if (active === id) return true
    const at = ids.findIndex((r) => r.id === active)
    await page.keyboard.press(at > target ? 'k' : 'j')
    return false
  }, { timeout: 10000, interval: 150, message: 'j/k to reach the open conversation' })
  await page.keyboard.press('Enter')
  await page.waitForSelector(`[data-testid="thread"][data-conversation-id="${id}"]`)
  const row = page.locator(`[data-testid="conversation-row"][data-conversation-id="${id}"]`)

  // t: tag it (type to find the tag, Enter picks it).
  if ((await row.locator(`[data-testid="conversation-tag"][data-tag="${TAG}"]`).count()) === 0) {
    await blur(page)
    await page.keyboard.press('t')
    await waitFor(async () => (await focusedTestId(page)) === 'conversation-tags', { message: 'the tag menu to have focus' })
    await page.keyboard.press('Enter')
    await page.keyboard.type('product')
    await page.locator('.n-base-select-menu:visible .n-base-select-option', { hasText: TAG }).first().waitFor({ timeout: 5000 })
    await highlight(page, TAG)
    await page.keyboard.press('Enter')
    await menuClosed(page)
  }
  await row.locator(`[data-testid="conversation-tag"][data-tag="${TAG}"]`).waitFor({ timeout: 10000 })

  // f, then Tab forward to the tag filter.
  await blur(page)
  await page.keyboard.press('f')
  await waitFor(async () => (await focusedTestId(page)) === 'filter-status', { message: 'the status filter to have focus' })
  await tabTo(page, 'filter-tag')
  await page.keyboard.press('Enter')
  await page.keyboard.type('product')
  await page.locator('.n-base-select-menu:visible .n-base-select-option', { hasText: TAG }).first().waitFor({ timeout: 5000 })
  await highlight(page, TAG)
  await page.keyboard.press('Enter')
  await menuClosed(page)
  await waitFor(async () => {
    const n = await rows.count()
    const tagged = await page.locator(`[data-testid="conversation-row"]:has([data-tag="${TAG}"])`).count()
    const ps = await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-platform')))
    return n > 0 && n === tagged && ps.every((p) => p === 'telegram') && (await row.count()) === 1
  }, { message: `only Telegram rows tagged "${TAG}"` })

  // a: assign to who is working.
  await blur(page)
  await page.keyboard.press('a')
  await waitFor(async () => (await focusedTestId(page)) === 'conversation-assignee-select', { message: 'the assignee menu to have focus' })
  await choose(page, MEMBER)
  await row.locator('[data-testid="conversation-assignee"]').waitFor({ timeout: 10000 })

  // r, then "/order": the picker lists the saved replies; Enter inserts the first.
  await blur(page)
  await page.keyboard.press('r')
  await waitFor(async () => (await focusedTestId(page)) === 'composer-input', { message: 'the composer to have focus' })
  await page.keyboard.type('/order')
  const first = page.locator('[data-testid="template-option"]').first()
  await first.waitFor({ timeout: 10000 })
  await waitFor(async () => (await page.locator('[data-testid="template-picker"]').getAttribute('aria-busy')) === 'false', { message: 'the picker to settle' })
  assert((await first.innerText()).includes('Order status'), `the first saved reply is "${await first.innerText()}"`)
  await page.keyboard.press('Enter')
  await waitFor(async () => (await composerValue(page)).includes('{order_id}'), { message: 'the saved reply in the composer' })

  // Ctrl+Enter does nothing while {order_id} is unfilled.
  const gaps = page.locator('[data-testid="composer-gaps"]')
  await gaps.waitFor()
  assert(await page.locator('[data-testid="composer-send"]').isDisabled(), 'send is enabled while {order_id} is unfilled')
  const outBefore = await page.locator('[data-testid="thread-message"][data-direction="out"]').count()
  await page.keyboard.press('Control+Enter')
  await page.waitForTimeout(800)
  assert((await page.locator('[data-testid="thread-message"][data-direction="out"]').count()) === outBefore, 'a reply went out with a gap')
  await screenshot('gap')

  // Fill the gap with the keys: walk the caret to the token's end, delete it, type the value.
  const value = await composerValue(page)
  const end = value.indexOf('{order_id}') + '{order_id}'.length
  await waitFor(async () => {
    const caret = await page.locator('textarea[data-testid="composer-input"]').evaluate((el) => el.selectionStart)
    if (caret === end) return true
    await page.keyboard.press(caret > end ? 'ArrowLeft' : 'ArrowRight')
    return false
  }, { timeout: 20000, interval: 10, message: 'the caret after {order_id}' })
  for (let i = 0; i < '{order_id}'.length; i++) await page.keyboard.press('Backspace')
  const orderId = `#KB${Date.now().toString(36).toUpperCase()}`
  await page.keyboard.type(orderId)
  const text = await composerValue(page)
  assert(text === value.replace('{order_id}', orderId), `the composer holds "${text}"`)
  await gaps.waitFor({ state: 'detached' })

  await page.keyboard.press('Control+Enter')
  const sentMsg = page.locator('[data-testid="thread-message"][data-direction="out"]', { hasText: orderId })
  await sentMsg.waitFor({ timeout: 20000 })
  await waitFor(async () => (await sentMsg.getAttribute('data-state')) === 'sent', { timeout: 20000, message: 'the reply to be sent' })
  const { fakes } = await demoInfo()
  const sent = await fakeTelegramSentTexts(fakes.telegram)
  assert(sent.filter((s) => s === text).length === 1, `the fake Telegram did not receive the filled reply once (${sent.length} sent)`)

  // Esc leaves the composer, e resolves.
  await waitFor(async () => {
    if ((await focusedTestId(page)) !== 'composer-input') return true
    await page.keyboard.press('Escape')
    return false
  }, { timeout: 5000, interval: 300, message: 'Esc to leave the composer' })
  await page.keyboard.press('e')
  await waitFor(async () => (await row.getAttribute('data-status')) === 'resolved', { message: 'the row to show resolved' })
  const status = await page.evaluate((cid) => window.go.app.Inbox.GetThread(cid).then((t) => t.conversation.status), Number(id))
  assert(status === 'resolved', `the conversation is ${status}, not resolved`)
}
