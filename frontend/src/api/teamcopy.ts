// Typed wrappers over app.TeamCopy: copy this computer's local workspace into the team
// database, one way, verified table by table (issue 9).
import { call } from './bridge'
import type { AppErrorDTO } from './types'

export type TeamCopyState = 'idle' | 'running' | 'done' | 'failed' | 'cancelled'

/** How far a copy got (payload of `teamcopy:progress`). */
export interface TeamCopyProgress {
  /** copy or verify */
  phase: string
  table: string
  /** Rows while copying, tables while verifying. */
  done: number
  total: number
}

/** One table's verification. */
export interface TeamCopyTable {
  name: string
  sourceRows: number
  targetRows: number
  match: boolean
}

/** The outcome of a copy. */
export interface TeamCopyResult {
  tables: TeamCopyTable[]
  copied: number
  verified: boolean
  resumed: boolean
  alreadyCopied: boolean
  /** RFC 3339 */
  finishedAt: string
}

/** What the copy card shows (also the payload of `teamcopy:done`). */
export interface TeamCopyStatus {
  configured: boolean
  localAvailable: boolean
  demo: boolean
  state: TeamCopyState | string
  progress: TeamCopyProgress
  result: TeamCopyResult | null
  error: AppErrorDTO | null
}

declare module './types' {
  interface AppEvents {
    'teamcopy:progress': TeamCopyProgress
    'teamcopy:done': TeamCopyStatus
  }
}

declare module './bridge' {
  interface Bindings {
    TeamCopy: {
      Status(): Promise<TeamCopyStatus>
      Start(): Promise<TeamCopyStatus>
      Cancel(): Promise<TeamCopyStatus>
    }
  }
}

/** Normalizes what Go sends (nil slices arrive as null). */
function normalize(s: TeamCopyStatus): TeamCopyStatus {
  const result = s.result ? { ...s.result, tables: s.result.tables ?? [] } : null
  return { ...s, result, progress: s.progress ?? { phase: '', table: '', done: 0, total: 0 } }
}

export const teamCopyApi = {
  status: async (): Promise<TeamCopyStatus> => normalize(await call('TeamCopy', 'Status')),
  start: async (): Promise<TeamCopyStatus> => normalize(await call('TeamCopy', 'Start')),
  cancel: async (): Promise<TeamCopyStatus> => normalize(await call('TeamCopy', 'Cancel')),
  normalize,
}
