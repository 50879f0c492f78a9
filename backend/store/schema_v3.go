package store

// step3AccountSettings stores an account's non-secret connector settings
// (a Bluesky identifier, a WhatsApp phone-number id...) as a JSON object. Secrets
// never go here: they live in the OS keyring.
var step3AccountSettings = migration{
	why: "per-account non-secret connector settings",
	sql: []string{
		`ALTER TABLE accounts ADD COLUMN settings TEXT NOT NULL DEFAULT '{}'`,
	},
}
