// A rejected connect shows the Go side's AppError translated: a malformed bot token gives
// errors.telegram.tokenFormat (not the generic errors.internal). The token field is a password
// field. This checks the error path end to end: Go ErrorFormatter → Wails → bridge → i18n.
import { assert, openInbox, waitFor } from '../lib.mjs'

export const name = 'connect form: a malformed token shows the translated tokenFormat error'

export default async function ({ page, baseURL }) {
  await openInbox(page, baseURL)
  await page.click('[data-testid="nav-settings"]')
  const token = page.locator('[data-testid="connect-token"]')
  await token.waitFor()
  assert((await token.getAttribute('type')) === 'password', 'the token field is not a password field')
  await token.fill('definitely-not-a-bot-token')
  await page.click('[data-testid="connect-submit"]')
  const alert = page.locator('[data-testid="connect-telegram"] [data-testid="app-error"]')
  await alert.waitFor({ timeout: 15000 })
  const text = await waitFor(async () => (await alert.innerText()).trim(), { message: 'the error text' })
  assert(text.includes('That does not look like a bot token'), `expected the tokenFormat message, got "${text}"`)
}
