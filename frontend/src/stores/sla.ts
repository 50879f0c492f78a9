// SLA store: the Response times and Notifications tabs' data (business calendar, response targets,
// away reply, notification preferences), loaded and saved through app.Sla / app.Notifications.
import { defineStore } from 'pinia'
import { ref } from 'vue'
import { toAppError, type AppError } from '@/api/bridge'
import * as api from '@/api/sla'

export const useSlaStore = defineStore('sla', () => {
  const settings = ref<api.SlaSettings | null>(null)
  const away = ref<api.SlaAway | null>(null)
  const notifications = ref<api.NotificationSettings | null>(null)
  const loading = ref(false)
  const error = ref<AppError | null>(null)

  async function load(): Promise<void> {
    loading.value = true
    try {
      const [s, a] = await Promise.all([api.getSlaSettings(), api.getAway()])
      settings.value = s
      away.value = a
      error.value = null
    } catch (err) {
      error.value = toAppError(err)
    } finally {
      loading.value = false
    }
  }

  async function loadNotifications(): Promise<void> {
    loading.value = true
    try {
      notifications.value = await api.getNotificationSettings()
      error.value = null
    } catch (err) {
      error.value = toAppError(err)
    } finally {
      loading.value = false
    }
  }

  /** Saves the calendar, then reloads (the open/closed status depends on it). Rethrows refusals. */
  async function saveCalendar(cal: api.SlaCalendar): Promise<void> {
    await api.saveCalendar(cal)
    settings.value = await api.getSlaSettings()
  }

  async function savePolicies(list: api.SlaPolicy[]): Promise<void> {
    const saved = await api.savePolicies(list)
    if (settings.value) settings.value = { ...settings.value, policies: saved }
  }

  async function saveAway(a: api.SlaAway): Promise<void> {
    away.value = await api.saveAway(a)
  }

  async function saveNotifications(n: api.NotificationSettings): Promise<void> {
    notifications.value = await api.saveNotificationSettings(n)
  }

  return { settings, away, notifications, loading, error, load, loadNotifications, saveCalendar, savePolicies, saveAway, saveNotifications }
})
