package orderimport

import (
	"encoding/json"
	"fmt"
	"strings"
)

// Field is an order attribute a CSV column can fill.
type Field string

// Fields. ID, Date and Total are required.
const (
	FieldID          Field = "id"
	FieldName        Field = "name"
	FieldDate        Field = "date"
	FieldTotal       Field = "total"
	FieldCurrency    Field = "currency"
	FieldCodes       Field = "codes"
	FieldCustomer    Field = "customer"
	FieldLanding     Field = "landing"
	FieldReferrer    Field = "referrer"
	FieldUTMSource   Field = "utm_source"
	FieldUTMMedium   Field = "utm_medium"
	FieldUTMCampaign Field = "utm_campaign"
	FieldUTMContent  Field = "utm_content"
	FieldUTMTerm     Field = "utm_term"
)

// Fields lists every field in the order the mapping step shows them.
var Fields = []Field{FieldID, FieldName, FieldDate, FieldTotal, FieldCurrency, FieldCodes, FieldCustomer, FieldLanding,
	FieldReferrer, FieldUTMSource, FieldUTMMedium, FieldUTMCampaign, FieldUTMContent, FieldUTMTerm}

// Required are the fields every import needs.
var Required = []Field{FieldID, FieldDate, FieldTotal}

// Formats with a built-in mapping.
const (
	FormatShopify     = "shopify"
	FormatWooCommerce = "woocommerce"
	FormatCustom      = "custom"
)

// aliases are the column names each known export uses for a field (first match wins).
var aliases = map[string]map[Field][]string{
	FormatShopify: {
		FieldID: {"Name"}, FieldName: {"Name"}, FieldDate: {"Created at", "Paid at"}, FieldTotal: {"Total"},
		FieldCurrency: {"Currency"}, FieldCodes: {"Discount Code"}, FieldCustomer: {"Email"},
		FieldLanding: {"Landing Site", "Landing Page"}, FieldReferrer: {"Referring Site"},
	},
	FormatWooCommerce: {
		FieldID: {"order_id", "Order ID", "order_number", "Order Number"}, FieldName: {"order_number", "Order Number"},
		FieldDate: {"order_date", "Order Date", "date_created", "Date"}, FieldTotal: {"order_total", "Order Total", "Total"},
		FieldCurrency:    {"order_currency", "Order Currency", "Currency"},
		FieldCodes:       {"coupon_code", "Coupon Code", "coupon_items", "Coupons", "Coupon"},
		FieldCustomer:    {"billing_email", "Billing Email", "Customer Email", "customer_email"},
		FieldLanding:     {"meta:_wc_order_attribution_session_entry", "_wc_order_attribution_session_entry", "Landing Page"},
		FieldReferrer:    {"meta:_wc_order_attribution_referrer", "_wc_order_attribution_referrer", "Referrer"},
		FieldUTMSource:   {"meta:_wc_order_attribution_utm_source", "_wc_order_attribution_utm_source", "Origin", "utm_source"},
		FieldUTMMedium:   {"meta:_wc_order_attribution_utm_medium", "_wc_order_attribution_utm_medium", "utm_medium"},
		FieldUTMCampaign: {"meta:_wc_order_attribution_utm_campaign", "_wc_order_attribution_utm_campaign", "utm_campaign"},
		FieldUTMContent:  {"meta:_wc_order_attribution_utm_content", "_wc_order_attribution_utm_content", "utm_content"},
	},
}

// Mapping says which column fills which field, plus how to read them.
type Mapping struct {
	Format  string           `json:"format,omitempty"`
	Columns map[Field]string `json:"columns"`
	// DateOrder is DMY or MDY for numeric dates ("" = decide from the file).
	DateOrder string `json:"dateOrder,omitempty"`
	// Currency is used for rows that name none.
	Currency string `json:"currency,omitempty"`
}

// ParseMappingJSON reads a mapping file: {"columns":{"id":"Order #",...},"dateOrder":"dmy","currency":"EUR"},
// or the plain form {"id":"Order #", "date":"When", ...}.
func ParseMappingJSON(b []byte) (Mapping, error) {
	var m Mapping
	if err := json.Unmarshal(b, &m); err == nil && len(m.Columns) > 0 {
		m.Format = FormatCustom
		return m, m.check()
	}
	var flat map[string]string
	if err := json.Unmarshal(b, &flat); err != nil {
		return Mapping{}, fmt.Errorf("orderimport: the mapping file is not JSON: %w", err)
	}
	m = Mapping{Format: FormatCustom, Columns: map[Field]string{}}
	for k, v := range flat {
		switch k {
		case "dateOrder":
			m.DateOrder = v
		case "currency":
			m.Currency = v
		default:
			m.Columns[Field(k)] = v
		}
	}
	return m, m.check()
}

// check rejects unknown fields and date orders.
func (m Mapping) check() error {
	known := map[Field]bool{}
	for _, f := range Fields {
		known[f] = true
	}
	for f := range m.Columns {
		if !known[f] {
			return fmt.Errorf("orderimport: unknown field %q in the mapping", f)
		}
	}
	if m.DateOrder != "" && m.DateOrder != DMY && m.DateOrder != MDY {
		return fmt.Errorf("orderimport: dateOrder must be dmy or mdy")
	}
	return nil
}

// builtin resolves a known format's aliases against the headers.
func builtin(format string, headers []string) Mapping {
	m := Mapping{Format: format, Columns: map[Field]string{}}
	for f, names := range aliases[format] {
		for _, n := range names {
			if col := findHeader(headers, n); col != "" {
				m.Columns[f] = col
				break
			}
		}
	}
	return m
}

// findHeader returns the header equal to name ignoring case and spaces, or "".
func findHeader(headers []string, name string) string {
	for _, h := range headers {
		if strings.EqualFold(strings.TrimSpace(h), name) {
			return h
		}
	}
	return ""
}

// detect guesses the export format from its headers ("" when unknown).
func detect(headers []string) string {
	if findHeader(headers, "Name") != "" && findHeader(headers, "Total") != "" && findHeader(headers, "Created at") != "" {
		return FormatShopify
	}
	for _, id := range aliases[FormatWooCommerce][FieldID] {
		if findHeader(headers, id) != "" {
			return FormatWooCommerce
		}
	}
	return ""
}
