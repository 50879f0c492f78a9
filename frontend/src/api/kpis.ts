// Typed wrappers over app.Kpis (the KPI dashboards) and their DTOs. Times are RFC 3339 strings;
// `from`/`to` accept YYYY-MM-DD days ("to" includes its day) or RFC 3339 times, "" for the default
// (the 30 days up to now). `creatordesk kpi all --json` prints the same KpiDashboard.
import { call } from './bridge'

/** One key of a split (a platform, account, member, tag, creator, code, kind, intent or heat-map slot). */
export interface KpiSplitRow {
  key: string
  label: string
  value: number | null
  count: number
}

/** A figure broken down along one dimension. */
export interface KpiSplit {
  dimension: string
  rows: KpiSplitRow[]
}

/** One metric over the period, with the previous period of equal length. */
export interface KpiFigure {
  name: string
  /** minutes | hours | ratio | count | money (minor units of `currency`). */
  unit: string
  /** What the drill-down lists: "conversation" or "order". */
  drill: string
  currency: string
  value: number | null
  previous: number | null
  /** Relative change: 0.25 = +25%. */
  change: number | null
  count: number
  previousCount: number
  details: Record<string, number> | null
  splits: KpiSplit[]
}

/** Every figure of a period. `heatmap[weekday][hour]` counts inbound messages (0 = Sunday) in `zone`. */
export interface KpiDashboard {
  from: string
  to: string
  previousFrom: string
  previousTo: string
  zone: string
  businessHours: boolean
  minutesPerReply: number
  figures: KpiFigure[]
  heatmap: number[][]
}

/** One conversation or order a figure counted. */
export interface KpiDrillRow {
  id: number
  label: string
  at: string
  value: number
  hit: boolean
}

/** Exactly the rows behind a figure or one split key. */
export interface KpiDrill {
  metric: string
  kind: string
  rows: KpiDrillRow[]
}

declare module './bridge' {
  interface Bindings {
    Kpis: {
      Dashboard(from: string, to: string): Promise<KpiDashboard>
      Drill(metric: string, from: string, to: string, dimension: string, key: string): Promise<KpiDrill>
      Names(): Promise<string[]>
    }
  }
}

export function dashboard(from: string, to: string): Promise<KpiDashboard> {
  return call('Kpis', 'Dashboard', from, to)
}

export async function drill(metric: string, from: string, to: string, dimension = '', key = ''): Promise<KpiDrill> {
  const d = await call('Kpis', 'Drill', metric, from, to, dimension, key)
  return { ...d, rows: d.rows ?? [] }
}
