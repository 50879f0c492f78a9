// Reply experiments on the demo workspace: the demo's running experiment shows its stage and
// results table; a new experiment of two starter saved replies (returns vs. price) is created, started at 5 %,
// and its version B promoted, which finishes it with B marked the winner.
import { assert, openInbox, waitFor } from '../lib.mjs'

export const name = 'campaigns: create a reply experiment, start it, promote the winner'

export default async function ({ page, baseURL, screenshot }) {
  await openInbox(page, baseURL)
  const expName = `E2E test ${Date.now().toString(36)}`

  await page.goto(new URL('#/campaigns?tab=experiments', baseURL).toString())
  await page.waitForSelector('[data-testid="campaigns-tab-experiments"]')
  const demo = page.locator('[data-testid="experiment-card"][data-status="running"]').first()
  await demo.waitFor()
  assert((await demo.locator('[data-testid="experiment-variant"]').count()) === 2, 'the demo experiment has versions A and B')
  assert(await demo.locator('[data-testid="experiment-stage-25"] input').isChecked(), 'the demo experiment runs at 25%')

  await page.click('[data-testid="experiment-new"]')
  await page.waitForSelector('[data-testid="experiment-editor"]')
  await page.click('[data-testid="experiment-base"]')
  await page.locator('.n-base-select-option:visible', { hasText: 'Returns & refunds' }).first().click()
  await page.click('[data-testid="experiment-variants"]')
  await page.locator('.n-base-select-option:visible', { hasText: 'Price & availability' }).first().click()
  await page.keyboard.press('Escape')
  await page.fill('[data-testid="experiment-name"]', expName)
  await page.click('[data-testid="experiment-save"]')
  await page.waitForSelector('[data-testid="experiment-editor"]', { state: 'hidden' })

  const card = page.locator('[data-testid="experiment-card"]', { hasText: expName })
  await card.waitFor()
  assert((await card.getAttribute('data-status')) === 'draft', `new experiment ${await card.getAttribute('data-status')}`)
  await card.locator('[data-testid="experiment-start"]').click()
  await waitFor(async () => (await card.getAttribute('data-status')) === 'running', { message: 'started' })
  assert(await card.locator('[data-testid="experiment-stage-5"] input').isChecked(), 'starts at 5%')

  await card.locator('[data-testid="experiment-promote-B"]').click()
  await page.locator('.n-popconfirm__action button', { hasText: 'Promote' }).click()
  await waitFor(async () => (await card.getAttribute('data-status')) === 'completed', { message: 'completed after promoting' })
  const winner = card.locator('[data-testid="experiment-variant"][data-label="B"] [data-testid="experiment-winner"]')
  await winner.waitFor()
  assert((await card.locator('[data-testid="experiment-reason"]').textContent()).includes('version B was promoted'), 'the reason names B')
  await screenshot('experiments')
}
