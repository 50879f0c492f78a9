package main

import (
	"context"
	"fmt"
	"math/rand/v2"

	"creatordesk/backend/inbox"
	"creatordesk/backend/store"
)

const (
	// inboxGoal is the p99 target of every inbox read, in milliseconds.
	inboxGoal = 2.0
	// pageSize is the frontend's inbox page size (PAGE_SIZE in frontend/src/stores/inbox.ts).
	pageSize = 50
	// deepPages is how far down the inbox the deep-page figure starts.
	deepPages = 50
)

// inboxView is one list the inbox shows: a filter and how far down it is read.
type inboxView struct {
	name   string
	filter store.ConversationFilter
	// skip is how many pages come before the measured one.
	skip int
}

// inboxViews are the measured lists: the inbox's first, second and 51st page, and filtered first pages.
var inboxViews = []inboxView{
	{name: "inbox first page", filter: store.ConversationFilter{}},
	{name: "inbox next page", filter: store.ConversationFilter{}, skip: 1},
	{name: fmt.Sprintf("inbox deep page (after %d pages)", deepPages), filter: store.ConversationFilter{}, skip: deepPages},
	{name: "inbox filtered: unread", filter: store.ConversationFilter{UnreadOnly: true}},
	{name: "inbox filtered: status open", filter: store.ConversationFilter{Status: store.StatusOpen}},
	{name: "inbox filtered: platform youtube", filter: store.ConversationFilter{Platform: "youtube"}},
	{name: "inbox filtered: telegram unread", filter: store.ConversationFilter{Platform: "telegram", UnreadOnly: true}},
}

// inboxProbes times the inbox lists through store.Conversations (the call the
// app's Inbox.ListConversations makes) and opening threads through inbox.Service.Thread.
func inboxProbes() []readProbe {
	runs := func(sc scale) int { return sc.runs }
	var out []readProbe
	for _, v := range inboxViews {
		out = append(out, readProbe{name: v.name, goal: inboxGoal, runs: runs,
			run: func(ctx context.Context, svc *inbox.Service, n int) (timings, string, error) {
				return measureView(ctx, svc.Store, v, n)
			}})
	}
	return append(out, readProbe{name: "open thread", goal: inboxGoal, runs: runs, run: measureThreads})
}

// measureView walks to the view's page, then times reading it.
func measureView(ctx context.Context, st *store.Store, v inboxView, runs int) (timings, string, error) {
	var after store.ConversationCursor
	for range v.skip {
		_, next, err := st.Conversations(ctx, v.filter, after, pageSize)
		if err != nil {
			return timings{}, "", err
		}
		after = next
	}
	rows := 0
	t, err := sample(runs, func(int) error {
		page, _, err := st.Conversations(ctx, v.filter, after, pageSize)
		rows = len(page)
		return err
	})
	return t, fmt.Sprintf("store.Conversations, page of %d (%d rows returned)", pageSize, rows), err
}

// measureThreads opens random conversations through the inbox service.
func measureThreads(ctx context.Context, svc *inbox.Service, runs int) (timings, string, error) {
	var ids []int64
	if err := svc.Store.R.WithContext(ctx).Raw(`SELECT id FROM conversations`).Scan(&ids).Error; err != nil {
		return timings{}, "", err
	}
	if len(ids) == 0 {
		return timings{}, "", fmt.Errorf("no conversations")
	}
	rng := rand.New(rand.NewPCG(7, 11))
	t, err := sample(runs, func(int) error {
		_, _, err := svc.Thread(ctx, ids[rng.IntN(len(ids))])
		return err
	})
	return t, fmt.Sprintf("inbox.Service.Thread on random conversations (1–%d messages)", maxThread), err
}
