// The sections of Settings, in display order. Each area owns its section's component (in
// components/<area>/), so adding or changing one never edits the others. `id` is the
// ?section= query value and the key under settings.sections.* in the locales.
import type { Component } from 'vue'
import AboutSection from './components/AboutSection.vue'
import AccountsSection from './components/AccountsSection.vue'
import AppearanceSection from './components/AppearanceSection.vue'
import HealthSection from './components/health/HealthSection.vue'
import NotificationsSection from './components/sla/NotificationsSection.vue'
import SlaSection from './components/sla/SlaSection.vue'
import TeamSection from './components/team/TeamSection.vue'
import TeamDBSection from './components/teamdb/TeamDBSection.vue'
import TemplatesSection from './components/templates/TemplatesSection.vue'

export interface SettingsSection {
  id: 'accounts' | 'health' | 'team' | 'teamdb' | 'templates' | 'sla' | 'notifications' | 'appearance' | 'about'
  component: Component
}

export const settingsSections: SettingsSection[] = [
  { id: 'accounts', component: AccountsSection },
  { id: 'health', component: HealthSection },
  { id: 'team', component: TeamSection },
  { id: 'teamdb', component: TeamDBSection },
  { id: 'templates', component: TemplatesSection },
  { id: 'sla', component: SlaSection },
  { id: 'notifications', component: NotificationsSection },
  { id: 'appearance', component: AppearanceSection },
  { id: 'about', component: AboutSection },
]
