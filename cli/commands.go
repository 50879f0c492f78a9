package cli

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"

	"creatordesk/app"
	"creatordesk/backend/workspace"
)

// newFlags returns a flag set for a subcommand that reports errors on stderr.
func newFlags(name string, env Env) *flag.FlagSet {
	f := flag.NewFlagSet(name, flag.ContinueOnError)
	f.SetOutput(env.Stderr)
	return f
}

// parse parses a subcommand's flags, mapping failures to errUsage.
func parse(f *flag.FlagSet, args []string) error {
	if err := f.Parse(args); err != nil {
		return errUsage
	}
	return nil
}

// parseInterleaved parses flags that may come before or after the positional
// arguments ("import whatsapp FILE --owner Ana") and returns the positionals.
func parseInterleaved(f *flag.FlagSet, args []string) ([]string, error) {
	var positional []string
	for {
		if err := parse(f, args); err != nil {
			return nil, err
		}
		if f.NArg() == 0 {
			return positional, nil
		}
		positional = append(positional, f.Arg(0))
		args = f.Args()[1:]
	}
}

// printJSON writes v as indented JSON.
func printJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// readAllTrimmed reads r and trims one trailing newline (and surrounding space for tokens).
func readAllTrimmed(r io.Reader, trimSpace bool) (string, error) {
	b, err := io.ReadAll(io.LimitReader(r, 1<<20))
	if err != nil {
		return "", err
	}
	s := strings.TrimRight(string(b), "\r\n")
	if trimSpace {
		s = strings.TrimSpace(s)
	}
	return s, nil
}

// accountsCmd: accounts add telegram ... | accounts list [--json]
func accountsCmd(ctx context.Context, s *app.Session, args []string, env Env) error {
	if len(args) == 0 {
		fmt.Fprint(env.Stderr, usage())
		return errUsage
	}
	api := app.NewAccounts(s)
	switch args[0] {
	case "list":
		f := newFlags("accounts list", env)
		asJSON := f.Bool("json", false, "print JSON")
		if err := parse(f, args[1:]); err != nil {
			return err
		}
		list, err := api.List()
		if err != nil {
			return err
		}
		if *asJSON {
			return printJSON(env.Stdout, list)
		}
		for _, a := range list {
			fmt.Fprintf(env.Stdout, "%d\t%s\t%s\t%s\tlast sync %s\n", a.ID, a.Platform, a.Name, a.Status, orNever(a.LastSyncAt))
		}
		return nil
	case "disconnect":
		if len(args) != 2 {
			fmt.Fprintln(env.Stderr, "creatordesk: accounts disconnect ID")
			return errUsage
		}
		id, err := strconv.ParseInt(args[1], 10, 64)
		if err != nil {
			fmt.Fprintln(env.Stderr, "creatordesk: accounts disconnect ID (a number from accounts list)")
			return errUsage
		}
		if err := api.Disconnect(id); err != nil {
			return err
		}
		fmt.Fprintf(env.Stdout, "disconnected account %d; its token is removed from the keyring\n", id)
		return nil
	case "add":
		return accountsAdd(s, args[1:], env)
	}
	fmt.Fprint(env.Stderr, usage())
	return errUsage
}

// accountsAdd: accounts add <platform> --token-stdin [--base-url URL] [--name NAME] [--identifier ID]
// [--page-id ID] [--api-version vNN.N] [--human-agent] [--json]
func accountsAdd(s *app.Session, args []string, env Env) error {
	if len(args) == 0 || strings.HasPrefix(args[0], "-") {
		fmt.Fprintln(env.Stderr, "creatordesk: accounts add <platform> (one of: "+strings.Join(platformNames(), ", ")+")")
		return errUsage
	}
	platform := args[0]
	if wantsBrowserConnect(platform, args[1:]) {
		return accountsAddOAuth(s, platform, args[1:], env) // cli/oauth.go: sign in through the browser
	}
	f := newFlags("accounts add "+platform, env)
	tokenStdin := f.Bool("token-stdin", false, "read the token (or app password) from standard input")
	baseURL := f.String("base-url", "", "API server (required for Mastodon: the instance, e.g. https://mastodon.social)")
	name := f.String("name", "", "display name for the account")
	identifier := f.String("identifier", "", "login handle where the platform needs one (Bluesky)")
	pageID := f.String("page-id", "", "the Facebook Page's id (facebook; the token must be that Page's access token)")
	apiVersion := f.String("api-version", "", "Graph API version for instagram and facebook (default v25.0)")
	humanAgent := f.Bool("human-agent", false, "instagram/facebook: your Meta app has the Human Agent permission (replies up to 7 days)")
	clientID := f.String("client-id", "", "shopify: a Dev Dashboard app's client id (its client secret goes on standard input)")
	phoneNumberID := f.String("phone-number-id", "", "whatsapp: the business phone number's id (WhatsApp Manager → API setup; not the number itself)")
	wabaID := f.String("waba-id", "", "whatsapp: the WhatsApp Business Account id (needed to list message templates)")
	businessID := f.String("business-id", "", "tiktok: the Business account's id (the open_id returned with its token)")
	channel := f.String("channel", "", "telegram: the channel the bot publishes to (@name, or its -100… id for a private one)")
	asJSON := f.Bool("json", false, "print JSON")
	if err := parse(f, args[1:]); err != nil {
		return err
	}
	if !*tokenStdin {
		fmt.Fprintln(env.Stderr, "creatordesk: pass the token on standard input with --token-stdin (never as an argument)")
		return errUsage
	}
	token, err := readAllTrimmed(env.Stdin, true)
	if err != nil {
		return err
	}
	extra := map[string]string{}
	if *identifier != "" {
		extra["identifier"] = *identifier
	}
	if *pageID != "" {
		extra["page_id"] = *pageID
	}
	if *apiVersion != "" {
		extra["api_version"] = *apiVersion
	}
	if *humanAgent {
		extra["human_agent"] = "true"
	}
	if *clientID != "" {
		extra["client_id"] = *clientID
	}
	if *channel != "" {
		extra["channel"] = *channel
	}
	if *phoneNumberID != "" {
		extra["phone_number_id"] = *phoneNumberID
	}
	if *wabaID != "" {
		extra["waba_id"] = *wabaID
	}
	if *businessID != "" {
		extra["business_id"] = *businessID
	}
	if platform == "whatsapp" && *phoneNumberID == "" {
		fmt.Fprintln(env.Stderr, "creatordesk: accounts add whatsapp needs --phone-number-id (WhatsApp Manager → API setup)")
		return errUsage
	}
	if platform == "tiktok" && *businessID == "" {
		fmt.Fprintln(env.Stderr, "creatordesk: accounts add tiktok needs --business-id (the open_id TikTok returned with the token)")
		return errUsage
	}
	if platform == "facebook" && *pageID == "" {
		fmt.Fprintln(env.Stderr, "creatordesk: accounts add facebook needs --page-id (the Page's id, shown in the Page's About section)")
		return errUsage
	}
	acc, err := app.NewAccounts(s).Connect(app.ConnectRequest{Platform: platform, Token: token, Name: *name, BaseURL: *baseURL, Extra: extra})
	if err != nil {
		return err
	}
	// The CLI process exits next: stop the loop Connect started.
	s.Workspace().Engine.StopAccount(acc.ID)
	if *asJSON {
		return printJSON(env.Stdout, acc)
	}
	fmt.Fprintf(env.Stdout, "connected %s account %q (id %d)\n", acc.Platform, acc.Name, acc.ID)
	return nil
}

// platformNames lists the platforms this build can connect, sorted.
func platformNames() []string {
	var out []string
	for name := range workspace.Registry() {
		out = append(out, name)
	}
	sort.Strings(out)
	return out
}

// syncCmd: sync --once | sync --watch
func syncCmd(ctx context.Context, s *app.Session, args []string, env Env) error {
	f := newFlags("sync", env)
	once := f.Bool("once", false, "fetch what is available now and exit")
	watch := f.Bool("watch", false, "sync every account continuously until Ctrl+C (SIGINT) or SIGTERM")
	if err := parse(f, args); err != nil {
		return err
	}
	if *once == *watch {
		fmt.Fprintln(env.Stderr, "creatordesk: sync --once (fetch what is there now) or sync --watch (keep syncing until stopped)")
		return errUsage
	}
	ws := s.Workspace()
	if *watch {
		return syncWatch(ctx, ws, env) // cli/sync_watch.go
	}
	accs, err := ws.Store.Accounts(ctx, false)
	if err != nil {
		return err
	}
	var firstErr error
	for _, a := range accs {
		if !a.Syncable() {
			continue // an archive from an export file has nothing to sync
		}
		st, err := ws.Engine.SyncOnce(ctx, a.ID)
		if err != nil && onceSkipped(a, err, env.Stdout) {
			continue // another team member's app syncs it
		}
		if err != nil {
			fmt.Fprintf(env.Stderr, "%s %q: %s\n", a.Platform, a.Name, app.ToAppError(err).Message)
			if firstErr == nil {
				firstErr = err
			}
			continue
		}
		fmt.Fprintf(env.Stdout, "%s %q: %d new, %d updated, %d skipped in %d pages\n", a.Platform, a.Name, st.Inserted, st.Updated, st.Skipped, st.Pages)
	}
	return firstErr
}

// conversationsCmd: conversations list --json [--limit N]
func conversationsCmd(ctx context.Context, s *app.Session, args []string, env Env) error {
	if len(args) > 0 && args[0] != "list" {
		if sub, ok := conversationSubcommands[args[0]]; ok {
			return sub(s, args[1:], env)
		}
	}
	if len(args) == 0 || args[0] != "list" {
		fmt.Fprint(env.Stderr, usage())
		return errUsage
	}
	f := newFlags("conversations list", env)
	asJSON := f.Bool("json", false, "print JSON")
	limit := f.Int("limit", 0, "at most this many (0 = all)")
	q := app.ConversationQuery{}
	f.StringVar(&q.Platform, "platform", "", "only this platform (telegram, mastodon, ...)")
	f.StringVar(&q.Kind, "kind", "", "dm or comment")
	f.StringVar(&q.Status, "status", "", "open, pending, snoozed or resolved")
	tagName := f.String("tag", "", "only conversations with this tag (name)")
	assignee := f.String("assignee", "", "none, me, or a member's name")
	f.StringVar(&q.SLAState, "sla", "", "SLA state: none, ok, warning, breached or met")
	f.StringVar(&q.Language, "language", "", "language code (ro, zh, hi, ...)")
	f.BoolVar(&q.UnreadOnly, "unread", false, "only conversations with unread messages")
	if err := parse(f, args[1:]); err != nil {
		return err
	}
	var err error
	if q.TagID, err = tagIDByName(s, *tagName); err != nil {
		return err
	}
	if q.Assignee, err = assigneeFilter(s, *assignee); err != nil {
		return err
	}
	inbox := app.NewInbox(s)
	all := []app.ConversationDTO{}
	cursor := ""
	for {
		q.Cursor, q.Limit = cursor, 500
		page, err := inbox.ListConversations(q)
		if err != nil {
			return err
		}
		all = append(all, page.Items...)
		if page.NextCursor == "" || (*limit > 0 && len(all) >= *limit) {
			break
		}
		cursor = page.NextCursor
	}
	if *limit > 0 && len(all) > *limit {
		all = all[:*limit]
	}
	if *asJSON {
		return printJSON(env.Stdout, all)
	}
	for _, c := range all {
		fmt.Fprintf(env.Stdout, "%d\t%s\t%s\t%d unread\t%s\n", c.ID, c.Platform, c.Title, c.Unread, c.LastMessageAt)
	}
	return nil
}

// messagesCmd: messages list --conversation ID --json
func messagesCmd(ctx context.Context, s *app.Session, args []string, env Env) error {
	if len(args) == 0 || args[0] != "list" {
		fmt.Fprint(env.Stderr, usage())
		return errUsage
	}
	f := newFlags("messages list", env)
	conv := f.Int64("conversation", 0, "conversation id")
	asJSON := f.Bool("json", false, "print JSON")
	if err := parse(f, args[1:]); err != nil {
		return err
	}
	if *conv == 0 {
		fmt.Fprintln(env.Stderr, "creatordesk: --conversation ID is required")
		return errUsage
	}
	t, err := app.NewInbox(s).GetThread(*conv)
	if err != nil {
		return err
	}
	if *asJSON {
		return printJSON(env.Stdout, t.Messages)
	}
	for _, m := range t.Messages {
		fmt.Fprintf(env.Stdout, "%s\t%s\t%s\t%s\n", m.SentAt, m.Direction, m.AuthorName, m.Text)
	}
	return nil
}

// replyCmd: reply --conversation ID --text-stdin [--json]
func replyCmd(ctx context.Context, s *app.Session, args []string, env Env) error {
	f := newFlags("reply", env)
	conv := f.Int64("conversation", 0, "conversation id")
	textStdin := f.Bool("text-stdin", false, "read the reply from standard input")
	asJSON := f.Bool("json", false, "print JSON")
	if err := parse(f, args); err != nil {
		return err
	}
	if *conv == 0 || !*textStdin {
		fmt.Fprintln(env.Stderr, "creatordesk: reply needs --conversation ID and --text-stdin")
		return errUsage
	}
	text, err := readAllTrimmed(env.Stdin, false)
	if err != nil {
		return err
	}
	m, err := app.NewInbox(s).Reply(*conv, text)
	if err != nil {
		return err
	}
	if *asJSON {
		if err := printJSON(env.Stdout, m); err != nil {
			return err
		}
	} else if m.State == "sent" {
		fmt.Fprintf(env.Stdout, "sent (message %d)\n", m.ID)
	}
	if m.State == "sent" {
		return nil
	}
	if m.Error != nil {
		return m.Error
	}
	return fmt.Errorf("the reply was not sent (state %s)", m.State)
}

// orNever shows an empty time as "never".
func orNever(t string) string {
	if t == "" {
		return "never"
	}
	return t
}
