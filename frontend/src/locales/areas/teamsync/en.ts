// English strings of team sync (issue 9): who syncs a shared account, and what a member
// without the account's sign-in on this computer can do. Keys are unique across areas.
const en = {
  teamsync: {
    syncedBy: 'Synced by {holder}',
    takesOver: 'This computer takes over if that app stops.',
    signedInElsewhere: "Signed in on another member's computer",
  },
  health: {
    next: {
      leased: "Another team member's app is syncing this account; this computer takes over if it stops (checks {time})",
      token_elsewhere:
        "Signed in on another member's computer, so it syncs there. To sync or send from here, reconnect it on this computer.",
    },
  },
  errors: {
    teamdb: {
      no_token:
        "To send from {account} on this computer, reconnect it here: Settings → Accounts → Reconnect. Your teammate's sign-in stays as it is.",
    },
    teamsync: {
      leased: '{holder} is syncing this account right now. This computer leaves it to them and takes over if their app stops.',
    },
  },
}

export default en
