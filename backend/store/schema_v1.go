package store

import "creatordesk/backend/textsearch"

// step1InitialSchema is the walking skeleton's schema.
//
// Times are INTEGER Unix milliseconds (UTC): unambiguous, compact, index-friendly
// and identical on SQLite and PostgreSQL. Conversations carry denormalized list
// columns (last_message_at, snippet, unread_count) so the inbox list never touches
// the messages table. Platform items are unique per (account_id, external_id):
// re-syncs, crashes mid-sync and duplicated deliveries cannot create a second row.
var step1InitialSchema = migration{
	why: "initial schema: accounts, contacts, conversations, messages, tags, audit, settings, search",
	sql: []string{
		`CREATE TABLE accounts (
			id INTEGER PRIMARY KEY AUTOINCREMENT,
			platform TEXT NOT NULL,
			name TEXT NOT NULL,
			external_id TEXT NOT NULL DEFAULT '',
			handle TEXT NOT NULL DEFAULT '',
			base_url TEXT NOT NULL DEFAULT '',
			status TEXT NOT NULL DEFAULT 'connected',
			sync_cursor TEXT NOT NULL DEFAULT '',
			last_sync_at INTEGER NOT NULL DEFAULT 0,
			last_error_kind TEXT NOT NULL DEFAULT '',
			last_error TEXT NOT NULL DEFAULT '',
			items_synced INTEGER NOT NULL DEFAULT 0,
			created_at INTEGER NOT NULL,
			updated_at INTEGER NOT NULL
		)`,
		`CREATE UNIQUE INDEX ux_accounts_identity ON accounts(platform, base_url, external_id)`,
		`CREATE TABLE contacts (
			id INTEGER PRIMARY KEY AUTOINCREMENT,
			display_name TEXT NOT NULL DEFAULT '',
			first_name TEXT NOT NULL DEFAULT '',
			language TEXT NOT NULL DEFAULT '',
			notes TEXT NOT NULL DEFAULT '',
			created_at INTEGER NOT NULL,
			updated_at INTEGER NOT NULL
		)`,
		`CREATE TABLE contact_identities (
			id INTEGER PRIMARY KEY AUTOINCREMENT,
			contact_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
			account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
			external_id TEXT NOT NULL,
			handle TEXT NOT NULL DEFAULT '',
			display_name TEXT NOT NULL DEFAULT '',
			is_bot INTEGER NOT NULL DEFAULT 0,
			UNIQUE(account_id, external_id)
		)`,
		`CREATE INDEX ix_contact_identities_contact ON contact_identities(contact_id)`,
		`CREATE TABLE conversations (
			id INTEGER PRIMARY KEY AUTOINCREMENT,
			account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
			external_id TEXT NOT NULL,
			kind TEXT NOT NULL DEFAULT 'dm',
			title TEXT NOT NULL DEFAULT '',
			contact_id INTEGER REFERENCES contacts(id) ON DELETE SET NULL,
			snippet TEXT NOT NULL DEFAULT '',
			last_message_at INTEGER NOT NULL DEFAULT 0,
			last_inbound_at INTEGER NOT NULL DEFAULT 0,
			unread_count INTEGER NOT NULL DEFAULT 0,
			message_count INTEGER NOT NULL DEFAULT 0,
			status TEXT NOT NULL DEFAULT 'open',
			assignee TEXT NOT NULL DEFAULT '',
			language TEXT NOT NULL DEFAULT '',
			created_at INTEGER NOT NULL,
			updated_at INTEGER NOT NULL,
			UNIQUE(account_id, external_id)
		)`,
		`CREATE INDEX ix_conversations_recent ON conversations(last_message_at DESC, id DESC)`,
		`CREATE INDEX ix_conversations_status_recent ON conversations(status, last_message_at DESC, id DESC)`,
		`CREATE INDEX ix_conversations_account_recent ON conversations(account_id, last_message_at DESC, id DESC)`,
		`CREATE TABLE messages (
			id INTEGER PRIMARY KEY AUTOINCREMENT,
			conversation_id INTEGER NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
			account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
			external_id TEXT NOT NULL,
			direction TEXT NOT NULL,
			author_identity_id INTEGER REFERENCES contact_identities(id) ON DELETE SET NULL,
			author_name TEXT NOT NULL DEFAULT '',
			text TEXT NOT NULL DEFAULT '',
			sent_at INTEGER NOT NULL,
			edited_at INTEGER NOT NULL DEFAULT 0,
			deleted INTEGER NOT NULL DEFAULT 0,
			state TEXT NOT NULL DEFAULT 'received',
			error_kind TEXT NOT NULL DEFAULT '',
			error_detail TEXT NOT NULL DEFAULT '',
			reply_to_external_id TEXT NOT NULL DEFAULT '',
			attachments TEXT NOT NULL DEFAULT '',
			created_at INTEGER NOT NULL,
			UNIQUE(account_id, external_id)
		)`,
		`CREATE INDEX ix_messages_conversation ON messages(conversation_id, sent_at, id)`,
		`CREATE TABLE tags (
			id INTEGER PRIMARY KEY AUTOINCREMENT,
			name TEXT NOT NULL UNIQUE,
			color TEXT NOT NULL DEFAULT '',
			builtin INTEGER NOT NULL DEFAULT 0,
			created_at INTEGER NOT NULL
		)`,
		`CREATE TABLE conversation_tags (
			conversation_id INTEGER NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
			tag_id INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
			created_at INTEGER NOT NULL,
			PRIMARY KEY (conversation_id, tag_id)
		)`,
		`CREATE INDEX ix_conversation_tags_tag ON conversation_tags(tag_id, conversation_id)`,
		`CREATE TABLE audit_events (
			id INTEGER PRIMARY KEY AUTOINCREMENT,
			at INTEGER NOT NULL,
			actor TEXT NOT NULL,
			action TEXT NOT NULL,
			target_type TEXT NOT NULL DEFAULT '',
			target_id TEXT NOT NULL DEFAULT '',
			reason TEXT NOT NULL DEFAULT '',
			before_json TEXT NOT NULL DEFAULT '',
			after_json TEXT NOT NULL DEFAULT '',
			prev_hash TEXT NOT NULL DEFAULT '',
			hash TEXT NOT NULL DEFAULT ''
		)`,
		`CREATE INDEX ix_audit_events_target ON audit_events(target_type, target_id, id)`,
		`CREATE TABLE settings (
			key TEXT PRIMARY KEY,
			value TEXT NOT NULL,
			updated_at INTEGER NOT NULL
		)`,
		`CREATE VIRTUAL TABLE message_search USING fts5(body, content='', contentless_delete=1, tokenize="` + textsearch.Tokenizer + `")`,
		`INSERT INTO tags(name, color, builtin, created_at) VALUES
			('sales', '#2f9e44', 1, 0), ('support', '#1971c2', 1, 0), ('spam', '#868e96', 1, 0), ('danger', '#e03131', 1, 0)`,
	},
}
