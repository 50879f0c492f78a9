// Snooze presets, computed from "now" in the user's local time.
export interface SnoozePreset {
  key: 'oneHour' | 'fourHours' | 'tomorrow' | 'nextWeek'
  at: Date
}

/** In 1 hour, in 4 hours, tomorrow at 09:00, next Monday at 09:00. */
export function snoozePresets(now: Date): SnoozePreset[] {
  const hours = (h: number) => new Date(now.getTime() + h * 3_600_000)
  const tomorrow = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1, 9, 0, 0)
  const daysToMonday = ((8 - now.getDay()) % 7) || 7
  const monday = new Date(now.getFullYear(), now.getMonth(), now.getDate() + daysToMonday, 9, 0, 0)
  return [
    { key: 'oneHour', at: hours(1) },
    { key: 'fourHours', at: hours(4) },
    { key: 'tomorrow', at: tomorrow },
    { key: 'nextWeek', at: monday },
  ]
}
