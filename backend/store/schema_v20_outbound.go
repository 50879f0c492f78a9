package store

// step20Outbound records what an outgoing message carries beyond its text,
// so a crash or a retry never loses it:
//
// outgoing_attachments are the files sent with a message. The bytes live in
// the data folder (attachments/<sha256>, readable by the user only); the row
// names the copy and what the platform did with it (external_id once sent).
//
// outgoing_templates are the approved WhatsApp templates a message was sent
// as (the message's text is the rendered body): name, language and the
// {{n}} parameters, so a retry sends the same template again.
var step20Outbound = migration{
	why: "outbound: attachments and WhatsApp templates of outgoing messages",
	sql: []string{
		`CREATE TABLE outgoing_attachments (
			id INTEGER PRIMARY KEY AUTOINCREMENT,
			message_id INTEGER NOT NULL REFERENCES messages(id) ON DELETE CASCADE,
			position INTEGER NOT NULL DEFAULT 0,
			sha256 TEXT NOT NULL,
			name TEXT NOT NULL,
			mime_type TEXT NOT NULL,
			kind TEXT NOT NULL,
			size INTEGER NOT NULL,
			external_id TEXT NOT NULL DEFAULT '',
			created_at INTEGER NOT NULL
		)`,
		`CREATE INDEX outgoing_attachments_message ON outgoing_attachments(message_id, position)`,
		`CREATE INDEX outgoing_attachments_sha ON outgoing_attachments(sha256)`,
		`CREATE TABLE outgoing_templates (
			message_id INTEGER PRIMARY KEY REFERENCES messages(id) ON DELETE CASCADE,
			name TEXT NOT NULL,
			language TEXT NOT NULL,
			category TEXT NOT NULL DEFAULT '',
			params_json TEXT NOT NULL DEFAULT '[]',
			created_at INTEGER NOT NULL
		)`,
	},
}
