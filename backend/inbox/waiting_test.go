package inbox_test

import (
	"testing"
	"time"

	"creatordesk/backend/inbox"
)

func TestWaitingMinutesBecomeACutoffFromNow(t *testing.T) {
	now := time.Date(2026, 3, 29, 9, 30, 0, 0, time.UTC)
	f := inbox.ViewFilter{Status: "open", WaitingMinMinutes: 24 * 60}.StoreFilter(7, now)
	if want := now.Add(-24 * time.Hour).UnixMilli(); f.WaitingSince != want || f.Status != "open" {
		t.Fatalf("store filter %+v, want WaitingSince %d", f, want)
	}
	if f := (inbox.ViewFilter{}).StoreFilter(7, now); f.WaitingSince != 0 {
		t.Fatalf("no waiting filter asked, got %d", f.WaitingSince)
	}
	if f := (inbox.ViewFilter{Assignee: inbox.AssigneeMe}).StoreFilter(7, now); f.Assignee != "7" {
		t.Fatalf("me resolves to the member, got %q", f.Assignee)
	}
}
