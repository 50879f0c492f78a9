package money

import "testing"

func TestParse(t *testing.T) {
	cases := []struct {
		in, cur  string
		minor    int64
		currency string
	}{
		{"45", "EUR", 4500, ""}, {"45.5", "EUR", 4550, ""}, {"€1.234,56", "", 123456, "EUR"},
		{"1,234.56 USD", "", 123456, "USD"}, {"$1,234", "", 123400, "USD"}, {"12,5", "EUR", 1250, ""},
		{"1 234,00 lei", "", 123400, "RON"}, {"-12.00", "EUR", -1200, ""}, {"(3.00)", "EUR", -300, ""},
		{"¥1,200", "", 1200, "JPY"}, {"1.234", "KWD", 1234, ""}, {"1.005", "EUR", 100500, ""}, {"9.999", "USD", 999900, ""},
		{"₹ 2,499.00", "", 249900, "INR"}, {"10.125", "USD", 1012500, ""}, {"10.1251", "USD", 1013, ""}, {"1'234.50 CHF", "", 123450, "CHF"},
	}
	for _, c := range cases {
		got, err := Parse(c.in, c.cur)
		if err != nil || got.Minor != c.minor || got.Currency != c.currency {
			t.Errorf("Parse(%q, %q) = %+v, %v; want %d %q", c.in, c.cur, got, err, c.minor, c.currency)
		}
	}
	for _, bad := range []string{"", "abc", "12abc34", "1.2.3,4,5", "--", "N/A", "12 dollars"} {
		if _, err := Parse(bad, "EUR"); err == nil {
			t.Errorf("Parse(%q) accepted", bad)
		}
	}
}

func TestFormat(t *testing.T) {
	if Format(123450, "EUR") != "1234.50" || Format(5, "EUR") != "0.05" || Format(-1200, "USD") != "-12.00" || Format(1200, "JPY") != "1200" {
		t.Fatal(Format(123450, "EUR"), Format(5, "EUR"), Format(-1200, "USD"), Format(1200, "JPY"))
	}
}
