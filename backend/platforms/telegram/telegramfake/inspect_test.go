package telegramfake

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"
)

func TestInspectSentListsWhatTheBotSent(t *testing.T) {
	s := New("1:inspect-test-token-abcdefghijklmnopqrstu")
	url := s.Start()
	defer s.Close()
	s.AddMessage(Chat{ID: 5, Type: "private", FirstName: "A"}, User{ID: 5, FirstName: "A"}, "hi", time.Now())
	resp, err := http.Post(url+"/bot1:inspect-test-token-abcdefghijklmnopqrstu/sendMessage", "application/json",
		strings.NewReader(`{"chat_id":5,"text":"<b>hello</b>"}`))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	resp, err = http.Get(url + InspectSentPath)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var got []sentView
	if err := json.NewDecoder(resp.Body).Decode(&got); err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got[0].Text != "<b>hello</b>" || got[0].ChatID != 5 {
		t.Fatalf("inspect: %+v", got)
	}
}
