// Campaigns store: creators, campaigns (with their creators and fees), codes and links, loaded
// through app.Campaigns, plus the look-ups the tabs share (names by id, the pipeline by stage).
// Orders, imports and results are read by their tabs directly: they depend on a date range.
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { toAppError, type AppError } from '@/api/bridge'
import * as api from '@/api/campaigns'

/** A campaign being edited with the creators it should have (creator id → fee in minor units). */
export interface CampaignDraft {
  campaign: api.Campaign
  fees: Record<number, number>
}

export function emptyCreator(): api.Creator {
  return { id: 0, name: '', email: '', phone: '', rateMinor: 0, currency: 'EUR', rateUnit: 'post', notes: '', archived: false, handles: [] }
}

export function emptyCampaign(): api.Campaign {
  return {
    id: 0,
    name: '',
    slug: '',
    brief: '',
    startsAt: '',
    endsAt: '',
    deliverables: '',
    budgetMinor: 0,
    currency: 'EUR',
    compensation: '',
    stage: 'brief',
  }
}

export const useCampaignsStore = defineStore('campaigns', () => {
  const creators = ref<api.Creator[]>([])
  const campaigns = ref<api.Campaign[]>([])
  const members = ref<api.CampaignCreator[]>([])
  const codes = ref<api.DiscountCode[]>([])
  const links = ref<api.UtmLink[]>([])
  const loading = ref(false)
  const loaded = ref(false)
  const error = ref<AppError | null>(null)

  async function load(): Promise<void> {
    loading.value = true
    try {
      const [cr, ca, m, co, li] = await Promise.all([
        api.listCreators(),
        api.listCampaigns(),
        api.listCampaignCreators(),
        api.listCodes(),
        api.listLinks(),
      ])
      creators.value = cr
      campaigns.value = ca
      members.value = m
      codes.value = co
      links.value = li
      error.value = null
      loaded.value = true
    } catch (err) {
      error.value = toAppError(err)
    } finally {
      loading.value = false
    }
  }

  const creatorName = computed(() => {
    const m = new Map(creators.value.map((c) => [c.id, c.name]))
    return (id: number) => m.get(id) ?? ''
  })
  const campaignName = computed(() => {
    const m = new Map(campaigns.value.map((c) => [c.id, c.name]))
    return (id: number) => m.get(id) ?? ''
  })

  /** The pipeline board: every stage, in order, with its campaigns (unknown stages go to brief). */
  const board = computed(() => {
    const cols = new Map<api.CampaignStage, api.Campaign[]>(api.campaignStages.map((s) => [s, []]))
    for (const c of campaigns.value) {
      const stage = (api.campaignStages as string[]).includes(c.stage) ? (c.stage as api.CampaignStage) : 'brief'
      cols.get(stage)!.push(c)
    }
    return api.campaignStages.map((stage) => ({ stage, campaigns: cols.get(stage)! }))
  })

  /** Creator id → fee of one campaign's creators. */
  function feesOf(campaignId: number): Record<number, number> {
    const out: Record<number, number> = {}
    for (const m of members.value) if (m.campaignId === campaignId) out[m.creatorId] = m.feeMinor
    return out
  }

  /** Saves a creator and puts it in the list (sorted by name). Rethrows refusals. */
  async function saveCreator(c: api.Creator): Promise<api.Creator> {
    const saved = await api.saveCreator({ ...c, handles: c.handles.filter((h) => h.handle.trim() !== '') })
    creators.value = [...creators.value.filter((x) => x.id !== saved.id), saved].sort((a, b) => a.name.localeCompare(b.name))
    return saved
  }

  /**
   * Saves a campaign, then makes its creators match the draft: adds or re-prices the ones in
   * `fees`, removes the others. Rethrows refusals (the campaign may be saved already).
   */
  async function saveCampaign(draft: CampaignDraft): Promise<api.Campaign> {
    const saved = await api.saveCampaign(draft.campaign)
    campaigns.value = [saved, ...campaigns.value.filter((x) => x.id !== saved.id)]
    const before = feesOf(saved.id)
    for (const [id, fee] of Object.entries(draft.fees)) {
      if (before[Number(id)] !== fee) await api.setCampaignCreator(saved.id, Number(id), fee)
    }
    for (const id of Object.keys(before)) {
      if (!(id in draft.fees)) await api.removeCampaignCreator(saved.id, Number(id))
    }
    members.value = await api.listCampaignCreators()
    campaigns.value = await api.listCampaigns()
    return saved
  }

  /** Moves a campaign on the board at once, back again when the Go side refuses. */
  async function moveCampaign(id: number, stage: api.CampaignStage): Promise<void> {
    const i = campaigns.value.findIndex((c) => c.id === id)
    if (i < 0) return
    const before = campaigns.value[i]!
    if (before.stage === stage) return
    campaigns.value.splice(i, 1, { ...before, stage })
    try {
      const saved = await api.moveCampaign(id, stage)
      campaigns.value = campaigns.value.map((c) => (c.id === id ? saved : c))
    } catch (err) {
      campaigns.value = campaigns.value.map((c) => (c.id === id ? before : c))
      throw toAppError(err)
    }
  }

  async function addCode(req: api.NewCodeRequest): Promise<api.DiscountCode> {
    const code = await api.addCode(req)
    codes.value = [...codes.value, code]
    return code
  }

  /** Builds (or finds again) a link; an existing one is not listed twice. */
  async function buildLink(req: api.NewLinkRequest): Promise<api.UtmLink> {
    const link = await api.buildLink(req)
    links.value = [link, ...links.value.filter((l) => l.id !== link.id)]
    return link
  }

  return {
    creators,
    campaigns,
    members,
    codes,
    links,
    loading,
    loaded,
    error,
    load,
    creatorName,
    campaignName,
    board,
    feesOf,
    saveCreator,
    saveCampaign,
    moveCampaign,
    addCode,
    buildLink,
  }
})
