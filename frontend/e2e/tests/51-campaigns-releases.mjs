// UGC releases on the demo workspace: the demo's release that ends within the month shows its
// expiry badge; a new release is added, linked to a demo DM conversation, granted for three
// months (its badge follows), and its conversation link opens that thread in the inbox.
import { assert, openInbox, waitFor } from '../lib.mjs'

export const name = 'campaigns: add a UGC release linked to a DM, grant it, see the expiry badge, jump to the thread'

export default async function ({ page, baseURL, screenshot }) {
  await openInbox(page, baseURL)
  const title = `E2E reel ${Date.now().toString(36)}`

  await page.goto(new URL('#/campaigns?tab=releases', baseURL).toString())
  await page.waitForSelector('[data-testid="releases-table"]')
  // The demo's granted release ending in about 20 days: a "soon" badge and the reminder list.
  await waitFor(async () => (await page.locator('[data-testid="release-expiry"][data-expiry="soon"]').count()) > 0, { message: 'a release ending soon' })
  await page.waitForSelector('[data-testid="releases-ending"]')

  await page.click('[data-testid="release-new"]')
  await page.waitForSelector('[data-testid="release-editor"]')
  await page.fill('[data-testid="release-author"]', 'glaze.fan')
  await page.fill('[data-testid="release-title"]', title)
  await page.fill('[data-testid="release-link"]', 'https://instagram.example/p/e2e-reel')
  await page.click('[data-testid="release-conversation-select"]')
  const options = page.locator('.n-base-select-option')
  await waitFor(async () => (await options.count()) > 1, { message: 'demo DM conversations to choose from' })
  const picked = (await options.nth(1).textContent()).split(' · ')[0].trim()
  await options.nth(1).click()
  await page.click('[data-testid="release-lasts-3"]')
  await page.click('[data-testid="release-save"]')
  await page.waitForSelector('[data-testid="release-editor"]', { state: 'hidden' })

  const row = page.locator(`[data-testid="release-row"][data-title="${title}"]`)
  await row.waitFor()
  assert((await row.locator('[data-testid="release-status"]').getAttribute('data-status')) === 'requested', 'a new release starts as requested')
  const link = row.locator('[data-testid="release-conversation"]')
  assert((await link.textContent()).includes(picked), `linked conversation: ${await link.textContent()} (picked ${picked})`)

  // Granted: the badge counts the days left of the three months.
  await row.locator('[data-testid="release-status-menu"]').click()
  await page.locator('.n-dropdown-option', { hasText: 'Mark as granted' }).click()
  await waitFor(async () => (await row.locator('[data-testid="release-status"]').getAttribute('data-status')) === 'granted', { message: 'granted' })
  const badge = row.locator('[data-testid="release-expiry"]')
  await badge.waitFor()
  assert((await badge.getAttribute('data-expiry')) === 'ok', `badge ${await badge.getAttribute('data-expiry')}`)
  const days = Number(/(\d+) days left/.exec(await badge.textContent())?.[1])
  assert(days >= 85 && days <= 93, `days left ${await badge.textContent()}`)
  await screenshot('releases')

  // The consent DM link opens the thread in the inbox.
  await link.click()
  await page.waitForSelector('[data-testid="inbox-view"]')
  await waitFor(async () => ((await page.locator('[data-testid="thread-title"]').textContent().catch(() => '')) ?? '').includes(picked), {
    message: `the thread ${picked} opens`,
  })
}
