package kpi

// UnknownMetricError is a metric name the dashboard does not have.
type UnknownMetricError struct{ Name string }

func (e UnknownMetricError) Error() string { return "kpi: unknown metric " + e.Name }

// ErrorKey names the translated message (errors.kpis.unknownMetric).
func (e UnknownMetricError) ErrorKey() (code, key string, args map[string]string) {
	return "kpi_unknown_metric", "errors.kpis.unknownMetric", map[string]string{"name": e.Name}
}
