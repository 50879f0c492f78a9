package store

// step9Campaigns is the schema of the campaigns area (creators, campaigns, codes, links, orders, attribution, UGC releases, experiments).
// It is unreleased until it lands on main; after that it is append-only like every step.
var step9Campaigns = migration{
	why: "creators, campaigns, codes, links, orders, attribution, UGC releases, experiments",
	sql: []string{},
}
