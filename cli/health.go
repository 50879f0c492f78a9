package cli

import (
	"context"
	"flag"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"creatordesk/app"
)

// The account health and settings subcommands extend "accounts" without
// editing its shared switch: the init below wraps the command registered in
// commands.go and handles "health" and "settings" itself.
func init() {
	next := commands["accounts"]
	commands["accounts"] = func(ctx context.Context, s *app.Session, args []string, env Env) error {
		if len(args) > 0 {
			switch args[0] {
			case "health":
				return accountsHealth(s, args[1:], env)
			case "settings":
				return accountsSettings(s, args[1:], env)
			}
		}
		return next(ctx, s, args, env)
	}
	areaUsage = append(areaUsage,
		"  creatordesk [--data-dir DIR] accounts health [--json]    each account's status, last sync, limits, token expiry, last error and what to do\n"+
			"  creatordesk [--data-dir DIR] accounts settings ID --channel @NAME   the Telegram channel the bot publishes to (\"\" clears it)\n")
}

// accountsHealth: accounts health [--json]
func accountsHealth(s *app.Session, args []string, env Env) error {
	f := newFlags("accounts health", env)
	asJSON := f.Bool("json", false, "print JSON")
	if err := parse(f, args); err != nil {
		return err
	}
	list, err := app.NewConnectors(s).Health()
	if err != nil {
		return err
	}
	list = app.WithSavedQuota(s, list)
	if *asJSON {
		return printJSON(env.Stdout, list)
	}
	for _, h := range list {
		fmt.Fprintf(env.Stdout, "%d\t%s\t%s\t%s\n", h.AccountID, h.Platform, h.Name, h.Status)
		for _, line := range healthLines(h) {
			fmt.Fprintf(env.Stdout, "\t%s\n", line)
		}
	}
	return nil
}

// healthLines describes one account's health in plain English, one fact a line.
func healthLines(h app.AccountHealthDTO) []string {
	out := []string{"last successful sync: " + orNever(h.LastSyncAt),
		fmt.Sprintf("items synced: %d (last 24 h: %d)", h.ItemsSynced, h.ItemsLast24h)}
	if h.NextRunAt != "" {
		out = append(out, "next run: "+h.NextRunAt+waitWhy(h.Wait))
	}
	if hr := h.Headroom; hr != nil {
		line := fmt.Sprintf("%s used: %d of %d", map[string]string{"quota": "quota", "rate": "rate limit"}[hr.Kind], hr.Used, hr.Limit)
		if hr.ResetsAt != "" {
			line += ", resets " + hr.ResetsAt
		}
		out = append(out, line)
	}
	switch {
	case h.TokenNeverExpires:
		out = append(out, "token: does not expire")
	case h.TokenExpiresAt != "":
		line := "token expires: " + h.TokenExpiresAt
		if h.Renews {
			line += " (renewed automatically)"
		}
		out = append(out, line)
	}
	if h.LastError != nil {
		out = append(out, fmt.Sprintf("last error: %s (%s)", h.LastError.Message, h.LastError.Code))
	}
	if h.Failures > 0 {
		out = append(out, fmt.Sprintf("failed %d times in a row, last at %s", h.Failures, h.LastErrorAt))
	}
	names := make([]string, 0, len(h.Settings))
	for name := range h.Settings {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		out = append(out, name+": "+orDash(h.Settings[name]))
	}
	if h.Advice != "" && h.Advice != "none" {
		line := "to do: " + strings.ReplaceAll(h.Advice, "_", " ")
		if h.AdviceUntil != "" {
			line += " (" + h.AdviceUntil + ")"
		}
		out = append(out, line)
	}
	return out
}

// waitWhy explains a loop's wait in a few words.
func waitWhy(wait string) string {
	switch wait {
	case "pacing":
		return " (spacing calls to stay within the platform's limit)"
	case "rate_limited":
		return " (the platform asked to wait)"
	case "backoff":
		return " (retrying after an error)"
	}
	return ""
}

// orDash returns v or "-" when it is empty.
func orDash(v string) string {
	if v == "" {
		return "-"
	}
	return v
}

// accountsSettings: accounts settings ID --channel @NAME
func accountsSettings(s *app.Session, args []string, env Env) error {
	if len(args) == 0 || strings.HasPrefix(args[0], "-") {
		fmt.Fprintln(env.Stderr, "creatordesk: accounts settings ID --channel @NAME")
		return errUsage
	}
	id, err := strconv.ParseInt(args[0], 10, 64)
	if err != nil {
		fmt.Fprintln(env.Stderr, "creatordesk: accounts settings ID (a number from accounts list)")
		return errUsage
	}
	f := newFlags("accounts settings", env)
	channel := f.String("channel", "", "telegram: the channel the bot publishes to (@name or -100… id; \"\" clears it)")
	asJSON := f.Bool("json", false, "print JSON")
	if err := parse(f, args[1:]); err != nil {
		return err
	}
	settings := map[string]string{}
	f.Visit(func(fl *flag.Flag) {
		if fl.Name == "channel" {
			settings["channel"] = *channel
		}
	})
	if len(settings) == 0 {
		fmt.Fprintln(env.Stderr, "creatordesk: accounts settings ID --channel @NAME (nothing to change)")
		return errUsage
	}
	acc, err := app.NewConnectors(s).UpdateSettings(app.AccountSettingsRequest{AccountID: id, Settings: settings})
	if err != nil {
		return err
	}
	if *asJSON {
		return printJSON(env.Stdout, acc)
	}
	fmt.Fprintf(env.Stdout, "updated the settings of account %d (%s)\n", acc.ID, acc.Name)
	return nil
}
