// After 81 connected the demo's YouTube channel: the comment YouTube held for review is in the
// inbox marked hidden (it is not public yet), and Account health shows the channel's daily quota
// (units used today out of the budget, and when it resets at midnight Pacific time).
import { assert, openInbox, pickOption, waitFor } from '../lib.mjs'

export const name = 'YouTube: a held comment shows as hidden; Account health shows the daily quota'

export default async function ({ page, baseURL, screenshot }) {
  await openInbox(page, baseURL)
  await pickOption(page, 'filter-platform', 'YouTube')
  const held = page.locator('[data-testid="conversation-row"][data-platform="youtube"]', { hasText: 'Get 10k followers fast' }).first()
  await held.waitFor({ timeout: 45000 })
  assert((await held.locator('[data-testid="conversation-hidden"]').count()) === 1, 'the held comment is not marked hidden in the list')
  const id = await held.getAttribute('data-conversation-id')
  await held.click()
  const msg = page.locator(`[data-testid="thread"][data-conversation-id="${id}"] [data-testid="thread-message"][data-hidden="true"]`)
  await msg.first().waitFor({ timeout: 20000 })
  await screenshot('held')

  await page.click('[data-testid="nav-settings"]')
  await page.locator('[data-testid="account-row"]').first().waitFor({ timeout: 30000 })
  await page.click('[data-testid="open-account-health"]')
  const card = page.locator('[data-testid="health-card"]:has([data-platform="youtube"])').first()
  await card.waitFor({ timeout: 30000 })
  const quota = card.locator('[data-testid="health-headroom"]')
  const text = await waitFor(async () => (await quota.count()) && (await quota.innerText()).trim(), {
    timeout: 30000,
    message: 'the YouTube quota on its health card',
  })
  assert(/10[,.\s]?000/.test(text), `the quota does not show the daily budget of 10,000 units: "${text}"`)
  await screenshot('quota')
}
