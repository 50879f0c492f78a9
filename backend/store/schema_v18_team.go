package store

// step18Team is the schema of team mode (a workspace shared by several app
// instances, on PostgreSQL).
//
// sync_leases says which app instance syncs an account: one row per account,
// held by holder until expires_at (Unix ms). An instance takes a free or expired
// lease, renews its own, and releases it when it stops; when it disappears
// another instance takes over once the lease has expired. generation grows by
// one each time the lease changes hands, so a holder can tell that it lost the
// lease in between (a fencing token).
//
// On PostgreSQL, triggers announce what other instances must show at once
// (LISTEN/NOTIFY, read by backend/teamdb): a stored message (new, or a reply)
// and a change of a conversation's status or assignee. The channel is
// "cd_<schema>", so workspaces in other schemas of the same database stay
// apart; PostgreSQL delivers at commit and folds identical payloads of one
// transaction, so a synced page announces each conversation once.
var step18Team = migration{
	why: "team mode: sync leases (one app instance syncs an account at a time)",
	sql: []string{
		`CREATE TABLE sync_leases (
			account_id INTEGER PRIMARY KEY REFERENCES accounts(id) ON DELETE CASCADE,
			holder TEXT NOT NULL,
			generation INTEGER NOT NULL DEFAULT 1,
			acquired_at INTEGER NOT NULL,
			renewed_at INTEGER NOT NULL,
			expires_at INTEGER NOT NULL
		)`,
	},
	pg: []string{
		`CREATE OR REPLACE FUNCTION cd_notify_message() RETURNS trigger LANGUAGE plpgsql AS $fn$
		BEGIN
			PERFORM pg_notify('cd_' || current_schema(), json_build_object('kind', 'message',
				'accountId', NEW.account_id, 'conversationId', NEW.conversation_id, 'direction', NEW.direction)::text);
			RETURN NULL;
		END $fn$`,
		`CREATE TRIGGER cd_messages_notify AFTER INSERT ON messages FOR EACH ROW EXECUTE FUNCTION cd_notify_message()`,
		`CREATE OR REPLACE FUNCTION cd_notify_conversation() RETURNS trigger LANGUAGE plpgsql AS $fn$
		BEGIN
			PERFORM pg_notify('cd_' || current_schema(), json_build_object('kind', 'conversation',
				'accountId', NEW.account_id, 'conversationId', NEW.id, 'status', NEW.status, 'assignee', NEW.assignee)::text);
			RETURN NULL;
		END $fn$`,
		`CREATE TRIGGER cd_conversations_notify AFTER UPDATE OF status, assignee ON conversations FOR EACH ROW
			WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.assignee IS DISTINCT FROM NEW.assignee)
			EXECUTE FUNCTION cd_notify_conversation()`,
	},
}
