package templates

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"creatordesk/backend/store"
)

// Service manages saved replies and renders them for conversations.
type Service struct {
	Store *store.Store
	// Sources fill token values; later sources override earlier ones.
	Sources []Source
	// Pickers choose which saved reply to render when one is inserted in a
	// conversation (reply experiments give each contact its variant); each gets
	// the id the previous one returned.
	Pickers []func(ctx context.Context, templateID, conversationID int64) (int64, error)
}

// NewService returns a service with the built-in sources (contact and thread, brand).
func NewService(st *store.Store) *Service {
	return &Service{Store: st, Sources: []Source{ContactSource{Store: st}, BrandSource{Store: st}}}
}

// maxName is the longest template or folder name, in characters.
const maxName = 80

// Input is a template as a person edits it.
type Input struct {
	Name     string
	Shortcut string
	// FolderID places it in a folder (0 = none).
	FolderID int64
	Channel  string
	Kind     string
	// Variants maps a language to its body; blank bodies are dropped.
	Variants map[string]string
}

// Get returns one template with its variants.
func (s *Service) Get(ctx context.Context, id int64) (store.Template, error) {
	return s.Store.TemplateByID(ctx, id)
}

// Validate reports every problem of a body (none: nil).
func Validate(body string) []*ParseError {
	_, problems := Parse(body)
	return problems
}

// Create adds a template after checking it.
func (s *Service) Create(ctx context.Context, actor string, in Input) (store.Template, error) {
	t, err := s.checked(ctx, 0, in)
	if err != nil {
		return store.Template{}, err
	}
	if err := s.Store.CreateTemplate(ctx, &t); err != nil {
		return store.Template{}, shortcutTaken(err, t.Shortcut)
	}
	s.audit(ctx, actor, "template.created", "template", t.ID, nil, auditView(t))
	return s.Store.TemplateByID(ctx, t.ID)
}

// Update saves a person's changes to a template (its usage is kept).
func (s *Service) Update(ctx context.Context, actor string, id int64, in Input) (store.Template, error) {
	before, err := s.Store.TemplateByID(ctx, id)
	if err != nil {
		return store.Template{}, err
	}
	t, err := s.checked(ctx, id, in)
	if err != nil {
		return store.Template{}, err
	}
	t.ID = id
	if err := s.Store.UpdateTemplate(ctx, &t); err != nil {
		return store.Template{}, shortcutTaken(err, t.Shortcut)
	}
	s.audit(ctx, actor, "template.updated", "template", id, auditView(before), auditView(t))
	return s.Store.TemplateByID(ctx, id)
}

// Delete removes a template.
func (s *Service) Delete(ctx context.Context, actor string, id int64) error {
	before, err := s.Store.TemplateByID(ctx, id)
	if err != nil {
		return err
	}
	if err := s.Store.DeleteTemplate(ctx, id); err != nil {
		return err
	}
	s.audit(ctx, actor, "template.deleted", "template", id, auditView(before), nil)
	return nil
}

// checked validates in and returns the template to store (id: the template
// being edited, 0 for a new one).
func (s *Service) checked(ctx context.Context, id int64, in Input) (store.Template, error) {
	name := strings.TrimSpace(in.Name)
	if name == "" || utf8.RuneCountInString(name) > maxName {
		return store.Template{}, newError(KindNameRequired)
	}
	kind := strings.TrimSpace(in.Kind)
	if kind != "" && kind != "dm" && kind != "comment" {
		return store.Template{}, newError(KindBadKind, "kind", kind)
	}
	t := store.Template{Name: name, Channel: strings.ToLower(strings.TrimSpace(in.Channel)), Kind: kind}
	if in.FolderID != 0 {
		if _, err := s.Store.TemplateFolderByID(ctx, in.FolderID); err != nil {
			if errors.Is(err, store.ErrNotFound) {
				return store.Template{}, newError(KindFolderMissing)
			}
			return store.Template{}, err
		}
		fid := in.FolderID
		t.FolderID = &fid
	}
	for lang := range in.Variants {
		if !IsLanguage(lang) {
			return store.Template{}, newError(KindBadLanguage, "language", lang)
		}
	}
	for _, lang := range Languages {
		body := strings.TrimRight(in.Variants[lang], " \t\r\n")
		if strings.TrimSpace(body) == "" {
			continue
		}
		if problems := Validate(body); len(problems) > 0 {
			problems[0].Language = lang
			return store.Template{}, problems[0]
		}
		t.Variants = append(t.Variants, store.TemplateVariant{Language: lang, Body: body})
	}
	if len(t.Variants) == 0 {
		return store.Template{}, newError(KindNoVariant)
	}
	shortcut, err := s.shortcutFor(ctx, id, name, in.Shortcut)
	if err != nil {
		return store.Template{}, err
	}
	t.Shortcut = shortcut
	return t, nil
}

// shortcutFor checks a typed shortcut, or makes a free one from the name.
func (s *Service) shortcutFor(ctx context.Context, id int64, name, typed string) (string, error) {
	taken, err := s.shortcuts(ctx, id)
	if err != nil {
		return "", err
	}
	if typed = NormalizeShortcut(typed); typed != "" {
		if !ValidShortcut(typed) {
			return "", newError(KindShortcutInvalid, "shortcut", typed)
		}
		if taken[typed] {
			return "", newError(KindShortcutTaken, "shortcut", typed)
		}
		return typed, nil
	}
	base := Slug(name)
	if base == "" {
		base = "reply"
	}
	for n := 1; ; n++ {
		try := base
		if n > 1 {
			try = fmt.Sprintf("%s-%d", base, n)
		}
		if !taken[try] {
			return try, nil
		}
	}
}

// shortcuts returns the shortcuts in use by templates other than id.
func (s *Service) shortcuts(ctx context.Context, id int64) (map[string]bool, error) {
	all, err := s.Store.Templates(ctx, store.TemplateFilter{})
	if err != nil {
		return nil, err
	}
	out := make(map[string]bool, len(all))
	for _, t := range all {
		if t.ID != id {
			out[t.Shortcut] = true
		}
	}
	return out, nil
}

// shortcutTaken maps a unique-key failure (a concurrent save) to its Error.
func shortcutTaken(err error, shortcut string) error {
	if errors.Is(err, store.ErrDuplicate) {
		return newError(KindShortcutTaken, "shortcut", shortcut)
	}
	return err
}

// Folders returns every folder in display order.
func (s *Service) Folders(ctx context.Context) ([]store.TemplateFolder, error) {
	return s.Store.TemplateFolders(ctx)
}

// CreateFolder adds a folder.
func (s *Service) CreateFolder(ctx context.Context, actor, name string) (store.TemplateFolder, error) {
	name, err := folderName(name)
	if err != nil {
		return store.TemplateFolder{}, err
	}
	f := store.TemplateFolder{Name: name}
	if err := s.Store.CreateTemplateFolder(ctx, &f); err != nil {
		return store.TemplateFolder{}, folderTaken(err, name)
	}
	s.audit(ctx, actor, "template_folder.created", "template_folder", f.ID, nil, map[string]string{"name": name})
	return f, nil
}

// RenameFolder renames a folder.
func (s *Service) RenameFolder(ctx context.Context, actor string, id int64, name string) (store.TemplateFolder, error) {
	name, err := folderName(name)
	if err != nil {
		return store.TemplateFolder{}, err
	}
	before, err := s.Store.TemplateFolderByID(ctx, id)
	if err != nil {
		return store.TemplateFolder{}, err
	}
	if err := s.Store.RenameTemplateFolder(ctx, id, name); err != nil {
		return store.TemplateFolder{}, folderTaken(err, name)
	}
	s.audit(ctx, actor, "template_folder.renamed", "template_folder", id, map[string]string{"name": before.Name}, map[string]string{"name": name})
	return s.Store.TemplateFolderByID(ctx, id)
}

// DeleteFolder removes a folder; its templates stay, in no folder.
func (s *Service) DeleteFolder(ctx context.Context, actor string, id int64) error {
	before, err := s.Store.TemplateFolderByID(ctx, id)
	if err != nil {
		return err
	}
	if err := s.Store.DeleteTemplateFolder(ctx, id); err != nil {
		return err
	}
	s.audit(ctx, actor, "template_folder.deleted", "template_folder", id, map[string]string{"name": before.Name}, nil)
	return nil
}

// folderName trims and checks a folder name.
func folderName(name string) (string, error) {
	name = strings.TrimSpace(name)
	if name == "" || utf8.RuneCountInString(name) > maxName {
		return "", newError(KindFolderNameRequired)
	}
	return name, nil
}

// folderTaken maps a unique-key failure to its Error.
func folderTaken(err error, name string) error {
	if errors.Is(err, store.ErrDuplicate) {
		return newError(KindFolderTaken, "name", name)
	}
	return err
}

// Options are the workspace settings templates use.
type Options struct {
	// Brand fills {brand}.
	Brand string
	// DefaultLanguage is the reply language when a conversation's is unknown.
	DefaultLanguage string
}

// Options reads the settings (English is the default language).
func (s *Service) Options(ctx context.Context) (Options, error) {
	brand, err := s.Store.Setting(ctx, SettingBrand, "")
	if err != nil {
		return Options{}, err
	}
	lang, err := s.Store.Setting(ctx, SettingDefaultLanguage, "en")
	return Options{Brand: brand, DefaultLanguage: lang}, err
}

// SetOptions stores the settings.
func (s *Service) SetOptions(ctx context.Context, actor string, o Options) (Options, error) {
	o.Brand = strings.TrimSpace(o.Brand)
	if !IsLanguage(o.DefaultLanguage) {
		return Options{}, newError(KindBadDefaultLanguage, "language", o.DefaultLanguage)
	}
	before, err := s.Options(ctx)
	if err != nil {
		return Options{}, err
	}
	if err := s.Store.SetSetting(ctx, SettingBrand, o.Brand); err != nil {
		return Options{}, err
	}
	if err := s.Store.SetSetting(ctx, SettingDefaultLanguage, o.DefaultLanguage); err != nil {
		return Options{}, err
	}
	s.audit(ctx, actor, "template_settings.changed", "settings", 0, before, o)
	return o, nil
}

// audit records a change; a failure to record does not undo it.
func (s *Service) audit(ctx context.Context, actor, action, targetType string, id int64, before, after any) {
	enc := func(v any) string {
		if v == nil {
			return ""
		}
		b, _ := json.Marshal(v)
		return string(b)
	}
	target := ""
	if id != 0 {
		target = fmt.Sprint(id)
	}
	_, _ = s.Store.AppendAudit(ctx, store.AuditEvent{Actor: actor, Action: action, TargetType: targetType, TargetID: target,
		BeforeJSON: enc(before), AfterJSON: enc(after)})
}

// auditView is what the audit trail keeps of a template.
func auditView(t store.Template) map[string]any {
	bodies := map[string]string{}
	for _, v := range t.Variants {
		bodies[v.Language] = v.Body
	}
	return map[string]any{"name": t.Name, "shortcut": t.Shortcut, "folderId": t.FolderID, "channel": t.Channel, "kind": t.Kind, "variants": bodies}
}
