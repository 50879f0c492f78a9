package app

import (
	"context"
	"encoding/base64"

	"creatordesk/backend/inbox"
)

// Outbound is the bound facade for what leaves the app besides plain text:
// files (attachments) and approved WhatsApp templates, both through the send gate.
type Outbound struct{ s *Session }

// NewOutbound binds the facade to a session.
func NewOutbound(s *Session) *Outbound { return &Outbound{s: s} }

func init() { registerFacade(func(s *Session) any { return NewOutbound(s) }) }

// maxBase64Len is the longest base64 text one file may arrive as.
var maxBase64Len = base64.StdEncoding.EncodedLen(inbox.MaxFileBytes)

// AttachmentRules says what files a conversation's platform takes, so the
// composer can show the types and sizes before anything is sent.
func (o *Outbound) AttachmentRules(conversationID int64) (AttachmentRulesDTO, error) {
	ctx := context.Background()
	conv, err := o.s.Workspace().Store.ConversationByID(ctx, conversationID)
	if err != nil {
		return AttachmentRulesDTO{}, err
	}
	out := AttachmentRulesDTO{Platform: conv.Platform, Rules: []AttachmentRuleDTO{}, MaxFiles: inbox.MaxAttachments,
		BlockedExtensions: inbox.BlockedExtensions}
	rules, ok, err := o.s.Workspace().Inbox.AttachmentRules(ctx, conv)
	if err != nil {
		return AttachmentRulesDTO{}, err
	}
	out.Supported = ok
	for _, r := range rules {
		dto := AttachmentRuleDTO{Kind: r.Kind, MimeTypes: r.MimeTypes, Extensions: r.Extensions, MaxBytes: r.MaxBytes}
		if dto.Extensions == nil {
			dto.Extensions = []string{}
		}
		out.Rules = append(out.Rules, dto)
	}
	return out, nil
}

// ReplyWithAttachments sends text (which may be empty) with files through the
// send gate. The files are checked, copied into the data folder and recorded
// before the platform is called.
func (o *Outbound) ReplyWithAttachments(conversationID int64, text string, files []AttachmentUploadDTO) (MessageDTO, error) {
	if len(files) == 0 {
		return NewInbox(o.s).Reply(conversationID, text)
	}
	if len(files) > inbox.MaxAttachments {
		return MessageDTO{}, &inbox.TooManyAttachmentsError{Max: inbox.MaxAttachments}
	}
	in := make([]inbox.AttachmentInput, len(files))
	for k, f := range files {
		if len(f.DataBase64) > maxBase64Len {
			return MessageDTO{}, &inbox.AttachmentTooLargeError{Name: f.Name, Size: int64(base64.StdEncoding.DecodedLen(len(f.DataBase64))), Max: inbox.MaxFileBytes}
		}
		data, err := base64.StdEncoding.DecodeString(f.DataBase64)
		if err != nil {
			return MessageDTO{}, invalidInput("file " + f.Name + " is not base64")
		}
		in[k] = inbox.AttachmentInput{Name: f.Name, MimeType: f.MimeType, Data: data}
	}
	return o.sendAs(conversationID, inbox.SendRequest{Text: text, Attachments: in})
}

// WhatsAppTemplates lists the approved templates of a WhatsApp conversation's account.
func (o *Outbound) WhatsAppTemplates(conversationID int64) ([]WhatsAppTemplateDTO, error) {
	ctx := context.Background()
	conv, err := o.s.Workspace().Store.ConversationByID(ctx, conversationID)
	if err != nil {
		return nil, err
	}
	list, err := o.s.Workspace().Inbox.ApprovedTemplates(ctx, conv)
	if err != nil {
		return nil, err
	}
	out := make([]WhatsAppTemplateDTO, len(list))
	for k, t := range list {
		out[k] = WhatsAppTemplateDTO{Name: t.Name, Language: t.Language, Category: t.Category, Body: t.Body, Params: t.BodyParams}
	}
	return out, nil
}

// SendWhatsAppTemplate sends an approved template with its {{n}} parameters;
// it is the only message WhatsApp accepts after its 24-hour window.
func (o *Outbound) SendWhatsAppTemplate(conversationID int64, name, language string, params []string) (MessageDTO, error) {
	return o.sendAs(conversationID, inbox.SendRequest{
		WhatsAppTemplate: &inbox.TemplateRequest{Name: name, Language: language, Params: params}})
}

// sendAs sends req through the gate as the member at the keyboard.
func (o *Outbound) sendAs(conversationID int64, req inbox.SendRequest) (MessageDTO, error) {
	tr := NewInbox(o.s).triage()
	ctx := context.Background()
	if _, err := tr.Team.RequireEditor(ctx); err != nil {
		return MessageDTO{}, err
	}
	_ = tr.Team.StopReplying(ctx, conversationID)
	req.ConversationID, req.Actor, req.Origin = conversationID, tr.Team.ActorName(ctx, o.s.Actor()), inbox.OriginHuman
	m, err := o.s.Workspace().Inbox.Send(ctx, req)
	if err != nil {
		return MessageDTO{}, err
	}
	return toMessageDTO(m), nil
}
