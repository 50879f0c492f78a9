package shopify

import (
	"context"
	"strings"
	"time"

	"creatordesk/backend/platforms"
)

// CreateDiscountCode implements platforms.OrderSource with discountCodeBasicCreate.
func (c *connector) CreateDiscountCode(ctx context.Context, code platforms.NewDiscountCode) (platforms.CodeUsage, error) {
	code.Code = strings.TrimSpace(code.Code)
	if code.Code == "" {
		return platforms.CodeUsage{}, errPermanent("create code: the code is empty")
	}
	value := map[string]any{}
	switch {
	case code.Percent > 0 && code.Percent <= 100:
		value["percentage"] = code.Percent / 100
	case code.AmountOff != "" && isDecimal(code.AmountOff):
		value["discountAmount"] = map[string]any{"amount": code.AmountOff, "appliesOnEachItem": false}
	default:
		return platforms.CodeUsage{}, errPermanent("create code: give a percentage (1-100) or an amount off")
	}
	starts := code.StartsAt
	if starts.IsZero() {
		starts = c.now()
	}
	input := map[string]any{
		"title":                  firstNonEmpty(code.Title, code.Code),
		"code":                   code.Code,
		"startsAt":               starts.UTC().Format(time.RFC3339),
		"context":                map[string]any{"all": "ALL"},
		"customerGets":           map[string]any{"value": value, "items": map[string]any{"all": true}},
		"appliesOncePerCustomer": code.OncePerCustomer,
	}
	if !code.EndsAt.IsZero() {
		input["endsAt"] = code.EndsAt.UTC().Format(time.RFC3339)
	}
	if code.UsageLimit > 0 {
		input["usageLimit"] = code.UsageLimit
	}
	var out struct {
		Create struct {
			Node *struct {
				ID string `json:"id"`
			} `json:"codeDiscountNode"`
			UserErrors []struct {
				Code    string `json:"code"`
				Message string `json:"message"`
			} `json:"userErrors"`
		} `json:"discountCodeBasicCreate"`
	}
	if err := c.graphql(ctx, "create code", mutationCreateCode, map[string]any{"input": input}, &out); err != nil {
		return platforms.CodeUsage{}, err
	}
	if len(out.Create.UserErrors) > 0 {
		e := out.Create.UserErrors[0]
		return platforms.CodeUsage{}, errPermanent("create code: " + e.Message)
	}
	if out.Create.Node == nil || out.Create.Node.ID == "" {
		return platforms.CodeUsage{}, errTransient("create code: the answer has no discount id")
	}
	return platforms.CodeUsage{ExternalID: out.Create.Node.ID, Code: code.Code}, nil
}

// CodeUsage implements platforms.OrderSource with codeDiscountNodeByCode.
func (c *connector) CodeUsage(ctx context.Context, code string) (platforms.CodeUsage, error) {
	var out struct {
		Node *struct {
			ID           string `json:"id"`
			CodeDiscount struct {
				AsyncUsageCount *int64 `json:"asyncUsageCount"`
			} `json:"codeDiscount"`
		} `json:"codeDiscountNodeByCode"`
	}
	if err := c.graphql(ctx, "code usage", queryCodeUsage, map[string]any{"code": code}, &out); err != nil {
		return platforms.CodeUsage{}, err
	}
	if out.Node == nil {
		return platforms.CodeUsage{}, errOf(platforms.KindPermanent, 404, "code usage: the shop has no code "+code)
	}
	u := platforms.CodeUsage{ExternalID: out.Node.ID, Code: code}
	if out.Node.CodeDiscount.AsyncUsageCount != nil {
		u.UsageCount = *out.Node.CodeDiscount.AsyncUsageCount
	}
	return u, nil
}

// firstNonEmpty returns the first non-empty string.
func firstNonEmpty(values ...string) string {
	for _, v := range values {
		if v != "" {
			return v
		}
	}
	return ""
}
