// Connecting YouTube in the demo, end to end: Settings → Accounts → YouTube shows the demo's Google
// client already offered; "Sign in" opens no real browser: the demo's fake Google approves at once
// and the channel is connected through the real OAuth flow (PKCE, loopback redirect). Its comment
// threads appear in the inbox, titled with their video, and a reply typed in the composer reaches
// the YouTube fake exactly once.
import { assert, demoInfo, openInbox, pickOption, waitFor } from '../lib.mjs'

export const name = 'connect YouTube in the demo through the browser sign-in, see its comments, reply to one'

const ytRow = '[data-testid="account-row"]:has([data-platform="youtube"])'

export default async function ({ page, baseURL, screenshot }) {
  const info = await demoInfo()
  const api = info.fakes.youtube
  assert(api && info.tokens?.googleClientId, `demo.json lacks the YouTube fake or the Google client: ${JSON.stringify(info)}`)

  await openInbox(page, baseURL)
  await page.click('[data-testid="nav-settings"]')
  await page.locator('[data-testid="account-row"]').first().waitFor({ timeout: 30000 })
  assert((await page.locator(ytRow).count()) === 0, 'the demo starts with a YouTube account already')

  await page.click('[data-testid="connect-platform-youtube"]')
  const form = page.locator('[data-testid="oauth-connect"][data-platform="youtube"]')
  await form.waitFor()
  const clientId = form.locator('[data-testid="oauth-client-id"]')
  await waitFor(async () => (await clientId.inputValue()) === info.tokens.googleClientId, {
    timeout: 10000,
    message: 'the demo Google client to be offered',
  })
  await form.locator('[data-testid="oauth-name"]').fill('Glaze & Co. on YouTube (e2e)')
  await form.locator('[data-testid="oauth-submit"]').click()

  const row = page.locator(ytRow).first()
  await row.waitFor({ timeout: 30000 })
  await waitFor(async () => ['connected', 'syncing'].includes(await row.getAttribute('data-status')), {
    timeout: 30000,
    message: 'the YouTube channel to be connected',
  })
  await screenshot('connected')

  // Its comment threads are in the inbox.
  await page.click('[data-testid="nav-inbox"]')
  await page.locator('[data-testid="inbox-view"]').waitFor()
  await pickOption(page, 'filter-platform', 'YouTube')
  const thread = page.locator('[data-testid="conversation-row"][data-platform="youtube"]', { hasText: 'Do you ship to Germany?' }).first()
  await thread.waitFor({ timeout: 45000 })
  const id = await thread.getAttribute('data-conversation-id')
  await thread.click()
  await page.waitForSelector(`[data-testid="thread"][data-conversation-id="${id}"] [data-testid="thread-message"]`)

  const marker = `e2e-yt-${Date.now().toString(36)}`
  const text = `Yes, we ship to Germany! ${marker}`
  await page.locator('[data-testid="composer-input"]').fill(text)
  await page.click('[data-testid="composer-send"]')
  const mine = page.locator('[data-testid="thread-message"][data-direction="out"]', { hasText: marker })
  await mine.waitFor({ timeout: 20000 })
  await waitFor(async () => (await mine.getAttribute('data-state')) === 'sent', { timeout: 20000, message: 'the YouTube reply to show "sent"' })
  await screenshot('replied')

  const res = await fetch(new URL('/_fake/sent', api))
  assert(res.ok, `GET /_fake/sent answered ${res.status}`)
  const sent = await res.json()
  const matches = sent.filter((s) => (s.text ?? s.Text) === text)
  assert(matches.length === 1, `expected one YouTube reply with the text, got ${matches.length}: ${JSON.stringify(sent).slice(0, 400)}`)
}
