package app

func init() {
	for name, v := range map[string]any{
		"CreatorHandle": CreatorHandleDTO{}, "Creator": CreatorDTO{}, "Campaign": CampaignDTO{}, "DiscountCode": CodeDTO{},
		"NewCodeRequest": NewCodeRequest{}, "UtmLink": LinkDTO{}, "NewLinkRequest": NewLinkRequest{},
		"AttributionPart": ExplanationPartDTO{}, "CampaignOrder": OrderDTO{}, "OrderImportRequest": OrderImportRequest{},
		"OrderImportBadRow": BadRowDTO{}, "OrderImportPreview": OrderImportPreviewDTO{}, "OrderImportResult": OrderImportResultDTO{},
		"CampaignResultRow": ResultRowDTO{}, "OrderCurrencyTotal": CurrencyTotalDTO{}, "RevenueKpi": RevenueDTO{},
	} {
		contractPairs[name] = v
	}
}
