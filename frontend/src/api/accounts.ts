// Typed wrappers over app.Accounts.
import { call } from './bridge'
import type { Account, ConnectTelegramRequest } from './types'

export async function listAccounts(): Promise<Account[]> {
  return (await call('Accounts', 'List')) ?? []
}

export function connectTelegram(req: ConnectTelegramRequest): Promise<Account> {
  return call('Accounts', 'ConnectTelegram', req)
}

/** Removes the token from the keyring and stops syncing; stored messages stay. */
export async function disconnectAccount(id: number): Promise<void> {
  await call('Accounts', 'Disconnect', id)
}

export async function syncNow(id: number): Promise<void> {
  await call('Accounts', 'SyncNow', id)
}
