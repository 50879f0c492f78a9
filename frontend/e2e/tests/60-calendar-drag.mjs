// Content calendar: an item made in the editor is dragged to another day in the month view;
// the move is offered for undo and is still there after a reload.
import { assert, openInbox, waitFor } from '../lib.mjs'

export const name = 'calendar: drag an item to another day, persisted after reload'

async function eventCell(page, marker) {
  const ev = page.locator('[data-testid="calendar-event"]', { hasText: marker }).first()
  await ev.waitFor({ timeout: 15000 })
  const date = await ev.evaluate((el) => el.closest('td[data-date]')?.getAttribute('data-date') ?? null)
  return { ev, date }
}

export default async function ({ page, baseURL, screenshot }) {
  await openInbox(page, baseURL)
  await page.goto(new URL('#/calendar', baseURL).toString())
  await page.waitForSelector('[data-testid="calendar-view"] .fc-daygrid-day')

  // A new idea, made in the editor (starts in the next hour).
  const marker = `E2E drag ${Date.now().toString(36)}`
  await page.click('[data-testid="calendar-new"]')
  await page.waitForSelector('[data-testid="calendar-editor"]')
  await page.locator('[data-testid="calendar-editor-title"] input').fill(marker)
  await page.locator('[data-testid="calendar-editor-caption"] textarea').fill('Three ways to wear the linen shirt')
  await page.click('[data-testid="calendar-editor-save"]')
  await page.waitForSelector('[data-testid="calendar-editor"]', { state: 'hidden' })

  const before = await eventCell(page, marker)
  assert(before.date, 'the new item is not in a day cell')

  // Drop it on a neighbouring day of the same grid.
  const target = await page.evaluate((from) => {
    const cells = [...document.querySelectorAll('td.fc-daygrid-day[data-date]')].map((td) => td.getAttribute('data-date'))
    const i = cells.indexOf(from)
    return cells[i + 2] ?? cells[i - 2] ?? null
  }, before.date)
  assert(target, `no target cell near ${before.date}`)
  await before.ev.scrollIntoViewIfNeeded()
  const from = await before.ev.boundingBox()
  const to = await page.locator(`td.fc-daygrid-day[data-date="${target}"] .fc-daygrid-day-frame`).boundingBox()
  assert(from && to, 'no boxes to drag between')
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2)
  await page.mouse.down()
  await page.mouse.move(from.x + from.width / 2 + 5, from.y + from.height / 2 + 5, { steps: 5 })
  await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 20 })
  await page.mouse.up()

  await page.waitForSelector('[data-testid="calendar-undo"]', { timeout: 10000 })
  await screenshot('moved')
  await waitFor(async () => (await eventCell(page, marker)).date === target, { message: `the item on ${target}` })

  // Persisted: a reload shows it on the new day.
  await page.reload()
  await page.waitForSelector('[data-testid="calendar-view"] .fc-daygrid-day')
  const after = await waitFor(async () => {
    const c = await eventCell(page, marker)
    return c.date ? c : null
  }, { message: 'the item after reload' })
  assert(after.date === target, `after reload the item is on ${after.date}, expected ${target}`)
}
