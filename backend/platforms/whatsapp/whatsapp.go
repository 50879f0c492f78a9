// Package whatsapp is the connector for the WhatsApp Business Cloud API
// (Meta's Graph API at graph.facebook.com), for one business phone number.
//
// What the API offers, and so what this connector does:
//   - Verify reads the phone number (GET /{phone-number-id}) and, when the
//     WhatsApp Business Account id is given, checks the number belongs to it
//     (GET /{waba-id}/phone_numbers).
//   - Send delivers free-form text (POST /{phone-number-id}/messages,
//     type "text") inside the 24-hour customer-service window that each
//     message from the person opens; after it Meta refuses free text with
//     error 131047, reported as platforms.KindWindowClosed.
//   - SendTemplate delivers an approved message template (type "template",
//     name, language, body parameters): the only thing WhatsApp accepts after
//     the window has closed.
//   - MarkRead marks a received message as read (status "read").
//   - ListTemplates lists the account's templates (GET
//     /{waba-id}/message_templates, cursor pagination).
//
// What it does not do: read incoming messages. The Cloud API has no endpoint
// that lists conversations or messages; they are delivered only to a webhook,
// which a desktop app cannot receive without a public server. The connector
// therefore declares no polling capability (the sync engine never polls it)
// and history comes from WhatsApp's own chat export (backend/importers/whatsapp).
//
// Sources: developers.facebook.com/documentation/business-messaging/whatsapp
// (messages, templates, support/error-codes) as summarised in the project's
// platform reference; the phone-number fields (display_phone_number,
// verified_name, quality_rating) and the template fields (name, language,
// status, category, components) follow the Graph API reference. Throughput
// (130429), pair-rate (131056), window (131047) and undeliverable (131026)
// codes are Meta's documented WhatsApp error codes.
package whatsapp

import (
	"context"
	"net/http"
	"regexp"
	"strings"
	"sync"
	"time"

	"creatordesk/backend/platforms"
)

// Platform is the platform name.
const Platform = "whatsapp"

// DefaultVersion is the Graph API version used unless ExtraVersion says otherwise.
const DefaultVersion = "v25.0"

// Credentials.Extra keys this connector reads (non-secret settings).
const (
	// ExtraPhoneNumberID is the business phone number's id (required).
	ExtraPhoneNumberID = "phone_number_id"
	// ExtraWABAID is the WhatsApp Business Account id (needed to list templates).
	ExtraWABAID = "waba_id"
	// ExtraVersion overrides the Graph API version ("v26.0").
	ExtraVersion = "api_version"
)

// defaultHost is the public Graph API host.
const defaultHost = "https://graph.facebook.com"

// ServiceWindow is how long after a person's last message free-form replies are accepted.
const ServiceWindow = 24 * time.Hour

// Options tune the connectors a Factory builds.
type Options struct {
	// Now is the clock (time.Now when nil).
	Now func() time.Time
	// Sleep waits d or until ctx ends (platforms.SleepContext when nil); tests replace it.
	Sleep func(ctx context.Context, d time.Duration) error
	// HTTP is the client for API calls (platforms.NewHTTPClient when nil).
	HTTP *http.Client
}

// Factory builds WhatsApp connectors.
type Factory struct{ opts Options }

// NewFactory returns a factory with opts (defaults filled in).
func NewFactory(opts Options) *Factory {
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if opts.Sleep == nil {
		opts.Sleep = platforms.SleepContext
	}
	if opts.HTTP == nil {
		opts.HTTP = platforms.NewHTTPClient(callTimeout)
	}
	return &Factory{opts: opts}
}

// defaultFactory serves New.
var defaultFactory = NewFactory(Options{})

// New builds a connector with the default options; it fits platforms.Factory.
func New(creds platforms.Credentials) (platforms.Connector, error) {
	return defaultFactory.New(creds)
}

// connector implements platforms.Connector, TemplateSender, TemplateLister,
// ReadMarker and WindowReporter for one phone number.
type connector struct {
	base    string // host plus version, no trailing slash
	token   string
	phoneID string
	wabaID  string
	http    *http.Client
	now     func() time.Time
	sleep   func(ctx context.Context, d time.Duration) error

	mu   sync.Mutex
	self *platforms.AccountInfo
}

// versionPattern is the shape of a Graph API version.
var versionPattern = regexp.MustCompile(`^v\d{1,3}\.\d{1,2}$`)

// idPattern is the shape of the numeric Graph ids of phone numbers and accounts.
var idPattern = regexp.MustCompile(`^\d{5,30}$`)

// New builds a connector for one phone number; it fits platforms.Factory.
// Token is a system-user access token with whatsapp_business_messaging (and
// whatsapp_business_management for templates).
func (f *Factory) New(creds platforms.Credentials) (platforms.Connector, error) {
	token := strings.TrimSpace(creds.Token)
	if token == "" {
		return nil, newError(platforms.KindAuth, 0, "missing access token")
	}
	version := strings.TrimSpace(creds.Extra[ExtraVersion])
	if version == "" {
		version = DefaultVersion
	}
	if !versionPattern.MatchString(version) {
		return nil, newError(platforms.KindPermanent, 0, "invalid Graph API version "+version)
	}
	phoneID := strings.TrimSpace(creds.Extra[ExtraPhoneNumberID])
	if !idPattern.MatchString(phoneID) {
		return nil, newError(platforms.KindPermanent, 0, "missing or invalid phone number id (the number's id from WhatsApp Manager → API setup, digits only)")
	}
	wabaID := strings.TrimSpace(creds.Extra[ExtraWABAID])
	if wabaID != "" && !idPattern.MatchString(wabaID) {
		return nil, newError(platforms.KindPermanent, 0, "invalid WhatsApp Business Account id (digits only)")
	}
	host := defaultHost
	if strings.TrimSpace(creds.BaseURL) != "" {
		var err error
		if host, err = platforms.ParseAPIBase(creds.BaseURL); err != nil {
			return nil, newError(platforms.KindPermanent, 0, err.Error())
		}
	}
	return &connector{
		base: host + "/" + version, token: token, phoneID: phoneID, wabaID: wabaID,
		http: f.opts.HTTP, now: f.opts.Now, sleep: f.opts.Sleep,
	}, nil
}

// Platform returns "whatsapp".
func (c *connector) Platform() string { return Platform }

// Capabilities: send text, files and templates, mark read. No polling capability:
// the Cloud API delivers incoming messages only to webhooks.
func (c *connector) Capabilities() []platforms.Capability {
	return []platforms.Capability{platforms.CapSend, platforms.CapSendTemplate, platforms.CapMarkRead, platforms.CapSendAttachment}
}

// MessagingWindow reports WhatsApp's 24-hour customer-service window for
// direct messages; after it only templates go through (SendTemplate).
func (c *connector) MessagingWindow(kind platforms.ThreadKind) platforms.ThreadWindow {
	if kind == platforms.ThreadComment {
		return platforms.ThreadWindow{}
	}
	return platforms.ThreadWindow{Open: ServiceWindow}
}

// apiPhone is a phone number object.
type apiPhone struct {
	ID                 string `json:"id"`
	DisplayPhoneNumber string `json:"display_phone_number"`
	VerifiedName       string `json:"verified_name"`
	QualityRating      string `json:"quality_rating"`
}

// Verify reads the phone number the connector sends from and, when a
// WhatsApp Business Account id is set, checks the number belongs to it.
func (c *connector) Verify(ctx context.Context) (platforms.AccountInfo, error) {
	var ph apiPhone
	if err := c.do(ctx, call{op: "verify", method: http.MethodGet, path: "/" + c.phoneID,
		query: map[string]string{"fields": "id,display_phone_number,verified_name,quality_rating"}}, &ph); err != nil {
		return platforms.AccountInfo{}, err
	}
	if ph.ID == "" {
		return platforms.AccountInfo{}, newError(platforms.KindTransient, 0, "verify: phone number without id")
	}
	if ph.ID != c.phoneID {
		return platforms.AccountInfo{}, newError(platforms.KindPermanent, 0, "verify: Meta answered for another phone number")
	}
	if c.wabaID != "" {
		if err := c.checkOwnership(ctx); err != nil {
			return platforms.AccountInfo{}, err
		}
	}
	info := platforms.AccountInfo{ExternalID: ph.ID, Handle: ph.DisplayPhoneNumber, DisplayName: ph.VerifiedName}
	if info.DisplayName == "" {
		info.DisplayName = info.Handle
	}
	c.mu.Lock()
	c.self = &info
	c.mu.Unlock()
	return info, nil
}

// checkOwnership makes sure the phone number is one of the account's numbers.
func (c *connector) checkOwnership(ctx context.Context) error {
	var resp struct {
		Data []apiPhone `json:"data"`
	}
	if err := c.do(ctx, call{op: "verify account", method: http.MethodGet, path: "/" + c.wabaID + "/phone_numbers",
		query: map[string]string{"fields": "id,display_phone_number"}}, &resp); err != nil {
		return err
	}
	for _, p := range resp.Data {
		if p.ID == c.phoneID {
			return nil
		}
	}
	return newError(platforms.KindPermanent, 0, "verify: phone number "+c.phoneID+" is not in WhatsApp Business Account "+c.wabaID)
}

// Poll returns an empty page with the cursor unchanged: the Cloud API offers
// no way to read incoming messages except a webhook. The connector declares
// no polling capability, so the sync engine does not call it.
func (c *connector) Poll(_ context.Context, cursor string, _ platforms.PollOptions) (platforms.Page, error) {
	return platforms.Page{Cursor: cursor}, nil
}
