package templates

import (
	"context"
	"strings"

	"creatordesk/backend/store"
)

// RenderRequest asks for a template rendered for a conversation. Nothing is
// recorded: usage counts only when a message sent from it is delivered.
type RenderRequest struct {
	TemplateID int64
	// ConversationID is the conversation the reply is for (0 = none: only
	// workspace, actor and manual values are available).
	ConversationID int64
	// Language forces a variant ("" = choose by the conversation).
	Language string
	// Values are typed by the person (order_id, issue, a corrected first_name...); they win.
	Values map[string]string
	// Actor is the member sending; it fills {agent_name}.
	Actor string
}

// RenderFor renders a stored template for a conversation.
func (s *Service) RenderFor(ctx context.Context, req RenderRequest) (Result, error) {
	id := req.TemplateID
	for _, pick := range s.Pickers {
		next, err := pick(ctx, id, req.ConversationID)
		if err != nil {
			return Result{}, err
		}
		id = next
	}
	t, err := s.Store.TemplateByID(ctx, id)
	if err != nil {
		return Result{}, err
	}
	prefs, values, err := s.context(ctx, req.ConversationID, req.Language, req.Values, req.Actor)
	if err != nil {
		return Result{}, err
	}
	return Render(t, prefs, values)
}

// PreviewBody renders a body being edited (not yet saved) for a conversation.
// Its parse problems are returned as the error.
func (s *Service) PreviewBody(ctx context.Context, body, language string, req RenderRequest) (Result, error) {
	t := store.Template{Variants: []store.TemplateVariant{{Language: language, Body: body}}}
	if !IsLanguage(language) {
		return Result{}, newError(KindBadLanguage, "language", language)
	}
	_, values, err := s.context(ctx, req.ConversationID, language, req.Values, req.Actor)
	if err != nil {
		return Result{}, err
	}
	return Render(t, LanguagePrefs{Explicit: language}, values)
}

// Values gathers the token values for a conversation: every source in order,
// then the actor's name as agent_name, then the manual values (blank ones are ignored).
func (s *Service) Values(ctx context.Context, conversationID int64, manual map[string]string, actor string) (map[string]string, error) {
	out := map[string]string{}
	for _, src := range s.Sources {
		vals, err := src.Values(ctx, conversationID)
		if err != nil {
			return nil, err
		}
		for k, v := range vals {
			if strings.TrimSpace(v) != "" {
				out[k] = v
			}
		}
	}
	if a := strings.TrimSpace(actor); a != "" {
		out["agent_name"] = a
	}
	for k, v := range manual {
		if strings.TrimSpace(v) != "" && IsToken(k) {
			out[k] = strings.TrimSpace(v)
		}
	}
	return out, nil
}

// context reads the language preferences and token values for a conversation.
func (s *Service) context(ctx context.Context, conversationID int64, explicit string, manual map[string]string, actor string) (LanguagePrefs, map[string]string, error) {
	opts, err := s.Options(ctx)
	if err != nil {
		return LanguagePrefs{}, nil, err
	}
	prefs := LanguagePrefs{Explicit: explicit, Workspace: opts.DefaultLanguage}
	if conversationID != 0 {
		f, err := s.Store.TemplateFacts(ctx, conversationID)
		if err != nil {
			return LanguagePrefs{}, nil, err
		}
		prefs.Conversation, prefs.Contact = f.Language, f.ContactLanguage
	}
	values, err := s.Values(ctx, conversationID, manual, actor)
	return prefs, values, err
}
