package telegramdesktop_test

import (
	"bytes"
	"reflect"
	"strings"
	"testing"
	"time"

	"creatordesk/backend/importers/archive"
	"creatordesk/backend/importers/internal/importtest"
	"creatordesk/backend/importers/telegramdesktop"
	"creatordesk/backend/platforms"
)

const dir = "../testdata/telegram/"

// at parses an RFC 3339 time.
func at(s string) time.Time {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		panic(err)
	}
	return t
}

// ptr returns a pointer to t.
func ptr(t time.Time) *time.Time { return &t }

// parse reads a test file, checking the archive's invariants and that a second
// parse gives the same result.
func parse(t *testing.T, file string, opts archive.Options) archive.Archive {
	t.Helper()
	data := importtest.Read(t, dir+file)
	a, err := telegramdesktop.Parse(bytes.NewReader(data), file, opts)
	if err != nil {
		t.Fatal(err)
	}
	importtest.CheckArchive(t, a)
	b, errB := telegramdesktop.Parse(bytes.NewReader(data), file, opts)
	importtest.Same(t, a, b, err, errB)
	return a
}

// wantMessages compares messages one by one for readable failures.
func wantMessages(t *testing.T, got, want []platforms.Message) {
	t.Helper()
	for i := 0; i < len(got) || i < len(want); i++ {
		switch {
		case i >= len(got):
			t.Fatalf("missing message %d: %+v", i, want[i])
		case i >= len(want):
			t.Fatalf("unexpected message %d: %+v", i, got[i])
		case !reflect.DeepEqual(got[i], want[i]):
			t.Fatalf("message %d:\n got %+v\nwant %+v", i, got[i], want[i])
		}
	}
}

var (
	lumen = platforms.Person{ExternalID: "5012345678", DisplayName: "Lumen Cosmetics"}
	ana   = platforms.Person{ExternalID: "1111111", DisplayName: "Ana Pop"}
	mara  = platforms.Person{ExternalID: "2222222", DisplayName: "Mara Ionescu"}
)

// lumenMsg fills the fields every message of the Lumen Cosmetics chat shares.
func lumenMsg(id string, author platforms.Person, dir platforms.Direction, text, sent string) platforms.Message {
	return platforms.Message{
		ExternalID: "5012345678:" + id, ThreadExternalID: "5012345678", ThreadKind: platforms.ThreadDM,
		ThreadTitle: "Lumen Cosmetics", Author: author, Direction: dir, Text: text, SentAt: at(sent),
	}
}

const deckText = "Sure! My rates are in this deck. Reels start at €500, ping @anapop_mgmt"

func TestSingleChatExport(t *testing.T) {
	a := parse(t, "single_chat.json", archive.Options{})

	m101 := lumenMsg("101", lumen, platforms.DirectionIn, "Hi Ana! Would you like to join our summer campaign?", "2024-05-01T12:00:00Z")
	m102 := lumenMsg("102", ana, platforms.DirectionOut, deckText, "2024-05-01T12:05:00Z")
	m102.EditedAt = ptr(at("2024-05-01T12:07:30Z"))
	m104 := lumenMsg("104", lumen, platforms.DirectionIn, "Here is the moodboard 🌸", "2024-05-01T12:20:00Z")
	m104.ReplyToExternalID = "5012345678:102"
	m104.Attachments = []platforms.Attachment{{Kind: "photo", MimeType: "image/jpeg"}}
	m105 := lumenMsg("105", ana, platforms.DirectionOut, "Signed ✍️", "2024-05-01T12:30:00Z")
	m105.Attachments = []platforms.Attachment{{Kind: "document", Name: "Lumen_contract_2024.pdf", MimeType: "application/pdf"}}
	m106 := lumenMsg("106", lumen, platforms.DirectionIn, "", "2024-05-01T12:31:00Z")
	m106.Attachments = []platforms.Attachment{{Kind: "sticker", Name: "🥳"}}
	m107 := lumenMsg("107", lumen, platforms.DirectionIn, "", "2024-05-01T12:40:00Z")
	m107.Attachments = []platforms.Attachment{{Kind: "voice", Name: "audio_1@01-05-2024_15-40-00.ogg", MimeType: "audio/ogg"}}
	wantMessages(t, a.Messages, []platforms.Message{m101, m102, m104, m105, m106, m107})

	if want := []archive.Problem{{Where: "message 103", Why: "a service message (phone_call), not a message"}}; !reflect.DeepEqual(a.Skipped, want) {
		t.Fatalf("skipped %+v, want %+v", a.Skipped, want)
	}
	// No personal_information: the owner is the one user besides the other party.
	if a.Owner != ana || a.AccountID != "1111111" || a.AccountName != "Telegram export (Ana Pop)" {
		t.Fatalf("owner %+v, account %q %q", a.Owner, a.AccountID, a.AccountName)
	}
	if a.Kind != "telegram-desktop" || a.Platform != "telegram" {
		t.Fatalf("kind %q platform %q", a.Kind, a.Platform)
	}
	importtest.Contains(t, "note", strings.Join(a.Notes, "\n"), "the owner is Ana Pop")
}

func TestFullExport(t *testing.T) {
	a := parse(t, "full_export.json", archive.Options{})

	anaFull := platforms.Person{ExternalID: "1111111", Handle: "anapop", DisplayName: "Ana Pop"}
	if a.Owner != anaFull || a.AccountName != "Telegram export (Ana Pop)" {
		t.Fatalf("owner %+v, account name %q", a.Owner, a.AccountName)
	}
	group := func(id, sent string, author platforms.Person, dir platforms.Direction, text string) platforms.Message {
		return platforms.Message{
			ExternalID: "-1001987654321:" + id, ThreadExternalID: "-1001987654321", ThreadKind: platforms.ThreadDM,
			ThreadTitle: "Creators Collective", Author: author, Direction: dir, Text: text, SentAt: at(sent),
		}
	}
	m101 := lumenMsg("101", lumen, platforms.DirectionIn, "Hi Ana! Would you like to join our summer campaign?", "2024-05-01T12:00:00Z")
	m102 := lumenMsg("102", ana, platforms.DirectionOut, deckText, "2024-05-01T12:05:00Z")
	m102.EditedAt = ptr(at("2024-05-01T12:07:30Z"))
	g2 := group("2", "2024-05-02T08:01:00Z", mara, platforms.DirectionIn, "Who's going to the Lumen launch?")
	g3 := group("3", "2024-05-02T08:02:00Z", ana, platforms.DirectionOut, "Me! 🙋‍♀️")
	g3.ReplyToExternalID = "-1001987654321:2"
	g6 := group("6", "2024-05-02T08:05:00Z", platforms.Person{ExternalID: "-1001555555555", DisplayName: "Lumen Cosmetics Channel"},
		platforms.DirectionIn, "#LumenSummer launch on June 1")
	g6.ReplyToExternalID = "5012345678:101" // reply_to_peer_id names another chat
	g7 := group("7", "2024-05-02T08:06:00Z", platforms.Person{ExternalID: "3333333", DisplayName: "Deleted Account"}, platforms.DirectionIn, "")
	g7.Attachments = []platforms.Attachment{{Kind: "poll", Name: "Launch outfit?"}}
	saved := platforms.Message{
		ExternalID: "1111111:10", ThreadExternalID: "1111111", ThreadKind: platforms.ThreadDM, ThreadTitle: "Saved Messages",
		Author: ana, Direction: platforms.DirectionOut, Text: "note to self: invoice Lumen by Friday", SentAt: at("2024-05-03T09:00:00Z"),
	}
	left := platforms.Message{
		ExternalID: "-4444444:70", ThreadExternalID: "-4444444", ThreadKind: platforms.ThreadDM, ThreadTitle: "Old Brand Deals",
		Author: mara, Direction: platforms.DirectionIn, Text: "Meet here", SentAt: at("2023-11-20T18:00:00Z"),
		Attachments: []platforms.Attachment{{Kind: "location", Name: "Lumen Store"}},
	}
	wantMessages(t, a.Messages, []platforms.Message{m101, m102, g2, g3, g6, g7, saved, left})

	want := []archive.Problem{
		{Where: "chat 1987654321 message 1", Why: "a service message (invite_members), not a message"},
		{Where: "chat 1987654321 message 3", Why: "the same message id appears twice in this chat; the first one was kept"},
		{Where: "chat 1987654321 message at position 5", Why: "the message cannot be read (a number field holds text that is not a number)"},
		{Where: "chat 1987654321 message 5", Why: "Telegram Desktop could not export this kind of message"},
		{Where: "chat 1987654321 message 8", Why: "the text is neither a string nor a list of parts"},
	}
	if !reflect.DeepEqual(a.Skipped, want) {
		t.Fatalf("skipped:\n got %+v\nwant %+v", a.Skipped, want)
	}
	importtest.Contains(t, "note", strings.Join(a.Notes, "\n"), "personal_information")
}

// The personal chat appears in both files: its messages get the same ids, so
// importing both adds each message once.
func TestOverlappingExportsMerge(t *testing.T) {
	single := parse(t, "single_chat.json", archive.Options{})
	full := parse(t, "full_export.json", archive.Options{})
	byID := map[string]platforms.Message{}
	for _, m := range single.Messages {
		byID[m.ExternalID] = m
	}
	shared := 0
	for _, m := range full.Messages {
		if s, ok := byID[m.ExternalID]; ok {
			shared++
			if s.Text != m.Text || !s.SentAt.Equal(m.SentAt) || s.Direction != m.Direction {
				t.Fatalf("the same message differs between exports:\n%+v\n%+v", s, m)
			}
		}
	}
	if shared != 2 || single.AccountID != full.AccountID {
		t.Fatalf("%d shared messages, accounts %q and %q; want 2 in one account", shared, single.AccountID, full.AccountID)
	}
}

// Exports from before 2021 have no date_unixtime: local times are read in the given zone.
func TestZonelessDates(t *testing.T) {
	a := parse(t, "old_no_unixtime.json", archive.Options{})
	if got := a.Messages[0].SentAt; !got.Equal(at("2024-05-01T15:00:00Z")) {
		t.Fatalf("default zone: %v, want 15:00 UTC", got)
	}
	importtest.Contains(t, "note", strings.Join(a.Notes, "\n"), "2 messages have no date_unixtime", "UTC time zone")

	bucharest, err := time.LoadLocation("Europe/Bucharest")
	if err != nil {
		t.Skip("no time zone database:", err)
	}
	a = parse(t, "old_no_unixtime.json", archive.Options{Location: bucharest})
	m := a.Messages[1]
	if !m.SentAt.Equal(at("2024-05-01T12:04:00Z")) || m.EditedAt == nil || !m.EditedAt.Equal(at("2024-05-01T12:06:00Z")) {
		t.Fatalf("Bucharest (UTC+3 in May): sent %v edited %v", m.SentAt, m.EditedAt)
	}
	if m.Direction != platforms.DirectionOut || a.Messages[0].Direction != platforms.DirectionIn {
		t.Fatal("the exporter's message should be out, the other's in")
	}
	importtest.Contains(t, "note", strings.Join(a.Notes, "\n"), "Europe/Bucharest")
}

// Without personal_information, an explicit owner wins over the inference.
func TestOwnerOption(t *testing.T) {
	a := parse(t, "old_no_unixtime.json", archive.Options{Owner: "studio nord"})
	if a.Owner.ExternalID != "7000000001" || a.Messages[0].Direction != platforms.DirectionOut || a.Messages[1].Direction != platforms.DirectionIn {
		t.Fatalf("owner %+v, directions %s %s", a.Owner, a.Messages[0].Direction, a.Messages[1].Direction)
	}
	a = parse(t, "old_no_unixtime.json", archive.Options{Owner: "Nobody"})
	importtest.Contains(t, "note", strings.Join(a.Notes, "\n"), `nobody named "Nobody"`)
	if a.Owner.ExternalID != "1111111" {
		t.Fatalf("an unknown owner name should fall back to the inference, got %+v", a.Owner)
	}
}

// A group export with no personal information and no owner: everything is in.
func TestNoOwner(t *testing.T) {
	doc := `{"name":"Fans","type":"public_supergroup","id":42,"messages":[
	 {"id":1,"type":"message","date":"2024-01-01T00:00:00","date_unixtime":"1704067200","from":"A","from_id":"user1","text":"hi"},
	 {"id":2,"type":"message","date":"2024-01-01T00:01:00","date_unixtime":"1704067260","from":"B","from_id":"user2","text_entities":[{"type":"plain","text":"from "},{"type":"code","text":"entities"}]}]}`
	a, err := telegramdesktop.Parse(strings.NewReader(doc), "result.json", archive.Options{})
	if err != nil {
		t.Fatal(err)
	}
	importtest.CheckArchive(t, a)
	if a.Owner.ExternalID != "" || a.AccountID != "export" || a.Messages[0].ThreadExternalID != "-10042" {
		t.Fatalf("owner %+v account %q thread %q", a.Owner, a.AccountID, a.Messages[0].ThreadExternalID)
	}
	if a.Messages[1].Text != "from entities" {
		t.Fatalf("text from text_entities: %q", a.Messages[1].Text)
	}
	for _, m := range a.Messages {
		if m.Direction != platforms.DirectionIn {
			t.Fatalf("direction %s without an owner", m.Direction)
		}
	}
}

func TestBrokenFiles(t *testing.T) {
	whatsapp := importtest.Read(t, "../testdata/whatsapp/WhatsApp Chat with Lumen Cosmetics.txt")
	metaFile := importtest.Read(t, "../testdata/meta/message_1.json")
	for _, c := range []struct {
		name       string
		data       []byte
		where, why string
	}{
		{"truncated", importtest.Read(t, dir+"truncated.json"), "line 107", "the JSON stops in the middle: the file is truncated"},
		{"empty", nil, "file", "the file is empty"},
		{"whatsapp text", whatsapp, "line 1", `this is not JSON (it starts with "12/31/23, 9:41`},
		{"meta json", metaFile, "file", "this looks like an Instagram or Facebook message file"},
		{"zip", importtest.ZipFiles(t, "ChatExport_2024-05-01/result.json", "{}"), "file", "unzip it and import the result.json inside"},
		{"meta zip", importtest.ZipFiles(t, "your_instagram_activity/messages/inbox/a_1/message_1.json", "{}"), "file", "import it as meta"},
		{"whatsapp zip", importtest.ZipFiles(t, "_chat.txt", ""), "file", "import it as whatsapp"},
		{"array", []byte(`[{"id":1}]`), "line 1", "expected an object but found an array"},
		{"no messages", []byte(`{"name":"x","id":1}`), "file", `neither a "messages" list`},
		{"no chat id", []byte(`{"name":"x","type":"personal_chat","messages":[]}`), "file", `the chat has no "id"`},
		{"two documents", []byte("{\"id\":1,\"messages\":[]}\n{\"id\":2}"), "line 2", "more data after the end"},
		{"bad syntax", []byte("{\n\"id\": 1,\n\"messages\": [\n{\"id\": 1,}\n]}"), "line 4", "this is not valid JSON"},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := telegramdesktop.Parse(bytes.NewReader(c.data), "result.json", archive.Options{})
			pe := importtest.CheckParseError(t, err)
			if pe.Where != c.where || !strings.Contains(pe.Why, c.why) || pe.File != "result.json" {
				t.Fatalf("got %+v, want where %q and why containing %q", pe, c.where, c.why)
			}
		})
	}
}
