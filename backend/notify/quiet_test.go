package notify

import (
	"slices"
	"strings"
	"testing"
	"time"
)

func TestSilencedOnlyForUrgentMessagesInQuietHours(t *testing.T) {
	loc := time.UTC
	def := DefaultSettings() // quiet 22:00–08:00
	night := time.Date(2026, 3, 2, 23, 10, 0, 0, loc)
	day := time.Date(2026, 3, 2, 14, 0, 0, 0, loc)
	noDND := def
	noDND.DND = false
	cases := []struct {
		name   string
		s      Settings
		c      Candidate
		now    time.Time
		reason string
	}{
		{"danger at night", def, Candidate{Inbound: true, SentAt: night, Danger: true}, night, ReasonDanger},
		{"high intent at night", def, Candidate{Inbound: true, SentAt: night, HighIntent: true}, night, ReasonHighIntent},
		{"ordinary message at night", def, Candidate{Inbound: true, SentAt: night}, night, ""},
		{"danger by day notifies at once", def, Candidate{Inbound: true, SentAt: day, Danger: true}, day, ""},
		{"quiet hours off", noDND, Candidate{Inbound: true, SentAt: night, Danger: true}, night, ""},
		{"old history at night", def, Candidate{Inbound: true, SentAt: night.Add(-time.Hour), Danger: true}, night, ""},
		{"our own message", def, Candidate{SentAt: night, Danger: true}, night, ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			reason, ok := Silenced(tc.s, tc.c, tc.now, loc)
			if ok != (tc.reason != "") || reason != tc.reason {
				t.Fatalf("Silenced = %q, %v; want %q", reason, ok, tc.reason)
			}
			// Never both: a message either notifies now or is held.
			if _, now := Decide(tc.s, tc.c, tc.now, loc); now && ok {
				t.Fatal("Decide and Silenced both said yes")
			}
		})
	}
}

func TestHeldCountsAndRemembersConversations(t *testing.T) {
	var h Held
	if h.Count() != 0 || h.Due(DefaultSettings(), time.Now(), time.UTC) {
		t.Fatal("an empty Held is due")
	}
	t1 := time.Date(2026, 3, 2, 23, 0, 0, 0, time.UTC)
	h.Hold(ReasonHighIntent, 7, t1.Add(time.Hour))
	h.Hold(ReasonDanger, 9, t1)
	h.Hold(ReasonHighIntent, 7, t1.Add(2*time.Hour))
	if h.Count() != 3 || h.Danger != 1 || h.HighIntent != 2 {
		t.Fatalf("held %+v, want 1 danger and 2 high intent", h)
	}
	if !slices.Equal(h.ConversationIDs, []int64{7, 9}) || !h.Since.Equal(t1) {
		t.Fatalf("held %+v, want conversations 7 and 9 once each, since the earliest", h)
	}
}

func TestHeldCapsItsConversations(t *testing.T) {
	var h Held
	for i := range MaxHeldConversations + 10 {
		h.Hold(ReasonDanger, int64(i), time.Unix(0, 0))
	}
	if len(h.ConversationIDs) != MaxHeldConversations || h.Count() != MaxHeldConversations+10 {
		t.Fatalf("%d conversations, %d messages", len(h.ConversationIDs), h.Count())
	}
}

func TestHeldIsDueWhenQuietHoursEnd(t *testing.T) {
	s := DefaultSettings()
	var h Held
	h.Hold(ReasonDanger, 1, time.Date(2026, 3, 2, 23, 0, 0, 0, time.UTC))
	at := func(hh, mm int) time.Time { return time.Date(2026, 3, 3, hh, mm, 0, 0, time.UTC) }
	if h.Due(s, at(7, 59), time.UTC) {
		t.Fatal("due before the quiet hours end")
	}
	if !h.Due(s, at(8, 0), time.UTC) {
		t.Fatal("not due when the quiet hours end")
	}
	off := s
	off.DND = false
	if !h.Due(off, at(3, 0), time.UTC) {
		t.Fatal("not due after quiet hours were switched off")
	}
	silent := s
	silent.Enabled = false
	if h.Due(silent, at(9, 0), time.UTC) {
		t.Fatal("due with notifications switched off")
	}
}

func TestSummaryWording(t *testing.T) {
	held := func(danger, high int) Held {
		var h Held
		for i := range danger {
			h.Hold(ReasonDanger, int64(i), time.Unix(0, 0))
		}
		for i := range high {
			h.Hold(ReasonHighIntent, int64(100+i), time.Unix(0, 0))
		}
		return h
	}
	cases := []struct {
		lang    string
		h       Held
		want    string
		urgent  bool
		convIDs int
	}{
		{"en", held(1, 2), "While quiet hours were on, 3 urgent messages arrived.", true, 3},
		{"en", held(0, 1), "While quiet hours were on, 1 urgent message arrived.", false, 1},
		{"xx", held(0, 2), "While quiet hours were on, 2 urgent messages arrived.", false, 2},
		{"ro", held(0, 3), "Cât timp au fost active orele de liniște, au sosit 3 mesaje urgente.", false, 3},
		{"ro", held(0, 21), "Cât timp au fost active orele de liniște, au sosit 21 de mesaje urgente.", false, 21},
		{"ro", held(0, 101), "Cât timp au fost active orele de liniște, au sosit 101 mesaje urgente.", false, 101},
		{"zh-Hans", held(2, 0), "免打扰期间收到 2 条紧急消息。", true, 2},
		{"zh-Hant", held(2, 0), "勿擾時段內收到 2 則緊急訊息。", true, 2},
		{"hi", held(0, 1), "शांत समय के दौरान 1 ज़रूरी संदेश आया।", false, 1},
		{"hi", held(0, 4), "शांत समय के दौरान 4 ज़रूरी संदेश आए।", false, 4},
	}
	for _, tc := range cases {
		n := tc.h.Summary(tc.lang)
		if n.Body != tc.want || n.Urgent != tc.urgent || len(n.ConversationIDs) != tc.convIDs || n.Title == "" {
			t.Errorf("%s: %+v, want body %q urgent %v with %d conversations", tc.lang, n, tc.want, tc.urgent, tc.convIDs)
		}
	}
	for lang, txt := range summaryTexts {
		if strings.TrimSpace(txt.title) == "" || !strings.Contains(txt.many, "{n}") {
			t.Errorf("%s: incomplete wording", lang)
		}
		if lang == "ro" && (strings.ContainsAny(txt.title+txt.one+txt.many, "şţŞŢ")) {
			t.Errorf("ro uses cedilla letters instead of comma-below")
		}
	}
}
