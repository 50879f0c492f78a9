// Sequences: create a two-step sequence in Calendar → Sequences, enrol a demo conversation whose
// contact agreed to receive offers (recorded through the Governance binding, as Privacy & audit
// does), fill the hand-typed token, and see both steps waiting in Scheduled messages, filled for
// that person, with the plain promise about consent, opt-outs and replies.
import { assert, openInbox, pickOption, waitFor } from '../lib.mjs'

export const name = 'sequences: create a two-step sequence, enrol a consenting contact, see the queued steps'

export default async function ({ page, baseURL, screenshot }) {
  await openInbox(page, baseURL)
  const [conv] = await demoDMs(page, 1)
  await page.evaluate(
    (contactId) => window.go.app.Governance.RecordConsent({ contactId, purpose: 'marketing', granted: true, channel: 'dm', note: 'said yes in the DM' }),
    conv.contactId,
  )

  await openSequences(page, baseURL)
  const seqName = `After the live ${Date.now().toString(36)}`
  const card = await createSequence(page, seqName, [
    { hours: 2, text: 'Hi {first_name|there}, thanks for watching the live!' },
    { days: 3, text: 'Your code {discount_code} still works until Sunday.' },
  ])
  assert(/2 steps/.test(await card.innerText()), `card: ${await card.innerText()}`)
  if (screenshot) await screenshot('sequence')

  // Enrol: the consent state shows, the code is asked for, both steps are previewed.
  await card.locator('[data-testid="sequence-enrol"]').click()
  const dialog = page.locator('[data-testid="enrol-dialog"]')
  await dialog.waitFor()
  await pickConversation(page, conv.title)
  await dialog.locator('[data-testid="enrol-consent"][data-allowed="true"]').waitFor({ timeout: 10000 })
  assert((await dialog.locator('[data-testid="enrol-submit"]').isDisabled()) === true, 'enrol allowed before the code was typed')
  await dialog.locator('[data-testid="enrol-value-discount_code"]').fill('LIVE10')
  await waitFor(async () => (await dialog.locator('[data-testid="enrol-step"]').allInnerTexts()).join('\n').includes('LIVE10'), {
    message: 'the preview to show the typed code',
  })
  const preview = (await dialog.locator('[data-testid="enrol-step"]').allInnerTexts()).join('\n')
  assert(!preview.includes('{first_name'), `preview kept a token: ${preview}`)
  await waitFor(async () => !(await dialog.locator('[data-testid="enrol-submit"]').isDisabled()), { message: 'the enrol button to enable' })
  await dialog.locator('[data-testid="enrol-submit"]').click()
  await dialog.waitFor({ state: 'hidden' })
  await waitFor(async () => /1 enrolled · 2 waiting/.test(await card.locator('[data-testid="sequence-stats"]').innerText()), {
    message: 'the card to count the enrolment',
  })

  // Scheduled messages, filtered to this sequence: two waiting steps, in order, filled in.
  await card.locator('[data-testid="sequence-outbox"]').click()
  await page.waitForSelector('[data-testid="outbox-panel"]')
  const promise = await page.locator('[data-testid="outbox-promise"]').innerText()
  assert(/did not agree to receive offers, who opted out, or who wrote back/.test(promise), `promise: ${promise}`)
  const rows = page.locator('[data-testid="scheduled-row"]')
  await waitFor(async () => (await rows.count()) === 2, { message: 'two scheduled rows of the sequence' })
  for (const [i, step] of [
    [0, '1'],
    [1, '2'],
  ]) {
    const row = rows.nth(i)
    assert((await row.getAttribute('data-state')) === 'queued', `row ${i} state ${await row.getAttribute('data-state')}`)
    assert((await row.getAttribute('data-step')) === step, `row ${i} is step ${await row.getAttribute('data-step')}`)
    const text = await row.innerText()
    assert(text.includes(conv.title) && text.includes('Waiting'), `row ${i}: ${text}`)
  }
  assert((await rows.nth(1).innerText()).includes('LIVE10'), 'step 2 lacks the code')
  if (screenshot) await screenshot('outbox')

  // Cancel step 2 by hand: it says so.
  await rows.nth(1).locator('[data-testid="scheduled-cancel"]').click()
  await waitFor(async () => (await page.locator('[data-testid="scheduled-row"][data-state="cancelled"]').count()) === 1, {
    message: 'the cancelled step',
  })
  const cancelled = await page.locator('[data-testid="scheduled-row"][data-state="cancelled"] [data-testid="scheduled-reason"]').innerText()
  assert(/Cancelled by hand/.test(cancelled), `reason: ${cancelled}`)
}

// Helpers shared with 73-sequences-refused.mjs.

/** `n` demo DM conversations with a contact and a title no other conversation has. */
export async function demoDMs(page, n) {
  const convs = await waitFor(
    async () => {
      const page1 = await page.evaluate(() => window.go.app.Inbox.ListConversations({ cursor: '', limit: 200 }))
      const items = page1?.items ?? []
      const count = new Map()
      for (const c of items) count.set(c.title, (count.get(c.title) ?? 0) + 1)
      const picked = items.filter((c) => c.kind === 'dm' && c.contactId > 0 && c.title && count.get(c.title) === 1)
      return picked.length >= n ? picked.slice(0, n) : null
    },
    { timeout: 30000, interval: 1000, message: `${n} demo DMs with a contact` },
  )
  return convs
}

export async function openSequences(page, baseURL) {
  await page.goto(new URL('#/calendar?tab=sequences', baseURL).toString())
  await page.waitForSelector('[data-testid="sequences-panel"]', { timeout: 20000 })
}

/** Creates a sequence in the editor; steps are { hours | days, text }. Returns its card. */
export async function createSequence(page, name, steps) {
  await page.click('[data-testid="sequence-new"]')
  const editor = page.locator('[data-testid="sequence-editor"]')
  await editor.waitFor()
  await editor.locator('[data-testid="sequence-name"]').fill(name)
  for (let i = 0; i < steps.length; i++) {
    if (i > 0) await page.click('[data-testid="sequence-add-step"]')
    const step = editor.locator('[data-testid="sequence-step"]').nth(i)
    const s = steps[i]
    await step.locator('[data-testid="sequence-step-text"]').fill(s.text)
    const unit = s.days ? 'days' : 'hours'
    await pickOption(page, step.locator('[data-testid="sequence-step-unit"]'), unit)
    const delay = step.locator('[data-testid="sequence-step-delay"]')
    await delay.fill(String(s.days ?? s.hours))
    await delay.blur()
  }
  await page.click('[data-testid="sequence-save"]')
  await editor.waitFor({ state: 'hidden' })
  const card = page.locator(`[data-testid="sequence-card"][data-name="${name}"]`)
  await card.waitFor({ timeout: 10000 })
  assert((await card.locator('li').count()) === steps.length, 'the card lists another number of steps')
  return card
}

/** Picks a conversation in the enrol dialog's filterable select. */
export async function pickConversation(page, title) {
  await page.click('[data-testid="enrol-conversation"]')
  await page.keyboard.type(title)
  const option = page.locator('.n-base-select-option:visible', { hasText: title }).first()
  await option.waitFor({ timeout: 10000 })
  await option.click()
}
