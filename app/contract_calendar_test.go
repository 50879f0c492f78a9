package app

func init() {
	for name, v := range map[string]any{
		"CalendarItem": CalendarItemDTO{}, "CalendarItemInput": CalendarItemInput{}, "CalendarEvent": CalendarEventDTO{},
		"CadenceWeek": CadenceWeekDTO{}, "CalendarRange": CalendarRangeDTO{}, "MoveRequest": MoveRequest{},
		"CaptionLimit": CaptionLimitDTO{}, "CadenceTarget": CadenceTargetDTO{}, "CalendarOptions": CalendarOptionsDTO{},
		"PublishJob": PublishJobDTO{}, "LiveSession": LiveSessionDTO{}, "LiveInput": LiveInputDTO{}, "LiveQuestion": LiveQuestionDTO{},
		"QuestionGroup": QuestionGroupDTO{}, "LiveBoard": LiveBoardDTO{}, "FollowupCounts": FollowupCountsDTO{},
		"LiveSummary": LiveSummaryDTO{}, "QuestionRequest": QuestionRequest{}, "LiveFigures": FiguresDTO{},
		"SequenceStep": SequenceStepDTO{}, "Sequence": SequenceDTO{}, "ScheduledMessage": ScheduledMessageDTO{},
		"SequenceStats": SequenceStatsDTO{}, "SequenceInput": SequenceInput{}, "SequenceSaved": SequenceSavedDTO{},
		"OutboxQuery": OutboxQuery{}, "ConsentState": ConsentStateDTO{}, "EnrollRequest": EnrollRequest{},
		"PlannedStep": PlannedStepDTO{}, "EnrollPlan": EnrollPlanDTO{},
	} {
		contractPairs[name] = v
	}
}
