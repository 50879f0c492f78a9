package app

// DesktopDTO is the machine's desktop preferences.
type DesktopDTO struct {
	BackgroundSync bool `json:"backgroundSync"`
	UpdateCheck    bool `json:"updateCheck"`
	// UpdateFeed is false when this build has no update source (the check cannot be offered).
	UpdateFeed bool   `json:"updateFeed"`
	TourDone   bool   `json:"tourDone"`
	Version    string `json:"version"`
}

// UpdateDTO is the answer of an update check.
type UpdateDTO struct {
	Current string `json:"current"`
	Latest  string `json:"latest"`
	Newer   bool   `json:"newer"`
	URL     string `json:"url"`
	Notes   string `json:"notes"`
}
