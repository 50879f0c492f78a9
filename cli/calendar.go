package cli

import (
	"context"
	"fmt"
	"os"
	"time"

	"creatordesk/app"
)

func init() {
	registerCommand("calendar", "  creatordesk [--data-dir DIR] calendar export --out FILE.ics [--from DATE] [--to DATE]   write the calendar as iCalendar\n", calendarCmd)
}

// calendarCmd: calendar export --out FILE.ics [--from DATE] [--to DATE]
// (DATE is YYYY-MM-DD, or an RFC 3339 time; without them the whole calendar).
func calendarCmd(_ context.Context, s *app.Session, args []string, env Env) error {
	if len(args) == 0 || args[0] != "export" {
		fmt.Fprintln(env.Stderr, "creatordesk: calendar export --out FILE.ics [--from DATE] [--to DATE]")
		return errUsage
	}
	f := newFlags("calendar export", env)
	out := f.String("out", "", "the .ics file to write")
	from := f.String("from", "", "first day (YYYY-MM-DD)")
	to := f.String("to", "", "day after the last (YYYY-MM-DD)")
	if err := parse(f, args[1:]); err != nil {
		return err
	}
	if *out == "" {
		fmt.Fprintln(env.Stderr, "creatordesk: calendar export needs --out FILE.ics")
		return errUsage
	}
	fromTime, err := cliDate(*from)
	if err != nil {
		return err
	}
	toTime, err := cliDate(*to)
	if err != nil {
		return err
	}
	text, err := app.NewCalendar(s).ExportICS(fromTime, toTime)
	if err != nil {
		return err
	}
	if err := os.WriteFile(*out, []byte(text), 0o600); err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "calendar written to %s\n", *out)
	return nil
}

// cliDate turns YYYY-MM-DD (midnight UTC) or RFC 3339 into RFC 3339 ("" stays "").
func cliDate(s string) (string, error) {
	if s == "" {
		return "", nil
	}
	if t, err := time.Parse(time.DateOnly, s); err == nil {
		return t.Format(time.RFC3339), nil
	}
	if _, err := time.Parse(time.RFC3339, s); err == nil {
		return s, nil
	}
	return "", fmt.Errorf("creatordesk: %q is not a date (YYYY-MM-DD)", s)
}
