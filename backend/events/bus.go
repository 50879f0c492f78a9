// Package events is a small in-process publish/subscribe bus.
//
// Lower layers (the sync engine, the send gate) publish what happened; upper
// layers (automation, SLA timers, the UI bridge) subscribe. Nobody imports upward.
package events

import "sync"

// Topics published on the bus.
const (
	// MessagesStored carries MessagesStoredPayload after a sync page was stored.
	MessagesStored = "messages.stored"
	// AccountChanged carries AccountChangedPayload when an account's status or progress changed.
	AccountChanged = "account.changed"
	// MessageStateChanged carries MessageStatePayload when an outgoing message changed state.
	MessageStateChanged = "message.state"
)

// MessagesStoredPayload describes newly stored or changed messages.
type MessagesStoredPayload struct {
	AccountID       int64
	ConversationIDs []int64
	MessageIDs      []int64
}

// AccountChangedPayload names the account whose status changed.
type AccountChangedPayload struct {
	AccountID int64
}

// MessageStatePayload names the outgoing message whose state changed.
type MessageStatePayload struct {
	MessageID      int64
	ConversationID int64
}

// Bus delivers published payloads synchronously to the topic's subscribers.
// Handlers must be quick and must not publish on the same topic recursively.
type Bus struct {
	mu     sync.RWMutex
	nextID int
	subs   map[string]map[int]func(any)
}

// New returns an empty bus.
func New() *Bus {
	return &Bus{subs: map[string]map[int]func(any){}}
}

// Subscribe registers fn for topic and returns a function that removes it.
func (b *Bus) Subscribe(topic string, fn func(payload any)) (unsubscribe func()) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.nextID++
	id := b.nextID
	if b.subs[topic] == nil {
		b.subs[topic] = map[int]func(any){}
	}
	b.subs[topic][id] = fn
	return func() {
		b.mu.Lock()
		delete(b.subs[topic], id)
		b.mu.Unlock()
	}
}

// Publish hands payload to every subscriber of topic.
func (b *Bus) Publish(topic string, payload any) {
	b.mu.RLock()
	handlers := make([]func(any), 0, len(b.subs[topic]))
	for _, fn := range b.subs[topic] {
		handlers = append(handlers, fn)
	}
	b.mu.RUnlock()
	for _, fn := range handlers {
		fn(payload)
	}
}
