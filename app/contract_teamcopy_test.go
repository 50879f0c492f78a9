package app

func init() {
	for name, v := range map[string]any{
		"TeamCopyStatus": TeamCopyStatusDTO{}, "TeamCopyProgress": TeamCopyProgressDTO{},
		"TeamCopyTable": TeamCopyTableDTO{}, "TeamCopyResult": TeamCopyResultDTO{},
	} {
		contractPairs[name] = v
	}
}
