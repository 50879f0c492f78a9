package youtube

import "encoding/json"

// The YouTube resources this connector reads, limited to the fields it maps.
// Unknown fields are ignored; a field of the wrong JSON type fails the item.

// apiChannel is a channel resource (channels.list).
type apiChannel struct {
	ID      string `json:"id"`
	Snippet struct {
		Title     string `json:"title"`
		CustomURL string `json:"customUrl"`
	} `json:"snippet"`
}

// apiVideo is a video resource (videos.list).
type apiVideo struct {
	ID      string `json:"id"`
	Snippet struct {
		Title string `json:"title"`
	} `json:"snippet"`
}

// apiList is the envelope of list answers; items are decoded one by one, so a
// malformed item can be skipped and counted.
type apiList struct {
	NextPageToken string            `json:"nextPageToken"`
	Items         []json.RawMessage `json:"items"`
}

// apiThread is a commentThread resource. The top-level comment and the
// replies are decoded on their own.
type apiThread struct {
	ID      string `json:"id"`
	Snippet *struct {
		ChannelID       string          `json:"channelId"`
		VideoID         string          `json:"videoId"`
		TopLevelComment json.RawMessage `json:"topLevelComment"`
		TotalReplyCount int64           `json:"totalReplyCount"`
	} `json:"snippet"`
	Replies *struct {
		Comments []json.RawMessage `json:"comments"`
	} `json:"replies"`
}

// apiComment is a comment resource.
type apiComment struct {
	ID      string `json:"id"`
	Snippet *struct {
		AuthorDisplayName string `json:"authorDisplayName"`
		AuthorChannelURL  string `json:"authorChannelUrl"`
		AuthorChannelID   *struct {
			Value string `json:"value"`
		} `json:"authorChannelId"`
		VideoID      string `json:"videoId"`
		TextDisplay  string `json:"textDisplay"`
		TextOriginal string `json:"textOriginal"`
		ParentID     string `json:"parentId"`
		PublishedAt  string `json:"publishedAt"`
		UpdatedAt    string `json:"updatedAt"`
		// ModerationStatus is only returned to the channel's owner, and not
		// for a lookup by id: heldForReview, likelySpam, published, rejected.
		ModerationStatus string `json:"moderationStatus"`
	} `json:"snippet"`
}

// validID reports whether id can be used in a query, a log line and a cursor
// as it is: 1 to 128 characters of [A-Za-z0-9._-]. YouTube's comment ids
// ("Ugx…AaABAg", replies "<parent>.<suffix>"), channel ids ("UC…") and video
// ids all qualify.
func validID(id string) bool {
	if id == "" || len(id) > 128 {
		return false
	}
	for i := 0; i < len(id); i++ {
		c := id[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '_' || c == '-') {
			return false
		}
	}
	return true
}
