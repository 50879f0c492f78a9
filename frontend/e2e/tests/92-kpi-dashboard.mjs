// KPI dashboard on the demo: the figures are real numbers (not dashes), the charts draw on canvas
// (the runner fails on any CSP violation), a drill-down lists the conversations a figure counted
// (as many as the card says) and one of them opens in the inbox.
import { assert, openInbox, waitFor } from '../lib.mjs'

export const name = 'kpis: demo figures, charts and a drill-down into the inbox'

export default async function ({ page, baseURL, screenshot }) {
  await openInbox(page, baseURL)
  await page.goto(new URL('#/kpis', baseURL).toString())
  const volume = page.locator('[data-testid="kpi-card-volume"]')
  await volume.waitFor({ timeout: 20000 })

  const value = (await volume.locator('[data-testid="kpi-value"]').innerText()).trim()
  assert(/\d/.test(value) && value !== '0', `the demo's conversation count is "${value}"`)
  const rate = (await page.locator('[data-testid="kpi-card-response-rate"] [data-testid="kpi-value"]').innerText()).trim()
  assert(/\d/.test(rate), `the response rate is "${rate}"`)

  await page.locator('[data-testid="kpi-split"] canvas').first().waitFor({ timeout: 10000 })
  await page.locator('[data-testid="kpi-heatmap"] canvas').first().waitFor({ timeout: 10000 })
  await screenshot('dashboard')

  await page.locator('[data-testid="kpi-drill-volume"]').click()
  const rows = page.locator('[data-testid="kpi-drill-row"]')
  await rows.first().waitFor({ timeout: 10000 })
  const counted = Number(value.replace(/\D/g, ''))
  await waitFor(async () => (await rows.count()) === counted, { message: `the drill-down to list ${counted} conversations` })
  await screenshot('drill')

  const first = rows.first().locator('[data-testid="kpi-drill-open"]')
  const title = (await first.innerText()).trim()
  await first.click()
  await page.waitForSelector('[data-testid="inbox-view"]', { timeout: 10000 })
  const thread = page.locator('[data-testid="thread-title"]')
  await thread.waitFor({ timeout: 10000 })
  const shown = (await thread.innerText()).trim()
  assert(shown === title || title.startsWith('Conversation #'), `the inbox opened "${shown}", not "${title}"`)
}
