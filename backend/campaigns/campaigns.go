// Package campaigns ties conversations to revenue: creators and campaigns,
// discount codes and tracked links, orders (Shopify sync and CSV import),
// attribution, results per creator, code, campaign and template, UGC release
// rights and reply experiments. Storage is in backend/store; this package
// holds the rules.
package campaigns

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"creatordesk/backend/events"
	"creatordesk/backend/inbox"
	"creatordesk/backend/platforms"
	"creatordesk/backend/store"
	"creatordesk/backend/templates"
)

// OrderSources gives the service a shop account's order source (the Shopify connector).
type OrderSources interface {
	OrderSource(ctx context.Context, accountID int64) (platforms.OrderSource, store.Account, error)
}

// Service is the campaigns area's domain service.
type Service struct {
	Store *store.Store
	Bus   *events.Bus
	// Sources builds shop connectors (nil: no shop connected).
	Sources OrderSources
	// Now is the clock (the store's clock when nil).
	Now func() time.Time
	// Templates renders and edits saved replies (the release request, promoting an
	// experiment's winner); nil disables both.
	Templates *templates.Service
	// Sender is the send gate (inbox.Service) the release request goes through.
	Sender Sender
	// Calendar puts release expiries on the content calendar (nil: not shown there).
	Calendar ReleaseCalendar
	// Notify shows a desktop notification (nil: none); failures are the caller's to log.
	Notify func(ctx context.Context, title, body string) error
}

// Sender is the send gate: every outgoing message goes through it.
type Sender interface {
	Send(ctx context.Context, req inbox.SendRequest) (store.Message, error)
}

// ReleaseCalendar adds and removes the calendar reminder of a release's expiry.
type ReleaseCalendar interface {
	AddReminder(ctx context.Context, actor, title, notes string, day time.Time) (int64, error)
	RemoveReminder(ctx context.Context, actor string, itemID int64) error
}

// now returns the service clock.
func (s *Service) now() time.Time {
	if s.Now != nil {
		return s.Now()
	}
	return s.Store.Now()
}

// audit appends an audit entry; before and after are encoded as JSON when not nil.
func (s *Service) audit(ctx context.Context, actor, action, targetType string, targetID int64, reason string, before, after any) {
	enc := func(v any) string {
		if v == nil {
			return ""
		}
		b, _ := json.Marshal(v)
		return string(b)
	}
	_, _ = s.Store.AppendAudit(ctx, store.AuditEvent{Actor: actor, Action: action, TargetType: targetType,
		TargetID: fmt.Sprint(targetID), Reason: reason, BeforeJSON: enc(before), AfterJSON: enc(after)})
}

// InvalidError is a user input the campaigns area refuses.
type InvalidError struct {
	// Field names what is wrong (name, code, url, stage, variants, ...).
	Field string
	// Reason is a short key suffix (required, duplicate, invalid, ...).
	Reason string
}

// Error implements error.
func (e *InvalidError) Error() string { return "campaigns: " + e.Field + ": " + e.Reason }

// ErrorKey implements the app's KeyedError.
func (e *InvalidError) ErrorKey() (string, string, map[string]string) {
	return "campaigns_invalid", "errors.campaigns." + e.Reason, map[string]string{"field": e.Field}
}

// invalid builds an InvalidError.
func invalid(field, reason string) error { return &InvalidError{Field: field, Reason: reason} }
