package telegram_test

import (
	"testing"

	"creatordesk/backend/platforms/telegram"
)

func TestValidChannel(t *testing.T) {
	for ch, want := range map[string]bool{
		"@glazeandco": true, " @glazeandco ": true, "-1001234567890": true,
		"": false, "@abc": false, "@with space": false, "glazeandco": false, "12345": false, "https://t.me/x": false,
	} {
		if got := telegram.ValidChannel(ch); got != want {
			t.Errorf("ValidChannel(%q) = %v, want %v", ch, got, want)
		}
	}
}
