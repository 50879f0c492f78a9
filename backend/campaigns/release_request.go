package campaigns

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"creatordesk/backend/inbox"
	"creatordesk/backend/store"
	"creatordesk/backend/templates"
)

// releaseTemplateSetting holds the id of the seeded release request saved reply
// ("" = not seeded yet; once seeded it is never seeded again, even when deleted).
const releaseTemplateSetting = "campaigns.release_template_id"

// releaseShortcut is the shortcut the release request is offered under.
const releaseShortcut = "release"

// EnsureReleaseTemplate adds the release request saved reply (all five
// languages, named in lang) through the templates service the first time, and
// returns its id (0 when the person deleted it since).
func (s *Service) EnsureReleaseTemplate(ctx context.Context, lang string) (int64, error) {
	if s.Templates == nil {
		return 0, nil
	}
	if v, err := s.Store.Setting(ctx, releaseTemplateSetting, ""); err != nil || v != "" {
		id, _ := strconv.ParseInt(v, 10, 64)
		if err == nil && id != 0 {
			if _, err := s.Store.TemplateByID(ctx, id); errors.Is(err, store.ErrNotFound) {
				return 0, nil
			}
		}
		return id, err
	}
	name := releaseTemplateNames[lang]
	if name == "" {
		name = releaseTemplateNames["en"]
	}
	in := templates.Input{Name: name, Shortcut: releaseShortcut, Kind: "dm", Variants: releaseTemplateBodies}
	t, err := s.Templates.Create(ctx, "campaigns", in)
	var te *templates.Error
	if errors.As(err, &te) && te.Kind == templates.KindShortcutTaken {
		in.Shortcut = ""
		t, err = s.Templates.Create(ctx, "campaigns", in)
	}
	if err != nil {
		return 0, err
	}
	return t.ID, s.Store.SetSetting(ctx, releaseTemplateSetting, strconv.FormatInt(t.ID, 10))
}

// NoConversationError: the release has no DM conversation to send the request in.
type NoConversationError struct{}

// Error implements error.
func (NoConversationError) Error() string {
	return "campaigns: the release is not linked to a conversation"
}

// ErrorKey implements the app's KeyedError.
func (NoConversationError) ErrorKey() (string, string, map[string]string) {
	return "release_no_conversation", "errors.campaigns.releaseNoConversation", nil
}

// NoReleaseTemplateError: the release request saved reply was deleted.
type NoReleaseTemplateError struct{}

// Error implements error.
func (NoReleaseTemplateError) Error() string {
	return "campaigns: the release request saved reply was deleted"
}

// ErrorKey implements the app's KeyedError.
func (NoReleaseTemplateError) ErrorKey() (string, string, map[string]string) {
	return "release_no_template", "errors.campaigns.releaseNoTemplate", nil
}

// ReleaseRequestText renders the release request for a release's conversation:
// the saved reply in the conversation's language, then the terms. It sends nothing.
func (s *Service) ReleaseRequestText(ctx context.Context, id int64, actor string) (text string, templateID int64, err error) {
	r, err := s.Store.ReleaseByID(ctx, id)
	if err != nil {
		return "", 0, err
	}
	if r.ConversationID == nil {
		return "", 0, NoConversationError{}
	}
	if s.Templates == nil {
		return "", 0, NoReleaseTemplateError{}
	}
	templateID, err = s.EnsureReleaseTemplate(ctx, "en")
	if err != nil {
		return "", 0, err
	}
	if templateID == 0 {
		return "", 0, NoReleaseTemplateError{}
	}
	res, err := s.Templates.RenderFor(ctx, templates.RenderRequest{TemplateID: templateID, ConversationID: *r.ConversationID, Actor: actor})
	if err != nil {
		return "", 0, err
	}
	return res.Text + "\n\n" + ReleaseTerms(r, res.Language), templateID, nil
}

// RequestRelease sends the release request by DM through the send gate (origin
// template), and records when and in which message it was sent. A refusal of the
// gate is returned as the error; a failed delivery is recorded in the message.
func (s *Service) RequestRelease(ctx context.Context, id int64, actor string) (store.Message, error) {
	if s.Sender == nil {
		return store.Message{}, NoConversationError{}
	}
	text, templateID, err := s.ReleaseRequestText(ctx, id, actor)
	if err != nil {
		return store.Message{}, err
	}
	r, err := s.Store.ReleaseByID(ctx, id)
	if err != nil {
		return store.Message{}, err
	}
	m, err := s.Sender.Send(ctx, inbox.SendRequest{ConversationID: *r.ConversationID, Text: text, Actor: actor,
		Origin: inbox.OriginTemplate, TemplateID: templateID})
	if err != nil {
		return m, err
	}
	if m.State == store.StateSent {
		r.RequestedAt, r.RequestMessageID = s.now().UnixMilli(), m.ID
		if err := s.Store.SaveRelease(ctx, &r); err != nil {
			return m, err
		}
		s.audit(ctx, actor, "release.requested", "ugc_release", r.ID, "", nil, map[string]any{"messageId": m.ID})
	}
	return m, nil
}

// ReleaseTerms writes a release's terms as lines in a language.
func ReleaseTerms(r store.UGCRelease, language string) string {
	l := lang(language)
	w := releaseTerms[l]
	var b strings.Builder
	line := func(label, value string) { fmt.Fprintf(&b, "• %s: %s\n", label, value) }
	content := r.ContentURL
	if r.Title != "" {
		content = r.Title + " — " + r.ContentURL
	}
	line(w.content, content)
	var where []string
	for _, c := range SplitList(r.Channels) {
		if n := channelWords[l][c]; n != "" {
			where = append(where, n)
		} else {
			where = append(where, c)
		}
	}
	if len(where) > 0 {
		line(w.where, strings.Join(where, ", "))
	}
	line(w.paid, map[bool]string{true: w.yes, false: w.no}[r.PaidUse])
	day := func(ms int64) string { return time.UnixMilli(ms).UTC().Format(time.DateOnly) }
	switch {
	case r.ExpiresAt == 0:
		line(w.period, w.noEnd)
	case r.StartsAt != 0:
		line(w.period, fmt.Sprintf(w.span, day(r.StartsAt), day(r.ExpiresAt)))
	default:
		line(w.period, fmt.Sprintf(w.upTo, day(r.ExpiresAt)))
	}
	if t := SplitList(r.Territories); len(t) > 0 {
		line(w.territories, strings.Join(t, ", "))
	} else {
		line(w.territories, w.anywhere)
	}
	if r.Compensation != "" {
		line(w.inReturn, r.Compensation)
	}
	line(w.edits, map[bool]string{true: w.editsYes, false: w.editsNo}[r.EditsAllowed])
	return strings.TrimRight(b.String(), "\n")
}
