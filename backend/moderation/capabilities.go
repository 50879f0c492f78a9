package moderation

import (
	"slices"

	"creatordesk/backend/platforms"
)

// support lists what each platform's API lets CreatorDesk do to a comment
// written by someone else (others) and to one of the account's own (own).
// The connectors are the source of these facts (each connector's Moderate doc
// comment); checking here refuses an impossible action before any call.
var support = map[string]struct{ others, own []platforms.ModerationKind }{
	// Instagram and Facebook: hide, unhide or delete comments on the account's posts.
	"instagram": {others: kinds("hide", "unhide", "delete"), own: kinds("delete")},
	"facebook":  {others: kinds("hide", "unhide", "delete"), own: kinds("delete")},
	// YouTube: hold for review (hide), publish (unhide), reject, and reject with a ban (block);
	// "delete" of someone else's comment is a rejection, of the channel's own a deletion.
	"youtube": {others: kinds("hide", "unhide", "reject", "delete", "block"), own: kinds("delete")},
	// Bluesky: hide replies under the account's posts (threadgate), mute, block, report.
	"bluesky": {others: kinds("hide", "unhide", "mute", "block", "report"), own: kinds("delete")},
	// Mastodon: no hiding; block, mute or report the author, delete the account's own statuses.
	"mastodon": {others: kinds("block", "mute", "report"), own: kinds("delete")},
}

// kinds converts names to moderation kinds.
func kinds(names ...string) []platforms.ModerationKind {
	out := make([]platforms.ModerationKind, len(names))
	for i, n := range names {
		out[i] = platforms.ModerationKind(n)
	}
	return out
}

// Actions are every moderation action, in menu order.
var Actions = kinds("hide", "unhide", "delete", "reject", "block", "mute", "report")

// Supports reports whether platform offers action on a message; own is true
// for the account's own messages.
func Supports(platform string, action platforms.ModerationKind, own bool) bool {
	s, ok := support[platform]
	if !ok {
		return false
	}
	if own {
		return slices.Contains(s.own, action)
	}
	return slices.Contains(s.others, action)
}

// Supported lists the actions platform offers on a message, in menu order.
func Supported(platform string, own bool) []platforms.ModerationKind {
	var out []platforms.ModerationKind
	for _, a := range Actions {
		if Supports(platform, a, own) {
			out = append(out, a)
		}
	}
	return out
}

// PlatformsFor lists the platforms that offer action on others' comments, sorted.
func PlatformsFor(action platforms.ModerationKind) []string {
	var out []string
	for p := range support {
		if Supports(p, action, false) || Supports(p, action, true) {
			out = append(out, p)
		}
	}
	slices.Sort(out)
	return out
}
