package platforms

import "context"

// ModerationKind names a moderation action on a comment or its author.
type ModerationKind string

// Moderation actions. A connector supports the subset its platform offers and
// returns a KindPermanent error for the rest.
const (
	ModerateHide   ModerationKind = "hide"
	ModerateUnhide ModerationKind = "unhide"
	ModerateDelete ModerationKind = "delete"
	// ModerateReject removes a comment from public view for good (YouTube's "rejected").
	ModerateReject ModerationKind = "reject"
	ModerateBlock  ModerationKind = "block"
	ModerateMute   ModerationKind = "mute"
	ModerateReport ModerationKind = "report"
)

// ModerationAction is one moderation request.
type ModerationAction struct {
	Kind ModerationKind
	// TargetExternalID is the comment (or message) acted on.
	TargetExternalID string
	// ThreadExternalID is the comment thread or post the target belongs to.
	ThreadExternalID string
	// AuthorExternalID is the person acted on by block, mute and report.
	AuthorExternalID string
	// Reason is sent with reports where the platform takes one.
	Reason string
}

// Moderator is implemented by connectors that declare CapModerateComment.
type Moderator interface {
	Moderate(ctx context.Context, action ModerationAction) error
}

// Post is something to publish on the account's own timeline or channel.
type Post struct {
	Text string
	// Visibility is platform-specific ("public", "unlisted", ...); "" means the platform default.
	Visibility string
}

// Publisher is implemented by connectors that declare CapPublish.
type Publisher interface {
	Publish(ctx context.Context, post Post) (SentMessage, error)
}
