package whatsapp_test

import (
	"bytes"
	"io"
	"reflect"
	"strings"
	"testing"
	"time"

	"creatordesk/backend/importers/archive"
	"creatordesk/backend/importers/internal/importtest"
	"creatordesk/backend/importers/whatsapp"
	"creatordesk/backend/platforms"
)

const dir = "../testdata/whatsapp/"

// at parses an RFC 3339 time.
func at(s string) time.Time {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		panic(err)
	}
	return t
}

// parse reads a test file under the given name, checking invariants and that a
// second parse agrees.
func parse(t *testing.T, file, name string, opts archive.Options) archive.Archive {
	t.Helper()
	data := importtest.Read(t, dir+file)
	a, err := whatsapp.Parse(bytes.NewReader(data), name, opts)
	if err != nil {
		t.Fatal(err)
	}
	importtest.CheckArchive(t, a)
	b, errB := whatsapp.Parse(bytes.NewReader(data), name, opts)
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

// wantSkipped compares Skipped exactly.
func wantSkipped(t *testing.T, got, want []archive.Problem) {
	t.Helper()
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("skipped:\n got %+v\nwant %+v", got, want)
	}
}

// person is an author as WhatsApp names them.
func person(name string) platforms.Person {
	return platforms.Person{ExternalID: name, DisplayName: name}
}

// msg builds an expected message of a thread.
func msg(thread, title, id, author string, dir platforms.Direction, text, sent string, att ...platforms.Attachment) platforms.Message {
	return platforms.Message{
		ExternalID: id, ThreadExternalID: thread, ThreadKind: platforms.ThreadDM, ThreadTitle: title,
		Author: person(author), Direction: dir, Text: text, SentAt: at(sent), Attachments: att,
	}
}

const (
	in  = platforms.DirectionIn
	out = platforms.DirectionOut
	// lumenThread is "Lumen Cosmetics" plus a hash of its two participants.
	lumenThread = "Lumen Cosmetics#ef4897b2d8b8"
)

const lumenFile = "WhatsApp Chat with Lumen Cosmetics.txt"

// Android, US locale: M/D/YY, AM/PM after a narrow no-break space.
func TestAndroidUS(t *testing.T) {
	a := parse(t, lumenFile, lumenFile, archive.Options{})
	l := func(id, author string, text, sent string, att ...platforms.Attachment) platforms.Message {
		return msg(lumenThread, "Lumen Cosmetics", id, author, in, text, sent, att...)
	}
	// The ids are pinned: changing how they are made would duplicate every
	// message a user imports again.
	wantMessages(t, a.Messages, []platforms.Message{
		l("c2e9c2e8e87d944da7aa00295c0267b2", "Lumen Cosmetics", "Hi Ana! We loved your holiday reel 🎄", "2023-12-31T21:41:00Z"),
		l("467bb929a2d479108d9c1da731c969a2", "Ana Pop", "Thank you! Happy to talk.\nRates are in the deck.\n\nTalk soon", "2023-12-31T21:43:00Z"),
		l("8d79a9d31062cc1e44829b6e528e6f94", "Lumen Cosmetics", "", "2024-01-02T10:05:00Z", platforms.Attachment{Kind: "media"}),
		l("ebe999c017c8b0078ed41a4b780e6969", "Lumen Cosmetics", "Here is the brief: deadline 1/15", "2024-01-02T10:06:00Z"),
		l("3464bc2aacf9ae52dcd7ea1aeacfca20", "Ana Pop", "Sent the draft", "2024-01-13T00:30:00Z"),
		l("150c03016b5c50b70ba139904e155545", "Lumen Cosmetics", "👍", "2024-01-13T00:30:00Z"),
		l("ae0f81b22e5392bf96662238e271845d", "Lumen Cosmetics", "👍", "2024-01-13T00:30:00Z"),
	})
	wantSkipped(t, a.Skipped, []archive.Problem{
		{Where: "line 1", Why: "a system message, not a message: Messages and calls are end-to-end encrypted. No one outside of this chat, not ev…"},
		{Where: "line 9", Why: "a deleted message (nothing left to import)"},
	})
	if a.Owner != (platforms.Person{}) || a.AccountID != "export" || a.AccountName != "WhatsApp export" || a.Platform != "whatsapp" {
		t.Fatalf("owner %+v account %q %q platform %q", a.Owner, a.AccountID, a.AccountName, a.Platform)
	}
	notes := strings.Join(a.Notes, "\n")
	importtest.Contains(t, "notes", notes, "dates are read month-first: line 1 has a second number above 12",
		"read in the UTC time zone", "every message is imported as received", "edited messages: 1")

	// The documented scheme: thread = title # hash(participants), id = hash(thread, wall clock, author, text, occurrence).
	if got := "Lumen Cosmetics#" + archive.HashID("Ana Pop", "Lumen Cosmetics")[:12]; got != lumenThread {
		t.Fatalf("thread id scheme: %q", got)
	}
	if got := archive.HashID(lumenThread, "2024-01-13T00:30:00", "Lumen Cosmetics", "👍", "1"); got != a.Messages[6].ExternalID {
		t.Fatalf("message id scheme: %q", got)
	}
}

// The exporter's name makes their messages outgoing.
func TestOwnerOption(t *testing.T) {
	a := parse(t, lumenFile, lumenFile, archive.Options{Owner: " ana pop "})
	if a.Owner != person("Ana Pop") || a.AccountID != "Ana Pop" || a.AccountName != "WhatsApp export (Ana Pop)" {
		t.Fatalf("owner %+v account %q %q", a.Owner, a.AccountID, a.AccountName)
	}
	for _, m := range a.Messages {
		if want := map[bool]platforms.Direction{true: out, false: in}[m.Author.DisplayName == "Ana Pop"]; m.Direction != want {
			t.Fatalf("%s: direction %s, want %s", m.Author.DisplayName, m.Direction, want)
		}
	}
	plain := parse(t, lumenFile, lumenFile, archive.Options{})
	for i := range a.Messages {
		if a.Messages[i].ExternalID != plain.Messages[i].ExternalID {
			t.Fatal("the owner option must not change ids")
		}
	}
	a = parse(t, lumenFile, lumenFile, archive.Options{Owner: "Ana Popescu"})
	importtest.Contains(t, "notes", strings.Join(a.Notes, "\n"), `nobody named "Ana Popescu" wrote in this chat`)
	if a.Owner != (platforms.Person{}) || a.Messages[1].Direction != in {
		t.Fatal("an owner who wrote nothing must leave everything in")
	}
}

// Android, European locale: D/M/YYYY, 24-hour clock, an attached file with a
// caption, a system line, a phone number wrapped in direction marks.
func TestAndroidEU(t *testing.T) {
	const file = "WhatsApp Chat with Studio Nord.txt"
	a := parse(t, file, file, archive.Options{Owner: "Ana Pop"})
	thread := "Studio Nord#" + archive.HashID("+40 711 111 111", "Ana Pop", "Studio Nord")[:12]
	id := func(wall, author, raw string) string { return archive.HashID(thread, wall, author, raw, "0") }
	s := func(author string, dir platforms.Direction, text, sent string, raw string, att ...platforms.Attachment) platforms.Message {
		return msg(thread, "Studio Nord", id(strings.TrimSuffix(sent, "Z"), author, raw), author, dir, text, sent, att...)
	}
	wantMessages(t, a.Messages, []platforms.Message{
		s("Studio Nord", in, "Salut Ana, ai timp pentru o colaborare?", "2023-12-31T21:41:00Z", "Salut Ana, ai timp pentru o colaborare?"),
		s("Ana Pop", out, "Da! Trimite-mi detaliile:\n- buget\n- termen", "2023-12-31T21:50:00Z", "Da! Trimite-mi detaliile:\n- buget\n- termen"),
		s("Studio Nord", in, "Moodboard for the shoot", "2024-01-01T10:02:00Z", "IMG-20240101-WA0003.jpg (file attached)\nMoodboard for the shoot",
			platforms.Attachment{Kind: "photo", Name: "IMG-20240101-WA0003.jpg"}),
		s("Studio Nord", in, "", "2024-01-01T10:03:00Z", "<Media omitted>", platforms.Attachment{Kind: "media"}),
		s("+40 711 111 111", in, "Hi, I'm Studio Nord's producer", "2024-01-02T09:00:00Z", "Hi, I'm Studio Nord's producer"),
	})
	wantSkipped(t, a.Skipped, []archive.Problem{
		{Where: "line 1", Why: "a system message, not a message: Messages and calls are end-to-end encrypted. No one outside of this chat, not ev…"},
		{Where: "line 6", Why: "a system message, not a message: Studio Nord changed their phone number to a new number. Tap to message or add th…"},
	})
	importtest.Contains(t, "notes", strings.Join(a.Notes, "\n"), "dates are read day-first: line 1 has a first number above 12")
}

// iOS: brackets, seconds, U+200E before special lines, CRLF, a BOM, system
// lines attributed to the chat, "~ " before an unsaved contact.
func TestIOS(t *testing.T) {
	a := parse(t, "ios_chat.txt", "_chat.txt", archive.Options{Owner: "Ana Pop"})
	// _chat.txt names no chat: the title comes from iOS's system lines.
	id := func(wall, author, raw string) string { return archive.HashID(lumenThread, wall, author, raw, "0") }
	i := func(author string, dir platforms.Direction, text, sent, raw string, att ...platforms.Attachment) platforms.Message {
		return msg(lumenThread, "Lumen Cosmetics", id(strings.TrimSuffix(sent, "Z"), author, raw), author, dir, text, sent, att...)
	}
	wantMessages(t, a.Messages, []platforms.Message{
		i("Lumen Cosmetics", in, "Hi Ana, quick question\nabout your rates", "2023-12-31T21:41:10Z", "Hi Ana, quick question\nabout your rates"),
		i("Ana Pop", out, "", "2023-12-31T21:42:00Z", "\u200eimage omitted", platforms.Attachment{Kind: "photo"}),
		i("Lumen Cosmetics", in, "", "2024-01-01T09:15:30Z", "\u200e<attached: 00000012-PHOTO-2024-01-01-09-15-30.jpg>",
			platforms.Attachment{Kind: "photo", Name: "00000012-PHOTO-2024-01-01-09-15-30.jpg"}),
		i("Ana Pop", out, "Happy new year! 🎉", "2024-01-01T09:16:00Z", "Happy new year! 🎉"),
	})
	wantSkipped(t, a.Skipped, []archive.Problem{
		{Where: "line 1", Why: "a system message, not a message: Messages and calls are end-to-end encrypted. No one outside of this chat, not ev…"},
		{Where: "line 7", Why: "a deleted message (nothing left to import)"},
		{Where: "line 8", Why: "a system message, not a message: Missed voice call"},
	})

	// The zip iOS shares gives the same messages.
	zipped := importtest.ZipFiles(t, "_chat.txt", string(importtest.Read(t, dir+"ios_chat.txt")), "00000012-PHOTO-2024-01-01-09-15-30.jpg", "\xff\xd8")
	z, err := whatsapp.Parse(bytes.NewReader(zipped), "WhatsApp Chat - Lumen Cosmetics.zip", archive.Options{Owner: "Ana Pop"})
	if err != nil {
		t.Fatal(err)
	}
	wantMessages(t, z.Messages, a.Messages)
	// Without ReaderAt the zip is read into memory.
	z, err = whatsapp.Parse(io.MultiReader(bytes.NewReader(zipped)), "WhatsApp Chat - Lumen Cosmetics.zip", archive.Options{Owner: "Ana Pop"})
	if err != nil || len(z.Messages) != 4 {
		t.Fatalf("%d messages, %v", len(z.Messages), err)
	}
}

// No date decides the order: the option decides, else US layout → month-first.
func TestAmbiguousDates(t *testing.T) {
	const file = "WhatsApp Chat with Kai Berg.txt"
	a := parse(t, file, file, archive.Options{})
	if got := a.Messages[0].SentAt; !got.Equal(at("2024-01-02T21:41:05Z")) {
		t.Fatalf("default: %v, want 2 January", got)
	}
	importtest.Contains(t, "notes", strings.Join(a.Notes, "\n"), "read month-first, as the US layout")

	a = parse(t, file, file, archive.Options{DateOrder: archive.DayFirst})
	if got := a.Messages[2].SentAt; !got.Equal(at("2024-04-03T08:00:00Z")) {
		t.Fatalf("day-first: %v, want 3 April", got)
	}
	importtest.Contains(t, "notes", strings.Join(a.Notes, "\n"), "read day-first (D/M/Y) as asked")

	// A German file name says day-first; an explicit order still wins.
	const german = "WhatsApp-Chat mit Kai Berg.txt"
	a = parse(t, german, german, archive.Options{})
	if got := a.Messages[0].SentAt; !got.Equal(at("2024-03-02T10:00:00Z")) || a.Messages[0].ThreadTitle != "Kai Berg" {
		t.Fatalf("German: %v %q", got, a.Messages[0].ThreadTitle)
	}
	importtest.Contains(t, "notes", strings.Join(a.Notes, "\n"), "because the file name is in German")
	a = parse(t, german, german, archive.Options{DateOrder: archive.MonthFirst})
	if got := a.Messages[0].SentAt; !got.Equal(at("2024-02-03T10:00:00Z")) {
		t.Fatalf("German, month-first asked: %v", got)
	}
	// The file's own evidence beats the option.
	a = parse(t, "WhatsApp Chat with Studio Nord.txt", "x.txt", archive.Options{DateOrder: archive.MonthFirst})
	if got := a.Messages[0].SentAt; !got.Equal(at("2023-12-31T21:41:00Z")) {
		t.Fatalf("evidence: %v", got)
	}
}

// A file mixing both orders needs an explicit order; lines impossible in it are skipped.
func TestMixedOrders(t *testing.T) {
	_, err := whatsapp.Parse(bytes.NewReader(importtest.Read(t, dir+"mixed_orders.txt")), "mixed_orders.txt", archive.Options{})
	pe := importtest.CheckParseError(t, err)
	if pe.Where != "lines 1 and 2" || !strings.Contains(pe.Why, "the dates contradict each other") {
		t.Fatalf("%+v", pe)
	}
	a := parse(t, "mixed_orders.txt", "mixed_orders.txt", archive.Options{DateOrder: archive.DayFirst})
	if len(a.Messages) != 1 || !a.Messages[0].SentAt.Equal(at("2024-01-31T10:00:00Z")) {
		t.Fatalf("%+v", a.Messages)
	}
	wantSkipped(t, a.Skipped, []archive.Problem{{Where: "line 2", Why: "the date or time is impossible when read day-first (D/M/Y)"}})
}

// ISO dates, a document, and a " (1)" copy suffix on the file name.
func TestISODates(t *testing.T) {
	const file = "WhatsApp Chat with Lumen Cosmetics (1).txt"
	a := parse(t, file, file, archive.Options{})
	if len(a.Messages) != 3 || a.Messages[0].ThreadTitle != "Lumen Cosmetics" || a.Messages[0].ThreadExternalID != lumenThread {
		t.Fatalf("%+v", a.Messages)
	}
	m := a.Messages[1]
	if !m.SentAt.Equal(at("2023-12-31T21:42:00Z")) || m.Text != "" || !reflect.DeepEqual(m.Attachments, []platforms.Attachment{{Kind: "document", Name: "Contract.pdf"}}) {
		t.Fatalf("%+v", m)
	}
}

// Local times are read in the given zone.
func TestTimeZone(t *testing.T) {
	bucharest, err := time.LoadLocation("Europe/Bucharest")
	if err != nil {
		t.Skip("no time zone database:", err)
	}
	const file = "WhatsApp Chat with Studio Nord.txt"
	a := parse(t, file, file, archive.Options{Location: bucharest})
	utc := parse(t, file, file, archive.Options{})
	if got := a.Messages[0].SentAt; !got.Equal(at("2023-12-31T19:41:00Z")) || got.Location() != time.UTC {
		t.Fatalf("21:41 in Bucharest (UTC+2 in winter): %v", got)
	}
	if a.Messages[0].ExternalID != utc.Messages[0].ExternalID {
		t.Fatal("ids must not depend on the time zone option")
	}
	importtest.Contains(t, "notes", strings.Join(a.Notes, "\n"), "read in the Europe/Bucharest time zone")
}

// A later export repeats the earlier messages: their ids are the same.
func TestOverlappingExports(t *testing.T) {
	full := importtest.Read(t, dir+lumenFile)
	lines := strings.SplitAfter(string(full), "\n")
	early := strings.Join(lines[:8], "") // up to the brief, before the deletion
	a, err := whatsapp.Parse(strings.NewReader(early), lumenFile, archive.Options{})
	if err != nil {
		t.Fatal(err)
	}
	b := parse(t, lumenFile, lumenFile, archive.Options{})
	if len(a.Messages) != 4 {
		t.Fatalf("%d messages in the early export", len(a.Messages))
	}
	for i, m := range a.Messages {
		if m.ExternalID != b.Messages[i].ExternalID {
			t.Fatalf("message %d: %q in the early export, %q in the later one", i, m.ExternalID, b.Messages[i].ExternalID)
		}
	}
}

func TestBrokenFiles(t *testing.T) {
	for _, c := range []struct {
		name       string
		data       []byte
		where, why string
	}{
		{"empty", nil, "file", "the file is empty"},
		{"no message line", importtest.Read(t, dir+"notes.txt"), "file", `no line looks like a WhatsApp message (such as "12/31/23, 9:41 PM - Ana: Hi" or "[31.12.23, 21:41:05] Ana: Hi"); the file starts with "Shopping list"`},
		{"telegram json", importtest.Read(t, "../testdata/telegram/single_chat.json"), "file", "this is a JSON file, not a WhatsApp chat export"},
		{"zip without text", importtest.ZipFiles(t, "photo.jpg", "x"), "zip", "the zip holds no .txt chat file"},
		{"long line", append([]byte("1/1/24, 10:00 - A: "), bytes.Repeat([]byte("x"), 5<<20)...), "line 1", "longer than 4 MiB"},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := whatsapp.Parse(bytes.NewReader(c.data), "chat.txt", archive.Options{})
			pe := importtest.CheckParseError(t, err)
			if pe.Where != c.where || !strings.Contains(pe.Why, c.why) {
				t.Fatalf("got %+v, want where %q and why containing %q", pe, c.where, c.why)
			}
		})
	}
}
