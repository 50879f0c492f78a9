// Package shopifyfake is a fake Shopify GraphQL Admin API on loopback for tests
// and the demo: the shop query, orders with cursor pagination and the
// updated_at search filter, discountCodeBasicCreate and codeDiscountNodeByCode,
// the client credentials grant, query-cost throttling (extensions.cost and a
// THROTTLED error), 429 with Retry-After, 401 for unknown tokens, and malformed
// order nodes on request.
package shopifyfake

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"sort"
	"strings"
	"sync"
	"time"

	"creatordesk/backend/platforms/fakekit"
)

// Order is an order the fake serves. Times are RFC 3339.
type Order struct {
	ID, Name             string
	CreatedAt, UpdatedAt time.Time
	Amount, Currency     string
	DiscountCodes        []string
	CustomerID           string
	// LandingPage and Referrer fill the last visit; FirstLanding the first one (when different).
	LandingPage, Referrer, FirstLanding string
	// Raw, when set, is served instead of the fields above (a malformed node).
	Raw json.RawMessage
}

// Code is a discount code the fake knows.
type Code struct {
	ID    string
	Code  string
	Title string
	Usage int64
	Input map[string]any
}

// Server is the fake shop.
type Server struct {
	*httptest.Server
	fakekit.Faults

	mu sync.Mutex
	// Token is the static Admin API token accepted (shpat_…).
	Token string
	// ClientID and ClientSecret are accepted by the client credentials grant.
	ClientID, ClientSecret string
	// TokenTTL is the lifetime of granted tokens (24 h by default).
	TokenTTL time.Duration
	// BucketMax and RestoreRate model the query-cost bucket (points, points per second).
	BucketMax, RestoreRate float64
	// Now is the fake's clock.
	Now func() time.Time

	bucket    float64
	bucketAt  time.Time
	granted   map[string]time.Time
	grants    int
	orders    []Order
	codes     map[string]*Code
	nextCode  int
	throttle  int
	calls     int
	retryHint string
}

// New starts a fake shop that accepts token.
func New(token string) *Server {
	s := &Server{Token: token, TokenTTL: 24 * time.Hour, BucketMax: 1000, RestoreRate: 50, Now: time.Now,
		granted: map[string]time.Time{}, codes: map[string]*Code{}, retryHint: "2.0"}
	s.bucket = s.BucketMax
	mux := http.NewServeMux()
	mux.HandleFunc("/admin/oauth/access_token", s.handleToken)
	mux.HandleFunc("/admin/api/", s.handleGraphQL)
	s.Server = httptest.NewServer(mux)
	return s
}

// AddOrders adds orders to the shop.
func (s *Server) AddOrders(orders ...Order) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.orders = append(s.orders, orders...)
}

// SetCodeUsage sets how often a code was used.
func (s *Server) SetCodeUsage(code string, n int64) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if c := s.codes[strings.ToUpper(code)]; c != nil {
		c.Usage = n
	}
}

// CodeByCode returns a created code (nil when unknown).
func (s *Server) CodeByCode(code string) *Code {
	s.mu.Lock()
	defer s.mu.Unlock()
	if c := s.codes[strings.ToUpper(code)]; c != nil {
		cp := *c
		return &cp
	}
	return nil
}

// ThrottleNext answers the next n GraphQL calls with a THROTTLED error.
func (s *Server) ThrottleNext(n int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.throttle = n
}

// ExpireTokens makes every granted token invalid (as after ~24 h).
func (s *Server) ExpireTokens() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.granted = map[string]time.Time{}
}

// Calls counts GraphQL calls; Grants counts client credentials grants.
func (s *Server) Calls() (calls, grants int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.calls, s.grants
}

// handleToken is the client credentials grant.
func (s *Server) handleToken(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost || r.ParseForm() != nil {
		http.Error(w, `{"error":"invalid_request"}`, http.StatusBadRequest)
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.ClientID == "" || r.PostForm.Get("grant_type") != "client_credentials" ||
		r.PostForm.Get("client_id") != s.ClientID || r.PostForm.Get("client_secret") != s.ClientSecret {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusBadRequest)
		_, _ = io.WriteString(w, `{"error":"invalid_client","error_description":"Client credentials are invalid"}`)
		return
	}
	s.grants++
	tok := fmt.Sprintf("shpat_granted_%04d_%s", s.grants, strings.Repeat("x", 16))
	s.granted[tok] = s.Now().Add(s.TokenTTL)
	writeJSON(w, http.StatusOK, map[string]any{"access_token": tok, "scope": "read_orders,write_discounts", "expires_in": int(s.TokenTTL.Seconds())})
}

// authorized checks the access token header (mu held).
func (s *Server) authorized(r *http.Request) bool {
	tok := r.Header.Get("X-Shopify-Access-Token")
	if tok == "" {
		return false
	}
	if s.Token != "" && tok == s.Token {
		return true
	}
	exp, ok := s.granted[tok]
	return ok && s.Now().Before(exp)
}

// handleGraphQL serves POST /admin/api/{version}/graphql.json.
func (s *Server) handleGraphQL(w http.ResponseWriter, r *http.Request) {
	if s.Down() {
		http.Error(w, "down", http.StatusServiceUnavailable)
		return
	}
	if !strings.HasSuffix(r.URL.Path, "/graphql.json") || r.Method != http.MethodPost {
		writeJSON(w, http.StatusNotFound, map[string]any{"errors": "Not Found"})
		return
	}
	if f, ok := s.TakeFailure(); ok {
		if f.Status == http.StatusTooManyRequests {
			w.Header().Set("Retry-After", s.retryHint)
		}
		writeJSON(w, f.Status, map[string]any{"errors": "injected failure"})
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.calls++
	if !s.authorized(r) {
		writeJSON(w, http.StatusUnauthorized, map[string]any{"errors": "[API] Invalid API key or access token (unrecognized login or wrong password)"})
		return
	}
	var req struct {
		Query     string         `json:"query"`
		Variables map[string]any `json:"variables"`
	}
	if err := json.NewDecoder(io.LimitReader(r.Body, 1<<20)).Decode(&req); err != nil || req.Query == "" {
		writeJSON(w, http.StatusBadRequest, map[string]any{"errors": "Bad Request"})
		return
	}
	cost := 1.0
	if strings.Contains(req.Query, "orders(") {
		cost = 2 + num(req.Variables["first"], 50)
	} else if strings.Contains(req.Query, "mutation") {
		cost = 10
	}
	if !s.spend(cost) {
		s.answer(w, nil, []map[string]any{{"message": "Throttled", "extensions": map[string]any{"code": "THROTTLED",
			"documentation": "https://shopify.dev/api/usage/rate-limits"}}}, cost)
		return
	}
	switch {
	case strings.Contains(req.Query, "orders("):
		s.answer(w, s.ordersData(req.Variables), nil, cost)
	case strings.Contains(req.Query, "discountCodeBasicCreate"):
		s.answer(w, s.createCode(req.Variables), nil, cost)
	case strings.Contains(req.Query, "codeDiscountNodeByCode"):
		s.answer(w, s.codeUsage(req.Variables), nil, cost)
	case strings.Contains(req.Query, "shop {"):
		s.answer(w, map[string]any{"shop": map[string]any{"id": "gid://shopify/Shop/4242", "name": "Glaze & Co.",
			"myshopifyDomain": "glaze-co.myshopify.com", "currencyCode": "EUR"}}, nil, cost)
	default:
		s.answer(w, nil, []map[string]any{{"message": "Field doesn't exist", "extensions": map[string]any{"code": "undefinedField"}}}, cost)
	}
}

// spend takes cost from the bucket (mu held); false means throttled.
func (s *Server) spend(cost float64) bool {
	now := s.Now()
	if !s.bucketAt.IsZero() {
		s.bucket += now.Sub(s.bucketAt).Seconds() * s.RestoreRate
		if s.bucket > s.BucketMax {
			s.bucket = s.BucketMax
		}
	}
	s.bucketAt = now
	if s.throttle > 0 {
		s.throttle--
		s.bucket = 0
		return false
	}
	if s.bucket < cost {
		return false
	}
	s.bucket -= cost
	return true
}

// answer writes a GraphQL response with the cost extension (mu held).
func (s *Server) answer(w http.ResponseWriter, data any, errs []map[string]any, cost float64) {
	body := map[string]any{"extensions": map[string]any{"cost": map[string]any{
		"requestedQueryCost": cost, "actualQueryCost": cost,
		"throttleStatus": map[string]any{"maximumAvailable": s.BucketMax, "currentlyAvailable": s.bucket, "restoreRate": s.RestoreRate}}}}
	if data != nil {
		body["data"] = data
	}
	if errs != nil {
		body["errors"] = errs
	}
	if s.TakeTruncation() {
		b, _ := json.Marshal(body)
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write(b[:len(b)/2])
		return
	}
	writeJSON(w, http.StatusOK, body)
}

// ordersData pages orders by updatedAt then id (mu held).
func (s *Server) ordersData(vars map[string]any) map[string]any {
	all := append([]Order(nil), s.orders...)
	sort.SliceStable(all, func(i, j int) bool {
		if !all[i].UpdatedAt.Equal(all[j].UpdatedAt) {
			return all[i].UpdatedAt.Before(all[j].UpdatedAt)
		}
		return all[i].ID < all[j].ID
	})
	if q, _ := vars["query"].(string); strings.HasPrefix(q, "updated_at:>='") {
		min, err := time.Parse(time.RFC3339, strings.TrimSuffix(strings.TrimPrefix(q, "updated_at:>='"), "'"))
		if err == nil {
			kept := all[:0]
			for _, o := range all {
				if !o.UpdatedAt.Before(min) {
					kept = append(kept, o)
				}
			}
			all = kept
		}
	}
	start := 0
	if after, _ := vars["after"].(string); after != "" {
		fmt.Sscanf(after, "cursor-%d", &start)
	}
	first := int(num(vars["first"], 50))
	if first > 250 {
		first = 250
	}
	end := start + first
	if end > len(all) {
		end = len(all)
	}
	if start > end {
		start = end
	}
	nodes := []any{}
	for _, o := range all[start:end] {
		nodes = append(nodes, renderOrder(o))
	}
	return map[string]any{"orders": map[string]any{
		"pageInfo": map[string]any{"hasNextPage": end < len(all), "endCursor": fmt.Sprintf("cursor-%d", end)},
		"nodes":    nodes}}
}

// renderOrder is an Order node as the GraphQL Admin API shapes it.
func renderOrder(o Order) any {
	if o.Raw != nil {
		return o.Raw
	}
	codes := o.DiscountCodes
	if codes == nil {
		codes = []string{}
	}
	node := map[string]any{"id": o.ID, "name": o.Name, "createdAt": o.CreatedAt.UTC().Format(time.RFC3339),
		"updatedAt": o.UpdatedAt.UTC().Format(time.RFC3339), "discountCodes": codes,
		"totalPriceSet": map[string]any{"shopMoney": map[string]any{"amount": o.Amount, "currencyCode": o.Currency}},
		"customer":      nil, "customerJourneySummary": nil}
	if o.CustomerID != "" {
		node["customer"] = map[string]any{"id": o.CustomerID}
	}
	if o.LandingPage != "" || o.FirstLanding != "" {
		visit := func(landing string, at time.Time) map[string]any {
			return map[string]any{"occurredAt": at.UTC().Format(time.RFC3339), "landingPage": landing, "referrerUrl": o.Referrer,
				"utmParameters": utmOf(landing)}
		}
		first := o.FirstLanding
		if first == "" {
			first = o.LandingPage
		}
		node["customerJourneySummary"] = map[string]any{
			"firstVisit": visit(first, o.CreatedAt.Add(-48*time.Hour)), "lastVisit": visit(o.LandingPage, o.CreatedAt.Add(-time.Hour))}
	}
	return node
}

// utmOf reads utm_* parameters from a landing page URL (nil when it has none).
func utmOf(landing string) any {
	_, q, ok := strings.Cut(landing, "?")
	if !ok {
		return nil
	}
	out := map[string]any{}
	for _, kv := range strings.Split(q, "&") {
		k, v, _ := strings.Cut(kv, "=")
		if strings.HasPrefix(k, "utm_") {
			out[strings.TrimPrefix(k, "utm_")] = v
		}
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

// createCode is discountCodeBasicCreate (mu held).
func (s *Server) createCode(vars map[string]any) map[string]any {
	input, _ := vars["input"].(map[string]any)
	code, _ := input["code"].(string)
	title, _ := input["title"].(string)
	fail := func(msg string) map[string]any {
		return map[string]any{"discountCodeBasicCreate": map[string]any{"codeDiscountNode": nil,
			"userErrors": []any{map[string]any{"field": []string{"basicCodeDiscount", "code"}, "code": "INVALID", "message": msg}}}}
	}
	if code == "" || title == "" || input["customerGets"] == nil || input["startsAt"] == nil {
		return fail("Code, title, customer gets and starts at are required")
	}
	if s.codes[strings.ToUpper(code)] != nil {
		return fail("Code must be unique. Please try a different code.")
	}
	s.nextCode++
	c := &Code{ID: fmt.Sprintf("gid://shopify/DiscountCodeNode/%d", 9000+s.nextCode), Code: code, Title: title, Input: input}
	s.codes[strings.ToUpper(code)] = c
	return map[string]any{"discountCodeBasicCreate": map[string]any{"codeDiscountNode": map[string]any{"id": c.ID}, "userErrors": []any{}}}
}

// codeUsage is codeDiscountNodeByCode (mu held).
func (s *Server) codeUsage(vars map[string]any) map[string]any {
	code, _ := vars["code"].(string)
	c := s.codes[strings.ToUpper(code)]
	if c == nil {
		return map[string]any{"codeDiscountNodeByCode": nil}
	}
	return map[string]any{"codeDiscountNodeByCode": map[string]any{"id": c.ID, "codeDiscount": map[string]any{"asyncUsageCount": c.Usage}}}
}

// AddCode registers an existing code (as if made in the Shopify admin).
func (s *Server) AddCode(code string, usage int64) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.nextCode++
	s.codes[strings.ToUpper(code)] = &Code{ID: fmt.Sprintf("gid://shopify/DiscountCodeNode/%d", 9000+s.nextCode), Code: code, Title: code, Usage: usage}
}

// num reads a JSON number variable.
func num(v any, def float64) float64 {
	if f, ok := v.(float64); ok {
		return f
	}
	return def
}

// writeJSON answers with v as JSON.
func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}
