package automation_test

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"creatordesk/backend/automation"
	"creatordesk/backend/secrets"
	"creatordesk/backend/store"
)

// aiServer is an OpenAI-compatible endpoint that wants the key "sk-good".
func aiServer(t *testing.T) *httptest.Server {
	srv := httptest.NewServer(http.HandlerFunc(func(rw http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/v1/chat/completions" {
			http.NotFound(rw, r)
			return
		}
		if r.Header.Get("Authorization") != "Bearer sk-good" {
			http.Error(rw, `{"error":{"message":"bad key"}}`, http.StatusUnauthorized)
			return
		}
		_, _ = rw.Write([]byte(`{"choices":[{"message":{"role":"assistant","content":"OK"}}]}`))
	}))
	t.Cleanup(srv.Close)
	return srv
}

// aiReason is the translated reason of an AI endpoint error ("" when none).
func aiReason(err error) string {
	var e *automation.AIEndpointError
	if errors.As(err, &e) {
		_, key, _ := e.ErrorKey()
		return strings.TrimPrefix(key, "errors.automation.ai.")
	}
	return ""
}

func TestAIEndpointSettingsKeepTheKeyInTheKeyringAndTestTheConnection(t *testing.T) {
	w := newWorld(t)
	ctx := context.Background()
	srv := aiServer(t)
	vault := secrets.NewMemory()
	ai := &automation.AISettings{Store: w.Store, Vault: vault, KeyName: automation.APIKeyName("ws")}

	if err := ai.Test(ctx); aiReason(err) != automation.AINotConfigured {
		t.Fatalf("test before setup: %v", err)
	}
	for _, bad := range []string{"http://models.example.com/v1", "ftp://127.0.0.1/v1", "not a url", "https://user:pw@api.example.com"} {
		if _, err := ai.Save(ctx, "dana", bad, "small"); aiReason(err) != automation.AIBadAddress {
			t.Fatalf("address %q accepted: %v", bad, err)
		}
	}
	if _, err := ai.Save(ctx, "dana", srv.URL+"/v1", ""); err == nil {
		t.Fatal("a model is required")
	}
	cfg, err := ai.Save(ctx, "dana", srv.URL+"/v1/", "small")
	if err != nil || cfg.BaseURL != srv.URL+"/v1" || cfg.Model != "small" || cfg.HasKey {
		t.Fatalf("save: %+v %v", cfg, err)
	}
	if err := ai.Test(ctx); aiReason(err) != automation.AIUnauthorized {
		t.Fatalf("test without a key: %v", err)
	}
	if cfg, err = ai.SetKey(ctx, "dana", "sk-good"); err != nil || !cfg.HasKey {
		t.Fatalf("set key: %+v %v", cfg, err)
	}
	if err := ai.Test(ctx); err != nil {
		t.Fatalf("test with the key: %v", err)
	}
	// The key is in the keyring only: not in settings, not in the audit trail.
	var n int64
	_ = w.Store.R.Raw(`SELECT COUNT(*) FROM settings WHERE value LIKE '%sk-good%'`).Scan(&n).Error
	if n != 0 {
		t.Fatal("the API key is in the database")
	}
	audit, _ := w.Store.SearchAudit(ctx, store.AuditFilter{Actor: "dana"}, 20)
	actions := []string{}
	for _, a := range audit {
		if strings.Contains(a.BeforeJSON+a.AfterJSON+a.Reason, "sk-good") {
			t.Fatalf("the key is in the audit trail: %+v", a)
		}
		actions = append(actions, a.Action)
	}
	if !strings.Contains(strings.Join(actions, ","), "automation.ai_key_set") || !strings.Contains(strings.Join(actions, ","), "automation.ai_endpoint_saved") {
		t.Fatalf("audit actions %v", actions)
	}
	// Drafts now come from the endpoint; switched off, from the offline drafter.
	p := &automation.SwitchingProvider{AI: ai, Offline: automation.OfflineDrafter{Templates: templates{}}}
	if !strings.HasPrefix(p.Name(), "openai-compatible:") {
		t.Fatalf("provider %s", p.Name())
	}
	if text, err := p.Draft(ctx, automation.DraftRequest{Intent: "sales"}); err != nil || text != "OK" {
		t.Fatalf("AI draft %q %v", text, err)
	}
	if _, err := ai.Save(ctx, "dana", "", ""); err != nil {
		t.Fatal(err)
	}
	if p.Name() != "offline" {
		t.Fatalf("provider after switching off: %s", p.Name())
	}
	// A locked keyring and an unreachable server are told apart.
	if _, err := ai.Save(ctx, "dana", srv.URL+"/v1", "small"); err != nil {
		t.Fatal(err)
	}
	vault.FailWith = secrets.ErrLocked
	if err := ai.Test(ctx); aiReason(err) != automation.AIKeyringUnavailable {
		t.Fatalf("locked keyring: %v", err)
	}
	vault.FailWith = nil
	srv.Close()
	if err := ai.Test(ctx); aiReason(err) != automation.AIUnreachable {
		t.Fatalf("server down: %v", err)
	}
	if cfg, _ := ai.SetKey(ctx, "dana", ""); cfg.HasKey {
		t.Fatal("key not removed")
	}
}

func TestApprovalCategoriesAreConfigurable(t *testing.T) {
	w := newWorld(t)
	ctx := context.Background()
	if got := automation.ApprovalCategories(ctx, w.Store); strings.Join(got, ",") != "price,refund,legal,personal_data" {
		t.Fatalf("defaults %v", got)
	}
	if _, err := automation.SaveApprovalCategories(ctx, w.Store, "dana", []string{"price", "gossip"}); err == nil {
		t.Fatal("unknown category accepted")
	}
	got, err := automation.SaveApprovalCategories(ctx, w.Store, "dana", []string{"legal", "legal"})
	if err != nil || strings.Join(got, ",") != "legal" {
		t.Fatalf("save: %v %v", got, err)
	}
	// A price draft no longer needs approval; it still waits for a person.
	w.rule(t, automation.Conditions{Intents: []string{"sales"}}, automation.Action{Type: automation.ActionDraft})
	w.receive(t, ana, "How much is the blue mug?")
	drafts, _ := w.Store.Drafts(ctx, store.DraftPending, 10)
	if len(drafts) != 1 || drafts[0].NeedsApproval || !strings.Contains(drafts[0].Categories, "price") {
		t.Fatalf("draft %+v", drafts)
	}
	if got, _ := automation.SaveApprovalCategories(ctx, w.Store, "dana", nil); len(got) != 0 {
		t.Fatalf("none: %v", got)
	}
	audit, _ := w.Store.SearchAudit(ctx, store.AuditFilter{Action: "automation.approval_categories_saved"}, 10)
	if len(audit) != 2 {
		t.Fatalf("audit %d", len(audit))
	}
	var before []string
	_ = json.Unmarshal([]byte(audit[len(audit)-1].BeforeJSON), &before)
	if len(before) != 4 {
		t.Fatalf("first change's before: %s", audit[len(audit)-1].BeforeJSON)
	}
}
