package store

import (
	"context"

	"gorm.io/gorm/clause"
)

// setting is one row of the settings table.
type setting struct {
	Key       string `gorm:"column:key;primaryKey"`
	Value     string `gorm:"column:value"`
	UpdatedAt int64  `gorm:"column:updated_at;autoUpdateTime:false"`
}

// TableName implements gorm's Tabler.
func (setting) TableName() string { return "settings" }

// Setting returns the value stored under key, or def when there is none.
func (s *Store) Setting(ctx context.Context, key, def string) (string, error) {
	key = s.settingKey(key)
	var rows []setting
	if err := s.R.WithContext(ctx).Where("key = ?", key).Limit(1).Find(&rows).Error; err != nil {
		return def, classify(err)
	}
	if len(rows) == 0 {
		return def, nil
	}
	return rows[0].Value, nil
}

// SetSetting stores value under key.
func (s *Store) SetSetting(ctx context.Context, key, value string) error {
	row := setting{Key: s.settingKey(key), Value: value, UpdatedAt: s.nowMillis()}
	return classify(s.W.WithContext(ctx).Clauses(clause.OnConflict{UpdateAll: true}).Create(&row).Error)
}

// machineSettings are the settings that describe one computer rather than the
// workspace: in a team database each member's machine keeps its own.
var machineSettings = map[string]bool{
	"triage.current_member": true, // who is working at this computer
}

// settingKey is the stored key of a setting: a machine setting gets the
// store's MachineScope as a suffix when one is set.
func (s *Store) settingKey(key string) string {
	if s.MachineScope != "" && machineSettings[key] {
		return key + "@" + s.MachineScope
	}
	return key
}
