package bluesky

import (
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"creatordesk/backend/platforms"
)

// convoInfo is what a convo lends its messages: a title and who its members are.
type convoInfo struct {
	title  string
	people map[string]platforms.Person
}

// person returns the member with did, or a person known only by it.
func (ci convoInfo) person(did string) platforms.Person {
	if p, ok := ci.people[did]; ok {
		return p
	}
	return platforms.Person{ExternalID: did}
}

// decodeProfile reads a profile view; ok is false without a DID.
func decodeProfile(raw json.RawMessage) (platforms.Person, bool) {
	var p profileView
	if json.Unmarshal(raw, &p) != nil || !strings.HasPrefix(p.DID, "did:") {
		return platforms.Person{}, false
	}
	return platforms.Person{ExternalID: p.DID, Handle: p.Handle, DisplayName: strings.TrimSpace(p.DisplayName)}, true
}

// decodeConvo reads a convo view: its id, rev, and the title and members its
// messages get. A direct convo is titled by the other member's name; a group
// by its name.
func decodeConvo(raw json.RawMessage, ownDID string) (id, rev string, info convoInfo, err error) {
	var v convoView
	if err := json.Unmarshal(raw, &v); err != nil {
		return "", "", convoInfo{}, errors.New("convo: " + jsonReason(err))
	}
	if v.ID == "" {
		return "", "", convoInfo{}, errors.New("convo without id")
	}
	info = convoInfo{people: map[string]platforms.Person{}}
	var others []string
	for _, m := range v.Members {
		p, ok := decodeProfile(m)
		if !ok {
			continue
		}
		info.people[p.ExternalID] = p
		if p.ExternalID != ownDID {
			if name := personName(p.DisplayName, p.Handle); name != "" {
				others = append(others, name)
			}
		}
	}
	if v.Kind != nil && v.Kind.Type == typeGroupConvo && strings.TrimSpace(v.Kind.Name) != "" {
		info.title = strings.TrimSpace(v.Kind.Name)
	} else {
		info.title = strings.Join(others, ", ")
	}
	return v.ID, v.Rev, info, nil
}

// errUnknownType marks an item whose union $type the connector does not know.
var errUnknownType = errors.New("unknown $type")

// decodeChatMessage maps one item of getMessages, or the message of a
// getLog event, in convo convoID. It returns nil and no error for a system
// message (a member joined, the group was renamed...), which is not content.
// A deletedMessageView becomes a message marked Deleted, without text.
func decodeChatMessage(raw json.RawMessage, convoID, ownDID string, info convoInfo) (*platforms.Message, error) {
	var v chatMessageView
	if err := json.Unmarshal(raw, &v); err != nil {
		return nil, errors.New("message: " + jsonReason(err))
	}
	switch v.Type {
	case typeSystemMessageView:
		return nil, nil
	case typeMessageView, typeDeletedMessageView:
	default:
		return nil, unknownType(v.Type)
	}
	sentAt, okTime := parseTime(v.SentAt)
	switch {
	case convoID == "":
		return nil, errors.New("message without convo id")
	case v.ID == "":
		return nil, errors.New("message without id")
	case v.Sender == nil || !strings.HasPrefix(v.Sender.DID, "did:"):
		return nil, errors.New("message without sender")
	case !okTime:
		return nil, errors.New("message without a valid sentAt")
	case v.Type == typeMessageView && v.Text == nil:
		return nil, errors.New("message without text")
	}
	m := &platforms.Message{
		ExternalID:       v.ID,
		ThreadExternalID: convoID,
		ThreadKind:       platforms.ThreadDM,
		ThreadTitle:      info.title,
		Author:           info.person(v.Sender.DID),
		Direction:        platforms.DirectionIn,
		SentAt:           sentAt,
		Deleted:          v.Type == typeDeletedMessageView,
	}
	if ownDID != "" && v.Sender.DID == ownDID {
		m.Direction = platforms.DirectionOut
	}
	if !m.Deleted {
		m.Text = *v.Text
		if r := v.ReplyTo; r != nil && r.ID != "" && (r.Type == typeMessageView || r.Type == typeDeletedMessageView) {
			m.ReplyToExternalID = r.ID
		}
		if e := v.Embed; e != nil && e.Record != nil && e.Record.URI != "" {
			m.Attachments = []platforms.Attachment{{Kind: "post", Name: e.Record.URI}}
		}
	}
	return m, nil
}

// unknownType names an unknown union member without quoting much of it.
func unknownType(t string) error {
	if t == "" {
		return errors.New("item without $type")
	}
	return fmt.Errorf("%w %s", errUnknownType, strconv.Quote(clip(t, 80)))
}

// logKind tells what a getLog event means to the connector.
type logKind int

const (
	logIgnored logKind = iota // a known event without new content (reads, reactions, mutes...)
	logCreate                 // logCreateMessage
	logDelete                 // logDeleteMessage
)

// decodeLogEvent reads a getLog event's envelope. The rev is returned even
// when the event is otherwise unusable, so the log position moves past it.
func decodeLogEvent(raw json.RawMessage) (logEvent, logKind, error) {
	var ev logEvent
	if err := json.Unmarshal(raw, &ev); err != nil {
		var head struct {
			Rev string `json:"rev"`
		}
		_ = json.Unmarshal(raw, &head)
		return logEvent{Rev: head.Rev}, logIgnored, errors.New("log event: " + jsonReason(err))
	}
	switch {
	case ev.Type == typeLogCreateMessage:
		return ev, logCreate, checkLogEvent(ev)
	case ev.Type == typeLogDeleteMessage:
		return ev, logDelete, checkLogEvent(ev)
	case knownLogTypes[ev.Type]:
		return ev, logIgnored, nil
	}
	return ev, logIgnored, unknownType(ev.Type)
}

// checkLogEvent requires what a message event needs.
func checkLogEvent(ev logEvent) error {
	switch {
	case ev.Rev == "":
		return errors.New("log event without rev")
	case ev.ConvoID == "":
		return errors.New("log event without convoId")
	case len(ev.Message) == 0:
		return errors.New("log event without message")
	}
	return nil
}

// commentReasons are the notifications that are comments on the account's posts.
var commentReasons = map[string]bool{"reply": true, "mention": true, "quote": true}

// decodedNotification is what one listNotifications item yields.
type decodedNotification struct {
	uri string
	// at is indexedAt; hasTime is false when it could not be read.
	at      time.Time
	hasTime bool
	// msg is nil for reasons the connector does not map (likes, follows...).
	msg *platforms.Message
}

// decodeNotification maps a reply, mention or quote of the account to a
// comment. The thread is the root post of the reply (or the post itself);
// uri and indexedAt are reported even when the item is otherwise malformed.
func decodeNotification(raw json.RawMessage) (decodedNotification, error) {
	var n notification
	if err := json.Unmarshal(raw, &n); err != nil {
		var head struct {
			URI       string `json:"uri"`
			IndexedAt string `json:"indexedAt"`
		}
		_ = json.Unmarshal(raw, &head)
		d := decodedNotification{uri: head.URI}
		d.at, d.hasTime = parseTime(head.IndexedAt)
		return d, errors.New("notification: " + jsonReason(err))
	}
	d := decodedNotification{uri: n.URI}
	d.at, d.hasTime = parseTime(n.IndexedAt)
	if !commentReasons[n.Reason] {
		return d, nil
	}
	switch {
	case !isPostURI(n.URI):
		return d, errors.New("notification without a post uri")
	case n.Author == nil || !strings.HasPrefix(n.Author.DID, "did:"):
		return d, errors.New("notification without author")
	case !d.hasTime:
		return d, errors.New("notification without a valid indexedAt")
	}
	var rec postRecord
	if err := json.Unmarshal(n.Record, &rec); err != nil {
		return d, errors.New("notification record: " + jsonReason(err))
	}
	if rec.Type != typePost {
		return d, fmt.Errorf("notification record: %w", unknownType(rec.Type))
	}
	sentAt := d.at
	if created, ok := parseTime(rec.CreatedAt); ok && created.Before(sentAt) {
		// Like Bluesky's sortAt: the author's clock, unless it claims the future.
		sentAt = created
	}
	m := &platforms.Message{
		ExternalID:       n.URI,
		ThreadExternalID: n.URI,
		ThreadKind:       platforms.ThreadComment,
		Author: platforms.Person{
			ExternalID:  n.Author.DID,
			Handle:      n.Author.Handle,
			DisplayName: strings.TrimSpace(n.Author.DisplayName),
		},
		Direction:   platforms.DirectionIn,
		Text:        rec.Text,
		SentAt:      sentAt,
		Attachments: attachments(rec.Embed),
	}
	if r := rec.Reply; r != nil {
		if r.Root != nil && isPostURI(r.Root.URI) {
			m.ThreadExternalID = r.Root.URI
		}
		if r.Parent != nil && isPostURI(r.Parent.URI) {
			m.ReplyToExternalID = r.Parent.URI
		}
	}
	if m.ThreadExternalID == n.URI {
		m.ThreadTitle = titleOf(rec.Text)
	}
	d.msg = m
	return d, nil
}

// attachments lists the images and video of a post embed; the files stay on Bluesky.
func attachments(e *embed) []platforms.Attachment {
	if e == nil {
		return nil
	}
	var out []platforms.Attachment
	switch e.Type {
	case "app.bsky.embed.images":
		for _, img := range e.Images {
			a := platforms.Attachment{Kind: "photo", Name: img.Alt}
			if img.Image != nil {
				a.MimeType, a.Size = img.Image.MimeType, img.Image.Size
			}
			out = append(out, a)
		}
	case "app.bsky.embed.video":
		a := platforms.Attachment{Kind: "video", Name: e.Alt}
		if e.Video != nil {
			a.MimeType, a.Size = e.Video.MimeType, e.Video.Size
		}
		out = append(out, a)
	case "app.bsky.embed.recordWithMedia":
		if e.Media != nil && e.Media.Type != "app.bsky.embed.recordWithMedia" {
			out = attachments(e.Media)
		}
	}
	return out
}
