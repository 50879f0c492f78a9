// Privacy → Consent: opt a demo contact out; Automation → Drafts: approving the AI draft for that
// contact is refused by the send gate with the translated reason; the kill switch survives a reload.
import { assert, openInbox, waitFor } from '../lib.mjs'

export const name = 'governance: an opted-out contact gets no automated reply, and the kill switch persists'

async function openDrafts(page, baseURL) {
  await page.goto(new URL('#/automation', baseURL).toString())
  await page.waitForSelector('[data-testid="automation-view"]', { timeout: 20000 })
  await page.click('[data-testid="tab-drafts"]')
  await page.waitForSelector('[data-testid="drafts-panel"]')
}

export default async function ({ page, baseURL, screenshot }) {
  await openInbox(page, baseURL)

  // The demo seeds a price reply drafted for approval once its first sync is done.
  const card = await waitFor(
    async () => {
      await openDrafts(page, baseURL)
      const c = page.locator('[data-testid="draft-card"]').first()
      return (await c.count()) ? c : null
    },
    { timeout: 45000, interval: 1500, message: 'the demo draft awaiting approval' },
  )
  const draftId = await card.getAttribute('data-draft-id')
  const contactName = await card.getAttribute('data-contact-name')
  const contactId = await card.getAttribute('data-contact-id')
  assert(contactName, 'the draft has no contact name')

  // Opt the contact out in Privacy & audit → Consent & opt-outs.
  await page.goto(new URL('#/governance', baseURL).toString())
  await page.waitForSelector('[data-testid="governance-view"]', { timeout: 20000 })
  await page.click('[data-testid="governance-tab-consent"]')
  await page.click('[data-testid="optout-contact"]')
  await page.keyboard.type(contactName)
  const option = page.locator('.n-base-select-option', { hasText: `(#${contactId})` }).first()
  await option.waitFor({ timeout: 10000 })
  await option.click()
  await page.fill('[data-testid="optout-reason"]', 'asked by email')
  await page.click('[data-testid="optout-stop"]')
  await waitFor(async () => (await page.locator('[data-testid="consent-notice"]').count()) > 0, { message: 'the opt-out notice' })
  const notice = await page.locator('[data-testid="consent-notice"]').innerText()
  assert(notice.includes('opted out') && notice.includes(contactName), `notice: ${notice}`)
  await waitFor(async () => (await page.locator('[data-testid="optout-entry"]').count()) >= 2, { message: 'the ledger rows' })

  // Approving the draft is refused, and the composer-style alert says why.
  await openDrafts(page, baseURL)
  const mine = page.locator(`[data-testid="draft-card"][data-draft-id="${draftId}"]`)
  await mine.waitFor()
  await mine.locator('[data-testid="draft-approve"]').click()
  const alert = mine.locator('[data-testid="app-error"]')
  await waitFor(
    async () => (await alert.count()) > 0 || (await page.locator('[data-testid="draft-notice"]').count()) > 0,
    { timeout: 15000, message: 'an answer to the approval' },
  )
  assert((await alert.count()) > 0, `the draft was not refused: ${await page.locator('[data-testid="drafts-panel"]').innerText()}`)
  const why = await alert.innerText()
  assert(/opted out of automated messages/.test(why) && /via app/.test(why), `refusal text: ${why}`)
  if (screenshot) await screenshot('40-refused-draft')

  // The kill switch: on, still on after a reload, then off again.
  const panel = page.locator('[data-testid="kill-switch-panel"]')
  assert((await panel.getAttribute('data-paused')) === 'false', 'automation starts paused')
  await page.click('[data-testid="kill-switch"]')
  await waitFor(async () => (await panel.getAttribute('data-paused')) === 'true', { message: 'the kill switch to turn on' })
  await page.reload()
  await page.waitForSelector('[data-testid="kill-switch-panel"]', { timeout: 20000 })
  await waitFor(async () => (await page.locator('[data-testid="kill-switch-panel"]').getAttribute('data-paused')) === 'true', {
    message: 'the kill switch to stay on after a reload',
  })
  assert(/All automation is paused/.test(await page.locator('[data-testid="kill-switch-panel"]').innerText()), 'paused text missing')
  await page.click('[data-testid="kill-switch"]')
  await waitFor(async () => (await page.locator('[data-testid="kill-switch-panel"]').getAttribute('data-paused')) === 'false', {
    message: 'the kill switch to turn off',
  })

  // The audit trail recorded the opt-out by the person using the app, and the chain is intact.
  await page.goto(new URL('#/governance', baseURL).toString())
  await page.waitForSelector('[data-testid="audit-verify"][data-ok="true"]', { timeout: 20000 })
  await page.fill('[data-testid="audit-text"]', 'asked by email')
  await page.click('[data-testid="audit-search"]')
  await waitFor(async () => (await page.locator('[data-testid="audit-table"]').innerText()).includes('optout.stop'), {
    message: 'the opt-out in the audit trail',
  })
}
