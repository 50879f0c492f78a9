package app

func init() {
	for name, v := range map[string]any{
		"TeamDBConfig": TeamDBConfigDTO{}, "TeamDBConnectRequest": TeamDBConnectRequest{}, "TeamDBProbe": TeamDBProbeDTO{},
		"TeamLink": TeamLinkDTO{}, "TeamInstance": TeamInstanceDTO{}, "TeamDBStatus": TeamDBStatusDTO{},
		"SeenConversation": SeenDTO{}, "CheckedActionRequest": CheckedActionRequest{}, "ConflictInfo": ConflictDTO{},
		"CheckedActionResult": CheckedActionResultDTO{},
	} {
		contractPairs[name] = v
	}
}
