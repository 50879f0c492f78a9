// Browser measurements for `make bench` (cmd/bench runs this through scripts/e2e.sh against the
// benchmark workspace, 100,000 conversations): the time from opening a fresh browser page on the
// inbox to the first conversation rows painted, and the frame times while the list scrolls.
// Writes E2E_OUT_DIR/perf.json: { firstRowsMs: [..], frameMs: [..], rowsSeen: N }.
// Last line: "e2e: N passed, M failed" like the other runners.
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { chromium } from 'playwright-core'

const baseURL = process.env.E2E_BASE_URL
const outDir = process.env.E2E_OUT_DIR || 'build/test-output/e2e'
const runs = Number(process.env.PERF_RUNS || 5)
if (!baseURL) throw new Error('E2E_BASE_URL is not set (run through scripts/e2e.sh)')

const result = { firstRowsMs: [], frameMs: [], rowsSeen: 0, runs }
let failed = 0
try {
  for (let i = 0; i < runs; i++) {
    const started = Date.now()
    const browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
        '--disable-sync', '--no-first-run', '--disable-quic'],
    })
    try {
      const page = await (await browser.newContext({ viewport: { width: 1280, height: 860 } })).newPage()
      await page.goto(`${baseURL}/#/inbox`)
      await page.waitForSelector('[data-testid="conversation-row"]', { state: 'visible', timeout: 30000 })
      // Wait for the frame that paints the rows, then stop the clock.
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))))
      result.firstRowsMs.push(Date.now() - started)
      if (i === 0) {
        // Scroll the virtualized list frame by frame, loading pages as it goes, and keep each frame's duration.
        const frames = await page.evaluate(async () => {
          const list = document.querySelector('[data-testid="conversation-list"]')
          const out = []
          let last = performance.now()
          for (let f = 0; f < 240; f++) {
            list.scrollTop += 240
            await new Promise((r) => requestAnimationFrame(r))
            const now = performance.now()
            out.push(now - last)
            last = now
          }
          return out
        })
        result.frameMs = frames.slice(5) // the first frames include the scroll setup
        result.rowsSeen = await page.locator('[data-testid="conversation-row"]').count()
      }
    } finally {
      await browser.close()
    }
  }
  await writeFile(join(outDir, 'perf.json'), JSON.stringify(result, null, 2))
} catch (err) {
  failed = 1
  console.error('perf:', err)
}
console.log(`e2e: ${failed ? 0 : 1} passed, ${failed} failed`)
process.exit(failed)
