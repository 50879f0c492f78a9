// TikTok: a Business account's video comments (personal accounts and DMs have no API).
import type { ConnectPlatform } from './common'
import { checkServerUrl, nameField, normalizeServerUrl, trim } from './common'

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
