package main

import (
	"context"
	"fmt"
	"time"

	"creatordesk/backend/inbox"
)

// countGoal is the target of the inbox's counters, in milliseconds.
const countGoal = 1.0

// slaWait is how long an unanswered conversation may wait before it counts as waiting too long.
const slaWait = 24 * time.Hour

// countProbes time store.Counts, the call behind the inbox counters: the unread
// message sum, the unread conversation count and the waiting (SLA) count together.
func countProbes() []readProbe {
	return []readProbe{{name: "inbox counts (unread messages, unread conversations, waiting)", goal: countGoal,
		runs: func(sc scale) int { return sc.countRuns },
		run: func(ctx context.Context, svc *inbox.Service, runs int) (timings, string, error) {
			var unread, convs, waiting int64
			t, err := sample(runs, func(int) error {
				c, err := svc.Store.Counts(ctx, slaWait)
				unread, convs, waiting = c.UnreadMessages, c.UnreadConversations, c.Waiting
				return err
			})
			return t, fmt.Sprintf("store.Counts, served by the partial index ix_conversations_unread (unread %d in %d conversations, %d waiting > %s)",
				unread, convs, waiting, slaWait), err
		}}}
}
