// The connect form's building blocks shared by every platform: the field and platform types,
// and the pure cleaning and checking functions (unit-tested).
import type { ConnectRequest } from '@/api/types'

export type ConnectFieldId = 'token' | 'identifier' | 'name' | 'baseUrl' | 'pageId'
export type ConnectValues = Record<ConnectFieldId, string>

export interface ConnectField {
  id: ConnectFieldId
  label: string
  placeholder?: string
  /** Shown under the field while it has no error. */
  help?: string
  /** The message when the field is left empty; unset = optional. */
  required?: string
  /** A password field: never shown unless the person asks. */
  secret?: boolean
  /** Under "Advanced" (collapsed). */
  advanced?: boolean
  /** An address: no spell check, the URL keyboard. */
  url?: boolean
  /** Cleans what was typed (trims, strips a leading @, adds https://...). */
  normalize?: (value: string) => string
  /** The i18n key of what is wrong with the cleaned, non-empty value, or null. */
  check?: (value: string) => string | null
  testid: string
}

export interface ConnectHelpStep {
  key: string
  params?: Record<string, string>
  /** Literal values shown as code after the step (scopes to tick...). */
  code?: string[]
}

export interface ConnectPlatform {
  id: 'telegram' | 'mastodon' | 'bluesky' | 'instagram' | 'facebook' | 'shopify' | 'whatsapp' | 'tiktok' | 'youtube'
  /** One short line under the name in the platform picker. */
  tagline: string
  fields: ConnectField[]
  help: { title: string; steps: ConnectHelpStep[]; note?: string }
  /** The request for Accounts.Connect from the cleaned values. */
  request(values: ConnectValues): ConnectRequest
}

/** Platforms that cannot be connected yet, with the honest reason (settings.connect.soon.*). */
export const COMING_SOON: readonly string[] = []

// ---- cleaning and checks (pure, unit-tested) ---------------------------------------------

const SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i

function isLoopback(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase()
  return h === 'localhost' || h === '::1' || /^127(\.\d{1,3}){3}$/.test(h)
}

/**
 * A server address as people type it, made into a base URL: "mastodon.social" →
 * "https://mastodon.social". Trailing slashes go; a handle ("@me@fosstodon.org") or a profile
 * link ("https://mastodon.social/@me") gives its server. "" stays "". Text that is not an
 * address is returned trimmed (with https:// added) for checkServerUrl to reject.
 */
export function normalizeServerUrl(raw: string): string {
  let s = raw.trim()
  if (s === '') return ''
  const handle = /^@?[^@\s/]+@([^@\s/]+)$/.exec(s)
  if (handle) s = handle[1]!
  if (!SCHEME.test(s)) s = `https://${s}`
  let u: URL
  try {
    u = new URL(s)
  } catch {
    return s.replace(/\/+$/, '')
  }
  if (u.search || u.hash || u.username || u.password) return s.replace(/\/+$/, '')
  const path = u.pathname.startsWith('/@') ? '' : u.pathname.replace(/\/+$/, '')
  return `${u.protocol}//${u.host}${path}`
}

/** Whether a cleaned server address is usable; the i18n key of the problem, or null. */
export function checkServerUrl(url: string): string | null {
  let u: URL
  try {
    u = new URL(url)
  } catch {
    return 'settings.connect.fieldErrors.serverUrl'
  }
  if ((u.protocol !== 'https:' && u.protocol !== 'http:') || !u.hostname || u.username || u.password || u.search || u.hash) {
    return 'settings.connect.fieldErrors.serverUrl'
  }
  const loopback = isLoopback(u.hostname)
  if (!loopback && !u.hostname.includes('.')) return 'settings.connect.fieldErrors.serverUrl'
  // The Go side refuses plain http except on this computer: the token would cross the network.
  if (u.protocol === 'http:' && !loopback) return 'settings.connect.fieldErrors.https'
  return null
}

/**
 * A Bluesky handle as people type or paste it: "@name.bsky.social" → "name.bsky.social";
 * a profile link "https://bsky.app/profile/name.bsky.social" gives its handle.
 */
export function normalizeHandle(raw: string): string {
  let s = raw.trim()
  const profile = /^(?:https?:\/\/)?(?:www\.)?bsky\.app\/profile\/([^/?#\s]+)/i.exec(s)
  if (profile) s = decodeURIComponent(profile[1]!)
  return s.replace(/^@+/, '').trim()
}

export function checkHandle(handle: string): string | null {
  if (handle.startsWith('did:')) return /^did:[a-z0-9]+:\S+$/.test(handle) ? null : 'settings.connect.bluesky.handleInvalid'
  return /^[^\s@/]+\.[^\s@/]+$/.test(handle) ? null : 'settings.connect.bluesky.handleInvalid'
}

/** A Bluesky app password: four groups of four lowercase letters or digits (as the Go side checks). */
const APP_PASSWORD = /^[a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4}$/

export function normalizeAppPassword(raw: string): string {
  return raw.trim().toLowerCase()
}

export function checkAppPassword(password: string): string | null {
  return APP_PASSWORD.test(password) ? null : 'settings.connect.bluesky.passwordFormat'
}

/** Trims a typed value. */
export const trim = (v: string) => v.trim()

/** Mastodon scopes CreatorDesk needs: reading, and replying, DMs, blocking, muting, reporting. */
export const MASTODON_SCOPES = ['read', 'write:statuses', 'write:conversations', 'write:blocks', 'write:mutes', 'write:reports']

/** The optional display-name field. */
export const nameField = (placeholder: string): ConnectField => ({
  id: 'name',
  label: 'settings.connect.name',
  placeholder,
  normalize: trim,
  testid: 'connect-name',
})
