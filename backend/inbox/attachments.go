package inbox

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"mime"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"creatordesk/backend/platforms"
	"creatordesk/backend/store"
)

// Files sent with a message. The composer hands the bytes over (the
// desktop bridge carries them base64-encoded, hence the cap); the gate checks
// them against what the platform accepts (the connector's AttachmentRules),
// copies them into the data folder as attachments/<sha256> (mode 0600) and
// records them with the queued message before the platform is called, so a
// crash or a retry never loses them. Each file goes out as one platform
// message; the text is the first file's caption.
const (
	// MaxFileBytes is the largest file the app takes, whatever the platform allows.
	MaxFileBytes = 25 << 20
	// MaxAttachments is how many files one message may carry.
	MaxAttachments = 10
	// attachmentsFolder is the data folder's sub-folder for the copies.
	attachmentsFolder = "attachments"
)

// AttachmentInput is one file offered to the send gate.
type AttachmentInput struct {
	Name     string
	MimeType string
	Data     []byte
}

// Errors that refuse files before anything is stored.
var (
	// ErrOutboundNotHere: files and templates cannot go with a private reply, nor together.
	ErrOutboundNotHere = keyedError{code: "outbound_not_here", key: "errors.outbound.notHere",
		msg: "inbox: files and templates cannot be sent this way"}
	// ErrAttachmentEmpty: a file has no bytes.
	ErrAttachmentEmpty = keyedError{code: "attachment_empty", key: "errors.outbound.attachEmpty",
		msg: "inbox: the file is empty"}
	// ErrNoAttachmentFolder: the workspace has no data folder to keep the copies in.
	ErrNoAttachmentFolder = keyedError{code: "attachment_no_folder", key: "errors.outbound.attachNoFolder",
		msg: "inbox: this workspace has no data folder for attachments"}
)

// TooManyAttachmentsError: more files than one message may carry.
type TooManyAttachmentsError struct{ Max int }

// Error implements error.
func (e *TooManyAttachmentsError) Error() string {
	return fmt.Sprintf("inbox: at most %d files per message", e.Max)
}

// ErrorKey implements app.KeyedError.
func (e *TooManyAttachmentsError) ErrorKey() (string, string, map[string]string) {
	return "attachment_too_many", "errors.outbound.attachTooMany", map[string]string{"max": fmt.Sprint(e.Max)}
}

// AttachmentsUnsupportedError: the platform (or its connector) sends no files here.
type AttachmentsUnsupportedError struct{ Platform string }

// Error implements error.
func (e *AttachmentsUnsupportedError) Error() string {
	return fmt.Sprintf("inbox: CreatorDesk cannot send files on %s here", e.Platform)
}

// ErrorKey implements app.KeyedError.
func (e *AttachmentsUnsupportedError) ErrorKey() (string, string, map[string]string) {
	return "attachment_unsupported", "errors.outbound.attachUnsupported", map[string]string{"platform": PlatformLabel(e.Platform)}
}

// AttachmentTypeError: the platform does not take this kind of file.
type AttachmentTypeError struct {
	Platform, Name, MimeType string
	// Allowed lists the accepted file endings (".jpg, .png, .pdf").
	Allowed string
}

// Error implements error.
func (e *AttachmentTypeError) Error() string {
	return fmt.Sprintf("inbox: %s does not take %s files (%s)", e.Platform, e.MimeType, e.Name)
}

// ErrorKey implements app.KeyedError.
func (e *AttachmentTypeError) ErrorKey() (string, string, map[string]string) {
	return "attachment_type", "errors.outbound.attachType",
		map[string]string{"platform": PlatformLabel(e.Platform), "name": e.Name, "allowed": e.Allowed}
}

// AttachmentTooLargeError: the file is larger than the platform (or the app) takes.
type AttachmentTooLargeError struct {
	Platform, Name string
	Size, Max      int64
}

// Error implements error.
func (e *AttachmentTooLargeError) Error() string {
	return fmt.Sprintf("inbox: %s is %d bytes; %s takes at most %d", e.Name, e.Size, e.Platform, e.Max)
}

// ErrorKey implements app.KeyedError; sizes are in megabytes with one decimal.
func (e *AttachmentTooLargeError) ErrorKey() (string, string, map[string]string) {
	return "attachment_too_large", "errors.outbound.attachTooLarge",
		map[string]string{"platform": PlatformLabel(e.Platform), "name": e.Name, "max": megabytes(e.Max), "size": megabytes(e.Size)}
}

// megabytes formats a byte count as megabytes ("8", "0.5").
func megabytes(n int64) string {
	s := fmt.Sprintf("%.1f", float64(n)/(1<<20))
	return strings.TrimSuffix(s, ".0")
}

// AttachmentRules returns what files conv's account can send there, each
// capped at MaxFileBytes (ok false: none). The connector is built but not
// called over the network.
func (s *Service) AttachmentRules(ctx context.Context, conv store.Conversation) ([]platforms.AttachmentRule, bool, error) {
	if s.Connectors == nil {
		return nil, false, nil
	}
	conn, _, err := s.Connectors.Connector(ctx, conv.AccountID)
	if err != nil {
		return nil, false, err
	}
	as, ok := conn.(platforms.AttachmentSender)
	if !ok || !platforms.Has(conn.Capabilities(), platforms.CapSendAttachment) {
		return nil, false, nil
	}
	rules := as.AttachmentRules(platforms.ThreadKind(conv.Kind))
	out := make([]platforms.AttachmentRule, 0, len(rules))
	for _, r := range rules {
		r.MaxBytes = min(r.MaxBytes, MaxFileBytes)
		out = append(out, r)
	}
	return out, len(out) > 0, nil
}

// stageAttachments checks files against the platform's rules. Nothing is
// written yet.
func (s *Service) stageAttachments(ctx context.Context, conv store.Conversation, files []AttachmentInput) ([]store.OutgoingAttachment, error) {
	if len(files) > MaxAttachments {
		return nil, &TooManyAttachmentsError{Max: MaxAttachments}
	}
	rules, ok, err := s.AttachmentRules(ctx, conv)
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, &AttachmentsUnsupportedError{Platform: conv.Platform}
	}
	out := make([]store.OutgoingAttachment, 0, len(files))
	for _, f := range files {
		a, err := checkFile(conv.Platform, rules, f)
		if err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	return out, nil
}

// checkFile matches one file to a rule: its type (the declared one, else
// the name's, else the bytes'), its size, and for images that the bytes
// really are an image.
func checkFile(platform string, rules []platforms.AttachmentRule, f AttachmentInput) (store.OutgoingAttachment, error) {
	name := cleanName(f.Name)
	if len(f.Data) == 0 {
		return store.OutgoingAttachment{}, ErrAttachmentEmpty
	}
	mt := normalMime(f.MimeType)
	if mt == "" || mt == "application/octet-stream" {
		mt = normalMime(mime.TypeByExtension(strings.ToLower(filepath.Ext(name))))
	}
	sniffed := normalMime(http.DetectContentType(f.Data))
	if mt == "" {
		mt = sniffed
	}
	rule, ok := platforms.RuleFor(rules, mt)
	if !ok || Blocked(name, mt) || (rule.Kind == platforms.AttachImage && !strings.HasPrefix(sniffed, "image/")) {
		return store.OutgoingAttachment{}, &AttachmentTypeError{Platform: platform, Name: name, MimeType: mt, Allowed: allowedList(rules)}
	}
	size := int64(len(f.Data))
	if limit := min(rule.MaxBytes, MaxFileBytes); size > limit {
		return store.OutgoingAttachment{}, &AttachmentTooLargeError{Platform: platform, Name: name, Size: size, Max: limit}
	}
	sum := sha256.Sum256(f.Data)
	return store.OutgoingAttachment{SHA256: hex.EncodeToString(sum[:]), Name: name, MimeType: mt, Kind: rule.Kind, Size: size}, nil
}

// BlockedExtensions are programs and scripts CreatorDesk never sends, even
// where a platform would take any file: a creator's inbox is no place to
// pass on something that runs when opened.
var BlockedExtensions = []string{".exe", ".msi", ".bat", ".cmd", ".com", ".scr", ".pif", ".vbs", ".js", ".jse",
	".wsf", ".ps1", ".sh", ".jar", ".apk", ".app", ".dmg", ".deb", ".rpm", ".dll", ".lnk", ".reg", ".hta"}

// blockedMimes are the same programs by MIME type.
var blockedMimes = map[string]bool{"application/x-msdownload": true, "application/x-msdos-program": true,
	"application/x-msi": true, "application/x-sh": true, "application/x-executable": true,
	"application/java-archive": true, "application/vnd.android.package-archive": true, "text/javascript": true,
	"application/javascript": true, "application/x-bat": true}

// Blocked reports whether a file is a program or script the gate refuses.
func Blocked(name, mimeType string) bool {
	ext := strings.ToLower(filepath.Ext(name))
	for _, b := range BlockedExtensions {
		if ext == b {
			return true
		}
	}
	return blockedMimes[normalMime(mimeType)]
}

// normalMime lower-cases a MIME type and drops its parameters.
func normalMime(mt string) string {
	mt = strings.ToLower(strings.TrimSpace(mt))
	if i := strings.IndexByte(mt, ';'); i >= 0 {
		mt = strings.TrimSpace(mt[:i])
	}
	return mt
}

// cleanName keeps a file name's last path element, without control
// characters, at most 200 bytes; "file" when nothing is left.
func cleanName(name string) string {
	name = filepath.Base(strings.ReplaceAll(name, "\\", "/"))
	name = strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f {
			return -1
		}
		return r
	}, name)
	for len(name) > 200 {
		_, size := utf8.DecodeLastRuneInString(name)
		name = name[:len(name)-size]
	}
	if name == "" || name == "." || name == "/" {
		return "file"
	}
	return name
}

// allowedList lists the file endings the rules accept.
func allowedList(rules []platforms.AttachmentRule) string {
	var exts []string
	for _, r := range rules {
		exts = append(exts, r.Extensions...)
	}
	return strings.Join(exts, ", ")
}

// attachmentDir is where copies are kept: AttachmentDir, else the
// attachments folder beside the database file.
func (s *Service) attachmentDir() (string, error) {
	dir := s.AttachmentDir
	if dir == "" && s.Store.Path != "" {
		dir = filepath.Join(filepath.Dir(s.Store.Path), attachmentsFolder)
	}
	if dir == "" {
		return "", ErrNoAttachmentFolder
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", fmt.Errorf("inbox: attachments folder: %w", err)
	}
	return dir, nil
}

// keepCopy writes data as dir/sha (readable by the user only) unless an
// identical copy is already there; a temporary file and a rename keep a
// crash from leaving half a file under the final name.
func keepCopy(dir, sha string, data []byte) error {
	path := filepath.Join(dir, sha)
	if st, err := os.Stat(path); err == nil && st.Size() == int64(len(data)) {
		return nil
	}
	tmp, err := os.CreateTemp(dir, sha+".*.part")
	if err != nil {
		return fmt.Errorf("inbox: keep attachment: %w", err)
	}
	defer os.Remove(tmp.Name())
	if err := tmp.Chmod(0o600); err != nil {
		_ = tmp.Close()
		return fmt.Errorf("inbox: keep attachment: %w", err)
	}
	if _, err := tmp.Write(data); err != nil {
		_ = tmp.Close()
		return fmt.Errorf("inbox: keep attachment: %w", err)
	}
	if err := tmp.Sync(); err != nil {
		_ = tmp.Close()
		return fmt.Errorf("inbox: keep attachment: %w", err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("inbox: keep attachment: %w", err)
	}
	return os.Rename(tmp.Name(), path)
}

// errCopyMissing: the data folder's copy of a file is gone or altered.
var errCopyMissing = errors.New("the file's copy in the data folder is missing or changed")

// ReadAttachment returns the data folder's copy of a file, checked against
// its SHA-256.
func (s *Service) ReadAttachment(a store.OutgoingAttachment) ([]byte, error) {
	dir, err := s.attachmentDir()
	if err != nil {
		return nil, err
	}
	data, err := os.ReadFile(filepath.Join(dir, filepath.Base(a.SHA256)))
	if err != nil {
		return nil, errCopyMissing
	}
	sum := sha256.Sum256(data)
	if !bytes.Equal([]byte(hex.EncodeToString(sum[:])), []byte(a.SHA256)) {
		return nil, errCopyMissing
	}
	return data, nil
}

// sendFiles sends a message's files that have not gone out yet, one platform
// message each, the text as the first file's caption; each sent file is
// recorded at once, so a retry sends only the rest. It returns the first
// file's platform message.
func (s *Service) sendFiles(ctx context.Context, conn platforms.Connector, conv store.Conversation, m store.Message, files []store.OutgoingAttachment) (platforms.SentMessage, error) {
	as, ok := conn.(platforms.AttachmentSender)
	if !ok || !platforms.Has(conn.Capabilities(), platforms.CapSendAttachment) {
		return platforms.SentMessage{}, &AttachmentsUnsupportedError{Platform: conv.Platform}
	}
	var first platforms.SentMessage
	for i, f := range files {
		if f.ExternalID != "" {
			if i == 0 {
				first = platforms.SentMessage{ExternalID: f.ExternalID}
			}
			continue
		}
		data, err := s.ReadAttachment(f)
		if err != nil {
			return first, &platforms.Error{Platform: conv.Platform, Kind: platforms.KindPermanent, Message: f.Name + ": " + err.Error()}
		}
		caption := ""
		if f.Position == 0 {
			caption = m.Text
		}
		sent, err := as.SendAttachment(ctx, platforms.OutgoingMessage{ThreadExternalID: conv.ExternalID,
			ThreadKind: platforms.ThreadKind(conv.Kind), Text: caption},
			platforms.OutgoingAttachment{Kind: f.Kind, Name: f.Name, MimeType: f.MimeType, Data: data})
		if err != nil {
			return first, err
		}
		if e := s.Store.MarkAttachmentSent(context.WithoutCancel(ctx), f.ID, sent.ExternalID); e != nil {
			return first, e
		}
		if i == 0 || first.ExternalID == "" {
			first = sent
		}
	}
	return first, nil
}
