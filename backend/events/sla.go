package events

// SLAChanged carries SLAChangedPayload when response timers started, stopped,
// or turned to warning or breached (the app forwards it to the inbox list).
const SLAChanged = "sla.changed"

// SLAChangedPayload lists the conversations whose timer changed, and among
// them those that just turned to warning or breached (for a gentle alert).
type SLAChangedPayload struct {
	ConversationIDs []int64
	Warning         []int64
	Breached        []int64
}
