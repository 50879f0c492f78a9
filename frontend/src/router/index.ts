// Hash history: the Wails asset server serves one index.html. Views are bundled eagerly:
// they load from local disk, and a desktop app gains nothing from splitting.
import { createRouter, createWebHashHistory, type RouteRecordRaw } from 'vue-router'
import CalendarView from '@/views/CalendarView/index.vue'
import CampaignsView from '@/views/CampaignsView/index.vue'
import AutomationView from '@/views/AutomationView/index.vue'
import ChecklistView from '@/views/ChecklistView/index.vue'
import ContactsView from '@/views/ContactsView/index.vue'
import FirstRunView from '@/views/FirstRunView/index.vue'
import GovernanceView from '@/views/GovernanceView/index.vue'
import InboxView from '@/views/InboxView/index.vue'
import KpisView from '@/views/KpisView/index.vue'
import ModerationView from '@/views/ModerationView/index.vue'
import SettingsView from '@/views/SettingsView/index.vue'

export const routes: RouteRecordRaw[] = [
  { path: '/', redirect: '/inbox' },
  { path: '/welcome', name: 'welcome', component: FirstRunView, meta: { bare: true } },
  { path: '/inbox', name: 'inbox', component: InboxView },
  { path: '/contacts', name: 'contacts', component: ContactsView },
  { path: '/calendar', name: 'calendar', component: CalendarView },
  { path: '/campaigns', name: 'campaigns', component: CampaignsView },
  { path: '/kpis', name: 'kpis', component: KpisView },
  { path: '/checklist', name: 'checklist', component: ChecklistView },
  { path: '/automation', name: 'automation', component: AutomationView },
  { path: '/governance', name: 'governance', component: GovernanceView },
  { path: '/moderation', name: 'moderation', component: ModerationView },
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
