package kpi

// UnknownMetricError is a metric name the dashboard does not have.
type UnknownMetricError struct{ Name string }

func (e UnknownMetricError) Error() string { return "kpi: unknown metric " + e.Name }

// ErrorKey names the translated message (errors.kpis.unknownMetric).
func (e UnknownMetricError) ErrorKey() (code, key string, args map[string]string) {
	return "kpi_unknown_metric", "errors.kpis.unknownMetric", map[string]string{"name": e.Name}
}

// InvalidSettingError is a KPI setting out of range (Field names it).
type InvalidSettingError struct{ Field string }

func (e InvalidSettingError) Error() string { return "kpi: invalid setting " + e.Field }

// ErrorKey names the translated message (errors.kpis.invalidSetting).
func (e InvalidSettingError) ErrorKey() (code, key string, args map[string]string) {
	return "kpi_invalid_setting", "errors.kpis.invalidSetting", map[string]string{"field": e.Field}
}

// InvalidGoalError is a goal that cannot be measured (Field names what is wrong).
type InvalidGoalError struct{ Field string }

func (e InvalidGoalError) Error() string { return "kpi: invalid goal " + e.Field }

// ErrorKey names the translated message (errors.kpis.invalidGoal).
func (e InvalidGoalError) ErrorKey() (code, key string, args map[string]string) {
	return "kpi_invalid_goal", "errors.kpis.invalidGoal", map[string]string{"field": e.Field}
}
