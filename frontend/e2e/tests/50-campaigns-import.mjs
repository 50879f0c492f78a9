// Campaigns: a creator and their code are added in the UI; an orders CSV with a bad row is
// imported through the wizard: the bad row is reported with its line and nothing is imported
// until it is skipped; then the orders show, credited to the creator, and Results shows the
// creator's revenue and orders.
import { assert, openInbox, waitFor } from '../lib.mjs'

export const name = 'campaigns: import orders with a bad row, skip it, see the creator’s revenue'

export default async function ({ page, baseURL, screenshot }) {
  await openInbox(page, baseURL)
  const stamp = Date.now().toString(36).toUpperCase()
  const creator = `E2E Ida ${stamp}`
  const code = `IDA${stamp}`

  // A creator, then their code.
  await page.goto(new URL('#/campaigns?tab=creators', baseURL).toString())
  await page.waitForSelector('[data-testid="campaigns-tab-creators"]')
  await page.click('[data-testid="creator-new"]')
  await page.fill('[data-testid="creator-name"]', creator)
  await page.fill('[data-testid="creator-handle-0"]', `ida${stamp.toLowerCase()}`)
  await page.click('[data-testid="creator-save"]')
  await page.waitForSelector('[data-testid="creator-editor"]', { state: 'hidden' })
  await page.locator('[data-testid="creator-row"]', { hasText: creator }).waitFor()

  await page.goto(new URL('#/campaigns?tab=codes', baseURL).toString())
  await page.waitForSelector('[data-testid="codes-panel"]')
  await page.fill('[data-testid="code-input"]', code)
  await page.click('[data-testid="code-creator"]')
  await page.locator('.n-base-select-option', { hasText: creator }).first().click()
  await page.click('[data-testid="code-add"]')
  await page.locator('[data-testid="code-row"]', { hasText: code }).waitFor()

  // A Shopify export: two good orders with the code, one with text in the total.
  const csv = [
    'Name,Email,Currency,Total,Discount Code,Created at',
    `#E${stamp}-1,a@example.com,EUR,12.50,${code},2026-03-02 10:15:00 +0000`,
    `#E${stamp}-2,b@example.com,EUR,thirty,${code},2026-03-03 11:00:00 +0000`,
    `#E${stamp}-3,c@example.com,EUR,30.00,${code},2026-03-04 09:30:00 +0000`,
  ].join('\n')

  await page.goto(new URL('#/campaigns?tab=orders', baseURL).toString())
  await page.waitForSelector('[data-testid="campaigns-tab-orders"]')
  await page.click('[data-testid="orders-import"]')
  await page.waitForSelector('[data-testid="import-wizard"]')
  await page.setInputFiles('[data-testid="import-file"]', { name: 'shop-orders.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') })
  await page.waitForSelector('[data-testid="import-review"]')

  // The bad row is listed with its line and why; the plain import is not offered.
  const bad = page.locator('[data-testid="import-bad-row"]')
  await waitFor(async () => (await bad.count()) === 1, { message: 'one bad row' })
  assert((await bad.first().getAttribute('data-line')) === '3', `bad row line: ${await bad.first().getAttribute('data-line')}`)
  const why = await bad.first().textContent()
  assert(why.includes('“thirty” is not an amount'), `bad row reason: ${why}`)
  assert(await page.locator('[data-testid="import-run"]').isDisabled(), 'import is offered despite a bad row')
  await screenshot('bad-row')

  // Nothing was imported yet.
  await page.keyboard.press('Escape')
  await page.waitForSelector('[data-testid="import-wizard"]', { state: 'hidden' })
  await page.reload()
  await page.waitForSelector('[data-testid="campaigns-tab-orders"]')
  await page.waitForTimeout(500)
  assert((await page.locator(`[data-testid="order-row"][data-order^="#E${stamp}"]`).count()) === 0, 'orders were imported before the bad row was skipped')

  // Again, skipping the bad row.
  await page.click('[data-testid="orders-import"]')
  await page.setInputFiles('[data-testid="import-file"]', { name: 'shop-orders.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') })
  await page.waitForSelector('[data-testid="import-skip"]')
  await page.click('[data-testid="import-skip"]')
  await page.waitForSelector('[data-testid="import-done"]')
  const inserted = await page.locator('[data-testid="import-inserted"]').textContent()
  assert(inserted.includes('2 new orders'), `import result: ${inserted}`)
  await page.click('[data-testid="import-close"]')

  // The orders are listed and credited to the creator, with the reason.
  const mine = page.locator(`[data-testid="order-row"][data-order^="#E${stamp}"]`)
  await waitFor(async () => (await mine.count()) === 2, { message: 'the two imported orders' })
  const first = await mine.first().textContent()
  assert(first.includes(creator), `order not credited to ${creator}: ${first}`)
  assert(first.includes(`code ${code}`), `no reason naming the code: ${first}`)

  // Results by creator: €42.50 over 2 orders.
  await page.goto(new URL('#/campaigns?tab=results', baseURL).toString())
  const row = page.locator('[data-testid="results-row"]', { hasText: creator })
  await row.waitFor({ timeout: 15000 })
  const revenue = (await row.locator('[data-testid="results-revenue"]').textContent()).replace(/\s/g, '')
  const orders = (await row.locator('[data-testid="results-orders"]').textContent()).trim()
  assert(revenue === '€42.50', `revenue ${revenue}`)
  assert(orders === '2', `orders ${orders}`)
  await screenshot('results')
}
