// What the connect form asks for, per platform: its fields (label, placeholder, checks), its
// help, and how the typed values become an Accounts.Connect request. ConnectForm.vue renders
// any of these; adding a platform is adding an entry here (and its strings in src/locales).
// Every label, placeholder and message is an i18n key.
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

const trim = (v: string) => v.trim()

/** Mastodon scopes CreatorDesk needs: reading, and replying, DMs, blocking, muting, reporting. */
export const MASTODON_SCOPES = ['read', 'write:statuses', 'write:conversations', 'write:blocks', 'write:mutes', 'write:reports']

// ---- the platforms ---------------------------------------------------------------------------

const nameField = (placeholder: string): ConnectField => ({
  id: 'name',
  label: 'settings.connect.name',
  placeholder,
  normalize: trim,
  testid: 'connect-name',
})

export const telegram: ConnectPlatform = {
  id: 'telegram',
  tagline: 'settings.connect.telegram.tagline',
  fields: [
    {
      id: 'token',
      label: 'settings.connect.telegram.token',
      placeholder: 'settings.connect.telegram.tokenPlaceholder',
      required: 'settings.connect.telegram.tokenRequired',
      secret: true,
      normalize: trim,
      testid: 'connect-token',
    },
    nameField('settings.connect.telegram.namePlaceholder'),
    {
      id: 'baseUrl',
      label: 'settings.connect.telegram.baseUrl',
      placeholder: 'settings.connect.telegram.baseUrlPlaceholder',
      help: 'settings.connect.telegram.baseUrlHelp',
      advanced: true,
      url: true,
      normalize: trim,
      testid: 'connect-base-url',
    },
  ],
  help: {
    title: 'settings.connect.telegram.helpTitle',
    steps: [
      { key: 'settings.connect.telegram.helpStep1', params: { botfather: '@BotFather' } },
      { key: 'settings.connect.telegram.helpStep2' },
      { key: 'settings.connect.telegram.helpStep3' },
    ],
  },
  request: (v) => ({ platform: 'telegram', token: v.token, name: v.name, baseUrl: v.baseUrl, extra: {} }),
}

export const mastodon: ConnectPlatform = {
  id: 'mastodon',
  tagline: 'settings.connect.mastodon.tagline',
  fields: [
    {
      id: 'baseUrl',
      label: 'settings.connect.mastodon.server',
      placeholder: 'settings.connect.mastodon.serverPlaceholder',
      help: 'settings.connect.mastodon.serverHelp',
      required: 'settings.connect.mastodon.serverRequired',
      url: true,
      normalize: normalizeServerUrl,
      check: checkServerUrl,
      testid: 'connect-base-url',
    },
    {
      id: 'token',
      label: 'settings.connect.mastodon.token',
      placeholder: 'settings.connect.mastodon.tokenPlaceholder',
      required: 'settings.connect.mastodon.tokenRequired',
      secret: true,
      normalize: trim,
      testid: 'connect-token',
    },
    nameField('settings.connect.namePlaceholderProfile'),
  ],
  help: {
    title: 'settings.connect.mastodon.helpTitle',
    steps: [
      { key: 'settings.connect.mastodon.helpStep1' },
      { key: 'settings.connect.mastodon.helpStep2', code: MASTODON_SCOPES },
      { key: 'settings.connect.mastodon.helpStep3' },
    ],
    note: 'settings.connect.mastodon.helpScopesNote',
  },
  request: (v) => ({ platform: 'mastodon', token: v.token, name: v.name, baseUrl: v.baseUrl, extra: {} }),
}

export const bluesky: ConnectPlatform = {
  id: 'bluesky',
  tagline: 'settings.connect.bluesky.tagline',
  fields: [
    {
      id: 'identifier',
      label: 'settings.connect.bluesky.handle',
      placeholder: 'settings.connect.bluesky.handlePlaceholder',
      required: 'settings.connect.bluesky.handleRequired',
      normalize: normalizeHandle,
      check: checkHandle,
      testid: 'connect-identifier',
    },
    {
      id: 'token',
      label: 'settings.connect.bluesky.password',
      placeholder: 'settings.connect.bluesky.passwordPlaceholder',
      help: 'settings.connect.bluesky.passwordHelp',
      required: 'settings.connect.bluesky.passwordRequired',
      secret: true,
      normalize: normalizeAppPassword,
      check: checkAppPassword,
      testid: 'connect-token',
    },
    nameField('settings.connect.namePlaceholderProfile'),
    {
      id: 'baseUrl',
      label: 'settings.connect.bluesky.baseUrl',
      placeholder: 'settings.connect.bluesky.baseUrlPlaceholder',
      help: 'settings.connect.bluesky.baseUrlHelp',
      advanced: true,
      url: true,
      normalize: normalizeServerUrl,
      check: checkServerUrl,
      testid: 'connect-base-url',
    },
  ],
  help: {
    title: 'settings.connect.bluesky.helpTitle',
    steps: [
      { key: 'settings.connect.bluesky.helpStep1' },
      { key: 'settings.connect.bluesky.helpStep2' },
      { key: 'settings.connect.bluesky.helpStep3' },
    ],
    note: 'settings.connect.bluesky.helpNote',
  },
  request: (v) => ({ platform: 'bluesky', token: v.token, name: v.name, baseUrl: v.baseUrl, extra: { identifier: v.identifier } }),
}

// ---- Meta (Instagram, Facebook Page) ----------------------------------------------------------

/** A pasted Meta access token: no spaces inside, and long (Meta's tokens run to 150+ characters). */
export function checkMetaToken(token: string): string | null {
  return /^[A-Za-z0-9_\-.|%=]{40,}$/.test(token) ? null : 'connectors.meta.tokenFormat'
}

/** A Facebook Page id as people paste it: digits, or a Page link ending in "-<digits>" or "?id=<digits>". */
export function normalizePageId(raw: string): string {
  const s = raw.trim()
  const fromLink = /(?:[?&]id=|-)(\d{5,})\/?$/.exec(s)
  return fromLink ? fromLink[1]! : s
}

export function checkPageId(id: string): string | null {
  return /^\d{5,25}$/.test(id) ? null : 'connectors.facebook.pageIdInvalid'
}

/** Scopes the Instagram token needs (Instagram API with Instagram Login). */
export const INSTAGRAM_SCOPES = ['instagram_business_basic', 'instagram_business_manage_messages', 'instagram_business_manage_comments']
/** Permissions the Facebook Page token needs. */
export const FACEBOOK_SCOPES = ['pages_messaging', 'pages_read_engagement', 'pages_manage_engagement', 'pages_read_user_content', 'pages_manage_metadata']

const metaBaseUrl: ConnectField = {
  id: 'baseUrl',
  label: 'connectors.meta.baseUrl',
  placeholder: 'connectors.meta.baseUrlPlaceholder',
  help: 'connectors.meta.baseUrlHelp',
  advanced: true,
  url: true,
  normalize: normalizeServerUrl,
  check: checkServerUrl,
  testid: 'connect-base-url',
}

export const instagram: ConnectPlatform = {
  id: 'instagram',
  tagline: 'connectors.instagram.tagline',
  fields: [
    {
      id: 'token',
      label: 'connectors.instagram.token',
      placeholder: 'connectors.instagram.tokenPlaceholder',
      help: 'connectors.instagram.tokenHelp',
      required: 'connectors.meta.tokenRequired',
      secret: true,
      normalize: trim,
      check: checkMetaToken,
      testid: 'connect-token',
    },
    nameField('settings.connect.namePlaceholderProfile'),
    metaBaseUrl,
  ],
  help: {
    title: 'connectors.instagram.helpTitle',
    steps: [
      { key: 'connectors.instagram.helpStep1' },
      { key: 'connectors.instagram.helpStep2' },
      { key: 'connectors.instagram.helpStep3', code: INSTAGRAM_SCOPES },
      { key: 'connectors.instagram.helpStep4' },
    ],
    note: 'connectors.meta.helpNote',
  },
  request: (v) => ({ platform: 'instagram', token: v.token, name: v.name, baseUrl: v.baseUrl, extra: {} }),
}

export const facebook: ConnectPlatform = {
  id: 'facebook',
  tagline: 'connectors.facebook.tagline',
  fields: [
    {
      id: 'pageId',
      label: 'connectors.facebook.pageId',
      placeholder: 'connectors.facebook.pageIdPlaceholder',
      help: 'connectors.facebook.pageIdHelp',
      required: 'connectors.facebook.pageIdRequired',
      normalize: normalizePageId,
      check: checkPageId,
      testid: 'connect-page-id',
    },
    {
      id: 'token',
      label: 'connectors.facebook.token',
      placeholder: 'connectors.facebook.tokenPlaceholder',
      help: 'connectors.facebook.tokenHelp',
      required: 'connectors.meta.tokenRequired',
      secret: true,
      normalize: trim,
      check: checkMetaToken,
      testid: 'connect-token',
    },
    nameField('connectors.facebook.namePlaceholder'),
    metaBaseUrl,
  ],
  help: {
    title: 'connectors.facebook.helpTitle',
    steps: [
      { key: 'connectors.facebook.helpStep1' },
      { key: 'connectors.facebook.helpStep2', code: FACEBOOK_SCOPES },
      { key: 'connectors.facebook.helpStep3' },
      { key: 'connectors.facebook.helpStep4' },
    ],
    note: 'connectors.meta.helpNote',
  },
  request: (v) => ({ platform: 'facebook', token: v.token, name: v.name, baseUrl: v.baseUrl, extra: { page_id: v.pageId } }),
}

// ---- Shopify (orders and discount codes for campaigns; no messages) --------------------------

/**
 * A shop address as people type or paste it: "glaze-co" or "glaze-co.myshopify.com" or an admin
 * link "https://admin.shopify.com/store/glaze-co" → "https://glaze-co.myshopify.com". A custom
 * domain or a loopback test server is kept as an https (or local http) base URL.
 */
export function normalizeShopUrl(raw: string): string {
  const s = raw.trim()
  if (s === '') return ''
  const admin = /^(?:https?:\/\/)?admin\.shopify\.com\/store\/([a-z0-9][a-z0-9-]*)/i.exec(s)
  if (admin) return `https://${admin[1]!.toLowerCase()}.myshopify.com`
  if (/^[a-z0-9][a-z0-9-]*$/i.test(s)) return `https://${s.toLowerCase()}.myshopify.com`
  const url = normalizeServerUrl(s)
  try {
    const u = new URL(url)
    if (u.hostname.endsWith('.myshopify.com')) return `https://${u.hostname.toLowerCase()}`
  } catch {
    return url
  }
  return url
}

/** An Admin API access token or app client secret: long, one line, no spaces (as the Go side checks). */
export function checkShopToken(token: string): string | null {
  return token.length >= 20 && token.length <= 512 && !/\s/.test(token) ? null : 'connectors.shopify.tokenFormat'
}

/** Admin API access scopes CreatorDesk needs: orders, and discount codes. */
export const SHOPIFY_SCOPES = ['read_orders', 'read_discounts', 'write_discounts']

export const shopify: ConnectPlatform = {
  id: 'shopify',
  tagline: 'connectors.shopify.tagline',
  fields: [
    {
      id: 'baseUrl',
      label: 'connectors.shopify.shop',
      placeholder: 'connectors.shopify.shopPlaceholder',
      help: 'connectors.shopify.shopHelp',
      required: 'connectors.shopify.shopRequired',
      url: true,
      normalize: normalizeShopUrl,
      check: checkServerUrl,
      testid: 'connect-base-url',
    },
    {
      id: 'token',
      label: 'connectors.shopify.token',
      placeholder: 'connectors.shopify.tokenPlaceholder',
      help: 'connectors.shopify.tokenHelp',
      required: 'connectors.shopify.tokenRequired',
      secret: true,
      normalize: trim,
      check: checkShopToken,
      testid: 'connect-token',
    },
    nameField('connectors.shopify.namePlaceholder'),
    {
      id: 'identifier',
      label: 'connectors.shopify.clientId',
      help: 'connectors.shopify.clientIdHelp',
      advanced: true,
      normalize: trim,
      testid: 'connect-identifier',
    },
  ],
  help: {
    title: 'connectors.shopify.helpTitle',
    steps: [
      { key: 'connectors.shopify.helpStep1' },
      { key: 'connectors.shopify.helpStep2', code: SHOPIFY_SCOPES },
      { key: 'connectors.shopify.helpStep3' },
    ],
    note: 'connectors.shopify.helpNote',
  },
  request: (v) => ({
    platform: 'shopify',
    token: v.token,
    name: v.name,
    baseUrl: v.baseUrl,
    extra: v.identifier ? { client_id: v.identifier } : ({} as Record<string, string>),
  }),
}

// ---- WhatsApp Cloud API (send and templates; no inbound polling) and TikTok (Business comments) ----

/** A Graph id as Meta shows it (phone number id, WhatsApp Business Account id): digits only. */
export function checkGraphId(id: string): string | null {
  return /^\d{5,30}$/.test(id) ? null : 'connectors2.whatsapp.idInvalid'
}

/** Permissions the WhatsApp system-user token needs. */
export const WHATSAPP_SCOPES = ['whatsapp_business_messaging', 'whatsapp_business_management']

export const whatsapp: ConnectPlatform = {
  id: 'whatsapp',
  tagline: 'connectors2.whatsapp.tagline',
  fields: [
    {
      id: 'identifier',
      label: 'connectors2.whatsapp.phoneNumberId',
      placeholder: 'connectors2.whatsapp.phoneNumberIdPlaceholder',
      help: 'connectors2.whatsapp.phoneNumberIdHelp',
      required: 'connectors2.whatsapp.phoneNumberIdRequired',
      normalize: trim,
      check: checkGraphId,
      testid: 'connect-identifier',
    },
    {
      id: 'token',
      label: 'connectors2.whatsapp.token',
      placeholder: 'connectors2.whatsapp.tokenPlaceholder',
      help: 'connectors2.whatsapp.tokenHelp',
      required: 'connectors.meta.tokenRequired',
      secret: true,
      normalize: trim,
      check: checkMetaToken,
      testid: 'connect-token',
    },
    {
      id: 'pageId',
      label: 'connectors2.whatsapp.wabaId',
      placeholder: 'connectors2.whatsapp.wabaIdPlaceholder',
      help: 'connectors2.whatsapp.wabaIdHelp',
      normalize: trim,
      check: checkGraphId,
      testid: 'connect-waba-id',
    },
    nameField('connectors2.whatsapp.namePlaceholder'),
    metaBaseUrl,
  ],
  help: {
    title: 'connectors2.whatsapp.helpTitle',
    steps: [
      { key: 'connectors2.whatsapp.helpStep1' },
      { key: 'connectors2.whatsapp.helpStep2', code: WHATSAPP_SCOPES },
      { key: 'connectors2.whatsapp.helpStep3' },
      { key: 'connectors2.whatsapp.helpStep4' },
    ],
    note: 'connectors2.whatsapp.helpNote',
  },
  request: (v) => ({
    platform: 'whatsapp',
    token: v.token,
    name: v.name,
    baseUrl: v.baseUrl,
    extra: v.pageId ? { phone_number_id: v.identifier, waba_id: v.pageId } : ({ phone_number_id: v.identifier } as Record<string, string>),
  }),
}

/** A TikTok token (access or refresh): one line, no spaces or quotes (as the Go side checks). */
export function checkTikTokToken(token: string): string | null {
  return token.length >= 16 && token.length <= 2048 && !/[\s"]/.test(token) ? null : 'connectors2.tiktok.tokenFormat'
}

/** A TikTok business id (the open_id TikTok returns with the token). */
export function checkTikTokBusinessId(id: string): string | null {
  return /^[A-Za-z0-9_.-]{1,128}$/.test(id) ? null : 'connectors2.tiktok.businessIdInvalid'
}

/** Scopes the TikTok app needs for comments. */
export const TIKTOK_SCOPES = ['user.info.basic', 'video.list', 'comment.list', 'comment.list.manage']

/** What the keyring keeps for TikTok: the access token, or both tokens as JSON so it can be renewed. */
export function tiktokToken(access: string, refresh: string): string {
  return refresh ? JSON.stringify({ access_token: access, refresh_token: refresh }) : access
}

export const tiktok: ConnectPlatform = {
  id: 'tiktok',
  tagline: 'connectors2.tiktok.tagline',
  fields: [
    {
      id: 'identifier',
      label: 'connectors2.tiktok.businessId',
      placeholder: 'connectors2.tiktok.businessIdPlaceholder',
      help: 'connectors2.tiktok.businessIdHelp',
      required: 'connectors2.tiktok.businessIdRequired',
      normalize: trim,
      check: checkTikTokBusinessId,
      testid: 'connect-identifier',
    },
    {
      id: 'token',
      label: 'connectors2.tiktok.token',
      placeholder: 'connectors2.tiktok.tokenPlaceholder',
      help: 'connectors2.tiktok.tokenHelp',
      required: 'connectors2.tiktok.tokenRequired',
      secret: true,
      normalize: trim,
      check: checkTikTokToken,
      testid: 'connect-token',
    },
    {
      id: 'pageId',
      label: 'connectors2.tiktok.refreshToken',
      placeholder: 'connectors2.tiktok.refreshTokenPlaceholder',
      help: 'connectors2.tiktok.refreshTokenHelp',
      secret: true,
      normalize: trim,
      check: checkTikTokToken,
      testid: 'connect-refresh-token',
    },
    nameField('settings.connect.namePlaceholderProfile'),
    {
      id: 'baseUrl',
      label: 'connectors2.tiktok.baseUrl',
      placeholder: 'connectors2.tiktok.baseUrlPlaceholder',
      help: 'connectors2.tiktok.baseUrlHelp',
      advanced: true,
      url: true,
      normalize: normalizeServerUrl,
      check: checkServerUrl,
      testid: 'connect-base-url',
    },
  ],
  help: {
    title: 'connectors2.tiktok.helpTitle',
    steps: [
      { key: 'connectors2.tiktok.helpStep1' },
      { key: 'connectors2.tiktok.helpStep2', code: TIKTOK_SCOPES },
      { key: 'connectors2.tiktok.helpStep3' },
      { key: 'connectors2.tiktok.helpStep4' },
    ],
    note: 'connectors2.tiktok.helpNote',
  },
  request: (v) => ({
    platform: 'tiktok',
    token: tiktokToken(v.token, v.pageId),
    name: v.name,
    baseUrl: v.baseUrl,
    extra: { business_id: v.identifier },
  }),
}

// ---- YouTube (comments on the channel's videos; signs in through the browser) ------------------

/** The Google scope the YouTube connector asks for (manage the channel's comments). */
export const YOUTUBE_SCOPE = 'https://www.googleapis.com/auth/youtube.force-ssl'

/** A Google OAuth client id: one word; Google's end in .apps.googleusercontent.com. */
export function checkGoogleClientId(id: string): string | null {
  return /^[A-Za-z0-9._-]{3,200}$/.test(id) ? null : 'oauth.youtube.clientIdInvalid'
}

/**
 * YouTube connects through the browser with the person's own Google Cloud OAuth client: these
 * fields are what components/connect/oauth/OAuthConnect.vue asks for (client id, client secret,
 * name; the API address under Advanced). `request` is the Accounts.Connect shape of the same
 * values for completeness; the OAuth component sends OAuth.Start instead (no token is pasted).
 */
export const youtube: ConnectPlatform = {
  id: 'youtube',
  tagline: 'oauth.youtube.tagline',
  fields: [
    {
      id: 'identifier',
      label: 'oauth.youtube.clientId',
      placeholder: 'oauth.youtube.clientIdPlaceholder',
      help: 'oauth.youtube.clientIdHelp',
      required: 'oauth.youtube.clientIdRequired',
      normalize: trim,
      check: checkGoogleClientId,
      testid: 'connect-client-id',
    },
    {
      id: 'token',
      label: 'oauth.youtube.clientSecret',
      placeholder: 'oauth.youtube.clientSecretPlaceholder',
      help: 'oauth.youtube.clientSecretHelp',
      required: 'oauth.youtube.clientSecretRequired',
      secret: true,
      normalize: trim,
      testid: 'connect-client-secret',
    },
    nameField('oauth.youtube.namePlaceholder'),
    {
      id: 'baseUrl',
      label: 'oauth.youtube.baseUrl',
      placeholder: 'oauth.youtube.baseUrlPlaceholder',
      help: 'oauth.youtube.baseUrlHelp',
      advanced: true,
      url: true,
      normalize: normalizeServerUrl,
      check: checkServerUrl,
      testid: 'connect-base-url',
    },
  ],
  help: {
    title: 'oauth.youtube.helpTitle',
    steps: [
      { key: 'oauth.youtube.helpStep1' },
      { key: 'oauth.youtube.helpStep2', code: ['YouTube Data API v3'] },
      { key: 'oauth.youtube.helpStep3', code: [YOUTUBE_SCOPE] },
      { key: 'oauth.youtube.helpStep4' },
      { key: 'oauth.youtube.helpStep5' },
    ],
    note: 'oauth.youtube.helpNote',
  },
  request: (v) => ({ platform: 'youtube', token: '', name: v.name, baseUrl: v.baseUrl, extra: { clientId: v.identifier } }),
}

/** The platforms that can be connected, in the picker's order. */
export const CONNECT_PLATFORMS: readonly ConnectPlatform[] = [telegram, mastodon, bluesky, instagram, facebook, shopify, whatsapp, tiktok, youtube]

export function connectPlatform(id: string): ConnectPlatform {
  return CONNECT_PLATFORMS.find((p) => p.id === id) ?? telegram
}

/** Cleans every field's value; missing fields are "". */
export function cleanValues(platform: ConnectPlatform, raw: Partial<ConnectValues>): ConnectValues {
  const out: ConnectValues = { token: '', identifier: '', name: '', baseUrl: '', pageId: '' }
  for (const f of platform.fields) {
    const v = raw[f.id] ?? ''
    out[f.id] = f.normalize ? f.normalize(v) : v
  }
  return out
}

/** The i18n key of each field's problem (empty when required, or its check), for cleaned values. */
export function validate(platform: ConnectPlatform, values: ConnectValues): Partial<Record<ConnectFieldId, string>> {
  const problems: Partial<Record<ConnectFieldId, string>> = {}
  for (const f of platform.fields) {
    const v = values[f.id]
    if (v === '') {
      if (f.required) problems[f.id] = f.required
      continue
    }
    const p = f.check?.(v)
    if (p) problems[f.id] = p
  }
  return problems
}
