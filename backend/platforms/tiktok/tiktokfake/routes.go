package tiktokfake

import (
	"encoding/json"
	"net/http"
	"sort"
	"strconv"
	"strings"
	"time"
)

// prefix is the versioned API root.
const prefix = "/open_api/v1.3"

// serve routes one request.
func (s *Server) serve(w http.ResponseWriter, r *http.Request) {
	if s.Faults.Down() {
		http.Error(w, "down", http.StatusBadGateway)
		return
	}
	path := strings.TrimPrefix(r.URL.Path, prefix)
	if _, ok := s.limited.Take(); ok {
		write(w, CodeRateLimited, "Too many requests. Please retry in some time.", nil)
		return
	}
	if f, ok := s.Faults.TakeFailure(); ok {
		w.WriteHeader(f.Status)
		write(w, CodeServer, "Internal service error.", nil)
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if path == "/tt_user/oauth2/refresh_token/" && r.Method == http.MethodPost {
		s.refreshToken(w, r)
		return
	}
	tok := r.Header.Get("Access-Token")
	exp, ok := s.tokens[tok]
	switch {
	case !ok:
		write(w, CodeTokenInvalid, "Access token is invalid or has been revoked.", nil)
		return
	case !s.Clock.Now().Before(exp):
		write(w, CodeTokenExpired, "Access token has expired.", nil)
		return
	}
	var body map[string]string
	if r.Method == http.MethodPost {
		if err := json.NewDecoder(r.Body).Decode(&body); err != nil {
			write(w, CodeBadParam, "Invalid JSON body.", nil)
			return
		}
	}
	q := r.URL.Query()
	bid := q.Get("business_id")
	if r.Method == http.MethodPost {
		bid = body["business_id"]
	}
	if bid != s.Account.ID {
		write(w, CodeNotAllowed, "No permission to operate this business_id.", nil)
		return
	}
	switch {
	case path == "/business/get/" && r.Method == http.MethodGet:
		write(w, 0, "OK", map[string]any{"username": s.Account.Username, "display_name": s.Account.Name, "is_business_account": !s.Personal})
	case s.Personal:
		write(w, CodeNotAllowed, "This API is only available for TikTok Business accounts.", nil)
	case path == "/business/video/list/" && r.Method == http.MethodGet:
		s.listVideos(w, q)
	case path == "/business/comment/list/" && r.Method == http.MethodGet:
		s.listComments(w, q, "")
	case path == "/business/comment/reply/list/" && r.Method == http.MethodGet:
		s.listComments(w, q, q.Get("comment_id"))
	case (path == "/business/comment/reply/create/" || path == "/business/comment/create/") && r.Method == http.MethodPost:
		s.create(w, body, path == "/business/comment/reply/create/")
	case path == "/business/comment/hide/" && r.Method == http.MethodPost:
		s.hide(w, body)
	case path == "/business/comment/delete/" && r.Method == http.MethodPost:
		c := s.find(body["comment_id"])
		switch {
		case c == nil:
			write(w, CodeBadParam, "Comment does not exist.", nil)
		case c.Author.ID != s.Account.ID:
			write(w, CodeNotAllowed, "You can only delete comments posted by your own account.", nil)
		default:
			id := c.ID
			out := s.comments[:0]
			for _, x := range s.comments {
				if x.ID != id && x.Parent != id {
					out = append(out, x)
				}
			}
			s.comments = out
			write(w, 0, "OK", nil)
		}
	default:
		w.WriteHeader(http.StatusNotFound)
		write(w, 40400, "Not found: "+path, nil)
	}
}

// pageParams reads cursor and max_count (at most maxCount).
func pageParams(q map[string][]string, maxCount int) (int, int, bool) {
	get := func(k string) string {
		if v := q[k]; len(v) > 0 {
			return v[0]
		}
		return ""
	}
	cur, limit := 0, maxCount
	if v := get("cursor"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 0 {
			return 0, 0, false
		}
		cur = n
	}
	if v := get("max_count"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n <= 0 || n > maxCount {
			return 0, 0, false
		}
		limit = n
	}
	return cur, limit, true
}

// listVideos answers /business/video/list/ (newest first).
func (s *Server) listVideos(w http.ResponseWriter, q map[string][]string) {
	cur, limit, ok := pageParams(q, 20)
	if !ok {
		write(w, CodeBadParam, "Invalid cursor or max_count.", nil)
		return
	}
	end := min(cur+limit, len(s.videos))
	start := min(cur, end)
	out := []map[string]any{}
	for _, v := range s.videos[start:end] {
		n := 0
		for _, c := range s.comments {
			if c.Video == v.ID {
				n++
			}
		}
		out = append(out, map[string]any{"item_id": v.ID, "create_time": strconv.FormatInt(v.At.Unix(), 10), "caption": v.Caption, "comments": n})
	}
	write(w, 0, "OK", map[string]any{"videos": out, "cursor": end, "has_more": end < len(s.videos)})
}

// listComments answers the comment list (parent "") or a comment's reply list.
func (s *Server) listComments(w http.ResponseWriter, q map[string][]string, parent string) {
	cur, limit, ok := pageParams(q, 30)
	if !ok {
		write(w, CodeBadParam, "Invalid cursor or max_count.", nil)
		return
	}
	video := ""
	if v := q["video_id"]; len(v) > 0 {
		video = v[0]
	}
	all := len(q["status"]) > 0 && q["status"][0] == "ALL"
	desc := !(len(q["sort_order"]) > 0 && q["sort_order"][0] == "asc")
	var items []*Comment
	for _, c := range s.comments {
		if c.Video == video && c.Parent == parent && (all || !c.Hidden) {
			items = append(items, c)
		}
	}
	sort.SliceStable(items, func(i, j int) bool {
		if !items[i].At.Equal(items[j].At) {
			return items[i].At.After(items[j].At) == desc
		}
		return (items[i].ID > items[j].ID) == desc
	})
	end := min(cur+limit, len(items))
	start := min(cur, end)
	withReplies := parent == "" && len(q["include_replies"]) > 0 && q["include_replies"][0] == "true"
	out := []any{}
	for _, c := range items[start:end] {
		if c.Raw != nil {
			out = append(out, c.Raw)
			continue
		}
		item := s.render(c)
		if withReplies {
			var rl []any
			for _, r := range s.comments {
				if r.Parent == c.ID && (all || !r.Hidden) && len(rl) < IncludedReplies {
					if r.Raw != nil {
						rl = append(rl, r.Raw)
					} else {
						rl = append(rl, s.render(r))
					}
				}
			}
			item["reply_list"] = rl
		}
		out = append(out, item)
	}
	write(w, 0, "OK", map[string]any{"comments": out, "cursor": end, "has_more": end < len(items)})
}

// render is a comment as the API shows it.
func (s *Server) render(c *Comment) map[string]any {
	replies := 0
	for _, r := range s.comments {
		if r.Parent == c.ID {
			replies++
		}
	}
	status := "PUBLIC"
	if c.Hidden {
		status = "HIDDEN"
	}
	parent := c.Parent
	if parent == "" {
		parent = c.Video
	}
	return map[string]any{"comment_id": c.ID, "video_id": c.Video, "unique_identifier": "uid-" + c.Author.ID, "user_id": c.Author.ID,
		"create_time": c.At.Unix(), "text": c.Text, "likes": 0, "replies": replies, "owner": c.Author.ID == s.Account.ID,
		"status": status, "username": c.Author.Username, "display_name": c.Author.Name, "parent_comment_id": parent}
}

// create answers comment/create and comment/reply/create.
func (s *Server) create(w http.ResponseWriter, b map[string]string, reply bool) {
	text := b["text"]
	if text == "" || len([]rune(text)) > 150 {
		write(w, CodeBadParam, "text: length must be between 1 and 150.", nil)
		return
	}
	known := false
	for _, v := range s.videos {
		known = known || v.ID == b["video_id"]
	}
	if !known {
		write(w, CodeBadParam, "video_id does not exist.", nil)
		return
	}
	parent := ""
	if reply {
		p := s.find(b["comment_id"])
		if p == nil || p.Video != b["video_id"] {
			write(w, CodeBadParam, "comment_id does not exist.", nil)
			return
		}
		parent = p.ID
		if p.Parent != "" {
			parent = p.Parent // TikTok threads replies under the top-level comment
		}
	}
	s.nextID++
	c := &Comment{ID: strconv.Itoa(7490000000000000000 + s.nextID), Video: b["video_id"], Parent: parent, Author: s.Account, Text: text, At: s.Clock.Now()}
	s.comments = append(s.comments, c)
	write(w, 0, "OK", s.render(c))
}

// hide answers comment/hide.
func (s *Server) hide(w http.ResponseWriter, b map[string]string) {
	c := s.find(b["comment_id"])
	switch {
	case b["video_id"] == "":
		write(w, CodeBadParam, "video_id is required.", nil)
	case c == nil || c.Video != b["video_id"]:
		write(w, CodeBadParam, "Comment does not exist.", nil)
	case b["action"] != "HIDE" && b["action"] != "UNHIDE":
		write(w, CodeBadParam, "action must be HIDE or UNHIDE.", nil)
	default:
		c.Hidden = b["action"] == "HIDE"
		write(w, 0, "OK", nil)
	}
}

// refreshToken answers /tt_user/oauth2/refresh_token/ and rotates the refresh token.
func (s *Server) refreshToken(w http.ResponseWriter, r *http.Request) {
	var b map[string]string
	if json.NewDecoder(r.Body).Decode(&b) != nil || b["client_id"] != s.AppID || b["client_secret"] != s.AppSecret {
		write(w, 40101, "The app_id and secret combination is invalid.", nil)
		return
	}
	if b["grant_type"] != "refresh_token" || !s.refresh[b["refresh_token"]] {
		write(w, CodeTokenInvalid, "refresh_token is invalid or expired.", nil)
		return
	}
	delete(s.refresh, b["refresh_token"])
	s.nextID++
	access := "act.fresh" + strconv.Itoa(s.nextID) + "xxxxxxxxxxxxxxxx"
	refresh := "rft.fresh" + strconv.Itoa(s.nextID) + "xxxxxxxxxxxxxxxx"
	s.tokens[access] = s.Clock.Now().Add(24 * time.Hour)
	s.refresh[refresh] = true
	write(w, 0, "OK", map[string]any{"access_token": access, "expires_in": 86400, "open_id": s.Account.ID,
		"refresh_token": refresh, "refresh_token_expires_in": 31536000, "scope": "comment.list,comment.list.manage", "token_type": "Bearer"})
}
