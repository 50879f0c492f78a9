package youtube_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"creatordesk/backend/platforms"
	"creatordesk/backend/platforms/youtube/youtubefake"
)

func TestModerate(t *testing.T) {
	type call struct {
		status string
		ban    bool
	}
	tests := []struct {
		name string
		// target picks the comment: "other" (alice's) or "own" (the brand's reply).
		target     string
		action     platforms.ModerationAction
		wantMods   []call
		wantDelete bool
		wantStatus string // the comment's status afterwards ("" deleted)
		wantBanned bool
		wantUnits  int
	}{
		{"hide holds for review", "other", platforms.ModerationAction{Kind: platforms.ModerateHide},
			[]call{{"heldForReview", false}}, false, "heldForReview", false, 50},
		{"reject", "other", platforms.ModerationAction{Kind: platforms.ModerateReject},
			[]call{{"rejected", false}}, false, "rejected", false, 50},
		{"block rejects and bans the author", "other", platforms.ModerationAction{Kind: platforms.ModerateBlock, AuthorExternalID: alice.ID},
			[]call{{"rejected", true}}, false, "rejected", true, 50},
		{"delete someone else's comment rejects it", "other", platforms.ModerationAction{Kind: platforms.ModerateDelete, AuthorExternalID: alice.ID},
			[]call{{"rejected", false}}, false, "rejected", false, 50},
		{"delete without author looks the comment up", "other", platforms.ModerationAction{Kind: platforms.ModerateDelete},
			[]call{{"rejected", false}}, false, "rejected", false, 51},
		{"delete own reply deletes it", "own", platforms.ModerationAction{Kind: platforms.ModerateDelete},
			nil, true, "", false, 51},
		{"delete own reply with author given", "own", platforms.ModerationAction{Kind: platforms.ModerateDelete, AuthorExternalID: "self"},
			nil, true, "", false, 50},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := start(t, nil)
			th := e.srv.AddThread("", youtubefake.Comment{Author: alice, Text: "rude", At: t0.Add(-time.Hour)})
			own := e.srv.AddReply(th, youtubefake.Comment{Author: e.srv.Self, Text: "our reply", At: t0.Add(-time.Minute)})
			if _, err := e.conn.Verify(ctx); err != nil {
				t.Fatal(err)
			}
			usedBefore, _, _ := quota(t, e.conn).Quota()
			a := tt.action
			a.TargetExternalID, a.ThreadExternalID = th, th
			if tt.target == "own" {
				a.TargetExternalID = own
			}
			if a.AuthorExternalID == "self" {
				a.AuthorExternalID = e.srv.Self.ID
			}
			if err := e.moderator(t).Moderate(ctx, a); err != nil {
				t.Fatal(err)
			}
			var got []call
			for _, m := range e.srv.Moderations() {
				if len(m.IDs) != 1 || m.IDs[0] != a.TargetExternalID {
					t.Fatalf("moderated %v, want %s", m.IDs, a.TargetExternalID)
				}
				got = append(got, call{m.Status, m.BanAuthor})
			}
			if fmt.Sprint(got) != fmt.Sprint(tt.wantMods) {
				t.Fatalf("moderation calls %v, want %v", got, tt.wantMods)
			}
			if deleted := e.srv.Deleted(); (len(deleted) == 1 && deleted[0] == own) != tt.wantDelete || len(deleted) > 1 {
				t.Fatalf("deleted %v", deleted)
			}
			status, exists := e.srv.CommentStatus(a.TargetExternalID)
			if status != tt.wantStatus || exists == (tt.wantStatus == "") {
				t.Fatalf("status %q (exists %v), want %q", status, exists, tt.wantStatus)
			}
			if banned := len(e.srv.Banned()) == 1 && e.srv.Banned()[0] == alice.ID; banned != tt.wantBanned {
				t.Fatalf("banned %v", e.srv.Banned())
			}
			if used, _, _ := quota(t, e.conn).Quota(); used-usedBefore != tt.wantUnits || e.srv.Used() != used {
				t.Fatalf("used %d units (fake %d), want %d", used-usedBefore, e.srv.Used(), tt.wantUnits)
			}
		})
	}
}

func TestUnhide(t *testing.T) {
	e := start(t, nil)
	th := e.srv.AddThread("", youtubefake.Comment{Author: alice, Text: "borderline", At: t0.Add(-time.Hour)})
	m := e.moderator(t)
	if err := m.Moderate(ctx, platforms.ModerationAction{Kind: platforms.ModerateHide, TargetExternalID: th}); err != nil {
		t.Fatal(err)
	}
	if got := byID(drain(t, e.conn, "", 100).msgs); len(got) != 0 {
		t.Fatalf("hidden comment still listed: %v", got)
	}
	if err := m.Moderate(ctx, platforms.ModerationAction{Kind: platforms.ModerateUnhide, TargetExternalID: th}); err != nil {
		t.Fatal(err)
	}
	if status, _ := e.srv.CommentStatus(th); status != "published" {
		t.Fatalf("status %q after unhide", status)
	}
	// A rejected comment cannot be published again: YouTube's 400 is permanent.
	if err := m.Moderate(ctx, platforms.ModerationAction{Kind: platforms.ModerateReject, TargetExternalID: th}); err != nil {
		t.Fatal(err)
	}
	err := m.Moderate(ctx, platforms.ModerationAction{Kind: platforms.ModerateUnhide, TargetExternalID: th})
	if pe := wantKind(t, err, platforms.KindPermanent); pe.Code != 400 || !strings.Contains(pe.Message, "processingFailure") {
		t.Fatalf("unhide after reject: %v", err)
	}
}

func TestModerateRefusals(t *testing.T) {
	e := start(t, nil)
	th := e.srv.AddThread("", youtubefake.Comment{Author: alice, Text: "x", At: t0.Add(-time.Hour)})
	if _, err := e.conn.Verify(ctx); err != nil {
		t.Fatal(err)
	}
	calls := len(e.srv.Requests())
	tests := []struct {
		name   string
		action platforms.ModerationAction
		want   string
		remote bool // the refusal comes from YouTube
	}{
		{"mute", platforms.ModerationAction{Kind: platforms.ModerateMute, TargetExternalID: th, AuthorExternalID: alice.ID}, "not offered by YouTube", false},
		{"report", platforms.ModerationAction{Kind: platforms.ModerateReport, TargetExternalID: th, Reason: "spam"}, "not offered by YouTube", false},
		{"unknown action", platforms.ModerationAction{Kind: "pin", TargetExternalID: th}, "unknown moderation action", false},
		{"no target", platforms.ModerationAction{Kind: platforms.ModerateHide}, "target comment", false},
		{"bad author id", platforms.ModerationAction{Kind: platforms.ModerateBlock, TargetExternalID: th, AuthorExternalID: "x y"}, "invalid author id", false},
		{"ban yourself", platforms.ModerationAction{Kind: platforms.ModerateBlock, TargetExternalID: th, AuthorExternalID: e.srv.Self.ID}, "cannot ban itself", false},
		{"unknown comment", platforms.ModerationAction{Kind: platforms.ModerateHide, TargetExternalID: "UgxNope"}, "commentNotFound", true},
		{"delete unknown comment", platforms.ModerationAction{Kind: platforms.ModerateDelete, TargetExternalID: "UgxNope"}, "comment not found", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := len(e.srv.Requests())
			err := e.moderator(t).Moderate(ctx, tt.action)
			if pe := wantKind(t, err, platforms.KindPermanent); !strings.Contains(pe.Message, tt.want) {
				t.Fatalf("message %q, want it to mention %q", pe.Message, tt.want)
			}
			if sent := len(e.srv.Requests()) > before; sent != tt.remote {
				t.Fatalf("request sent %v, want %v", sent, tt.remote)
			}
		})
	}
	if len(e.srv.Moderations()) != 0 || len(e.srv.Deleted()) != 0 || len(e.srv.Requests()) != calls+2 {
		t.Fatalf("moderations %v, deletions %v", e.srv.Moderations(), e.srv.Deleted())
	}
}

func TestDeleteSomeoneElsesCommentDirectly(t *testing.T) {
	// The fake, like YouTube, lets only the author delete: a client that
	// called comments.delete on a viewer's comment would get 403 forbidden.
	e := start(t, nil)
	th := e.srv.AddThread("", youtubefake.Comment{Author: alice, Text: "x", At: t0.Add(-time.Hour)})
	req, _ := newRequest("DELETE", e.base+"/comments?id="+th)
	resp, err := doRequest(req)
	if err != nil {
		t.Fatal(err)
	}
	if resp != 403 {
		t.Fatalf("status %d, want 403", resp)
	}
}
