// Attachments: a program is never sent. Choosing "setup.exe" in a Telegram conversation
// (where any document would go) is refused at once with a translated reason, nothing is
// listed, and sending stays disabled with an empty text; the fake receives no file.
import { assert, demoInfo, openInbox } from '../lib.mjs'

export const name = 'composer: a disallowed file type is refused with a reason'

export default async function ({ page, baseURL }) {
  await openInbox(page, baseURL)
  const row = page.locator('[data-testid="conversation-row"][data-platform="telegram"][data-kind="dm"]').first()
  await row.waitFor({ timeout: 45000 })
  const id = await row.getAttribute('data-conversation-id')
  await row.click()
  await page.waitForSelector(`[data-testid="thread"][data-conversation-id="${id}"] [data-testid="thread-message"]`)

  const { fakes } = await demoInfo()
  const before = (await (await fetch(new URL('/_fake/sent', fakes.telegram))).json()).length

  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.click('[data-testid="composer-attach"]')])
  await page.locator('[data-testid="composer-attach-rules"]').waitFor()
  await chooser.setFiles({ name: 'setup.exe', mimeType: 'application/x-msdownload', buffer: Buffer.from('MZ not really a program') })
  const refused = page.locator('[data-testid="composer-attach-refused"]')
  await refused.waitFor()
  const reason = await refused.innerText()
  assert(reason.includes('setup.exe') && /never sent/i.test(reason), `unexpected reason: ${reason}`)
  assert((await page.locator('[data-testid="composer-file"]').count()) === 0, 'the refused file was listed')
  assert(await page.locator('[data-testid="composer-send"]').isDisabled(), 'send is enabled with nothing to send')

  const after = (await (await fetch(new URL('/_fake/sent', fakes.telegram))).json()).length
  assert(after === before, `the fake received ${after - before} messages`)
}
