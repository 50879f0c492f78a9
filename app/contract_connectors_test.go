package app

func init() {
	contractPairs["AccountHealth"] = AccountHealthDTO{}
	contractPairs["Headroom"] = HeadroomDTO{}
	contractPairs["AccountSettingsRequest"] = AccountSettingsRequest{}
	contractPairs["ReconnectRequest"] = ReconnectRequest{}
	contractPairs["AppCredentialsRequest"] = AppCredentialsRequest{}
	contractPairs["AppCredentialsStatus"] = AppCredentialsStatus{}
}
