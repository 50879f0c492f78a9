// Settings → Team database in the demo: "Connect" is refused with a clear message (the demo is a
// throwaway workspace), nothing is saved, and the inbox keeps working on the demo's data.
import { assert, openInbox, waitFor } from '../lib.mjs'

export const name = 'team database: the demo cannot be connected, and says so'

export default async function ({ page, baseURL, screenshot }) {
  await openInbox(page, baseURL)
  const rowsBefore = await page.locator('[data-testid="conversation-row"]').count()
  await page.goto(new URL('#/settings?section=teamdb', baseURL).toString())
  await page.waitForSelector('[data-testid="teamdb-form"]')

  await page.fill('[data-testid="teamdb-host"]', '127.0.0.1')
  await page.fill('[data-testid="teamdb-database"]', 'studio')
  await page.fill('[data-testid="teamdb-user"]', 'dana')
  await page.click('[data-testid="teamdb-connect"]')
  const refusal = page.locator('[data-testid="settings-teamdb"] [data-testid="app-error"]', { hasText: 'The demo cannot use a team database' })
  await refusal.first().waitFor({ timeout: 20000 })
  const status = page.locator('[data-testid="teamdb-status"]')
  assert((await status.getAttribute('data-mode')) === 'solo', `mode after refusal: ${await status.getAttribute('data-mode')}`)
  await screenshot('demo-refused')

  await page.goto(new URL('#/inbox', baseURL).toString())
  await page.waitForSelector('[data-testid="inbox-view"]')
  await waitFor(async () => (await page.locator('[data-testid="conversation-row"]').count()) >= Math.min(rowsBefore, 1), {
    message: 'the demo inbox after the refusal',
  })
  assert((await page.locator('[data-testid="teamdb-reconnecting"]').count()) === 0, 'a reconnecting note shows in solo mode')
}
