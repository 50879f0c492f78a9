// Typed wrappers over app.OAuth: connecting an account through the system browser (YouTube with
// the person's own Google Cloud client, Mastodon with an app registered on the instance).
import { call } from './bridge'
import type { Account, AppErrorDTO } from './types'

/** Starts a browser sign-in (app.OAuthStartRequest). */
export interface OAuthStartRequest {
  /** "youtube" or "mastodon". */
  platform: string
  /** YouTube: the Google Cloud OAuth client ("Desktop app"); an empty secret uses the saved one. */
  clientId: string
  clientSecret: string
  /** The API root (YouTube; "" for Google's) or the Mastodon instance. */
  baseUrl: string
  /** Overrides of Google's endpoints (test servers only). */
  authUrl: string
  tokenUrl: string
  name: string
  /** Not 0: sign an existing account in again. */
  accountId: number
}

/** Where a browser sign-in is. */
export type OAuthState = 'waiting' | 'connecting' | 'done' | 'failed' | 'canceled'

/** A browser sign-in (app.OAuthFlowDTO). */
export interface OAuthFlow {
  id: string
  platform: string
  state: OAuthState
  /** The sign-in page, for the person to open when the browser did not open by itself. */
  authUrl: string
  browserOpened: boolean
  startedAt: string
  endedAt: string
  account: Account | null
  error: AppErrorDTO | null
}

/** The OAuth client saved for a provider, without its secret (app.OAuthClientDTO). */
export interface OAuthClient {
  provider: string
  clientId: string
  hasSecret: boolean
}

declare module './bridge' {
  interface Bindings {
    OAuth: {
      Start(req: OAuthStartRequest): Promise<OAuthFlow>
      Status(id: string): Promise<OAuthFlow>
      Cancel(id: string): Promise<OAuthFlow>
      SavedClient(provider: string): Promise<OAuthClient>
    }
  }
}

export function startOAuth(req: OAuthStartRequest): Promise<OAuthFlow> {
  return call('OAuth', 'Start', req)
}

export function oauthStatus(id: string): Promise<OAuthFlow> {
  return call('OAuth', 'Status', id)
}

export function cancelOAuth(id: string): Promise<OAuthFlow> {
  return call('OAuth', 'Cancel', id)
}

export function savedOAuthClient(provider: string): Promise<OAuthClient> {
  return call('OAuth', 'SavedClient', provider)
}
