// Settings → Team database → Test connection against a port nothing listens on: the result
// names the reason in plain words, in English and after switching to Română.
import { createServer } from 'node:net'
import { assert, openInbox, waitFor } from '../lib.mjs'

export const name = 'team database: a failed connection test shows the translated reason'

/** A loopback port that was free a moment ago (nothing listens on it). */
async function closedPort() {
  return await new Promise((resolve, reject) => {
    const srv = createServer()
    srv.once('error', reject)
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address()
      srv.close(() => resolve(port))
    })
  })
}

async function fillAndTest(page, port) {
  await page.fill('[data-testid="teamdb-host"]', '127.0.0.1')
  await page.fill('[data-testid="teamdb-port"]', String(port))
  await page.fill('[data-testid="teamdb-database"]', 'studio')
  await page.fill('[data-testid="teamdb-user"]', 'dana')
  await page.fill('[data-testid="teamdb-password"]', 'not-a-real-password')
  await page.click('[data-testid="teamdb-test"]')
}

export default async function ({ page, baseURL, screenshot }) {
  const port = await closedPort()
  await openInbox(page, baseURL)
  await page.goto(new URL('#/settings?section=teamdb', baseURL).toString())
  await page.waitForSelector('[data-testid="teamdb-form"]')

  await fillAndTest(page, port)
  const probe = page.locator('[data-testid="teamdb-probe"]')
  await probe.waitFor({ timeout: 20000 })
  assert((await probe.getAttribute('data-ok')) === 'false', 'the test against a closed port succeeded')
  assert((await probe.getAttribute('data-reason')) === 'unreachable', `reason ${await probe.getAttribute('data-reason')}`)
  const text = await probe.innerText()
  assert(text.startsWith('Nothing answers at this server and port.'), `English reason: ${text}`)
  assert(!text.includes('not-a-real-password') && !text.includes('errors.'), `reason leaks a key or the password: ${text}`)
  await screenshot('unreachable-en')

  try {
    await page.click('[data-testid="language-switcher"]')
    await page.click('[data-testid="language-option-ro"]')
    await waitFor(async () => (await probe.innerText()).startsWith('Nu răspunde nimic la acest server și port.'), {
      message: 'the Romanian reason',
    })
    await screenshot('unreachable-ro')
  } finally {
    await page.click('[data-testid="language-switcher"]')
    await page.click('[data-testid="language-option-en"]')
  }
}
