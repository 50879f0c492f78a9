package telegramdesktop_test

import (
	"bytes"
	"strings"
	"testing"

	"creatordesk/backend/importers/archive"
	"creatordesk/backend/importers/internal/importtest"
	"creatordesk/backend/importers/telegramdesktop"
)

// FuzzTelegramDesktop feeds arbitrary bytes to the parser: it must never
// panic, must fail only with a *ParseError, must give a well-formed archive
// otherwise, and must give the same result twice.
func FuzzTelegramDesktop(f *testing.F) {
	// Small seeds: the fuzzer minimises every new input it finds, which takes
	// long on multi-kilobyte files.
	for _, file := range []string{"single_chat.json", "old_no_unixtime.json"} {
		f.Add(importtest.Read(f, dir+file))
	}
	for _, seed := range []string{
		`{"name":"A","type":"private_group","id":5,"messages":[{"id":1,"type":"message","date":"2024-01-01T00:00:00","from":"A","from_id":"chat5","text":["x",{"text":"y"}],"reply_to_message_id":9,"reply_to_peer_id":"channel3"}]}`,
		`{"personal_information":{"user_id":1,"first_name":"A"},"chats":{"about":"","list":[{"name":"B","type":"personal_chat","id":2,"messages":[{"id":1,"type":"service","action":"x","date_unixtime":"1"},{"id":2,"type":"message","date_unixtime":"2","edited_unixtime":"3","from":"A","from_id":"user1","text":"hi","photo":"photos/p.jpg","file":"f","media_type":"sticker","sticker_emoji":"x","contact_information":{"first_name":"C"},"location_information":null,"poll":{"question":"q"}}]}]}}`,
		`{"chats":{"list":[{"id":1,"messages":[{"id":1,"type":"message","date_unixtime":"1","text":"a"},{"id":1,"type":"message","date_unixtime":"1","text":"a"}]},7]}}`,
		`{"personal_information":{"user_id":"x"},"left_chats":{"list":[]}}`,
		`{"id":1,"messages":[{"id":2,"type":"message","date":"2024-13-01T00:00:00","text":1}]}`,
		`[]`, `{`, `"x"`, "\ufeff{}", ``,
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		a, err := telegramdesktop.Parse(bytes.NewReader(data), "result.json", archive.Options{})
		b, errB := telegramdesktop.Parse(bytes.NewReader(data), "result.json", archive.Options{})
		importtest.Same(t, a, b, err, errB)
		if err != nil {
			importtest.CheckParseError(t, err)
			return
		}
		importtest.CheckArchive(t, a)
		for _, m := range a.Messages {
			if !strings.HasPrefix(m.ExternalID, m.ThreadExternalID+":") {
				t.Fatalf("ExternalID %q is not <chat id>:<message id> of thread %q", m.ExternalID, m.ThreadExternalID)
			}
		}
	})
}
