package meta_test

import (
	"bytes"
	"io"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"

	"creatordesk/backend/importers/archive"
	"creatordesk/backend/importers/internal/importtest"
	"creatordesk/backend/importers/meta"
	"creatordesk/backend/platforms"
)

const dir = "../testdata/meta/"

// parseBytes parses data, checking invariants and that a second parse agrees.
func parseBytes(t *testing.T, data []byte, name string, opts archive.Options) archive.Archive {
	t.Helper()
	a, err := meta.Parse(bytes.NewReader(data), name, opts)
	if err != nil {
		t.Fatal(err)
	}
	importtest.CheckArchive(t, a)
	b, errB := meta.Parse(bytes.NewReader(data), name, opts)
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

const (
	lumen   = "Lumen Cosmetics ✨"
	andreea = "Andreea Mureșan"
	lumenID = "17841401234567890"
	in      = platforms.DirectionIn
	out     = platforms.DirectionOut
)

// msg builds an expected message; its id follows the documented scheme.
func msg(thread, title string, ms int64, occ int, sender string, dir platforms.Direction, text string, att ...platforms.Attachment) platforms.Message {
	stamp := strconv.FormatInt(ms, 10)
	return platforms.Message{
		ExternalID:       archive.HashID(thread, stamp, sender, text, strconv.Itoa(occ)),
		ThreadExternalID: thread, ThreadKind: platforms.ThreadDM, ThreadTitle: title,
		Author: platforms.Person{ExternalID: sender, DisplayName: sender}, Direction: dir,
		Text: text, SentAt: time.UnixMilli(ms).UTC(), Attachments: att,
	}
}

// One Instagram message_1.json: mojibake repaired, newest-first order reversed,
// unsent and empty items skipped, the platform read from the media paths.
func TestSingleInstagramFile(t *testing.T) {
	a := parseBytes(t, importtest.Read(t, dir+"message_1.json"), "message_1.json", archive.Options{})
	l := func(ms int64, occ int, sender, text string, att ...platforms.Attachment) platforms.Message {
		return msg(lumenID, lumen, ms, occ, sender, in, text, att...)
	}
	wantMessages(t, a.Messages, []platforms.Message{
		l(1714567200000, 0, lumen, "Bună Andreea! Ai vrea să colaborăm? 💄"),
		l(1714567500000, 0, lumen, "Lumen Cosmetics ✨ sent an attachment.", platforms.Attachment{Kind: "link", Name: "https://www.instagram.com/p/C6abc123/"}),
		l(1714567800000, 0, lumen, "", platforms.Attachment{Kind: "photo", Name: "4471_n_17900000000000001.jpg"}),
		l(1714568300000, 0, andreea, "🙏"),
		l(1714568300000, 1, andreea, "🙏"),
		l(1714568400000, 0, andreea, "Mulțumesc! Ne vedem la Café Lumière 😍"),
	})
	want := []archive.Problem{
		{Where: "message 4", Why: "the sender unsent this message"},
		{Where: "message 5", Why: "the message has no text or media to import"},
		{Where: "message 6", Why: "the message has no sender_name"},
	}
	if !reflect.DeepEqual(a.Skipped, want) {
		t.Fatalf("skipped %+v", a.Skipped)
	}
	if a.Platform != "instagram" || a.Kind != "meta" || a.Owner != (platforms.Person{}) || a.AccountName != "Instagram export" {
		t.Fatalf("platform %q kind %q owner %+v account %q", a.Platform, a.Kind, a.Owner, a.AccountName)
	}
	importtest.Contains(t, "notes", strings.Join(a.Notes, "\n"), "from the media paths", "every message is imported as received")
	if a.Messages[3].SentAt.String() != "2024-05-01 12:58:20 +0000 UTC" {
		t.Fatalf("time %v", a.Messages[3].SentAt)
	}

	a = parseBytes(t, importtest.Read(t, dir+"message_1.json"), "message_1.json", archive.Options{Owner: "andreea mureșan"})
	if a.Owner.DisplayName != andreea || a.AccountID != andreea || a.Messages[5].Direction != out || a.Messages[0].Direction != in {
		t.Fatalf("owner %+v, directions %s %s", a.Owner, a.Messages[5].Direction, a.Messages[0].Direction)
	}
}

// downloadZip zips the sample download tree.
func downloadZip(t *testing.T) []byte {
	return importtest.ZipDir(t, dir+"instagram_download", "")
}

// A download zip with two conversations (one split over two files, one a
// message request): the owner is the person in both.
func TestDownloadZip(t *testing.T) {
	zipped := downloadZip(t)
	a := parseBytes(t, zipped, "instagram-andreea-2024-05-02.zip", archive.Options{})
	const studioID = "17841409876543210"
	wantMessages(t, a.Messages, []platforms.Message{
		msg(lumenID, lumen, 1714480000000, 0, lumen, in, "Hello from Lumen 👋"),
		msg(lumenID, lumen, 1714567200000, 0, lumen, in, "Bună Andreea! Ai vrea să colaborăm? 💄"),
		msg(lumenID, lumen, 1714568400000, 0, andreea, out, "Mulțumesc! Ne vedem la Café Lumière 😍"),
		msg(studioID, "Studio Nord", 1714590000000, 0, "Studio Nord", in, "Hi! Paid collab for our autumn line?"),
		msg(studioID, "Studio Nord", 1714600000000, 0, andreea, out, "Sure, send me the brief"),
	})
	if a.Platform != "instagram" || a.Owner.DisplayName != andreea || a.AccountName != "Instagram export (Andreea Mureșan)" || len(a.Skipped) != 0 {
		t.Fatalf("platform %q owner %+v account %q skipped %+v", a.Platform, a.Owner, a.AccountName, a.Skipped)
	}
	importtest.Contains(t, "notes", strings.Join(a.Notes, "\n"), "from the layout of the download", "the one person in every conversation")

	// The same messages in the lone file and in the zip have the same ids.
	single := parseBytes(t, importtest.Read(t, dir+"message_1.json"), "message_1.json", archive.Options{})
	ids := map[string]bool{}
	for _, m := range single.Messages {
		ids[m.ExternalID] = true
	}
	if !ids[a.Messages[1].ExternalID] || !ids[a.Messages[2].ExternalID] || ids[a.Messages[0].ExternalID] {
		t.Fatal("overlapping downloads must share the ids of shared messages only")
	}

	// Read through a plain io.Reader (no ReaderAt), the zip goes through memory.
	b, err := meta.Parse(io.MultiReader(bytes.NewReader(zipped)), "download.zip", archive.Options{})
	if err != nil || !reflect.DeepEqual(b.Messages, a.Messages) {
		t.Fatalf("plain reader: %v", err)
	}
}

// Facebook Messenger, older layout: nothing tells the platform unless asked;
// calls, unsent messages and joins are skipped.
func TestFacebook(t *testing.T) {
	data := importtest.Read(t, dir+"facebook_message_1.json")
	_, err := meta.Parse(bytes.NewReader(data), "message_1.json", archive.Options{})
	pe := importtest.CheckParseError(t, err)
	if pe.Where != "file" || !strings.Contains(pe.Why, "give the platform (instagram or facebook)") {
		t.Fatalf("%+v", pe)
	}
	a := parseBytes(t, data, "message_1.json", archive.Options{Platform: "Facebook", Owner: "Andreea Mureșan"})
	const zoe, thread = "Zoë's Bakery", "6543210987"
	wantMessages(t, a.Messages, []platforms.Message{
		msg(thread, zoe, 1700000000000, 0, zoe, in, "Hi Andreea, fancy a croissant collab? 🥐"),
		msg(thread, zoe, 1700002000000, 0, zoe, in, "",
			platforms.Attachment{Kind: "animation", Name: "3311.gif"},
			platforms.Attachment{Kind: "sticker", Name: "39178562_1505197616293642_5411344281094848512_n.png"}),
		msg(thread, zoe, 1700003000000, 0, "Andreea Mureșan", out, "Perfect, see you then 🤝"),
	})
	want := []archive.Problem{
		{Where: "message 2", Why: "a call, not a message"},
		{Where: "message 4", Why: "the sender unsent this message"},
		{Where: "message 5", Why: "someone joined or left the chat, not a message"},
	}
	if !reflect.DeepEqual(a.Skipped, want) || a.Platform != "facebook" || a.AccountName != "Facebook export (Andreea Mureșan)" {
		t.Fatalf("skipped %+v platform %q account %q", a.Skipped, a.Platform, a.AccountName)
	}
	// The download's file name is the last hint.
	a = parseBytes(t, data, "facebook-andreea-2023.json", archive.Options{})
	importtest.Contains(t, "notes", strings.Join(a.Notes, "\n"), "the platform is facebook, from the file name")
}

func TestBrokenFiles(t *testing.T) {
	good := string(importtest.Read(t, dir+"message_1.json"))
	for _, c := range []struct {
		name       string
		data       []byte
		opts       archive.Options
		file       string
		where, why string
	}{
		{"empty", nil, archive.Options{}, "x.json", "file", "the file is empty"},
		{"truncated", importtest.Read(t, dir+"truncated_message_1.json"), archive.Options{}, "x.json", "line 23", "the JSON stops in the middle: the file is truncated"},
		{"whatsapp text", importtest.Read(t, "../testdata/whatsapp/WhatsApp Chat with Kai Berg.txt"), archive.Options{}, "x.json", "line 1", "this is neither JSON nor a zip"},
		{"telegram full export", importtest.Read(t, "../testdata/telegram/full_export.json"), archive.Options{}, "x.json", "file", "import it as telegram-desktop"},
		{"telegram chat", importtest.Read(t, "../testdata/telegram/single_chat.json"), archive.Options{}, "x.json", "file", "looks like a Telegram Desktop chat export"},
		{"no messages", []byte(`{"participants":[]}`), archive.Options{}, "x.json", "file", `there is no "messages" list`},
		{"zip without messages", importtest.ZipFiles(t, "personal_information/personal_information.json", "{}"), archive.Options{}, "x.zip", "zip", "the zip holds no messages/inbox/<chat>/message_N.json"},
		{"zip of HTML", importtest.ZipFiles(t, "your_instagram_activity/messages/inbox/a_12345/message_1.html", "<html>"), archive.Options{}, "x.zip", "zip", "HTML only: request the download again with format JSON"},
		{"zip with a broken file", importtest.ZipFiles(t, "messages/inbox/a_12345/message_1.json", good[:200]), archive.Options{Platform: "instagram"}, "x.zip", "line 12", "truncated"},
		{"unknown platform", []byte(good), archive.Options{Platform: "myspace"}, "x.json", "options", `unknown platform "myspace"`},
		{"not a zip after all", []byte("PK\x03\x04garbage"), archive.Options{}, "x.zip", "zip", "the zip archive cannot be read"},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := meta.Parse(bytes.NewReader(c.data), c.file, c.opts)
			pe := importtest.CheckParseError(t, err)
			if pe.Where != c.where || !strings.Contains(pe.Why, c.why) {
				t.Fatalf("got %+v, want where %q and why containing %q", pe, c.where, c.why)
			}
		})
	}
}
