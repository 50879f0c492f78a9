package app

import (
	"bytes"
	"context"
	"encoding/base64"
	"os"
	"path/filepath"
	"testing"
	"time"

	"creatordesk/backend/platforms"
	"creatordesk/backend/platforms/telegram/telegramfake"
	"creatordesk/backend/platforms/whatsapp"
	"creatordesk/backend/platforms/whatsapp/whatsappfake"
)

func TestAttachmentsThroughTheFacade(t *testing.T) {
	s, _, fake, url := newSession(t)
	accAPI, inboxAPI, outAPI := NewAccounts(s), NewInbox(s), NewOutbound(s)
	fake.AddMessage(telegramfake.Chat{ID: 9, Type: "private", FirstName: "Ana"}, telegramfake.User{ID: 9, FirstName: "Ana"}, "Photo of the mug?", time.Now())
	if _, err := accAPI.ConnectTelegram(ConnectTelegramRequest{Token: testToken, BaseURL: url}); err != nil {
		t.Fatal(err)
	}
	var page ConversationPage
	waitFor(t, "the synced conversation", func() bool {
		page, _ = inboxAPI.ListConversations(ConversationQuery{Limit: 50})
		return len(page.Items) == 1
	})
	conv := page.Items[0].ID
	rules, err := outAPI.AttachmentRules(conv)
	if err != nil || !rules.Supported || rules.Platform != "telegram" || len(rules.Rules) != 3 || rules.Rules[0].Kind != "image" ||
		rules.Rules[2].MaxBytes != 25<<20 || rules.MaxFiles != 10 || len(rules.BlockedExtensions) == 0 {
		t.Fatalf("rules %+v %v", rules, err)
	}
	png := append([]byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), bytes.Repeat([]byte{2}, 40)...)
	m, err := outAPI.ReplyWithAttachments(conv, "Here it is", []AttachmentUploadDTO{{Name: "mug.png", MimeType: "image/png",
		DataBase64: base64.StdEncoding.EncodeToString(png)}})
	if err != nil || m.State != "sent" || len(m.Attachments) != 1 || m.Attachments[0].Name != "mug.png" || m.Attachments[0].Kind != "photo" {
		t.Fatalf("reply with a file: %+v %v", m, err)
	}
	if sent := fake.Sent(); len(sent) != 1 || sent[0].Method != "sendPhoto" || sent[0].FileSize != int64(len(png)) {
		t.Fatalf("fake got %+v", sent)
	}
	entries, err := os.ReadDir(filepath.Join(filepath.Dir(s.Workspace().Store.Path), "attachments"))
	if err != nil || len(entries) != 1 {
		t.Fatalf("data folder copies: %v %v", entries, err)
	}
	_, err = outAPI.ReplyWithAttachments(conv, "", []AttachmentUploadDTO{{Name: "setup.exe", MimeType: "application/x-msdownload",
		DataBase64: base64.StdEncoding.EncodeToString([]byte("MZ program"))}})
	if e := ToAppError(err); e.Key != "errors.outbound.attachType" || e.Args["name"] != "setup.exe" {
		t.Fatalf("a program: %+v", e)
	}
	_, err = outAPI.ReplyWithAttachments(conv, "", []AttachmentUploadDTO{{Name: "a.pdf", DataBase64: "%%%"}})
	if e := ToAppError(err); e.Key != "errors.invalidInput" {
		t.Fatalf("bad base64: %+v", e)
	}
	thread, _ := inboxAPI.GetThread(conv)
	if n := len(thread.Messages); n != 2 {
		t.Fatalf("refused files were stored: %d messages", n)
	}
}

func TestWhatsAppTemplateThroughTheFacade(t *testing.T) {
	const (
		token = "EAAGfacade-test-system-user-token-0123456789abcdef"
		waba  = "102290129340398"
		phone = "106540352242922"
		fan   = "40721000111"
	)
	s, _, _, _ := newSession(t)
	wa := whatsappfake.New(waba, whatsappfake.Phone{ID: phone, Display: "+1 555-010-2030", VerifiedName: "Glaze & Co."})
	wa.AddToken(token, 0)
	wa.AddTemplate(whatsappfake.Template{ID: "1", Name: "order_update", Language: "en_US", Status: "APPROVED", Category: "UTILITY",
		Body: "Hi {{1}}, your order {{2}} is on its way."})
	wa.AddTemplate(whatsappfake.Template{ID: "2", Name: "draft", Language: "en_US", Status: "REJECTED", Category: "MARKETING", Body: "x"})
	wa.AddPerson(fan)
	url := wa.Start()
	t.Cleanup(wa.Close)
	acc, err := NewAccounts(s).Connect(ConnectRequest{Platform: whatsapp.Platform, Token: token, BaseURL: url,
		Extra: map[string]string{whatsapp.ExtraPhoneNumberID: phone, whatsapp.ExtraWABAID: waba}})
	if err != nil {
		t.Fatal(err)
	}
	st := s.Workspace().Store
	if _, err := st.IngestPage(context.Background(), acc.ID, []platforms.Message{{ExternalID: "wamid.in1", ThreadExternalID: fan,
		ThreadKind: platforms.ThreadDM, Author: platforms.Person{ExternalID: fan, DisplayName: "Ana"}, Direction: platforms.DirectionIn,
		Text: "Where is my order?", SentAt: time.Now().Add(-30 * time.Hour)}}, ""); err != nil {
		t.Fatal(err)
	}
	inboxAPI, outAPI := NewInbox(s), NewOutbound(s)
	page, _ := inboxAPI.ListConversations(ConversationQuery{Limit: 10, Platform: whatsapp.Platform})
	if len(page.Items) != 1 {
		t.Fatalf("conversations %+v", page.Items)
	}
	conv := page.Items[0].ID
	if _, err := inboxAPI.Reply(conv, "hello"); ToAppError(err).Key != "errors.platform.windowClosed" {
		t.Fatalf("free text after 24 h: %v", err)
	}
	list, err := outAPI.WhatsAppTemplates(conv)
	if err != nil || len(list) != 1 || list[0].Name != "order_update" || list[0].Params != 2 || list[0].Category != "UTILITY" {
		t.Fatalf("templates %+v %v", list, err)
	}
	if _, err := outAPI.SendWhatsAppTemplate(conv, "draft", "en_US", nil); ToAppError(err).Key != "errors.outbound.templateUnapproved" {
		t.Fatalf("a rejected template: %v", err)
	}
	m, err := outAPI.SendWhatsAppTemplate(conv, "order_update", "en_US", []string{"Ana", "#1042"})
	if err != nil || m.State != "sent" || m.Text != "Hi Ana, your order #1042 is on its way." {
		t.Fatalf("template: %+v %v", m, err)
	}
	if sent := wa.Sent(); len(sent) != 1 || sent[0].Template != "order_update" {
		t.Fatalf("fake got %+v", sent)
	}
}
