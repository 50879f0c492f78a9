package governance

import (
	"context"
	"encoding/json"
	"strconv"

	"creatordesk/backend/store"
)

// Retention applies the retention policies.
type Retention struct {
	Store *store.Store
}

// Preview lists what a purge would delete now.
func (r *Retention) Preview(ctx context.Context) ([]store.PurgeCandidate, error) {
	return r.Store.PurgeCandidates(ctx, r.Store.Now().UnixMilli(), 0)
}

// Purge deletes the conversations past their retention (never those under
// legal hold), removes them from the search index, and records it.
func (r *Retention) Purge(ctx context.Context, actor string) (conversations, messages int, err error) {
	cands, err := r.Preview(ctx)
	if err != nil || len(cands) == 0 {
		return 0, 0, err
	}
	ids := make([]int64, len(cands))
	for i, c := range cands {
		ids[i] = c.ConversationID
	}
	n, err := r.Store.PurgeConversations(ctx, ids)
	if err != nil {
		return 0, 0, err
	}
	after, _ := json.Marshal(map[string]any{"conversationIds": ids, "messages": n})
	_, err = r.Store.AppendAudit(ctx, store.AuditEvent{Actor: actor, Action: "retention.purged", TargetType: "retention",
		TargetID: strconv.Itoa(len(ids)), AfterJSON: string(after)})
	return len(ids), n, err
}
