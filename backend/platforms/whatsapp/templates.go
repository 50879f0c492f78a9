package whatsapp

import (
	"context"
	"encoding/json"
	"log/slog"
	"net/http"
	"regexp"
	"strconv"

	"creatordesk/backend/platforms"
)

const (
	// templatesPage is how many templates one page asks for.
	templatesPage = 100
	// maxTemplatePages bounds one listing.
	maxTemplatePages = 20
)

var (
	// templateNamePattern is WhatsApp's template name shape (lowercase, digits, underscores).
	templateNamePattern = regexp.MustCompile(`^[a-z0-9_]{1,512}$`)
	// languagePattern is a template language code ("en", "en_US", "zh_CN").
	languagePattern = regexp.MustCompile(`^[a-z]{2,3}(_[A-Za-z]{2,4})?$`)
	// placeholderPattern finds {{1}}, {{2}}, ... in a body.
	placeholderPattern = regexp.MustCompile(`\{\{\s*(\d{1,3})\s*\}\}`)
)

// apiTemplate is one item of /{waba-id}/message_templates.
type apiTemplate struct {
	ID         string `json:"id"`
	Name       string `json:"name"`
	Language   string `json:"language"`
	Status     string `json:"status"`
	Category   string `json:"category"`
	Components []struct {
		Type string `json:"type"`
		Text string `json:"text"`
	} `json:"components"`
}

// ListTemplates reads every template of the WhatsApp Business Account,
// following the pages. A template that cannot be decoded is logged and left
// out. Without a WhatsApp Business Account id it is a KindPermanent error.
func (c *connector) ListTemplates(ctx context.Context) ([]platforms.MessageTemplate, error) {
	const op = "templates"
	if c.wabaID == "" {
		return nil, newError(platforms.KindPermanent, 0, op+": the WhatsApp Business Account id is needed to list templates (add it to the account's settings)")
	}
	q := map[string]string{"fields": "id,name,language,status,category,components", "limit": strconv.Itoa(templatesPage)}
	var out []platforms.MessageTemplate
	for page := 0; page < maxTemplatePages; page++ {
		var resp struct {
			Data   []json.RawMessage `json:"data"`
			Paging paging            `json:"paging"`
		}
		if err := c.do(ctx, call{op: op, method: http.MethodGet, path: "/" + c.wabaID + "/message_templates", query: q}, &resp); err != nil {
			return nil, err
		}
		for _, raw := range resp.Data {
			t, ok := decodeTemplate(raw)
			if !ok {
				slog.Default().LogAttrs(ctx, slog.LevelWarn, "whatsapp: skipped malformed template",
					slog.String("platform", Platform), slog.String("stream", op))
				continue
			}
			out = append(out, t)
		}
		after, more := resp.Paging.after()
		if !more {
			break
		}
		q["after"] = after
	}
	return out, nil
}

// decodeTemplate maps one template; ok is false when it lacks a usable name or language.
func decodeTemplate(raw json.RawMessage) (platforms.MessageTemplate, bool) {
	var t apiTemplate
	if json.Unmarshal(raw, &t) != nil || !templateNamePattern.MatchString(t.Name) || !languagePattern.MatchString(t.Language) {
		return platforms.MessageTemplate{}, false
	}
	out := platforms.MessageTemplate{ID: t.ID, Name: t.Name, Language: t.Language, Status: t.Status, Category: t.Category}
	for _, comp := range t.Components {
		if comp.Type == "BODY" || comp.Type == "body" {
			out.Body = comp.Text
		}
	}
	for _, m := range placeholderPattern.FindAllStringSubmatch(out.Body, -1) {
		if n, _ := strconv.Atoi(m[1]); n > out.BodyParams {
			out.BodyParams = n
		}
	}
	return out, true
}
