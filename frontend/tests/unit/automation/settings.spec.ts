// Automation settings: the API sends the key only to SetAIKey, an AI test failure arrives as a
// translated AppError, and every new settings string exists in all five languages.
import { afterEach, describe, expect, it, vi } from 'vitest'
import { NOTICE_LANGUAGES, pausedConversations, saveSettings, setAIKey, testAIEndpoint, type AutomationSettings } from '@/api/automation'
import en from '@/locales/areas/automation/en'
import hi from '@/locales/areas/automation/hi'
import ro from '@/locales/areas/automation/ro'
import zhHans from '@/locales/areas/automation/zh-Hans'
import zhHant from '@/locales/areas/automation/zh-Hant'

afterEach(() => {
  delete (window as { go?: unknown }).go
  vi.restoreAllMocks()
})

const settings = (): AutomationSettings => ({
  contactHourlyCap: 3,
  accountDailyCap: 200,
  reviewSharePercent: 10,
  labels: {},
  notices: {},
  defaultLabels: {},
  defaultNotices: {},
  channels: ['telegram'],
  approvalCategories: ['price'],
  allCategories: ['price', 'refund', 'legal', 'personal_data'],
  ai: { baseUrl: '', model: '', hasKey: false },
})

describe('automation settings api', () => {
  it('saves settings without any key and stores the key separately', async () => {
    const save = vi.fn().mockImplementation(async (s: AutomationSettings) => s)
    const key = vi.fn().mockResolvedValue({ baseUrl: '', model: '', hasKey: true })
    window.go = { app: { Automation: { SaveSettings: save, SetAIKey: key } } }
    const s = settings()
    await saveSettings(s)
    expect(JSON.stringify(save.mock.calls[0]![0])).not.toContain('sk-')
    expect((await setAIKey('sk-123')).hasKey).toBe(true)
    expect(key).toHaveBeenCalledWith('sk-123')
  })

  it('turns a failed connection test into a translated error', async () => {
    const refusal = JSON.stringify({ code: 'ai_endpoint', key: 'errors.automation.ai.unauthorized', args: { status: '401' }, message: 'no' })
    window.go = { app: { Automation: { TestAIEndpoint: vi.fn().mockRejectedValue(refusal) } } }
    await expect(testAIEndpoint()).rejects.toMatchObject({ key: 'errors.automation.ai.unauthorized' })
  })

  it('lists no handed-over conversations as an empty list', async () => {
    window.go = { app: { Automation: { PausedConversations: vi.fn().mockResolvedValue(null) } } }
    expect(await pausedConversations()).toEqual([])
  })

  it('names every notice language and has the new strings in five locales', () => {
    expect([...NOTICE_LANGUAGES]).toEqual(['en', 'zh-Hans', 'zh-Hant', 'ro', 'hi'])
    for (const loc of [en, zhHans, zhHant, ro, hi]) {
      expect(loc.automation.settings.ai.test).toBeTruthy()
      expect(Object.keys(loc.automation.settings.language)).toEqual([...NOTICE_LANGUAGES])
      expect(loc.errors.automation.refused.handedOver).toBeTruthy()
      expect(Object.keys(loc.errors.automation.ai).sort()).toEqual(Object.keys(en.errors.automation.ai).sort())
    }
  })
})
