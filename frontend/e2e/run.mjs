// End-to-end runner: drives Debian's Chromium (playwright-core, no browser download) against
// the dev-tagged Go binary serving the built frontend with live bindings.
//   E2E_BASE_URL  the app's address (required), e.g. http://127.0.0.1:34115
//   E2E_DATA_DIR  the app's data dir (the demo writes demo.json there)
//   E2E_OUT_DIR   where screenshots go (default frontend/e2e/out)
//   E2E_ONLY      run only tests whose file name contains this
// Runs e2e/tests/*.mjs in name order, one fresh browser context each. A test fails on a thrown
// error, an uncaught page error, or a Content-Security-Policy violation. Last line printed:
// "e2e: N passed, M failed".
import { mkdirSync, readdirSync } from 'node:fs'
import { basename, join, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { chromium } from 'playwright-core'

const here = fileURLToPath(new URL('.', import.meta.url))
const baseURL = process.env.E2E_BASE_URL
const outDir = resolve(process.env.E2E_OUT_DIR || join(here, 'out'))
const only = process.env.E2E_ONLY || ''
const TEST_TIMEOUT_MS = Number(process.env.E2E_TEST_TIMEOUT_MS || 90000)

let passed = 0
let failed = 0

function finish(code) {
  console.log(`e2e: ${passed} passed, ${failed} failed`)
  process.exit(code)
}

if (!baseURL) {
  console.error('e2e: E2E_BASE_URL is not set')
  failed = 1
  finish(1)
}
mkdirSync(outDir, { recursive: true })

/** Known dev-mode noise: Wails' own dev IPC script and the favicon request. */
function isNoise(text) {
  return /\/wails\/(ipc|runtime)\.js/.test(text) || /favicon\.ico/.test(text) || /runtime:ready/.test(text)
}

const testsDir = join(here, 'tests')
const files = readdirSync(testsDir)
  .filter((f) => f.endsWith('.mjs') && f.includes(only))
  .sort()

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
})

try {
  for (const file of files) {
    const mod = await import(pathToFileURL(join(testsDir, file)).href)
    const name = mod.name || basename(file, '.mjs')
    const shot = join(outDir, `${basename(file, '.mjs')}.png`)
    const context = await browser.newContext({ viewport: { width: 1280, height: 860 }, locale: 'en-US' })
    const page = await context.newPage()
    page.setDefaultTimeout(20000)
    const problems = []
    const notes = []
    page.on('pageerror', (err) => {
      const text = `${err.message}\n${err.stack || ''}`
      if (isNoise(text)) notes.push(`ignored page error: ${err.message}`)
      else problems.push(`page error: ${err.message}`)
    })
    page.on('console', (msg) => {
      const text = msg.text()
      if (/Content Security Policy/i.test(text)) problems.push(`CSP violation: ${text}`)
      else if (msg.type() === 'error' && !isNoise(text) && !isNoise(msg.location()?.url || '')) notes.push(`console error: ${text}`)
    })
    const started = Date.now()
    let error = null
    let timer
    try {
      await Promise.race([
        mod.default({ page, context, baseURL, screenshot: (suffix) => page.screenshot({ path: shot.replace(/\.png$/, `-${suffix}.png`) }) }),
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Error(`test timed out after ${TEST_TIMEOUT_MS} ms`)), TEST_TIMEOUT_MS)
        }),
      ])
      if (problems.length) throw new Error(problems.join('\n'))
    } catch (err) {
      error = err
    } finally {
      clearTimeout(timer)
    }
    await page.screenshot({ path: shot }).catch(() => {})
    const secs = ((Date.now() - started) / 1000).toFixed(1)
    if (error) {
      failed++
      console.log(`FAIL ${name} (${secs}s)\n  ${String(error.stack || error).split('\n').join('\n  ')}`)
    } else {
      passed++
      console.log(`ok   ${name} (${secs}s)`)
    }
    for (const n of notes) console.log(`     note: ${n}`)
    console.log(`     screenshot: ${shot}`)
    await context.close().catch(() => {})
  }
} catch (err) {
  failed++
  console.log(`FAIL runner: ${err.stack || err}`)
} finally {
  await browser.close().catch(() => {})
}
finish(failed > 0 ? 1 : 0)
