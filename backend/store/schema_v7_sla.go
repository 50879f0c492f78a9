package store

// step7SLA is the schema of the sla area (SLA policies, business hours, holidays and per-conversation timers).
// It is unreleased until it lands on main; after that it is append-only like every step.
var step7SLA = migration{
	why: "SLA policies, business hours, holidays and per-conversation timers",
	sql: []string{},
}
