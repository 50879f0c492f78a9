package main

import (
	"math/rand/v2"
	"time"

	"creatordesk/backend/lang"
	"creatordesk/backend/store"
)

// threadState is what a conversation's list columns hold once its messages are stored.
type threadState struct {
	// order is the position in which the conversation first appeared (its row is created then).
	order int
	// lastAt and lastInboundAt are Unix milliseconds; newest is the index of the newest message.
	lastAt, lastInboundAt int64
	newest                int
	total, inbound        int
	// tail counts inbound messages since the brand's last reply.
	tail int
	// firstAuthor is the first customer who wrote (-1: nobody did); inAuthors is a bit set of those who did.
	firstAuthor int
	inAuthors   uint8
	language    string
}

// threadStates folds the dataset's messages, in sending order, into each
// conversation's list columns, exactly as store.IngestPage accumulates them.
func threadStates(d *dataset) []threadState {
	states := make([]threadState, len(d.convs))
	for i := range states {
		states[i] = threadState{order: -1, firstAuthor: -1}
	}
	next := 0
	for i, m := range d.msgs {
		s := &states[m.conv]
		if s.order < 0 {
			s.order, next = next, next+1
		}
		s.total++
		if m.sentAt >= s.lastAt {
			s.lastAt, s.newest = m.sentAt, i
		}
		if m.out {
			s.tail = 0
			continue
		}
		s.inbound++
		s.tail++
		s.lastInboundAt = max(s.lastInboundAt, m.sentAt)
		s.inAuthors |= 1 << m.author
		if s.firstAuthor < 0 {
			s.firstAuthor = int(m.author)
		}
		if s.language == "" {
			s.language = lang.Detect(d.text(i), d.person(m.conv, m.author).Language)
		}
	}
	return states
}

// creationOrder returns conversation indexes in the order their rows are created.
func creationOrder(states []threadState) []int32 {
	order := make([]int32, len(states))
	for i, s := range states {
		order[s.order] = int32(i)
	}
	return order
}

// triage decides a conversation's status and unread count as a team working the
// inbox would leave them: recent threads awaiting an answer are open (some pending
// or snoozed) and unread, most older ones are resolved, and a few old ones were
// forgotten while still unread.
func triage(seed uint64, conv int32, s threadState) (status string, unread int) {
	rng := rand.New(rand.NewPCG(seed^0x2545f491, uint64(conv)))
	r := rng.Float64()
	recent := refNow.UnixMilli()-s.lastAt <= (14 * 24 * time.Hour).Milliseconds()
	switch {
	case recent && s.tail > 0:
		return pick(r, store.StatusOpen, 0.7, store.StatusPending, 0.85, store.StatusSnoozed), s.tail
	case recent:
		return pick(r, store.StatusResolved, 0.5, store.StatusOpen, 0.9, store.StatusPending), 0
	case s.tail > 0 && rng.Float64() < 0.05:
		return store.StatusOpen, s.tail
	}
	return pick(r, store.StatusResolved, 0.75, store.StatusOpen, 0.95, store.StatusSnoozed), 0
}

// pick returns a when r < below, b when r < belowB, else c.
func pick(r float64, a string, below float64, b string, belowB float64, c string) string {
	switch {
	case r < below:
		return a
	case r < belowB:
		return b
	}
	return c
}
