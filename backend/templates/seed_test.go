package templates_test

import (
	"context"
	"testing"

	"creatordesk/backend/store"
	"creatordesk/backend/templates"
)

func TestStartersAreSeededOnceAndEditsStick(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	n, err := e.svc.SeedStarters(ctx, "ro")
	if err != nil || n < 8 {
		t.Fatalf("first seed added %d: %v", n, err)
	}
	all, _ := e.st.Templates(ctx, store.TemplateFilter{})
	if len(all) != n {
		t.Fatalf("%d templates after seeding %d", len(all), n)
	}
	folders, _ := e.st.TemplateFolders(ctx)
	if len(folders) != 3 || folders[0].Name != "Comenzi și livrare" {
		t.Fatalf("folders: %+v", folders)
	}
	for _, tpl := range all {
		if len(tpl.Variants) != len(templates.Languages) || tpl.FolderID == nil {
			t.Fatalf("starter %s: %d variants, folder %v", tpl.Shortcut, len(tpl.Variants), tpl.FolderID)
		}
	}

	// The user edits one starter, deletes another and a folder.
	edited, deleted := all[0], all[1]
	if _, err := e.svc.Update(ctx, "dana", edited.ID, templates.Input{Name: "Mine", Shortcut: edited.Shortcut, Variants: map[string]string{"en": "My own words"}}); err != nil {
		t.Fatal(err)
	}
	if err := e.svc.Delete(ctx, "dana", deleted.ID); err != nil {
		t.Fatal(err)
	}
	if err := e.svc.DeleteFolder(ctx, "dana", folders[2].ID); err != nil {
		t.Fatal(err)
	}

	n, err = e.svc.SeedStarters(ctx, "en")
	if err != nil || n != 0 {
		t.Fatalf("second seed added %d: %v", n, err)
	}
	after, _ := e.st.Templates(ctx, store.TemplateFilter{})
	if len(after) != len(all)-1 {
		t.Fatalf("%d templates after re-seeding, want %d", len(after), len(all)-1)
	}
	got, _ := e.svc.Get(ctx, edited.ID)
	if got.Name != "Mine" || len(got.Variants) != 1 || got.Variants[0].Body != "My own words" {
		t.Fatalf("edit overwritten: %+v", got)
	}
	if fs, _ := e.st.TemplateFolders(ctx); len(fs) != 2 {
		t.Fatalf("deleted folder came back: %+v", fs)
	}

	// Demo extras join the seeded folders, once, and set the brand if none is set.
	if n, err := e.svc.SeedDemo(ctx, "en", "Glaze & Co."); err != nil || n != 2 {
		t.Fatalf("demo seed: %d %v", n, err)
	}
	if n, _ := e.svc.SeedDemo(ctx, "en", "Other"); n != 0 {
		t.Fatalf("demo seeded twice: %d", n)
	}
	if o, _ := e.svc.Options(ctx); o.Brand != "Glaze & Co." {
		t.Fatalf("brand %q", o.Brand)
	}
}

func TestSeedingTakesAFreeShortcut(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	mine := e.mustCreate(t, templates.Input{Name: "My order reply", Shortcut: "order", Variants: map[string]string{"en": "Mine"}})
	if _, err := e.svc.SeedStarters(ctx, ""); err != nil {
		t.Fatal(err)
	}
	list, _ := e.svc.List(ctx, templates.Query{Text: "order"})
	var shortcuts []string
	for _, x := range list {
		shortcuts = append(shortcuts, x.Shortcut)
	}
	if len(list) < 2 || list[0].ID != mine.ID || shortcuts[1] != "order-2" {
		t.Fatalf("shortcuts %v", shortcuts)
	}
}
