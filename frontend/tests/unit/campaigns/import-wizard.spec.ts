// The orders import wizard's steps: a recognised file goes to review; bad rows block the plain
// import and only "skip" imports; a file whose columns are not recognised goes to the mapping
// step, and the chosen columns are sent; a refused import stays on review with the error.
import { describe, expect, it, vi } from 'vitest'
import type { OrderImportPreview, OrderImportRequest, OrderImportResult } from '@/api/campaigns'
import { AppError } from '@/api/bridge'
import { useImportWizard, type ImportApi } from '@/views/CampaignsView/importWizard'

const preview = (over: Partial<OrderImportPreview> = {}): OrderImportPreview => ({
  format: 'shopify',
  delimiter: ',',
  headers: ['Name', 'Created at', 'Total'],
  columns: { id: 'Name', date: 'Created at', total: 'Total' },
  sample: [['#1', '2026-03-01', '10.00']],
  rows: 3,
  valid: 2,
  badRows: [{ line: 3, problem: 'bad_amount', column: 'Total', value: 'ten', message: '"ten" is not an amount' }],
  dateOrder: '',
  dateOrderGuessed: false,
  mappingProblem: null,
  ...over,
})

function fakeApi(answer: (req: OrderImportRequest) => OrderImportPreview): ImportApi & { runs: OrderImportRequest[]; previews: OrderImportRequest[] } {
  const runs: OrderImportRequest[] = []
  const previews: OrderImportRequest[] = []
  return {
    runs,
    previews,
    preview: vi.fn(async (req: OrderImportRequest) => {
      previews.push(req)
      return answer(req)
    }),
    run: vi.fn(async (req: OrderImportRequest): Promise<OrderImportResult> => {
      runs.push(req)
      const p = answer(req)
      if (p.badRows.length && !req.skipBad) throw new AppError('orders_bad_rows', 'errors.campaigns.badRows', { count: String(p.badRows.length) })
      return { read: p.valid, inserted: p.valid, alreadyThere: 0, skipped: req.skipBad ? p.badRows.length : 0 }
    }),
  }
}

describe('import wizard', () => {
  it('a file with a bad row can only be imported by skipping it', async () => {
    const api = fakeApi(() => preview())
    const w = useImportWizard(api)
    await w.pick('orders.csv', 'Name,Created at,Total\n...')
    expect(w.state.step).toBe('review')
    expect(api.previews[0]).toMatchObject({ content: 'Name,Created at,Total\n...', fileName: 'orders.csv', format: '', columns: {}, skipBad: false })
    expect(w.badRows.value.map((b) => b.line)).toEqual([3])
    expect(w.canImport.value).toBe(false)
    expect(w.canSkip.value).toBe(true)

    await w.run(true)
    expect(api.runs.at(-1)!.skipBad).toBe(true)
    expect(w.state.step).toBe('done')
    expect(w.state.result).toEqual({ read: 2, inserted: 2, alreadyThere: 0, skipped: 1 })
  })

  it('a refused import stays on review and shows the error', async () => {
    const w = useImportWizard(fakeApi(() => preview()))
    await w.pick('orders.csv', 'x')
    await w.run(false)
    expect(w.state.step).toBe('review')
    expect(w.state.error?.key).toBe('errors.campaigns.badRows')
    expect(w.state.result).toBeNull()
  })

  it('a clean file imports at once', async () => {
    const w = useImportWizard(fakeApi(() => preview({ badRows: [], valid: 3 })))
    await w.pick('orders.csv', 'x')
    expect(w.canImport.value).toBe(true)
    expect(w.canSkip.value).toBe(false)
    await w.run(false)
    expect(w.state.step).toBe('done')
  })

  it('unknown columns lead to the mapping step; the chosen columns are sent as a custom mapping', async () => {
    const problem = { code: 'orders_file_unknown_format', key: 'errors.campaigns.importFile.unknown_format', args: {}, message: '' }
    const api = fakeApi((req) =>
      req.format === 'custom' && req.columns.id && req.columns.date && req.columns.total
        ? preview({ format: 'custom', headers: ['Ref', 'When', 'Paid'], columns: req.columns, badRows: [], valid: 1, rows: 1 })
        : preview({ format: '', headers: ['Ref', 'When', 'Paid'], columns: {}, badRows: [], valid: 0, mappingProblem: problem }),
    )
    const w = useImportWizard(api)
    await w.pick('shop.csv', 'Ref;When;Paid\n')
    expect(w.state.step).toBe('mapping')
    expect(w.state.format).toBe('custom')
    expect(w.missingRequired.value).toEqual(['id', 'date', 'total'])

    w.setColumn('id', 'Ref')
    w.setColumn('date', 'When')
    w.setColumn('total', 'Paid')
    w.setColumn('codes', 'Ref')
    w.setColumn('codes', '')
    expect(w.missingRequired.value).toEqual([])
    await w.refresh()
    expect(api.previews.at(-1)).toMatchObject({ format: 'custom', columns: { id: 'Ref', date: 'When', total: 'Paid' } })
    expect(w.state.step).toBe('review')
    expect(w.canImport.value).toBe(true)
  })

  it('a file the Go side cannot read at all stays on the first step with the error', async () => {
    const api: ImportApi = {
      preview: async () => {
        throw new Error(JSON.stringify({ code: 'orders_file_empty', key: 'errors.campaigns.importFile.empty', args: {}, message: '' }))
      },
      run: async () => ({ read: 0, inserted: 0, alreadyThere: 0, skipped: 0 }),
    }
    const w = useImportWizard(api)
    await w.pick('empty.csv', '')
    expect(w.state.step).toBe('pick')
    expect(w.state.error?.key).toBe('errors.campaigns.importFile.empty')
  })
})
