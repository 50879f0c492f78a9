// English strings of the copy into a team database (Settings → Team database).
// Top-level keys here must be unique across areas (src/locales/index.ts checks).
const en = {
  teamcopy: {
    title: 'Copy this computer’s workspace to the team database',
    demo: 'The demo workspace cannot be copied. Open your own workspace to use a team database.',
    notConfigured: 'No team database is set up for this workspace yet. Connect one above, then come back here to copy your conversations into it.',
    noLocal: 'There is no workspace on this computer to copy.',
    explain: {
      what: 'Everything in the workspace on this computer (accounts, conversations, contacts, notes, templates, campaigns and settings) is copied into the team database, so your teammate sees it too.',
      oneWay: 'It is a one-way copy: the workspace on this computer is only read and stays exactly as it is.',
      resume: 'You can stop at any time; starting again continues where it stopped. Copying a second time changes nothing.',
      check: 'At the end, every table is counted and compared on both sides.',
    },
    start: 'Copy to the team database',
    continue: 'Continue the copy',
    cancel: 'Stop',
    cancelled: 'The copy stopped. Start it again to continue where it left off.',
    progress: {
      starting: 'Getting ready…',
      copy: 'Copying {table}: {done} of {total} rows',
      verify: 'Checking {table}: table {done} of {total}',
    },
    result: {
      done: 'Copied {rows} rows. All {tables} tables match on both sides.',
      resumed: 'The copy is complete ({rows} rows in this last part). All {tables} tables match on both sides.',
      already: 'This workspace was already copied. All {tables} tables still match.',
      mismatch: '{differing} of {tables} tables differ between this computer and the team database. They are listed first below.',
      when: 'Finished {time}',
    },
    table: {
      show: 'Show all {count} tables',
      name: 'Table',
      local: 'On this computer',
      team: 'In the team database',
      check: 'Check',
      match: 'Matches',
      mismatch: 'Differs',
    },
  },
  errors: {
    teamcopy: {
      versionMismatch: 'This computer’s workspace (version {source}) and the team database (version {target}) come from different CreatorDesk versions. Update CreatorDesk on every computer, then try again.',
      foreignWorkspace: 'The team database already holds another workspace’s conversations, so nothing was copied. Use an empty team database for this workspace.',
      mismatch: 'After copying, these tables differ between this computer and the team database: {tables}. If someone worked in the team database meanwhile, that explains it; otherwise try the copy again.',
      noWorkspaceId: 'The workspace on this computer has no identity yet. Open it once in CreatorDesk, then try again.',
      noLocalWorkspace: 'There is no workspace on this computer to copy.',
      noTeamDatabase: 'No team database is set up for this workspace. Connect one first.',
      demo: 'The demo workspace cannot be copied into a team database.',
    },
  },
}

export default en
