package whatsapp

import (
	"testing"

	"creatordesk/backend/importers/archive"
)

func TestParseHeader(t *testing.T) {
	for _, c := range []struct {
		line string
		want header
	}{
		{"12/31/23, 9:41\u202fPM - Ana: hi", header{f1: 12, f2: 31, f3: 23, len1: 2, len3: 2, hour: 9, min: 41, meridiem: 'p', sep: '/', rest: "Ana: hi"}},
		{"1/2/24, 10:05 am - Ana: hi", header{f1: 1, f2: 2, f3: 24, len1: 1, len3: 2, hour: 10, min: 5, meridiem: 'a', sep: '/', rest: "Ana: hi"}},
		{"31/12/2023, 21:41 - Ana: hi", header{f1: 31, f2: 12, f3: 2023, len1: 2, len3: 4, hour: 21, min: 41, sep: '/', rest: "Ana: hi"}},
		{"[31.12.23, 21:41:05] Ana: hi", header{f1: 31, f2: 12, f3: 23, len1: 2, len3: 2, hour: 21, min: 41, sec: 5, sep: '.', rest: "Ana: hi"}},
		{"[12/31/23, 9:41:05\u202fp.\u00a0m.] Ana: hi", header{f1: 12, f2: 31, f3: 23, len1: 2, len3: 2, hour: 9, min: 41, sec: 5, meridiem: 'p', sep: '/', rest: "Ana: hi"}},
		{"2023-12-31 21:41 - Ana: hi", header{f1: 2023, f2: 12, f3: 31, len1: 4, len3: 2, hour: 21, min: 41, sep: '-', rest: "Ana: hi"}},
		{"31.12.23 21.41 – Ana: hi", header{f1: 31, f2: 12, f3: 23, len1: 2, len3: 2, hour: 21, min: 41, sep: '.', rest: "Ana: hi"}},
		{"31.12.23., 21:41 - Ana: hi", header{f1: 31, f2: 12, f3: 23, len1: 2, len3: 2, hour: 21, min: 41, sep: '.', rest: "Ana: hi"}},
		{"31/12/2023, 21:41 - Ana added Bob", header{f1: 31, f2: 12, f3: 2023, len1: 2, len3: 4, hour: 21, min: 41, sep: '/', rest: "Ana added Bob"}},
	} {
		got, ok := parseHeader(c.line)
		if !ok || got != c.want {
			t.Errorf("parseHeader(%q) = %+v, %v; want %+v", c.line, got, ok, c.want)
		}
	}
	for _, line := range []string{
		"", "hello", "12/31/23 is the date", "12/31, 9:41 PM - Ana: x", "12/31/23, 9:41 PM Ana: x",
		"[12/31/23, 9:41:05 PM Ana: x", "123/1/23, 9:41 - x", "1/2/3, 9:41 - x", "12/31/23, 941 - x",
		"2023-12-31 21:41 Ana", "31/12-2023, 21:41 - x", "12/31/2023,9:41 - x",
	} {
		if h, ok := parseHeader(line); ok {
			t.Errorf("parseHeader(%q) = %+v, want no header", line, h)
		}
	}
}

func TestWallClock(t *testing.T) {
	h, _ := parseHeader("12/1/24, 12:30 AM - A: x")
	if y, mo, d, hh, mi, _, ok := wallClock(h, archive.MonthFirst); !ok || y != 2024 || mo != 12 || d != 1 || hh != 0 || mi != 30 {
		t.Fatalf("12:30 AM on 12/1/24 month-first: %d-%d-%d %d:%d %v", y, mo, d, hh, mi, ok)
	}
	if _, mo, d, _, _, _, _ := wallClock(h, archive.DayFirst); mo != 1 || d != 12 {
		t.Fatalf("day-first: month %d day %d", mo, d)
	}
	for _, line := range []string{"31/2/24, 10:00 - A: x", "13/13/24, 10:00 - A: x", "1/1/24, 13:00 PM - A: x", "1/1/24, 24:00 - A: x", "1/1/24, 10:60 - A: x"} {
		h, ok := parseHeader(line)
		if !ok {
			t.Fatalf("%q is a header", line)
		}
		if _, _, _, _, _, _, ok := wallClock(h, archive.DayFirst); ok {
			t.Errorf("%q was accepted as a real date", line)
		}
	}
}

func TestTitleFromName(t *testing.T) {
	for name, want := range map[string][2]string{
		"WhatsApp Chat with Ana.txt":                       {"Ana", ""},
		"/home/u/Downloads/WhatsApp Chat with Ana (2).txt": {"Ana", ""},
		"WhatsApp Chat - Brand X.zip":                      {"Brand X", ""},
		"WhatsApp-Chat mit Kai.txt":                        {"Kai", "dmy"},
		`C:\Users\u\Chat de WhatsApp con Lía.txt`:          {"Lía", "dmy"},
		"_chat.txt":  {"", ""},
		"export.txt": {"export", ""},
	} {
		title, hint, _ := titleFromName(name)
		if title != want[0] || string(hint) != want[1] {
			t.Errorf("titleFromName(%q) = %q, %q; want %q, %q", name, title, hint, want[0], want[1])
		}
	}
}

func TestAttachment(t *testing.T) {
	for line, want := range map[string][2]string{
		"<Media omitted>":     {"media", ""},
		"\u200eimage omitted": {"photo", ""},
		"\u200e<attached: 00000012-PHOTO-2024-01-01-09-15-30.jpg>": {"photo", "00000012-PHOTO-2024-01-01-09-15-30.jpg"},
		"<attached: 00000013-AUDIO-2024-01-01-09-15-30.opus>":      {"voice", "00000013-AUDIO-2024-01-01-09-15-30.opus"},
		"PTT-20240101-WA0001.opus (file attached)":                 {"voice", "PTT-20240101-WA0001.opus"},
		"STK-20240101-WA0002.webp (file attached)":                 {"sticker", "STK-20240101-WA0002.webp"},
		"VID-20240101-WA0003.mp4 (file attached)":                  {"video", "VID-20240101-WA0003.mp4"},
		"Contract.pdf (file attached)":                             {"document", "Contract.pdf"},
	} {
		a, ok := attachment(line)
		if !ok || a.Kind != want[0] || a.Name != want[1] {
			t.Errorf("attachment(%q) = %+v, %v; want %v", line, a, ok, want)
		}
	}
	for _, line := range []string{"Media omitted", "see the file attached", "<3", "my notes (file attached)"} {
		if a, ok := attachment(line); ok {
			t.Errorf("attachment(%q) = %+v, want plain text", line, a)
		}
	}
}
