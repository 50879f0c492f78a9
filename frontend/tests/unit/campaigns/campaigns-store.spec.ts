// The campaigns store: the pipeline board by stage, a move that the Go side refuses goes back,
// and saving a campaign makes its creators match the editor (added, re-priced, removed).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import type { Campaign, CampaignCreator } from '@/api/campaigns'
import { emptyCampaign, useCampaignsStore } from '@/stores/campaigns'
import { installWails, uninstallWails } from '../helpers/wails'

const camp = (id: number, stage: string, name = `C${id}`): Campaign => ({ ...emptyCampaign(), id, name, stage })

let campaigns: Campaign[]
let members: CampaignCreator[]
let move: ReturnType<typeof vi.fn>
let setMember: ReturnType<typeof vi.fn>
let removeMember: ReturnType<typeof vi.fn>

beforeEach(() => {
  setActivePinia(createPinia())
  campaigns = [camp(1, 'brief'), camp(2, 'content_live'), camp(3, 'results'), camp(4, 'odd')]
  members = [
    { campaignId: 2, creatorId: 10, feeMinor: 25000 },
    { campaignId: 2, creatorId: 11, feeMinor: 30000 },
  ]
  move = vi.fn(async (id: number, stage: string) => {
    if (stage === 'results') throw new Error(JSON.stringify({ code: 'invalid', key: 'errors.campaigns.invalid', args: { field: 'stage' }, message: '' }))
    return camp(id, stage)
  })
  setMember = vi.fn(async (campaignId: number, creatorId: number, feeMinor: number) => {
    members = [...members.filter((m) => !(m.campaignId === campaignId && m.creatorId === creatorId)), { campaignId, creatorId, feeMinor }]
  })
  removeMember = vi.fn(async (campaignId: number, creatorId: number) => {
    members = members.filter((m) => !(m.campaignId === campaignId && m.creatorId === creatorId))
  })
  installWails({
    Campaigns: {
      ListCreators: async () => [],
      ListCampaigns: async () => campaigns,
      ListCampaignCreators: async () => members,
      ListCodes: async () => [],
      ListLinks: async () => [],
      MoveCampaign: move,
      SaveCampaign: async (c: Campaign) => ({ ...c, id: c.id || 9 }),
      SetCampaignCreator: setMember,
      RemoveCampaignCreator: removeMember,
    },
  } as never)
})
afterEach(() => uninstallWails())

describe('campaigns store', () => {
  it('puts every campaign in its stage column, in pipeline order (unknown stages in brief)', async () => {
    const store = useCampaignsStore()
    await store.load()
    expect(store.board.map((c) => c.stage)).toEqual(['brief', 'content_live', 'follow_up', 'results'])
    expect(store.board.map((c) => c.campaigns.map((x) => x.id))).toEqual([[1, 4], [2], [], [3]])
    expect(store.feesOf(2)).toEqual({ 10: 25000, 11: 30000 })
  })

  it('moves a card at once and keeps the move the Go side accepts', async () => {
    const store = useCampaignsStore()
    await store.load()
    await store.moveCampaign(1, 'content_live')
    expect(move).toHaveBeenCalledWith(1, 'content_live')
    expect(store.board[1]!.campaigns.map((c) => c.id)).toEqual([1, 2])
    expect(store.board[0]!.campaigns.map((c) => c.id)).toEqual([4])
  })

  it('puts a refused move back and rethrows the translated error', async () => {
    const store = useCampaignsStore()
    await store.load()
    await expect(store.moveCampaign(2, 'results')).rejects.toMatchObject({ key: 'errors.campaigns.invalid' })
    expect(store.campaigns.find((c) => c.id === 2)!.stage).toBe('content_live')
  })

  it('saving a campaign adds, re-prices and removes its creators to match the editor', async () => {
    const store = useCampaignsStore()
    await store.load()
    await store.saveCampaign({ campaign: camp(2, 'content_live'), fees: { 10: 25000, 11: 35000, 12: 0 } })
    expect(setMember.mock.calls).toEqual([
      [2, 11, 35000],
      [2, 12, 0],
    ])
    expect(removeMember).not.toHaveBeenCalled()
    await store.saveCampaign({ campaign: camp(2, 'content_live'), fees: { 12: 0 } })
    expect(removeMember.mock.calls).toEqual([
      [2, 10],
      [2, 11],
    ])
    expect(store.feesOf(2)).toEqual({ 12: 0 })
  })
})
