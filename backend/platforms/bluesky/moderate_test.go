package bluesky_test

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"testing"
	"time"

	"creatordesk/backend/platforms"
	"creatordesk/backend/platforms/bluesky"
)

// moderate runs one action, failing the test on error.
func moderate(t *testing.T, c platforms.Connector, a platforms.ModerationAction) {
	t.Helper()
	if err := c.(platforms.Moderator).Moderate(context.Background(), a); err != nil {
		t.Fatalf("%s: %v", a.Kind, err)
	}
}

// gateFields decodes a threadgate record.
func gateFields(t *testing.T, raw json.RawMessage) map[string]json.RawMessage {
	t.Helper()
	var m map[string]json.RawMessage
	if err := json.Unmarshal(raw, &m); err != nil {
		t.Fatal(err)
	}
	return m
}

func TestHideAndUnhideKeepReplyRules(t *testing.T) {
	srv, c := start(t)
	root := srv.AddOwnPost("giveaway", t0)
	spam, _ := srv.AddReply(bob, root, "buy followers", t0.Add(time.Minute))
	earlier, _ := srv.AddReply(carol, root, "meh", t0.Add(2*time.Minute))
	allow := json.RawMessage(`[{"$type":"app.bsky.feed.threadgate#followerRule"},{"$type":"app.bsky.feed.threadgate#listRule","list":"at://did:plc:creatordesktest0000000000/app.bsky.graph.list/3k"}]`)
	if err := srv.SetThreadgate(root, allow, []string{earlier}); err != nil {
		t.Fatal(err)
	}
	hide := platforms.ModerationAction{Kind: platforms.ModerateHide, TargetExternalID: spam, ThreadExternalID: root}

	moderate(t, c, hide)
	if got := srv.HiddenReplies(root); !slices.Equal(got, []string{earlier, spam}) {
		t.Fatalf("hidden %v, want [%s %s]", got, earlier, spam)
	}
	gate, _ := srv.Threadgate(root)
	if got := gateFields(t, gate)["allow"]; !jsonEqual(t, got, allow) {
		t.Fatalf("allow rules became %s, want %s", got, allow)
	}

	moderate(t, c, hide) // again: nothing changes
	if got := srv.HiddenReplies(root); len(got) != 2 {
		t.Fatalf("hiding twice gave %v", got)
	}

	moderate(t, c, platforms.ModerationAction{Kind: platforms.ModerateUnhide, TargetExternalID: spam, ThreadExternalID: root})
	if got := srv.HiddenReplies(root); !slices.Equal(got, []string{earlier}) {
		t.Fatalf("after unhide hidden %v, want [%s]", got, earlier)
	}
	gate, _ = srv.Threadgate(root)
	if got := gateFields(t, gate)["allow"]; !jsonEqual(t, got, allow) {
		t.Fatalf("allow rules became %s after unhide", got)
	}
}

// jsonEqual compares two JSON values semantically.
func jsonEqual(t *testing.T, a, b json.RawMessage) bool {
	t.Helper()
	var x, y any
	if json.Unmarshal(a, &x) != nil || json.Unmarshal(b, &y) != nil {
		return false
	}
	return fmt.Sprint(x) == fmt.Sprint(y)
}

func TestHideCreatesThreadgateThatLetsEveryoneReply(t *testing.T) {
	srv, c := start(t)
	root := srv.AddOwnPost("hello", t0)
	reply, _ := srv.AddReply(alice, root, "rude words", t0.Add(time.Minute))
	nested, _ := srv.AddReply(bob, reply, "more rude words", t0.Add(2*time.Minute))
	// The thread is found from the reply when the action does not name it.
	moderate(t, c, platforms.ModerationAction{Kind: platforms.ModerateHide, TargetExternalID: nested})
	gate, ok := srv.Threadgate(root)
	if !ok {
		t.Fatal("no threadgate was written")
	}
	fields := gateFields(t, gate)
	if _, has := fields["allow"]; has {
		t.Fatalf("new threadgate %s has allow rules (an empty list would stop all replies)", gate)
	}
	if got := srv.HiddenReplies(root); !slices.Equal(got, []string{nested}) {
		t.Fatalf("hidden %v", got)
	}
	// Unhiding something not hidden is fine.
	moderate(t, c, platforms.ModerationAction{Kind: platforms.ModerateUnhide, TargetExternalID: reply, ThreadExternalID: root})
}

func TestModerationRefused(t *testing.T) {
	srv, c := start(t)
	own := srv.AddOwnPost("mine", t0)
	reply, _ := srv.AddReply(alice, own, "hi", t0.Add(time.Minute))
	others := srv.AddPost(alice, "alice's post", t0)
	replyOnOthers, _ := srv.AddReply(bob, others, "hi", t0.Add(time.Minute))
	full := srv.AddOwnPost("popular", t0)
	var hidden []string
	for i := range bluesky.MaxHiddenReplies {
		hidden = append(hidden, fmt.Sprintf("at://%s/app.bsky.feed.post/3k%d", bob.DID, i))
	}
	if err := srv.SetThreadgate(full, nil, hidden); err != nil {
		t.Fatal(err)
	}
	oneMore, _ := srv.AddReply(carol, full, "hi", t0.Add(time.Minute))
	tests := []struct {
		name   string
		action platforms.ModerationAction
	}{
		{"hide under someone else's post", platforms.ModerationAction{Kind: platforms.ModerateHide, TargetExternalID: replyOnOthers, ThreadExternalID: others}},
		{"hide the thread's own post", platforms.ModerationAction{Kind: platforms.ModerateHide, TargetExternalID: own, ThreadExternalID: own}},
		{"hide past the threadgate limit", platforms.ModerationAction{Kind: platforms.ModerateHide, TargetExternalID: oneMore, ThreadExternalID: full}},
		{"hide a DM", platforms.ModerationAction{Kind: platforms.ModerateHide, TargetExternalID: "msg123", ThreadExternalID: "convo1"}},
		{"delete someone else's reply", platforms.ModerationAction{Kind: platforms.ModerateDelete, TargetExternalID: reply, ThreadExternalID: own}},
		{"reject", platforms.ModerationAction{Kind: platforms.ModerateReject, TargetExternalID: reply}},
		{"unknown action", platforms.ModerationAction{Kind: "pin", TargetExternalID: reply}},
		{"block without an author", platforms.ModerationAction{Kind: platforms.ModerateBlock}},
		{"block by handle", platforms.ModerationAction{Kind: platforms.ModerateBlock, AuthorExternalID: "alice.test"}},
		{"block oneself", platforms.ModerationAction{Kind: platforms.ModerateBlock, AuthorExternalID: ownDID}},
		{"report nothing", platforms.ModerationAction{Kind: platforms.ModerateReport, Reason: "spam"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := c.(platforms.Moderator).Moderate(context.Background(), tt.action)
			wantKind(t, err, platforms.KindPermanent)
		})
	}
	if got := srv.HiddenReplies(full); len(got) != bluesky.MaxHiddenReplies {
		t.Fatalf("the full threadgate changed to %d entries", len(got))
	}
	if !srv.HasRecord(reply) || len(srv.Blocked()) != 0 || len(srv.Reports()) != 0 {
		t.Fatal("a refused action reached the fake")
	}
}

func TestMuteBlockReportDelete(t *testing.T) {
	srv, c := start(t)
	srv.AddProfile(alice)
	own := srv.AddOwnPost("mine", t0)
	spam, _ := srv.AddReply(bob, own, "buy followers", t0.Add(time.Minute))
	mistake, err := c.Send(context.Background(), platforms.OutgoingMessage{ThreadExternalID: own, ThreadKind: platforms.ThreadComment, Text: "typo"})
	if err != nil {
		t.Fatal(err)
	}

	moderate(t, c, platforms.ModerationAction{Kind: platforms.ModerateMute, AuthorExternalID: alice.DID})
	moderate(t, c, platforms.ModerationAction{Kind: platforms.ModerateMute, TargetExternalID: spam}) // author from the post
	if got := srv.Muted(); !slices.Equal(got, []string{alice.DID, bob.DID}) {
		t.Fatalf("muted %v", got)
	}

	moderate(t, c, platforms.ModerationAction{Kind: platforms.ModerateBlock, AuthorExternalID: bob.DID, TargetExternalID: spam})
	if got := srv.Blocked(); !slices.Equal(got, []string{bob.DID}) {
		t.Fatalf("blocked %v", got)
	}

	moderate(t, c, platforms.ModerationAction{Kind: platforms.ModerateReport, TargetExternalID: spam, AuthorExternalID: bob.DID, Reason: "spam: sells followers"})
	moderate(t, c, platforms.ModerationAction{Kind: platforms.ModerateReport, AuthorExternalID: carol.DID, Reason: "impersonates me"})
	reports := srv.Reports()
	if len(reports) != 2 {
		t.Fatalf("reports %+v", reports)
	}
	if r := reports[0]; r.ReasonType != "com.atproto.moderation.defs#reasonSpam" || r.Reason != "sells followers" || r.SubjectURI != spam || r.SubjectCID == "" {
		t.Fatalf("post report %+v", r)
	}
	if r := reports[1]; r.ReasonType != "com.atproto.moderation.defs#reasonOther" || r.Reason != "impersonates me" || r.SubjectDID != carol.DID {
		t.Fatalf("account report %+v", r)
	}

	moderate(t, c, platforms.ModerationAction{Kind: platforms.ModerateDelete, TargetExternalID: mistake.ExternalID, ThreadExternalID: own})
	if srv.HasRecord(mistake.ExternalID) {
		t.Fatal("own reply not deleted")
	}
	if !srv.HasRecord(spam) {
		t.Fatal("someone else's reply was deleted")
	}
}
