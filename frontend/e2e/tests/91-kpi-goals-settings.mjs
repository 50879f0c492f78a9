// KPI goals and settings on the demo: add a goal ("+15% conversations this month") and see its
// progress, save the rating-request switch and the minutes-per-reply assumption, and see the
// "hours saved" line follow the new assumption.
import { assert, openInbox, waitFor } from '../lib.mjs'

export const name = 'kpis: a goal with progress, and the KPI settings'

export default async function ({ page, baseURL, screenshot }) {
  await openInbox(page, baseURL)
  await page.goto(new URL('#/kpis', baseURL).toString())
  await page.locator('[data-testid="kpi-card-volume"]').waitFor({ timeout: 20000 })

  const goals = page.locator('[data-testid="kpi-goal"]')
  const before = await goals.count()
  await page.locator('[data-testid="kpi-goal-add"]').click()
  // The form opens on "Conversations, change against the period before, +15%, this month".
  const target = page.locator('[data-testid="kpi-goal-target"] input')
  await target.waitFor({ timeout: 5000 })
  assert((await target.inputValue()) === '15', `the target starts at "${await target.inputValue()}"`)
  await page.locator('[data-testid="kpi-goal-save"]').click()
  await waitFor(async () => (await goals.count()) === before + 1, { message: 'the new goal to be listed' })
  const text = await goals.last().innerText()
  assert(text.includes('Conversations') && text.includes('This month'), `the goal reads "${text}"`)
  assert(/Reached|On the way/.test(text), `the goal has no state: "${text}"`)

  // Settings: rating requests on, 6 minutes per reply.
  await page.locator('[data-testid="kpi-settings"]').scrollIntoViewIfNeeded()
  await page.locator('[data-testid="kpi-settings-csat"]').click()
  const minutes = page.locator('[data-testid="kpi-settings-minutes"] input')
  await minutes.fill('6')
  await minutes.press('Tab')
  await page.locator('[data-testid="kpi-settings-save"]').click()
  await page.getByText('Settings saved.').waitFor({ timeout: 10000 })
  const automation = page.locator('[data-testid="kpi-card-automation-share"]')
  await waitFor(async () => (await automation.innerText()).includes('at 6 min per reply'), { message: 'hours saved to use 6 minutes per reply' })
  await screenshot('goals-settings')
}
