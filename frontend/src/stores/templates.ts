// Saved replies store for Settings: folders, the template list (filtered by folder and a
// search), and the workspace options. The composer's picker talks to the API directly.
import { defineStore } from 'pinia'
import { ref } from 'vue'
import { toAppError, type AppError } from '@/api/bridge'
import * as api from '@/api/templates'
import type { Template, TemplateFolder, TemplateInput, TemplateOptions } from '@/api/templates'

/** Which templates the list shows: all, those in no folder, or one folder's. */
export type FolderFilter = 'all' | 'unfiled' | number

export const useTemplatesStore = defineStore('templates', () => {
  const folders = ref<TemplateFolder[]>([])
  const templates = ref<Template[]>([])
  const filter = ref<FolderFilter>('all')
  const query = ref('')
  const loading = ref(false)
  const error = ref<AppError | null>(null)
  const options = ref<TemplateOptions>({ brand: '', defaultLanguage: 'en' })
  let seq = 0

  async function loadFolders(): Promise<void> {
    folders.value = await api.listFolders()
  }

  /** Reloads the list for the current folder and search. */
  async function loadTemplates(): Promise<void> {
    const mine = ++seq
    loading.value = true
    try {
      const f = filter.value
      const list = await api.listTemplates({
        query: query.value,
        folderId: typeof f === 'number' ? f : 0,
        unfiled: f === 'unfiled',
      })
      if (mine !== seq) return
      templates.value = list
      error.value = null
    } catch (err) {
      if (mine === seq) error.value = toAppError(err)
    } finally {
      if (mine === seq) loading.value = false
    }
  }

  async function load(): Promise<void> {
    try {
      await Promise.all([loadFolders(), loadTemplates(), loadOptions()])
    } catch (err) {
      error.value = toAppError(err)
    }
  }

  async function setFilter(f: FolderFilter): Promise<void> {
    filter.value = f
    await loadTemplates()
  }

  async function setQuery(q: string): Promise<void> {
    query.value = q
    await loadTemplates()
  }

  /** Creates or updates; rejects with AppError (the editor shows it). */
  async function save(id: number | null, input: TemplateInput): Promise<Template> {
    try {
      const saved = id === null ? await api.createTemplate(input) : await api.updateTemplate(id, input)
      await Promise.all([loadFolders(), loadTemplates()])
      return saved
    } catch (err) {
      throw toAppError(err)
    }
  }

  async function remove(id: number): Promise<void> {
    try {
      await api.deleteTemplate(id)
      await Promise.all([loadFolders(), loadTemplates()])
    } catch (err) {
      throw toAppError(err)
    }
  }

  async function createFolder(name: string): Promise<TemplateFolder> {
    try {
      const f = await api.createFolder(name)
      await loadFolders()
      return f
    } catch (err) {
      throw toAppError(err)
    }
  }

  async function renameFolder(id: number, name: string): Promise<void> {
    try {
      await api.renameFolder(id, name)
      await loadFolders()
    } catch (err) {
      throw toAppError(err)
    }
  }

  async function deleteFolder(id: number): Promise<void> {
    try {
      await api.deleteFolder(id)
      if (filter.value === id) filter.value = 'all'
      await Promise.all([loadFolders(), loadTemplates()])
    } catch (err) {
      throw toAppError(err)
    }
  }

  async function loadOptions(): Promise<void> {
    options.value = await api.getTemplateOptions()
  }

  async function saveOptions(o: TemplateOptions): Promise<void> {
    try {
      options.value = await api.setTemplateOptions(o)
    } catch (err) {
      throw toAppError(err)
    }
  }

  return {
    folders, templates, filter, query, loading, error, options,
    load, loadFolders, loadTemplates, setFilter, setQuery, save, remove, createFolder, renameFolder, deleteFolder,
    loadOptions, saveOptions,
  }
})
