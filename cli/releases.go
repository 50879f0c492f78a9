package cli

import (
	"context"
	"fmt"
	"io"
	"os"

	"creatordesk/app"
	"creatordesk/backend/campaigns"
)

func init() {
	registerCommand("releases", "  creatordesk [--data-dir DIR] releases export --format csv|json [--out FILE]   the UGC release register (stdout without --out)\n", releasesCmd)
}

// releasesCmd: releases export --format csv|json [--out FILE]
func releasesCmd(ctx context.Context, s *app.Session, args []string, env Env) error {
	if len(args) == 0 || args[0] != "export" {
		fmt.Fprintln(env.Stderr, "creatordesk: releases export --format csv|json [--out FILE]")
		return errUsage
	}
	f := newFlags("releases export", env)
	format := f.String("format", campaigns.FormatCSV, "csv or json")
	out := f.String("out", "", "write to this file (0600) instead of stdout")
	rest, err := parseInterleaved(f, args[1:])
	if err != nil {
		return err
	}
	if len(rest) != 0 || (*format != campaigns.FormatCSV && *format != campaigns.FormatJSON) {
		fmt.Fprintln(env.Stderr, "creatordesk: releases export --format csv|json [--out FILE]")
		return errUsage
	}
	var w io.Writer = env.Stdout
	var file *os.File
	if *out != "" {
		if file, err = os.OpenFile(*out, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, 0o600); err != nil {
			return err
		}
		w = file
	}
	n, err := s.Workspace().Campaigns().ExportReleases(ctx, w, *format, s.Actor())
	if file != nil {
		if cerr := file.Close(); err == nil {
			err = cerr
		}
		if err == nil {
			fmt.Fprintf(env.Stderr, "wrote %d releases to %s\n", n, *out)
		}
	}
	return err
}
