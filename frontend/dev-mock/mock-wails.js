// A stand-in for the Wails runtime (window.go.app.* and window.runtime.Events*) so the built
// UI can be previewed and screenshotted without the Go side. Development only: it is served
// by dev-mock/serve.mjs and never part of the production bundle.
//
// Query flags (before the #): ?mode=empty  first run; ?keyring=0  keyring unavailable;
// ?lang=ro  stored language; ?theme=dark  stored theme; ?live=1  simulate incoming messages;
// ?many=0  only the hand-written conversations.
//
// Accounts.Connect plays the Go side's checks: Telegram wants a 123:ABC… token; Mastodon wants a
// server and answers errors.account.credentialsRejected unless the token is MOCK_MASTODON_TOKEN; Bluesky wants a
// handle and an xxxx-xxxx-xxxx-xxxx app password, and a handle containing "nodm" gets
// errors.bluesky.noDMAccess. Connecting a handle that is already there is errors.account.duplicate.
;(function () {
  'use strict'
  const params = new URLSearchParams(location.search)
  const listeners = new Map()
  const delay = (ms) => new Promise((r) => setTimeout(r, ms))
  const emit = (name, payload) => (listeners.get(name) || []).slice().forEach((cb) => cb(payload))
  const appError = (key, args, message) => ({ code: key.split('.').slice(1).join('_'), key, args: args || {}, message: message || key })
  // How a bound method's error reaches JS: the Wails v2 runtime rejects with
  // new Error(<ErrorFormatter result>), so the Go side formats the AppError as JSON text.
  const rejection = (key, args) => new Error(JSON.stringify(appError(key, args)))

  const now = Date.now()
  const iso = (minsAgo) => new Date(now - minsAgo * 60000).toISOString()

  // Settings survive a reload (like the Go side's) through sessionStorage.
  let settings = JSON.parse(sessionStorage.getItem('mock-settings') || 'null') || { language: params.get('lang') || '', theme: params.get('theme') || 'system' }
  const saveSettings = () => sessionStorage.setItem('mock-settings', JSON.stringify(settings))
  const keyringOk = params.get('keyring') !== '0'
  let mode = params.get('mode') || 'demo'

  const MOCK_MASTODON_TOKEN = 'mock-mastodon-token'
  const accounts = [
    { id: 1, platform: 'telegram', name: 'Lumen Studio Support', handle: 'lumen_support_bot', status: 'connected', lastSyncAt: iso(2), lastError: null, itemsSynced: 1284, createdAt: iso(60 * 24 * 30) },
    { id: 2, platform: 'mastodon', name: 'Lumen Studio', handle: 'lumen@mastodon.social', status: 'syncing', lastSyncAt: iso(14), lastError: null, itemsSynced: 5630, createdAt: iso(60 * 24 * 20) },
    { id: 3, platform: 'bluesky', name: 'Lumen Studio', handle: 'lumen.bsky.social', status: 'needs_reconnect', lastSyncAt: iso(60 * 26), lastError: appError('errors.platform.auth'), itemsSynced: 312, createdAt: iso(60 * 24 * 10) },
  ]
  let nextAccountId = 10

  let nextMsgId = 10000
  const conversations = new Map()
  const messages = new Map()

  function addConversation(c, msgs) {
    const list = msgs.map((m, i) => ({
      id: nextMsgId++,
      conversationId: c.id,
      externalId: 'ext-' + c.id + '-' + i,
      direction: m.dir || 'in',
      authorName: m.author || (m.dir === 'out' ? 'Lumen Studio' : c.title),
      text: m.text,
      sentAt: iso(m.ago),
      editedAt: m.edited ? iso(m.ago - 1) : '',
      deleted: !!m.deleted,
      state: m.dir === 'out' ? (m.state || 'sent') : 'received',
      error: m.error || null,
      attachments: m.attachments || [],
    }))
    const last = list[list.length - 1]
    conversations.set(c.id, {
      accountId: 1,
      platform: 'telegram',
      kind: 'dm',
      unread: 0,
      status: 'open',
      assignee: '',
      language: '',
      ...c,
      snippet: last.deleted ? '' : last.text,
      lastMessageAt: last.sentAt,
    })
    messages.set(c.id, list)
  }

  addConversation({ id: 1, title: 'Ana Popescu', language: 'ro', unread: 2 }, [
    { text: 'Bună ziua! Am comandat ieri rochia verde.', ago: 50 },
    { dir: 'out', text: 'Bună, Ana! Mulțumim pentru comandă. Pleacă mâine dimineață.', ago: 44 },
    { text: 'Super! Mai aveți și mărimea M? Aș vrea una și pentru sora mea.', ago: 6, edited: true },
    { text: 'Și se poate livra până vineri în Iași?', ago: 5 },
  ])
  addConversation({ id: 2, title: '王小明', language: 'zh-Hans', unread: 1 }, [
    { text: '你好，请问这款降噪耳机什么时候补货？', ago: 130 },
    { dir: 'out', text: '您好！预计下周三到货，到货后我们第一时间通知您。', ago: 120 },
    { text: '好的，谢谢！可以先帮我留一副白色的吗？', ago: 12, attachments: [{ kind: 'photo', name: 'headphones-white.jpg' }] },
  ])
  addConversation({ id: 3, title: 'प्रिया शर्मा', language: 'hi', unread: 3 }, [
    { text: 'नमस्ते! क्या यह कुर्ता नीले रंग में भी मिलता है?', ago: 200 },
    { text: 'और क्या आप मुंबई में कैश ऑन डिलीवरी करते हैं?', ago: 199 },
    { text: 'जवाब का इंतज़ार रहेगा 🙏', ago: 30, attachments: [{ kind: 'voice', name: 'voice-0031.ogg' }] },
  ])
  addConversation({ id: 4, title: 'Jake Miller', language: 'en', platform: 'mastodon', accountId: 2 }, [
    { text: 'Loved the unboxing video! Is the code LUMEN10 still valid?', ago: 300 },
    { dir: 'out', text: 'Thanks Jake! Yes, LUMEN10 works until Sunday midnight.', ago: 290 },
    { dir: 'out', text: 'Here is the link to the lookbook as well.', ago: 289, state: 'failed', error: appError('errors.platform.windowClosed') },
  ])
  addConversation({ id: 5, title: '陳美玲', language: 'zh-Hant', status: 'pending' }, [
    { text: '請問可以寄到台中嗎？運費大概多少？', ago: 600 },
    { dir: 'out', text: '可以的！台中運費是 80 元，滿 1000 元免運。', ago: 590 },
  ])
  addConversation({ id: 6, title: 'Mallory', language: 'en', unread: 1 }, [
    { text: '<img src=x onerror="window.__pwned=1">', ago: 800 },
    { text: '<script>alert(2)</script> **bold?** <b>not bold</b>', ago: 799 },
  ])
  addConversation({ id: 7, title: 'Comment on “Spring lookbook”', kind: 'comment', platform: 'mastodon', accountId: 2 }, [
    { text: '😍 where can I buy the bag from the third photo?', ago: 1500, author: 'maria.k' },
    { text: 'Same question!!', ago: 1400, author: 'tomasz_b', deleted: true },
  ])
  addConversation({ id: 8, title: 'Ionuț Drăgan', language: 'ro', status: 'resolved' }, [
    { text: 'Colet primit, totul e în regulă. Mulțumesc frumos!', ago: 60 * 24 * 3 },
    { dir: 'out', text: 'Ne bucurăm! Spor la purtat 😊', ago: 60 * 24 * 3 - 10 },
  ])
  if (params.get('many') !== '0') {
    const names = ['Lucas Martin', 'Sofia Rossi', '李华', 'Amit Verma', 'Elena Ionescu', 'Chloé Dubois', '張家豪', 'Noah Fischer', 'अनन्या गुप्ता', 'Mateo García']
    const texts = ['Do you ship to Canada?', 'Mai aveți reduceri?', '请问有优惠码吗？', 'क्या यह स्टॉक में है?', 'Can I change my order?', '可以改地址嗎？']
    for (let i = 0; i < 140; i++) {
      addConversation(
        { id: 100 + i, title: names[i % names.length] + ' #' + (i + 1), unread: i % 7 === 0 ? 1 : 0, status: ['open', 'open', 'pending', 'resolved'][i % 4], kind: i % 5 === 0 ? 'comment' : 'dm', platform: i % 3 === 0 ? 'mastodon' : 'telegram', accountId: i % 3 === 0 ? 2 : 1 },
        [{ text: texts[i % texts.length], ago: 60 * 24 + i * 37 }],
      )
    }
  }

  const sorted = () =>
    [...conversations.values()].sort((a, b) => (a.lastMessageAt === b.lastMessageAt ? b.id - a.id : a.lastMessageAt < b.lastMessageAt ? 1 : -1))

  const status = () => ({
    mode,
    dataDir: mode === 'demo' ? '/tmp/creatordesk-demo-4821' : '/home/maria/.config/CreatorDesk',
    version: '0.1.0-dev',
    keyring: keyringOk ? { available: true, error: null } : { available: false, error: appError('errors.keyring.unavailable') },
    accountCount: mode === 'empty' ? 0 : accounts.length,
  })

  function fragments(text, q) {
    const i = text.toLowerCase().indexOf(q.toLowerCase())
    if (i < 0) return [{ text: text.slice(0, 80), hit: false }]
    const start = Math.max(0, i - 24)
    return [
      { text: (start > 0 ? '…' : '') + text.slice(start, i), hit: false },
      { text: text.slice(i, i + q.length), hit: true },
      { text: text.slice(i + q.length, i + q.length + 60), hit: false },
    ]
  }

  const Inbox = {
    async ListConversations(q) {
      await delay(120)
      if (mode === 'empty') return { items: [], nextCursor: '' }
      let all = sorted().filter(
        (c) =>
          (!q.platform || c.platform === q.platform) &&
          (!q.kind || c.kind === q.kind) &&
          (!q.status || c.status === q.status) &&
          (!q.unreadOnly || c.unread > 0),
      )
      const start = q.cursor ? Number(q.cursor) : 0
      const page = all.slice(start, start + (q.limit || 50))
      const next = start + page.length < all.length ? String(start + page.length) : ''
      return { items: page.map((c) => ({ ...c })), nextCursor: next }
    },
    async GetConversations(ids) {
      await delay(40)
      return ids.filter((id) => conversations.has(id)).map((id) => ({ ...conversations.get(id) }))
    },
    async GetThread(id) {
      await delay(80)
      const c = conversations.get(id)
      if (!c) throw rejection('errors.notFound')
      return { conversation: { ...c }, messages: messages.get(id).map((m) => ({ ...m })) }
    },
    async Reply(id, text) {
      if (!text.trim()) throw rejection('errors.send.emptyText')
      const c = conversations.get(id)
      const m = { id: nextMsgId++, conversationId: id, externalId: '', direction: 'out', authorName: 'Lumen Studio', text, sentAt: new Date().toISOString(), editedAt: '', deleted: false, state: 'queued', error: null, attachments: [] }
      messages.get(id).push(m)
      emit('message:state', { ...m })
      await delay(700)
      if (/fail/i.test(text)) {
        m.state = 'failed'
        m.error = appError('errors.platform.rateLimited', { seconds: 35 })
      } else {
        m.state = 'sent'
        m.externalId = 'tg-' + m.id
        await fetch('/_mock/sent', { method: 'POST', body: text }).catch(() => {})
      }
      c.snippet = text
      c.lastMessageAt = m.sentAt
      emit('inbox:changed', { conversationIds: [id] })
      return { ...m }
    },
    async RetrySend(messageId) {
      await delay(500)
      for (const list of messages.values()) {
        const m = list.find((x) => x.id === messageId)
        if (m) {
          m.state = 'sent'
          m.error = null
          return { ...m }
        }
      }
      throw rejection('errors.notFound')
    },
    async MarkRead(id) {
      const c = conversations.get(id)
      if (c) c.unread = 0
    },
    async SetStatus(id, s) {
      const c = conversations.get(id)
      c.status = s
      return { ...c }
    },
    async Counts() {
      await delay(30)
      const out = { unreadMessages: 0, unreadConversations: 0, waiting: 0 }
      if (mode === 'empty') return out
      const target = Date.now() - 60 * 60000
      for (const c of conversations.values()) {
        out.unreadMessages += c.unread
        if (c.unread > 0) out.unreadConversations++
        const last = messages.get(c.id).at(-1)
        if (c.status === 'open' && last && last.direction === 'in' && Date.parse(last.sentAt) < target) out.waiting++
      }
      return out
    },
    async Search(query, limit) {
      await delay(100)
      const out = []
      for (const c of sorted()) {
        for (const m of messages.get(c.id).slice().reverse()) {
          if (m.text.toLowerCase().includes(query.toLowerCase())) {
            out.push({ conversationId: c.id, messageId: m.id, title: c.title, platform: c.platform, sentAt: m.sentAt, fragments: fragments(m.text, query) })
          }
        }
      }
      return out.slice(0, limit)
    },
  }

  window.go = {
    app: {
      Workspace: {
        async Status() {
          return status()
        },
        async OpenDemo() {
          await delay(1500)
          mode = 'demo'
          const s = status()
          emit('workspace:changed', s)
          return s
        },
      },
      Settings: {
        async Get() {
          return { ...settings }
        },
        async SetLanguage(language) {
          settings = { ...settings, language }
          saveSettings()
          return { ...settings }
        },
        async SetTheme(theme) {
          settings = { ...settings, theme }
          saveSettings()
          return { ...settings }
        },
      },
      Accounts: {
        async List() {
          return mode === 'empty' ? [] : accounts.map((a) => ({ ...a }))
        },
        async ConnectTelegram(req) {
          return window.go.app.Accounts.Connect({ platform: 'telegram', token: req.token, name: req.name, baseUrl: req.baseUrl, extra: {} })
        },
        async Connect(req) {
          await delay(600)
          const token = (req.token || '').trim()
          let handle = ''
          let fallbackName = ''
          if (req.platform === 'telegram') {
            if (!/^\d+:[\w-]{10,}$/.test(token)) throw rejection('errors.telegram.tokenFormat')
            handle = 'new_bot_' + nextAccountId
            fallbackName = 'New bot'
          } else if (req.platform === 'bluesky') {
            if (!/^[a-z0-9]{4}(-[a-z0-9]{4}){3}$/.test(token)) throw rejection('errors.telegram.tokenFormat')
            handle = String((req.extra || {}).identifier || '').replace(/^@/, '').toLowerCase()
            if (!handle) throw rejection('errors.account.credentialsRejected')
            fallbackName = handle
          } else if (req.platform === 'mastodon') {
            if (!req.baseUrl) throw rejection('errors.platform.permanent', { detail: 'missing instance URL' })
            if (!token) throw rejection('errors.account.credentialsRejected')
          } else {
            throw rejection('errors.invalidInput', { detail: 'platform' })
          }
          if (!keyringOk) throw rejection('errors.keyring.unavailable')
          if (req.platform === 'mastodon') {
            if (token !== MOCK_MASTODON_TOKEN) throw rejection('errors.account.credentialsRejected')
            handle = 'lumen@' + new URL(req.baseUrl).host
            fallbackName = 'Lumen Studio'
          }
          if (req.platform === 'bluesky' && handle.includes('nodm')) throw rejection('errors.bluesky.noDMAccess')
          if (accounts.some((a) => a.platform === req.platform && a.handle === handle && a.status !== 'disconnected')) throw rejection('errors.account.duplicate')
          const a = { id: nextAccountId++, platform: req.platform, name: req.name || fallbackName, handle, status: 'syncing', lastSyncAt: '', lastError: null, itemsSynced: 0, createdAt: new Date().toISOString() }
          accounts.push(a)
          if (mode === 'empty') mode = 'ready'
          emit('sync:status', { ...a })
          emit('workspace:changed', status())
          return { ...a }
        },
        async Disconnect(id) {
          const a = accounts.find((x) => x.id === id)
          if (a) a.status = 'disconnected'
        },
        async SyncNow(id) {
          const a = accounts.find((x) => x.id === id)
          if (!a) throw rejection('errors.notFound')
          a.status = 'syncing'
          emit('sync:status', { ...a })
          setTimeout(() => {
            a.status = 'connected'
            a.lastSyncAt = new Date().toISOString()
            a.itemsSynced += 3
            emit('sync:status', { ...a })
          }, 1500)
        },
      },
      Inbox,
    },
  }

  window.runtime = {
    EventsOn(name, cb) {
      const list = listeners.get(name) || []
      list.push(cb)
      listeners.set(name, list)
      return () => listeners.set(name, (listeners.get(name) || []).filter((x) => x !== cb))
    },
    EventsOff(name) {
      listeners.delete(name)
    },
  }

  if (params.get('live') === '1') {
    setInterval(() => {
      const c = conversations.get(2)
      const m = { id: nextMsgId++, conversationId: 2, externalId: '', direction: 'in', authorName: c.title, text: '还有一个问题：支持开发票吗？', sentAt: new Date().toISOString(), editedAt: '', deleted: false, state: 'received', error: null, attachments: [] }
      messages.get(2).push(m)
      c.snippet = m.text
      c.lastMessageAt = m.sentAt
      c.unread += 1
      emit('inbox:changed', { conversationIds: [2] })
    }, 8000)
  }
})()
