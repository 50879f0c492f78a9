package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"creatordesk/app"
	"creatordesk/backend/secrets"
)

const badOrdersCSV = "\ufeffName;Email;Currency;Total;Discount Code;Created at\n" +
	"#1;a@example.com;EUR;45,50;ANA10;2026-05-02 10:00:00 +0000\n" +
	"#2;b@example.com;EUR;sixty;;2026-05-03 10:00:00 +0000\n" +
	"#3;c@example.com;EUR;20,00;;not a date\n" +
	";d@example.com;EUR;10,00;;2026-05-04 10:00:00 +0000\n"

func TestCLIImportOrdersReportsBadRowsThenSkipsAndKPIMatches(t *testing.T) {
	vault := secrets.NewMemory()
	dir := t.TempDir()
	file := filepath.Join(dir, "orders.csv")
	if err := os.WriteFile(file, []byte(badOrdersCSV), 0o600); err != nil {
		t.Fatal(err)
	}
	data := filepath.Join(dir, "ws")
	code, out, errOut := run(t, vault, "", "--data-dir", data, "import", "orders", file)
	if code != 1 || !strings.Contains(out, "line 3 (Total): \"sixty\" is not an amount") || !strings.Contains(out, "line 4 (Created at)") ||
		!strings.Contains(out, "line 5 (Name): the order id is empty") || !strings.Contains(errOut, "3 rows cannot be imported") {
		t.Fatalf("exit %d\n%s\n%s", code, out, errOut)
	}
	kpi := mustRun(t, vault, "", "--data-dir", data, "kpi", "revenue", "--json")
	var empty app.RevenueDTO
	decode(t, kpi, &empty)
	if len(empty.Totals) != 0 {
		t.Fatalf("a refused import stored orders: %s", kpi)
	}
	out = mustRun(t, vault, "", "--data-dir", data, "import", "orders", file, "--skip-bad")
	if !strings.Contains(out, "1 new") || !strings.Contains(out, "3 bad rows skipped") {
		t.Fatalf("skip: %s", out)
	}
	out = mustRun(t, vault, "", "--data-dir", data, "import", "orders", file, "--skip-bad", "--json")
	if !strings.Contains(out, `"inserted": 0`) || !strings.Contains(out, `"alreadyThere": 1`) {
		t.Fatalf("re-import: %s", out)
	}
	var rev app.RevenueDTO
	decode(t, mustRun(t, vault, "", "--data-dir", data, "kpi", "revenue", "--json", "--from", "2026-05-01", "--to", "2026-05-31"), &rev)
	if len(rev.Totals) != 1 || rev.Totals[0].Orders != 1 || rev.Totals[0].RevenueMinor != 4550 || rev.From != "2026-05-01T00:00:00Z" {
		t.Fatalf("kpi %+v", rev)
	}
	// ANA10 belongs to no creator yet: revenue is there, credited to nobody.
	if len(rev.ByCreator) != 0 || rev.Totals[0].Credited != 0 {
		t.Fatalf("credited without a creator: %+v", rev)
	}
	if code, _, _ := run(t, vault, "", "--data-dir", data, "kpi", "bogus"); code != 2 {
		t.Fatalf("unknown metric exit %d", code)
	}
}
