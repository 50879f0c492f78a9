package platforms

import "context"

// Capabilities of platforms that answer people outside the free-form window
// with pre-approved message templates (WhatsApp Cloud API).
const (
	// CapSendTemplate: the connector can send an approved template (TemplateSender).
	CapSendTemplate Capability = "send_template"
	// CapMarkRead: the connector can tell the platform a received message was read (ReadMarker).
	CapMarkRead Capability = "mark_read"
)

// TemplateMessage is an approved template to send to one person.
type TemplateMessage struct {
	// ThreadExternalID identifies the person, as OutgoingMessage.ThreadExternalID does.
	ThreadExternalID string
	// Name and Language pick the template (Language is a code such as "en_US").
	Name     string
	Language string
	// BodyParams fill the body's {{1}}, {{2}}, ... in order.
	BodyParams []string
}

// MessageTemplate is one template of the account as the platform lists it.
type MessageTemplate struct {
	ID       string
	Name     string
	Language string
	// Category is the platform's category (MARKETING, UTILITY, AUTHENTICATION).
	Category string
	// Status is the review status (APPROVED, PENDING, REJECTED, PAUSED...).
	Status string
	// Body is the body text with its {{n}} placeholders.
	Body string
	// BodyParams is how many {{n}} placeholders the body has.
	BodyParams int
}

// Approved reports whether the platform lets the template be sent.
func (t MessageTemplate) Approved() bool { return t.Status == "APPROVED" }

// TemplateSender is implemented by connectors that declare CapSendTemplate.
// A template is the only thing such a platform accepts once the free-form
// window has closed, so the send gate may let it through after the window
// (see WindowReporter); the platform still refuses a template it has not
// approved (a KindPermanent error).
type TemplateSender interface {
	SendTemplate(ctx context.Context, msg TemplateMessage) (SentMessage, error)
}

// TemplateLister is implemented by connectors that can list their templates.
type TemplateLister interface {
	// ListTemplates returns the account's templates, approved or not.
	ListTemplates(ctx context.Context) ([]MessageTemplate, error)
}

// ReadMarker is implemented by connectors that declare CapMarkRead.
type ReadMarker interface {
	// MarkRead marks a received message (and the ones before it) as read.
	MarkRead(ctx context.Context, messageExternalID string) error
}
