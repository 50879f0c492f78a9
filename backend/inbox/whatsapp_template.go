package inbox

import (
	"context"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"creatordesk/backend/platforms"
	"creatordesk/backend/store"
)

// WhatsApp allows free-form messages only within 24 hours of the person's
// last message; after that only a template the platform has approved goes
// through. The gate lets a template past the closed window, but only one the
// account's template list shows as approved in that language, with every
// {{n}} filled; opt-out, consent (marketing templates need it), pacing and
// the audit trail apply as to any message. The stored text is the rendered
// body, so the thread shows what the person received.

// TemplateRequest names an approved template and its body parameters.
type TemplateRequest struct {
	Name     string
	Language string
	// Params fill {{1}}, {{2}}, ... in order.
	Params []string
}

// ErrTemplatesUnsupported: the conversation's platform sends no templates.
var ErrTemplatesUnsupported = keyedError{code: "template_unsupported", key: "errors.outbound.templateUnsupported",
	msg: "inbox: templates can only be sent to WhatsApp conversations"}

// TemplateUnavailableError: the account has no such template, or the platform has not approved it.
type TemplateUnavailableError struct {
	Name, Language string
	// Status is the platform's review status ("" when the template does not exist).
	Status string
}

// Error implements error.
func (e *TemplateUnavailableError) Error() string {
	if e.Status == "" {
		return fmt.Sprintf("inbox: the account has no template %q in %s", e.Name, e.Language)
	}
	return fmt.Sprintf("inbox: template %q (%s) is %s, not approved", e.Name, e.Language, e.Status)
}

// ErrorKey implements app.KeyedError.
func (e *TemplateUnavailableError) ErrorKey() (string, string, map[string]string) {
	args := map[string]string{"name": e.Name, "language": e.Language, "status": e.Status}
	if e.Status == "" {
		return "template_unknown", "errors.outbound.templateUnknown", args
	}
	return "template_unapproved", "errors.outbound.templateUnapproved", args
}

// TemplateParamsError: the parameters do not fill the template's placeholders.
type TemplateParamsError struct{ Want, Got int }

// Error implements error.
func (e *TemplateParamsError) Error() string {
	return fmt.Sprintf("inbox: the template needs %d filled parameters, got %d", e.Want, e.Got)
}

// ErrorKey implements app.KeyedError.
func (e *TemplateParamsError) ErrorKey() (string, string, map[string]string) {
	return "template_params", "errors.outbound.templateParams", map[string]string{"want": strconv.Itoa(e.Want)}
}

// templateConnector is what the gate needs from a connector to send templates.
type templateConnector interface {
	platforms.Connector
	platforms.TemplateSender
	platforms.TemplateLister
}

// templateSource returns conv's connector when it sends templates.
func (s *Service) templateSource(ctx context.Context, conv store.Conversation) (templateConnector, error) {
	if conv.Kind != string(platforms.ThreadDM) || s.Connectors == nil {
		return nil, ErrTemplatesUnsupported
	}
	conn, _, err := s.Connectors.Connector(ctx, conv.AccountID)
	if err != nil {
		return nil, err
	}
	tc, ok := conn.(templateConnector)
	if !ok || !platforms.Has(conn.Capabilities(), platforms.CapSendTemplate) {
		return nil, ErrTemplatesUnsupported
	}
	return tc, nil
}

// ApprovedTemplates lists the templates conv's account may send (approved
// ones only), asking the platform.
func (s *Service) ApprovedTemplates(ctx context.Context, conv store.Conversation) ([]platforms.MessageTemplate, error) {
	tc, err := s.templateSource(ctx, conv)
	if err != nil {
		return nil, err
	}
	all, err := tc.ListTemplates(ctx)
	if err != nil {
		return nil, err
	}
	out := make([]platforms.MessageTemplate, 0, len(all))
	for _, t := range all {
		if t.Approved() {
			out = append(out, t)
		}
	}
	return out, nil
}

// resolveTemplate finds req's template among the account's, checks it is
// approved and fully filled, and turns req into the rendered message.
func (s *Service) resolveTemplate(ctx context.Context, conv store.Conversation, req *SendRequest) (store.OutgoingTemplate, error) {
	want := *req.WhatsAppTemplate
	tc, err := s.templateSource(ctx, conv)
	if err != nil {
		return store.OutgoingTemplate{}, err
	}
	all, err := tc.ListTemplates(ctx)
	if err != nil {
		return store.OutgoingTemplate{}, err
	}
	var found *platforms.MessageTemplate
	for i := range all {
		if all[i].Name == want.Name && all[i].Language == want.Language {
			found = &all[i]
			break
		}
	}
	if found == nil {
		return store.OutgoingTemplate{}, &TemplateUnavailableError{Name: want.Name, Language: want.Language}
	}
	if !found.Approved() {
		return store.OutgoingTemplate{}, &TemplateUnavailableError{Name: want.Name, Language: want.Language, Status: found.Status}
	}
	params := make([]string, len(want.Params))
	filled := 0
	for i, p := range want.Params {
		params[i] = strings.TrimSpace(p)
		if params[i] != "" {
			filled++
		}
	}
	if len(params) != found.BodyParams || filled != len(params) {
		return store.OutgoingTemplate{}, &TemplateParamsError{Want: found.BodyParams, Got: filled}
	}
	req.Text = RenderTemplate(found.Body, params)
	if strings.EqualFold(found.Category, "MARKETING") {
		req.Marketing = true
	}
	t := store.OutgoingTemplate{Name: found.Name, Language: found.Language, Category: found.Category}
	t.ParamsJSON = encodeParams(params)
	return t, nil
}

// placeholderPattern finds {{n}} in a template body.
var placeholderPattern = regexp.MustCompile(`\{\{\s*(\d+)\s*\}\}`)

// RenderTemplate fills a body's {{n}} with params[n-1]; a placeholder
// without a parameter stays as written.
func RenderTemplate(body string, params []string) string {
	return placeholderPattern.ReplaceAllStringFunc(body, func(m string) string {
		n, err := strconv.Atoi(placeholderPattern.FindStringSubmatch(m)[1])
		if err != nil || n < 1 || n > len(params) {
			return m
		}
		return params[n-1]
	})
}

// sendTemplate hands a recorded template to the connector.
func (s *Service) sendTemplate(ctx context.Context, conn platforms.Connector, conv store.Conversation, t store.OutgoingTemplate) (platforms.SentMessage, error) {
	ts, ok := conn.(platforms.TemplateSender)
	if !ok {
		return platforms.SentMessage{}, ErrTemplatesUnsupported
	}
	return ts.SendTemplate(ctx, platforms.TemplateMessage{ThreadExternalID: conv.ExternalID, Name: t.Name,
		Language: t.Language, BodyParams: t.Params()})
}
