package app

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

func TestAutomationSettingsFacade(t *testing.T) {
	s, _, fake, url := newSession(t)
	s.SetActor("Mara")
	api, gov := NewAutomation(s), NewGovernance(s)
	syncedConversation(t, s, fake, url, "hello")

	set, err := api.Settings()
	if err != nil || set.ContactHourlyCap != 3 || set.DefaultNotices["ro"] == "" || len(set.AllCategories) != 4 ||
		len(set.ApprovalCategories) != 4 || strings.Join(set.Channels, ",") != "telegram" || set.AI.BaseURL != "" {
		t.Fatalf("settings %+v %v", set, err)
	}
	set.ContactHourlyCap, set.ReviewSharePercent = 0, 30
	if _, err := api.SaveSettings(set); ToAppError(err).Key != "errors.automation.invalid.contactHourly" {
		t.Fatalf("zero cap: %v", err)
	}
	set.ContactHourlyCap = 5
	set.Labels = map[string]string{"telegram": "[assistant]"}
	set.Notices = map[string]string{"ro": "Salut! Îți răspunde asistentul nostru."}
	set.ApprovalCategories = []string{"refund", "legal"}
	set.AI.BaseURL = "http://example.com/v1"
	set.AI.Model = "small"
	if _, err := api.SaveSettings(set); ToAppError(err).Key != "errors.automation.ai.badAddress" {
		t.Fatalf("plain http to another host: %v", err)
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("Authorization") != "Bearer sk-1" {
			w.WriteHeader(http.StatusUnauthorized)
			return
		}
		_, _ = w.Write([]byte(`{"choices":[{"message":{"content":"OK"}}]}`))
	}))
	defer srv.Close()
	set.AI.BaseURL = srv.URL + "/v1"
	got, err := api.SaveSettings(set)
	if err != nil || got.ContactHourlyCap != 5 || got.ReviewSharePercent != 30 || got.Labels["telegram"] != "[assistant]" ||
		strings.Join(got.ApprovalCategories, ",") != "refund,legal" || got.AI.Model != "small" || got.AI.HasKey {
		t.Fatalf("saved %+v %v", got, err)
	}
	if st, _ := api.Status(); st.ContactHourlyCap != 5 || st.ReviewSharePercent != 30 {
		t.Fatalf("status %+v", st)
	}
	if _, err := api.TestAIEndpoint(); ToAppError(err).Key != "errors.automation.ai.unauthorized" {
		t.Fatalf("test without a key: %v", err)
	}
	if ai, err := api.SetAIKey("sk-1"); err != nil || !ai.HasKey {
		t.Fatalf("key %+v %v", ai, err)
	}
	if ai, err := api.TestAIEndpoint(); err != nil || !ai.HasKey {
		t.Fatalf("test %+v %v", ai, err)
	}
	acts := strings.Join(auditActions(t, gov, AuditQueryDTO{Actor: "Mara"}), ",")
	for _, want := range []string{"automation.settings_saved", "automation.approval_categories_saved", "automation.ai_endpoint_saved", "automation.ai_key_set"} {
		if !strings.Contains(acts, want) {
			t.Errorf("no %s in %s", want, acts)
		}
	}
	if list, err := api.PausedConversations(); err != nil || len(list) != 0 {
		t.Fatalf("paused %+v %v", list, err)
	}
}
