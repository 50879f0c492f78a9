package mastodon_test

import (
	"context"
	"slices"
	"strings"
	"testing"

	"creatordesk/backend/platforms"
	"creatordesk/backend/platforms/mastodon/mastodonfake"
)

func TestModerate(t *testing.T) {
	type ids struct{ mine, theirs, gone string }
	type outcome struct {
		blocks, deleted []string
		mutes           []mastodonfake.Mute
		reports         []mastodonfake.Report
	}
	tests := []struct {
		name     string
		action   func(ids) platforms.ModerationAction
		want     func(ids) outcome
		wantKind platforms.ErrorKind // empty: success
		wantText string
		// noRequests: refused before any request.
		noRequests bool
	}{
		{"block the author", func(i ids) platforms.ModerationAction {
			return platforms.ModerationAction{Kind: platforms.ModerateBlock, AuthorExternalID: alice.ID, TargetExternalID: i.theirs}
		}, func(ids) outcome { return outcome{blocks: []string{alice.ID}} }, "", "", false},
		{"block the target's author", func(i ids) platforms.ModerationAction {
			return platforms.ModerationAction{Kind: platforms.ModerateBlock, TargetExternalID: i.theirs}
		}, func(ids) outcome { return outcome{blocks: []string{alice.ID}} }, "", "", false},
		{"mute", func(i ids) platforms.ModerationAction {
			return platforms.ModerationAction{Kind: platforms.ModerateMute, AuthorExternalID: alice.ID}
		}, func(ids) outcome {
			return outcome{mutes: []mastodonfake.Mute{{AccountID: alice.ID, Notifications: true}}}
		}, "", "", false},
		{"report with the status and a reason", func(i ids) platforms.ModerationAction {
			return platforms.ModerationAction{Kind: platforms.ModerateReport, TargetExternalID: i.theirs, Reason: "  spam links  "}
		}, func(i ids) outcome {
			return outcome{reports: []mastodonfake.Report{{ID: "1", AccountID: alice.ID, StatusIDs: []string{i.theirs}, Comment: "spam links", Category: "other"}}}
		}, "", "", false},
		{"report without a status, long reason cut", func(ids) platforms.ModerationAction {
			return platforms.ModerationAction{Kind: platforms.ModerateReport, AuthorExternalID: alice.ID, Reason: strings.Repeat("é", 1200)}
		}, func(ids) outcome {
			return outcome{reports: []mastodonfake.Report{{ID: "1", AccountID: alice.ID, Comment: strings.Repeat("é", 1000), Category: "other"}}}
		}, "", "", false},
		{"delete own status", func(i ids) platforms.ModerationAction {
			return platforms.ModerationAction{Kind: platforms.ModerateDelete, TargetExternalID: i.mine}
		}, func(i ids) outcome { return outcome{deleted: []string{i.mine}} }, "", "", false},
		{"delete a status already gone", func(i ids) platforms.ModerationAction {
			return platforms.ModerationAction{Kind: platforms.ModerateDelete, TargetExternalID: i.gone}
		}, func(ids) outcome { return outcome{} }, "", "", false},
		{"delete someone else's status", func(i ids) platforms.ModerationAction {
			return platforms.ModerationAction{Kind: platforms.ModerateDelete, TargetExternalID: i.theirs}
		}, func(ids) outcome { return outcome{} }, platforms.KindPermanent, "only its own statuses", false},
		{"hide", func(i ids) platforms.ModerationAction {
			return platforms.ModerationAction{Kind: platforms.ModerateHide, TargetExternalID: i.theirs}
		}, func(ids) outcome { return outcome{} }, platforms.KindPermanent, "cannot hide", true},
		{"unhide", func(i ids) platforms.ModerationAction {
			return platforms.ModerationAction{Kind: platforms.ModerateUnhide, TargetExternalID: i.theirs}
		}, func(ids) outcome { return outcome{} }, platforms.KindPermanent, "cannot hide", true},
		{"reject", func(i ids) platforms.ModerationAction {
			return platforms.ModerationAction{Kind: platforms.ModerateReject, TargetExternalID: i.theirs}
		}, func(ids) outcome { return outcome{} }, platforms.KindPermanent, "cannot hide or reject", true},
		{"unknown action", func(i ids) platforms.ModerationAction {
			return platforms.ModerationAction{Kind: "shadowban", TargetExternalID: i.theirs}
		}, func(ids) outcome { return outcome{} }, platforms.KindPermanent, "unknown", true},
		{"block without author or target", func(ids) platforms.ModerationAction {
			return platforms.ModerationAction{Kind: platforms.ModerateBlock}
		}, func(ids) outcome { return outcome{} }, platforms.KindPermanent, "needs the author", false},
		{"block oneself", func(ids) platforms.ModerationAction {
			return platforms.ModerationAction{Kind: platforms.ModerateBlock, AuthorExternalID: "1"}
		}, func(ids) outcome { return outcome{} }, platforms.KindPermanent, "itself", false},
		{"block an unknown account", func(ids) platforms.ModerationAction {
			return platforms.ModerationAction{Kind: platforms.ModerateBlock, AuthorExternalID: "999"}
		}, func(ids) outcome { return outcome{} }, platforms.KindPermanent, "Record not found", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv, c := start(t)
			var i ids
			i.mine = srv.AddStatus(mastodonfake.Post{From: srv.Self, Text: "launch", At: t0})
			i.theirs = srv.AddMention(mastodonfake.Post{From: alice, Text: "@brand buy followers at spam.example", InReplyTo: i.mine, At: t0})
			i.gone = srv.AddStatus(mastodonfake.Post{From: srv.Self, Text: "oops", At: t0})
			if err := srv.DeleteStatus(i.gone); err != nil {
				t.Fatal(err)
			}
			err := c.(platforms.Moderator).Moderate(context.Background(), tt.action(i))
			if tt.wantKind != "" {
				if pe := wantKind(t, err, tt.wantKind); !strings.Contains(pe.Message, tt.wantText) {
					t.Fatalf("error %q lacks %q", pe.Message, tt.wantText)
				}
			} else if err != nil {
				t.Fatal(err)
			}
			if tt.noRequests && len(srv.Requests()) != 0 {
				t.Fatalf("requests were made: %+v", srv.Requests())
			}
			want := tt.want(i)
			if !slices.Equal(srv.Blocks(), want.blocks) || !slices.Equal(srv.Mutes(), want.mutes) || !slices.Equal(srv.Deleted(), want.deleted) ||
				!slices.EqualFunc(srv.Reports(), want.reports, func(a, b mastodonfake.Report) bool {
					return a.ID == b.ID && a.AccountID == b.AccountID && slices.Equal(a.StatusIDs, b.StatusIDs) && a.Comment == b.Comment && a.Category == b.Category && a.Forward == b.Forward
				}) {
				t.Fatalf("blocks %v mutes %+v deleted %v reports %+v; want %+v", srv.Blocks(), srv.Mutes(), srv.Deleted(), srv.Reports(), want)
			}
		})
	}
}
