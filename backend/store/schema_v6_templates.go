package store

// step6Templates is the schema of the templates area (saved replies: folders,
// templates, language variants, usage).
//
// A template has one body per language (template_variants); usage_count and
// last_used_at are bumped when a message sent from it is delivered. Starter
// templates are seeded by code once per seed key (template_seeds), so a later
// release can add starters without touching what the user edited or deleted.
// It is unreleased until it lands on main; after that it is append-only like every step.
var step6Templates = migration{
	why: "saved replies: folders, templates, language variants, usage",
	sql: []string{
		`CREATE TABLE template_folders (
			id INTEGER PRIMARY KEY AUTOINCREMENT,
			name TEXT NOT NULL,
			position INTEGER NOT NULL DEFAULT 0,
			seed_key TEXT NOT NULL DEFAULT '',
			created_at INTEGER NOT NULL,
			updated_at INTEGER NOT NULL
		)`,
		`CREATE UNIQUE INDEX ux_template_folders_name ON template_folders(name)`,
		`CREATE INDEX ix_template_folders_position ON template_folders(position, id)`,
		`CREATE TABLE templates (
			id INTEGER PRIMARY KEY AUTOINCREMENT,
			folder_id INTEGER REFERENCES template_folders(id) ON DELETE SET NULL,
			name TEXT NOT NULL,
			shortcut TEXT NOT NULL,
			channel TEXT NOT NULL DEFAULT '',
			kind TEXT NOT NULL DEFAULT '',
			seed_key TEXT NOT NULL DEFAULT '',
			usage_count INTEGER NOT NULL DEFAULT 0,
			last_used_at INTEGER NOT NULL DEFAULT 0,
			created_at INTEGER NOT NULL,
			updated_at INTEGER NOT NULL
		)`,
		`CREATE UNIQUE INDEX ux_templates_shortcut ON templates(shortcut)`,
		`CREATE INDEX ix_templates_folder_name ON templates(folder_id, name, id)`,
		`CREATE INDEX ix_templates_usage ON templates(usage_count DESC, last_used_at DESC, id)`,
		`CREATE TABLE template_variants (
			template_id INTEGER NOT NULL REFERENCES templates(id) ON DELETE CASCADE,
			language TEXT NOT NULL,
			body TEXT NOT NULL,
			updated_at INTEGER NOT NULL,
			PRIMARY KEY (template_id, language)
		)`,
		`CREATE TABLE template_seeds (
			seed_key TEXT PRIMARY KEY,
			seeded_at INTEGER NOT NULL
		)`,
	},
}
