package store

// step2TokenExpiryAndPriority prepares account health (a token's expiry date, shown
// before it lapses) and inbox triage (a conversation's priority, set by people or rules).
var step2TokenExpiryAndPriority = migration{
	why: "account token expiry for the health page; conversation priority for triage",
	sql: []string{
		`ALTER TABLE accounts ADD COLUMN token_expires_at INTEGER NOT NULL DEFAULT 0`,
		`ALTER TABLE conversations ADD COLUMN priority INTEGER NOT NULL DEFAULT 0`,
	},
}
