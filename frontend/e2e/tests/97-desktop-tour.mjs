// The guided tour: offered on the demo when this computer never finished it, walked with the
// keyboard and the buttons through the views it names, remembered once finished, started again
// from Settings → About and skipped with Esc. Also the "This computer" card's background-sync switch.
import { assert, openInbox, waitFor } from '../lib.mjs'

export const name = 'first run: the guided tour walks inbox, saved replies, calendar and KPIs, and is remembered'

const stepOf = (page) => page.locator('[data-testid="tour-card"]').getAttribute('data-step')

export default async function ({ page, baseURL }) {
  await openInbox(page, baseURL)
  // The harness marks the tour as seen so it never covers other tests; forget that here.
  await page.evaluate(() => window.go.app.Desktop.SetTourDone(false))
  await page.reload()
  await page.waitForSelector('[data-testid="tour-card"]', { timeout: 20000 })
  assert((await stepOf(page)) === 'welcome', `first step ${await stepOf(page)}`)

  await page.keyboard.press('ArrowRight')
  await waitFor(async () => (await stepOf(page)) === 'inbox', { message: 'the inbox step' })
  await page.click('[data-testid="tour-next"]')
  await waitFor(async () => (await stepOf(page)) === 'templates', { message: 'the saved-replies step' })
  await waitFor(() => page.url().includes('section=templates'), { message: 'Settings → Saved replies to open' })
  const body = await page.locator('#tour-body').textContent()
  assert(body.includes('{first_name}'), `the token example is shown literally: ${body}`)
  await page.keyboard.press('ArrowLeft')
  await waitFor(async () => (await stepOf(page)) === 'inbox', { message: 'Back to the inbox step' })
  await page.click('[data-testid="tour-next"]')
  await page.click('[data-testid="tour-next"]')
  await waitFor(async () => (await stepOf(page)) === 'calendar', { message: 'the calendar step' })
  await waitFor(() => page.url().includes('/calendar'), { message: 'the calendar to open' })
  await page.click('[data-testid="tour-next"]')
  await waitFor(async () => (await stepOf(page)) === 'kpis', { message: 'the KPI step' })
  await page.click('[data-testid="tour-next"]') // the last step's button finishes
  await waitFor(async () => (await page.locator('[data-testid="tour"]').count()) === 0, { message: 'the tour to close' })
  assert((await page.evaluate(() => window.go.app.Desktop.Get())).tourDone === true, 'finishing was not remembered')

  await page.goto(new URL('#/inbox', baseURL).toString())
  await page.reload()
  await page.waitForSelector('[data-testid="inbox-view"]')
  await page.waitForTimeout(800)
  assert((await page.locator('[data-testid="tour"]').count()) === 0, 'the tour came back after it was finished')

  // Settings → About: take it again, then skip with Esc; background sync switches and persists.
  await page.goto(new URL('#/settings?section=about', baseURL).toString())
  await page.waitForSelector('[data-testid="settings-desktop"]')
  await page.click('[data-testid="desktop-tour"]')
  await page.waitForSelector('[data-testid="tour-card"]')
  await page.keyboard.press('Escape')
  await waitFor(async () => (await page.locator('[data-testid="tour"]').count()) === 0, { message: 'Esc to skip the tour' })

  await page.goto(new URL('#/settings?section=about', baseURL).toString())
  const sw = page.locator('[data-testid="desktop-background"]')
  await sw.waitFor()
  assert((await sw.getAttribute('aria-checked')) === 'false', 'background sync should start off')
  await sw.click()
  await waitFor(async () => (await page.evaluate(() => window.go.app.Desktop.Get())).backgroundSync === true, { message: 'background sync to be saved' })
  await sw.click()
  await waitFor(async () => (await page.evaluate(() => window.go.app.Desktop.Get())).backgroundSync === false, { message: 'background sync to be turned off again' })
  const updateSwitch = page.locator('[data-testid="desktop-update"]')
  assert((await updateSwitch.getAttribute('aria-checked')) === 'false', 'the update check must be off by default')
}
