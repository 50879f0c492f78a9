package platforms

import "time"

// ThreadWindow is a platform's rule for how long after a person's last
// message the account may still answer them in a thread of one kind. The
// send gate turns it into a deadline (the last inbound message's time plus
// Open) and the composer shows the time left.
type ThreadWindow struct {
	// Open is how long after the person's last message a normal reply is
	// accepted; 0 means the platform sets no window for this kind.
	Open time.Duration
	// Extended is the longer window a human agent may still reply in when the
	// account holds the platform's permission for it (Meta's HUMAN_AGENT tag:
	// 7 days); 0 when none is granted.
	Extended time.Duration
	// PrivateReply is how long after a public comment one private reply to its
	// author is accepted (Meta: 7 days, one per comment); 0 when the platform
	// or the connector offers no private replies.
	PrivateReply time.Duration
}

// Deadline is when a reply to a person whose last message came at lastInbound
// stops being accepted: the extended window when granted, else the normal
// one. ok is false when the kind has no window.
func (w ThreadWindow) Deadline(lastInbound time.Time) (deadline time.Time, ok bool) {
	open := max(w.Open, w.Extended)
	if open <= 0 {
		return time.Time{}, false
	}
	return lastInbound.Add(open), true
}

// WindowReporter is implemented by connectors whose platform limits when a
// thread may be answered. The result depends only on the account's settings,
// never on a network call.
type WindowReporter interface {
	MessagingWindow(kind ThreadKind) ThreadWindow
}
