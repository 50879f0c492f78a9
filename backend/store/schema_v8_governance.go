package store

// step8Governance is the schema of the governance area (automation rules, classifier labels, consent and opt-out ledger, retention, appeals).
// It is unreleased until it lands on main; after that it is append-only like every step.
var step8Governance = migration{
	why: "automation rules, classifier labels, consent and opt-out ledger, retention, appeals",
	sql: []string{},
}
