package app

import "context"

// Supported settings values.
var (
	languages = map[string]bool{"": true, "en": true, "zh-Hans": true, "zh-Hant": true, "ro": true, "hi": true}
	themes    = map[string]bool{"system": true, "light": true, "dark": true}
)

// Settings is the bound facade for preferences.
type Settings struct{ s *Session }

// NewSettings binds the facade to a session.
func NewSettings(s *Session) *Settings { return &Settings{s: s} }

// Get returns the preferences ("" language means follow the system).
func (a *Settings) Get() (SettingsDTO, error) {
	st := a.s.Workspace().Store
	ctx := context.Background()
	lang, err := st.Setting(ctx, "language", "")
	if err != nil {
		return SettingsDTO{}, err
	}
	theme, err := st.Setting(ctx, "theme", "system")
	return SettingsDTO{Language: lang, Theme: theme}, err
}

// SetLanguage stores the interface language.
func (a *Settings) SetLanguage(lang string) (SettingsDTO, error) {
	if !languages[lang] {
		return SettingsDTO{}, invalidInput("language " + lang)
	}
	if err := a.s.Workspace().Store.SetSetting(context.Background(), "language", lang); err != nil {
		return SettingsDTO{}, err
	}
	return a.Get()
}

// SetTheme stores the theme: system, light or dark.
func (a *Settings) SetTheme(theme string) (SettingsDTO, error) {
	if !themes[theme] {
		return SettingsDTO{}, invalidInput("theme " + theme)
	}
	if err := a.s.Workspace().Store.SetSetting(context.Background(), "theme", theme); err != nil {
		return SettingsDTO{}, err
	}
	return a.Get()
}
