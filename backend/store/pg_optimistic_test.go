package store

import (
	"context"
	"errors"
	"sync"
	"testing"

	"creatordesk/backend/platforms"
)

// Two members assign the same conversation at the same moment from two app
// instances, each from what they saw (unassigned): exactly one wins, the other
// gets a conflict naming the winner, and the audit trail has one assignment.
func TestAssignFromTwoInstancesExactlyOneWins(t *testing.T) {
	clock := newTestClock(fixedNow)
	a, b := openTwoInstances(t, clock.Now)
	ctx := context.Background()
	acct := addAccount(t, a, "telegram", "shop")
	res, err := a.IngestPage(ctx, acct.ID, []platforms.Message{msg("1", "1:1", "is the blue mug back?", 0)}, "c1")
	if err != nil || len(res.ConversationIDs) != 1 {
		t.Fatalf("ingest: %+v %v", res, err)
	}
	conv := res.ConversationIDs[0]
	unassigned := ""
	var wg sync.WaitGroup
	changed := make([]bool, 2)
	errs := make([]error, 2)
	for i, s := range []*Store{a, b} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			member := []string{"1", "2"}[i]
			changed[i], errs[i] = s.ApplyChangeIfUnchanged(ctx, "member:"+member, conv,
				ConversationExpect{Assignee: &unassigned}, ConversationChange{Kind: ChangeAssign, Assignee: member})
		}()
	}
	wg.Wait()
	winner, loser := 0, 1
	if !changed[0] {
		winner, loser = 1, 0
	}
	if !changed[winner] || errs[winner] != nil || changed[loser] {
		t.Fatalf("changed=%v errs=%v, want exactly one winner", changed, errs)
	}
	var conflict *ConflictError
	if !errors.As(errs[loser], &conflict) || conflict.Field != "assignee" || conflict.Current != []string{"1", "2"}[winner] {
		t.Fatalf("loser's error = %v, want a conflict naming the winner", errs[loser])
	}
	if code, key, args := conflict.ErrorKey(); code != "conflict" || key != "errors.teamdb.conflict.assignee" || args["current"] == "" {
		t.Errorf("ErrorKey = %s %s %v", code, key, args)
	}
	entries, _ := a.SearchAudit(ctx, AuditFilter{Action: "conversation.assign"}, 10)
	if len(entries) != 1 {
		t.Errorf("%d assignment audit entries, want 1", len(entries))
	}
	// A status change from a stale view is refused too; from the current one it applies.
	if _, err := b.ApplyChangeIfUnchanged(ctx, "member:2", conv, ConversationExpect{Status: StatusResolved},
		ConversationChange{Kind: ChangeStatus, Status: StatusPending}); !errors.As(err, &conflict) || conflict.Current != StatusOpen {
		t.Fatalf("stale status change: %v", err)
	}
	if ok, err := b.ApplyChangeIfUnchanged(ctx, "member:2", conv, ConversationExpect{Status: StatusOpen},
		ConversationChange{Kind: ChangeStatus, Status: StatusResolved}); err != nil || !ok {
		t.Fatalf("current status change: %v %v", ok, err)
	}
}
