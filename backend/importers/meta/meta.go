// Package meta reads the messages of Meta's "Download your information" in
// JSON format, for Instagram and Facebook Messenger alike: one
// messages/inbox/<chat>/message_N.json file, or the downloaded .zip, whose
// messages/{inbox,message_requests,archived_threads,filtered_threads}/*/message_*.json
// files are all read (message requests matter: brands often write there first).
//
// Text repair: Meta writes UTF-8 bytes as Latin-1 code points ("\u00c3\u00a9"
// for "é"); every name, title and text goes through Repair.
//
// Platform: Options.Platform when given; else the zip's layout (newer downloads
// put messages under your_instagram_activity/ or your_facebook_activity/; older
// Instagram ones have followers_and_following/, older Facebook ones friends/ or
// profile_information/); else the media paths inside the messages (same
// prefixes); else the file name ("instagram-ana-2024-….zip"). When nothing
// tells, the parse fails asking for the platform rather than guessing.
//
// Ids: ThreadExternalID is the conversation's id from thread_path (see
// threadFile.threadKey); ExternalID hashes (thread, timestamp_ms, sender,
// content, occurrence index), so re-imports and overlapping downloads merge.
//
// Owner: Options.Owner (the exporter's name as Meta shows it); else, in a zip
// with several conversations, the one participant present in all of them.
// Without either every message is Direction in.
package meta

import (
	"fmt"
	"io"
	"path"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"creatordesk/backend/importers/archive"
)

// Kind is this importer's kind name.
const Kind = "meta"

// messageFile matches the conversation files of a download, at any depth.
var messageFile = regexp.MustCompile(`(?:^|/)messages/(?:inbox|message_requests|archived_threads|filtered_threads)/[^/]+/message_(\d+)\.(json|html)$`)

// Parse reads one message_N.json or a whole download zip.
func Parse(r io.Reader, name string, opts archive.Options) (archive.Archive, error) {
	in, err := archive.Open(r, name)
	if err != nil {
		return archive.Archive{}, err
	}
	var files []threadFile
	var layout []string
	if in.IsZip {
		files, layout, err = readZip(in)
	} else {
		in.SkipBOM()
		if !in.LooksLikeJSON() {
			return archive.Archive{}, archive.Errorf(name, "line 1",
				"this is neither JSON nor a zip (it starts with %s): a Meta download is a .zip, or a messages/inbox/<chat>/message_1.json inside it, requested in JSON format", in.Opening())
		}
		var tf threadFile
		tf, err = readThread(in.R, name, "")
		files = []threadFile{tf}
	}
	if err != nil {
		return archive.Archive{}, err
	}
	platform, how, err := decidePlatform(opts.Platform, layout, files, name)
	if err != nil {
		return archive.Archive{}, err
	}
	return convert(files, platform, how, opts), nil
}

// readZip reads every conversation file of a download, in path order.
func readZip(in *archive.Input) ([]threadFile, []string, error) {
	zr, err := in.Zip()
	if err != nil {
		return nil, nil, err
	}
	type found struct {
		name string
		dir  string
		n    int
	}
	var list []found
	var layout []string
	html := false
	for _, f := range zr.File {
		if strings.HasPrefix(f.Name, "__MACOSX/") {
			continue
		}
		layout = append(layout, f.Name)
		m := messageFile.FindStringSubmatch(f.Name)
		if m == nil {
			continue
		}
		if m[2] == "html" {
			html = true
			continue
		}
		n, _ := strconv.Atoi(m[1])
		list = append(list, found{f.Name, path.Dir(f.Name), n})
	}
	if len(list) == 0 {
		why := "the zip holds no messages/inbox/<chat>/message_N.json: is this an Instagram or Facebook \"Download your information\" archive with messages in it?"
		if html {
			why = "the zip holds messages in HTML only: request the download again with format JSON"
		}
		return nil, nil, archive.Errorf(in.Name, "zip", "%s", why)
	}
	sort.Slice(list, func(i, j int) bool {
		if list[i].dir != list[j].dir {
			return list[i].dir < list[j].dir
		}
		return list[i].n < list[j].n
	})
	files := make([]threadFile, 0, len(list))
	for _, f := range list {
		zf, err := zr.Open(f.name)
		if err != nil {
			return nil, nil, archive.Errorf(in.Name, f.name, "this file of the zip cannot be opened (%v)", err)
		}
		tf, err := readThread(archive.LimitReader(zf, archive.MaxFileSize), in.Name, f.name)
		zf.Close()
		if err != nil {
			return nil, nil, err
		}
		files = append(files, tf)
	}
	return files, layout, nil
}

// decidePlatform tells Instagram from Facebook (see the package doc).
func decidePlatform(forced string, layout []string, files []threadFile, name string) (string, string, error) {
	switch strings.ToLower(strings.TrimSpace(forced)) {
	case "instagram", "facebook":
		p := strings.ToLower(strings.TrimSpace(forced))
		return p, "the platform is " + p + ", as given", nil
	case "":
	default:
		return "", "", archive.Errorf(name, "options", "unknown platform %q: say instagram or facebook", forced)
	}
	if p := platformOfPaths(layout, true); p != "" {
		return p, "the platform is " + p + ", from the layout of the download", nil
	}
	var uris []string
	for _, tf := range files {
		for _, m := range tf.msgs {
			for _, list := range [][]media{m.Photos, m.Videos, m.Audio, m.Files, m.Gifs} {
				for _, x := range list {
					uris = append(uris, x.URI)
				}
			}
			if m.Sticker != nil {
				uris = append(uris, m.Sticker.URI)
			}
		}
	}
	if p := platformOfPaths(uris, false); p != "" {
		return p, "the platform is " + p + ", from the media paths in the messages", nil
	}
	lower := strings.ToLower(path.Base(strings.ReplaceAll(name, `\`, "/")))
	switch {
	case strings.Contains(lower, "instagram"):
		return "instagram", "the platform is instagram, from the file name", nil
	case strings.Contains(lower, "facebook") || strings.Contains(lower, "messenger"):
		return "facebook", "the platform is facebook, from the file name", nil
	}
	return "", "", archive.Errorf(name, "file", "nothing in this file tells whether it comes from Instagram or from Facebook: give the platform (instagram or facebook)")
}

// platformOfPaths finds the folders that only one platform's download has.
func platformOfPaths(paths []string, layout bool) string {
	for _, p := range paths {
		p = "/" + strings.TrimPrefix(p, "/")
		switch {
		case strings.Contains(p, "/your_instagram_activity/"):
			return "instagram"
		case strings.Contains(p, "/your_facebook_activity/"):
			return "facebook"
		}
	}
	if !layout {
		return ""
	}
	for _, p := range paths {
		p = "/" + strings.TrimPrefix(p, "/")
		switch {
		case strings.Contains(p, "/followers_and_following/"):
			return "instagram"
		case strings.Contains(p, "/friends/"), strings.Contains(p, "/profile_information/"):
			return "facebook"
		}
	}
	return ""
}

// sortedCopy returns s sorted, leaving s alone.
func sortedCopy(s []string) []string {
	c := append([]string(nil), s...)
	sort.Strings(c)
	return c
}

// where locates a message for Skipped.
func where(tf threadFile, m metaMsg) string {
	if tf.entry == "" {
		return fmt.Sprintf("message %d", m.index)
	}
	return fmt.Sprintf("%s message %d", tf.entry, m.index)
}
