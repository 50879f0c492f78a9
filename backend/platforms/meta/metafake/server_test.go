package metafake

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"
)

func TestInspectSentAndTokenCheck(t *testing.T) {
	s := New()
	s.Clock.Set(time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC))
	s.AddToken("tok", Instagram, time.Hour)
	url := s.Start()
	defer s.Close()
	c := s.AddConversation(Instagram, Person{ID: "IGSID1", Username: "ana"})
	s.AddMessage(c, "hi", s.Clock.Now().Add(-time.Minute), false)

	req, _ := http.NewRequest(http.MethodPost, url+"/v25.0/me/messages", strings.NewReader(`{"recipient":{"id":"IGSID1"},"message":{"text":"hello"}}`))
	req.Header.Set("Authorization", "Bearer tok")
	resp, err := http.DefaultClient.Do(req)
	if err != nil || resp.StatusCode != 200 {
		t.Fatalf("send: %v %v", resp, err)
	}
	if resp.Header.Get("X-App-Usage") == "" || resp.Header.Get("X-Business-Use-Case-Usage") == "" {
		t.Error("no usage headers")
	}
	resp.Body.Close()

	resp, err = http.Get(url + InspectSentPath)
	if err != nil {
		t.Fatal(err)
	}
	var sent []Sent
	_ = json.NewDecoder(resp.Body).Decode(&sent)
	resp.Body.Close()
	if len(sent) != 1 || sent[0].Text != "hello" || sent[0].RecipientID != "IGSID1" {
		t.Errorf("sent = %+v", sent)
	}

	s.Clock.Advance(2 * time.Hour)
	resp, _ = http.Get(url + "/v25.0/me?access_token=tok")
	var env struct {
		Error graphError `json:"error"`
	}
	_ = json.NewDecoder(resp.Body).Decode(&env)
	resp.Body.Close()
	if resp.StatusCode != 400 || env.Error.Code != 190 || env.Error.Subcode != 463 {
		t.Errorf("expired token: %d %+v", resp.StatusCode, env.Error)
	}
}
