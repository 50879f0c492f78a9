// Typed wrappers over app.Checklist (the weekly checklist and the 30/60/90-day plan), and its DTOs.
import { call } from './bridge'

/** One task of one week. A built-in task has a `titleKey` (checklist.tasks.*) and an empty `title`. */
export interface ChecklistTask {
  id: number
  /** 1 = Monday … 7 = Sunday. */
  weekday: number
  title: string
  titleKey: string
  assignee: string
  /** An app route such as "#/inbox?status=open&waiting=24h" ("" = none). */
  link: string
  done: boolean
  doneAt: string
  doneBy: string
  resultNote: string
}

export interface ChecklistWeek {
  /** The Monday, YYYY-MM-DD. */
  weekStart: string
  total: number
  done: number
  tasks: ChecklistTask[]
}

export interface ChecklistWeekSummary {
  weekStart: string
  total: number
  done: number
}

export interface ChecklistTemplateTask {
  id: number
  weekday: number
  title: string
  titleKey: string
  role: string
  link: string
}

export interface ChecklistTemplate {
  id: number
  name: string
  nameKey: string
  tasks: ChecklistTemplateTask[]
}

export interface PlanItem {
  id: number
  /** 30, 60 or 90 (days). */
  horizon: number
  title: string
  notes: string
  owner: string
  done: boolean
  doneAt: string
}

export interface PlanItemInput {
  id: number
  horizon: number
  title: string
  notes: string
  owner: string
  done: boolean
}

declare module './bridge' {
  interface Bindings {
    Checklist: {
      Week(weekStart: string): Promise<ChecklistWeek>
      Weeks(limit: number): Promise<ChecklistWeekSummary[]>
      Complete(taskId: number, done: boolean, note: string): Promise<ChecklistTask>
      Assign(taskId: number, assignee: string): Promise<ChecklistTask>
      Template(): Promise<ChecklistTemplate>
      SaveTemplateTask(task: ChecklistTemplateTask): Promise<ChecklistTemplate>
      DeleteTemplateTask(id: number): Promise<ChecklistTemplate>
      Plan(): Promise<PlanItem[]>
      SavePlanItem(item: PlanItemInput): Promise<PlanItem[]>
      DeletePlanItem(id: number): Promise<PlanItem[]>
    }
  }
}

export const checklistApi = {
  week: (weekStart: string) => call('Checklist', 'Week', weekStart),
  weeks: (limit = 26) => call('Checklist', 'Weeks', limit),
  complete: (taskId: number, done: boolean, note: string) => call('Checklist', 'Complete', taskId, done, note),
  assign: (taskId: number, assignee: string) => call('Checklist', 'Assign', taskId, assignee),
  template: () => call('Checklist', 'Template'),
  saveTemplateTask: (task: ChecklistTemplateTask) => call('Checklist', 'SaveTemplateTask', task),
  deleteTemplateTask: (id: number) => call('Checklist', 'DeleteTemplateTask', id),
  plan: () => call('Checklist', 'Plan'),
  savePlanItem: (item: PlanItemInput) => call('Checklist', 'SavePlanItem', item),
  deletePlanItem: (id: number) => call('Checklist', 'DeletePlanItem', id),
}

/** The Monday (YYYY-MM-DD) of the week containing `d`, in local time. */
export function mondayOf(d: Date): string {
  const m = new Date(d.getFullYear(), d.getMonth(), d.getDate())
  m.setDate(m.getDate() - ((m.getDay() + 6) % 7))
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${m.getFullYear()}-${pad(m.getMonth() + 1)}-${pad(m.getDate())}`
}

/** The Monday `weeks` weeks after the Monday `weekStart`. */
export function shiftWeek(weekStart: string, weeks: number): string {
  const [y = 1970, mo = 1, d = 1] = weekStart.split('-').map(Number)
  return mondayOf(new Date(y, mo - 1, d + 7 * weeks))
}
