package governance_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"creatordesk/backend/governance"
	"creatordesk/backend/governance/govtest"
	"creatordesk/backend/store"
)

func TestSettingsAreValidatedAppliedAndAudited(t *testing.T) {
	e, _ := gated(t)
	ctx := context.Background()
	base := governance.Config{ContactHourly: 1, AccountDaily: 50, ReviewShare: 25}
	for field, c := range map[string]governance.Config{
		"contactHourly": {ContactHourly: 0, AccountDaily: 50},
		"accountDaily":  {ContactHourly: 1, AccountDaily: 100000},
		"reviewShare":   {ContactHourly: 1, AccountDaily: 50, ReviewShare: 101},
		"label":         {ContactHourly: 1, AccountDaily: 50, Labels: map[string]string{"Tele gram": "x"}},
		"notice":        {ContactHourly: 1, AccountDaily: 50, Notices: map[string]string{"fr": "Bonjour"}},
	} {
		var inv *governance.InvalidError
		if _, err := governance.SaveConfig(ctx, e.Store, "dana", c); !errors.As(err, &inv) || inv.Field != field {
			t.Fatalf("%s: %v", field, err)
		}
	}
	base.Labels = map[string]string{"telegram": "🤖 shop assistant", "mastodon": " "}
	base.Notices = map[string]string{"en": "Hello! A bot answers first; write PERSON for a human."}
	saved, err := governance.SaveConfig(ctx, e.Store, "dana", base)
	if err != nil {
		t.Fatal(err)
	}
	if len(saved.Labels) != 1 || governance.ReviewShare(ctx, e.Store) != 25 || governance.ReadLimits(ctx, e.Store).ContactHourly != 1 {
		t.Fatalf("saved %+v", saved)
	}
	conv, _ := e.Receive(govtest.Person{ID: 8, Name: "Ada"}, "is the vase in stock?")
	m, err := e.Inbox.Send(ctx, auto(conv, "Yes."))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(m.Text, "Hello! A bot answers first") || !strings.HasSuffix(m.Text, "🤖 shop assistant") {
		t.Fatalf("configured notice and channel label: %q", m.Text)
	}
	// The hourly cap of one applies at once.
	if _, err := e.Inbox.Send(ctx, auto(conv, "Anything else?")); reason(err) != governance.RefusedContactCap {
		t.Fatalf("cap of one: %v", err)
	}
	audit, _ := e.Store.SearchAudit(ctx, store.AuditFilter{Action: "automation.settings_saved"}, 10)
	if len(audit) != 1 || !strings.Contains(audit[0].BeforeJSON, `"contactHourlyCap":3`) || !strings.Contains(audit[0].AfterJSON, `"contactHourlyCap":1`) {
		t.Fatalf("audit %+v", audit)
	}
	// Blank texts fall back to the built-in ones.
	if governance.Label(ctx, e.Store, "mastodon", "ro") != governance.DefaultLabel("ro") || governance.Notice(ctx, e.Store, "hi") != governance.DefaultNotice("hi") {
		t.Fatal("fallbacks")
	}
}
