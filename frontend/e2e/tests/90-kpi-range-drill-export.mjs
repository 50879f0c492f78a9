// KPIs on the demo: change the date range (the period line and the numbers follow), save a chart as
// PNG, drill down from a figure to exactly the conversations it counted, export the rows as CSV (one
// line per counted conversation, spreadsheet-safe), open one in the inbox, and download the weekly
// report (standalone HTML, no scripts). The runner fails on any CSP violation.
import { readFile } from 'node:fs/promises'
import { assert, openInbox, waitFor } from '../lib.mjs'

export const name = 'kpis: date range, PNG chart, drill-down to conversations, CSV export and weekly report'

/** Clicks and returns the file the click downloads (its name and text). */
async function download(page, locator) {
  const [dl] = await Promise.all([page.waitForEvent('download', { timeout: 15000 }), locator.click()])
  const path = await dl.path()
  const bytes = await readFile(path)
  return { name: dl.suggestedFilename(), text: bytes.toString('utf8'), bytes }
}

export default async function ({ page, baseURL, screenshot }) {
  await openInbox(page, baseURL)
  await page.goto(new URL('#/kpis', baseURL).toString())
  const card = page.locator('[data-testid="kpi-card-volume"]')
  await card.waitFor({ timeout: 20000 })
  const periodLine = page.locator('[data-testid="kpi-period"]')
  const before = (await periodLine.innerText()).trim()

  // The last 7 days instead of the default 30.
  await page.locator('[data-testid="kpi-range-7"]').click()
  await waitFor(async () => (await periodLine.innerText()).trim() !== before, { message: 'the period line to follow the new range' })
  const after = (await periodLine.innerText()).trim()
  await page.locator('[data-testid="kpi-range-90"]').click()
  await waitFor(async () => (await periodLine.innerText()).trim() !== after, { message: 'the period line to show 90 days' })
  await screenshot('range-90')

  const value = (await card.locator('[data-testid="kpi-value"]').innerText()).trim()
  const counted = Number(value.replace(/\D/g, ''))
  assert(counted > 0, `the demo's 90-day conversation count is "${value}"`)

  // The breakdown chart saves as a PNG image.
  await page.locator('[data-testid="kpi-split"] canvas').first().waitFor({ timeout: 10000 })
  const png = await download(page, page.locator('[data-testid="kpi-split-png"]'))
  assert(png.name.endsWith('.png') && png.bytes.subarray(1, 4).toString('latin1') === 'PNG', `the chart export ${png.name} is not a PNG`)

  // Drill down: exactly the counted conversations.
  await page.locator('[data-testid="kpi-drill-volume"]').click()
  const rows = page.locator('[data-testid="kpi-drill-row"]')
  await rows.first().waitFor({ timeout: 10000 })
  await waitFor(async () => (await rows.count()) === counted, { message: `the drill-down to list ${counted} conversations` })

  // Export the rows as CSV: a header and one line per counted conversation.
  const csv = await download(page, page.locator('[data-testid="kpi-drill-export"]'))
  assert(csv.name.endsWith('.csv'), `the export is named ${csv.name}`)
  const lines = csv.text.replace(/^\ufeff/, '').trimEnd().split('\r\n')
  assert(lines.length === counted + 1, `the CSV has ${lines.length} lines for ${counted} conversations`)
  assert(lines.slice(1).every((l) => !/^[=+\-@]/.test(l)), 'a CSV line starts with a formula character')
  await screenshot('drill')

  // A row opens its conversation in the inbox.
  const first = rows.first().locator('[data-testid="kpi-drill-open"]')
  const title = (await first.innerText()).trim()
  await first.click()
  await page.waitForSelector('[data-testid="inbox-view"]', { timeout: 10000 })
  const thread = page.locator('[data-testid="thread-title"]')
  await thread.waitFor({ timeout: 10000 })
  const shown = (await thread.innerText()).trim()
  assert(shown === title || title.startsWith('Conversation #'), `the inbox opened "${shown}", not "${title}"`)

  // The weekly report: a standalone page with the figures and no scripts.
  await page.goto(new URL('#/kpis', baseURL).toString())
  await page.locator('[data-testid="kpi-card-volume"]').waitFor({ timeout: 20000 })
  const report = await download(page, page.locator('[data-testid="kpi-report"]'))
  assert(report.name.endsWith('.html'), `the report is named ${report.name}`)
  assert(report.text.includes('Weekly report') && report.text.includes('Conversations'), 'the report lacks its title or figures')
  assert(!/<script|src=|href=/i.test(report.text), 'the report loads or runs something')
}
