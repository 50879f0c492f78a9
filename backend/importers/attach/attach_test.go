package attach_test

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"creatordesk/backend/importers/archive"
	"creatordesk/backend/importers/attach"
	"creatordesk/backend/importers/whatsapp"
	"creatordesk/backend/platforms"
	"creatordesk/backend/store"
)

var ctx = context.Background()

// export is a chat exported from the business phone (Android, day-first dates).
const export = `14/03/2026, 09:58 - Messages and calls are end-to-end encrypted. No one outside of this chat, not even WhatsApp, can read or listen to them. Tap to learn more.
14/03/2026, 09:58 - +40 722 123 456: Hello! Is the celadon mug back in stock?
14/03/2026, 10:02 - Glaze & Co.: Hi! Yes, since this morning.
14/03/2026, 10:03 - +40 722 123 456: Great, I ordered two 🎉
15/03/2026, 16:20 - Glaze & Co.: Your order ships Monday
15/03/2026, 16:25 - +40 722 123 456: Thank you!
`

func openStore(t *testing.T) *store.Store {
	t.Helper()
	st, err := store.Open(filepath.Join(t.TempDir(), store.FileName), store.Options{Now: func() time.Time { return time.Date(2026, 3, 16, 9, 0, 0, 0, time.UTC) }})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = st.Close() })
	return st
}

func parse(t *testing.T, text, name string) archive.Archive {
	t.Helper()
	a, err := whatsapp.Parse(strings.NewReader(text), name, archive.Options{Owner: "Glaze & Co."})
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// cloudAccount is a connected WhatsApp Cloud account with one conversation
// the app started: a reply sent through the Cloud API (so it has a wamid).
func cloudAccount(t *testing.T, st *store.Store) store.Account {
	t.Helper()
	acc := store.Account{Platform: "whatsapp", Name: "Glaze & Co.", ExternalID: "106540352242922", BaseURL: "https://graph.facebook.com/v21.0", Status: store.AccountConnected}
	if err := st.CreateAccount(ctx, &acc); err != nil {
		t.Fatal(err)
	}
	sent := platforms.Message{ExternalID: "wamid.HBgLNDA3MjIxMjM0NTYVAgARGBI", ThreadExternalID: "40722123456", ThreadKind: platforms.ThreadDM,
		ThreadTitle: "+40 722 123 456", Author: platforms.Person{ExternalID: "106540352242922", DisplayName: "Glaze & Co."},
		Direction: platforms.DirectionOut, Text: "Your order ships Monday", SentAt: time.Date(2026, 3, 15, 16, 20, 41, 0, time.UTC)}
	if _, err := st.IngestPage(ctx, acc.ID, []platforms.Message{sent}, "cloud-cursor"); err != nil {
		t.Fatal(err)
	}
	acc, _ = st.AccountByID(ctx, acc.ID)
	return acc
}

func TestWhatsAppExportJoinsTheCloudConversation(t *testing.T) {
	st := openStore(t)
	acc := cloudAccount(t, st)
	a := parse(t, export, "WhatsApp Chat with +40 722 123 456.txt")

	res, err := attach.WhatsApp(ctx, st, a, attach.Request{AccountID: acc.ID, Actor: "ana"})
	if err != nil {
		t.Fatal(err)
	}
	if res.Phone != "40722123456" || res.Read != 5 || res.Inserted != 4 || res.Duplicates != 1 {
		t.Fatalf("result %+v", res)
	}
	convs, _, err := st.Conversations(ctx, store.ConversationFilter{AccountID: acc.ID}, store.ConversationCursor{}, 50)
	if err != nil || len(convs) != 1 || convs[0].ExternalID != "40722123456" || convs[0].ID != res.ConversationID {
		t.Fatalf("conversations %+v %v", convs, err)
	}
	if convs[0].UnreadCount != 0 {
		t.Fatalf("imported history left %d unread", convs[0].UnreadCount)
	}
	msgs, _ := st.Messages(ctx, res.ConversationID, 0)
	var got []string
	for _, m := range msgs {
		got = append(got, m.Direction+":"+m.Text)
	}
	want := []string{"in:Hello! Is the celadon mug back in stock?", "out:Hi! Yes, since this morning.", "in:Great, I ordered two 🎉",
		"out:Your order ships Monday", "in:Thank you!"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Fatalf("thread:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	after, _ := st.AccountByID(ctx, acc.ID)
	if after.SyncCursor != "cloud-cursor" {
		t.Fatalf("the Cloud account's cursor became %q", after.SyncCursor)
	}
	if all, _ := st.Accounts(ctx, true); len(all) != 1 {
		t.Fatalf("%d accounts: an archive account was made", len(all))
	}

	// The same export again, under another file name, adds nothing.
	again, err := attach.WhatsApp(ctx, st, parse(t, export, "WhatsApp Chat with +40 722 123 456 (1).txt"), attach.Request{AccountID: acc.ID})
	if err != nil || again.Inserted != 0 || again.ConversationID != res.ConversationID {
		t.Fatalf("re-import %+v %v", again, err)
	}
	// A contact saved by name: the number comes from --phone.
	named := strings.ReplaceAll(export, "+40 722 123 456", "Mara Ionescu")
	if _, err := attach.WhatsApp(ctx, st, parse(t, named, "WhatsApp Chat with Mara Ionescu.txt"), attach.Request{AccountID: acc.ID}); !errors.Is(err, attach.ErrNoPhone) {
		t.Fatalf("no number: %v", err)
	}
	byName, err := attach.WhatsApp(ctx, st, parse(t, named, "WhatsApp Chat with Mara Ionescu.txt"), attach.Request{AccountID: acc.ID, Phone: "+40 (722) 123-456"})
	if err != nil || byName.ConversationID != res.ConversationID || byName.Inserted != 0 {
		t.Fatalf("by name with --phone: %+v %v", byName, err)
	}
	if audit, _ := st.AuditEvents(ctx, "account", fmt.Sprint(acc.ID), 10); len(audit) != 3 || audit[0].Action != "import.whatsapp.attach" {
		t.Fatal("no audit event")
	}
}

func TestAttachRefusals(t *testing.T) {
	st := openStore(t)
	acc := cloudAccount(t, st)
	archived := store.Account{Platform: "whatsapp", Name: "WhatsApp export", ExternalID: "export", BaseURL: "import:whatsapp", Status: store.AccountImported}
	if err := st.CreateAccount(ctx, &archived); err != nil {
		t.Fatal(err)
	}
	a := parse(t, export, "WhatsApp Chat with +40 722 123 456.txt")
	group := export + "15/03/2026, 16:30 - +40 733 999 000: Can I join the order?\n"
	for name, tt := range map[string]struct {
		a    archive.Archive
		req  attach.Request
		want error
	}{
		"an archive account":   {a, attach.Request{AccountID: archived.ID}, attach.ErrNotCloudAccount},
		"no such account":      {a, attach.Request{AccountID: 999}, attach.ErrNotCloudAccount},
		"a Telegram export":    {archive.Archive{Platform: "telegram"}, attach.Request{AccountID: acc.ID}, attach.ErrNotWhatsApp},
		"a group chat":         {parse(t, group, "WhatsApp Chat with Pottery club.txt"), attach.Request{AccountID: acc.ID}, attach.ErrGroupChat},
		"a local number given": {a, attach.Request{AccountID: acc.ID, Phone: "0722 123"}, attach.ErrBadPhone},
		"letters for a number": {a, attach.Request{AccountID: acc.ID, Phone: "call me"}, attach.ErrBadPhone},
	} {
		t.Run(name, func(t *testing.T) {
			if _, err := attach.WhatsApp(ctx, st, tt.a, tt.req); !errors.Is(err, tt.want) {
				t.Fatalf("got %v, want %v", err, tt.want)
			}
		})
	}
	msgs, _ := st.Messages(ctx, 1, 0)
	if len(msgs) != 1 {
		t.Fatalf("refused imports stored %d messages", len(msgs)-1)
	}
}

func TestNormalizePhone(t *testing.T) {
	for in, want := range map[string]string{"+40 722 123 456": "40722123456", "0040722123456": "40722123456", "\u202a+1 (555) 010-2030\u202c": "15550102030",
		"40722123456": "40722123456", "0722123456": "", "Mara": "", "+0 123 456 789": ""} {
		got, ok := attach.NormalizePhone(in)
		if (want == "") == ok || (ok && got != want) {
			t.Errorf("NormalizePhone(%q) = %q %v, want %q", in, got, ok, want)
		}
	}
}
