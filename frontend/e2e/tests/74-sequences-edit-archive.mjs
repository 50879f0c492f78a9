// Sequences: editing a sequence that has a waiting step says so and offers to cancel it; the
// cancelled step shows why in Scheduled messages; an archived sequence leaves the list (until
// "Show archived") and takes no new enrolments.
import { assert, openInbox, waitFor } from '../lib.mjs'
import { createSequence, demoDMs, openSequences, pickConversation } from './72-sequences-enrol.mjs'

export const name = 'sequences: edit with a waiting step (cancelled, with the reason), then archive'

export default async function ({ page, baseURL, screenshot }) {
  await openInbox(page, baseURL)
  const [conv] = await demoDMs(page, 1)
  await page.evaluate(
    (contactId) => window.go.app.Governance.RecordConsent({ contactId, purpose: 'marketing', granted: true, channel: 'dm', note: 'yes to offers' }),
    conv.contactId,
  )
  await openSequences(page, baseURL)
  const seqName = `Restock note ${Date.now().toString(36)}`
  const card = await createSequence(page, seqName, [{ hours: 5, text: 'Hi {first_name|there}, the sage set is back.' }])

  await card.locator('[data-testid="sequence-enrol"]').click()
  const dialog = page.locator('[data-testid="enrol-dialog"]')
  await pickConversation(page, conv.title)
  await dialog.locator('[data-testid="enrol-consent"][data-allowed="true"]').waitFor({ timeout: 10000 })
  await waitFor(async () => !(await dialog.locator('[data-testid="enrol-submit"]').isDisabled()), { message: 'the enrol button to enable' })
  await dialog.locator('[data-testid="enrol-submit"]').click()
  await dialog.waitFor({ state: 'hidden' })
  const stats = card.locator('[data-testid="sequence-stats"]')
  await waitFor(async () => /1 enrolled · 1 waiting/.test(await stats.innerText()), { message: 'one waiting step' })

  // Edit: the notice names the waiting message; cancel it with the save.
  await card.locator('[data-testid="sequence-edit"]').click()
  const editor = page.locator('[data-testid="sequence-editor"]')
  await editor.waitFor()
  const notice = await editor.locator('[data-testid="sequence-queued-notice"]').innerText()
  assert(/1 message from this sequence is already waiting/.test(notice), `notice: ${notice}`)
  await editor.locator('[data-testid="sequence-step-text"]').first().fill('Hi {first_name|there}, the sage set is back in every size.')
  await editor.locator('[data-testid="sequence-cancel-queued"]').click()
  if (screenshot) await screenshot('edit')
  await page.click('[data-testid="sequence-save"]')
  await editor.waitFor({ state: 'hidden' })
  await waitFor(async () => /1 enrolled · 0 waiting/.test(await stats.innerText()), { message: 'the waiting step to be cancelled' })

  await card.locator('[data-testid="sequence-outbox"]').click()
  const row = page.locator('[data-testid="scheduled-row"][data-state="cancelled"]').first()
  await row.waitFor({ timeout: 10000 })
  const reason = await row.locator('[data-testid="scheduled-reason"]').innerText()
  assert(/Cancelled when the sequence was edited/.test(reason), `reason: ${reason}`)
  assert((await row.innerText()).includes('the sage set is back.'), 'the cancelled step lost the text it was queued with')

  // Archive, keeping nothing waiting: the card leaves the list, and comes back archived.
  await openSequences(page, baseURL)
  const again = page.locator(`[data-testid="sequence-card"][data-name="${seqName}"]`)
  await again.locator('[data-testid="sequence-archive"]').click()
  await page.locator('[data-testid="sequence-archive-keep"]').click()
  await again.waitFor({ state: 'detached', timeout: 10000 })
  await page.locator('.n-checkbox', { hasText: 'Show archived' }).click()
  await again.waitFor()
  assert(/Archived/.test(await again.innerText()), 'no archived tag')
  assert((await again.locator('[data-testid="sequence-enrol"]').count()) === 0, 'an archived sequence offers enrolment')
}
