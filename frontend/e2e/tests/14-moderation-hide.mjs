// Comment moderation on the demo's Instagram (the Meta fake): hide the newest comment from its
// menu (Hidden pill in the thread, the eye icon on the list row, the fake records a "hide"),
// show it again from the menu, then h hides and h shows it again from the keyboard; the
// moderation log holds the four actions.
import { assert, demoInfo, openInbox, openNewestIncomingComment, pickOption, waitFor } from '../lib.mjs'

export const name = 'moderation: hide and unhide an Instagram comment (menu and h), pill, list icon, fake calls'

/** How many hide / unhide calls of Instagram the Meta fake recorded. */
async function fakeCalls(metaURL) {
  const res = await fetch(new URL('/_fake/sent', metaURL))
  assert(res.ok, `GET /_fake/sent answered ${res.status}`)
  const list = (await res.json()) ?? []
  const count = (kind) => list.filter((s) => s.kind === kind && s.platform === 'instagram').length
  return { hide: count('hide'), unhide: count('unhide') }
}

async function menuAction(page, messageId, action) {
  await page.click(`[data-testid="moderation-menu"][data-message-id="${messageId}"]`)
  const item = page.locator(`.n-dropdown-option-body:visible:has([data-testid="moderate-${action}"]), [data-testid="moderate-${action}"]:visible`).first()
  await item.waitFor({ timeout: 10000 })
  await item.click()
}

export default async function ({ page, baseURL, screenshot }) {
  await openInbox(page, baseURL)
  const { fakes } = await demoInfo()
  assert(fakes.instagram, 'demo.json has no Instagram fake')
  const before = await fakeCalls(fakes.instagram)

  // The newest comment someone else wrote (the one the h key acts on).
  const { id, messageId, msg } = await openNewestIncomingComment(page, 'Instagram', 'instagram')
  const mine = page.locator(`[data-testid="conversation-row"][data-conversation-id="${id}"]`)
  assert((await mine.locator('[data-testid="conversation-hidden"]').count()) === 0, 'the row shows a hidden comment before any was hidden')

  // Hide from the menu.
  await menuAction(page, messageId, 'hide')
  await msg.locator('[data-testid="message-hidden"]').waitFor({ timeout: 15000 })
  assert((await msg.getAttribute('data-hidden')) === 'true', 'the message is not marked hidden')
  assert((await msg.locator('[data-testid="message-hidden"]').innerText()).includes('Hidden'), 'the pill does not say Hidden')
  await mine.locator('[data-testid="conversation-hidden"]').waitFor({ timeout: 10000 })
  await waitFor(async () => (await fakeCalls(fakes.instagram)).hide === before.hide + 1, { message: 'the fake to record one hide' })
  await screenshot('hidden')

  // Show it again from the menu: the pill and the list icon go.
  await menuAction(page, messageId, 'unhide')
  await msg.locator('[data-testid="message-hidden"]').waitFor({ state: 'detached', timeout: 15000 })
  await mine.locator('[data-testid="conversation-hidden"]').waitFor({ state: 'detached', timeout: 10000 })
  await waitFor(async () => (await fakeCalls(fakes.instagram)).unhide === before.unhide + 1, { message: 'the fake to record one unhide' })

  // Keyboard: h hides the newest comment, h again shows it.
  await page.evaluate(() => (document.activeElement instanceof HTMLElement ? document.activeElement.blur() : undefined))
  await page.keyboard.press('h')
  await msg.locator('[data-testid="message-hidden"]').waitFor({ timeout: 15000 })
  await waitFor(async () => (await fakeCalls(fakes.instagram)).hide === before.hide + 2, { message: 'the fake to record the second hide' })
  await page.keyboard.press('h')
  await msg.locator('[data-testid="message-hidden"]').waitFor({ state: 'detached', timeout: 15000 })
  await waitFor(async () => (await fakeCalls(fakes.instagram)).unhide === before.unhide + 2, { message: 'the fake to record the second unhide' })

  // The comment composer counts Instagram's 2,200 characters and shows no messaging window.
  assert((await page.locator('[data-testid="composer-counter"]').innerText()).includes('2200'), 'no comment length counter')
  assert((await page.locator('[data-testid="composer-window"]').count()) === 0, 'a comment shows a messaging window')

  // The log keeps who did what.
  const log = await page.evaluate((cid) => window.go.app.Moderation.Log(cid), Number(id))
  const actions = (log ?? []).filter((r) => r.messageId === Number(messageId)).map((r) => `${r.action}:${r.outcome}`)
  assert(actions.filter((a) => a === 'hide:done').length === 2 && actions.filter((a) => a === 'unhide:done').length === 2, `log: ${actions.join(', ')}`)

  // An Instagram DM: its 1,000-byte counter and the 24-hour window (open or closed).
  await pickOption(page, 'filter-kind', 'Direct message')
  const dm = page.locator('[data-testid="conversation-row"][data-platform="instagram"][data-kind="dm"]').first()
  await dm.waitFor({ timeout: 15000 })
  const dmId = await dm.getAttribute('data-conversation-id')
  await dm.click()
  await page.waitForSelector(`[data-testid="thread"][data-conversation-id="${dmId}"]`)
  await waitFor(async () => /1000\s*bytes/.test(await page.locator('[data-testid="composer-counter"]').innerText()), { message: 'the byte counter' })
  const windowText = await page.locator('[data-testid="composer-window"]').innerText()
  assert(/allows replies for \d|window has closed/.test(windowText), `window line: ${windowText}`)
}
