// Telegram, Mastodon and Bluesky: connected by pasting a token or an app password.
import type { ConnectPlatform } from './common'
import { MASTODON_SCOPES, checkAppPassword, checkHandle, checkServerUrl, nameField, normalizeAppPassword, normalizeHandle, normalizeServerUrl, trim } from './common'

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
