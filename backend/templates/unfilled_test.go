package templates

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"reflect"
	"testing"

	"creatordesk/backend/inbox"
	"creatordesk/backend/store"
)

// fixture is testdata/unfilled.json, which the frontend's vitest reads too.
type fixture struct {
	Tokens []Token `json:"tokens"`
	Cases  []struct {
		Text     string   `json:"text"`
		Unfilled []string `json:"unfilled"`
	} `json:"cases"`
}

func loadFixture(t *testing.T) fixture {
	t.Helper()
	b, err := os.ReadFile("testdata/unfilled.json")
	if err != nil {
		t.Fatal(err)
	}
	var f fixture
	if err := json.Unmarshal(b, &f); err != nil {
		t.Fatal(err)
	}
	return f
}

func TestTokenListMatchesTheSharedFixture(t *testing.T) {
	if got := Tokens(); !reflect.DeepEqual(got, loadFixture(t).Tokens) {
		t.Fatalf("Tokens() = %v; testdata/unfilled.json says %v", got, loadFixture(t).Tokens)
	}
}

func TestUnfilledTokensSharedCases(t *testing.T) {
	for _, c := range loadFixture(t).Cases {
		got := UnfilledTokens(c.Text)
		if got == nil {
			got = []string{}
		}
		if !reflect.DeepEqual(got, c.Unfilled) {
			t.Errorf("UnfilledTokens(%q) = %v, want %v", c.Text, got, c.Unfilled)
		}
	}
}

func TestUnfilledPolicyRefusesOnlyTextsWithTokens(t *testing.T) {
	p := UnfilledPolicy{}
	req := &inbox.SendRequest{Text: "Order {order_id} for {first_name|you}"}
	err := p.Check(context.Background(), store.Conversation{}, req)
	var ue *UnfilledError
	if !errors.As(err, &ue) || !reflect.DeepEqual(ue.Tokens, []string{"order_id", "first_name"}) {
		t.Fatalf("err %v", err)
	}
	if _, key, args := ue.ErrorKey(); key != "errors.templates.unfilled" || args["tokens"] != "order_id, first_name" {
		t.Fatalf("key %s %v", key, args)
	}
	ok := &inbox.SendRequest{Text: "Order #1042 ships {today}"}
	if err := p.Check(context.Background(), store.Conversation{}, ok); err != nil || ok.Text != "Order #1042 ships {today}" {
		t.Fatalf("plain text refused or changed: %v %q", err, ok.Text)
	}
}
