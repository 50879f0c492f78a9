// Typed wrappers over app.Accounts.
import { call } from './bridge'
import type { Account, AccountStatus, AppErrorDTO, ConnectRequest } from './types'

export async function listAccounts(): Promise<Account[]> {
  return (await call('Accounts', 'List')) ?? []
}

/** Checks the token with its platform, keeps it in the keyring and starts syncing. */
export function connect(req: ConnectRequest): Promise<Account> {
  return call('Accounts', 'Connect', req)
}

/** Removes the token from the keyring and stops syncing; stored messages stay. */
export async function disconnectAccount(id: number): Promise<void> {
  await call('Accounts', 'Disconnect', id)
}

export async function syncNow(id: number): Promise<void> {
  await call('Accounts', 'SyncNow', id)
}

// ---- Connectors facade: account health, reconnect, developer-app credentials ----------------

/** How much of a platform's rate limit or daily quota an account has used (app.HeadroomDTO). */
export interface Headroom {
  /** "quota" (units per day) or "rate" (calls per window). */
  kind: string
  used: number
  limit: number
  /** When the budget starts afresh (RFC 3339); "" when the platform does not say. */
  resetsAt: string
}

/** Why a sync loop waits (sync.Wait*). */
export type SyncWait = '' | 'listening' | 'idle' | 'pacing' | 'rate_limited' | 'backoff' | 'leased' | 'token_elsewhere'

/** What a person should do about an account (accounts.Advice*). */
export type HealthAdvice =
  | 'none'
  | 'reconnect'
  | 'reconnect_soon'
  | 'wait'
  | 'retrying'
  | 'check_address'
  | 'check_connection'
  | 'stop_other_client'
  | 'unlock_keyring'
  | 'check_keyring'
  | 'free_disk'
  | 'check_settings'
  | 'sync_now'

/** An account's health (app.AccountHealthDTO). */
export interface AccountHealth {
  accountId: number
  platform: string
  name: string
  handle: string
  status: AccountStatus
  /** The last successful sync (RFC 3339); "" never. */
  lastSyncAt: string
  /** Whether this window is syncing the account now. */
  running: boolean
  wait: SyncWait
  /** The other app instance that syncs this account now (team mode, wait "leased"). */
  heldBy: string
  /** When the sync next asks the platform (RFC 3339); "" now, or while listening. */
  nextRunAt: string
  headroom: Headroom | null
  /** When the token lapses (RFC 3339); "" when it never does or is not known yet. */
  tokenExpiresAt: string
  tokenNeverExpires: boolean
  /** CreatorDesk renews this token itself before it lapses. */
  renews: boolean
  needsReconnect: boolean
  lastError: AppErrorDTO | null
  /** When the latest sync failure happened (RFC 3339); "" never. */
  lastErrorAt: string
  /** Failures in a row since the last success. */
  failures: number
  itemsSynced: number
  itemsLast24h: number
  advice: HealthAdvice
  /** The time the advice refers to (RFC 3339); "" none. */
  adviceUntil: string
  /** The settings a person may change on this account, with their values ("" unset). */
  settings: Record<string, string>
}

/** Changes an account's non-secret settings (Telegram: channel). */
export interface AccountSettingsRequest {
  accountId: number
  settings: Record<string, string>
}

export interface ReconnectRequest {
  accountId: number
  token: string
}

export interface AppCredentialsRequest {
  provider: string
  appId: string
  appSecret: string
}

export interface AppCredentialsStatus {
  provider: string
  appId: string
  hasSecret: boolean
}

declare module './bridge' {
  interface Bindings {
    Connectors: {
      UpdateSettings(req: AccountSettingsRequest): Promise<Account>
      Reconnect(req: ReconnectRequest): Promise<Account>
      Health(): Promise<AccountHealth[]>
      SaveAppCredentials(req: AppCredentialsRequest): Promise<AppCredentialsStatus>
      AppCredentials(provider: string): Promise<AppCredentialsStatus>
    }
  }
}

export async function accountHealth(): Promise<AccountHealth[]> {
  return (await call('Connectors', 'Health')) ?? []
}

/** Checks a new token for an account that needs reconnecting and resumes its sync. */
export function reconnect(req: ReconnectRequest): Promise<Account> {
  return call('Connectors', 'Reconnect', req)
}

/** Changes an account's editable settings (audited); rejects with the translated error. */
export function updateSettings(req: AccountSettingsRequest): Promise<Account> {
  return call('Connectors', 'UpdateSettings', req)
}
