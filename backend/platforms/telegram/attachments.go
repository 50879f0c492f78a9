package telegram

import "creatordesk/backend/platforms"

// attachments lists the media on a message; the files stay on Telegram.
func attachments(m *apiMessage) []platforms.Attachment {
	var out []platforms.Attachment
	if p := largestPhoto(m.Photo); p != nil {
		out = append(out, attachment("photo", p))
	}
	for _, f := range []struct {
		kind string
		file *apiFile
	}{
		{"document", m.Document},
		{"video", m.Video},
		{"voice", m.Voice},
		{"audio", m.Audio},
		{"sticker", m.Sticker},
	} {
		if f.file != nil {
			out = append(out, attachment(f.kind, f.file))
		}
	}
	return out
}

// largestPhoto picks the biggest of the sizes Telegram sends for one photo.
func largestPhoto(sizes []apiFile) *apiFile {
	var best *apiFile
	for i := range sizes {
		s := &sizes[i]
		if best == nil || s.Width*s.Height > best.Width*best.Height ||
			(s.Width*s.Height == best.Width*best.Height && s.FileSize > best.FileSize) {
			best = s
		}
	}
	return best
}

// attachment describes one file; audio falls back to its title and a sticker to its emoji.
func attachment(kind string, f *apiFile) platforms.Attachment {
	name := f.FileName
	if name == "" {
		name = f.Title
	}
	if name == "" {
		name = f.Emoji
	}
	return platforms.Attachment{Kind: kind, Name: name, MimeType: f.MimeType, Size: f.FileSize}
}
