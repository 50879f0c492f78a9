// Triage with the mouse: add team members and choose who is working, tag a conversation,
// filter by platform and tag, search a Chinese phrase and a Hindi word, assign to a member
// with a hand-off summary, then resolve.
import { assert, openInbox, pickOption, waitFor } from '../lib.mjs'

export const name = 'triage: team, tag, filter, search (Chinese, Hindi), assign with hand-off, resolve'

export default async function ({ page, baseURL }) {
  await openInbox(page, baseURL)

  // Team: the first member owns the workspace; choose who is working.
  await page.goto(new URL('#/settings', baseURL).toString())
  await page.click('.n-tabs-tab[data-name="team"]')
  for (const name of ['Dana', 'Ion']) {
    await page.fill('[data-testid="team-new-name"]', name)
    await page.click('[data-testid="team-add"]')
    await page.locator(`[data-testid="team-member"][data-member="${name}"]`).waitFor({ timeout: 10000 })
  }
  await pickOption(page, 'team-working', 'Dana')

  await page.goto(new URL('#/inbox', baseURL).toString())
  const rows = page.locator('[data-testid="conversation-row"]')
  await waitFor(async () => (await rows.count()) >= 2, { timeout: 30000, message: 'conversations' })

  // Search a Chinese phrase and a Hindi word.
  for (const [query, expected] of [['马克杯', '马克杯'], ['निराशा', 'निराशा']]) {
    await page.fill('[data-testid="search-input"]', query)
    const hits = page.locator('[data-testid="search-hit-text"]')
    await waitFor(async () => {
      const texts = await hits.allInnerTexts()
      return texts.length > 0 && texts.every((t) => t.includes(expected))
    }, { timeout: 15000, message: `every hit for ${query} to contain it` })
  }
  await page.fill('[data-testid="search-input"]', '')

  // Filter by platform (Telegram), open the first row, tag it "order issue".
  await pickOption(page, 'filter-platform', 'Telegram')
  await waitFor(async () => {
    const ps = await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-platform')))
    return ps.length > 0 && ps.every((p) => p === 'telegram')
  }, { message: 'only Telegram rows' })
  const first = rows.first()
  const id = await first.getAttribute('data-conversation-id')
  await first.click()
  await page.waitForSelector(`[data-testid="thread"][data-conversation-id="${id}"]`)
  await pickOption(page, 'conversation-tags', 'order issue', { multiple: true })
  await page.locator(`[data-testid="conversation-row"][data-conversation-id="${id}"] [data-testid="conversation-tag"][data-tag="order issue"]`).waitFor({ timeout: 10000 })

  // Filter by tag: only Telegram conversations tagged "order issue" remain (demo rules may have tagged others too).
  await pickOption(page, 'filter-tag', 'order issue')
  await waitFor(async () => {
    const n = await rows.count()
    const tagged = await page.locator('[data-testid="conversation-row"]:has([data-tag="order issue"])').count()
    const ours = await page.locator(`[data-testid="conversation-row"][data-conversation-id="${id}"]`).count()
    return n > 0 && n === tagged && ours === 1
  }, { message: 'only rows tagged "order issue"' })

  // Assign to Ion with the drafted hand-off summary.
  await pickOption(page, 'conversation-assignee-select', 'Ion')
  await page.locator('[data-testid="handoff-text"]').waitFor({ timeout: 10000 })
  await page.fill('[data-testid="handoff-text"]', 'Order issue: customer waits for an answer about the parcel.')
  await page.click('[data-testid="handoff-confirm"]')
  await page.locator(`[data-testid="conversation-row"][data-conversation-id="${id}"] [data-testid="conversation-assignee"]`).waitFor({ timeout: 10000 })
  await waitFor(async () => (await page.locator('[data-testid="note"]').count()) >= 1, { message: 'the hand-off note' })
  assert((await page.locator('[data-testid="note"]').first().innerText()).includes('parcel'), 'hand-off note text')

  // Resolve.
  await pickOption(page, 'conversation-status', /Resolved|resolved/)
  await waitFor(async () => (await page.locator(`[data-testid="conversation-row"][data-conversation-id="${id}"]`).getAttribute('data-status')) === 'resolved',
    { message: 'the row to show resolved' })
}
