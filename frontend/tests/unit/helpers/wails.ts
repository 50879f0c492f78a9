// A stand-in for window.go / window.runtime in unit tests.
import { vi } from 'vitest'

type Fn = (...args: never[]) => unknown
export type StubBindings = Partial<Record<'Workspace' | 'Settings' | 'Accounts' | 'Inbox', Record<string, Fn>>>

export interface WailsStub {
  /** Delivers an event to every EventsOn listener of `name`. */
  emit(name: string, payload: unknown): void
  listenerCount(name: string): number
}

export function installWails(bindings: StubBindings): WailsStub {
  const listeners = new Map<string, Array<(...d: unknown[]) => void>>()
  window.go = { app: bindings as never }
  window.runtime = {
    EventsOn: vi.fn((name: string, cb: (...d: unknown[]) => void) => {
      listeners.set(name, [...(listeners.get(name) ?? []), cb])
      return () => listeners.set(name, (listeners.get(name) ?? []).filter((x) => x !== cb))
    }),
    EventsOff: vi.fn((name: string) => {
      listeners.delete(name)
    }),
  }
  return {
    emit: (name, payload) => (listeners.get(name) ?? []).forEach((cb) => cb(payload)),
    listenerCount: (name) => (listeners.get(name) ?? []).length,
  }
}

export function uninstallWails(): void {
  delete window.go
  delete window.runtime
}
