// Entry: stores, i18n and router; the settings and workspace status load before the first paint.
import { createApp } from 'vue'
import { createPinia } from 'pinia'
import App from './App.vue'
import { i18n } from './i18n'
import { makeRouter } from './router'
import { useSettingsStore } from './stores/settings'
import { useWorkspaceStore } from './stores/workspace'
import './styles.css'

const app = createApp(App)
const pinia = createPinia()
app.use(pinia)
app.use(i18n)

await Promise.all([useSettingsStore(pinia).load(), useWorkspaceStore(pinia).load()])

app.use(makeRouter())
app.mount('#app')
