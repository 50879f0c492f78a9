package meta

import (
	"path"
	"sort"
	"strconv"
	"strings"
	"time"

	"creatordesk/backend/importers/archive"
	"creatordesk/backend/platforms"
)

// maxMillis bounds timestamp_ms (year 3000) so absurd values are refused.
const maxMillis = 32503680000000

// convert turns the read files into an Archive.
func convert(files []threadFile, platform, how string, opts archive.Options) archive.Archive {
	label := map[string]string{"instagram": "Instagram", "facebook": "Facebook"}[platform]
	a := archive.Archive{Kind: Kind, Platform: platform, AccountID: "export", AccountName: label + " export"}
	a.Notes = append(a.Notes, how)
	owner, note := decideOwner(files, opts.Owner)
	a.Notes = append(a.Notes, note)
	if owner != "" {
		a.Owner = platforms.Person{ExternalID: owner, DisplayName: owner}
		a.AccountID, a.AccountName = owner, label+" export ("+owner+")"
	}
	type item struct {
		msg    platforms.Message
		thread int
	}
	var items []item
	order := map[string]int{}
	occ := archive.Occurrences{}
	for _, tf := range files {
		key := tf.threadKey()
		if _, ok := order[key]; !ok {
			order[key] = len(order)
		}
		title := threadTitle(tf, owner)
		for _, m := range tf.msgs {
			msg, why := message(m, key, title, owner, occ)
			if why != "" {
				a.Skipped = append(a.Skipped, archive.Problem{Where: where(tf, m), Why: why})
				continue
			}
			items = append(items, item{msg, order[key]})
		}
	}
	// Downloads list each conversation newest first; the archive is oldest first.
	sort.SliceStable(items, func(i, j int) bool {
		if items[i].thread != items[j].thread {
			return items[i].thread < items[j].thread
		}
		return items[i].msg.SentAt.Before(items[j].msg.SentAt)
	})
	for _, it := range items {
		a.Messages = append(a.Messages, it.msg)
	}
	return a
}

// message maps one downloaded message, or says why it is left out.
func message(m metaMsg, key, title, owner string, occ archive.Occurrences) (platforms.Message, string) {
	switch {
	case m.bad != "":
		return platforms.Message{}, "the message cannot be read (" + m.bad + ")"
	case m.IsUnsent:
		return platforms.Message{}, "the sender unsent this message"
	case m.Type == "Call" || m.CallDuration != nil:
		return platforms.Message{}, "a call, not a message"
	case m.Type == "Subscribe" || m.Type == "Unsubscribe":
		return platforms.Message{}, "someone joined or left the chat, not a message"
	}
	sender := strings.TrimSpace(Repair(m.Sender))
	if sender == "" {
		return platforms.Message{}, "the message has no sender_name"
	}
	ms, err := strconv.ParseInt(string(m.Timestamp), 10, 64)
	if err != nil || ms <= 0 || ms > maxMillis {
		return platforms.Message{}, "the message has no readable timestamp_ms"
	}
	content := ""
	if m.Content != nil {
		content = Repair(*m.Content)
	}
	atts := attachments(m)
	if content == "" && len(atts) == 0 {
		return platforms.Message{}, "the message has no text or media to import"
	}
	stamp := strconv.FormatInt(ms, 10)
	n := occ.Next(key, stamp, sender, content)
	dir := platforms.DirectionIn
	if owner != "" && sender == owner {
		dir = platforms.DirectionOut
	}
	return platforms.Message{
		ExternalID:       archive.HashID(key, stamp, sender, content, strconv.Itoa(n)),
		ThreadExternalID: key,
		ThreadKind:       platforms.ThreadDM,
		ThreadTitle:      title,
		Author:           platforms.Person{ExternalID: sender, DisplayName: sender},
		Direction:        dir,
		Text:             content,
		SentAt:           time.UnixMilli(ms).UTC(),
		Attachments:      atts,
	}, ""
}

// attachments lists a message's media and shared link; the bytes stay in the download.
func attachments(m metaMsg) []platforms.Attachment {
	var out []platforms.Attachment
	for _, group := range []struct {
		kind string
		list []media
	}{{"photo", m.Photos}, {"video", m.Videos}, {"audio", m.Audio}, {"document", m.Files}, {"animation", m.Gifs}} {
		for _, x := range group.list {
			out = append(out, platforms.Attachment{Kind: group.kind, Name: baseName(x.URI)})
		}
	}
	if m.Sticker != nil {
		out = append(out, platforms.Attachment{Kind: "sticker", Name: baseName(m.Sticker.URI)})
	}
	if s := m.Share; s != nil && (s.Link != "" || s.ShareText != "") {
		name := s.Link
		if name == "" {
			name = Repair(s.ShareText)
		}
		out = append(out, platforms.Attachment{Kind: "link", Name: name})
	}
	return out
}

// baseName is the file name of a media path in the download.
func baseName(uri string) string {
	if uri == "" {
		return ""
	}
	return path.Base(strings.ReplaceAll(Repair(uri), `\`, "/"))
}

// threadTitle is the conversation's title, else the other participants.
func threadTitle(tf threadFile, owner string) string {
	if tf.title != "" {
		return tf.title
	}
	var others []string
	for _, p := range tf.participants {
		if p != owner {
			others = append(others, p)
		}
	}
	if len(others) > 0 {
		return strings.Join(others, ", ")
	}
	return "Conversation"
}

// decideOwner finds the exporter's name (see the package doc) and says how.
func decideOwner(files []threadFile, given string) (string, string) {
	if given = strings.TrimSpace(given); given != "" {
		for _, tf := range files {
			for _, name := range tf.participants {
				if strings.EqualFold(name, given) {
					return name, "messages by " + name + " are imported as sent"
				}
			}
			for _, m := range tf.msgs {
				if s := strings.TrimSpace(Repair(m.Sender)); strings.EqualFold(s, given) {
					return s, "messages by " + s + " are imported as sent"
				}
			}
		}
		return "", "nobody named \"" + given + "\" takes part in these conversations: every message is imported as received"
	}
	members := map[string]map[string]bool{}
	for _, tf := range files {
		key := tf.threadKey()
		if members[key] == nil {
			members[key] = map[string]bool{}
		}
		for _, p := range tf.participants {
			members[key][p] = true
		}
	}
	if len(members) >= 2 {
		count := map[string]int{}
		for _, set := range members {
			for p := range set {
				count[p]++
			}
		}
		var common []string
		for p, n := range count {
			if n == len(members) {
				common = append(common, p)
			}
		}
		if len(common) == 1 {
			return common[0], "the owner is " + common[0] + ", the one person in every conversation; their messages are imported as sent"
		}
	}
	return "", "the download does not say who made it and no owner was given: every message is imported as received"
}
