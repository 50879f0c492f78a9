package app

import (
	"creatordesk/backend/store"
	"creatordesk/backend/templates"
)

// TemplateFolderDTO is a folder of saved replies.
type TemplateFolderDTO struct {
	ID            int64  `json:"id"`
	Name          string `json:"name"`
	Position      int    `json:"position"`
	TemplateCount int    `json:"templateCount"`
}

// TemplateVariantDTO is a saved reply's body in one language.
type TemplateVariantDTO struct {
	Language string `json:"language"`
	Body     string `json:"body"`
}

// TemplateDTO is a saved reply with all its variants.
type TemplateDTO struct {
	ID int64 `json:"id"`
	// FolderID is 0 when the template is in no folder.
	FolderID   int64                `json:"folderId"`
	Name       string               `json:"name"`
	Shortcut   string               `json:"shortcut"`
	Channel    string               `json:"channel"`
	Kind       string               `json:"kind"`
	Starter    bool                 `json:"starter"`
	UsageCount int64                `json:"usageCount"`
	LastUsedAt string               `json:"lastUsedAt"`
	CreatedAt  string               `json:"createdAt"`
	UpdatedAt  string               `json:"updatedAt"`
	Variants   []TemplateVariantDTO `json:"variants"`
}

// TemplateInput is a saved reply as the editor sends it.
type TemplateInput struct {
	Name     string               `json:"name"`
	Shortcut string               `json:"shortcut"`
	FolderID int64                `json:"folderId"`
	Channel  string               `json:"channel"`
	Kind     string               `json:"kind"`
	Variants []TemplateVariantDTO `json:"variants"`
}

// TemplateListQuery filters and ranks saved replies (the "/" picker and Settings).
type TemplateListQuery struct {
	Query    string `json:"query"`
	FolderID int64  `json:"folderId"`
	Unfiled  bool   `json:"unfiled"`
	// ConversationID ranks templates suited to that conversation first (0 = none).
	ConversationID int64 `json:"conversationId"`
	Limit          int   `json:"limit"`
}

// TemplateProblemDTO is one problem in a body, with where it is. Start and End
// are offsets in the body as a JavaScript string (UTF-16 code units).
type TemplateProblemDTO struct {
	Language string    `json:"language"`
	Kind     string    `json:"kind"`
	Token    string    `json:"token"`
	Line     int       `json:"line"`
	Column   int       `json:"column"`
	Start    int       `json:"start"`
	End      int       `json:"end"`
	Error    *AppError `json:"error"`
}

// TemplateRenderRequest renders a saved template for a conversation.
type TemplateRenderRequest struct {
	TemplateID     int64  `json:"templateId"`
	ConversationID int64  `json:"conversationId"`
	Language       string `json:"language"`
	// Values are typed by the person (order_id, issue...); they override what the app knows.
	Values map[string]string `json:"values"`
}

// TemplatePreviewRequest renders a body being edited for a conversation.
type TemplatePreviewRequest struct {
	Body           string            `json:"body"`
	Language       string            `json:"language"`
	ConversationID int64             `json:"conversationId"`
	Values         map[string]string `json:"values"`
}

// TemplateRenderResult is a rendered reply: the text, the tokens still to fill
// (each left in the text as {name}), the variant used and why.
type TemplateRenderResult struct {
	TemplateID     int64             `json:"templateId"`
	Text           string            `json:"text"`
	Missing        []string          `json:"missing"`
	Language       string            `json:"language"`
	LanguageReason string            `json:"languageReason"`
	Values         map[string]string `json:"values"`
}

// TemplateOptionsDTO are the workspace settings saved replies use.
type TemplateOptionsDTO struct {
	Brand           string `json:"brand"`
	DefaultLanguage string `json:"defaultLanguage"`
}

// toTemplateDTO maps a stored template.
func toTemplateDTO(t store.Template) TemplateDTO {
	d := TemplateDTO{ID: t.ID, Name: t.Name, Shortcut: t.Shortcut, Channel: t.Channel, Kind: t.Kind, Starter: t.SeedKey != "",
		UsageCount: t.UsageCount, LastUsedAt: rfc3339(t.LastUsedAt), CreatedAt: rfc3339(t.CreatedAt), UpdatedAt: rfc3339(t.UpdatedAt),
		Variants: make([]TemplateVariantDTO, 0, len(t.Variants))}
	if t.FolderID != nil {
		d.FolderID = *t.FolderID
	}
	for _, v := range t.Variants {
		d.Variants = append(d.Variants, TemplateVariantDTO{Language: v.Language, Body: v.Body})
	}
	return d
}

// toTemplateProblemDTO maps a parse problem.
func toTemplateProblemDTO(p *templates.ParseError) TemplateProblemDTO {
	return TemplateProblemDTO{Language: p.Language, Kind: p.Kind, Token: p.Token, Line: p.Line, Column: p.Column,
		Start: p.Start16, End: p.End16, Error: ToAppError(p)}
}

// toRenderResult maps a rendered template.
func toRenderResult(id int64, r templates.Result) TemplateRenderResult {
	missing := r.Missing
	if missing == nil {
		missing = []string{}
	}
	values := r.Values
	if values == nil {
		values = map[string]string{}
	}
	return TemplateRenderResult{TemplateID: id, Text: r.Text, Missing: missing, Language: r.Language, LanguageReason: r.LanguageReason, Values: values}
}
