package app

import (
	"reflect"
	"strings"
	"testing"
	"time"

	"creatordesk/backend/platforms/telegram/telegramfake"
)

func TestTemplatesFacadeValidatesRendersAndCountsSends(t *testing.T) {
	s, _, fake, url := newSession(t)
	api := NewTemplates(s)

	problems, err := api.Validate([]TemplateVariantDTO{{Language: "en", Body: "Hi {first_name|there}"}, {Language: "zh-Hans", Body: "😊你好 {nope}"}})
	if err != nil || len(problems) != 1 {
		t.Fatalf("validate: %+v %v", problems, err)
	}
	p := problems[0]
	if p.Language != "zh-Hans" || p.Kind != "unknownToken" || p.Start != 5 || p.End != 11 || p.Column != 5 ||
		p.Error == nil || p.Error.Key != "errors.templates.unknownToken" || p.Error.Args["token"] != "nope" {
		t.Fatalf("problem %+v (%+v)", p, p.Error)
	}

	f, err := api.CreateFolder("Orders")
	if err != nil {
		t.Fatal(err)
	}
	tpl, err := api.Create(TemplateInput{Name: "Where is it", FolderID: f.ID, Kind: "dm",
		Variants: []TemplateVariantDTO{{Language: "en", Body: "Hi {first_name|there}, order {order_id} ships today."}}})
	if err != nil || tpl.Shortcut != "where-is-it" || tpl.FolderID != f.ID || tpl.CreatedAt == "" || tpl.LastUsedAt != "" {
		t.Fatalf("create: %+v %v", tpl, err)
	}
	if _, err := api.Create(TemplateInput{Name: "Broken", Variants: []TemplateVariantDTO{{Language: "ro", Body: "Bună {"}}}); ToAppError(err).Key != "errors.templates.unclosedBrace" ||
		ToAppError(err).Args["language"] != "ro" {
		t.Fatalf("broken create: %v", err)
	}
	folders, _ := api.Folders()
	var orders TemplateFolderDTO
	for _, x := range folders {
		if x.ID == f.ID {
			orders = x
		}
	}
	if orders.TemplateCount != 1 {
		t.Fatalf("folders: %+v", folders)
	}

	fake.AddMessage(telegramfake.Chat{ID: 5, Type: "private", FirstName: "Mara"}, telegramfake.User{ID: 5, FirstName: "Mara"}, "Where is my parcel?", time.Now())
	if _, err := NewAccounts(s).ConnectTelegram(ConnectTelegramRequest{Token: testToken, BaseURL: url}); err != nil {
		t.Fatal(err)
	}
	var convID int64
	waitFor(t, "the conversation", func() bool {
		page, _ := NewInbox(s).ListConversations(ConversationQuery{})
		if len(page.Items) > 0 {
			convID = page.Items[0].ID
		}
		return convID != 0
	})
	r, err := api.Render(TemplateRenderRequest{TemplateID: tpl.ID, ConversationID: convID})
	if err != nil || r.Text != "Hi Mara, order {order_id} ships today." || !reflect.DeepEqual(r.Missing, []string{"order_id"}) || r.Language != "en" {
		t.Fatalf("render: %+v %v", r, err)
	}
	if _, err := api.Send(convID, tpl.ID, r.Text); ToAppError(err).Key != "errors.templates.unfilled" {
		t.Fatalf("send with a gap: %v", err)
	}
	r, _ = api.Render(TemplateRenderRequest{TemplateID: tpl.ID, ConversationID: convID, Values: map[string]string{"order_id": "#9"}})
	m, err := api.Send(convID, tpl.ID, r.Text)
	if err != nil || m.State != "sent" || !strings.Contains(m.Text, "#9") {
		t.Fatalf("send: %+v %v", m, err)
	}
	got, _ := api.Get(tpl.ID)
	if got.UsageCount != 1 || got.LastUsedAt == "" {
		t.Fatalf("usage: %+v", got)
	}
	// A plain reply holding a token is refused by the same gate.
	if _, err := NewInbox(s).Reply(convID, "Hi {first_name}"); ToAppError(err).Key != "errors.templates.unfilled" {
		t.Fatalf("plain reply with a token: %v", err)
	}

	prev, err := api.Preview(TemplatePreviewRequest{Body: "{brand|Our shop} says hi, {first_name}", Language: "en", ConversationID: convID})
	if err != nil || prev.Text != "Our shop says hi, Mara" || len(prev.Missing) != 0 {
		t.Fatalf("preview: %+v %v", prev, err)
	}
	if o, err := api.SetOptions(TemplateOptionsDTO{Brand: "Glaze", DefaultLanguage: "ro"}); err != nil || o.Brand != "Glaze" {
		t.Fatalf("options: %+v %v", o, err)
	}
	if list, _ := api.List(TemplateListQuery{Query: "where", ConversationID: convID}); len(list) != 1 || list[0].ID != tpl.ID {
		t.Fatalf("list: %+v", list)
	}
}
