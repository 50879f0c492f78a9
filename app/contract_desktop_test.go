package app

func init() {
	contractPairs["DesktopPrefs"] = DesktopDTO{}
	contractPairs["UpdateInfo"] = UpdateDTO{}
}
