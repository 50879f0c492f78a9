// Meta's platforms: Instagram and a Facebook Page (DMs and comments), and WhatsApp Cloud API
// (sending only: its inbound messages arrive by webhook, which a desktop app cannot receive).
import type { ConnectField, ConnectPlatform } from './common'
import { checkServerUrl, nameField, normalizeServerUrl, trim } from './common'

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
