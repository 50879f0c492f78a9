// Serves the built frontend (dist/) with dev-mock/mock-wails.js injected into index.html,
// the way the Wails asset server injects /wails/runtime.js. Development only.
//   node dev-mock/serve.mjs [port] [e2e-data-dir]     (default 5174, loopback only)
// It also plays a fake Telegram server's /_fake/sent (the mock's replies are recorded through
// POST /_mock/sent) and, given a data dir, writes demo.json there as the Go demo does (its
// fakes.mastodon is only an address: the mock's Accounts.Connect plays the Mastodon fake), so
// the e2e runner can be dry-run against the mock:
//   node dev-mock/serve.mjs 5180 /tmp/mockdata &
//   E2E_BASE_URL=http://127.0.0.1:5180/ E2E_DATA_DIR=/tmp/mockdata node e2e/run.mjs
import { createServer } from 'node:http'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { extname, join, normalize, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const here = fileURLToPath(new URL('.', import.meta.url))
const dist = resolve(here, '../dist')
const port = Number(process.argv[2] || process.env.PORT || 5174)
const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.json': 'application/json', '.woff2': 'font/woff2' }

const dataDir = process.argv[3]
const sent = []

const server = createServer(async (req, res) => {
  const url = new URL(req.url || '/', 'http://localhost')
  try {
    if (url.pathname === '/_mock/sent' && req.method === 'POST') {
      let body = ''
      for await (const chunk of req) body += chunk
      sent.push({ chat_id: 0, text: body })
      res.writeHead(204)
      res.end()
      return
    }
    if (url.pathname === '/_fake/sent') {
      res.writeHead(200, { 'content-type': types['.json'] })
      res.end(JSON.stringify(sent))
      return
    }
    if (url.pathname === '/dev-mock/mock-wails.js') {
      res.writeHead(200, { 'content-type': types['.js'] })
      res.end(await readFile(join(here, 'mock-wails.js')))
      return
    }
    const rel = url.pathname === '/' ? 'index.html' : normalize(url.pathname).replace(/^([/\\])+/, '')
    const file = resolve(dist, rel)
    if (!file.startsWith(dist)) throw new Error('outside dist')
    let body = await readFile(file)
    if (rel === 'index.html') {
      body = Buffer.from(body.toString('utf8').replace('<head>', '<head>\n    <script src="/dev-mock/mock-wails.js"></script>'))
    }
    res.writeHead(200, { 'content-type': types[extname(file)] || 'application/octet-stream' })
    res.end(body)
  } catch {
    res.writeHead(404)
    res.end('not found')
  }
})
server.listen(port, '127.0.0.1', async () => {
  if (dataDir) {
    await mkdir(dataDir, { recursive: true })
    const here = `http://127.0.0.1:${port}`
    await writeFile(join(dataDir, 'demo.json'), JSON.stringify({ fakes: { telegram: here, mastodon: `${here}/_fake/mastodon` } }))
  }
  console.log(`dev-mock: http://127.0.0.1:${port}/`)
})
