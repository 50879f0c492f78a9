// Pure helpers of the browser sign-in (OAuth.Start / Status / Cancel): what to send, and what a
// flow's state means for the screen. Unit-tested in tests/unit/oauth.
import type { OAuthFlow, OAuthStartRequest, OAuthState } from '@/api/oauth'
import { checkGoogleClientId, checkServerUrl, normalizeServerUrl } from '../platforms'

/** How often a waiting sign-in is asked for its state, in milliseconds. */
export const POLL_MS = 800

/** What the person typed on the YouTube sign-in form. */
export interface YouTubeValues {
  clientId: string
  clientSecret: string
  name: string
  baseUrl: string
  authUrl: string
  tokenUrl: string
}

/** What the person typed on the Mastodon sign-in form. */
export interface MastodonValues {
  server: string
  name: string
}

export type Problems<T> = Partial<Record<keyof T, string>>

/** Whether a flow has ended (nothing more will change). */
export function isFinished(state: OAuthState): boolean {
  return state === 'done' || state === 'failed' || state === 'canceled'
}

/** The i18n key of the line shown while a flow is in a state. */
export function stateKey(flow: Pick<OAuthFlow, 'state' | 'browserOpened'>): string {
  switch (flow.state) {
    case 'waiting':
      return flow.browserOpened ? 'oauth.flow.waiting' : 'oauth.flow.openYourself'
    case 'connecting':
      return 'oauth.flow.connecting'
    case 'done':
      return 'oauth.flow.done'
    case 'canceled':
      return 'oauth.flow.canceled'
    default:
      return 'oauth.flow.failed'
  }
}

/** Checks an optional address field: "" is fine, anything else must be a usable URL. */
function checkOptionalUrl(v: string): string | null {
  return v === '' ? null : checkServerUrl(v)
}

/**
 * Cleans the YouTube form and reports its problems. The secret may be left empty when one is
 * saved for the same client id (`savedClientId`).
 */
export function youtubeRequest(
  raw: YouTubeValues,
  savedClientId: string,
  accountId = 0,
): { request: OAuthStartRequest; problems: Problems<YouTubeValues> } {
  const v: YouTubeValues = {
    clientId: raw.clientId.trim(),
    clientSecret: raw.clientSecret.trim(),
    name: raw.name.trim(),
    baseUrl: normalizeServerUrl(raw.baseUrl),
    authUrl: normalizeServerUrl(raw.authUrl),
    tokenUrl: normalizeServerUrl(raw.tokenUrl),
  }
  const problems: Problems<YouTubeValues> = {}
  if (v.clientId === '') problems.clientId = 'oauth.youtube.clientIdRequired'
  else {
    const p = checkGoogleClientId(v.clientId)
    if (p) problems.clientId = p
  }
  if (v.clientSecret === '' && (savedClientId === '' || savedClientId !== v.clientId)) {
    problems.clientSecret = 'oauth.youtube.clientSecretRequired'
  }
  for (const k of ['baseUrl', 'authUrl', 'tokenUrl'] as const) {
    const p = checkOptionalUrl(v[k])
    if (p) problems[k] = p
  }
  return {
    request: {
      platform: 'youtube',
      clientId: v.clientId,
      clientSecret: v.clientSecret,
      baseUrl: v.baseUrl,
      authUrl: v.authUrl,
      tokenUrl: v.tokenUrl,
      name: v.name,
      accountId,
    },
    problems,
  }
}

/** Cleans the Mastodon form ("mastodon.social" → "https://mastodon.social") and reports its problems. */
export function mastodonRequest(raw: MastodonValues, accountId = 0): { request: OAuthStartRequest; problems: Problems<MastodonValues> } {
  const server = normalizeServerUrl(raw.server)
  const problems: Problems<MastodonValues> = {}
  if (server === '') problems.server = 'settings.connect.mastodon.serverRequired'
  else {
    const p = checkServerUrl(server)
    if (p) problems.server = p
  }
  return {
    request: { platform: 'mastodon', clientId: '', clientSecret: '', baseUrl: server, authUrl: '', tokenUrl: '', name: raw.name.trim(), accountId },
    problems,
  }
}
