package whatsapp

import (
	"bytes"
	"encoding/json"
	"net/http"
	"strconv"
	"strings"
	"time"

	"creatordesk/backend/platforms"
)

// Error codes this connector branches on (Meta's WhatsApp Cloud API error codes).
const (
	// CodeAuth: the access token is invalid, expired or revoked.
	CodeAuth = 190
	// CodeAppThrottle: the app's Graph API rate limit.
	CodeAppThrottle = 4
	// CodeBUCThrottle: the WhatsApp Business Account's rate limit (80007; 80008 for management calls).
	CodeBUCThrottle     = 80007
	codeBUCManagement   = 80008
	codePermission      = 10
	codeUnknown         = 1
	codeUnavailable     = 2
	codeInvalidParam    = 100
	codeGenericUser     = 131000
	codeServiceUnavail  = 131016
	codePairRateLimit   = 131056
	codeMarketingPerDay = 131049
	// CodeThroughput: too many messages per second from this phone number.
	CodeThroughput = 130429
	// CodeReengagement: more than 24 hours since the person last wrote; only templates go through.
	CodeReengagement = 131047
	// CodeUndeliverable: the message could not be delivered (not a WhatsApp user, old app, terms not accepted).
	CodeUndeliverable = 131026
	// CodeTemplateParams: the template's parameters do not match its placeholders.
	CodeTemplateParams = 132000
	// CodeTemplateMissing: no such template in that language, or not approved.
	CodeTemplateMissing = 132001
)

// Waits when Meta names none.
const (
	throughputWait = 2 * time.Second
	pairWait       = 6 * time.Second // about one message per 6 seconds to one person
	throttleWait   = time.Minute
	maxRetryAfter  = 2 * time.Hour
)

// apiEnvelope is Graph's error body.
type apiEnvelope struct {
	Error *apiErr `json:"error"`
}

// apiErr is Graph's error object with WhatsApp's error_data.
type apiErr struct {
	Message     string `json:"message"`
	Type        string `json:"type"`
	Code        int    `json:"code"`
	Subcode     int    `json:"error_subcode"`
	UserMessage string `json:"error_user_msg"`
	IsTransient bool   `json:"is_transient"`
	FBTraceID   string `json:"fbtrace_id"`
	ErrorData   struct {
		Details string `json:"details"`
	} `json:"error_data"`
}

// newError builds a connector error.
func newError(kind platforms.ErrorKind, code int, msg string) *platforms.Error {
	return &platforms.Error{Platform: Platform, Kind: kind, Code: code, Message: msg}
}

// hasErrorEnvelope reports whether a body is Graph's error object (which can come with a 200).
func hasErrorEnvelope(raw []byte) bool {
	if !bytes.Contains(raw, []byte(`"error"`)) {
		return false
	}
	var env apiEnvelope
	return json.Unmarshal(raw, &env) == nil && env.Error != nil && (env.Error.Code != 0 || env.Error.Message != "")
}

// apiError maps a failed answer to a typed error. Error.Code is Meta's code;
// the message is Meta's own text (with error_data.details), with a plain
// explanation in front for the codes a person can act on.
func (c *connector) apiError(op string, status int, h http.Header, raw []byte) *platforms.Error {
	var env apiEnvelope
	if json.Unmarshal(raw, &env) != nil || env.Error == nil {
		kind := platforms.KindTransient
		switch {
		case status == http.StatusUnauthorized:
			kind = platforms.KindAuth
		case status == http.StatusTooManyRequests:
			kind = platforms.KindRateLimited
		case status >= 400 && status < 500 && status != http.StatusRequestTimeout:
			kind = platforms.KindPermanent
		}
		e := newError(kind, status, op+": HTTP "+strconv.Itoa(status))
		if kind == platforms.KindRateLimited {
			e.RetryAfter = throttleWait
		}
		return e
	}
	ae := env.Error
	msg := strings.TrimSpace(ae.Message)
	if msg == "" {
		msg = http.StatusText(status)
	}
	if d := strings.TrimSpace(ae.ErrorData.Details); d != "" && !strings.Contains(msg, d) {
		msg += ": " + d
	}
	if ae.FBTraceID != "" {
		msg += " (trace " + platforms.TruncateText(ae.FBTraceID, 40) + ")"
	}
	kind, explain := classify(status, ae)
	text := op + ": " + platforms.TruncateText(msg, 400)
	if explain != "" {
		text = op + ": " + explain + " — " + platforms.TruncateText(msg, 300)
	}
	e := newError(kind, ae.Code, platforms.RedactSecret(text, c.token))
	if kind == platforms.KindRateLimited {
		e.RetryAfter = retryAfter(ae.Code, h)
	}
	return e
}

// classify picks the kind of a Graph error and, for codes a person can act
// on, a plain explanation.
func classify(status int, ae *apiErr) (platforms.ErrorKind, string) {
	switch {
	case ae.Code == CodeAuth || ae.Type == "OAuthException" && status == http.StatusUnauthorized:
		return platforms.KindAuth, "the access token is invalid, expired or revoked (connect again with a new system-user token)"
	case ae.Code == CodeThroughput, ae.Code == codePairRateLimit, ae.Code == CodeAppThrottle,
		ae.Code == CodeBUCThrottle, ae.Code == codeBUCManagement:
		return platforms.KindRateLimited, ""
	case ae.Code == CodeReengagement:
		return platforms.KindWindowClosed, "more than 24 hours have passed since this person last wrote; only an approved template can be sent now"
	case ae.Code == CodeUndeliverable:
		return platforms.KindPermanent, "WhatsApp could not deliver this message (the number may not use WhatsApp, or its app is too old)"
	case ae.Code == codeMarketingPerDay:
		return platforms.KindPermanent, "WhatsApp held this marketing message back to protect the person from too many of them"
	case ae.Code == CodeTemplateParams:
		return platforms.KindPermanent, "the template's parameters do not match its placeholders"
	case ae.Code == CodeTemplateMissing:
		return platforms.KindPermanent, "no approved template with this name and language"
	case ae.Code == codePermission || ae.Code >= 200 && ae.Code <= 299:
		return platforms.KindPermanent, "the token lacks a permission this needs (whatsapp_business_messaging, whatsapp_business_management)"
	case ae.IsTransient, ae.Code == codeUnknown, ae.Code == codeUnavailable, ae.Code == codeGenericUser,
		ae.Code == codeServiceUnavail, status >= 500:
		return platforms.KindTransient, ""
	}
	return platforms.KindPermanent, ""
}

// retryAfter is how long to wait after a rate-limit code: the usage header's
// estimated_time_to_regain_access (minutes) when it names one, else a wait
// fitting the code; at least a second and at most maxRetryAfter.
func retryAfter(code int, h http.Header) time.Duration {
	d := regainFromHeader(h.Get("X-Business-Use-Case-Usage"))
	if d <= 0 {
		switch code {
		case CodeThroughput:
			d = throughputWait
		case codePairRateLimit:
			d = pairWait
		default:
			d = throttleWait
		}
	}
	return min(max(platforms.CeilSecond(d), time.Second), maxRetryAfter)
}

// regainFromHeader reads the longest estimated_time_to_regain_access (in
// minutes) of X-Business-Use-Case-Usage: {"<id>":[{"type":...,"estimated_time_to_regain_access":N}]}.
func regainFromHeader(v string) time.Duration {
	if v == "" {
		return 0
	}
	var usage map[string][]struct {
		Regain float64 `json:"estimated_time_to_regain_access"`
	}
	if json.Unmarshal([]byte(v), &usage) != nil {
		return 0
	}
	var most float64
	for _, list := range usage {
		for _, u := range list {
			most = max(most, u.Regain)
		}
	}
	return time.Duration(most * float64(time.Minute))
}
