package whatsapp_test

import (
	"bytes"
	"testing"

	"creatordesk/backend/importers/archive"
	"creatordesk/backend/importers/internal/importtest"
	"creatordesk/backend/importers/whatsapp"
)

// FuzzWhatsApp feeds arbitrary text to the parser: it must never panic, must
// fail only with a *ParseError, must give a well-formed archive otherwise, and
// must give the same result twice.
func FuzzWhatsApp(f *testing.F) {
	for _, file := range []string{lumenFile, "WhatsApp Chat with Studio Nord.txt", "ios_chat.txt", "WhatsApp Chat with Kai Berg.txt", "mixed_orders.txt"} {
		f.Add(importtest.Read(f, dir+file), uint8(0))
	}
	for _, seed := range []string{
		"2023-12-31 21:41 - A: x\n2023-02-30 10:00 - B: y\n",
		"[1.2.24, 12:00:00 a. m.] A: \u200e<attached: x.opus>\ncaption\n[1.2.24, 12:00:00 AM] A:\n",
		"13/13/13, 25:61 - A: x\n1/1/24, 9:00 PM - : x\n1/1/24, 9:00 PM - A: This message was deleted\n",
		"\ufeff\u200e[31.12.23, 21:41:05] ~\u202fA: \u200eimage omitted\n",
		"x\n\n1/1/24, 10:00 -\n",
	} {
		f.Add([]byte(seed), uint8(1))
	}
	f.Fuzz(func(t *testing.T, data []byte, order uint8) {
		opts := archive.Options{Owner: "A", DateOrder: []archive.DateOrder{"", archive.DayFirst, archive.MonthFirst}[order%3]}
		a, err := whatsapp.Parse(bytes.NewReader(data), "WhatsApp Chat with A.txt", opts)
		b, errB := whatsapp.Parse(bytes.NewReader(data), "WhatsApp Chat with A.txt", opts)
		importtest.Same(t, a, b, err, errB)
		if err != nil {
			importtest.CheckParseError(t, err)
			return
		}
		importtest.CheckArchive(t, a)
	})
}
