package sla

import (
	"time"
	// The zone database, for systems without one (Windows).
	_ "time/tzdata"
)

// CommonZones are the IANA zones the time-zone picker offers first (any other
// valid IANA name is accepted too). Every entry loads on every platform Go
// supports (the app embeds time/tzdata where the system has none).
var CommonZones = []string{
	"UTC",
	"Europe/London", "Europe/Dublin", "Europe/Lisbon", "Europe/Paris", "Europe/Berlin", "Europe/Madrid", "Europe/Rome",
	"Europe/Amsterdam", "Europe/Brussels", "Europe/Vienna", "Europe/Warsaw", "Europe/Prague", "Europe/Budapest",
	"Europe/Bucharest", "Europe/Chisinau", "Europe/Sofia", "Europe/Athens", "Europe/Helsinki", "Europe/Kyiv",
	"Europe/Istanbul", "Europe/Moscow",
	"America/New_York", "America/Toronto", "America/Chicago", "America/Mexico_City", "America/Denver", "America/Phoenix",
	"America/Los_Angeles", "America/Vancouver", "America/Anchorage", "Pacific/Honolulu", "America/Bogota", "America/Lima",
	"America/Santiago", "America/Sao_Paulo", "America/Argentina/Buenos_Aires",
	"Africa/Casablanca", "Africa/Lagos", "Africa/Cairo", "Africa/Johannesburg", "Africa/Nairobi",
	"Asia/Dubai", "Asia/Karachi", "Asia/Kolkata", "Asia/Kathmandu", "Asia/Dhaka", "Asia/Bangkok", "Asia/Jakarta",
	"Asia/Singapore", "Asia/Kuala_Lumpur", "Asia/Shanghai", "Asia/Hong_Kong", "Asia/Taipei", "Asia/Manila",
	"Asia/Seoul", "Asia/Tokyo",
	"Australia/Perth", "Australia/Adelaide", "Australia/Sydney", "Pacific/Auckland",
}

// ValidZone reports whether name is an IANA zone this system can load.
func ValidZone(name string) bool {
	if name == "" || name == "Local" {
		return false
	}
	_, err := time.LoadLocation(name)
	return err == nil
}
