package templates

import (
	"context"

	"creatordesk/backend/store"
)

// SeedStarters adds the starter saved replies a workspace has not had yet, with
// folder and template names in lang (English when lang is not one of
// Languages). Each starter is added once, ever: running it again adds nothing,
// and a starter the user edited or deleted is left as it is. It returns how
// many templates were added.
func (s *Service) SeedStarters(ctx context.Context, lang string) (int, error) {
	return s.Store.SeedTemplates(ctx, seeds(starters, lang))
}

// SeedDemo adds the demo workspace's extra saved replies and, when none is set,
// the demo brand's name.
func (s *Service) SeedDemo(ctx context.Context, lang, brand string) (int, error) {
	if cur, err := s.Store.Setting(ctx, SettingBrand, ""); err != nil {
		return 0, err
	} else if cur == "" && brand != "" {
		if err := s.Store.SetSetting(ctx, SettingBrand, brand); err != nil {
			return 0, err
		}
	}
	return s.Store.SeedTemplates(ctx, seeds(demoStarters, lang))
}

// seeds turns starters into store seeds named in lang.
func seeds(list []starter, lang string) []store.TemplateSeed {
	if !IsLanguage(lang) {
		lang = "en"
	}
	folderNames := map[string]string{}
	for _, f := range starterFolders {
		folderNames[f.key] = f.names[lang]
	}
	out := make([]store.TemplateSeed, 0, len(list))
	for _, st := range list {
		t := store.Template{Name: st.names[lang], Shortcut: st.shortcut, Kind: st.kind}
		for _, l := range Languages {
			if b := st.bodies[l]; b != "" {
				t.Variants = append(t.Variants, store.TemplateVariant{Language: l, Body: b})
			}
		}
		out = append(out, store.TemplateSeed{Key: st.key, FolderKey: st.folder, FolderName: folderNames[st.folder], Template: t})
	}
	return out
}
