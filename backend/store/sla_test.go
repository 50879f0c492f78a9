package store

import (
	"context"
	"errors"
	"testing"

	"creatordesk/backend/platforms"
)

func TestSLAPoliciesPresetsAndReplace(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	got, err := s.SLAPolicies(ctx)
	if err != nil || len(got) != 3 || got[0].Preset != "highIntentDm" || got[0].TargetMinutes != 60 || !got[0].BusinessHours || got[0].WarnPercent != 75 {
		t.Fatalf("presets %+v %v", got, err)
	}
	// Keep the second (edited), drop the others, add a new one in front.
	edited := got[1]
	edited.TargetMinutes = 90
	saved, err := s.ReplaceSLAPolicies(ctx, []SLAPolicy{{Name: "Danger", Tag: "danger", TargetMinutes: 15, WarnPercent: 50, Enabled: true}, edited})
	if err != nil || len(saved) != 2 {
		t.Fatalf("replace %+v %v", saved, err)
	}
	if saved[0].Name != "Danger" || saved[0].Position != 0 || saved[1].ID != edited.ID || saved[1].TargetMinutes != 90 || saved[1].Position != 1 {
		t.Fatalf("saved %+v", saved)
	}
}

func TestAwayClaimIsOncePerPeriod(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	a := addAccount(t, s, "telegram", "1")
	res, err := s.IngestPage(ctx, a.ID, []platforms.Message{msg("t1", "m1", "hi", 0)}, "")
	if err != nil {
		t.Fatal(err)
	}
	conv := res.ConversationIDs[0]
	id, err := s.ClaimAwayReply(ctx, conv, 1000)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.ClaimAwayReply(ctx, conv, 1000); !errors.Is(err, ErrDuplicate) {
		t.Fatalf("second claim: %v", err)
	}
	if _, err := s.ClaimAwayReply(ctx, conv, 2000); err != nil {
		t.Fatalf("next period: %v", err)
	}
	m, err := s.InsertOutgoing(ctx, conv, "sla", "We are away")
	if err != nil {
		t.Fatal(err)
	}
	if err := s.FinishAwayReply(ctx, id, m.ID, AwaySent); err != nil {
		t.Fatal(err)
	}
	if last, err := s.LastOutboundIsAway(ctx, conv); err != nil || !last {
		t.Fatalf("last outbound is away: %v %v", last, err)
	}
	if _, err := s.InsertOutgoing(ctx, conv, "dana", "Hello!"); err != nil {
		t.Fatal(err)
	}
	if last, _ := s.LastOutboundIsAway(ctx, conv); last {
		t.Fatal("a person's reply is not an away message")
	}
}
