package app

func init() {
	for name, v := range map[string]any{
		"KpiDashboard": KpiDashboardDTO{}, "KpiFigure": KpiFigureDTO{}, "KpiSplit": KpiSplitDTO{},
		"KpiSplitRow": KpiSplitRowDTO{}, "KpiDrill": KpiDrillDTO{}, "KpiDrillRow": KpiDrillRowDTO{},
	} {
		contractPairs[name] = v
	}
}
