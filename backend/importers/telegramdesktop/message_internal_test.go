package telegramdesktop

import (
	"encoding/json"
	"testing"
)

func TestFlatten(t *testing.T) {
	for _, c := range []struct {
		raw, want string
		bad       bool
	}{
		{``, "", false},
		{`null`, "", false},
		{`"plain"`, "plain", false},
		{`[]`, "", false},
		{`["a ", {"type":"bold","text":"b"}, " c"]`, "a b c", false},
		{`[{"type":"text_link","text":"deck","href":"https://x"}]`, "deck", false},
		{`[{"type":"custom_emoji","text":"🔥","document_id":"5"}, {"type":"unknown"}]`, "🔥", false},
		{`42`, "", true},
		{`{"text":"x"}`, "", true},
		{`[1]`, "", true},
	} {
		got, err := flatten(json.RawMessage(c.raw))
		if got != c.want || (err != nil) != c.bad {
			t.Errorf("flatten(%s) = %q, %v; want %q, error %v", c.raw, got, err, c.want, c.bad)
		}
	}
}

func TestPeerID(t *testing.T) {
	for ref, want := range map[string]string{
		"user123":    "123",
		"chat77":     "-77",
		"channel900": "-100900",
		"user":       "",
		"user-5":     "",
		"peer5":      "",
		"":           "",
	} {
		got, ok := peerID(ref)
		if got != want || ok != (want != "") {
			t.Errorf("peerID(%q) = %q, %v; want %q", ref, got, ok, want)
		}
	}
}
