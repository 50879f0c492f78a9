package meta_test

import (
	"bytes"
	"testing"

	"creatordesk/backend/importers/archive"
	"creatordesk/backend/importers/internal/importtest"
	"creatordesk/backend/importers/meta"
)

// FuzzMeta feeds arbitrary bytes (JSON or zip) to the parser: it must never
// panic, must fail only with a *ParseError, must give a well-formed archive
// otherwise, and must give the same result twice.
func FuzzMeta(f *testing.F) {
	small := `{"participants":[{"name":"A\u00c3\u00a9"},{"name":"B"}],"messages":[` +
		`{"sender_name":"B","timestamp_ms":2,"content":"\u00f0\u009f\u0098\u008d","photos":[{"uri":"your_facebook_activity/messages/inbox/b_123456/photos/1.jpg"}]},` +
		`{"sender_name":"A\u00c3\u00a9","timestamp_ms":1,"content":"x","share":{"link":"https://x"},"is_unsent":false},` +
		`{"sender_name":"B","timestamp_ms":1,"type":"Call","call_duration":3},{"sender_name":"B","is_unsent":true}],` +
		`"title":"B","thread_path":"inbox/b_123456"}`
	f.Add([]byte(small), uint8(0))
	f.Add([]byte(`{"participants":[{"name":"Z\u00c3\u00ab"}],"messages":[{"sender_name":"Z\u00c3\u00ab","timestamp_ms":9,"gifs":[{"uri":"g.gif"}],"sticker":{"uri":"s.png"},"videos":[{}],"audio_files":[{"uri":"a"}],"files":[{"uri":"f"}],"type":"Generic"},{"sender_name":"Z","timestamp_ms":"8","type":"Subscribe"}],"thread_path":"archived_threads/z_999999"}`), uint8(1))
	f.Add(importtest.ZipFiles(f,
		"your_instagram_activity/messages/inbox/b_123456/message_1.json", small,
		"your_instagram_activity/messages/message_requests/c_654321/message_1.json", `{"participants":[{"name":"A\u00c3\u00a9"}],"messages":[{"sender_name":"C","timestamp_ms":5,"content":"hi"}]}`,
	), uint8(0))
	for _, seed := range []string{`{"participants":[],"messages":[{"sender_name":1}]}`, `{"messages":[]}`, `[]`, `{`, ``, "PK\x05\x06"} {
		f.Add([]byte(seed), uint8(2))
	}
	f.Fuzz(func(t *testing.T, data []byte, variant uint8) {
		name := []string{"instagram-a.zip", "message_1.json", "facebook.json"}[variant%3]
		opts := archive.Options{}
		if variant&4 != 0 {
			opts.Owner = "Aé"
		}
		a, err := meta.Parse(bytes.NewReader(data), name, opts)
		b, errB := meta.Parse(bytes.NewReader(data), name, opts)
		importtest.Same(t, a, b, err, errB)
		if err != nil {
			importtest.CheckParseError(t, err)
			return
		}
		importtest.CheckArchive(t, a)
	})
}
