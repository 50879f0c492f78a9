package meta

import (
	"encoding/json"
	"io"
	"path"
	"strings"

	"creatordesk/backend/importers/archive"
	"creatordesk/backend/importers/internal/jsonwalk"
)

// media is one photo, video, audio file, file, gif or sticker of a message.
type media struct {
	URI string `json:"uri"`
}

// metaMsg is the part of a downloaded message this importer reads.
type metaMsg struct {
	Sender    string      `json:"sender_name"`
	Timestamp json.Number `json:"timestamp_ms"`
	Content   *string     `json:"content"`
	Photos    []media     `json:"photos"`
	Videos    []media     `json:"videos"`
	Audio     []media     `json:"audio_files"`
	Files     []media     `json:"files"`
	Gifs      []media     `json:"gifs"`
	Sticker   *media      `json:"sticker"`
	Share     *struct {
		Link      string `json:"link"`
		ShareText string `json:"share_text"`
	} `json:"share"`
	IsUnsent     bool         `json:"is_unsent"`
	Type         string       `json:"type"`
	CallDuration *json.Number `json:"call_duration"`

	index int    // 1-based position in the file
	bad   string // why it could not be decoded
}

// threadFile is one message_N.json.
type threadFile struct {
	entry        string // its path inside the zip ("" for a lone file)
	participants []string
	title        string
	threadPath   string
	msgs         []metaMsg
}

// what names the expected file in error messages.
const what = "a Meta message file (messages/inbox/<chat>/message_1.json)"

// readThread streams one message_N.json. name is the file the user gave, entry
// the path inside the zip (empty for a lone file).
func readThread(r io.Reader, name, entry string) (threadFile, error) {
	tf := threadFile{entry: entry}
	dec := jsonwalk.New(r)
	errName := name
	if entry != "" {
		errName = name + " (" + entry + ")"
	}
	seen := map[string]bool{}
	err := jsonwalk.Object(dec, func(key string) error {
		seen[key] = true
		switch key {
		case "participants":
			return jsonwalk.Array(dec, func(int) error {
				var p struct {
					Name string `json:"name"`
				}
				if err := dec.Decode(&p); err != nil && jsonwalk.StreamBroken(err) {
					return err
				}
				if p.Name != "" {
					tf.participants = append(tf.participants, Repair(p.Name))
				}
				return nil
			})
		case "messages":
			return jsonwalk.Array(dec, func(i int) error {
				var m metaMsg
				if err := dec.Decode(&m); err != nil {
					if jsonwalk.StreamBroken(err) {
						return err
					}
					m = metaMsg{bad: jsonwalk.Explain(err)}
				}
				m.index = i + 1
				tf.msgs = append(tf.msgs, m)
				return nil
			})
		case "title", "thread_path":
			var s *string
			if err := dec.Decode(&s); err != nil && jsonwalk.StreamBroken(err) {
				return err
			}
			if s != nil && key == "title" {
				tf.title = Repair(*s)
			} else if s != nil {
				tf.threadPath = Repair(*s)
			}
			return nil
		case "personal_information", "chats":
			return archive.Errorf(errName, "file", "this looks like a Telegram Desktop export (it has %q), not %s: import it as telegram-desktop", key, what)
		}
		return jsonwalk.Skip(dec)
	})
	if err != nil {
		return tf, jsonwalk.FileError(errName, dec, err, what)
	}
	if _, err := dec.Token(); err != io.EOF {
		return tf, archive.Errorf(errName, dec.Where(dec.InputOffset()), "there is more data after the end of the JSON document")
	}
	switch {
	case !seen["messages"]:
		return tf, archive.Errorf(errName, "file", "there is no \"messages\" list: this is not %s", what)
	case !seen["participants"] && !seen["thread_path"]:
		if seen["id"] || seen["type"] {
			return tf, archive.Errorf(errName, "file", "this looks like a Telegram Desktop chat export, not %s: import it as telegram-desktop", what)
		}
		return tf, archive.Errorf(errName, "file", "there is no \"participants\" list: this is not %s", what)
	}
	return tf, nil
}

// threadFolders are the folders of a download that hold conversations.
var threadFolders = []string{"inbox", "message_requests", "archived_threads", "filtered_threads"}

// threadKey is the stable id of a conversation. thread_path is
// "<folder>/<name>_<thread id>"; the folder changes when a message request is
// accepted or a chat archived, and the name part when the other person renames,
// so the key is the thread id after the last "_" (the whole last element when
// it has no such id). Files without thread_path use their zip folder; a lone
// file without either is keyed by its title and participants.
func (tf threadFile) threadKey() string {
	tp := strings.Trim(strings.ReplaceAll(tf.threadPath, `\`, "/"), "/")
	if tp == "" && tf.entry != "" {
		tp = path.Dir(tf.entry)
	}
	if tp == "" || tp == "." {
		return "title:" + archive.HashID(append([]string{tf.title}, sortedCopy(tf.participants)...)...)[:16]
	}
	last := path.Base(tp)
	if i := strings.LastIndex(last, "_"); i >= 0 && isThreadID(last[i+1:]) {
		return last[i+1:]
	}
	return last
}

// isThreadID reports an alphanumeric id of at least 5 characters with a digit.
func isThreadID(s string) bool {
	digit := false
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			digit = true
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z':
		default:
			return false
		}
	}
	return digit && len(s) >= 5
}
