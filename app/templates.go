package app

import (
	"context"
	"strings"

	"creatordesk/backend/inbox"
	"creatordesk/backend/store"
	"creatordesk/backend/templates"
	"creatordesk/backend/workspace"
)

func init() { registerFacade(func(s *Session) any { return NewTemplates(s) }) }

// Templates is the bound facade for saved replies: folders, templates with
// their language variants, validation, previews and sending from a template.
type Templates struct{ s *Session }

// NewTemplates binds the facade to a session.
func NewTemplates(s *Session) *Templates { return &Templates{s: s} }

// svc is the open workspace's saved-replies service.
func (t *Templates) svc() *templates.Service { return workspace.Templates(t.s.Workspace()) }

// agentName is what {agent_name} is filled with: the acting member's name, but
// never the placeholder actor "me" of a workspace without team profiles.
func (t *Templates) agentName() string {
	if a := strings.TrimSpace(t.s.Actor()); a != "" && a != "me" {
		return a
	}
	return ""
}

// List returns the saved replies matching q, best match first (the "/" picker
// passes the typed text and the open conversation).
func (t *Templates) List(q TemplateListQuery) ([]TemplateDTO, error) {
	ctx := context.Background()
	query := templates.Query{Text: q.Query, FolderID: q.FolderID, Unfiled: q.Unfiled, Limit: q.Limit}
	if q.ConversationID != 0 {
		c, err := t.s.Workspace().Store.ConversationByID(ctx, q.ConversationID)
		if err != nil {
			return nil, err
		}
		query.Kind, query.Platform = c.Kind, c.Platform
	}
	rows, err := t.svc().List(ctx, query)
	if err != nil {
		return nil, err
	}
	out := make([]TemplateDTO, len(rows))
	for i, r := range rows {
		out[i] = toTemplateDTO(r)
	}
	return out, nil
}

// Get returns one saved reply.
func (t *Templates) Get(id int64) (TemplateDTO, error) {
	r, err := t.svc().Get(context.Background(), id)
	return toTemplateDTO(r), err
}

// Create adds a saved reply; a body with a problem is refused with that problem's error.
func (t *Templates) Create(in TemplateInput) (TemplateDTO, error) {
	r, err := t.svc().Create(context.Background(), t.s.Actor(), toInput(in))
	if err != nil {
		return TemplateDTO{}, err
	}
	return toTemplateDTO(r), nil
}

// Update saves changes to a saved reply (its usage count is kept).
func (t *Templates) Update(id int64, in TemplateInput) (TemplateDTO, error) {
	r, err := t.svc().Update(context.Background(), t.s.Actor(), id, toInput(in))
	if err != nil {
		return TemplateDTO{}, err
	}
	return toTemplateDTO(r), nil
}

// Delete removes a saved reply.
func (t *Templates) Delete(id int64) error {
	return t.svc().Delete(context.Background(), t.s.Actor(), id)
}

// toInput maps the editor's template to the domain's.
func toInput(in TemplateInput) templates.Input {
	out := templates.Input{Name: in.Name, Shortcut: in.Shortcut, FolderID: in.FolderID, Channel: in.Channel, Kind: in.Kind,
		Variants: map[string]string{}}
	for _, v := range in.Variants {
		out.Variants[v.Language] = v.Body
	}
	return out
}

// Folders returns every folder with how many saved replies it holds.
func (t *Templates) Folders() ([]TemplateFolderDTO, error) {
	ctx := context.Background()
	folders, err := t.svc().Folders(ctx)
	if err != nil {
		return nil, err
	}
	all, err := t.s.Workspace().Store.Templates(ctx, store.TemplateFilter{})
	if err != nil {
		return nil, err
	}
	counts := map[int64]int{}
	for _, r := range all {
		if r.FolderID != nil {
			counts[*r.FolderID]++
		}
	}
	out := make([]TemplateFolderDTO, len(folders))
	for i, f := range folders {
		out[i] = TemplateFolderDTO{ID: f.ID, Name: f.Name, Position: f.Position, TemplateCount: counts[f.ID]}
	}
	return out, nil
}

// CreateFolder adds a folder.
func (t *Templates) CreateFolder(name string) (TemplateFolderDTO, error) {
	f, err := t.svc().CreateFolder(context.Background(), t.s.Actor(), name)
	return TemplateFolderDTO{ID: f.ID, Name: f.Name, Position: f.Position}, err
}

// RenameFolder renames a folder.
func (t *Templates) RenameFolder(id int64, name string) (TemplateFolderDTO, error) {
	f, err := t.svc().RenameFolder(context.Background(), t.s.Actor(), id, name)
	return TemplateFolderDTO{ID: f.ID, Name: f.Name, Position: f.Position}, err
}

// DeleteFolder removes a folder; its saved replies stay, in no folder.
func (t *Templates) DeleteFolder(id int64) error {
	return t.svc().DeleteFolder(context.Background(), t.s.Actor(), id)
}

// Validate reports every problem of each variant's body, with its position
// (an empty list when all are fine).
func (t *Templates) Validate(variants []TemplateVariantDTO) ([]TemplateProblemDTO, error) {
	out := []TemplateProblemDTO{}
	for _, v := range variants {
		for _, p := range templates.Validate(v.Body) {
			p.Language = v.Language
			out = append(out, toTemplateProblemDTO(p))
		}
	}
	return out, nil
}

// Render fills a saved reply for a conversation with the real contact's
// details and the typed values. It records nothing.
func (t *Templates) Render(req TemplateRenderRequest) (TemplateRenderResult, error) {
	r, err := t.svc().RenderFor(context.Background(), templates.RenderRequest{TemplateID: req.TemplateID,
		ConversationID: req.ConversationID, Language: req.Language, Values: req.Values, Actor: t.agentName()})
	if err != nil {
		return TemplateRenderResult{}, err
	}
	return toRenderResult(req.TemplateID, r), nil
}

// Preview fills a body being edited for a conversation (0 = none). It records nothing.
func (t *Templates) Preview(req TemplatePreviewRequest) (TemplateRenderResult, error) {
	r, err := t.svc().PreviewBody(context.Background(), req.Body, req.Language, templates.RenderRequest{
		ConversationID: req.ConversationID, Values: req.Values, Actor: t.agentName()})
	if err != nil {
		return TemplateRenderResult{}, err
	}
	return toRenderResult(0, r), nil
}

// Options returns the brand name and the default reply language.
func (t *Templates) Options() (TemplateOptionsDTO, error) {
	o, err := t.svc().Options(context.Background())
	return TemplateOptionsDTO{Brand: o.Brand, DefaultLanguage: o.DefaultLanguage}, err
}

// SetOptions stores the brand name and the default reply language.
func (t *Templates) SetOptions(o TemplateOptionsDTO) (TemplateOptionsDTO, error) {
	out, err := t.svc().SetOptions(context.Background(), t.s.Actor(), templates.Options{Brand: o.Brand, DefaultLanguage: o.DefaultLanguage})
	return TemplateOptionsDTO{Brand: out.Brand, DefaultLanguage: out.DefaultLanguage}, err
}

// Send sends text that came from a saved reply through the send gate, so a
// delivered message counts as one use of templateID. Like Inbox.Reply, it
// returns the message in its final state; a refusal (an unfilled token...) is the error.
func (t *Templates) Send(conversationID, templateID int64, text string) (MessageDTO, error) {
	m, err := t.s.Workspace().Inbox.Send(context.Background(), inbox.SendRequest{ConversationID: conversationID, Text: text,
		Actor: t.s.Actor(), Origin: inbox.OriginTemplate, TemplateID: templateID})
	if err != nil {
		return MessageDTO{}, err
	}
	return toMessageDTO(m), nil
}
