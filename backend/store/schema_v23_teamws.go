package store

// step23TeamWS is what a team workspace shows about the other members.
//
// team_instances lists the app instances working on the workspace: each open
// instance (in team mode) refreshes its row about every 30 s, so "who else is
// active" is the rows seen lately; a row left by a crashed instance simply
// ages out.
//
// On PostgreSQL, a trigger announces "replying now" presence changes (a member
// starts composing in a conversation, or stops) on the workspace's channel, so
// the other machine shows the collision warning at once instead of at its next
// poll. Heartbeat refreshes (UPDATE) are not announced.
var step23TeamWS = migration{
	why: "team mode: active app instances, and presence announcements",
	sql: []string{
		`CREATE TABLE team_instances (
			instance_id TEXT PRIMARY KEY,
			member TEXT NOT NULL DEFAULT '',
			machine TEXT NOT NULL DEFAULT '',
			started_at INTEGER NOT NULL,
			seen_at INTEGER NOT NULL
		)`,
		`CREATE INDEX team_instances_seen ON team_instances(seen_at)`,
	},
	pg: []string{
		`CREATE OR REPLACE FUNCTION cd_notify_presence() RETURNS trigger LANGUAGE plpgsql AS $fn$
		DECLARE conv bigint;
		BEGIN
			IF TG_OP = 'DELETE' THEN conv := OLD.conversation_id; ELSE conv := NEW.conversation_id; END IF;
			PERFORM pg_notify('cd_' || current_schema(), json_build_object('kind', 'presence', 'conversationId', conv)::text);
			RETURN NULL;
		END $fn$`,
		`CREATE TRIGGER cd_presence_notify AFTER INSERT OR DELETE ON presence FOR EACH ROW EXECUTE FUNCTION cd_notify_presence()`,
	},
}
