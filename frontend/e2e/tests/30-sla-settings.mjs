// Settings → Response times: open on Saturday mornings, see a wrong range flagged, save, and check
// when a high-intent DM sent on Saturday would be due; Settings → Notifications shows its test result.
import { assert, openInbox, waitFor } from '../lib.mjs'

export const name = 'SLA: business hours, due-time preview and notification test'

const text = async (page, sel) => (await page.locator(sel).innerText()).trim()

export default async function ({ page, baseURL, screenshot }) {
  await openInbox(page, baseURL)
  await page.goto(new URL('#/settings?section=sla', baseURL).toString())
  await page.waitForSelector('[data-testid="sla-hours-card"]', { timeout: 20000 })
  assert((await text(page, '[data-testid="sla-zone"]')).includes('Europe/Bucharest'), 'the demo is not on Bucharest time')
  assert(await page.locator('[data-testid="sla-status"]').count(), 'no open/closed status')

  // A closing time before the opening time is flagged as it is typed.
  await page.fill('[data-testid="sla-day-1-end-0"]', '08:00')
  await waitFor(async () => (await page.locator('[data-testid="sla-day-1-problem"]').count()) === 1, { message: 'the Monday problem' })
  assert(
    (await text(page, '[data-testid="sla-day-1-problem"]')).includes('Closing time must be after opening time'),
    'wrong problem text',
  )
  await page.fill('[data-testid="sla-day-1-end-0"]', '18:00')
  await waitFor(async () => (await page.locator('[data-testid="sla-day-1-problem"]').count()) === 0, { message: 'the problem to clear' })

  // Open Saturdays 09:00–13:00 and save.
  await page.click('[data-testid="sla-day-6-add"]')
  await page.fill('[data-testid="sla-day-6-end-0"]', '13:00')
  await page.click('[data-testid="sla-hours-save"]')
  await waitFor(async () => (await page.locator('text=Business hours saved').count()) > 0, { message: 'the saved message' })

  // A high-intent DM on Saturday 12:30: 30 minutes on Saturday, 30 on Monday → due Monday 09:30.
  await page.fill('[data-testid="sla-preview-at"]', '2026-03-07T12:30')
  await page.click('[data-testid="sla-preview-high"]')
  await page.click('[data-testid="sla-preview-run"]')
  const due = await waitFor(
    async () => (await page.locator('[data-testid="sla-preview-due"]').count()) && text(page, '[data-testid="sla-preview-due"]'),
    { message: 'the preview' },
  )
  assert(due.includes('09:30') && /Mon/.test(due), `due time ${due}`)
  await screenshot('sla-settings')

  // Put the demo's hours back (closed on Saturdays) for whatever runs next.
  await page.click('[data-testid="sla-day-6"] button[aria-label="Remove these hours"]')
  await page.click('[data-testid="sla-hours-save"]')
  await waitFor(async () => (await page.locator('[data-testid="sla-day-6-end-0"]').count()) === 0, { message: 'Saturday closed again' })

  // Notifications: the tab says how notifications are shown, and the test button reports honestly.
  await page.goto(new URL('#/settings?section=notifications', baseURL).toString())
  await page.waitForSelector('[data-testid="notifications-section"]', { timeout: 20000 })
  assert((await text(page, '[data-testid="notifications-mechanism"]')).length > 0, 'no mechanism text')
  await page.click('[data-testid="notifications-test"]')
  const result = await waitFor(
    async () => (await page.locator('[data-testid="notifications-test-result"]').count()) && text(page, '[data-testid="notifications-test-result"]'),
    { message: 'the test notification result' },
  )
  assert(/notification/i.test(result), `test result: ${result}`)
}
