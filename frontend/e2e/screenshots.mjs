// Takes the README's screenshots from the running demo workspace: the inbox with a
// conversation open, in light and dark, in English and Simplified Chinese.
// Run through `make screenshots` (scripts/e2e.sh starts the app with --demo).
import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { chromium } from 'playwright-core'
import { openInbox } from './lib.mjs'

const baseURL = process.env.E2E_BASE_URL
const outDir = process.env.SCREENSHOTS_DIR || 'docs/screenshots'
if (!baseURL) throw new Error('E2E_BASE_URL is not set (run through make screenshots)')
await mkdir(outDir, { recursive: true })

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
    '--disable-sync', '--no-first-run', '--disable-quic'],
})

/** Sets the app's language through its own settings API, then reloads. */
async function setLanguage(page, lang) {
  await page.evaluate((l) => window.go.app.Settings.SetLanguage(l), lang)
  await page.reload()
}

const shots = [
  { file: 'inbox.png', scheme: 'light', lang: 'en' },
  { file: 'inbox-dark.png', scheme: 'dark', lang: 'en' },
  { file: 'inbox-zh-Hans.png', scheme: 'light', lang: 'zh-Hans' },
  { file: 'inbox-zh-Hans-dark.png', scheme: 'dark', lang: 'zh-Hans' },
]
let passed = 0
for (const shot of shots) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, colorScheme: shot.scheme, locale: 'en-US' })
  const page = await context.newPage()
  await openInbox(page, baseURL)
  await setLanguage(page, shot.lang)
  await page.waitForSelector('[data-conversation-id]', { timeout: 20000 })
  // Open the second conversation: a full thread reads better than the newest one-liner.
  const rows = page.locator('[data-conversation-id]')
  await rows.nth(Math.min(1, (await rows.count()) - 1)).click()
  await page.waitForSelector('[data-testid="thread-message"]', { timeout: 20000 }).catch(() => {})
  await page.waitForTimeout(400) // let fonts and transitions settle
  await page.screenshot({ path: join(outDir, shot.file) })
  console.log(`screenshots: wrote ${join(outDir, shot.file)}`)
  passed++
  await context.close()
}
await browser.close()
console.log(`screenshots: ${passed} passed, ${shots.length - passed} failed`)
