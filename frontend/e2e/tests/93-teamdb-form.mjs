// Settings → Team database: the tab is there, the status says this computer works locally, and
// the connection form names the missing fields instead of sending anything.
import { assert, openInbox, waitFor } from '../lib.mjs'

export const name = 'team database: settings tab, local status, form validation'

export default async function ({ page, baseURL, screenshot }) {
  await openInbox(page, baseURL)
  await page.goto(new URL('#/settings?section=teamdb', baseURL).toString())
  await page.waitForSelector('[data-testid="settings-teamdb"]')

  const status = page.locator('[data-testid="teamdb-status"]')
  await waitFor(async () => (await status.getAttribute('data-mode')) === 'solo', { message: 'the local-workspace status' })
  assert((await status.innerText()).includes('local workspace'), `status: ${await status.innerText()}`)

  // Nothing filled in: every required field says so, and no test result appears.
  await page.click('[data-testid="teamdb-connect"]')
  for (const field of ['host', 'database', 'user']) {
    const problem = page.locator(`[data-testid="teamdb-${field}-problem"]`)
    await problem.waitFor({ timeout: 5000 })
    assert((await problem.innerText()) === 'Required.', `${field} problem: ${await problem.innerText()}`)
  }
  assert((await page.locator('[data-testid="teamdb-probe"]').count()) === 0, 'a result appeared for an incomplete form')

  // A server name with a slash is refused; a complete form clears the problems.
  await page.fill('[data-testid="teamdb-host"]', 'db.example.com/studio')
  await page.fill('[data-testid="teamdb-database"]', 'studio')
  await page.fill('[data-testid="teamdb-user"]', 'dana')
  await page.click('[data-testid="teamdb-test"]')
  await page.locator('[data-testid="teamdb-host-problem"]').waitFor()
  await page.fill('[data-testid="teamdb-host"]', 'db.example.com')
  await waitFor(async () => (await page.locator('[data-testid="teamdb-host-problem"]').count()) === 0, { message: 'the host problem to clear' })
  assert((await page.locator('[data-testid="teamdb-user-problem"]').count()) === 0, 'the user problem stayed')
  // The password field never echoes into the page text.
  await page.fill('[data-testid="teamdb-password"]', 'e2e-secret-pw')
  assert(!(await page.locator('[data-testid="settings-teamdb"]').innerText()).includes('e2e-secret-pw'), 'the password shows as text')
  await screenshot('form')
}
