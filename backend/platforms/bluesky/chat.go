package bluesky

import (
	"context"
	"encoding/json"
	"net/url"
	"slices"
	"strconv"

	"creatordesk/backend/platforms"
)

// Chat XRPC methods; every call carries the atproto-proxy header.
const (
	nsidListConvos  = "chat.bsky.convo.listConvos"
	nsidGetConvo    = "chat.bsky.convo.getConvo"
	nsidGetMessages = "chat.bsky.convo.getMessages"
	nsidGetLog      = "chat.bsky.convo.getLog"
	nsidSendMessage = "chat.bsky.convo.sendMessage"
)

// maxChatCalls bounds the chat calls of one Poll, so a long first sync
// returns pages (and cursors to persist) as it goes.
const maxChatCalls = 4

// pollChat advances the DM stream by up to maxChatCalls calls, stopping at
// the first call that yields items. See chatState for the phases.
func (c *connector) pollChat(ctx context.Context, st *chatState, own string, budget int, p *platforms.Page) (more bool, err error) {
	if st.Phase == "" {
		st.Phase, st.Pass = phaseList, 1
	}
	for calls := 0; calls < maxChatCalls; {
		switch st.Phase {
		case phaseList:
			calls++
			if err := c.listConvos(ctx, st, own, p); err != nil {
				return false, err
			}
		case phaseWalk:
			if len(st.Pending) == 0 {
				switch {
				case st.Next != "":
					st.Phase = phaseList
				case st.Pass < 2:
					st.Phase, st.Pass = phaseList, 2
				default:
					st.Phase, st.Pass = phaseLog, 0
				}
				continue
			}
			calls++
			before := len(p.Messages) + p.Skipped
			if err := c.walkConvo(ctx, st, own, budget, p); err != nil {
				return false, err
			}
			if len(p.Messages)+p.Skipped > before {
				return true, nil
			}
		default: // phaseLog
			return c.followLog(ctx, st, own, budget, p)
		}
	}
	return true, nil
}

// listConvos fetches the listing page after st.Next and queues its convos.
// Pass 1 takes the getLog position from the first page; pass 2 queues only
// convos changed since then and stops at the first unchanged one (the list
// is sorted by rev, newest first).
func (c *connector) listConvos(ctx context.Context, st *chatState, own string, p *platforms.Page) error {
	q := url.Values{"limit": {strconv.Itoa(maxLimit)}}
	if st.Next != "" {
		q.Set("cursor", st.Next)
	}
	var out listConvosOutput
	if err := c.xrpc(ctx, call{nsid: nsidListConvos, query: q, chat: true}, &out); err != nil {
		return err
	}
	var ids []string
	maxRev, stop := "", false
	for _, raw := range out.Convos {
		id, rev, info, err := decodeConvo(raw, own)
		if err != nil {
			p.Skipped++
			logSkipped(ctx, "convo", "", err)
			continue
		}
		c.acct.cacheConvo(id, info)
		maxRev = max(maxRev, rev)
		if st.Pass == 2 && rev <= st.Log {
			stop = true
			continue
		}
		if !slices.Contains(ids, id) {
			ids = append(ids, id)
		}
	}
	if !st.Started {
		st.Log, st.Started = maxRev, true
	}
	st.Pending, st.Msgs, st.Phase = ids, "", phaseWalk
	if stop || len(out.Convos) == 0 || out.Cursor == st.Next {
		st.Next = ""
	} else {
		st.Next = out.Cursor
	}
	return nil
}

// walkConvo fetches one page of Pending[0]'s messages (newest first, walking
// back) and moves to the next convo after the last page. A convo that is
// gone (InvalidConvo: left or deleted meanwhile) is passed over.
func (c *connector) walkConvo(ctx context.Context, st *chatState, own string, budget int, p *platforms.Page) error {
	convoID := st.Pending[0]
	next := func() { st.Pending, st.Msgs = st.Pending[1:], "" }
	info, err := c.convo(ctx, convoID, own)
	if err != nil {
		if xrpcName(err) == "InvalidConvo" {
			next()
			return nil
		}
		return err
	}
	q := url.Values{"convoId": {convoID}, "limit": {strconv.Itoa(min(budget, maxLimit))}}
	if st.Msgs != "" {
		q.Set("cursor", st.Msgs)
	}
	var out getMessagesOutput
	if err := c.xrpc(ctx, call{nsid: nsidGetMessages, query: q, chat: true}, &out); err != nil {
		if xrpcName(err) == "InvalidConvo" {
			next()
			return nil
		}
		return err
	}
	info = c.acct.addPeople(convoID, info, out.RelatedProfiles)
	var msgs []platforms.Message
	for _, raw := range out.Messages {
		m, err := decodeChatMessage(raw, convoID, own, info)
		if err != nil {
			p.Skipped++
			logSkipped(ctx, "message", convoID, err)
			continue
		}
		if m != nil {
			msgs = append(msgs, *m)
		}
	}
	slices.Reverse(msgs) // oldest first
	p.Messages = append(p.Messages, msgs...)
	if out.Cursor != "" && len(out.Messages) > 0 && out.Cursor != st.Msgs {
		st.Msgs = out.Cursor
	} else {
		next()
	}
	return nil
}

// followLog reads the events after st.Log: new messages, and deletions as
// messages marked Deleted. Events are applied in rev order and at most
// budget messages are taken; the position moves to the last event taken.
func (c *connector) followLog(ctx context.Context, st *chatState, own string, budget int, p *platforms.Page) (more bool, err error) {
	q := url.Values{}
	if st.Log != "" {
		q.Set("cursor", st.Log)
	}
	var out getLogOutput
	if err := c.xrpc(ctx, call{nsid: nsidGetLog, query: q, chat: true}, &out); err != nil {
		return false, err
	}
	type item struct {
		ev   logEvent
		kind logKind
		err  error
	}
	items := make([]item, len(out.Logs))
	for i, raw := range out.Logs {
		items[i].ev, items[i].kind, items[i].err = decodeLogEvent(raw)
	}
	slices.SortStableFunc(items, func(a, b item) int {
		switch {
		case a.ev.Rev < b.ev.Rev:
			return -1
		case a.ev.Rev > b.ev.Rev:
			return 1
		}
		return 0
	})
	pos, taken, truncated := st.Log, 0, false
	for _, it := range items {
		if it.ev.Rev != "" && st.Log != "" && it.ev.Rev <= st.Log {
			continue // already applied
		}
		if taken >= budget {
			truncated = true
			break
		}
		pos = max(pos, it.ev.Rev)
		if it.err != nil {
			p.Skipped++
			logSkipped(ctx, "log event", it.ev.ConvoID, it.err)
			continue
		}
		if it.kind == logIgnored {
			continue
		}
		info, err := c.convo(ctx, it.ev.ConvoID, own)
		if err != nil && xrpcName(err) != "InvalidConvo" {
			return false, err
		}
		info = c.acct.addPeople(it.ev.ConvoID, info, it.ev.RelatedProfiles)
		m, err := decodeChatMessage(it.ev.Message, it.ev.ConvoID, own, info)
		if err != nil {
			p.Skipped++
			logSkipped(ctx, "log message", it.ev.ConvoID, err)
			continue
		}
		if m == nil {
			continue
		}
		if it.kind == logDelete {
			m.Deleted, m.Text, m.ReplyToExternalID, m.Attachments = true, "", "", nil
		}
		p.Messages = append(p.Messages, *m)
		taken++
	}
	if !truncated && out.Cursor > pos {
		pos = out.Cursor
	}
	more = truncated || pos != st.Log
	st.Log = pos
	return more, nil
}

// convo returns what the account knows of a convo, asking getConvo once per
// process for one it has not listed (after a restart, or a new convo in the log).
func (c *connector) convo(ctx context.Context, convoID, own string) (convoInfo, error) {
	c.acct.cacheMu.Lock()
	info, ok := c.acct.convos[convoID]
	c.acct.cacheMu.Unlock()
	if ok {
		return info, nil
	}
	var out getConvoOutput
	if err := c.xrpc(ctx, call{nsid: nsidGetConvo, query: url.Values{"convoId": {convoID}}, chat: true}, &out); err != nil {
		return convoInfo{}, err
	}
	_, _, info, err := decodeConvo(out.Convo, own)
	if err != nil {
		// Unreadable: carry on without a title rather than fail the page.
		logSkipped(ctx, "convo", convoID, err)
		info = convoInfo{}
	}
	c.acct.cacheConvo(convoID, info)
	return info, nil
}

// cacheConvo remembers a convo's title and members.
func (a *account) cacheConvo(id string, info convoInfo) {
	a.cacheMu.Lock()
	defer a.cacheMu.Unlock()
	a.convos[id] = info
}

// addPeople merges profiles sent along with messages into the convo's members.
func (a *account) addPeople(convoID string, info convoInfo, profiles []json.RawMessage) convoInfo {
	if len(profiles) == 0 {
		return info
	}
	people := make(map[string]platforms.Person, len(info.people)+len(profiles))
	for k, v := range info.people {
		people[k] = v
	}
	for _, raw := range profiles {
		if p, ok := decodeProfile(raw); ok {
			people[p.ExternalID] = p
		}
	}
	info.people = people
	a.cacheConvo(convoID, info)
	return info
}
