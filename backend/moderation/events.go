package moderation

import (
	"creatordesk/backend/events"
	"creatordesk/backend/store"
)

// Changed is the bus topic a moderation action is published on once it is
// recorded (performed or refused by the platform), with a ChangedPayload. An
// open inbox refreshes the message's hidden or deleted state from it, and an
// open moderation log shows the new row.
const Changed = "moderation.changed"

// ChangedPayload describes one recorded moderation action.
type ChangedPayload struct {
	RecordID       int64
	MessageID      int64
	ConversationID int64
	AccountID      int64
	// Action is the kind performed (hide, unhide, delete, block, mute, report, reject).
	Action string
	// Outcome is store.ModerationDone or store.ModerationFailed.
	Outcome string
	// Hidden is the message's hidden state after the action.
	Hidden bool
}

// publish announces a recorded action on the service's bus, if it has one.
func (s *Service) publish(rec store.ModerationRecord, hidden bool) { Announce(s.Bus, rec, hidden) }

// Announce publishes a recorded moderation action (as store.RecordModeration
// returned it) on bus, with the message's hidden state after it. Whoever
// records an action without the Service (the automation engine) calls it
// too, so an open inbox refreshes either way. A nil bus does nothing.
func Announce(bus *events.Bus, rec store.ModerationRecord, hidden bool) {
	if bus == nil {
		return
	}
	bus.Publish(Changed, ChangedPayload{RecordID: rec.ID, MessageID: rec.MessageID, ConversationID: rec.ConversationID,
		AccountID: rec.AccountID, Action: rec.Action, Outcome: rec.Outcome, Hidden: hidden})
}
