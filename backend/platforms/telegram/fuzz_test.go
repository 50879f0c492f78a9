package telegram

import (
	"strings"
	"testing"

	"creatordesk/backend/platforms"
)

// FuzzDecodeUpdate feeds arbitrary bytes to the per-update decoder: it must
// never panic, and whatever it accepts must be a well-formed message.
func FuzzDecodeUpdate(f *testing.F) {
	for _, seed := range []string{
		`{"update_id":1,"message":{"message_id":1,"date":1772366400,"chat":{"id":111,"type":"private","first_name":"A"},"from":{"id":111,"is_bot":false,"first_name":"A"},"text":"hi"}}`,
		`{"update_id":2,"edited_message":{"message_id":1,"date":1,"edit_date":2,"chat":{"id":-5,"type":"group","title":"G"},"text":"x","reply_to_message":{"message_id":0}}}`,
		`{"update_id":3,"channel_post":{"message_id":3,"date":1,"chat":{"id":-100300,"type":"channel"},"sender_chat":{"id":-100300},"photo":[{"width":1,"height":1},{"width":-9223372036854775808,"height":2}]}}`,
		`{"update_id":4,"business_message":{"message_id":4,"date":1,"chat":{"id":444,"type":"private"},"from":{"id":999},"document":{"file_name":"a"},"sticker":{}}}`,
		`{"update_id":9223372036854775807,"callback_query":{}}`,
		`{"message":"oops"}`, `{"update_id":"x"}`, `null`, `[]`, `"oops"`, `{`, ``,
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		d, err := decodeUpdate(data, 123456)
		if err != nil {
			return
		}
		if !d.hasID {
			t.Fatalf("accepted an update without update_id: %q", data)
		}
		if d.msg == nil {
			return
		}
		m := d.msg
		chat, id, ok := parseMessageKey(m.ExternalID)
		if !ok || id <= 0 || m.ThreadExternalID != strings.SplitN(m.ExternalID, ":", 2)[0] || chat == 0 {
			t.Fatalf("bad ids %q / %q from %q", m.ExternalID, m.ThreadExternalID, data)
		}
		if m.ThreadKind != platforms.ThreadDM || m.SentAt.IsZero() || m.SentAt.Location().String() != "UTC" {
			t.Fatalf("bad message %+v from %q", m, data)
		}
	})
}
