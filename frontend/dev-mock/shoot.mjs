// Screenshots of the built UI against the mock, for looking at it (light and dark).
//   node dev-mock/shoot.mjs            (starts serve.mjs itself; writes dev-mock/out/*.png)
import { spawn } from 'node:child_process'
import { mkdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { resolve } from 'node:path'
import { chromium } from 'playwright-core'

const here = fileURLToPath(new URL('.', import.meta.url))
const out = resolve(here, 'out')
mkdirSync(out, { recursive: true })
const port = 5174 + Math.floor(Math.random() * 500)
const server = spawn(process.execPath, [resolve(here, 'serve.mjs'), String(port)], { stdio: ['ignore', 'pipe', 'inherit'] })
await new Promise((r) => server.stdout.once('data', r))
const base = `http://127.0.0.1:${port}/`

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
})
const problems = []
async function page(query, scheme, lang = 'en-US') {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 }, colorScheme: scheme, locale: lang })
  const p = await ctx.newPage()
  p.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`${query} ${m.type()}: ${m.text()}`)
  })
  p.on('pageerror', (e) => problems.push(`${query} pageerror: ${e.message}`))
  await p.goto(base + query)
  await p.waitForTimeout(600)
  return p
}

const only = process.argv[2]
const shots = {
  async inbox(scheme) {
    const p = await page('?x=1#/inbox', scheme)
    await p.click('[data-conversation-id="1"]')
    await p.waitForTimeout(500)
    await p.screenshot({ path: `${out}/inbox-${scheme}.png` })
    await p.click('[data-conversation-id="4"]')
    await p.waitForTimeout(400)
    await p.screenshot({ path: `${out}/inbox-failed-${scheme}.png` })
    await p.keyboard.press('/')
    await p.keyboard.type('LUMEN')
    await p.waitForTimeout(700)
    await p.screenshot({ path: `${out}/search-${scheme}.png` })
    await p.context().close()
  },
  async firstrun(scheme) {
    const p = await page('?mode=empty&keyring=0#/welcome', scheme)
    await p.screenshot({ path: `${out}/firstrun-${scheme}.png` })
    await p.context().close()
    // "Connect an account" opens the same picker and forms as Settings.
    const c = await page('?mode=empty#/welcome', scheme)
    await c.click('[data-testid="first-run-connect"]')
    await c.click('[data-testid="connect-platform-bluesky"]')
    await c.waitForTimeout(300)
    await c.screenshot({ path: `${out}/firstrun-connect-${scheme}.png` })
    await c.context().close()
  },
  async settings(scheme) {
    const p = await page('?lang=ro#/settings', scheme)
    await p.screenshot({ path: `${out}/settings-ro-${scheme}.png`, fullPage: true })
    await p.context().close()
  },
  async connect(scheme) {
    // Settings → Accounts: the picker, each platform's form, a translated AppError, a field check.
    const p = await page('?x=1#/settings', scheme)
    const card = p.locator('[data-testid="settings-connect"]')
    await card.scrollIntoViewIfNeeded()
    await p.screenshot({ path: `${out}/connect-${scheme}.png`, fullPage: true })
    await p.click('[data-testid="connect-platform-mastodon"]')
    await p.fill('[data-testid="connect-base-url"]', 'mastodon.social')
    await p.fill('[data-testid="connect-token"]', 'not-the-right-token')
    await p.click('[data-testid="connect-submit"]')
    await p.waitForSelector('[data-testid="connect-mastodon"] [data-testid="app-error"]')
    await card.screenshot({ path: `${out}/connect-mastodon-error-${scheme}.png` })
    await p.click('[data-testid="connect-platform-bluesky"]')
    await p.fill('[data-testid="connect-identifier"]', '@lumen.bsky.social')
    await p.fill('[data-testid="connect-token"]', 'MyMainPassword1')
    await p.click('[data-testid="connect-submit"]')
    await p.waitForTimeout(300)
    await card.screenshot({ path: `${out}/connect-bluesky-check-${scheme}.png` })
    // The Inbox item's counters, with the waiting tooltip open.
    await p.hover('[data-testid="nav-inbox-waiting"]')
    await p.waitForTimeout(400)
    await p.screenshot({ path: `${out}/nav-counts-${scheme}.png`, clip: { x: 0, y: 0, width: 560, height: 260 } })
    await p.context().close()
    const ro = await page('?lang=ro#/settings', scheme)
    await ro.locator('[data-testid="settings-connect"]').scrollIntoViewIfNeeded()
    await ro.click('[data-testid="connect-platform-bluesky"]')
    await ro.locator('[data-testid="settings-connect"]').screenshot({ path: `${out}/connect-bluesky-ro-${scheme}.png` })
    await ro.context().close()
  },
  async hindi(scheme) {
    const p = await page('?lang=hi#/inbox', scheme)
    await p.click('[data-conversation-id="3"]')
    await p.waitForTimeout(400)
    await p.screenshot({ path: `${out}/inbox-hi-${scheme}.png` })
    await p.context().close()
  },
  async zh(scheme) {
    const p = await page('#/kpis', scheme, 'zh-TW')
    await p.screenshot({ path: `${out}/kpis-zh-Hant-${scheme}.png` })
    await p.context().close()
  },
}
try {
  for (const [name, fn] of Object.entries(shots)) {
    if (only && only !== name) continue
    for (const scheme of ['light', 'dark']) await fn(scheme)
  }
} finally {
  await browser.close()
  server.kill()
}
console.log(problems.length ? problems.join('\n') : 'no console errors')
