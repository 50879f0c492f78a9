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
