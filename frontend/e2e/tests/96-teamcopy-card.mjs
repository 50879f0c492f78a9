// Settings → Team database: the copy card sits under the connection settings and, in the demo
// workspace (which is never copied), says so in plain words instead of offering the button.
import { assert, openInbox, waitFor } from '../lib.mjs'

export const name = 'team copy: the card in the team database tab explains the demo cannot be copied'

export default async function ({ page, baseURL, screenshot }) {
  await openInbox(page, baseURL)
  await page.goto(new URL('#/settings?section=teamdb', baseURL).toString())
  await page.waitForSelector('[data-testid="settings-teamdb"]')

  const card = page.locator('[data-testid="teamcopy-card"]')
  await card.waitFor({ timeout: 10000 })
  const demo = card.locator('[data-testid="teamcopy-demo"]')
  await waitFor(async () => (await demo.count()) === 1, { message: 'the demo explanation in the copy card' })
  const text = await demo.innerText()
  assert(text.includes('demo workspace cannot be copied'), `card text: ${text}`)
  assert((await card.locator('[data-testid="teamcopy-start"]').count()) === 0, 'the demo offers a copy button')
  assert((await card.locator('h3').innerText()).includes('team database'), 'the card has no title')
  await screenshot('demo')
}
