// The acceptance test: the demo inbox shows Latin, Han and Devanagari conversations;
// a reply sent from the UI reaches the fake Telegram server exactly once with its exact text.
import { allRowTexts, assert, demoInfo, fakeTelegramSentTexts, openInbox, scriptsIn, waitFor } from '../lib.mjs'

export const name = 'demo inbox: multilingual conversations, reply is sent to Telegram'

export default async function ({ page, baseURL }) {
  await openInbox(page, baseURL)

  // The demo syncs in the background: wait until the three scripts are in the list.
  const texts = await waitFor(
    async () => {
      const rows = await allRowTexts(page)
      const scripts = new Set()
      for (const t of rows.values()) for (const s of scriptsIn(t)) scripts.add(s)
      return scripts.size >= 3 ? rows : null
    },
    { timeout: 45000, interval: 1000, message: 'conversations in Latin, Han and Devanagari script' },
  )
  assert(texts.size >= 3, `only ${texts.size} conversations`)

  // Open a Telegram direct message.
  const row = page.locator('[data-testid="conversation-row"][data-platform="telegram"][data-kind="dm"]').first()
  await row.waitFor()
  const id = await row.getAttribute('data-conversation-id')
  await row.click()
  await page.waitForSelector(`[data-testid="thread"][data-conversation-id="${id}"] [data-testid="thread-message"]`)

  const marker = `e2e-reply-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`
  const text = `Thanks for writing! ${marker}`
  const input = page.locator('[data-testid="composer-input"]')
  await input.fill(text)
  await page.click('[data-testid="composer-send"]')

  const mine = page.locator('[data-testid="thread-message"][data-direction="out"]', { hasText: marker })
  await mine.waitFor({ timeout: 20000 })
  await waitFor(async () => (await mine.getAttribute('data-state')) === 'sent', { timeout: 20000, message: 'the reply to show state "sent"' })
  const stateText = await mine.locator('[data-testid="message-state"]').innerText()
  assert(/sent/i.test(stateText), `state label is "${stateText}"`)
  assert((await input.inputValue()) === '', 'the composer was not cleared after sending')

  const { fakes } = await demoInfo()
  const sent = await fakeTelegramSentTexts(fakes.telegram)
  const matches = sent.filter((t) => t === text)
  assert(matches.length === 1, `expected exactly one sent message with the text, got ${matches.length} (of ${sent.length} sent)`)
}
