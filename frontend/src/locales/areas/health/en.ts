// English strings of the Account health view (Settings → Account health).
// Top-level keys here must be unique across areas (src/locales/index.ts checks).
const en = {
  settings: { sections: { health: 'Account health' } },
  health: {
    title: 'Account health',
    intro: 'How each connected account is syncing: when it last worked, what comes next, and anything you need to do.',
    empty: 'No accounts connected yet. Connect one under Accounts and its health shows here.',
    open: 'Account health',
    refresh: 'Refresh',
    loadFailed: 'Could not load the account health. Try Refresh.',
    facts: {
      lastSync: 'Last successful sync',
      never: 'Not yet',
      nextRun: 'Next check',
      items: 'Items synced',
      token: 'Token',
      limits: 'Platform limits',
    },
    next: {
      archive: 'An imported archive: nothing to sync',
      notRunning: 'Not syncing in this window',
      listening: 'Listening: new messages arrive right away',
      now: 'Checking now',
      soon: 'Checks again in a few seconds',
      idle: 'Nothing new; checks again {time}',
      pacing: 'Spacing out checks to stay within the limit; next {time}',
      rate_limited: 'The platform asked for a pause; resumes {time}',
      backoff: 'Trying again {time}',
    },
    headroom: {
      quota: 'Daily quota',
      rate: 'Rate limit',
      used: '{used} of {limit} used',
      percentUsed: '{pct}% used',
      resets: 'Starts afresh {time}',
      none: 'This platform has not reported any limits for this account.',
    },
    items: {
      value: '{total} in total · {day} in the last 24 hours',
    },
    error: {
      title: 'Last problem',
      failures: 'Failed once since the last success | Failed {n} times in a row since the last success',
      at: 'Happened {time}',
    },
    advice: {
      reconnect: 'Reconnect this account: {platform} no longer accepts its token.',
      reconnect_soon: 'The token runs out {time}. Reconnect with a new token before then.',
      wait: 'Nothing to do: syncing resumes on its own {time}.',
      retrying: 'Nothing to do yet: CreatorDesk tries again on its own {time}.',
      check_address: 'The server keeps failing. Check that the server address is right and the server is up.',
      check_connection: 'The platform cannot be reached. Check your internet connection.',
      stop_other_client: 'Another app is reading this bot’s messages. Stop it, or give that app its own bot.',
      unlock_keyring: 'Your system keychain is locked. Unlock it so CreatorDesk can read the token.',
      check_keyring: 'CreatorDesk cannot reach your system keychain. Check that it is running.',
      free_disk: 'The disk is full. Free some space and syncing continues.',
      check_settings: 'The platform refuses the request as it is. Check this account’s settings and permissions.',
      sync_now: 'This account is not syncing right now. Use “Sync now” under Accounts.',
    },
    settings: {
      title: 'Settings',
      channel: 'Channel for posts',
      channelHelp: 'Scheduled posts go to this channel. Add the bot to the channel as an admin first. Leave empty for none.',
      save: 'Save',
      saved: 'Saved.',
    },
  },
}

export default en
