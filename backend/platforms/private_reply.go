package platforms

import "context"

// CapPrivateReply: the connector can answer a public comment with one private
// message to its author (Meta's private replies).
const CapPrivateReply Capability = "private_reply"

// PrivateReplier is implemented by connectors that declare CapPrivateReply.
// The reply opens (or continues) a direct-message thread with the comment's
// author; platforms allow one per comment within a window (see ThreadWindow).
// A second reply, or one after the window, is a KindWindowClosed error.
type PrivateReplier interface {
	PrivateReply(ctx context.Context, commentExternalID, text string) (SentMessage, error)
}
