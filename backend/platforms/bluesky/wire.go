package bluesky

import "encoding/json"

// The XRPC objects this connector reads, limited to the fields it maps.
// Lists of items are kept as raw JSON and decoded one item at a time, so one
// malformed item is skipped instead of failing its page.

// Union $type values the connector tells apart.
const (
	typeMessageView        = "chat.bsky.convo.defs#messageView"
	typeDeletedMessageView = "chat.bsky.convo.defs#deletedMessageView"
	typeSystemMessageView  = "chat.bsky.convo.defs#systemMessageView"
	typeLogCreateMessage   = "chat.bsky.convo.defs#logCreateMessage"
	typeLogDeleteMessage   = "chat.bsky.convo.defs#logDeleteMessage"
	typeGroupConvo         = "chat.bsky.convo.defs#groupConvo"
	typePost               = "app.bsky.feed.post"
)

// knownLogTypes are the getLog events of the lexicon the connector has no use
// for: they are passed over silently. Any other unknown $type is counted as skipped.
var knownLogTypes = map[string]bool{}

func init() {
	for _, name := range []string{
		"logBeginConvo", "logAcceptConvo", "logLeaveConvo", "logMuteConvo", "logUnmuteConvo",
		"logReadMessage", "logAddReaction", "logRemoveReaction", "logReadConvo",
		"logAddMember", "logRemoveMember", "logMemberJoin", "logMemberLeave",
		"logLockConvo", "logUnlockConvo", "logLockConvoPermanently", "logEditGroup",
		"logCreateJoinLink", "logEditJoinLink", "logEnableJoinLink", "logDisableJoinLink",
		"logIncomingJoinRequest", "logApproveJoinRequest", "logRejectJoinRequest",
		"logOutgoingJoinRequest", "logWithdrawIncomingJoinRequest", "logWithdrawOutgoingJoinRequest",
		"logReadJoinRequests",
	} {
		knownLogTypes["chat.bsky.convo.defs#"+name] = true
	}
}

// profileView is the part of app.bsky.actor.defs#profileView(Basic) and
// chat.bsky.actor.defs#profileViewBasic the connector uses.
type profileView struct {
	DID         string `json:"did"`
	Handle      string `json:"handle"`
	DisplayName string `json:"displayName"`
}

// convoView is chat.bsky.convo.defs#convoView.
type convoView struct {
	ID      string            `json:"id"`
	Rev     string            `json:"rev"`
	Members []json.RawMessage `json:"members"`
	// Kind is a union: #directConvo or #groupConvo (which has a name).
	Kind *struct {
		Type string `json:"$type"`
		Name string `json:"name"`
	} `json:"kind"`
}

// listConvosOutput is chat.bsky.convo.listConvos's answer.
type listConvosOutput struct {
	Cursor string            `json:"cursor"`
	Convos []json.RawMessage `json:"convos"`
}

// getConvoOutput is chat.bsky.convo.getConvo's answer.
type getConvoOutput struct {
	Convo json.RawMessage `json:"convo"`
}

// getMessagesOutput is chat.bsky.convo.getMessages's answer.
type getMessagesOutput struct {
	Cursor          string            `json:"cursor"`
	Messages        []json.RawMessage `json:"messages"`
	RelatedProfiles []json.RawMessage `json:"relatedProfiles"`
}

// getLogOutput is chat.bsky.convo.getLog's answer.
type getLogOutput struct {
	Cursor string            `json:"cursor"`
	Logs   []json.RawMessage `json:"logs"`
}

// logEvent is the part of every getLog event the connector reads.
type logEvent struct {
	Type            string            `json:"$type"`
	Rev             string            `json:"rev"`
	ConvoID         string            `json:"convoId"`
	Message         json.RawMessage   `json:"message"`
	RelatedProfiles []json.RawMessage `json:"relatedProfiles"`
}

// chatMessageView covers messageView, deletedMessageView and systemMessageView.
type chatMessageView struct {
	Type   string  `json:"$type"`
	ID     string  `json:"id"`
	Rev    string  `json:"rev"`
	Text   *string `json:"text"`
	Sender *struct {
		DID string `json:"did"`
	} `json:"sender"`
	SentAt string `json:"sentAt"`
	// ReplyTo is the message this one answers (a union; only its id is used).
	ReplyTo *struct {
		Type string `json:"$type"`
		ID   string `json:"id"`
	} `json:"replyTo"`
	// Embed is a shared post (app.bsky.embed.record#view) or a join link.
	Embed *struct {
		Type   string `json:"$type"`
		Record *struct {
			URI string `json:"uri"`
		} `json:"record"`
	} `json:"embed"`
}

// notificationsOutput is app.bsky.notification.listNotifications's answer.
type notificationsOutput struct {
	Cursor        string            `json:"cursor"`
	Notifications []json.RawMessage `json:"notifications"`
}

// notification is app.bsky.notification.listNotifications#notification.
type notification struct {
	URI       string          `json:"uri"`
	CID       string          `json:"cid"`
	Author    *profileView    `json:"author"`
	Reason    string          `json:"reason"`
	Record    json.RawMessage `json:"record"`
	IndexedAt string          `json:"indexedAt"`
}

// postRecord is an app.bsky.feed.post record.
type postRecord struct {
	Type      string    `json:"$type"`
	Text      string    `json:"text"`
	CreatedAt string    `json:"createdAt"`
	Reply     *replyRef `json:"reply,omitempty"`
	Embed     *embed    `json:"embed,omitempty"`
}

// replyRef is app.bsky.feed.post#replyRef.
type replyRef struct {
	Root   *strongRef `json:"root"`
	Parent *strongRef `json:"parent"`
}

// strongRef is com.atproto.repo.strongRef.
type strongRef struct {
	URI string `json:"uri"`
	CID string `json:"cid"`
}

// embed is the part of a post's embed union that carries media.
type embed struct {
	Type   string     `json:"$type"`
	Images []embedImg `json:"images"`
	Video  *blob      `json:"video"`
	Alt    string     `json:"alt"`
	// Media is set on app.bsky.embed.recordWithMedia.
	Media *embed `json:"media"`
}

// embedImg is one image of app.bsky.embed.images.
type embedImg struct {
	Alt   string `json:"alt"`
	Image *blob  `json:"image"`
}

// blob is a blob reference (only its metadata is read).
type blob struct {
	MimeType string `json:"mimeType"`
	Size     int64  `json:"size"`
}

// postView is app.bsky.feed.defs#postView.
type postView struct {
	URI    string          `json:"uri"`
	CID    string          `json:"cid"`
	Author *profileView    `json:"author"`
	Record json.RawMessage `json:"record"`
}

// getPostsOutput is app.bsky.feed.getPosts's answer.
type getPostsOutput struct {
	Posts []json.RawMessage `json:"posts"`
}

// recordOutput is com.atproto.repo.getRecord's answer.
type recordOutput struct {
	URI   string          `json:"uri"`
	CID   string          `json:"cid"`
	Value json.RawMessage `json:"value"`
}

// writeOutput is createRecord's and putRecord's answer.
type writeOutput struct {
	URI string `json:"uri"`
	CID string `json:"cid"`
}
