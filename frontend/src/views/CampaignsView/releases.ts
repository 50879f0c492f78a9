// UGC release helpers the tab and editor share: the badge colour of an expiry, the duration
// shortcuts of the form, a register download, and the reminder list (what ends within 30 days).
import type { UgcRelease, UgcReleaseInput } from '@/api/campaignsReleases'

/** naive-ui tag type of an expiry badge. */
export function expiryTagType(expiry: string): 'default' | 'success' | 'warning' | 'error' {
  switch (expiry) {
    case 'ok':
      return 'success'
    case 'soon':
      return 'warning'
    case 'urgent':
    case 'ended':
      return 'error'
  }
  return 'default'
}

/** naive-ui tag type of a status. */
export function statusTagType(status: string): 'default' | 'success' | 'warning' | 'error' | 'info' {
  switch (status) {
    case 'granted':
      return 'success'
    case 'requested':
      return 'info'
    case 'declined':
    case 'revoked':
      return 'error'
    case 'expired':
      return 'warning'
  }
  return 'default'
}

/** The day `months` months after `from` ("YYYY-MM-DD"), as "YYYY-MM-DD" (UTC days). */
export function addMonths(from: string, months: number): string {
  const d = new Date(`${from}T00:00:00Z`)
  const day = d.getUTCDate()
  d.setUTCDate(1)
  d.setUTCMonth(d.getUTCMonth() + months)
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate()
  d.setUTCDate(Math.min(day, last))
  return d.toISOString().slice(0, 10)
}

/** Granted releases ending within 30 days, soonest first: the in-app reminder list. */
export function endingSoon(rows: UgcRelease[]): UgcRelease[] {
  return rows.filter((r) => r.status === 'granted' && (r.expiry === 'soon' || r.expiry === 'urgent')).sort((a, b) => a.daysLeft - b.daysLeft)
}

/** Who made a release's content. */
export function releaseAuthor(r: UgcRelease): string {
  return r.creatorName || r.author
}

/** The form's value of a listed release. */
export function toInput(r: UgcRelease): UgcReleaseInput {
  return {
    id: r.id,
    creatorId: r.creatorId,
    author: r.author,
    title: r.title,
    contentUrl: r.contentUrl,
    conversationId: r.conversationId,
    messageId: r.messageId,
    channels: [...r.channels],
    paidUse: r.paidUse,
    startsAt: r.startsAt.slice(0, 10),
    expiresAt: r.expiresAt.slice(0, 10),
    territories: [...r.territories],
    compensation: r.compensation,
    editsAllowed: r.editsAllowed,
    notes: r.notes,
  }
}

export function emptyRelease(): UgcReleaseInput {
  return {
    id: 0,
    creatorId: 0,
    author: '',
    title: '',
    contentUrl: '',
    conversationId: 0,
    messageId: 0,
    channels: ['instagram'],
    paidUse: false,
    startsAt: '',
    expiresAt: '',
    territories: [],
    compensation: '',
    editsAllowed: false,
    notes: '',
  }
}

/** Saves text as a file through the browser (the register export). */
export function download(text: string, name: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }))
  const a = document.createElement('a')
  a.href = url
  a.download = name
  a.click()
  setTimeout(() => URL.revokeObjectURL(url), 1000)
}
