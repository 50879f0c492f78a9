package telegramfake_test

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"creatordesk/backend/platforms/telegram/telegramfake"
)

const token = "123456:test-token-not-real-xxxxxxxxxxxxxxxxxxxx"

var (
	alice     = telegramfake.User{ID: 111, FirstName: "Alice"}
	aliceChat = telegramfake.Chat{ID: 111, Type: "private", FirstName: "Alice"}
	t0        = time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
)

// answer is a decoded Bot API envelope.
type answer struct {
	status      int
	OK          bool             `json:"ok"`
	Result      json.RawMessage  `json:"result"`
	ErrorCode   int              `json:"error_code"`
	Description string           `json:"description"`
	Parameters  map[string]int64 `json:"parameters"`
}

// start runs a fake for the test's duration and returns it with its base URL.
func start(t *testing.T) (*telegramfake.Server, string) {
	t.Helper()
	srv := telegramfake.New(token)
	base := srv.Start()
	t.Cleanup(srv.Close)
	return srv, base
}

// get calls path with query parameters and decodes the envelope.
func get(t *testing.T, base, path string, q url.Values) answer {
	t.Helper()
	resp, err := http.Get(base + path + "?" + q.Encode())
	if err != nil {
		t.Fatal(err)
	}
	return decode(t, resp)
}

// decode reads an envelope, failing the test if it is not JSON.
func decode(t *testing.T, resp *http.Response) answer {
	t.Helper()
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	a := answer{status: resp.StatusCode}
	if err := json.Unmarshal(body, &a); err != nil {
		t.Fatalf("body %q: %v", body, err)
	}
	return a
}

// updateIDs returns the update_id of each item of a getUpdates result.
func updateIDs(t *testing.T, a answer) []int64 {
	t.Helper()
	var items []struct {
		UpdateID int64 `json:"update_id"`
	}
	if err := json.Unmarshal(a.Result, &items); err != nil {
		t.Fatalf("result %s: %v", a.Result, err)
	}
	ids := make([]int64, len(items))
	for i, it := range items {
		ids[i] = it.UpdateID
	}
	return ids
}

func TestRouting(t *testing.T) {
	_, base := start(t)
	tests := []struct {
		name     string
		path     string
		wantCode int
		wantDesc string
	}{
		{"getMe", "/bot" + token + "/getMe", 200, ""},
		{"method names ignore case", "/bot" + token + "/GETME", 200, ""},
		{"wrong token", "/bot123456:wrong-token-xxxxxxxxxxxxxxxxxxxxxxxxxxx/getMe", 401, "Unauthorized"},
		{"unknown method", "/bot" + token + "/sendTelepathy", 404, "Not Found"},
		{"no bot prefix", "/getMe", 404, "Not Found"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := get(t, base, tt.path, nil)
			if a.status != tt.wantCode || a.OK != (tt.wantCode == 200) || a.Description != tt.wantDesc {
				t.Fatalf("got %d ok=%v %q, want %d %q", a.status, a.OK, a.Description, tt.wantCode, tt.wantDesc)
			}
			if !a.OK && a.ErrorCode != a.status {
				t.Fatalf("error_code %d differs from HTTP status %d", a.ErrorCode, a.status)
			}
		})
	}
}

func TestOffsetConfirmsAndDrops(t *testing.T) {
	srv, base := start(t)
	id1 := srv.AddMessage(aliceChat, alice, "one", t0)
	id2 := srv.AddMessage(aliceChat, alice, "two", t0)
	id3 := srv.AddMessage(aliceChat, alice, "three", t0)
	path := "/bot" + token + "/getUpdates"
	steps := []struct {
		name        string
		offset      string
		want        []int64
		wantPending int
	}{
		{"no offset confirms nothing", "", []int64{id1, id2, id3}, 3},
		{"offset confirms earlier updates", strconv.FormatInt(id2, 10), []int64{id2, id3}, 2},
		{"confirmed updates are gone for good", strconv.FormatInt(id1, 10), []int64{id2, id3}, 2},
		{"offset past the last empties the queue", strconv.FormatInt(id3+1, 10), []int64{}, 0},
	}
	for _, st := range steps {
		t.Run(st.name, func(t *testing.T) {
			q := url.Values{}
			if st.offset != "" {
				q.Set("offset", st.offset)
			}
			got := updateIDs(t, get(t, base, path, q))
			if fmt.Sprint(got) != fmt.Sprint(st.want) {
				t.Fatalf("got ids %v, want %v", got, st.want)
			}
			if p := srv.Pending(); p != st.wantPending {
				t.Fatalf("pending %d, want %d", p, st.wantPending)
			}
		})
	}
}

func TestParameterEncodings(t *testing.T) {
	srv, base := start(t)
	srv.AddMessage(aliceChat, alice, "hi", t0)
	endpoint := base + "/bot" + token + "/sendMessage"
	tests := []struct {
		name string
		send func() (*http.Response, error)
		want string
	}{
		{"query string", func() (*http.Response, error) {
			return http.Get(endpoint + "?chat_id=111&text=" + url.QueryEscape("via query & more"))
		}, "via query & more"},
		{"form body", func() (*http.Response, error) {
			return http.PostForm(endpoint, url.Values{"chat_id": {"111"}, "text": {"via form"}})
		}, "via form"},
		{"JSON body", func() (*http.Response, error) {
			return http.Post(endpoint, "application/json", strings.NewReader(`{"chat_id":111,"text":"via JSON"}`))
		}, "via JSON"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := len(srv.Sent())
			resp, err := tt.send()
			if err != nil {
				t.Fatal(err)
			}
			if a := decode(t, resp); !a.OK {
				t.Fatalf("got %d %q", a.status, a.Description)
			}
			sent := srv.Sent()
			if len(sent) != before+1 || sent[before].ChatID != 111 || sent[before].Text != tt.want {
				t.Fatalf("sent %+v, want one more with %q", sent, tt.want)
			}
		})
	}
}

func TestSendMessageValidation(t *testing.T) {
	srv, base := start(t)
	srv.AddMessage(aliceChat, alice, "hi", t0)
	tests := []struct {
		name     string
		params   url.Values
		wantDesc string
	}{
		{"unknown chat", url.Values{"chat_id": {"999"}, "text": {"x"}}, "Bad Request: chat not found"},
		{"empty text", url.Values{"chat_id": {"111"}, "text": {" "}}, "Bad Request: message text is empty"},
		{"text too long", url.Values{"chat_id": {"111"}, "text": {strings.Repeat("a", 4097)}}, "Bad Request: message is too long"},
		{"emoji count twice", url.Values{"chat_id": {"111"}, "text": {strings.Repeat("😀", 2049)}}, "Bad Request: message is too long"},
		{"reply to a missing message", url.Values{"chat_id": {"111"}, "text": {"x"}, "reply_parameters": {`{"message_id":77}`}},
			"Bad Request: message to be replied not found"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := get(t, base, "/bot"+token+"/sendMessage", tt.params)
			if a.status != http.StatusBadRequest || a.Description != tt.wantDesc {
				t.Fatalf("got %d %q, want 400 %q", a.status, a.Description, tt.wantDesc)
			}
		})
	}
	if n := len(srv.Sent()); n != 0 {
		t.Fatalf("%d messages recorded for failed sends", n)
	}
}

func TestAddRawUpdateIDs(t *testing.T) {
	srv, base := start(t)
	tests := []struct {
		name   string
		raw    string
		wantID int64
	}{
		{"object without id gets the next one", `{"message":"oops"}`, 1},
		{"explicit id is kept", `{"update_id":50,"message":"oops"}`, 50},
		{"ids continue after an explicit one", `{"poll":{}}`, 51},
		{"non-object takes the next id", `"oops"`, 52},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := srv.AddRawUpdate(json.RawMessage(tt.raw)); got != tt.wantID {
				t.Fatalf("id %d, want %d", got, tt.wantID)
			}
		})
	}
	a := get(t, base, "/bot"+token+"/getUpdates", nil)
	var items []json.RawMessage
	if err := json.Unmarshal(a.Result, &items); err != nil || len(items) != len(tests) {
		t.Fatalf("result %s: %v", a.Result, err)
	}
	if string(items[0]) != `{"message":"oops","update_id":1}` || string(items[3]) != `"oops"` {
		t.Fatalf("items %s", items)
	}
}

func TestConcurrentGetUpdatesConflict(t *testing.T) {
	srv, base := start(t)
	path := "/bot" + token + "/getUpdates"
	first := make(chan answer, 1)
	go func() {
		resp, err := http.Get(base + path + "?timeout=30")
		if err != nil {
			first <- answer{}
			return
		}
		defer resp.Body.Close()
		var a answer
		a.status = resp.StatusCode
		_ = json.NewDecoder(resp.Body).Decode(&a)
		first <- a
	}()
	waitPolling(t, srv)

	second := get(t, base, path, nil)
	if second.status != http.StatusConflict || !strings.HasPrefix(second.Description, "Conflict: terminated by other getUpdates request") {
		t.Fatalf("second poll got %d %q, want 409 Conflict", second.status, second.Description)
	}
	id := srv.AddMessage(aliceChat, alice, "wake up", t0)
	if a := <-first; !a.OK || fmt.Sprint(updateIDs(t, a)) != fmt.Sprint([]int64{id}) {
		t.Fatalf("long poll got %+v, want update %d", a, id)
	}
}

func TestFaults(t *testing.T) {
	srv, base := start(t)
	tests := []struct {
		name       string
		inject     func()
		wantStatus int
		wantRetry  int64
	}{
		{"rate limit", func() { srv.RateLimitNext(1, 9) }, http.StatusTooManyRequests, 9},
		{"failure", func() { srv.FailNext(1, http.StatusBadGateway) }, http.StatusBadGateway, 0},
		{"down", func() { srv.SetDown(true) }, http.StatusBadGateway, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.inject()
			a := get(t, base, "/bot"+token+"/getMe", nil)
			if a.status != tt.wantStatus || a.ErrorCode != tt.wantStatus || a.Parameters["retry_after"] != tt.wantRetry {
				t.Fatalf("got %+v, want %d retry_after %d", a, tt.wantStatus, tt.wantRetry)
			}
			srv.SetDown(false)
			if a := get(t, base, "/bot"+token+"/getMe", nil); !a.OK {
				t.Fatalf("call after the fault got %+v", a)
			}
		})
	}
	t.Run("truncate", func(t *testing.T) {
		srv.TruncateNext(1)
		resp, err := http.Get(base + "/bot" + token + "/getMe")
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if json.Valid(body) || !strings.HasPrefix(string(body), `{"ok":true`) {
			t.Fatalf("body %q is not cut-off JSON", body)
		}
	})
}

func TestManyUpdatesDrain(t *testing.T) {
	srv, base := start(t)
	const n = 10000
	for i := range n {
		srv.AddMessage(aliceChat, alice, "m"+strconv.Itoa(i), t0)
	}
	got, offset := 0, int64(0)
	for page := 0; ; page++ {
		if page > n/100 {
			t.Fatalf("still draining after %d pages", page)
		}
		ids := updateIDs(t, get(t, base, "/bot"+token+"/getUpdates", url.Values{"offset": {strconv.FormatInt(offset, 10)}}))
		if len(ids) == 0 {
			break
		}
		if ids[0] != offset && offset != 0 {
			t.Fatalf("page starts at %d, want %d", ids[0], offset)
		}
		got += len(ids)
		offset = ids[len(ids)-1] + 1
	}
	if got != n || srv.Pending() != 0 {
		t.Fatalf("drained %d of %d, %d pending", got, n, srv.Pending())
	}
}

func TestCloseReleasesLongPoll(t *testing.T) {
	srv := telegramfake.New(token)
	base := srv.Start()
	done := make(chan error, 1)
	go func() {
		resp, err := http.Get(base + "/bot" + token + "/getUpdates?timeout=600")
		if err == nil {
			resp.Body.Close()
		}
		done <- err
	}()
	waitPolling(t, srv)
	srv.Close() // would block for the whole timeout if the poll were not released
	<-done
}

// waitPolling returns once the fake holds a getUpdates call.
func waitPolling(t *testing.T, srv *telegramfake.Server) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for !srv.Polling() {
		if time.Now().After(deadline) {
			t.Fatal("no getUpdates call arrived")
		}
		time.Sleep(time.Millisecond)
	}
}
