package store

// step6Templates is the schema of the templates area (saved replies: folders, templates, language variants, usage).
// It is unreleased until it lands on main; after that it is append-only like every step.
var step6Templates = migration{
	why: "saved replies: folders, templates, language variants, usage",
	sql: []string{},
}
