package cli

import (
	"context"
	"fmt"
	"os"
	"strings"

	"creatordesk/app"
	"creatordesk/backend/campaigns/orderimport"
	"creatordesk/backend/importers"
)

func init() {
	areaUsage = append(areaUsage, "  creatordesk [--data-dir DIR] import orders FILE [--mapping shopify|woocommerce|MAPPING.json] [--currency EUR] [--date-order dmy|mdy] [--tz ZONE] [--skip-bad] [--json]\n")
}

// importOrdersCmd: import orders FILE [--mapping shopify|woocommerce|FILE] [--currency C] [--date-order dmy|mdy] [--tz ZONE] [--skip-bad] [--json]
// The whole file is checked first; with bad rows nothing is imported unless --skip-bad.
func importOrdersCmd(ctx context.Context, s *app.Session, args []string, env Env) error {
	f := newFlags("import orders", env)
	mapping := f.String("mapping", "", "shopify, woocommerce, or a JSON mapping file (default: detect from the header)")
	currency := f.String("currency", "", "currency of rows that name none (e.g. EUR)")
	dateOrder := f.String("date-order", "", "numeric dates: dmy or mdy when the file is ambiguous")
	tz := f.String("tz", "", "time zone of times without one (e.g. Europe/Bucharest)")
	skipBad := f.Bool("skip-bad", false, "import the good rows and skip the bad ones")
	asJSON := f.Bool("json", false, "print JSON")
	files, err := parseInterleaved(f, args)
	if err != nil {
		return err
	}
	if len(files) != 1 {
		fmt.Fprintln(env.Stderr, "creatordesk: import orders FILE")
		return errUsage
	}
	loc, err := importers.ParseZone(*tz)
	if err != nil {
		fmt.Fprintf(env.Stderr, "creatordesk: --tz: %v\n", err)
		return errUsage
	}
	if *dateOrder != "" && *dateOrder != orderimport.DMY && *dateOrder != orderimport.MDY {
		fmt.Fprintln(env.Stderr, "creatordesk: --date-order dmy or mdy")
		return errUsage
	}
	opts := orderimport.Options{Currency: *currency, DateOrder: *dateOrder, Location: loc, FileName: files[0]}
	switch *mapping {
	case "", orderimport.FormatShopify, orderimport.FormatWooCommerce:
		opts.Format = *mapping
	default:
		b, err := os.ReadFile(*mapping)
		if err != nil {
			return err
		}
		if opts.Mapping, err = orderimport.ParseMappingJSON(b); err != nil {
			fmt.Fprintf(env.Stderr, "creatordesk: --mapping: %v\n", err)
			return errUsage
		}
		opts.Format = orderimport.FormatCustom
	}
	file, err := os.Open(files[0])
	if err != nil {
		return err
	}
	defer file.Close()
	preview, err := orderimport.Parse(file, opts)
	if err != nil {
		return err
	}
	res, importErr := s.Workspace().Campaigns().ImportOrders(ctx, preview, *skipBad, s.Actor())
	if *asJSON {
		bad := make([]map[string]any, 0, len(preview.BadRows))
		for _, b := range preview.BadRows {
			bad = append(bad, map[string]any{"line": b.Line, "problem": b.Problem, "column": b.Column, "value": b.Value, "message": b.Message()})
		}
		if err := printJSON(env.Stdout, map[string]any{"format": preview.Format, "read": res.Read, "inserted": res.Inserted,
			"alreadyThere": res.AlreadyThere, "skipped": res.Skipped, "imported": importErr == nil, "badRows": bad}); err != nil {
			return err
		}
		return importErr
	}
	printBadRows(env, preview.BadRows)
	if importErr != nil {
		return importErr
	}
	fmt.Fprintf(env.Stdout, "imported %s orders: %d read, %d new, %d already there, %d bad rows skipped\n",
		orDetected(preview.Format), res.Read, res.Inserted, res.AlreadyThere, res.Skipped)
	return nil
}

// printBadRows lists bad rows, at most maxProblemsShown of them.
func printBadRows(env Env, rows []orderimport.BadRow) {
	for i, b := range rows {
		if i == maxProblemsShown {
			fmt.Fprintf(env.Stdout, "… and %d more bad rows\n", len(rows)-maxProblemsShown)
			break
		}
		col := ""
		if b.Column != "" {
			col = " (" + b.Column + ")"
		}
		fmt.Fprintf(env.Stdout, "line %d%s: %s\n", b.Line, col, b.Message())
	}
}

// orDetected names the format for the summary.
func orDetected(format string) string {
	if format == "" {
		return "CSV"
	}
	return strings.ToUpper(format[:1]) + format[1:]
}
