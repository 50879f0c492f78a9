// "Why credited": an order's explanation parts (keys under campaigns.attribution.*) as sentences
// in the current language; a key this build does not know falls back to the English text.
import type { CampaignOrder } from '@/api/campaigns'

type T = (key: string, args?: Record<string, unknown>) => string
type Te = (key: string) => boolean

export function explainOrder(o: CampaignOrder, t: T, te: Te): string {
  if (o.explanation.length === 0) return o.explanationEn
  const parts = o.explanation.map((p) => (te(`campaigns.${p.key}`) ? t(`campaigns.${p.key}`, p.args) : ''))
  if (parts.some((p) => p === '')) return o.explanationEn
  return parts.join(' ')
}
