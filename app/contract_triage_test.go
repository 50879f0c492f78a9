package app

func init() {
	for name, v := range map[string]any{
		"TriageTag": TagDTO{}, "TeamMember": MemberDTO{}, "TeamState": TeamDTO{}, "BulkRequest": BulkRequest{}, "BulkResult": BulkResultDTO{},
		"ConversationNote": NoteDTO{}, "HandoffDraft": HandoffDTO{}, "ViewFilter": ViewFilterDTO{}, "SavedView": SavedViewDTO{},
		"Replier": ReplierDTO{}, "ContactHit": ContactHitDTO{}, "NoteHit": NoteHitDTO{}, "SearchResults": SearchResultsDTO{},
		"ContactSummary": ContactDTO{}, "ContactPage": ContactPageDTO{}, "ContactIdentity": IdentityDTO{}, "ContactMerge": MergeDTO{},
		"ConsentLine": ConsentLineDTO{}, "ContactProfile": ContactProfileDTO{}, "ContactUpdate": ContactUpdateDTO{},
		"ReplyLimit": LimitDTO{},
	} {
		contractPairs[name] = v
	}
}
