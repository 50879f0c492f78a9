package app

func init() {
	for name, v := range map[string]any{
		"KpiDashboard": KpiDashboardDTO{}, "KpiFigure": KpiFigureDTO{}, "KpiSplit": KpiSplitDTO{},
		"KpiSplitRow": KpiSplitRowDTO{}, "KpiDrill": KpiDrillDTO{}, "KpiDrillRow": KpiDrillRowDTO{},
		"KpiSettings": KpiSettingsDTO{}, "KpiGoalInput": KpiGoalInputDTO{}, "KpiGoal": KpiGoalDTO{},
		"KpiReportText": KpiReportTextDTO{}, "KpiReport": KpiReportDTO{},
	} {
		contractPairs[name] = v
	}
}
