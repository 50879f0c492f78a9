// Hash history: the Wails asset server serves one index.html. Views are bundled eagerly:
// they load from local disk, and a desktop app gains nothing from splitting.
import { createRouter, createWebHashHistory, type RouteRecordRaw } from 'vue-router'
import CalendarView from '@/views/CalendarView/index.vue'
import CampaignsView from '@/views/CampaignsView/index.vue'
import ChecklistView from '@/views/ChecklistView/index.vue'
import FirstRunView from '@/views/FirstRunView/index.vue'
import InboxView from '@/views/InboxView/index.vue'
import KpisView from '@/views/KpisView/index.vue'
import SettingsView from '@/views/SettingsView/index.vue'

export const routes: RouteRecordRaw[] = [
  { path: '/', redirect: '/inbox' },
  { path: '/welcome', name: 'welcome', component: FirstRunView, meta: { bare: true } },
  { path: '/inbox', name: 'inbox', component: InboxView },
  { path: '/calendar', name: 'calendar', component: CalendarView },
  { path: '/campaigns', name: 'campaigns', component: CampaignsView },
  { path: '/kpis', name: 'kpis', component: KpisView },
  { path: '/checklist', name: 'checklist', component: ChecklistView },
  { path: '/settings', name: 'settings', component: SettingsView },
  { path: '/:pathMatch(.*)*', redirect: '/inbox' },
]

export function makeRouter() {
  return createRouter({ history: createWebHashHistory(), routes })
}

declare module 'vue-router' {
  interface RouteMeta {
    /** Shown without the navigation shell (first run). */
    bare?: boolean
  }
}
