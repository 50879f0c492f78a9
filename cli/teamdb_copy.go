package cli

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"creatordesk/app"
)

func init() {
	teamdbSubcommands["copy"] = teamdbCopyCmd
	areaUsage = append(areaUsage, "  creatordesk [--data-dir DIR] teamdb copy [--json] [--dsn-stdin]   copy this folder's local workspace into the team database and verify it\n")
}

// teamdbCopyCmd copies the data folder's local workspace into its team
// database (or the one whose connection string is read from stdin), printing
// progress on stderr and the per-table verification on stdout.
func teamdbCopyCmd(ctx context.Context, s *app.Session, args []string, env Env) error {
	fs := flag.NewFlagSet("teamdb copy", flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	asJSON := fs.Bool("json", false, "print the result as JSON")
	dsnStdin := fs.Bool("dsn-stdin", false, "read the team database's connection string from stdin instead of the saved settings")
	if err := fs.Parse(args); err != nil || fs.NArg() > 0 {
		return errUsage
	}
	dsn := ""
	if *dsnStdin {
		line, err := bufio.NewReader(env.Stdin).ReadString('\n')
		if err != nil && !errors.Is(err, io.EOF) {
			return err
		}
		if dsn = strings.TrimSpace(line); dsn == "" {
			fmt.Fprintln(env.Stderr, "creatordesk teamdb copy: --dsn-stdin: no connection string on stdin")
			return errUsage
		}
	}
	pr := &copyProgressPrinter{w: env.Stderr}
	res, err := app.RunTeamCopy(ctx, s, dsn, pr.print)
	if len(res.Tables) > 0 {
		if *asJSON {
			if jErr := writeCopyJSON(env.Stdout, res); jErr != nil {
				return jErr
			}
		} else {
			writeCopyTable(env.Stdout, res)
		}
	}
	return err
}

// copyProgressPrinter prints a line per table and per tenth of the rows.
type copyProgressPrinter struct {
	w       io.Writer
	phase   string
	table   string
	printed int64
}

func (p *copyProgressPrinter) print(pr app.TeamCopyProgressDTO) {
	if pr.Phase == p.phase && pr.Done < pr.Total && (pr.Done-p.printed)*10 < pr.Total {
		return
	}
	if pr.Phase != p.phase {
		p.printed = 0
	}
	p.phase, p.table, p.printed = pr.Phase, pr.Table, pr.Done
	unit := "rows"
	if pr.Phase == "verify" {
		unit = "tables"
	}
	fmt.Fprintf(p.w, "%s: %d/%d %s (%s)\n", pr.Phase, pr.Done, pr.Total, unit, pr.Table)
}

// writeCopyJSON prints {tables, copied, verified, ...}.
func writeCopyJSON(w io.Writer, res app.TeamCopyResultDTO) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(res)
}

// writeCopyTable prints the verification as a table.
func writeCopyTable(w io.Writer, res app.TeamCopyResultDTO) {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "TABLE\tLOCAL ROWS\tTEAM ROWS\tCHECK")
	for _, t := range res.Tables {
		check := "match"
		if !t.Match {
			check = "MISMATCH"
		}
		fmt.Fprintf(tw, "%s\t%d\t%d\t%s\n", t.Name, t.SourceRows, t.TargetRows, check)
	}
	_ = tw.Flush()
	switch {
	case res.Verified && res.AlreadyCopied:
		fmt.Fprintln(w, "Already copied before; every table still matches.")
	case res.Verified:
		fmt.Fprintf(w, "Copied %d rows; every table matches.\n", res.Copied)
	default:
		fmt.Fprintf(w, "Copied %d rows; some tables differ (see above).\n", res.Copied)
	}
}
