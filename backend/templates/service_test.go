package templates_test

import (
	"context"
	"errors"
	"reflect"
	"strings"
	"testing"

	"creatordesk/backend/store"
	"creatordesk/backend/templates"
)

func kindOf(err error) string {
	var te *templates.Error
	if errors.As(err, &te) {
		return te.Kind
	}
	var pe *templates.ParseError
	if errors.As(err, &pe) {
		return pe.Kind + "@" + pe.Language
	}
	return "other: " + err.Error()
}

func TestCreateChecksWhatAPersonCanGetWrong(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	ok := map[string]string{"en": "Hi {first_name|there}"}
	e.mustCreate(t, templates.Input{Name: "Taken", Shortcut: "hello", Variants: ok})
	cases := []struct {
		name string
		in   templates.Input
		want string
	}{
		{"no name", templates.Input{Name: "  ", Variants: ok}, templates.KindNameRequired},
		{"no text", templates.Input{Name: "Empty", Variants: map[string]string{"en": "  ", "ro": ""}}, templates.KindNoVariant},
		{"bad language", templates.Input{Name: "X", Variants: map[string]string{"de": "Hallo"}}, templates.KindBadLanguage},
		{"bad kind", templates.Input{Name: "X", Kind: "story", Variants: ok}, templates.KindBadKind},
		{"bad shortcut", templates.Input{Name: "X", Shortcut: "two words", Variants: ok}, templates.KindShortcutInvalid},
		{"taken shortcut", templates.Input{Name: "X", Shortcut: "/Hello", Variants: ok}, templates.KindShortcutTaken},
		{"missing folder", templates.Input{Name: "X", FolderID: 999, Variants: ok}, templates.KindFolderMissing},
		{"broken body names its language", templates.Input{Name: "X", Variants: map[string]string{"en": "ok", "ro": "Bună {prenume}"}}, "unknownToken@ro"},
	}
	for _, c := range cases {
		if _, err := e.svc.Create(ctx, "dana", c.in); err == nil || kindOf(err) != c.want {
			t.Errorf("%s: got %v, want %s", c.name, err, c.want)
		}
	}
}

func TestShortcutsAreMadeFromNamesAndKeptUnique(t *testing.T) {
	e := newEnv(t)
	body := map[string]string{"en": "Hello"}
	a := e.mustCreate(t, templates.Input{Name: "Comandă – status!", Variants: body})
	b := e.mustCreate(t, templates.Input{Name: "Comanda status", Variants: body})
	c := e.mustCreate(t, templates.Input{Name: "退款说明", Variants: body})
	d := e.mustCreate(t, templates.Input{Name: "!!!", Variants: body})
	got := []string{a.Shortcut, b.Shortcut, c.Shortcut, d.Shortcut}
	if want := []string{"comanda-status", "comanda-status-2", "退款说明", "reply"}; !reflect.DeepEqual(got, want) {
		t.Fatalf("shortcuts %v, want %v", got, want)
	}
}

func TestUpdateKeepsUsageAndIsAudited(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	f, err := e.svc.CreateFolder(ctx, "dana", "Orders")
	if err != nil {
		t.Fatal(err)
	}
	tpl := e.mustCreate(t, templates.Input{Name: "Status", FolderID: f.ID, Variants: map[string]string{"en": "Hi", "ro": "Bună"}})
	_ = e.st.RecordTemplateUse(ctx, tpl.ID, clock.UnixMilli())
	up, err := e.svc.Update(ctx, "dana", tpl.ID, templates.Input{Name: "Status 2", Shortcut: tpl.Shortcut, Variants: map[string]string{"hi": "नमस्ते"}})
	if err != nil {
		t.Fatal(err)
	}
	if up.Name != "Status 2" || up.FolderID != nil || up.UsageCount != 1 || len(up.Variants) != 1 || up.Variants[0].Language != "hi" {
		t.Fatalf("updated: %+v", up)
	}
	audit, _ := e.st.AuditEvents(ctx, "template", "", 10)
	if len(audit) != 2 || audit[0].Action != "template.updated" || !strings.Contains(audit[0].BeforeJSON, "Bună") || !strings.Contains(audit[0].AfterJSON, "नमस्ते") {
		t.Fatalf("audit: %+v", audit)
	}
	if err := e.svc.Delete(ctx, "dana", tpl.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := e.svc.Get(ctx, tpl.ID); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("deleted template: %v", err)
	}
}

func TestFoldersCreateRenameDelete(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	f, err := e.svc.CreateFolder(ctx, "dana", " Sales ")
	if err != nil || f.Name != "Sales" {
		t.Fatalf("%+v %v", f, err)
	}
	if _, err := e.svc.CreateFolder(ctx, "dana", "Sales"); kindOf(err) != templates.KindFolderTaken {
		t.Fatalf("duplicate folder: %v", err)
	}
	if _, err := e.svc.CreateFolder(ctx, "dana", ""); kindOf(err) != templates.KindFolderNameRequired {
		t.Fatalf("empty folder: %v", err)
	}
	tpl := e.mustCreate(t, templates.Input{Name: "Price", FolderID: f.ID, Variants: map[string]string{"en": "Hi"}})
	if f, err = e.svc.RenameFolder(ctx, "dana", f.ID, "Sales & collabs"); err != nil || f.Name != "Sales & collabs" {
		t.Fatalf("rename: %+v %v", f, err)
	}
	if err := e.svc.DeleteFolder(ctx, "dana", f.ID); err != nil {
		t.Fatal(err)
	}
	if got, _ := e.svc.Get(ctx, tpl.ID); got.FolderID != nil {
		t.Fatalf("template still in the deleted folder: %+v", got)
	}
	audit, _ := e.st.AuditEvents(ctx, "template_folder", "", 10)
	if len(audit) != 3 || audit[0].Action != "template_folder.deleted" {
		t.Fatalf("audit: %+v", audit)
	}
}

func TestListSearchesShortcutsNamesAndBodies(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	ship := e.mustCreate(t, templates.Input{Name: "Livrare", Shortcut: "shipping", Variants: map[string]string{"ro": "Livrarea durează 2–4 zile"}})
	price := e.mustCreate(t, templates.Input{Name: "Preț și stoc", Shortcut: "price", Kind: "comment", Variants: map[string]string{"en": "We ship worldwide"}})
	thanks := e.mustCreate(t, templates.Input{Name: "Thanks", Shortcut: "thanks", Kind: "dm", Variants: map[string]string{"zh-Hans": "太感谢了，发货很快"}})
	_ = e.st.RecordTemplateUse(ctx, thanks.ID, clock.UnixMilli())
	ids := func(q templates.Query) []int64 {
		list, err := e.svc.List(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		var out []int64
		for _, x := range list {
			out = append(out, x.ID)
		}
		return out
	}
	if got := ids(templates.Query{}); !reflect.DeepEqual(got, []int64{thanks.ID, ship.ID, price.ID}) {
		t.Fatalf("all, most used first: %v", got)
	}
	if got := ids(templates.Query{Text: "/sh"}); !reflect.DeepEqual(got, []int64{ship.ID, price.ID}) {
		t.Fatalf("shortcut prefix before body match: %v", got)
	}
	if got := ids(templates.Query{Text: "pret"}); !reflect.DeepEqual(got, []int64{price.ID}) {
		t.Fatalf("name without diacritics: %v", got)
	}
	if got := ids(templates.Query{Text: "发货"}); !reflect.DeepEqual(got, []int64{thanks.ID}) {
		t.Fatalf("Chinese body: %v", got)
	}
	if got := ids(templates.Query{Kind: "comment"}); !reflect.DeepEqual(got, []int64{ship.ID, price.ID, thanks.ID}) {
		t.Fatalf("suited kind first: %v", got)
	}
	if got := ids(templates.Query{Limit: 1}); len(got) != 1 {
		t.Fatalf("limit: %v", got)
	}
}

func TestRenderForUsesTheRealContactAndLanguage(t *testing.T) {
	e := newEnv(t,
		chat{id: 1, first: "Ioana", last: "Popescu", languageCode: "ro", in: "Bună, când ajunge comanda mea?"},
		chat{id: 2, first: "Ravi", last: "Kumar", languageCode: "de", in: "👍 ?"},
	)
	ctx := context.Background()
	if _, err := e.svc.SetOptions(ctx, "dana", templates.Options{Brand: "Glaze & Co.", DefaultLanguage: "hi"}); err != nil {
		t.Fatal(err)
	}
	tpl := e.mustCreate(t, templates.Input{Name: "Hi", Variants: map[string]string{
		"en": "Hi {first_name|there}, {brand} here. — {agent_name|the team}",
		"ro": "Bună {first_name|ziua}, aici {brand}. Comanda {order_id}. — {agent_name|echipa}",
		"hi": "नमस्ते {first_name|जी}, {full_name}",
	}})
	r, err := e.svc.RenderFor(ctx, templates.RenderRequest{TemplateID: tpl.ID, ConversationID: e.conv["Ioana"], Actor: "Dana",
		Values: map[string]string{"order_id": " #77 ", "bogus": "x"}})
	if err != nil {
		t.Fatal(err)
	}
	if r.Text != "Bună Ioana, aici Glaze & Co.. Comanda #77. — Dana" || r.Language != "ro" || r.LanguageReason != templates.ChosenConversation || len(r.Missing) != 0 {
		t.Fatalf("ro: %+v", r)
	}
	// An emoji says nothing about the language and German has no variant: the workspace default wins.
	r, err = e.svc.RenderFor(ctx, templates.RenderRequest{TemplateID: tpl.ID, ConversationID: e.conv["Ravi"]})
	if err != nil || r.Text != "नमस्ते Ravi, Ravi Kumar" || r.Language != "hi" || r.LanguageReason != templates.ChosenWorkspace {
		t.Fatalf("default: %+v %v", r, err)
	}
	// A manual value overrides what the app knows; an explicit language wins.
	r, _ = e.svc.RenderFor(ctx, templates.RenderRequest{TemplateID: tpl.ID, ConversationID: e.conv["Ravi"], Language: "en",
		Values: map[string]string{"first_name": "Ravi-ji"}})
	if r.Text != "Hi Ravi-ji, Glaze & Co. here. — the team" || r.LanguageReason != templates.ChosenExplicit {
		t.Fatalf("explicit: %+v", r)
	}
	if _, err := e.svc.SetOptions(ctx, "dana", templates.Options{DefaultLanguage: "fr"}); kindOf(err) != templates.KindBadDefaultLanguage {
		t.Fatalf("bad default language: %v", err)
	}
}

func TestPreviewBodyWithoutAConversation(t *testing.T) {
	e := newEnv(t)
	r, err := e.svc.PreviewBody(context.Background(), "Hi {first_name|there}, {order_id}", "en", templates.RenderRequest{})
	if err != nil || r.Text != "Hi there, {order_id}" || !reflect.DeepEqual(r.Missing, []string{"order_id"}) {
		t.Fatalf("%+v %v", r, err)
	}
	if _, err := e.svc.PreviewBody(context.Background(), "Hi {", "en", templates.RenderRequest{}); kindOf(err) != "unclosedBrace@en" {
		t.Fatalf("broken: %v", err)
	}
}

func TestFactsValuesDeriveAFirstName(t *testing.T) {
	cases := []struct {
		f    store.TemplateFacts
		want map[string]string
	}{
		{store.TemplateFacts{Kind: "dm", ContactFirstName: "Ana", ContactDisplayName: "Ana Pop", LastInboundAuthor: "Ana Pop"},
			map[string]string{"first_name": "Ana", "full_name": "Ana Pop", "author_name": "Ana Pop"}},
		{store.TemplateFacts{Kind: "dm", ContactDisplayName: "@ana_shop", Title: "Mihai Ionescu"},
			map[string]string{"first_name": "Mihai", "full_name": "Mihai Ionescu"}},
		{store.TemplateFacts{Kind: "comment", Title: "New glaze drop!", LastInboundAuthor: "王小明"},
			map[string]string{"first_name": "王小明", "author_name": "王小明"}},
		{store.TemplateFacts{Kind: "comment", LastInboundAuthor: "@12345"}, map[string]string{"author_name": "@12345"}},
	}
	for _, c := range cases {
		if got := templates.FactsValues(c.f); !reflect.DeepEqual(got, c.want) {
			t.Errorf("FactsValues(%+v) = %v, want %v", c.f, got, c.want)
		}
	}
}
