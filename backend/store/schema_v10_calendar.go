package store

// step10Calendar is the schema of the calendar area (content calendar, publishing jobs, live sessions, scheduled messages, weekly checklist).
// It is unreleased until it lands on main; after that it is append-only like every step.
var step10Calendar = migration{
	why: "content calendar, publishing jobs, live sessions, scheduled messages, weekly checklist",
	sql: []string{},
}
