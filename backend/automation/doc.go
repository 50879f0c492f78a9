// Package automation runs the team's rules on incoming messages (classify,
// then tag, assign, reply, draft, hide, escalate, notify...), keeps the
// classifier trained on the team's labels, and turns drafts into replies
// only after a person approves them. Every outgoing message goes through the
// send gate (inbox.Service.Send), where governance enforces opt-out, consent,
// caps, the loop guard, the kill switch and disclosure.
package automation
