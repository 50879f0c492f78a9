// Account health on the demo workspace: Settings → Accounts links to the Account health tab,
// which shows a card for each demo account with its last successful sync and the items it has
// synced; the Telegram card edits the channel the bot publishes to (a wrong one is refused in
// words, a right one is kept after reloading).
import { assert, openInbox, waitFor } from '../lib.mjs'

export const name = 'account health: every demo account shows its last sync and items; the Telegram channel is editable'

export default async function ({ page, baseURL, screenshot }) {
  await openInbox(page, baseURL)
  await page.click('[data-testid="nav-settings"]')
  await page.locator('[data-testid="account-row"]').first().waitFor({ timeout: 30000 })
  await page.click('[data-testid="open-account-health"]')
  await page.locator('[data-testid="settings-health"]').waitFor()

  const cards = page.locator('[data-testid="health-card"]')
  await waitFor(async () => (await cards.count()) >= 4, { timeout: 30000, message: 'a health card for each of the four demo accounts' })
  const platforms = new Set()
  const n = await cards.count()
  for (let i = 0; i < n; i++) {
    const card = cards.nth(i)
    platforms.add(await card.locator('[data-testid="platform-badge"]').getAttribute('data-platform'))
    const lastSync = (await card.locator('[data-testid="health-last-sync"]').innerText()).trim()
    assert(lastSync !== '' && lastSync !== 'Not yet', `card ${i} has no last sync time: "${lastSync}"`)
    const total = Number(await card.locator('[data-testid="health-items"]').getAttribute('data-total'))
    const items = (await card.locator('[data-testid="health-items"]').innerText()).trim()
    assert(total > 0 && /in the last 24 hours/.test(items), `card ${i} shows no synced items: ${total} "${items}"`)
    assert((await card.locator('[data-testid="health-next-run"]').innerText()).trim() !== '', `card ${i} says nothing about the next check`)
  }
  for (const p of ['telegram', 'mastodon', 'bluesky', 'instagram']) assert(platforms.has(p), `no health card for ${p}: ${[...platforms]}`)
  await screenshot?.('71-health')

  // The Telegram card: a wrong channel is refused in plain words, a right one is kept.
  const tg = page.locator('[data-testid="health-card"]:has([data-platform="telegram"])').first()
  const input = tg.locator('[data-testid="health-setting-channel"]')
  await input.fill('glaze and co')
  await tg.locator('[data-testid="health-settings-save"]').click()
  await waitFor(async () => /@yourchannel/.test(await tg.innerText()), { timeout: 10000, message: 'the channel error in words' })
  await input.fill('@glazeandco')
  await tg.locator('[data-testid="health-settings-save"]').click()
  await waitFor(async () => !(await tg.locator('[data-testid="health-settings-save"]').isEnabled()), { timeout: 10000, message: 'the channel to be saved' })

  await page.reload()
  const again = page.locator('[data-testid="health-card"]:has([data-platform="telegram"]) [data-testid="health-setting-channel"]').first()
  await again.waitFor({ timeout: 30000 })
  await waitFor(async () => (await again.inputValue()) === '@glazeandco', { timeout: 10000, message: 'the saved channel after a reload' })
}
