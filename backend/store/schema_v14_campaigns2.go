package store

// step14Campaigns2 completes the UGC release register and reply experiments
// that step 9 sketched: a release names its author when they are not a known
// creator, what the content is, when the request DM was sent and which
// calendar reminder marks its expiry; an experiment names the saved reply under
// test, and each variant gets a label (A, B, C...).
var step14Campaigns2 = migration{
	why: "UGC release author, title, request and calendar reminder; experiment base template and variant labels",
	sql: []string{
		`ALTER TABLE ugc_releases ADD COLUMN author TEXT NOT NULL DEFAULT ''`,
		`ALTER TABLE ugc_releases ADD COLUMN title TEXT NOT NULL DEFAULT ''`,
		`ALTER TABLE ugc_releases ADD COLUMN requested_at INTEGER NOT NULL DEFAULT 0`,
		`ALTER TABLE ugc_releases ADD COLUMN request_message_id INTEGER NOT NULL DEFAULT 0`,
		`ALTER TABLE ugc_releases ADD COLUMN calendar_item_id INTEGER NOT NULL DEFAULT 0`,
		`CREATE INDEX ix_ugc_releases_conversation ON ugc_releases(conversation_id, id)`,
		`ALTER TABLE experiments ADD COLUMN template_id INTEGER NOT NULL DEFAULT 0`,
		`CREATE INDEX ix_experiments_template ON experiments(template_id, status)`,
		`ALTER TABLE experiment_variants ADD COLUMN label TEXT NOT NULL DEFAULT ''`,
		`CREATE INDEX ix_experiment_variants_template ON experiment_variants(template_id, experiment_id)`,
	},
}
