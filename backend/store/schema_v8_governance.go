package store

// step8Governance is the schema of the governance area: the classifier's labels
// and results, the opt-out and consent ledgers, automation rules with their runs,
// drafts and approvals, the review queue, retention and legal holds, data-subject
// requests, appeals and the counters that cap automated sends.
// It is unreleased until it lands on main; after that it is append-only like every step.
var step8Governance = migration{
	why: "automation rules, classifier labels, consent and opt-out ledger, retention, appeals",
	sql: []string{
		// The classifier's intent and sentiment of a conversation's newest inbound message.
		`ALTER TABLE conversations ADD COLUMN intent TEXT NOT NULL DEFAULT ''`,
		`ALTER TABLE conversations ADD COLUMN sentiment TEXT NOT NULL DEFAULT ''`,
		`CREATE INDEX ix_conversations_intent ON conversations(intent, last_message_at DESC, id DESC)`,
		`CREATE INDEX ix_conversations_sentiment ON conversations(sentiment, last_message_at DESC, id DESC)`,
		// Which tag teaches which intent: each tag a person sets is an example for its messages.
		`CREATE TABLE classifier_labels (
			id INTEGER PRIMARY KEY AUTOINCREMENT,
			tag_id INTEGER NOT NULL UNIQUE REFERENCES tags(id) ON DELETE CASCADE,
			intent TEXT NOT NULL,
			created_at INTEGER NOT NULL
		)`,
		// Examples entered by hand (or imported) besides the tagged conversations.
		`CREATE TABLE classifier_examples (
			id INTEGER PRIMARY KEY AUTOINCREMENT,
			text TEXT NOT NULL,
			intent TEXT NOT NULL DEFAULT '',
			sentiment TEXT NOT NULL DEFAULT '',
			source TEXT NOT NULL DEFAULT 'manual',
			created_at INTEGER NOT NULL
		)`,
		`CREATE INDEX ix_classifier_examples_intent ON classifier_examples(intent, id)`,
		// The trained model and its held-out quality, newest last.
		`CREATE TABLE classifier_models (
			id INTEGER PRIMARY KEY AUTOINCREMENT,
			trained_at INTEGER NOT NULL,
			examples INTEGER NOT NULL DEFAULT 0,
			model_json TEXT NOT NULL,
			metrics_json TEXT NOT NULL DEFAULT ''
		)`,
		`CREATE TABLE message_classifications (
			message_id INTEGER PRIMARY KEY REFERENCES messages(id) ON DELETE CASCADE,
			conversation_id INTEGER NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
			intent TEXT NOT NULL,
			kind TEXT NOT NULL DEFAULT '',
			sentiment TEXT NOT NULL,
			confidence REAL NOT NULL DEFAULT 0,
			source TEXT NOT NULL DEFAULT 'lexicon',
			classified_at INTEGER NOT NULL
		)`,
		`CREATE INDEX ix_message_classifications_conversation ON message_classifications(conversation_id, message_id)`,
		`CREATE INDEX ix_message_classifications_intent ON message_classifications(intent, classified_at)`,
		// The opt-out ledger: every STOP and START, newest row per contact and scope wins.
		`CREATE TABLE optouts (
			id INTEGER PRIMARY KEY AUTOINCREMENT,
			contact_id INTEGER REFERENCES contacts(id) ON DELETE CASCADE,
			identity_id INTEGER REFERENCES contact_identities(id) ON DELETE CASCADE,
			scope TEXT NOT NULL,
			opted_out INTEGER NOT NULL,
			at INTEGER NOT NULL,
			message_id INTEGER REFERENCES messages(id) ON DELETE SET NULL,
			channel TEXT NOT NULL DEFAULT '',
			keyword TEXT NOT NULL DEFAULT '',
			actor TEXT NOT NULL DEFAULT ''
		)`,
		`CREATE INDEX ix_optouts_contact ON optouts(contact_id, scope, id)`,
		`CREATE INDEX ix_optouts_identity ON optouts(identity_id, scope, id)`,
		`CREATE INDEX ix_optouts_at ON optouts(at, id)`,
		// Consent records: what was agreed (or withdrawn), when, where, and the evidence.
		`CREATE TABLE consents (
			id INTEGER PRIMARY KEY AUTOINCREMENT,
			contact_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
			purpose TEXT NOT NULL,
			granted INTEGER NOT NULL,
			at INTEGER NOT NULL,
			channel TEXT NOT NULL DEFAULT '',
			evidence_message_id INTEGER REFERENCES messages(id) ON DELETE SET NULL,
			note TEXT NOT NULL DEFAULT '',
			actor TEXT NOT NULL DEFAULT ''
		)`,
		`CREATE INDEX ix_consents_contact ON consents(contact_id, purpose, id)`,
		`CREATE INDEX ix_consents_at ON consents(at, id)`,
		`CREATE TABLE automation_rules (
			id INTEGER PRIMARY KEY AUTOINCREMENT,
			name TEXT NOT NULL,
			position INTEGER NOT NULL DEFAULT 0,
			enabled INTEGER NOT NULL DEFAULT 1,
			conditions_json TEXT NOT NULL DEFAULT '{}',
			actions_json TEXT NOT NULL DEFAULT '[]',
			created_at INTEGER NOT NULL,
			updated_at INTEGER NOT NULL
		)`,
		`CREATE INDEX ix_automation_rules_position ON automation_rules(position, id)`,
		// What a rule did (or, in a dry run, would have done) for one message.
		`CREATE TABLE automation_runs (
			id INTEGER PRIMARY KEY AUTOINCREMENT,
			rule_id INTEGER NOT NULL REFERENCES automation_rules(id) ON DELETE CASCADE,
			message_id INTEGER REFERENCES messages(id) ON DELETE SET NULL,
			conversation_id INTEGER REFERENCES conversations(id) ON DELETE CASCADE,
			dry_run INTEGER NOT NULL DEFAULT 0,
			actions_json TEXT NOT NULL DEFAULT '[]',
			outcome TEXT NOT NULL DEFAULT '',
			at INTEGER NOT NULL
		)`,
		`CREATE INDEX ix_automation_runs_rule ON automation_runs(rule_id, at)`,
		`CREATE INDEX ix_automation_runs_conversation ON automation_runs(conversation_id, at)`,
		`CREATE INDEX ix_automation_runs_at ON automation_runs(at, id)`,
		`CREATE TABLE automation_drafts (
			id INTEGER PRIMARY KEY AUTOINCREMENT,
			conversation_id INTEGER NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
			message_id INTEGER REFERENCES messages(id) ON DELETE SET NULL,
			rule_id INTEGER REFERENCES automation_rules(id) ON DELETE SET NULL,
			provider TEXT NOT NULL DEFAULT '',
			text TEXT NOT NULL,
			intent TEXT NOT NULL DEFAULT '',
			categories TEXT NOT NULL DEFAULT '',
			needs_approval INTEGER NOT NULL DEFAULT 1,
			status TEXT NOT NULL DEFAULT 'pending',
			sent_message_id INTEGER REFERENCES messages(id) ON DELETE SET NULL,
			created_at INTEGER NOT NULL,
			updated_at INTEGER NOT NULL
		)`,
		`CREATE INDEX ix_automation_drafts_status ON automation_drafts(status, id)`,
		`CREATE INDEX ix_automation_drafts_conversation ON automation_drafts(conversation_id, id)`,
		`CREATE TABLE automation_approvals (
			id INTEGER PRIMARY KEY AUTOINCREMENT,
			draft_id INTEGER NOT NULL REFERENCES automation_drafts(id) ON DELETE CASCADE,
			decision TEXT NOT NULL,
			actor TEXT NOT NULL,
			note TEXT NOT NULL DEFAULT '',
			at INTEGER NOT NULL
		)`,
		`CREATE INDEX ix_automation_approvals_draft ON automation_approvals(draft_id, id)`,
		// Fixed-window counters for the per-contact and per-account caps.
		`CREATE TABLE automation_counters (
			scope_key TEXT NOT NULL,
			window_start INTEGER NOT NULL,
			count INTEGER NOT NULL DEFAULT 0,
			PRIMARY KEY (scope_key, window_start)
		)`,
		// The first automated message to a contact on a channel carried the assistant notice.
		`CREATE TABLE disclosures (
			contact_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
			channel TEXT NOT NULL,
			message_id INTEGER REFERENCES messages(id) ON DELETE SET NULL,
			at INTEGER NOT NULL,
			PRIMARY KEY (contact_id, channel)
		)`,
		// Questions rules put on the live-questions board (read by the calendar area).
		`CREATE TABLE live_questions (
			id INTEGER PRIMARY KEY AUTOINCREMENT,
			conversation_id INTEGER REFERENCES conversations(id) ON DELETE CASCADE,
			message_id INTEGER REFERENCES messages(id) ON DELETE CASCADE,
			rule_id INTEGER REFERENCES automation_rules(id) ON DELETE SET NULL,
			text TEXT NOT NULL DEFAULT '',
			status TEXT NOT NULL DEFAULT 'new',
			created_at INTEGER NOT NULL
		)`,
		`CREATE INDEX ix_live_questions_status ON live_questions(status, created_at)`,
		`CREATE TABLE review_items (
			id INTEGER PRIMARY KEY AUTOINCREMENT,
			kind TEXT NOT NULL,
			target_type TEXT NOT NULL,
			target_id TEXT NOT NULL,
			conversation_id INTEGER REFERENCES conversations(id) ON DELETE CASCADE,
			rule_id INTEGER REFERENCES automation_rules(id) ON DELETE SET NULL,
			summary TEXT NOT NULL DEFAULT '',
			verdict TEXT NOT NULL DEFAULT '',
			reviewer TEXT NOT NULL DEFAULT '',
			created_at INTEGER NOT NULL,
			reviewed_at INTEGER NOT NULL DEFAULT 0
		)`,
		`CREATE INDEX ix_review_items_verdict ON review_items(verdict, id)`,
		`CREATE INDEX ix_review_items_kind ON review_items(kind, reviewed_at)`,
		`CREATE TABLE retention_policies (
			id INTEGER PRIMARY KEY AUTOINCREMENT,
			name TEXT NOT NULL,
			match_type TEXT NOT NULL,
			match_value TEXT NOT NULL DEFAULT '',
			keep_days INTEGER NOT NULL,
			enabled INTEGER NOT NULL DEFAULT 1,
			created_at INTEGER NOT NULL,
			updated_at INTEGER NOT NULL
		)`,
		`CREATE TABLE legal_holds (
			id INTEGER PRIMARY KEY AUTOINCREMENT,
			target_type TEXT NOT NULL,
			target_id INTEGER NOT NULL,
			reason TEXT NOT NULL DEFAULT '',
			actor TEXT NOT NULL DEFAULT '',
			created_at INTEGER NOT NULL,
			released_at INTEGER NOT NULL DEFAULT 0
		)`,
		`CREATE INDEX ix_legal_holds_target ON legal_holds(target_type, target_id, released_at)`,
		`CREATE TABLE data_requests (
			id INTEGER PRIMARY KEY AUTOINCREMENT,
			contact_id INTEGER NOT NULL,
			kind TEXT NOT NULL,
			actor TEXT NOT NULL DEFAULT '',
			detail TEXT NOT NULL DEFAULT '',
			at INTEGER NOT NULL
		)`,
		`CREATE INDEX ix_data_requests_at ON data_requests(at, id)`,
		`CREATE TABLE appeals (
			id INTEGER PRIMARY KEY AUTOINCREMENT,
			target_type TEXT NOT NULL,
			target_id TEXT NOT NULL,
			contact_id INTEGER REFERENCES contacts(id) ON DELETE SET NULL,
			reason TEXT NOT NULL DEFAULT '',
			status TEXT NOT NULL DEFAULT 'open',
			resolution TEXT NOT NULL DEFAULT '',
			due_at INTEGER NOT NULL,
			actor TEXT NOT NULL DEFAULT '',
			created_at INTEGER NOT NULL,
			resolved_at INTEGER NOT NULL DEFAULT 0
		)`,
		`CREATE INDEX ix_appeals_status_due ON appeals(status, due_at)`,
		`INSERT INTO classifier_labels(tag_id, intent, created_at)
			SELECT id, name, 0 FROM tags WHERE name IN ('sales', 'support', 'spam', 'danger')`,
		`INSERT INTO retention_policies(name, match_type, match_value, keep_days, enabled, created_at, updated_at) VALUES
			('order', 'tag', 'sales', 365, 0, 0, 0), ('general', 'all', '', 183, 0, 0, 0)`,
	},
}
