package cli

import (
	"context"
	"fmt"
	"strings"

	"creatordesk/app"
	"creatordesk/backend/importers"
	"creatordesk/backend/importers/attach"
)

// maxProblemsShown caps the skipped items printed after an import.
const maxProblemsShown = 20

// importCmd: import <kind> FILE [--owner NAME] [--tz ZONE] [--date-order dmy|mdy] [--platform instagram|facebook]
// [--account ID [--phone NUMBER]] [--json]
// The file is parsed whole before anything is stored; a broken file stores nothing.
func importCmd(ctx context.Context, s *app.Session, args []string, env Env) error {
	if len(args) == 0 || strings.HasPrefix(args[0], "-") {
		fmt.Fprintln(env.Stderr, "creatordesk: import <kind> FILE, kind one of: "+strings.Join(importers.Kinds(), ", "))
		return errUsage
	}
	kind := args[0]
	if kind == "orders" {
		return importOrdersCmd(ctx, s, args[1:], env)
	}
	f := newFlags("import "+kind, env)
	owner := f.String("owner", "", "your name as it appears in the export (your messages become outgoing)")
	tz := f.String("tz", "", "time zone of the export's times when the file does not say (e.g. Europe/Bucharest)")
	dateOrder := f.String("date-order", "", "WhatsApp dates: dmy or mdy when the file is ambiguous")
	platform := f.String("platform", "", "Meta exports: instagram or facebook when the file does not say")
	accountID := f.Int64("account", 0, "whatsapp: the WhatsApp Cloud account (id from accounts list) the chat's history joins")
	phone := f.String("phone", "", "whatsapp with --account: the customer's number when the chat is saved under a name (+40 722 123 456)")
	asJSON := f.Bool("json", false, "print JSON")
	files, err := parseInterleaved(f, args[1:])
	if err != nil {
		return err
	}
	if len(files) != 1 {
		fmt.Fprintln(env.Stderr, "creatordesk: import "+kind+" FILE")
		return errUsage
	}
	loc, err := importers.ParseZone(*tz)
	if err != nil {
		fmt.Fprintf(env.Stderr, "creatordesk: --tz: %v\n", err)
		return errUsage
	}
	order, err := importers.ParseDateOrder(*dateOrder)
	if err != nil {
		fmt.Fprintf(env.Stderr, "creatordesk: --date-order: %v\n", err)
		return errUsage
	}
	archive, err := importers.ParseFile(kind, files[0], importers.Options{Owner: *owner, Location: loc, DateOrder: order, Platform: *platform})
	if err != nil {
		return err
	}
	if *accountID != 0 || *phone != "" {
		if kind != importers.KindWhatsApp || *accountID == 0 {
			fmt.Fprintln(env.Stderr, "creatordesk: --account and --phone are for import whatsapp FILE --account ID [--phone NUMBER]")
			return errUsage
		}
		return importAttached(ctx, s, archive, attach.Request{AccountID: *accountID, Phone: *phone, Actor: s.Actor()}, *asJSON, env)
	}
	acc, res, err := s.Workspace().Accounts.Import(ctx, archive, s.Actor())
	if err != nil {
		return err
	}
	if *asJSON {
		return printJSON(env.Stdout, map[string]any{"accountId": acc.ID, "platform": acc.Platform, "read": len(archive.Messages),
			"new": res.Inserted, "updated": res.Updated, "skipped": len(archive.Skipped), "notes": archive.Notes})
	}
	fmt.Fprintf(env.Stdout, "imported %s into %q: %d messages read, %d new, %d updated, %d skipped\n",
		kind, acc.Name, len(archive.Messages), res.Inserted, res.Updated, len(archive.Skipped))
	for _, n := range archive.Notes {
		fmt.Fprintf(env.Stdout, "note: %s\n", n)
	}
	for i, p := range archive.Skipped {
		if i == maxProblemsShown {
			fmt.Fprintf(env.Stdout, "… and %d more skipped\n", len(archive.Skipped)-maxProblemsShown)
			break
		}
		fmt.Fprintf(env.Stdout, "skipped %s: %s\n", p.Where, p.Why)
	}
	return nil
}

// importAttached files a WhatsApp chat export under a WhatsApp Cloud account:
// the chat joins the conversation with the customer's number.
func importAttached(ctx context.Context, s *app.Session, a importers.Archive, req attach.Request, asJSON bool, env Env) error {
	res, err := attach.WhatsApp(ctx, s.Workspace().Store, a, req)
	if err != nil {
		return err
	}
	if asJSON {
		return printJSON(env.Stdout, map[string]any{"accountId": res.Account.ID, "platform": res.Account.Platform, "phone": res.Phone,
			"conversationId": res.ConversationID, "read": res.Read, "new": res.Inserted, "updated": res.Updated,
			"alreadySent": res.Duplicates, "skipped": len(a.Skipped), "notes": a.Notes})
	}
	fmt.Fprintf(env.Stdout, "imported whatsapp into %q, conversation with +%s: %d messages read, %d new, %d already there (sent from CreatorDesk), %d skipped\n",
		res.Account.Name, res.Phone, res.Read, res.Inserted, res.Duplicates, len(a.Skipped))
	for _, n := range a.Notes {
		fmt.Fprintf(env.Stdout, "note: %s\n", n)
	}
	return nil
}
