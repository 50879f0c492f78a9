// Team database: the form's checks, the connection name (never a password), changes that carry
// what the member saw (conflicts come back translated and rows refresh), and the live link's
// events (reconnecting, then a resync that refreshes what is on screen).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia, type Pinia } from 'pinia'
import { AppError } from '@/api/bridge'
import type { CheckedActionRequest, TeamDBConnectRequest, TeamDBStatus } from '@/api/teamdb'
import type { BulkRequest } from '@/api/triage'
import type { ConversationQuery } from '@/api/types'
import { i18n } from '@/i18n'
import { useInboxStore } from '@/stores/inbox'
import { applySeen, emptyTeamConfig, teamName, useTeamDBStore, validateTeamForm } from '@/stores/teamdb'
import TeamDBForm from '@/views/SettingsView/components/teamdb/TeamDBForm.vue'
import { installWails, uninstallWails, type WailsStub } from '../helpers/wails'
import { conv } from '../helpers/fixtures'

describe('team database form checks', () => {
  it('names every missing or wrong field', () => {
    expect(validateTeamForm(emptyTeamConfig())).toEqual({
      host: 'teamdb.form.required',
      database: 'teamdb.form.required',
      user: 'teamdb.form.required',
    })
    const ok = { ...emptyTeamConfig(), host: 'db.example.com', database: 'studio', user: 'dana' }
    expect(validateTeamForm(ok)).toEqual({})
    expect(validateTeamForm({ ...ok, port: 0 }).port).toBe('teamdb.form.badPort')
    expect(validateTeamForm({ ...ok, port: 70000 }).port).toBe('teamdb.form.badPort')
    expect(validateTeamForm({ ...ok, host: 'user@db' }).host).toBe('teamdb.form.required')
    expect(validateTeamForm({ ...ok, sslMode: 'disable', sslRootCert: '/ca.pem' }).sslRootCert).toBe('teamdb.form.caNeedsTLS')
    expect(validateTeamForm({ ...ok, sslMode: 'verify-full', sslRootCert: '/ca.pem' })).toEqual({})
  })

  it('names a connection by its label, user, host and database', () => {
    const c = { ...emptyTeamConfig(), host: 'db.example.com', database: 'studio', user: 'dana' }
    expect(teamName(c)).toBe('dana@db.example.com:5432/studio')
    expect(teamName({ ...c, label: 'Studio' })).toBe('Studio (dana@db.example.com:5432/studio)')
    expect(teamName(null)).toBe('')
  })
})

describe('TeamDBForm', () => {
  let pinia: Pinia
  beforeEach(() => {
    pinia = createPinia()
    setActivePinia(pinia)
    i18n.global.locale.value = 'en'
  })
  afterEach(() => {
    document.body.innerHTML = ''
  })

  it('shows the problems and sends nothing until the form is complete; keeps a saved password', async () => {
    const w = mount(TeamDBForm, {
      props: { initial: null, hasPassword: true, busy: '' },
      global: { plugins: [pinia, i18n] },
      attachTo: document.body,
    })
    await w.get('form').trigger('submit')
    await flushPromises()
    expect(w.emitted('connect')).toBeUndefined()
    expect(w.find('[data-testid="teamdb-host-problem"]').text()).toBe('Required.')
    expect(w.find('[data-testid="teamdb-user-problem"]').exists()).toBe(true)
    await w.get('input[data-testid="teamdb-host"]').setValue(' db.example.com ')
    await w.get('input[data-testid="teamdb-database"]').setValue('studio')
    await w.get('input[data-testid="teamdb-user"]').setValue('dana')
    await w.get('form').trigger('submit')
    await flushPromises()
    const sent = w.emitted('connect')?.[0]?.[0] as TeamDBConnectRequest
    expect(sent.config).toMatchObject({ host: 'db.example.com', database: 'studio', user: 'dana', port: 5432, sslMode: 'require' })
    expect(sent.password).toBe('')
    expect(sent.keepPassword).toBe(true)
    await w.get('input[data-testid="teamdb-password"]').setValue('n3w pass')
    await w.get('[data-testid="teamdb-test"]').trigger('click')
    const tested = w.emitted('test')?.[0]?.[0] as TeamDBConnectRequest
    expect(tested.password).toBe('n3w pass')
    expect(tested.keepPassword).toBe(false)
  })
})

describe('changes that carry what the member saw', () => {
  let apply: ReturnType<typeof vi.fn>
  let bulk: ReturnType<typeof vi.fn>
  beforeEach(() => {
    setActivePinia(createPinia())
    i18n.global.locale.value = 'en'
    apply = vi.fn(async (req: CheckedActionRequest) => {
      // Conversation 2 was taken by Dana meanwhile; the others change.
      const conflicts = req.seen
        .filter((s) => s.id === 2)
        .map((s) => ({
          conversationId: s.id,
          error: { code: 'conflict', key: 'errors.teamdb.conflictBy.self', args: { by: 'Dana', assignee: 'Dana' }, message: '' },
        }))
      return {
        changed: req.seen.length - conflicts.length,
        items: req.seen.map((s) => conv(s.id, { status: s.id === 2 ? 'open' : (req.status as never), assignee: s.id === 2 ? '7' : '' })),
        conflicts,
      }
    })
    bulk = vi.fn(async (req: BulkRequest) => ({ changed: req.ids.length, items: [] }))
    installWails({
      Inbox: {
        ListConversations: (async () => ({ items: [conv(1), conv(2, { assignee: '' }), conv(3, { status: 'pending', assignee: '4' })], nextCursor: '' })) as never,
      },
      TeamTriage: { Apply: apply as never },
      Triage: { Bulk: bulk as never },
    } as never)
  })
  afterEach(() => uninstallWails())

  it('sends the status and assignee on screen, and reports conflicts of a bulk change', async () => {
    const inbox = useInboxStore()
    await inbox.reload()
    const out = await applySeen({ ids: [1, 2, 3], action: 'status', status: 'resolved' })
    expect(apply).toHaveBeenCalledWith(
      expect.objectContaining({
        action: 'status',
        status: 'resolved',
        seen: [
          { id: 1, status: 'open', assignee: '' },
          { id: 2, status: 'open', assignee: '' },
          { id: 3, status: 'pending', assignee: '4' },
        ],
      }),
    )
    expect(out.changed).toBe(2)
    expect(out.conflicts).toHaveLength(1)
    const c = out.conflicts[0]!
    expect(i18n.global.t(c.key, c.args)).toBe('Dana already took this conversation. The row now shows the latest.')
    expect(inbox.conversations.get(2)?.assignee).toBe('7') // the stale row shows the latest
  })

  it('rejects a single stale change with the translated conflict', async () => {
    const inbox = useInboxStore()
    await inbox.reload()
    const err = await applySeen({ ids: [2], action: 'assign', memberId: 5 }).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(AppError)
    expect((err as AppError).key).toBe('errors.teamdb.conflictBy.self')
    expect(inbox.conversations.get(2)?.assignee).toBe('7')
  })

  it('leaves tags and read marks to the triage path', async () => {
    await applySeen({ ids: [1], action: 'tag', tagId: 6 })
    expect(bulk).toHaveBeenCalledTimes(1)
    expect(apply).not.toHaveBeenCalled()
  })
})

describe('live link', () => {
  let wails: WailsStub
  let lists: ConversationQuery[]
  let status: TeamDBStatus
  beforeEach(() => {
    setActivePinia(createPinia())
    lists = []
    status = {
      mode: 'team',
      config: { ...emptyTeamConfig(), host: 'db', database: 'studio', user: 'dana' },
      hasPassword: true,
      link: { state: 'live', since: '', error: '' },
      others: [{ member: 'Ion', machine: 'laptop-2', seenAt: '' }],
      error: null,
    }
    wails = installWails({
      Inbox: {
        ListConversations: (async (q: ConversationQuery) => {
          lists.push(q)
          return { items: [conv(1), conv(2)], nextCursor: '' }
        }) as never,
        GetConversations: (async (ids: number[]) => ids.map((id) => conv(id))) as never,
        MarkRead: (async () => undefined) as never,
        Thread: (async () => ({ conversation: conv(1), messages: [] })) as never,
      },
      TeamDB: { Status: (async () => status) as never },
    } as never)
  })
  afterEach(() => uninstallWails())

  it('shows reconnecting while the link is down and refreshes the rows when it is back', async () => {
    const inbox = useInboxStore()
    await inbox.reload()
    const team = useTeamDBStore()
    team.start()
    await flushPromises()
    expect(team.isTeam).toBe(true)
    expect(team.reconnecting).toBe(false)
    wails.emit('team:link', { state: 'reconnecting', since: '', error: 'connection reset' })
    expect(team.reconnecting).toBe(true)
    const before = lists.length
    wails.emit('team:link', { state: 'live', since: '', error: '' })
    wails.emit('team:resync', {})
    await flushPromises()
    expect(team.reconnecting).toBe(false)
    expect(lists.length).toBeGreaterThan(before) // the visible rows were reloaded in place
    expect(inbox.items.map((c) => c.id)).toEqual([1, 2])
    team.stop()
  })
})

describe('a team database that cannot be reached', () => {
  afterEach(() => uninstallWails())

  it('says so, and Retry / Work locally move on', async () => {
    setActivePinia(createPinia())
    const base: TeamDBStatus = {
      mode: 'unavailable',
      config: { ...emptyTeamConfig(), host: 'db', database: 'studio', user: 'dana' },
      hasPassword: true,
      link: { state: '', since: '', error: '' },
      others: [],
      error: { code: 'teamdb_open_unreachable', key: 'errors.teamdb.open.unreachable', args: {}, message: '' },
    }
    const retry = vi
      .fn()
      .mockResolvedValueOnce(base)
      .mockResolvedValueOnce({ ...base, mode: 'team', error: null, link: { state: 'live', since: '', error: '' } })
    const disconnect = vi.fn(async () => ({ ...base, mode: 'solo', config: null, error: null }))
    installWails({ TeamDB: { Status: (async () => base) as never, Retry: retry as never, Disconnect: disconnect as never } } as never)
    const team = useTeamDBStore()
    await team.load()
    expect(team.unavailable).toBe(true)
    expect(await team.retry()).toBe(false) // still out of reach
    expect(team.unavailable).toBe(true)
    expect(await team.retry()).toBe(true)
    expect(team.isTeam).toBe(true)
    expect(await team.disconnect()).toBe(true)
    expect(team.status.mode).toBe('solo')
  })
})
