// Copy into the team database: which panel shows, the progress line and bar, the summary, and
// the card end to end against a stubbed TeamCopy facade (start, progress events, the table-by-
// table check with differing tables first, a translated refusal).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia, type Pinia } from 'pinia'
import type { TeamCopyResult, TeamCopyStatus } from '@/api/teamcopy'
import { i18n } from '@/i18n'
import TeamCopyCard from '@/views/SettingsView/components/teamcopy/TeamCopyCard.vue'
import { orderedTables, panelFor, percentDone, progressLine, summaryKey } from '@/views/SettingsView/components/teamcopy/teamCopyView'
import { installWails, uninstallWails, type WailsStub } from '../helpers/wails'

function status(over: Partial<TeamCopyStatus> = {}): TeamCopyStatus {
  return {
    configured: true,
    localAvailable: true,
    demo: false,
    state: 'idle',
    progress: { phase: '', table: '', done: 0, total: 0 },
    result: null,
    error: null,
    ...over,
  }
}

function result(over: Partial<TeamCopyResult> = {}): TeamCopyResult {
  return {
    tables: [
      { name: 'accounts', sourceRows: 2, targetRows: 2, match: true },
      { name: 'conversation_notes', sourceRows: 5, targetRows: 4, match: false },
      { name: 'messages', sourceRows: 1200, targetRows: 1200, match: true },
    ],
    copied: 1207,
    verified: false,
    resumed: false,
    alreadyCopied: false,
    finishedAt: '2026-11-21T10:00:00Z',
    ...over,
  }
}

describe('team copy view helpers', () => {
  it('picks the panel', () => {
    expect(panelFor(status({ demo: true, configured: true }))).toBe('demo')
    expect(panelFor(status({ configured: false }))).toBe('notConfigured')
    expect(panelFor(status({ localAvailable: false }))).toBe('noLocal')
    expect(panelFor(status())).toBe('ready')
  })

  it('spends 90 % of the bar on copying and 10 % on checking', () => {
    expect(percentDone({ phase: '', table: '', done: 0, total: 0 })).toBe(0)
    expect(percentDone({ phase: 'copy', table: 'messages', done: 50, total: 100 })).toBe(45)
    expect(percentDone({ phase: 'copy', table: 'messages', done: 100, total: 100 })).toBe(90)
    expect(percentDone({ phase: 'verify', table: 'tags', done: 40, total: 80 })).toBe(95)
    expect(percentDone({ phase: 'verify', table: 'tags', done: 80, total: 80 })).toBe(100)
    expect(percentDone({ phase: 'copy', table: 'x', done: 5, total: 0 })).toBe(0)
  })

  it('describes progress and results', () => {
    expect(progressLine({ phase: 'copy', table: 'tags', done: 3, total: 9 })).toEqual({
      key: 'teamcopy.progress.copy',
      params: { table: 'tags', done: 3, total: 9 },
    })
    expect(progressLine({ phase: 'verify', table: 'tags', done: 1, total: 2 }).key).toBe('teamcopy.progress.verify')
    expect(progressLine({ phase: '', table: '', done: 0, total: 0 }).key).toBe('teamcopy.progress.starting')
    expect(summaryKey(result())).toBe('teamcopy.result.mismatch')
    expect(summaryKey(result({ verified: true }))).toBe('teamcopy.result.done')
    expect(summaryKey(result({ verified: true, resumed: true }))).toBe('teamcopy.result.resumed')
    expect(summaryKey(result({ verified: true, alreadyCopied: true }))).toBe('teamcopy.result.already')
    expect(orderedTables(result().tables).map((x) => x.name)).toEqual(['conversation_notes', 'accounts', 'messages'])
  })
})

describe('TeamCopyCard', () => {
  let pinia: Pinia
  let wails: WailsStub
  const api = {
    Status: vi.fn(),
    Start: vi.fn(),
    Cancel: vi.fn(),
  }
  beforeEach(() => {
    pinia = createPinia()
    setActivePinia(pinia)
    i18n.global.locale.value = 'en'
    Object.values(api).forEach((f) => f.mockReset())
    wails = installWails({ TeamCopy: api } as never)
  })
  const mounted: Array<{ unmount(): void }> = []
  afterEach(() => {
    mounted.splice(0).forEach((w) => w.unmount())
    uninstallWails()
    document.body.innerHTML = ''
  })

  function mountCard() {
    const w = mount(TeamCopyCard, { global: { plugins: [pinia, i18n] }, attachTo: document.body })
    mounted.push(w)
    return w
  }

  it('says what to do when no team database is set up', async () => {
    api.Status.mockResolvedValue(status({ configured: false }))
    const w = mountCard()
    await flushPromises()
    expect(w.get('[data-testid="teamcopy-not-configured"]').text()).toContain('Connect one above')
    expect(w.find('[data-testid="teamcopy-start"]').exists()).toBe(false)
  })

  it('starts, shows progress from events, then the check with differing tables first', async () => {
    api.Status.mockResolvedValue(status())
    api.Start.mockResolvedValue(status({ state: 'running' }))
    const w = mountCard()
    await flushPromises()
    expect(w.text()).toContain('one-way copy')
    await w.get('[data-testid="teamcopy-start"]').trigger('click')
    await flushPromises()
    expect(api.Start).toHaveBeenCalledTimes(1)
    expect(w.get('[data-testid="teamcopy-progress-line"]').text()).toBe('Getting ready…')

    wails.emit('teamcopy:progress', { phase: 'copy', table: 'conversation_notes', done: 1500, total: 3000 })
    await flushPromises()
    expect(w.get('[data-testid="teamcopy-progress-line"]').text()).toBe('Copying conversation notes: 1,500 of 3,000 rows')
    expect(w.get('[data-testid="teamcopy-start"]').attributes('disabled')).toBeDefined()

    wails.emit('teamcopy:done', status({ state: 'done', result: result() }))
    await flushPromises()
    expect(w.find('[data-testid="teamcopy-progress"]').exists()).toBe(false)
    expect(w.get('[data-testid="teamcopy-summary"]').text()).toContain('1 of 3 tables differ')
    const rows = w.findAll('[data-testid="teamcopy-tables"] tbody tr')
    expect(rows.map((r) => r.attributes('data-table'))).toEqual(['conversation_notes', 'accounts', 'messages'])
    expect(rows[0]?.text()).toContain('Differs')
    expect(rows[2]?.text()).toContain('1,200')
  })

  it('shows a refusal in words and offers to continue a stopped copy', async () => {
    api.Status.mockResolvedValue(
      status({
        state: 'failed',
        progress: { phase: 'copy', table: 'messages', done: 10, total: 90 },
        error: { code: 'teamcopy_foreignWorkspace', key: 'errors.teamcopy.foreignWorkspace', args: {}, message: 'x' },
      }),
    )
    api.Start.mockRejectedValue(
      new Error(JSON.stringify({ code: 'teamcopy_versionMismatch', key: 'errors.teamcopy.versionMismatch', args: { source: '22', target: '23' }, message: '' })),
    )
    const w = mountCard()
    await flushPromises()
    expect(w.get('[data-testid="teamcopy-error"]').text()).toContain('another workspace')
    expect(w.get('[data-testid="teamcopy-start"]').text()).toBe('Continue the copy')
    await w.get('[data-testid="teamcopy-start"]').trigger('click')
    await flushPromises()
    expect(w.text()).toContain('(version 22) and the team database (version 23)')
  })
})
