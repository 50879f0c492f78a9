package meta

import "testing"

func TestRepair(t *testing.T) {
	for in, want := range map[string]string{
		"plain ascii":              "plain ascii",
		"":                         "",
		"Caf\u00c3\u00a9":          "Café",
		"Mure\u00c8\u0099an":       "Mureșan",
		"\u00f0\u009f\u0098\u008d": "😍", // a 4-byte emoji
		"\u00f0\u009f\u0099\u008b\u00e2\u0080\u008d\u00e2\u0099\u0080\u00ef\u00b8\u008f": "🙋‍♀️", // a ZWJ sequence
		"\u00e2\u009c\u00a8 sparkles": "✨ sparkles",
		"Café":                        "Café",                      // genuine Latin-1: not valid UTF-8 as bytes
		"Zoë Ørsted":                  "Zoë Ørsted",                // idem
		"\u00c3":                      "\u00c3",                    // a lone lead byte stays
		"Mure\u0219an \u00c3\u00a9":   "Mure\u0219an \u00c3\u00a9", // already repaired text (a rune ≥ 256) is left alone
	} {
		if got := Repair(in); got != want {
			t.Errorf("Repair(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestThreadKey(t *testing.T) {
	for _, c := range []struct {
		tf   threadFile
		want string
	}{
		{threadFile{threadPath: "inbox/lumencosmetics_17841401234567890"}, "17841401234567890"},
		{threadFile{threadPath: "message_requests/lumencosmetics_17841401234567890"}, "17841401234567890"},
		{threadFile{threadPath: "inbox/JohnSmith_x7HyS9Tq2A"}, "x7HyS9Tq2A"},
		{threadFile{threadPath: "inbox/ana_pop"}, "ana_pop"},
		{threadFile{entry: "your_facebook_activity/messages/inbox/hans_10206072096154041/message_1.json"}, "10206072096154041"},
		{threadFile{title: "T", participants: []string{"b", "a"}}, "title:" + threadFile{title: "T", participants: []string{"a", "b"}}.threadKey()[6:]},
	} {
		if got := c.tf.threadKey(); got != c.want {
			t.Errorf("threadKey(%+v) = %q, want %q", c.tf, got, c.want)
		}
	}
}
