package app

import (
	"context"
	"testing"

	"creatordesk/backend/platforms"
	"creatordesk/backend/store"
)

func TestTeamCopyNeedsATeamDatabase(t *testing.T) {
	s, _, _, _ := newSession(t)
	tc := NewTeamCopy(s)
	st, err := tc.Status()
	if err != nil {
		t.Fatal(err)
	}
	if st.Configured || !st.LocalAvailable || st.Demo || st.State != "idle" || st.Result != nil {
		t.Fatalf("status %+v", st)
	}
	_, err = tc.Start()
	if ae := ToAppError(err); ae == nil || ae.Key != "errors.teamcopy.noTeamDatabase" {
		t.Fatalf("start without a team database: %v", err)
	}
	if err := s.SwitchToDemo(); err != nil {
		t.Fatal(err)
	}
	if st, _ := tc.Status(); !st.Demo || st.Configured {
		t.Fatalf("demo status %+v", st)
	}
	if _, err := tc.Start(); ToAppError(err).Key != "errors.teamcopy.demo" {
		t.Fatalf("start in the demo: %v", err)
	}
}

// TestTeamCopyIntoTheConnectedTeamDatabase follows the window: connect a team
// database (a fresh one, the app seeds it), copy the local workspace into it,
// and the window reopens on the copy with the local workspace's id.
func TestTeamCopyIntoTheConnectedTeamDatabase(t *testing.T) {
	form := teamForm(t)
	s, rec, _, _ := newSession(t)
	ctx := context.Background()
	local := s.Workspace()
	acc := store.Account{Platform: "telegram", Name: "local shop", ExternalID: "9"}
	if err := local.Store.CreateAccount(ctx, &acc); err != nil {
		t.Fatal(err)
	}
	if _, err := local.Store.IngestPage(ctx, acc.ID, []platforms.Message{{ExternalID: "m1", ThreadExternalID: "t1",
		ThreadKind: platforms.ThreadDM, Author: platforms.Person{ExternalID: "u1", DisplayName: "Ana"},
		Direction: platforms.DirectionIn, Text: "क्या यह कप उपलब्ध है?", SentAt: local.Store.Now()}}, "c"); err != nil {
		t.Fatal(err)
	}
	localID := local.ID
	if _, err := NewTeamDB(s).Connect(form); err != nil {
		t.Fatal(err)
	}
	if !s.Workspace().Store.IsPostgres() || s.Workspace().ID == localID {
		t.Fatalf("connected workspace %q (local %q)", s.Workspace().ID, localID)
	}
	tc := NewTeamCopy(s)
	if st, _ := tc.Status(); !st.Configured || !st.LocalAvailable {
		t.Fatalf("status before copying %+v", st)
	}
	if _, err := tc.Start(); err != nil {
		t.Fatal(err)
	}
	tc.wait()
	st, err := tc.Status()
	if err != nil {
		t.Fatal(err)
	}
	if st.State != "done" || st.Error != nil || st.Result == nil || !st.Result.Verified || st.Result.Copied == 0 {
		t.Fatalf("status after copying %+v (error %+v)", st, st.Error)
	}
	if st.Progress.Phase != "verify" || st.Progress.Done != st.Progress.Total {
		t.Fatalf("last progress %+v", st.Progress)
	}
	if rec.count(EventTeamCopyProgress) == 0 || rec.count(EventTeamCopyDone) != 1 {
		t.Fatalf("events: %d progress, %d done", rec.count(EventTeamCopyProgress), rec.count(EventTeamCopyDone))
	}
	ws := s.Workspace()
	if !ws.Store.IsPostgres() || ws.ID != localID {
		t.Fatalf("after the copy the window shows workspace %q on postgres=%v, want %q", ws.ID, ws.Store.IsPostgres(), localID)
	}
	hits, err := ws.Store.Search(ctx, "उपलब्ध", 10)
	if err != nil || len(hits) != 1 {
		t.Fatalf("search on the team workspace: %v %v", hits, err)
	}
}
