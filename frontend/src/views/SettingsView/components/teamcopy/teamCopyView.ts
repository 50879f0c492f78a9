// What the copy card shows for a status: which panel, the progress line and bar, and the
// summary of a finished copy. Plain functions (tested in tests/unit/teamcopy).
import type { TeamCopyProgress, TeamCopyResult, TeamCopyStatus, TeamCopyTable } from '@/api/teamcopy'

/** The card's main panel. */
export type TeamCopyPanel = 'demo' | 'notConfigured' | 'noLocal' | 'ready'

export function panelFor(s: TeamCopyStatus): TeamCopyPanel {
  if (s.demo) return 'demo'
  if (!s.configured) return 'notConfigured'
  if (!s.localAvailable) return 'noLocal'
  return 'ready'
}

/** Percent of the work done: copying is the first 90 %, checking the last 10 %. */
export function percentDone(p: TeamCopyProgress): number {
  if (!p.phase || p.total <= 0) return 0
  const part = Math.min(1, Math.max(0, p.done / p.total))
  return Math.round(p.phase === 'verify' ? 90 + part * 10 : part * 90)
}

/** The i18n key and parameters of the progress line. */
export function progressLine(p: TeamCopyProgress): { key: string; params: Record<string, string | number> } {
  if (p.phase === 'verify') return { key: 'teamcopy.progress.verify', params: { table: p.table, done: p.done, total: p.total } }
  if (p.phase === 'copy') return { key: 'teamcopy.progress.copy', params: { table: p.table, done: p.done, total: p.total } }
  return { key: 'teamcopy.progress.starting', params: {} }
}

/** The i18n key of a finished copy's summary. */
export function summaryKey(r: TeamCopyResult): string {
  if (!r.verified) return 'teamcopy.result.mismatch'
  if (r.alreadyCopied) return 'teamcopy.result.already'
  if (r.resumed) return 'teamcopy.result.resumed'
  return 'teamcopy.result.done'
}

/** Tables that differ first, then the others, each group by name. */
export function orderedTables(tables: TeamCopyTable[]): TeamCopyTable[] {
  return [...tables].sort((a, b) => Number(a.match) - Number(b.match) || a.name.localeCompare(b.name))
}
