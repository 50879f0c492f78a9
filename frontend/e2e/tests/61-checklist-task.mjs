// Weekly checklist: a task is checked off with a result note (kept after a reload), and its
// link opens the view that does it (the inbox filtered to DMs waiting more than 24 h).
import { assert, openInbox, waitFor } from '../lib.mjs'

export const name = 'checklist: complete a task with a note and follow its link'

export default async function ({ page, baseURL, screenshot }) {
  await openInbox(page, baseURL)
  await page.goto(new URL('#/checklist', baseURL).toString())
  await page.waitForSelector('[data-testid="checklist-view"] [data-testid="checklist-task"]')

  const progress = page.locator('[data-testid="checklist-progress"]')
  const doneBefore = Number((await progress.innerText()).match(/\d+/)?.[0] ?? NaN)
  const task = page.locator('li[data-testid="checklist-task"][data-task-key="clearWaitingDms"]:not(.done)').first()
  await task.waitFor()
  const note = `Answered 14 DMs ${Date.now().toString(36)}`
  await task.locator('[data-testid="checklist-check"]').click()
  await task.locator('[data-testid="checklist-note"] input').fill(note)
  await task.locator('[data-testid="checklist-done"]').click()

  const done = page.locator('li[data-testid="checklist-task"].done', { hasText: note })
  await done.waitFor({ timeout: 10000 })
  await waitFor(async () => Number((await progress.innerText()).match(/\d+/)?.[0]) === doneBefore + 1, { message: 'the progress to count the task' })
  await screenshot('done')

  await page.reload()
  await page.waitForSelector('[data-testid="checklist-task"]')
  const kept = page.locator('li[data-testid="checklist-task"].done', { hasText: note })
  await kept.waitFor({ timeout: 10000 })

  await kept.locator('[data-testid="checklist-open-link"]').click()
  await page.waitForSelector('[data-testid="inbox-view"]', { timeout: 10000 })
  const hash = await page.evaluate(() => window.location.hash)
  assert(hash === '#/inbox?status=open&waiting=24h', `the link opened ${hash}`)
}
