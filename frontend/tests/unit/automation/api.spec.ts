// The automation and governance API helpers: new rules start empty and switched off, bound calls
// go to the right facade method, and downloads keep their bytes.
import { afterEach, describe, expect, it, vi } from 'vitest'
import { emptyAction, emptyRule, approveDraft } from '@/api/automation'
import { fileObjectURL, searchAudit, emptyAuditQuery, type DownloadFile } from '@/api/governance'

afterEach(() => {
  delete (window as { go?: unknown }).go
  vi.restoreAllMocks()
})

describe('automation api', () => {
  it('builds an empty rule that is off and has one tag action', () => {
    const r = emptyRule()
    expect(r.enabled).toBe(false)
    expect(r.actions).toEqual([emptyAction('tag')])
    expect(r.conditions.keywords).toEqual([])
    expect(emptyAction('priority').priority).toBe(2)
  })

  it('passes a refusal through as a translated AppError', async () => {
    const refusal = JSON.stringify({ code: 'send_refused', key: 'errors.automation.refused.optedOut', args: { at: 'x', channel: 'app' }, message: 'no' })
    window.go = { app: { Automation: { ApproveDraft: vi.fn().mockRejectedValue(refusal) } } }
    await expect(approveDraft(3, '')).rejects.toMatchObject({ key: 'errors.automation.refused.optedOut', args: { channel: 'app' } })
  })
})

describe('governance api', () => {
  it('fills a missing audit page', async () => {
    window.go = { app: { Governance: { SearchAudit: vi.fn().mockResolvedValue(null) } } }
    expect(await searchAudit(emptyAuditQuery())).toEqual({ items: [], nextBeforeId: 0 })
  })

  it('decodes a base64 zip into a blob with the same bytes', async () => {
    const made: Blob[] = []
    vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => {
      made.push(b as Blob)
      return 'blob:x'
    })
    const f: DownloadFile = { filename: 'c.zip', mimeType: 'application/zip', encoding: 'base64', content: btoa('PK\u0003\u0004'), bytes: 4, entries: 0 }
    expect(fileObjectURL(f)).toBe('blob:x')
    const bytes = new Uint8Array(await made[0]!.arrayBuffer())
    expect([...bytes]).toEqual([0x50, 0x4b, 3, 4])
    expect(made[0]!.type).toBe('application/zip')
  })
})
