package app

func init() {
	for name, v := range map[string]any{
		"ModerateRequest": ModerateRequest{}, "ModerationRecord": ModerationRecordDTO{}, "ModerationOutcome": ModerationOutcomeDTO{},
		"ModerationCaps": ModerationCapsDTO{}, "PrivateReplyStatus": PrivateReplyStatusDTO{},
		"NegativeReplyRequest": NegativeReplyRequest{}, "NegativeStep": NegativeStepDTO{}, "NegativeReplyResult": NegativeReplyResultDTO{},
		"ModerationHistoryRequest": ModerationHistoryRequest{}, "ModerationEntry": ModerationEntryDTO{}, "ModerationHistory": ModerationHistoryDTO{},
	} {
		contractPairs[name] = v
	}
}
