package app

func init() {
	contractPairs["OAuthStartRequest"] = OAuthStartRequest{}
	contractPairs["OAuthFlow"] = OAuthFlowDTO{}
	contractPairs["OAuthClient"] = OAuthClientDTO{}
}
