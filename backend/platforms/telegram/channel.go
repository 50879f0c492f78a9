package telegram

// ValidChannel reports whether channel names a channel the way NewChannel
// expects it: "@username" (a public channel) or a negative numeric id (a
// private one, usually -100…). Surrounding spaces are ignored.
func ValidChannel(channel string) bool {
	_, err := channelTarget(channel)
	return err == nil
}
