package youtube

import (
	"strings"
	"testing"
	"unicode/utf8"

	"creatordesk/backend/platforms"
)

// FuzzDecodeThread feeds arbitrary bytes to the commentThread decoder: it
// must never panic, and whatever it accepts must map to well-formed messages.
func FuzzDecodeThread(f *testing.F) {
	for _, seed := range []string{
		`{"kind":"youtube#commentThread","id":"UgxA","snippet":{"channelId":"UCself","videoId":"vidSpring01","totalReplyCount":7,"topLevelComment":{"id":"UgxA","snippet":{"authorDisplayName":"@alice","authorChannelUrl":"http://www.youtube.com/@alice","authorChannelId":{"value":"UCalice"},"textDisplay":"hi &amp; bye","textOriginal":"hi & bye","publishedAt":"2026-03-01T12:00:00Z","updatedAt":"2026-03-01T13:00:00.5Z"}}},"replies":{"comments":[{"id":"UgxA.9r","snippet":{"parentId":"UgxA","authorChannelId":{"value":"UCself"},"textDisplay":"thanks","publishedAt":"2026-03-01T12:01:00+02:00"}},{"id":"bad id"}]}}`,
		`{"id":"UgxB","snippet":{"topLevelComment":{"id":"UgxB","snippet":{"publishedAt":"2026-03-01T12:00:00Z","updatedAt":"garbage"}}}}`,
		`{"id":"UgxC","snippet":{"totalReplyCount":-3,"topLevelComment":{"id":"UgxC","snippet":{"publishedAt":"2026-03-01T12:00:00Z","authorChannelId":{"value":"UC/../x"}}}}}`,
		`{"id":"UgxD","snippet":{"videoId":"a b","topLevelComment":{"id":"UgxD","snippet":{"publishedAt":"2026-03-01T12:00:00Z"}}}}`,
		`{"id":"UgxE","snippet":{"topLevelComment":null},"replies":{"comments":null}}`,
		`{"id":"UgxF","snippet":{"totalReplyCount":99999999999999,"topLevelComment":{"id":"UgxF","snippet":{"publishedAt":"0001-01-01T00:00:00Z"}}},"replies":{"comments":[null,1,"x",{}]}}`,
		`{"snippet":{}}`, `{"snippet":null}`, `null`, `[]`, `"x"`, `{`, ``,
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		th, err := decodeThread(data)
		if err != nil {
			return
		}
		if !validID(th.id) || (th.videoID != "" && !validID(th.videoID)) || th.total < 0 || th.bad < 0 || th.bad > th.included {
			t.Fatalf("bad thread %+v from %q", th, data)
		}
		msgs := th.messages("UCself", "title")
		if len(msgs) != 1+len(th.replies) && !containsReplyNamedLikeThread(th) {
			t.Fatalf("%d messages for %d replies", len(msgs), len(th.replies))
		}
		for i, m := range msgs {
			if !validID(m.ExternalID) || m.ThreadExternalID != th.id || m.ThreadKind != platforms.ThreadComment {
				t.Fatalf("bad ids in %+v from %q", m, data)
			}
			if (i == 0) != (m.ReplyToExternalID == "") || (i > 0 && m.ReplyToExternalID != th.id) {
				t.Fatalf("bad reply link in %+v", m)
			}
			if m.Author.ExternalID != "" && !validID(m.Author.ExternalID) {
				t.Fatalf("bad author %+v", m.Author)
			}
			if (m.Direction == platforms.DirectionOut) != (m.Author.ExternalID == "UCself") {
				t.Fatalf("direction %s for author %q", m.Direction, m.Author.ExternalID)
			}
			if m.SentAt.Location().String() != "UTC" || (m.EditedAt != nil && (!m.EditedAt.After(m.SentAt) || m.EditedAt.Location().String() != "UTC")) {
				t.Fatalf("bad times in %+v", m)
			}
			if utf8.Valid(data) && !utf8.ValidString(m.Text) {
				t.Fatalf("invalid UTF-8 text %q", m.Text)
			}
			if m.Author.Handle != "" && (!strings.HasPrefix(m.Author.Handle, "@") || strings.ContainsAny(m.Author.Handle, " /")) {
				t.Fatalf("bad handle %q", m.Author.Handle)
			}
		}
	})
}

// containsReplyNamedLikeThread reports a reply whose id is the thread's own
// (messages leaves it out: it would overwrite the top-level comment).
func containsReplyNamedLikeThread(th *thread) bool {
	for _, r := range th.replies {
		if r.id == th.id {
			return true
		}
	}
	return false
}
