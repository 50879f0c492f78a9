package cli

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strconv"
	"time"

	"creatordesk/app"
	"creatordesk/backend/store"
)

func init() {
	registerCommand("audit", `  creatordesk [--data-dir DIR] audit verify               check the audit trail's hash chain (exit 1 and the first bad entry when broken)
  creatordesk [--data-dir DIR] audit export --format csv|json [--out FILE]
`, auditCmd)
}

// auditCmd: audit verify | audit export --format csv|json [--out FILE]
func auditCmd(ctx context.Context, s *app.Session, args []string, env Env) error {
	if len(args) == 0 {
		fmt.Fprint(env.Stderr, usage())
		return errUsage
	}
	st := s.Workspace().Store
	switch args[0] {
	case "verify":
		n, brk, err := st.VerifyAudit(ctx)
		if err != nil {
			return err
		}
		if brk != nil {
			fmt.Fprintf(env.Stdout, "BROKEN after checking %d entries: %s\n", n, brk.Error())
			return brk
		}
		fmt.Fprintf(env.Stdout, "ok: %d entries, chain intact\n", n)
		return nil
	case "export":
		f := newFlags("audit export", env)
		format := f.String("format", "json", "csv or json")
		out := f.String("out", "", "write to FILE instead of stdout")
		if err := parse(f, args[1:]); err != nil {
			return err
		}
		if *format != "csv" && *format != "json" {
			fmt.Fprintln(env.Stderr, "creatordesk: --format must be csv or json")
			return errUsage
		}
		w := env.Stdout
		if *out != "" {
			file, err := os.OpenFile(*out, os.O_CREATE|os.O_TRUNC|os.O_WRONLY, 0o600)
			if err != nil {
				return err
			}
			defer file.Close()
			w = file
		}
		return exportAudit(ctx, st, *format, w)
	}
	fmt.Fprint(env.Stderr, usage())
	return errUsage
}

// auditColumns are the export's columns, in order.
var auditColumns = []string{"id", "at", "actor", "action", "target_type", "target_id", "reason", "before", "after", "prev_hash", "hash"}

// exportAudit writes every entry, oldest first.
func exportAudit(ctx context.Context, st *store.Store, format string, w io.Writer) error {
	if format == "csv" {
		cw := csv.NewWriter(w)
		if err := cw.Write(auditColumns); err != nil {
			return err
		}
		err := st.EachAudit(ctx, func(e store.AuditEvent) error {
			return cw.Write([]string{strconv.FormatInt(e.ID, 10), time.UnixMilli(e.At).UTC().Format(time.RFC3339Nano), e.Actor, e.Action,
				e.TargetType, e.TargetID, e.Reason, e.BeforeJSON, e.AfterJSON, e.PrevHash, e.Hash})
		})
		cw.Flush()
		if err != nil {
			return err
		}
		return cw.Error()
	}
	if _, err := io.WriteString(w, "[\n"); err != nil {
		return err
	}
	first := true
	err := st.EachAudit(ctx, func(e store.AuditEvent) error {
		b, err := json.Marshal(map[string]any{"id": e.ID, "at": time.UnixMilli(e.At).UTC().Format(time.RFC3339Nano), "actor": e.Actor,
			"action": e.Action, "targetType": e.TargetType, "targetId": e.TargetID, "reason": e.Reason, "before": e.BeforeJSON,
			"after": e.AfterJSON, "prevHash": e.PrevHash, "hash": e.Hash})
		if err != nil {
			return err
		}
		sep := ",\n"
		if first {
			sep, first = "", false
		}
		_, err = fmt.Fprintf(w, "%s  %s", sep, b)
		return err
	})
	if err != nil {
		return err
	}
	_, err = io.WriteString(w, "\n]\n")
	return err
}
