// Typed wrappers over app.Workspace.
import { call } from './bridge'
import type { WorkspaceStatus } from './types'

export function getStatus(): Promise<WorkspaceStatus> {
  return call('Workspace', 'Status')
}

/** Switches this window to the throwaway demo workspace (takes a few seconds). */
export function openDemo(): Promise<WorkspaceStatus> {
  return call('Workspace', 'OpenDemo')
}
