// Sequences: a contact who never agreed to receive offers cannot be enrolled; the dialog says why
// in plain words before anything is queued, and nothing is scheduled for them.
import { assert, openInbox, waitFor } from '../lib.mjs'
import { createSequence, demoDMs, openSequences, pickConversation } from './72-sequences-enrol.mjs'

export const name = 'sequences: a contact without consent is refused with the reason'

export default async function ({ page, baseURL, screenshot }) {
  await openInbox(page, baseURL)
  const convs = await demoDMs(page, 3)
  const consented = new Set(
    (await page.evaluate(() => window.go.app.Governance.Consents(0))).filter((c) => c.granted).map((c) => c.contactId),
  )
  const conv = convs.find((c) => !consented.has(c.contactId))
  assert(conv, 'no demo DM without consent')

  await openSequences(page, baseURL)
  const card = await createSequence(page, `Cart nudge ${Date.now().toString(36)}`, [{ hours: 1, text: 'Your cart is still here, {first_name|friend}.' }])
  await card.locator('[data-testid="sequence-enrol"]').click()
  const dialog = page.locator('[data-testid="enrol-dialog"]')
  await dialog.waitFor()
  await pickConversation(page, conv.title)
  await dialog.locator('[data-testid="enrol-consent"][data-allowed="false"]').waitFor({ timeout: 10000 })
  const refusal = await dialog.locator('[data-testid="enrol-refusal"]').innerText()
  assert(/has not agreed to receive offers/.test(refusal) && /Privacy & audit/.test(refusal), `refusal: ${refusal}`)
  assert(await dialog.locator('[data-testid="enrol-submit"]').isDisabled(), 'enrol is possible without consent')
  if (screenshot) await screenshot('refused')

  // The backend refuses too, with the same translated reason, and queues nothing.
  const err = await page.evaluate(
    ([sequenceId, conversationId]) =>
      window.go.app.Calendar.Enroll({ sequenceId, conversationId, values: {} }).then(
        () => null,
        (e) => String(e && (e.message || e)),
      ),
    [Number(await card.getAttribute('data-sequence-id')), conv.id],
  )
  assert(err && /noConsent|not agreed/.test(err), `backend answer: ${err}`)
  const queued = await page.evaluate((cid) => window.go.app.Calendar.ScheduledFor(cid), conv.id)
  assert(queued.every((m) => m.state !== 'pending'), `something was queued: ${JSON.stringify(queued)}`)
  await dialog.locator('button', { hasText: 'Cancel' }).first().click()
  await waitFor(async () => /0 enrolled/.test(await card.locator('[data-testid="sequence-stats"]').innerText()), { message: 'no enrolment counted' })
}
