// Keyboard only (no mouse after setup): filter by status, open a conversation, tag it, assign
// it to who is working, reply (Ctrl+Enter) and resolve. Setup (a member who is working) goes
// through the bound Team facade, as the Settings form would.
import { assert, openInbox, waitFor } from '../lib.mjs'

export const name = 'triage keyboard: filter, open, tag, assign, reply, resolve without a mouse'

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
    if (pending.trim() === label) return true
    await page.keyboard.press('ArrowDown')
    return false
  }, { timeout: 8000, interval: 250, message: `${label} to be highlighted` })
}

export default async function ({ page, baseURL }) {
  await openInbox(page, baseURL)
  const setup = await page.evaluate(async () => {
    const team = window.go.app.Team
    const s = await team.SaveMember({ id: 0, name: 'Keya', role: 'owner', color: '#1971c2', active: true })
    const me = s.members.find((m) => m.name === 'Keya')
    await team.SetCurrent(me.id)
    return me.id
  })
  assert(setup > 0, 'a member to work as')
  // The shell's switcher learns about the member on the next load: reload the page.
  await page.reload()
  const rows = page.locator('[data-testid="conversation-row"]')
  await waitFor(async () => (await rows.count()) >= 2, { timeout: 30000, message: 'conversations' })
  await page.locator('[data-testid="who-is-working"][data-member="Keya"]').waitFor({ timeout: 10000 })

  // Filter: f focuses the status filter; open its menu, pick "Open".
  await blur(page)
  await page.keyboard.press('f')
  await waitFor(async () => (await focusedTestId(page)) === 'filter-status', { message: 'the status filter to have focus' })
  await page.keyboard.press('Enter')
  await page.locator('.n-base-select-menu:visible').waitFor({ timeout: 5000 })
  await highlight(page, 'Open')
  await page.keyboard.press('Enter')
  await menuClosed(page)
  await waitFor(async () => (await page.locator('[data-testid="filter-status"]').innerText()).includes('Open'), { message: 'the status filter to say Open' })
  await waitFor(async () => {
    const s = await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-status')))
    return s.length > 0 && s.every((x) => x === 'open')
  }, { message: 'only open rows' })

  // Open the first row: j then Enter.
  await blur(page)
  await page.keyboard.press('j')
  await page.keyboard.press('Enter')
  const id = await rows.first().getAttribute('data-conversation-id')
  await page.waitForSelector(`[data-testid="thread"][data-conversation-id="${id}"]`)
  const row = page.locator(`[data-testid="conversation-row"][data-conversation-id="${id}"]`)

  // Tag: t focuses the tag menu; type to find "order issue", Enter picks it.
  await blur(page)
  await page.keyboard.press('t')
  await waitFor(async () => (await focusedTestId(page)) === 'conversation-tags', { message: 'the tag menu to have focus' })
  await page.keyboard.press('Enter')
  await page.keyboard.type('order')
  await page.locator('.n-base-select-menu:visible .n-base-select-option', { hasText: 'order issue' }).first().waitFor({ timeout: 5000 })
  await page.keyboard.press('Enter')
  await menuClosed(page)
  await row.locator('[data-testid="conversation-tag"][data-tag="order issue"]').waitFor({ timeout: 10000 })

  // Assign: a focuses the assignee menu; pick who is working (no hand-off needed).
  await blur(page)
  await page.keyboard.press('a')
  await waitFor(async () => (await focusedTestId(page)) === 'conversation-assignee-select', { message: 'the assignee menu to have focus' })
  await page.keyboard.press('Enter')
  await page.locator('.n-base-select-menu:visible').waitFor({ timeout: 5000 })
  await highlight(page, 'Keya')
  await page.keyboard.press('Enter')
  await menuClosed(page)
  await row.locator('[data-testid="conversation-assignee"]').waitFor({ timeout: 10000 })

  // Reply: r focuses the composer, type, Ctrl+Enter sends.
  await blur(page)
  await page.keyboard.press('r')
  await waitFor(async () => (await focusedTestId(page)) === 'composer-input', { message: 'the composer to have focus' })
  const text = `Keyboard reply ${Date.now()}`
  await page.keyboard.type(text)
  await page.keyboard.press('Control+Enter')
  await waitFor(async () => (await page.locator('[data-testid="thread-message"]', { hasText: text }).count()) === 1, {
    timeout: 20000,
    message: 'the reply in the thread',
  })

  // Resolve: leave the composer, e resolves.
  // (A first Esc may close the composer's saved-reply menu; press until the focus leaves.)
  await waitFor(async () => {
    if ((await focusedTestId(page)) !== 'composer-input') return true
    await page.keyboard.press('Escape')
    return false
  }, { timeout: 5000, interval: 300, message: 'Esc to leave the composer' })
  await page.keyboard.press('e')
  await waitFor(async () => {
    const statuses = await row.evaluateAll((els) => els.map((e) => e.getAttribute('data-status')))
    return statuses.length === 0 || statuses[0] === 'resolved'
  }, { message: 'the conversation to be resolved (it leaves the open filter)' })
  const resolved = await page.evaluate((cid) => window.go.app.Inbox.GetThread(cid).then((t) => t.conversation.status), Number(id))
  assert(resolved === 'resolved', `the conversation is ${resolved}, not resolved`)
}
