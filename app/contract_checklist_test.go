package app

func init() {
	for name, v := range map[string]any{
		"ChecklistTask": ChecklistTaskDTO{}, "ChecklistWeek": ChecklistWeekDTO{}, "ChecklistWeekSummary": ChecklistWeekSummaryDTO{},
		"ChecklistTemplateTask": TemplateTaskDTO{}, "ChecklistTemplate": ChecklistTemplateDTO{}, "PlanItem": PlanItemDTO{},
		"PlanItemInput": PlanItemInputDTO{},
	} {
		contractPairs[name] = v
	}
}
