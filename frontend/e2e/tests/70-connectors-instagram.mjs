// Instagram through the Settings form, against the demo's Meta fake: the demo's Instagram account
// is disconnected, then connected again by pasting its token in the generic connect form (the
// account comes back with its history). Its DM threads show in the inbox, and a reply typed in the
// composer reaches the fake's messages endpoint exactly once. (Hiding a comment has no inbox UI yet;
// the connector's tests cover hide, unhide and delete against the fake.)
import { assert, demoInfo, openInbox, waitFor } from '../lib.mjs'

export const name = 'connect Instagram through the form, see its DMs, reply to one'

const igRow = '[data-testid="account-row"]:has([data-platform="instagram"])'

export default async function ({ page, baseURL, screenshot }) {
  const info = await demoInfo()
  const fake = info.fakes.instagram
  const token = info.tokens?.instagram
  assert(fake && token, `demo.json lacks the Instagram fake or token: ${JSON.stringify(info)}`)

  await openInbox(page, baseURL)
  await page.click('[data-testid="nav-settings"]')
  await page.locator(igRow).first().waitFor({ timeout: 30000 })

  // Disconnect the demo's Instagram account.
  await page.locator(igRow).first().locator('[data-testid="account-disconnect"]').click()
  await page.click('[data-testid="disconnect-confirm"]')
  await waitFor(async () => (await page.locator(igRow).count()) === 0, { timeout: 20000, message: 'the Instagram account to leave the list' })

  // Connect it again through the form.
  await page.click('[data-testid="connect-platform-instagram"]')
  const form = page.locator('[data-testid="connect-instagram"]')
  await form.waitFor()
  const tokenInput = form.locator('[data-testid="connect-token"]')
  assert((await tokenInput.getAttribute('type')) === 'password', 'the Instagram token field is not a password field')
  const help = (await form.locator('[data-testid="connect-help"]').innerText()).trim()
  assert(help.includes('instagram_business_manage_messages'), `the help does not name the permissions: ${help.slice(0, 200)}`)
  await form.locator('[data-testid="connect-advanced"]').click()
  await form.locator('[data-testid="connect-base-url"]').fill(fake)
  await tokenInput.fill(token)
  await form.locator('[data-testid="connect-submit"]').click()

  const row = page.locator(igRow).first()
  await row.waitFor({ timeout: 30000 })
  await waitFor(async () => ['connected', 'syncing'].includes(await row.getAttribute('data-status')), {
    timeout: 30000,
    message: 'the Instagram account to be connected',
  })
  await screenshot('connected')

  // Its DM threads are in the inbox.
  await page.click('[data-testid="nav-inbox"]')
  const dm = page.locator('[data-testid="conversation-row"][data-platform="instagram"][data-kind="dm"]').first()
  await dm.waitFor({ timeout: 45000 })
  const id = await dm.getAttribute('data-conversation-id')
  await dm.click()
  await page.waitForSelector(`[data-testid="thread"][data-conversation-id="${id}"] [data-testid="thread-message"]`)

  const marker = `e2e-ig-${Date.now().toString(36)}`
  const text = `Thank you! It ships this week 💌 ${marker}`
  await page.locator('[data-testid="composer-input"]').fill(text)
  await page.click('[data-testid="composer-send"]')
  const mine = page.locator('[data-testid="thread-message"][data-direction="out"]', { hasText: marker })
  await mine.waitFor({ timeout: 20000 })
  await waitFor(async () => (await mine.getAttribute('data-state')) === 'sent', { timeout: 20000, message: 'the Instagram reply to show "sent"' })
  await screenshot('replied')

  const res = await fetch(new URL('/_fake/sent', fake))
  assert(res.ok, `GET /_fake/sent answered ${res.status}`)
  const sent = await res.json()
  const matches = sent.filter((s) => s.kind === 'message' && s.platform === 'instagram' && s.text === text)
  assert(matches.length === 1, `expected one Instagram message with the text, got ${matches.length}: ${JSON.stringify(sent).slice(0, 400)}`)
}
