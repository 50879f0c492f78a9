// Connecting Mastodon through the generic connect form, against the demo's Mastodon fake, with a
// wrong token: the fake answers 401, the Go side rejects with errors.account.credentialsRejected, and the form
// shows it translated (from its key: switching the language re-translates it). Nothing is kept:
// the account list is the same after a reload. (The demo already has the fake's real account, so
// the right token would only test the duplicate path.)
import { assert, demoInfo, openInbox, waitFor } from '../lib.mjs'

export const name = 'connect Mastodon: a wrong token shows the translated auth error and adds no account'

const AUTH_EN = 'The platform did not accept these details. Check the token (or app password) and the server address, then try again.'
const AUTH_RO = 'Platforma nu a acceptat aceste date. Verifică tokenul (sau parola de aplicație) și adresa serverului, apoi încearcă din nou.'

/** The ids of the listed accounts, once the demo's Mastodon account is among them. */
async function accountIds(page) {
  await page.locator('[data-testid="account-row"]:has([data-platform="mastodon"])').first().waitFor({ timeout: 30000 })
  return page.$$eval('[data-testid="account-row"]', (els) => els.map((el) => el.getAttribute('data-account-id')).sort())
}

export default async function ({ page, baseURL, screenshot }) {
  const { fakes } = await demoInfo()
  assert(fakes.mastodon, `demo.json has no fakes.mastodon: ${JSON.stringify(fakes)}`)

  await openInbox(page, baseURL)
  await page.click('[data-testid="nav-settings"]')
  const before = await accountIds(page)

  await page.click('[data-testid="connect-platform-mastodon"]')
  const form = page.locator('[data-testid="connect-mastodon"]')
  await form.waitFor()
  assert((await page.getAttribute('[data-testid="connect-platform-mastodon"]', 'aria-checked')) === 'true', 'the Mastodon card is not selected')
  const token = form.locator('[data-testid="connect-token"]')
  assert((await token.getAttribute('type')) === 'password', 'the access token field is not a password field')

  await form.locator('[data-testid="connect-base-url"]').fill(fakes.mastodon)
  await token.fill(`wrong-token-${Date.now().toString(36)}`)
  await form.locator('[data-testid="connect-submit"]').click()

  const alert = form.locator('[data-testid="app-error"]')
  await alert.waitFor({ timeout: 30000 })
  const text = await waitFor(async () => (await alert.innerText()).trim(), { message: 'the error text' })
  assert(text === AUTH_EN, `expected the translated errors.account.credentialsRejected ("${AUTH_EN}"), got "${text}"`)
  await screenshot('error')

  try {
    // Rendered from its key, not from the Go side's English text: it follows the language.
    await page.click('[data-testid="language-switcher"]')
    await page.click('[data-testid="language-option-ro"]')
    await waitFor(async () => (await alert.innerText()).trim() === AUTH_RO, { message: `the error in Romanian ("${AUTH_RO}")` })
  } finally {
    // Leave the shared app in English for whatever runs next.
    await page.click('[data-testid="language-switcher"]')
    await page.click('[data-testid="language-option-en"]')
    await waitFor(async () => (await page.locator('[data-testid="nav-settings"]').innerText()).includes('Settings'), {
      message: 'the app back in English',
    })
  }

  // Nothing was kept: a fresh load of the account list shows the same accounts.
  await page.reload()
  await page.locator('[data-testid="settings-view"]').waitFor({ timeout: 20000 })
  const after = await accountIds(page)
  assert(JSON.stringify(after) === JSON.stringify(before), `the accounts changed: before ${before.join(',')}, after ${after.join(',')}`)
}
