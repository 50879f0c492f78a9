// Helpers shared by the end-to-end tests.
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'

export class AssertionError extends Error {}

export function assert(cond, message) {
  if (!cond) throw new AssertionError(message)
}

/** Polls `fn` until it returns a truthy value; returns it, or throws `message` after `timeout` ms. */
export async function waitFor(fn, { timeout = 15000, interval = 200, message = 'condition' } = {}) {
  const deadline = Date.now() + timeout
  let last
  for (;;) {
    try {
      last = await fn()
      if (last) return last
    } catch (err) {
      last = err
    }
    if (Date.now() > deadline) {
      const why = last instanceof Error ? `: ${last.message}` : ''
      throw new AssertionError(`timed out after ${timeout} ms waiting for ${message}${why}`)
    }
    await new Promise((r) => setTimeout(r, interval))
  }
}

/** The fake platforms' addresses the demo wrote into its data dir. */
export async function demoInfo() {
  const dir = process.env.E2E_DATA_DIR
  assert(dir, 'E2E_DATA_DIR is not set')
  const info = JSON.parse(await readFile(join(dir, 'demo.json'), 'utf8'))
  assert(info && info.fakes && info.fakes.telegram, `demo.json has no fakes.telegram: ${JSON.stringify(info)}`)
  return info
}

/** Opens the app; if the first-run screen shows, opens the demo workspace from it. */
export async function openInbox(page, baseURL) {
  await page.goto(new URL('#/inbox', baseURL).toString())
  const where = await waitFor(
    async () => {
      if (await page.locator('[data-testid="inbox-view"]').count()) return 'inbox'
      if (await page.locator('[data-testid="first-run-demo"]').count()) return 'first-run'
      return null
    },
    { timeout: 20000, message: 'the inbox or the first-run screen' },
  )
  if (where === 'first-run') {
    await page.click('[data-testid="first-run-demo"]')
    await page.waitForSelector('[data-testid="inbox-view"]', { timeout: 30000 })
  }
}

/** Which scripts a text uses: Latin, Han, Devanagari. */
export function scriptsIn(text) {
  const found = new Set()
  if (/\p{Script=Latin}/u.test(text)) found.add('Latin')
  if (/\p{Script=Han}/u.test(text)) found.add('Han')
  if (/\p{Script=Devanagari}/u.test(text)) found.add('Devanagari')
  return found
}

/**
 * Texts (title + snippet) of every conversation row, scrolling the virtualized list from top
 * to bottom (bounded) so rows outside the first screen count too; scrolls back to the top.
 */
export async function allRowTexts(page, { maxSteps = 60 } = {}) {
  const list = page.locator('[data-testid="conversation-list"]')
  const seen = new Map()
  for (let step = 0; step < maxSteps; step++) {
    const rows = await page.$$eval('[data-testid="conversation-row"]', (els) =>
      els.map((el) => ({ id: el.getAttribute('data-conversation-id'), text: el.textContent || '' })),
    )
    for (const r of rows) seen.set(r.id, r.text)
    const atEnd = await list.evaluate((el) => {
      const end = el.scrollTop + el.clientHeight >= el.scrollHeight - 2
      el.scrollTop += el.clientHeight * 0.8
      return end
    })
    if (atEnd) break
    await page.waitForTimeout(120)
  }
  await list.evaluate((el) => (el.scrollTop = 0))
  return seen
}

/** The texts of the messages the fake Telegram server says the bot sent. */
export async function fakeTelegramSentTexts(baseURL) {
  const res = await fetch(new URL('/_fake/sent', baseURL))
  assert(res.ok, `GET /_fake/sent answered ${res.status}`)
  const body = await res.json()
  const list = Array.isArray(body) ? body : (body.sent ?? body.messages ?? body.result ?? body.items ?? [])
  assert(Array.isArray(list), `unexpected /_fake/sent body: ${JSON.stringify(body).slice(0, 300)}`)
  return list.map((m) => (typeof m === 'string' ? m : (m.text ?? m.Text ?? '')))
}

/**
 * Picks the option labelled label in a naive-ui select: select is its data-testid or a Locator.
 * It waits until no other menu is open first (a closing menu still matches its options while it
 * fades out), and closes the menu of a multiple select afterwards.
 */
export async function pickOption(page, select, label, { multiple = false } = {}) {
  await waitFor(async () => (await page.locator('.n-base-select-menu:visible').count()) === 0, { timeout: 5000, message: 'no open menu' })
  await (typeof select === 'string' ? page.locator(`[data-testid="${select}"]`) : select).click()
  const option = page.locator('.n-base-select-menu:visible .n-base-select-option', { hasText: label }).first()
  await option.waitFor({ timeout: 10000 })
  await option.click()
  if (!multiple) return
  // A multiple select keeps its menu open: close it before the next menu opens.
  await waitFor(async () => {
    if ((await page.locator('.n-base-select-menu:visible').count()) === 0) return true
    await page.keyboard.press('Escape')
    return false
  }, { timeout: 5000, message: 'the menu to close' })
}

/**
 * Filters the inbox to one platform's comment threads, opens the first, and returns its id and
 * the newest comment someone else wrote that is not hidden (the one the h key acts on): its
 * message id and its locator in the thread.
 */
export async function openNewestIncomingComment(page, platformLabel, platform) {
  const rows = page.locator('[data-testid="conversation-row"]')
  await waitFor(async () => (await rows.count()) >= 2, { timeout: 30000, message: 'conversations' })
  await pickOption(page, 'filter-platform', platformLabel)
  await pickOption(page, 'filter-kind', 'Comment')
  const row = page.locator(`[data-testid="conversation-row"][data-platform="${platform}"][data-kind="comment"]`).first()
  await row.waitFor({ timeout: 30000 })
  const id = await row.getAttribute('data-conversation-id')
  await row.click()
  await page.waitForSelector(`[data-testid="thread"][data-conversation-id="${id}"] [data-testid="thread-message"]`)
  const incoming = page.locator('[data-testid="thread-message"][data-direction="in"][data-hidden="false"]')
  await incoming.first().waitFor()
  const messageId = await incoming.last().getAttribute('data-message-id')
  return { id, messageId, msg: page.locator(`[data-testid="thread-message"][data-message-id="${messageId}"]`) }
}
