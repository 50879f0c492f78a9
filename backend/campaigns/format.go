package campaigns

import "creatordesk/backend/campaigns/money"

// formatAmount writes minor units as decimal text for a shop API.
func formatAmount(minor int64, currency string) string { return money.Format(minor, currency) }
