package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"time"

	"creatordesk/app"
)

func init() {
	registerCommand("calendar", "  creatordesk [--data-dir DIR] calendar export --out FILE.ics [--from DATE] [--to DATE]   write the calendar as iCalendar\n"+
		"  creatordesk [--data-dir DIR] calendar sequences list|outbox|save|enroll|cancel|archive|delete [--json] ...   follow-up and cart-recovery sequences\n", calendarCmd)
}

// calendarCmd: calendar export --out FILE.ics [--from DATE] [--to DATE]
// (DATE is YYYY-MM-DD, or an RFC 3339 time; without them the whole calendar).
func calendarCmd(_ context.Context, s *app.Session, args []string, env Env) error {
	if len(args) > 0 && args[0] == "sequences" {
		return sequencesCmd(s, args[1:], env)
	}
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

// sequencesUsage lists the sequence subcommands.
const sequencesUsage = `creatordesk: calendar sequences
  list [--json]                                        the sequences with their counts
  outbox [--sequence ID] [--conversation ID] [--state queued|sent|refused|failed|cancelled] [--json]
  save --file STEPS.json [--id ID] [--cancel-queued]   create or edit; the file is {"name","kind","steps":[{"delayHours","text"}]}
  enroll --sequence ID --conversation ID [--value token=text]... [--json]
  cancel (--message ID | --sequence ID --conversation ID)
  archive --sequence ID [--restore] [--cancel-queued]
  delete --sequence ID`

// sequencesCmd runs `calendar sequences ...` through the Calendar facade, so
// the CLI enrols with the same consent checks as the app.
func sequencesCmd(s *app.Session, args []string, env Env) error {
	if len(args) == 0 {
		fmt.Fprintln(env.Stderr, sequencesUsage)
		return errUsage
	}
	api := app.NewCalendar(s)
	f := newFlags("calendar sequences "+args[0], env)
	asJSON := f.Bool("json", false, "print JSON")
	id := f.Int64("id", 0, "the sequence to edit (save)")
	seq := f.Int64("sequence", 0, "a sequence id")
	conv := f.Int64("conversation", 0, "a conversation id")
	msg := f.Int64("message", 0, "a scheduled message id")
	state := f.String("state", "", "queued, sent, refused, failed or cancelled")
	file := f.String("file", "", "the sequence as JSON (save)")
	cancelQueued := f.Bool("cancel-queued", false, "cancel the steps already queued")
	restore := f.Bool("restore", false, "restore an archived sequence")
	values := map[string]string{}
	f.Func("value", "a token's value, token=text (repeatable)", func(v string) error {
		k, val, ok := strings.Cut(v, "=")
		if !ok || k == "" {
			return fmt.Errorf("use token=text")
		}
		values[k] = val
		return nil
	})
	if err := parse(f, args[1:]); err != nil {
		return err
	}
	out := func(v any, text string) error {
		if *asJSON {
			return printJSON(env.Stdout, v)
		}
		fmt.Fprintln(env.Stdout, text)
		return nil
	}
	switch args[0] {
	case "list":
		list, err := api.Sequences()
		if err != nil {
			return err
		}
		var b strings.Builder
		for _, q := range list {
			fmt.Fprintf(&b, "#%d %s (%s, %d steps) enrolled %d, queued %d, sent %d, refused %d", q.ID, q.Name, q.Kind, len(q.Steps),
				q.Stats.Enrolled, q.Stats.Queued, q.Stats.Sent, q.Stats.Refused)
			if q.Archived {
				b.WriteString(" [archived]")
			}
			b.WriteString("\n")
		}
		return out(list, strings.TrimRight(b.String(), "\n"))
	case "outbox":
		rows, err := api.Outbox(app.OutboxQuery{SequenceID: *seq, ConversationID: *conv, State: *state})
		if err != nil {
			return err
		}
		var b strings.Builder
		for _, m := range rows {
			fmt.Fprintf(&b, "#%d %s %s step %d to %q: %s %s\n", m.ID, m.DueAt, m.SequenceName, m.Step, m.ConversationTitle, m.State, m.Refusal)
		}
		return out(rows, strings.TrimRight(b.String(), "\n"))
	case "save":
		if *file == "" {
			fmt.Fprintln(env.Stderr, "creatordesk: calendar sequences save needs --file STEPS.json")
			return errUsage
		}
		raw, err := os.ReadFile(*file)
		if err != nil {
			return err
		}
		var in app.SequenceInput
		if err := json.Unmarshal(raw, &in); err != nil {
			return fmt.Errorf("creatordesk: %s: %w", *file, err)
		}
		in.ID, in.CancelQueued = *id, *cancelQueued
		saved, err := api.SaveSequence(in)
		if err != nil {
			return err
		}
		return out(saved, fmt.Sprintf("sequence #%d saved (%d queued steps cancelled)", saved.Sequence.ID, saved.Cancelled))
	case "enroll":
		n, err := api.Enroll(app.EnrollRequest{SequenceID: *seq, ConversationID: *conv, Values: values})
		if err != nil {
			return err
		}
		return out(map[string]int{"queued": n}, fmt.Sprintf("%d steps queued", n))
	case "cancel":
		if *msg > 0 {
			if err := api.CancelScheduledStep(*msg); err != nil {
				return err
			}
			return out(map[string]int64{"cancelled": 1}, "1 step cancelled")
		}
		n, err := api.CancelEnrollment(*seq, *conv)
		if err != nil {
			return err
		}
		return out(map[string]int64{"cancelled": n}, fmt.Sprintf("%d steps cancelled", n))
	case "archive":
		n, err := api.ArchiveSequence(*seq, !*restore, *cancelQueued)
		if err != nil {
			return err
		}
		return out(map[string]int64{"cancelled": n}, fmt.Sprintf("done (%d queued steps cancelled)", n))
	case "delete":
		n, err := api.DeleteSequence(*seq)
		if err != nil {
			return err
		}
		return out(map[string]int64{"cancelled": n}, fmt.Sprintf("sequence deleted (%d queued steps cancelled)", n))
	}
	fmt.Fprintln(env.Stderr, sequencesUsage)
	return errUsage
}
