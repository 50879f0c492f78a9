package store

// step5Triage is the schema of the triage area (inbox triage: tags, team members, assignment, notes, contacts, saved views).
// It is unreleased until it lands on main; after that it is append-only like every step.
var step5Triage = migration{
	why: "inbox triage: tags, team members, assignment, notes, contacts, saved views",
	sql: []string{},
}
