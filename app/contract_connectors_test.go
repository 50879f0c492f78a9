package app

func init() {
	contractPairs["AccountHealth"] = AccountHealthDTO{}
	contractPairs["ReconnectRequest"] = ReconnectRequest{}
	contractPairs["AppCredentialsRequest"] = AppCredentialsRequest{}
	contractPairs["AppCredentialsStatus"] = AppCredentialsStatus{}
}
