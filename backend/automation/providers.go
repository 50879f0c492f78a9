package automation

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
	"time"

	"creatordesk/backend/secrets"
)

// OfflineDrafter picks the saved reply that fits the message's intent and
// fills its tokens from the thread. It needs no network.
type OfflineDrafter struct {
	Templates Templates
}

// Name implements Provider.
func (OfflineDrafter) Name() string { return "offline" }

// ErrNoFittingTemplate: no saved reply fits the message.
var ErrNoFittingTemplate = errors.New("automation: no saved reply fits this message")

// Draft implements Provider.
func (o OfflineDrafter) Draft(ctx context.Context, req DraftRequest) (string, error) {
	if o.Templates == nil {
		return "", ErrNoTemplates
	}
	id, ok, err := o.Templates.ForIntent(ctx, req.Intent, req.Kind, req.Conversation.Language)
	if err != nil {
		return "", err
	}
	if !ok {
		return "", ErrNoFittingTemplate
	}
	return o.Templates.Render(ctx, id, req.Conversation)
}

// OpenAIDrafter asks an OpenAI-compatible chat completions endpoint (a local
// model server or a hosted API). The API key lives in the keyring.
type OpenAIDrafter struct {
	// BaseURL is the API root, e.g. http://127.0.0.1:11434/v1 or https://api.openai.com/v1.
	BaseURL string
	Model   string
	Vault   secrets.Vault
	// KeyName is the vault key of the API key (see APIKeyName); a missing key sends no Authorization.
	KeyName string
	Client  *http.Client
}

// APIKeyName is the vault key of a workspace's AI endpoint key.
func APIKeyName(workspaceID string) string { return workspaceID + "/automation/ai-endpoint/key" }

// Name implements Provider.
func (o *OpenAIDrafter) Name() string { return "openai-compatible:" + o.Model }

// systemPrompt tells the model what to write.
const systemPrompt = "You draft short, friendly replies for a small creator-led shop. Answer in the customer's language. " +
	"Never promise prices, refunds or legal outcomes; a person reviews every draft before it is sent."

// Draft implements Provider.
func (o *OpenAIDrafter) Draft(ctx context.Context, req DraftRequest) (string, error) {
	msgs := []map[string]string{{"role": "system", "content": systemPrompt}}
	for _, m := range req.Thread {
		role := "user"
		if m.Direction == "out" {
			role = "assistant"
		}
		msgs = append(msgs, map[string]string{"role": role, "content": m.Text})
	}
	return o.complete(ctx, msgs, 0)
}

// Test asks the endpoint for a one-word answer, to check the address, the
// model and the key before any draft depends on them.
func (o *OpenAIDrafter) Test(ctx context.Context) error {
	_, err := o.complete(ctx, []map[string]string{{"role": "user", "content": "Reply with the single word OK."}}, 5)
	return err
}

// complete posts a chat completion and returns the first answer's text.
// Failures are *AIEndpointError values the UI can translate.
func (o *OpenAIDrafter) complete(ctx context.Context, msgs []map[string]string, maxTokens int) (string, error) {
	if o.BaseURL == "" || o.Model == "" {
		return "", &AIEndpointError{Reason: AINotConfigured}
	}
	req := map[string]any{"model": o.Model, "messages": msgs, "temperature": 0.3}
	if maxTokens > 0 {
		req["max_tokens"] = maxTokens
	}
	body, _ := json.Marshal(req)
	ctx, cancel := context.WithTimeout(ctx, 60*time.Second)
	defer cancel()
	httpReq, err := http.NewRequestWithContext(ctx, http.MethodPost, strings.TrimRight(o.BaseURL, "/")+"/chat/completions", bytes.NewReader(body))
	if err != nil {
		return "", &AIEndpointError{Reason: AIBadAddress}
	}
	httpReq.Header.Set("Content-Type", "application/json")
	if o.Vault != nil && o.KeyName != "" {
		if key, err := o.Vault.Get(ctx, o.KeyName); err == nil && key != "" {
			httpReq.Header.Set("Authorization", "Bearer "+key)
		} else if err != nil && !errors.Is(err, secrets.ErrNotFound) {
			return "", &AIEndpointError{Reason: AIKeyringUnavailable}
		}
	}
	client := o.Client
	if client == nil {
		client = http.DefaultClient
	}
	resp, err := client.Do(httpReq)
	if err != nil {
		return "", &AIEndpointError{Reason: AIUnreachable}
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
	switch {
	case resp.StatusCode == http.StatusUnauthorized || resp.StatusCode == http.StatusForbidden:
		return "", &AIEndpointError{Reason: AIUnauthorized, Status: resp.StatusCode}
	case resp.StatusCode == http.StatusNotFound:
		return "", &AIEndpointError{Reason: AINotFound, Status: resp.StatusCode}
	case resp.StatusCode != http.StatusOK:
		return "", &AIEndpointError{Reason: AIStatus, Status: resp.StatusCode}
	}
	var out struct {
		Choices []struct {
			Message struct {
				Content string `json:"content"`
			} `json:"message"`
		} `json:"choices"`
	}
	if err := json.Unmarshal(raw, &out); err != nil || len(out.Choices) == 0 {
		return "", &AIEndpointError{Reason: AINoAnswer}
	}
	text := strings.TrimSpace(out.Choices[0].Message.Content)
	if text == "" {
		return "", &AIEndpointError{Reason: AINoAnswer}
	}
	return text, nil
}

// Reasons an AI endpoint call fails (errors.automation.ai.<reason>).
const (
	AINotConfigured      = "notConfigured"
	AIBadAddress         = "badAddress"
	AIUnreachable        = "unreachable"
	AIUnauthorized       = "unauthorized"
	AINotFound           = "notFound"
	AIStatus             = "status"
	AINoAnswer           = "noAnswer"
	AIKeyringUnavailable = "keyring"
)

// AIEndpointError says why the AI endpoint could not be used; it never holds the key.
type AIEndpointError struct {
	Reason string
	// Status is the HTTP status when the endpoint answered with an error.
	Status int
}

// Error implements error.
func (e *AIEndpointError) Error() string {
	if e.Status != 0 {
		return fmt.Sprintf("automation: AI endpoint %s (HTTP %d)", e.Reason, e.Status)
	}
	return "automation: AI endpoint " + e.Reason
}

// ErrorKey implements app.KeyedError.
func (e *AIEndpointError) ErrorKey() (code, key string, args map[string]string) {
	return "ai_endpoint", "errors.automation.ai." + e.Reason, map[string]string{"status": strconv.Itoa(e.Status)}
}
