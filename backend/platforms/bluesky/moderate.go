package bluesky

import (
	"context"
	"encoding/json"
	"slices"
	"strings"
	"time"

	"github.com/rivo/uniseg"

	"creatordesk/backend/platforms"
)

// Moderation XRPC methods.
const (
	nsidGetRecord    = "com.atproto.repo.getRecord"
	nsidPutRecord    = "com.atproto.repo.putRecord"
	nsidDeleteRecord = "com.atproto.repo.deleteRecord"
	nsidMuteActor    = "app.bsky.graph.muteActor"
	nsidCreateReport = "com.atproto.moderation.createReport"
)

// MaxHiddenReplies is how many replies one threadgate can hide
// (app.bsky.feed.threadgate hiddenReplies maxLength: 300 since atproto
// commit 386f583 of October 2025, 50 before).
const MaxHiddenReplies = 300

// maxReportGraphemes is createReport's limit on the reason text.
const maxReportGraphemes = 2000

// Moderate applies one moderation action. Bluesky offers:
//   - hide / unhide: a reply under one of the account's own posts, by listing
//     it in the root post's threadgate (hiddenReplies); its reply rules stay;
//   - mute (private) and block (public) of the author;
//   - report of the comment (or of the author when no comment is named);
//   - delete of the account's own posts only.
//
// Anything else (reject, deleting other people's replies) is KindPermanent.
func (c *connector) Moderate(ctx context.Context, a platforms.ModerationAction) error {
	switch a.Kind {
	case platforms.ModerateHide:
		return c.setHidden(ctx, a, true)
	case platforms.ModerateUnhide:
		return c.setHidden(ctx, a, false)
	case platforms.ModerateDelete:
		return c.deleteOwn(ctx, a)
	case platforms.ModerateMute:
		return c.mute(ctx, a)
	case platforms.ModerateBlock:
		return c.block(ctx, a)
	case platforms.ModerateReport:
		return c.report(ctx, a)
	}
	return errPermanent("moderate: Bluesky has no " + clip(string(a.Kind), 40) + " action")
}

// setHidden adds the target reply to, or removes it from, the hiddenReplies
// of the thread root's threadgate. The record is read, changed and written
// back whole (allow rules and unknown fields kept), guarded by swapRecord; a
// concurrent change is retried once.
func (c *connector) setHidden(ctx context.Context, a platforms.ModerationAction, hide bool) error {
	target := strings.TrimSpace(a.TargetExternalID)
	if !isPostURI(target) {
		return errPermanent(nsidPutRecord + ": only replies (post at-uris) can be hidden")
	}
	did, err := c.session(ctx)
	if err != nil {
		return err
	}
	root := strings.TrimSpace(a.ThreadExternalID)
	if !isPostURI(root) {
		if root, err = c.rootOf(ctx, target); err != nil {
			return err
		}
	}
	ru, _ := parseATURI(root)
	switch {
	case ru.Authority != did:
		return errPermanent(nsidPutRecord + ": Bluesky lets you hide replies only under your own posts")
	case root == target:
		return errPermanent(nsidPutRecord + ": the first post of a thread cannot be hidden")
	}
	for attempt := 0; ; attempt++ {
		rec, cid, err := c.threadgate(ctx, did, ru.RKey)
		if err != nil {
			return err
		}
		var hidden []string
		if raw, ok := rec["hiddenReplies"]; ok && json.Unmarshal(raw, &hidden) != nil {
			return errPermanent(nsidGetRecord + ": the threadgate's hiddenReplies cannot be read")
		}
		has := slices.Contains(hidden, target)
		switch {
		case hide == has:
			return nil // already as asked
		case hide && len(hidden) >= MaxHiddenReplies:
			return errPermanent(nsidPutRecord + ": this post already hides the most replies Bluesky allows")
		case hide:
			hidden = append(hidden, target)
		default:
			hidden = slices.DeleteFunc(hidden, func(u string) bool { return u == target })
		}
		if hidden == nil {
			hidden = []string{}
		}
		rec["hiddenReplies"], _ = json.Marshal(hidden)
		if cid == "" {
			rec["$type"], _ = json.Marshal(collectionThreadgate)
			rec["post"], _ = json.Marshal(root)
			rec["createdAt"], _ = json.Marshal(formatTime(time.Now()))
			// No "allow": an absent list lets everyone reply, an empty one nobody.
		}
		in := map[string]any{"repo": did, "collection": collectionThreadgate, "rkey": ru.RKey, "record": rec}
		if cid != "" {
			in["swapRecord"] = cid
		}
		err = c.xrpc(ctx, call{nsid: nsidPutRecord, post: true, body: in}, nil)
		if err != nil && xrpcName(err) == "InvalidSwap" && attempt == 0 {
			continue // changed meanwhile (another device): read it again
		}
		return err
	}
}

// threadgate reads the threadgate record of the root post rkey; a missing
// one is an empty record and cid "".
func (c *connector) threadgate(ctx context.Context, did, rkey string) (map[string]json.RawMessage, string, error) {
	q := map[string][]string{"repo": {did}, "collection": {collectionThreadgate}, "rkey": {rkey}}
	var out recordOutput
	if err := c.xrpc(ctx, call{nsid: nsidGetRecord, query: q}, &out); err != nil {
		if xrpcName(err) == "RecordNotFound" {
			return map[string]json.RawMessage{}, "", nil
		}
		return nil, "", err
	}
	rec := map[string]json.RawMessage{}
	if err := json.Unmarshal(out.Value, &rec); err != nil || out.CID == "" {
		return nil, "", errTransient(nsidGetRecord + ": unreadable threadgate record")
	}
	return rec, out.CID, nil
}

// rootOf finds the root post of the thread a reply belongs to.
func (c *connector) rootOf(ctx context.Context, uri string) (string, error) {
	posts, err := c.getPosts(ctx, []string{uri})
	if err != nil {
		return "", err
	}
	p, ok := posts[uri]
	if !ok {
		return "", errPermanent(nsidGetPosts + ": the post no longer exists")
	}
	if r := p.record.Reply; r != nil && r.Root != nil && isPostURI(r.Root.URI) {
		return r.Root.URI, nil
	}
	return uri, nil
}

// deleteOwn deletes one of the account's own posts (others' replies can only be hidden).
func (c *connector) deleteOwn(ctx context.Context, a platforms.ModerationAction) error {
	did, err := c.session(ctx)
	if err != nil {
		return err
	}
	u, ok := parseATURI(strings.TrimSpace(a.TargetExternalID))
	if !ok || u.Collection != collectionPost {
		return errPermanent(nsidDeleteRecord + ": only posts (at-uris) can be deleted")
	}
	if u.Authority != did {
		return errPermanent(nsidDeleteRecord + ": Bluesky lets you delete only your own posts; hide the reply instead")
	}
	in := map[string]string{"repo": did, "collection": collectionPost, "rkey": u.RKey}
	return c.xrpc(ctx, call{nsid: nsidDeleteRecord, post: true, body: in}, nil)
}

// author is the DID (or handle) acted on: AuthorExternalID, else the target post's author.
func author(a platforms.ModerationAction) string {
	if s := strings.TrimSpace(a.AuthorExternalID); s != "" {
		return s
	}
	if u, ok := parseATURI(strings.TrimSpace(a.TargetExternalID)); ok {
		return u.Authority
	}
	return ""
}

// mute mutes the author for the account (private on Bluesky).
func (c *connector) mute(ctx context.Context, a platforms.ModerationAction) error {
	actor := author(a)
	if actor == "" {
		return errPermanent(nsidMuteActor + ": no author to mute")
	}
	return c.xrpc(ctx, call{nsid: nsidMuteActor, post: true, body: map[string]string{"actor": actor}}, nil)
}

// block writes an app.bsky.graph.block record for the author (public on Bluesky).
func (c *connector) block(ctx context.Context, a platforms.ModerationAction) error {
	subject := author(a)
	if !strings.HasPrefix(subject, "did:") {
		return errPermanent(nsidCreateRecord + ": blocking needs the author's DID")
	}
	did, err := c.session(ctx)
	if err != nil {
		return err
	}
	if subject == did {
		return errPermanent(nsidCreateRecord + ": the account cannot block itself")
	}
	rec := map[string]string{"$type": collectionBlock, "subject": subject, "createdAt": formatTime(time.Now())}
	in := map[string]any{"repo": did, "collection": collectionBlock, "record": rec}
	return c.xrpc(ctx, call{nsid: nsidCreateRecord, post: true, body: in}, nil)
}

// reportReasons map the first word of ModerationAction.Reason to a reasonType.
var reportReasons = map[string]string{
	"spam":       "com.atproto.moderation.defs#reasonSpam",
	"violation":  "com.atproto.moderation.defs#reasonViolation",
	"misleading": "com.atproto.moderation.defs#reasonMisleading",
	"sexual":     "com.atproto.moderation.defs#reasonSexual",
	"rude":       "com.atproto.moderation.defs#reasonRude",
	"other":      "com.atproto.moderation.defs#reasonOther",
}

// reportReason turns "spam: buys followers" into reasonSpam and the rest as
// the text; a reason without a known first word is reasonOther with all of it.
func reportReason(reason string) (reasonType, text string) {
	reason = strings.TrimSpace(reason)
	word, rest, _ := strings.Cut(reason, ":")
	if t, ok := reportReasons[strings.ToLower(strings.TrimSpace(word))]; ok {
		return t, strings.TrimSpace(rest)
	}
	if t, ok := reportReasons[strings.ToLower(reason)]; ok {
		return t, ""
	}
	return reportReasons["other"], reason
}

// report files a report with Bluesky's moderation service (the PDS forwards
// it): about the target post when one is named, else about the author's account.
func (c *connector) report(ctx context.Context, a platforms.ModerationAction) error {
	var subject map[string]string
	target := strings.TrimSpace(a.TargetExternalID)
	switch {
	case isPostURI(target):
		posts, err := c.getPosts(ctx, []string{target})
		if err != nil {
			return err
		}
		p, ok := posts[target]
		if !ok {
			return errPermanent(nsidCreateReport + ": the post no longer exists")
		}
		subject = map[string]string{"$type": "com.atproto.repo.strongRef", "uri": p.ref.URI, "cid": p.ref.CID}
	case strings.HasPrefix(author(a), "did:"):
		subject = map[string]string{"$type": "com.atproto.admin.defs#repoRef", "did": author(a)}
	default:
		return errPermanent(nsidCreateReport + ": nothing to report (no post at-uri or author DID)")
	}
	reasonType, text := reportReason(a.Reason)
	in := map[string]any{"reasonType": reasonType, "subject": subject}
	if text != "" {
		in["reason"] = truncateGraphemes(text, maxReportGraphemes)
	}
	return c.xrpc(ctx, call{nsid: nsidCreateReport, post: true, body: in}, nil)
}

// truncateGraphemes keeps the first n graphemes of s.
func truncateGraphemes(s string, n int) string {
	if graphemes(s) <= n {
		return s
	}
	var b strings.Builder
	g := uniseg.NewGraphemes(s)
	for i := 0; i < n && g.Next(); i++ {
		b.WriteString(g.Str())
	}
	return b.String()
}
