// Typed wrappers over app.TeamDB (Settings -> Team database) and app.TeamTriage
// (status and assignment changes with optimistic locking), issue 9.
import { call } from './bridge'
import type { AppErrorDTO, Conversation } from './types'

export type TeamSSLMode = 'disable' | 'require' | 'verify-ca' | 'verify-full'

/** A team database's connection settings (never the password). */
export interface TeamDBConfig {
  host: string
  port: number
  database: string
  user: string
  sslMode: TeamSSLMode | string
  /** Path of a CA certificate file (PEM), for verify-ca / verify-full. */
  sslRootCert: string
  /** Optional schema the workspace lives in. */
  schema: string
  label: string
}

/** The form's content for Test and Connect. */
export interface TeamDBConnectRequest {
  config: TeamDBConfig
  password: string
  /** An empty password with keepPassword reuses the one in the keyring. */
  keepPassword: boolean
}

/** A connection test's result. */
export interface TeamDBProbe {
  ok: boolean
  serverVersion: string
  tls: boolean
  /** unreachable, wrong_password, auth_rejected, database_missing, tls_refused, tls_verify, tls_required, ca_file, timeout, unknown */
  reason: string
  error: AppErrorDTO | null
}

export type TeamLinkState = 'connecting' | 'live' | 'reconnecting' | ''

/** The live link's state (payload of `team:link`). */
export interface TeamLink {
  state: TeamLinkState | string
  /** RFC 3339 ('' when unknown). */
  since: string
  error: string
}

/** Another app instance working on the team workspace. */
export interface TeamInstance {
  member: string
  machine: string
  seenAt: string
}

export type TeamMode = 'solo' | 'team' | 'unavailable'

/** Where the window's workspace lives. */
export interface TeamDBStatus {
  mode: TeamMode | string
  config: TeamDBConfig | null
  hasPassword: boolean
  link: TeamLink
  others: TeamInstance[]
  /** Why the team database could not be opened (mode "unavailable"). */
  error: AppErrorDTO | null
}

/** What the member saw of a conversation when choosing an action. */
export interface SeenConversation {
  id: number
  status: string
  /** '' = unassigned; null = not checked. */
  assignee: string | null
}

export interface CheckedActionRequest {
  seen: SeenConversation[]
  action: 'status' | 'assign'
  status: string
  snoozeUntil: string
  memberId: number
  handoff: string
}

/** A conversation left alone because it changed meanwhile. */
export interface ConflictInfo {
  conversationId: number
  error: AppErrorDTO | null
}

export interface CheckedActionResult {
  changed: number
  items: Conversation[]
  conflicts: ConflictInfo[]
}

declare module './types' {
  interface AppEvents {
    'team:link': TeamLink
    'team:resync': Record<string, never>
    'team:presence': { conversationId: number }
  }
}

declare module './bridge' {
  interface Bindings {
    TeamDB: {
      Status(): Promise<TeamDBStatus>
      Test(req: TeamDBConnectRequest): Promise<TeamDBProbe>
      Connect(req: TeamDBConnectRequest): Promise<TeamDBStatus>
      Disconnect(): Promise<TeamDBStatus>
      Retry(): Promise<TeamDBStatus>
    }
    TeamTriage: {
      Apply(req: CheckedActionRequest): Promise<CheckedActionResult>
    }
  }
}

/** Fills the lists the Go side may send as null. */
function normalizeStatus(s: TeamDBStatus): TeamDBStatus {
  return { ...s, others: s?.others ?? [], link: s?.link ?? { state: '', since: '', error: '' } }
}

export const teamStatus = async (): Promise<TeamDBStatus> => normalizeStatus(await call('TeamDB', 'Status'))
export const testTeam = (req: TeamDBConnectRequest) => call('TeamDB', 'Test', req)
export const connectTeam = async (req: TeamDBConnectRequest): Promise<TeamDBStatus> => normalizeStatus(await call('TeamDB', 'Connect', req))
export const disconnectTeam = async (): Promise<TeamDBStatus> => normalizeStatus(await call('TeamDB', 'Disconnect'))
export const retryTeam = async (): Promise<TeamDBStatus> => normalizeStatus(await call('TeamDB', 'Retry'))

export async function applyChecked(req: Partial<CheckedActionRequest> & Pick<CheckedActionRequest, 'seen' | 'action'>): Promise<CheckedActionResult> {
  const r = await call('TeamTriage', 'Apply', { status: '', snoozeUntil: '', memberId: 0, handoff: '', ...req })
  return { changed: r?.changed ?? 0, items: r?.items ?? [], conflicts: r?.conflicts ?? [] }
}
