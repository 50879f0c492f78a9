// Attachments: in a Telegram demo conversation the paperclip shows what Telegram accepts, a
// chosen photo is listed with its size, and sending it delivers the file (sendPhoto with its
// caption) to the fake Telegram server exactly once; the thread lists the sent file by name.
import { assert, demoInfo, openInbox, waitFor } from '../lib.mjs'

export const name = 'composer: attach a photo to a Telegram conversation and send it'

// A 1×1 PNG.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64')

export default async function ({ page, baseURL }) {
  await openInbox(page, baseURL)
  const row = page.locator('[data-testid="conversation-row"][data-platform="telegram"][data-kind="dm"]').first()
  await row.waitFor({ timeout: 45000 })
  const id = await row.getAttribute('data-conversation-id')
  await row.click()
  await page.waitForSelector(`[data-testid="thread"][data-conversation-id="${id}"] [data-testid="thread-message"]`)

  const fileName = `mug-${Date.now().toString(36)}.png`
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.click('[data-testid="composer-attach"]')])
  const rules = await page.locator('[data-testid="composer-attach-rules"]').innerText()
  assert(rules.includes('Telegram') && rules.includes('.png') && rules.includes('10 MB'), `the accepted types are not shown: ${rules}`)
  await chooser.setFiles({ name: fileName, mimeType: 'image/png', buffer: PNG })
  const chip = page.locator('[data-testid="composer-file"]', { hasText: fileName })
  await chip.waitFor()
  assert((await chip.innerText()).includes(`${PNG.length} B`), 'the chosen file does not show its size')

  const caption = `Here is the mug ${Math.random().toString(36).slice(2, 8)}`
  await page.locator('[data-testid="composer-input"]').fill(caption)
  await page.click('[data-testid="composer-send"]')

  const mine = page.locator('[data-testid="thread-message"][data-direction="out"]', { hasText: caption })
  await mine.waitFor({ timeout: 20000 })
  await waitFor(async () => (await mine.getAttribute('data-state')) === 'sent', { timeout: 20000, message: 'the file to be sent' })
  const att = mine.locator('[data-testid="message-attachment"]')
  assert((await att.innerText()).includes(fileName), 'the thread does not list the sent file')
  assert((await page.locator('[data-testid="composer-file"]').count()) === 0, 'the composer kept the sent file')

  const { fakes } = await demoInfo()
  const res = await fetch(new URL('/_fake/sent', fakes.telegram))
  const sent = await res.json()
  const list = Array.isArray(sent) ? sent : []
  const photos = list.filter((m) => m.method === 'sendPhoto' && m.fileName === fileName)
  assert(photos.length === 1, `expected one sendPhoto of ${fileName}, got ${JSON.stringify(list.slice(-3))}`)
  assert(photos[0].text === caption && photos[0].fileSize === PNG.length, `the photo arrived as ${JSON.stringify(photos[0])}`)
}
