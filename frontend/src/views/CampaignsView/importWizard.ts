// The orders CSV import wizard's states. The file is read in the browser and its text sent to
// app.Campaigns, which reads it (the rules live in Go); this only walks the steps:
//   pick → (mapping when the columns are not recognised or the person chooses them) → review → done.
// Review lists each bad row; nothing is imported while there are bad rows unless the person
// chooses to skip them.
import { computed, reactive } from 'vue'
import { toAppError, type AppError } from '@/api/bridge'
import * as api from '@/api/campaigns'

export type ImportStep = 'pick' | 'mapping' | 'review' | 'done'
/** "" lets the Go side recognise a Shopify or WooCommerce export. */
export type ImportFormat = '' | 'shopify' | 'woocommerce' | 'custom'

/** The fields a custom mapping can fill, the required ones first (orderimport.Fields). */
export const MAPPING_FIELDS = [
  'id',
  'date',
  'total',
  'currency',
  'name',
  'codes',
  'customer',
  'landing',
  'referrer',
  'utm_source',
  'utm_medium',
  'utm_campaign',
  'utm_content',
  'utm_term',
] as const
export const REQUIRED_FIELDS = ['id', 'date', 'total'] as const

export interface ImportApi {
  preview(req: api.OrderImportRequest): Promise<api.OrderImportPreview>
  run(req: api.OrderImportRequest): Promise<api.OrderImportResult>
}

const defaultApi: ImportApi = { preview: api.previewOrderImport, run: api.importOrders }

export function useImportWizard(deps: ImportApi = defaultApi) {
  const state = reactive({
    step: 'pick' as ImportStep,
    fileName: '',
    content: '',
    format: '' as ImportFormat,
    columns: {} as Record<string, string>,
    currency: '',
    dateOrder: '',
    preview: null as api.OrderImportPreview | null,
    result: null as api.OrderImportResult | null,
    error: null as AppError | null,
    busy: false,
  })

  function request(skipBad = false): api.OrderImportRequest {
    return {
      content: state.content,
      format: state.format,
      columns: state.format === 'custom' ? { ...state.columns } : {},
      currency: state.currency,
      dateOrder: state.dateOrder,
      fileName: state.fileName,
      skipBad,
    }
  }

  async function guarded<T>(fn: () => Promise<T>): Promise<T | undefined> {
    state.busy = true
    state.error = null
    try {
      return await fn()
    } catch (err) {
      state.error = toAppError(err)
      return undefined
    } finally {
      state.busy = false
    }
  }

  /** Reads the file again with the current choices and goes to the step that fits the answer. */
  async function refresh(): Promise<void> {
    const p = await guarded(() => deps.preview(request()))
    if (!p) return
    state.preview = p
    if (p.mappingProblem) {
      if (state.format !== 'custom') {
        state.format = 'custom'
        state.columns = { ...p.columns }
      }
      state.step = 'mapping'
      return
    }
    state.columns = { ...p.columns }
    state.step = 'review'
  }

  /** A file was chosen: its text is previewed as the chosen format (recognised by default). */
  async function pick(fileName: string, content: string): Promise<void> {
    state.fileName = fileName
    state.content = content
    state.result = null
    state.preview = null
    if (state.format === 'custom') state.columns = {}
    await refresh()
  }

  async function setFormat(format: ImportFormat): Promise<void> {
    state.format = format
    if (format === 'custom') {
      state.columns = { ...(state.preview?.columns ?? {}) }
      state.step = state.content ? 'mapping' : 'pick'
      return
    }
    if (state.content) await refresh()
  }

  /** The mapping step: a field's column ("" = none). */
  function setColumn(field: string, column: string): void {
    const next = { ...state.columns }
    if (column) next[field] = column
    else delete next[field]
    state.columns = next
  }

  const missingRequired = computed(() => REQUIRED_FIELDS.filter((f) => !state.columns[f]))
  const badRows = computed(() => state.preview?.badRows ?? [])
  /** Import is possible at once only without bad rows; otherwise only by skipping them. */
  const canImport = computed(() => state.step === 'review' && !!state.preview && !state.preview.mappingProblem && badRows.value.length === 0 && state.preview.valid > 0)
  const canSkip = computed(() => state.step === 'review' && badRows.value.length > 0)

  async function run(skipBad: boolean): Promise<void> {
    const r = await guarded(() => deps.run(request(skipBad)))
    if (!r) return
    state.result = r
    state.step = 'done'
  }

  function reset(): void {
    Object.assign(state, {
      step: 'pick',
      fileName: '',
      content: '',
      format: '',
      columns: {},
      preview: null,
      result: null,
      error: null,
      busy: false,
    })
  }

  return { state, pick, setFormat, setColumn, refresh, run, reset, missingRequired, badRows, canImport, canSkip }
}

export type ImportWizard = ReturnType<typeof useImportWizard>
