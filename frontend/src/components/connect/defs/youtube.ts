// YouTube: comments on the channel's videos; signs in through the browser (OAuth).
import type { ConnectPlatform } from './common'
import { checkServerUrl, nameField, normalizeServerUrl, trim } from './common'

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
