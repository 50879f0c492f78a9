// Display helpers of checklist tasks: a task's title, its assignee's name, and its link as a router path.
type Translate = (key: string) => string

/** A task's title: what a person wrote, else the built-in task's translated title. */
export function taskTitle(t: Translate, task: { title: string; titleKey: string }): string {
  if (task.title) return task.title
  return task.titleKey ? t(`checklist.tasks.${task.titleKey}`) : ''
}

/** The built-in roles are translated; a member's name is shown as it is. */
export function assigneeName(t: Translate, assignee: string): string {
  if (assignee === 'creator' || assignee === 'partner') return t(`checklist.roles.${assignee}`)
  return assignee || t('checklist.unassigned')
}

/** The router path of a task link ("#/inbox?x=1" -> "/inbox?x=1"); null when it is not an app route. */
export function linkPath(link: string): string | null {
  return link.startsWith('#/') ? link.slice(1) : null
}
