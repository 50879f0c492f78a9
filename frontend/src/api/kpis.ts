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

/** The KPI settings: rating requests after resolution (off by default) and the hours-saved assumption. */
export interface KpiSettings {
  csatEnabled: boolean
  /** The saved reply that asks for the rating (0 = CreatorDesk writes one when switched on). */
  csatTemplateId: number
  minutesPerReply: number
}

/** A goal as the team sets it. */
export interface KpiGoalInput {
  id: number
  metric: string
  /** change (target 0.15 = +15% against the period before) | atMost | atLeast (target in the figure's unit). */
  mode: string
  target: number
  /** week | month, so far, in the workspace's time zone. */
  span: string
  note: string
}

/** A goal with its progress over its span so far. */
export interface KpiGoal {
  goal: KpiGoalInput
  from: string
  to: string
  previousFrom: string
  previousTo: string
  unit: string
  currency: string
  value: number | null
  previous: number | null
  change: number | null
  /** 0 to 1. */
  progress: number
  met: boolean
}

/** The shareable report's wording in the reader's language ("" = English). */
export interface KpiReportText {
  title: string
  period: string
  previous: string
  figure: string
  value: string
  previousValue: string
  change: string
  counted: string
  busiest: string
  footer: string
  figures: Record<string, string> | null
  /** Sunday first. */
  weekdays: string[] | null
}

/** The standalone HTML report (inline CSS, no scripts) and a file name for it. */
export interface KpiReport {
  filename: string
  html: string
}

declare module './bridge' {
  interface Bindings {
    Kpis: {
      Dashboard(from: string, to: string): Promise<KpiDashboard>
      Drill(metric: string, from: string, to: string, dimension: string, key: string): Promise<KpiDrill>
      Names(): Promise<string[]>
      Settings(): Promise<KpiSettings>
      SaveSettings(s: KpiSettings): Promise<KpiSettings>
      Goals(): Promise<KpiGoal[] | null>
      SaveGoal(g: KpiGoalInput): Promise<KpiGoalInput>
      DeleteGoal(id: number): Promise<void>
      Report(from: string, to: string, text: KpiReportText): Promise<KpiReport>
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

export const settings = (): Promise<KpiSettings> => call('Kpis', 'Settings')
export const saveSettings = (s: KpiSettings): Promise<KpiSettings> => call('Kpis', 'SaveSettings', s)
export const goals = async (): Promise<KpiGoal[]> => (await call('Kpis', 'Goals')) ?? []
export const saveGoal = (g: KpiGoalInput): Promise<KpiGoalInput> => call('Kpis', 'SaveGoal', g)
export const deleteGoal = (id: number): Promise<void> => call('Kpis', 'DeleteGoal', id)
export const report = (from: string, to: string, text: KpiReportText): Promise<KpiReport> => call('Kpis', 'Report', from, to, text)
