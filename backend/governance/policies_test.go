package governance_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"creatordesk/backend/governance"
	"creatordesk/backend/governance/govtest"
	"creatordesk/backend/inbox"
	"creatordesk/backend/store"
)

// gated returns an environment whose send gate has the governance policies.
func gated(t *testing.T) (*govtest.Env, *governance.Ledger) {
	e := govtest.New(t)
	g := &governance.Gate{Store: e.Store}
	e.Inbox.Policies = append(e.Inbox.Policies, g.Policies()...)
	e.Inbox.AfterSend = append(e.Inbox.AfterSend, g.AfterSend)
	return e, &governance.Ledger{Store: e.Store}
}

// reason returns the refusal reason of err ("" when not refused).
func reason(err error) string {
	var r *governance.RefusedError
	if errors.As(err, &r) {
		return r.Reason
	}
	return ""
}

func auto(conv int64, text string) inbox.SendRequest {
	return inbox.SendRequest{ConversationID: conv, Text: text, Actor: "automation:1", Origin: inbox.OriginAutomation}
}

func TestStopInEachLanguageRefusesAutomatedButNotHumanReplies(t *testing.T) {
	stops := map[string]string{"en": "STOP", "zh-Hans": "退订", "zh-Hant": "取消訂閱", "ro": "Dezabonare", "hi": "बंद करें"}
	starts := map[string]string{"en": "START", "zh-Hans": "订阅", "zh-Hant": "訂閱", "ro": "Pornește", "hi": "शुरू करें"}
	ctx := context.Background()
	for lang, stop := range stops {
		t.Run(lang, func(t *testing.T) {
			e, ledger := gated(t)
			ana := govtest.Person{ID: 42, Name: "Ana"}
			conv, ids := e.Receive(ana, stop)
			if n, err := ledger.HandleInbound(ctx, ids); err != nil || n != 1 {
				t.Fatalf("STOP not recorded: %d %v", n, err)
			}
			_, err := e.Inbox.Send(ctx, auto(conv, "Thanks for your message!"))
			if reason(err) != governance.RefusedOptedOut {
				t.Fatalf("automated send after %q: %v", stop, err)
			}
			var keyed interface {
				ErrorKey() (string, string, map[string]string)
			}
			if !errors.As(err, &keyed) {
				t.Fatal("refusal is not translatable")
			}
			if _, key, args := keyed.ErrorKey(); key != "errors.automation.refused.optedOut" || args["at"] == "" {
				t.Fatalf("key %s args %v", key, args)
			}
			if _, err := e.Inbox.Send(ctx, inbox.SendRequest{ConversationID: conv, Text: "offer", Actor: "ana",
				Origin: inbox.OriginTemplate, Marketing: true}); reason(err) != governance.RefusedOptedOut {
				t.Fatalf("marketing template after STOP: %v", err)
			}
			if m, err := e.Inbox.Reply(ctx, conv, "dana", "Of course, no more automatic messages."); err != nil || m.State != store.StateSent {
				t.Fatalf("a person's reply must go out: %v", err)
			}
			entries, _ := e.Store.OptOutLedger(ctx, 0, 10)
			if len(entries) != 2 || entries[0].MessageID == nil || entries[0].Channel != "telegram" {
				t.Fatalf("ledger %+v", entries)
			}
			e.Clock.Advance(time.Minute)
			_, ids = e.Receive(ana, starts[lang])
			if n, _ := ledger.HandleInbound(ctx, ids); n != 1 {
				t.Fatal("START not recorded")
			}
			if _, err := e.Inbox.Send(ctx, auto(conv, "Welcome back!")); err != nil {
				t.Fatalf("after START: %v", err)
			}
		})
	}
}

func TestMarketingNeedsConsent(t *testing.T) {
	e, ledger := gated(t)
	ctx := context.Background()
	conv, ids := e.Receive(govtest.Person{ID: 7, Name: "Ion"}, "yes please send me offers")
	req := inbox.SendRequest{ConversationID: conv, Text: "20% off this week", Actor: "dana", Origin: inbox.OriginTemplate, Marketing: true}
	if _, err := e.Inbox.Send(ctx, req); reason(err) != governance.RefusedNoConsent {
		t.Fatalf("without consent: %v", err)
	}
	c, _ := e.Store.ConversationByID(ctx, conv)
	if _, err := ledger.RecordConsent(ctx, "dana", store.ConsentRecord{ContactID: *c.ContactID, Purpose: governance.PurposeMarketing,
		Granted: true, Channel: "telegram", EvidenceMessageID: &ids[0]}); err != nil {
		t.Fatal(err)
	}
	if _, err := e.Inbox.Send(ctx, req); err != nil {
		t.Fatalf("with consent: %v", err)
	}
	_, _ = ledger.RecordConsent(ctx, "dana", store.ConsentRecord{ContactID: *c.ContactID, Purpose: governance.PurposeMarketing})
	if _, err := e.Inbox.Send(ctx, req); reason(err) != governance.RefusedNoConsent {
		t.Fatalf("after withdrawal: %v", err)
	}
}

func TestCapsPerContactHourAndPerAccountDay(t *testing.T) {
	e, _ := gated(t)
	ctx := context.Background()
	_ = e.Store.SetSetting(ctx, governance.KeyLoopCap, "100")
	conv, _ := e.Receive(govtest.Person{ID: 9, Name: "Mia"}, "hello")
	for i := 0; i < governance.DefaultContactHourly; i++ {
		if _, err := e.Inbox.Send(ctx, auto(conv, "reply")); err != nil {
			t.Fatalf("send %d: %v", i, err)
		}
	}
	if _, err := e.Inbox.Send(ctx, auto(conv, "one too many")); reason(err) != governance.RefusedContactCap {
		t.Fatalf("hourly cap: %v", err)
	}
	e.Clock.Advance(time.Hour)
	if _, err := e.Inbox.Send(ctx, auto(conv, "next hour")); err != nil {
		t.Fatalf("next hour: %v", err)
	}
	_ = e.Store.SetSetting(ctx, governance.KeyAccountDaily, "4")
	e.Clock.Advance(time.Hour)
	other, _ := e.Receive(govtest.Person{ID: 10, Name: "Leo"}, "hi")
	if _, err := e.Inbox.Send(ctx, auto(other, "hi Leo")); reason(err) != governance.RefusedAccountCap {
		t.Fatalf("daily account cap: %v", err)
	}
}

func TestLoopGuardStopsBotsEchoesAndPingPong(t *testing.T) {
	e, _ := gated(t)
	ctx := context.Background()
	bot := govtest.Person{ID: 77, Name: "OtherShopBot", IsBot: true}
	conv, _ := e.Receive(bot, "Thanks for contacting us!")
	if _, err := e.Inbox.Send(ctx, auto(conv, "Hi! How can we help?")); reason(err) != governance.RefusedBot {
		t.Fatalf("answering a bot: %v", err)
	}
	// Two automations answering each other (the other side not flagged as a bot):
	// ours answers every message until the loop cap stops it.
	other := govtest.Person{ID: 78, Name: "Auto Responder"}
	sent := 0
	text := "Hello!"
	for round := 0; round < 10; round++ {
		e.Clock.Advance(5 * time.Second)
		c, _ := e.Receive(other, text+" (auto)")
		if _, err := e.Inbox.Send(ctx, auto(c, "Thanks, we got your message")); err != nil {
			if reason(err) != governance.RefusedLoop {
				t.Fatalf("round %d: %v", round, err)
			}
			break
		}
		sent++
		text = "We are away"
	}
	if sent != governance.DefaultLoopCap {
		t.Fatalf("automation answered %d times, want it to stop at %d", sent, governance.DefaultLoopCap)
	}
	// Our own text coming back as an inbound message is an echo.
	e.Clock.Advance(time.Hour)
	echoConv, _ := e.Receive(govtest.Person{ID: 79, Name: "Echo"}, "hi")
	m, err := e.Inbox.Send(ctx, auto(echoConv, "Thanks!"))
	if err != nil {
		t.Fatal(err)
	}
	e.Clock.Advance(time.Second)
	e.Receive(govtest.Person{ID: 79, Name: "Echo"}, m.Text)
	if _, err := e.Inbox.Send(ctx, auto(echoConv, "Thanks!")); reason(err) != governance.RefusedEcho {
		t.Fatalf("echo: %v", err)
	}
}

func TestDisclosureLabelAndFirstNotice(t *testing.T) {
	e, _ := gated(t)
	ctx := context.Background()
	conv, _ := e.Receive(govtest.Person{ID: 5, Name: "Eva"}, "is the vase in stock?")
	m1, err := e.Inbox.Send(ctx, auto(conv, "Yes, it is."))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(m1.Text, "assistant") || !strings.HasSuffix(m1.Text, "— automated reply") {
		t.Fatalf("first automated message: %q", m1.Text)
	}
	m2, _ := e.Inbox.Send(ctx, auto(conv, "Anything else?"))
	if strings.Contains(m2.Text, "assistant") || !strings.HasSuffix(m2.Text, "— automated reply") {
		t.Fatalf("second automated message: %q", m2.Text)
	}
	_ = e.Store.SetSetting(ctx, governance.KeyDisclosureLabel, "[bot]")
	m3, _ := e.Inbox.Send(ctx, auto(conv, "Bye"))
	if !strings.HasSuffix(m3.Text, "[bot]") {
		t.Fatalf("configured label: %q", m3.Text)
	}
	h, _ := e.Inbox.Reply(ctx, conv, "dana", "Hi, Dana here")
	if h.Text != "Hi, Dana here" {
		t.Fatalf("a person's reply was labelled: %q", h.Text)
	}
	audit, _ := e.Store.SearchAudit(ctx, store.AuditFilter{Action: "disclosure.sent"}, 10)
	if len(audit) != 1 {
		t.Fatalf("disclosure recorded %d times", len(audit))
	}
}

func TestKillSwitchRefusesAutomatedSends(t *testing.T) {
	e, _ := gated(t)
	ctx := context.Background()
	conv, _ := e.Receive(govtest.Person{ID: 3, Name: "Tom"}, "hi")
	if err := governance.SetPaused(ctx, e.Store, "dana", true); err != nil {
		t.Fatal(err)
	}
	if _, err := e.Inbox.Send(ctx, auto(conv, "hello")); reason(err) != governance.RefusedPaused {
		t.Fatalf("paused: %v", err)
	}
	if _, err := e.Inbox.Reply(ctx, conv, "dana", "hello from a person"); err != nil {
		t.Fatalf("person while paused: %v", err)
	}
	_ = governance.SetPaused(ctx, e.Store, "dana", false)
	if _, err := e.Inbox.Send(ctx, auto(conv, "hello")); err != nil {
		t.Fatalf("resumed: %v", err)
	}
}
