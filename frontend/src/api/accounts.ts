// Typed wrappers over app.Accounts.
import { call } from './bridge'
import type { Account, ConnectRequest } from './types'

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

/** An account's token health (app.AccountHealthDTO). */
export interface AccountHealth {
  accountId: number
  /** When the token lapses (RFC 3339); "" when it never does or is not known yet. */
  tokenExpiresAt: string
  tokenNeverExpires: boolean
  /** CreatorDesk renews this token itself before it lapses. */
  renews: boolean
  needsReconnect: boolean
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
