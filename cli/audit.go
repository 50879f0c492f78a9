package cli

import (
	"context"
	"fmt"
	"io"
	"os"

	"creatordesk/app"
	"creatordesk/backend/governance"
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

// exportAudit streams every entry, oldest first.
func exportAudit(ctx context.Context, st *store.Store, format string, w io.Writer) error {
	aw, err := governance.NewAuditWriter(format, w)
	if err != nil {
		return err
	}
	if err := st.EachAudit(ctx, aw.Write); err != nil {
		return err
	}
	return aw.Close()
}
