// English strings of platform connectors added after the walking skeleton (Meta, WhatsApp, Shopify...).
// Top-level keys here must be unique across areas (src/locales/index.ts checks).
const en = {
  connectors: {
    meta: {
      tokenRequired: 'Paste the access token.',
      tokenFormat: 'This does not look like a Meta access token: it is one long line of letters and digits, with no spaces.',
      baseUrl: 'API address',
      baseUrlPlaceholder: 'https://graph.facebook.com',
      baseUrlHelp: 'Leave empty to use Meta. Only change it for a test server.',
      helpNote:
        'Meta only lets an app read messages of accounts that gave it permission. If your app is still in development mode, add yourself as a tester or admin of the app first.',
    },
    instagram: {
      tagline: 'DMs and comments of a professional account',
      token: 'Instagram access token',
      tokenPlaceholder: 'IGAA… or IGQV…',
      tokenHelp: 'A long-lived token. CreatorDesk renews it before it runs out.',
      helpTitle: 'Where to find your Instagram token',
      helpStep1: 'Make sure your Instagram account is a Business or Creator account (Instagram app → Settings → Account type and tools).',
      helpStep2: 'Open developers.facebook.com, open your app (or create one of type “Business”) and add the product “Instagram” → “API setup with Instagram login”.',
      helpStep3: 'Under “Generate access tokens”, add your Instagram account and allow these permissions:',
      helpStep4: 'Click “Generate token”, copy the whole token and paste it here.',
    },
    facebook: {
      tagline: 'Messenger and comments of a Facebook Page',
      pageId: 'Page ID',
      pageIdPlaceholder: '104000000000001',
      pageIdHelp: 'On your Page: About → Page transparency shows the Page ID. A link to the Page works too.',
      pageIdRequired: 'Enter the ID of your Facebook Page.',
      pageIdInvalid: 'A Page ID is a number of at least five digits.',
      token: 'Page access token',
      tokenPlaceholder: 'EAA…',
      tokenHelp: 'The token of the Page itself, not your personal one.',
      namePlaceholder: 'Your Page’s name',
      helpTitle: 'Where to find your Page access token',
      helpStep1: 'Open the Graph API Explorer on developers.facebook.com and choose your app.',
      helpStep2: 'Under “User or Page”, pick your Page and tick these permissions:',
      helpStep3: 'Click “Generate Access Token” and confirm in the window that opens.',
      helpStep4: 'For a token that does not run out, open the Access Token Debugger, extend it, and copy the Page token again. Paste it here.',
    },
    health: {
      neverExpires: 'Token does not expire',
      renewsAutomatically: 'Token is renewed automatically',
      expired: 'Token has expired',
      expiresIn: 'Token expires tomorrow | Token expires in {n} days',
      expiresInRenews: 'Token renews automatically, expires tomorrow | Token renews automatically, expires in {n} days',
    },
    reconnect: {
      banner: '{platform} stopped accepting this account’s token, so nothing new arrives. Reconnect to pick up where it stopped.',
      action: 'Reconnect',
      token: 'New access token',
      tokenRequired: 'Paste the new token.',
      help: 'Your conversations stay; syncing resumes where it stopped.',
      submit: 'Reconnect',
      done: '{name} is connected again.',
    },
  },
  errors: {
    connectors: {
      otherAccount: 'This token belongs to a different account. Paste a token for the account you are reconnecting.',
      appCredentials: 'Enter both the app ID and the app secret.',
    },
  },
}

export default en
