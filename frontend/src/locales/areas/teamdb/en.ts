// English strings of the team database (issue 9): Settings → Team database, the live link, the
// "cannot be reached" screen, and conflicts when two members change the same conversation.
// Keys are unique across areas (src/locales/index.ts checks).

/** Why a connection failed; the same words serve the test and the start-up screen. */
const reasons = {
  unreachable:
    'Nothing answers at this server and port. Check the address and the port, and that the server accepts connections from this computer.',
  wrong_password: 'The server refused this user name and password.',
  auth_rejected: 'The server does not let this user connect from this computer. Check its access rules (pg_hba.conf).',
  database_missing: 'There is no database with this name on the server.',
  tls_refused: 'The server does not offer encryption (TLS). Ask your provider to turn it on, or choose “Off” on a trusted local network only.',
  tls_verify: 'The server’s certificate could not be verified. Check the CA certificate file and the server name.',
  tls_required: 'The server only accepts encrypted connections. Turn encryption on.',
  ca_file: 'The CA certificate file could not be read. Check the path.',
  timeout: 'The server did not answer in time. Check the address, or try again in a moment.',
  unknown: 'Could not connect: {detail}',
}

const byWhom = {
  assignee: '{by} already assigned this conversation to {assignee}. The row now shows the latest.',
  self: '{by} already took this conversation. The row now shows the latest.',
  unassigned: '{by} already unassigned this conversation. The row now shows the latest.',
  open: '{by} already reopened this conversation. The row now shows the latest.',
  pending: '{by} already set this conversation to pending. The row now shows the latest.',
  resolved: '{by} already resolved this conversation. The row now shows the latest.',
  snoozed: '{by} already snoozed this conversation. The row now shows the latest.',
}

const en = {
  settings: { sections: { teamdb: 'Team database' } },
  teamdb: {
    title: 'Team database',
    intro:
      'Work on one shared inbox from two computers. Connecting opens a PostgreSQL database your team shares; your local workspace on this computer stays as it is.',
    status: {
      solo: 'This computer uses its local workspace.',
      team: 'Connected to {name}.',
      live: 'Live: what teammates do appears here within a second.',
      connecting: 'Starting live updates…',
      reconnecting: 'The connection dropped. Reconnecting… The inbox catches up as soon as it is back.',
      others: 'Also working now: {names}',
      nobodyElse: 'Nobody else is working right now.',
      memberOn: '{member} on {machine}',
      someoneOn: 'a teammate on {machine}',
    },
    form: {
      host: 'Server',
      hostPlaceholder: 'db.example.com',
      port: 'Port',
      database: 'Database',
      user: 'User name',
      password: 'Password',
      passwordHelp: 'Kept in this computer’s keyring, never in a file.',
      passwordSaved: 'A password is saved in the keyring. Leave this empty to keep it.',
      sslMode: 'Encryption (TLS)',
      sslModes: {
        disable: 'Off (trusted local network only)',
        require: 'On',
        'verify-ca': 'On, and check the certificate authority',
        'verify-full': 'On, and check the certificate and server name',
      },
      caFile: 'CA certificate file',
      caFilePlaceholder: '/path/to/ca.pem',
      caHelp: 'Only needed when your provider gives you its own certificate authority.',
      schema: 'Schema (optional)',
      label: 'Name (optional)',
      labelPlaceholder: 'Studio team',
      required: 'Required.',
      badPort: 'Use a port between 1 and 65535.',
      caNeedsTLS: 'A CA certificate needs encryption turned on.',
    },
    actions: {
      test: 'Test connection',
      connect: 'Connect',
      disconnect: 'Disconnect',
      retry: 'Retry',
      workLocally: 'Work locally (disconnect)',
    },
    test: {
      ok: 'It works: PostgreSQL {version}, encryption {tls}.',
      tlsOn: 'on',
      tlsOff: 'off',
    },
    connected: 'This computer now works on the team database.',
    disconnected: 'Back to the local workspace on this computer.',
    confirmDisconnect: {
      title: 'Disconnect from the team database?',
      body: 'This computer goes back to its local workspace. The team database stays as it is for your teammates.',
      ok: 'Disconnect',
      cancel: 'Cancel',
    },
    unavailable: {
      title: 'The team database cannot be reached',
      body: 'CreatorDesk did not open your local workspace instead, so nothing gets mixed up. Try again, or work locally on this computer.',
      server: 'Team database: {name}',
    },
    link: {
      reconnecting: 'Reconnecting to the team database…',
    },
    conflicts: {
      some: '{n} conversation changed meanwhile and was left as it is. | {n} conversations changed meanwhile and were left as they are.',
    },
  },
  errors: {
    teamdb: {
      demo: 'The demo cannot use a team database. Open your own workspace first.',
      backup: 'A team database is backed up on its server (for example with pg_dump), not by CreatorDesk. Local workspaces are backed up in the data folder.',
      config: {
        host: 'Enter the server’s name or address.',
        port: 'Use a port between 1 and 65535.',
        database: 'Enter the database name.',
        user: 'Enter the user name.',
        sslMode: 'Choose how the connection is encrypted.',
        sslRootCert: 'A CA certificate needs encryption turned on.',
        schema: 'A schema name uses only letters, digits and underscores.',
      },
      probe: reasons,
      open: reasons,
      conflict: {
        status: 'Someone changed the status of this conversation meanwhile. The row now shows the latest.',
        assignee: 'Someone changed who this conversation is assigned to meanwhile. The row now shows the latest.',
      },
      conflictBy: byWhom,
      conflictAnon: {
        assignee: 'This conversation was assigned to {assignee} meanwhile. The row now shows the latest.',
        self: 'This conversation was assigned to {assignee} meanwhile. The row now shows the latest.',
        unassigned: 'This conversation was unassigned meanwhile. The row now shows the latest.',
        open: 'This conversation was reopened meanwhile. The row now shows the latest.',
        pending: 'This conversation was set to pending meanwhile. The row now shows the latest.',
        resolved: 'This conversation was resolved meanwhile. The row now shows the latest.',
        snoozed: 'This conversation was snoozed meanwhile. The row now shows the latest.',
      },
    },
  },
}

export default en
