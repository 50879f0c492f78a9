// The moderation log: hide the newest Instagram comment from its menu, show it again with a
// reason, then open Moderation log: both actions are listed newest first with who, the comment
// and the reason; the action filter narrows the list and says so when nothing matches.
import { assert, openInbox, openNewestIncomingComment, pickOption, waitFor } from '../lib.mjs'

export const name = 'moderation log: actions listed with who, what and why; action filter and empty state'

export default async function ({ page, baseURL, screenshot }) {
  await openInbox(page, baseURL)
  const { messageId, msg } = await openNewestIncomingComment(page, 'Instagram', 'instagram')

  // Hide from the menu, as a person does.
  await page.click(`[data-testid="moderation-menu"][data-message-id="${messageId}"]`)
  const hide = page.locator('.n-dropdown-option-body:visible:has([data-testid="moderate-hide"]), [data-testid="moderate-hide"]:visible').first()
  await hide.waitFor({ timeout: 10000 })
  await hide.click()
  await msg.locator('[data-testid="message-hidden"]').waitFor({ timeout: 15000 })
  // Show it again with a reason (the bound method the menu calls, with a reason the menu does not ask for).
  const reason = 'Checked again: a fair complaint'
  await page.evaluate(([mid, why]) => window.go.app.Moderation.Moderate({ messageId: Number(mid), action: 'unhide', reason: why }), [messageId, reason])

  // The log lists both, newest first, with who, the comment and the reason.
  await page.goto(new URL('#/moderation', baseURL).toString())
  await page.waitForSelector('[data-testid="moderation-view"]', { timeout: 20000 })
  const table = page.locator('[data-testid="moderation-log-table"]')
  await table.waitFor({ timeout: 20000 })
  const actions = table.locator('[data-testid="moderation-log-action"]')
  await waitFor(async () => (await actions.count()) >= 2, { message: 'two logged actions' })
  assert((await actions.nth(0).getAttribute('data-action')) === 'unhide', 'the newest entry is not the unhide')
  assert((await actions.nth(1).getAttribute('data-action')) === 'hide', 'the entry before it is not the hide')
  const first = table.locator('tbody tr').first()
  const text = await first.innerText()
  assert(text.includes(reason), `the newest row does not give the reason: ${text}`)
  assert(text.includes('Shown again'), `the newest row does not name the action: ${text}`)
  await screenshot('moderation-log')

  // Narrow to an action nobody took: a calm empty state that says how to see more.
  await pickOption(page, 'moderation-log-filter-action', 'Author muted')
  const empty = page.locator('[data-testid="moderation-log-empty"]')
  await empty.waitFor({ timeout: 15000 })
  assert((await empty.innerText()).includes('All actions'), 'the empty state does not say how to see more')

  // Narrow to hides: only hides are listed.
  await pickOption(page, 'moderation-log-filter-action', 'Hidden')
  await table.waitFor({ timeout: 15000 })
  await waitFor(async () => (await actions.count()) >= 1, { message: 'hides listed' })
  const kinds = await actions.evaluateAll((els) => els.map((e) => e.getAttribute('data-action')))
  assert(kinds.every((k) => k === 'hide'), `the hide filter lists ${kinds.join(', ')}`)
}
