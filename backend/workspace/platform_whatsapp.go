package workspace

import (
	"context"
	"regexp"
	"strings"

	"creatordesk/backend/platforms"
	"creatordesk/backend/platforms/whatsapp"
	"creatordesk/backend/secrets"
	"creatordesk/backend/store"
)

// whatsappTokenPattern is the shape of a Meta system-user access token: one
// long line of letters, digits and a few symbols.
var whatsappTokenPattern = regexp.MustCompile(`^[A-Za-z0-9_\-.|%=]{40,}$`)

// WhatsApp Cloud API: send text inside the 24-hour window, approved templates
// after it, mark as read. It has no polling capability (Meta delivers incoming
// messages only to webhooks), so the sync engine leaves the account idle;
// history comes from chat export files (creatordesk import whatsapp FILE).
func init() {
	registerPlatform(whatsapp.Platform, PlatformPlugin{
		Build: func(secrets.Vault, string) (platforms.Factory, func(context.Context, store.Account) error) {
			return whatsapp.New, nil
		},
		TokenFormat: func(tok string) bool { return whatsappTokenPattern.MatchString(strings.TrimSpace(tok)) },
	})
}
