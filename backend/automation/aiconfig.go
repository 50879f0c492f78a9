package automation

import (
	"context"
	"encoding/json"
	"errors"
	"net"
	"net/http"
	"net/url"
	"strings"

	"creatordesk/backend/secrets"
	"creatordesk/backend/store"
)

// Setting keys of the optional OpenAI-compatible endpoint. The API key is
// never in the database: it lives in the keyring under APIKeyName.
const (
	KeyAIBaseURL = "automation.ai.base_url"
	KeyAIModel   = "automation.ai.model"
)

// AIConfig is the optional AI endpoint: a local model server or a hosted API.
type AIConfig struct {
	BaseURL string
	Model   string
	// HasKey says whether a key is in the keyring (the key itself is never read back).
	HasKey bool
}

// Configured reports whether drafts go to the endpoint.
func (c AIConfig) Configured() bool { return c.BaseURL != "" && c.Model != "" }

// AISettings reads and changes the endpoint's settings and key.
type AISettings struct {
	Store *store.Store
	Vault secrets.Vault
	// KeyName is the keyring entry of the API key (APIKeyName of the workspace).
	KeyName string
	// Client makes the endpoint's HTTP calls (http.DefaultClient when nil).
	Client *http.Client
}

// Read returns the settings; HasKey is false when the keyring cannot be reached.
func (a *AISettings) Read(ctx context.Context) AIConfig {
	base, _ := a.Store.Setting(ctx, KeyAIBaseURL, "")
	model, _ := a.Store.Setting(ctx, KeyAIModel, "")
	c := AIConfig{BaseURL: base, Model: model}
	if a.Vault != nil && a.KeyName != "" {
		if k, err := a.Vault.Get(ctx, a.KeyName); err == nil && k != "" {
			c.HasKey = true
		}
	}
	return c
}

// Save validates and stores the address and model ("" for both turns the
// endpoint off: drafts use the offline drafter) and records the change.
func (a *AISettings) Save(ctx context.Context, actor, baseURL, model string) (AIConfig, error) {
	baseURL, model = strings.TrimRight(strings.TrimSpace(baseURL), "/"), strings.TrimSpace(model)
	if baseURL != "" || model != "" {
		if err := checkEndpointURL(baseURL); err != nil {
			return a.Read(ctx), err
		}
		if model == "" || len(model) > 200 {
			return a.Read(ctx), &InvalidRuleError{Field: "aiModel"}
		}
	}
	before := a.Read(ctx)
	if err := a.Store.SetSetting(ctx, KeyAIBaseURL, baseURL); err != nil {
		return before, err
	}
	if err := a.Store.SetSetting(ctx, KeyAIModel, model); err != nil {
		return before, err
	}
	after := a.Read(ctx)
	_, err := a.Store.AppendAudit(ctx, store.AuditEvent{Actor: actor, Action: "automation.ai_endpoint_saved", TargetType: "automation",
		BeforeJSON: aiJSON(before), AfterJSON: aiJSON(after)})
	return after, err
}

// SetKey stores the API key in the keyring ("" removes it). The audit trail
// records that the key changed, never the key.
func (a *AISettings) SetKey(ctx context.Context, actor, key string) (AIConfig, error) {
	if a.Vault == nil || a.KeyName == "" {
		return a.Read(ctx), &AIEndpointError{Reason: AIKeyringUnavailable}
	}
	key = strings.TrimSpace(key)
	var err error
	action := "automation.ai_key_set"
	if key == "" {
		err, action = a.Vault.Delete(ctx, a.KeyName), "automation.ai_key_removed"
	} else {
		err = a.Vault.Set(ctx, a.KeyName, key)
	}
	if err != nil {
		if errors.Is(err, secrets.ErrTooBig) {
			return a.Read(ctx), &InvalidRuleError{Field: "aiKey"}
		}
		return a.Read(ctx), &AIEndpointError{Reason: AIKeyringUnavailable}
	}
	_, err = a.Store.AppendAudit(ctx, store.AuditEvent{Actor: actor, Action: action, TargetType: "automation"})
	return a.Read(ctx), err
}

// Drafter returns the drafter for the saved settings (ok false when the endpoint is off).
func (a *AISettings) Drafter(ctx context.Context) (*OpenAIDrafter, bool) {
	c := a.Read(ctx)
	if !c.Configured() {
		return nil, false
	}
	return &OpenAIDrafter{BaseURL: c.BaseURL, Model: c.Model, Vault: a.Vault, KeyName: a.KeyName, Client: a.Client}, true
}

// Test calls the saved endpoint once; it fails with a translatable *AIEndpointError.
func (a *AISettings) Test(ctx context.Context) error {
	d, ok := a.Drafter(ctx)
	if !ok {
		return &AIEndpointError{Reason: AINotConfigured}
	}
	return d.Test(ctx)
}

// checkEndpointURL accepts https anywhere and plain http only on this
// machine (a local model server), so a key never crosses a network unencrypted.
func checkEndpointURL(raw string) error {
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" || u.User != nil {
		return &AIEndpointError{Reason: AIBadAddress}
	}
	switch u.Scheme {
	case "https":
		return nil
	case "http":
		host := u.Hostname()
		if ip := net.ParseIP(host); strings.EqualFold(host, "localhost") || (ip != nil && ip.IsLoopback()) {
			return nil
		}
	}
	return &AIEndpointError{Reason: AIBadAddress}
}

// aiJSON is the endpoint's settings as the audit trail keeps them (no key).
func aiJSON(c AIConfig) string {
	key := "none"
	if c.HasKey {
		key = "set"
	}
	b, _ := json.Marshal(map[string]string{"baseUrl": c.BaseURL, "model": c.Model, "key": key})
	return string(b)
}

// SwitchingProvider drafts with the AI endpoint when one is saved, else with
// the offline drafter. A failing endpoint is an error (the draft is not
// silently written by another provider).
type SwitchingProvider struct {
	AI      *AISettings
	Offline Provider
}

// Name implements Provider.
func (p *SwitchingProvider) Name() string {
	if d, ok := p.AI.Drafter(context.Background()); ok {
		return d.Name()
	}
	return p.Offline.Name()
}

// Draft implements Provider.
func (p *SwitchingProvider) Draft(ctx context.Context, req DraftRequest) (string, error) {
	if d, ok := p.AI.Drafter(ctx); ok {
		return d.Draft(ctx, req)
	}
	return p.Offline.Draft(ctx, req)
}
