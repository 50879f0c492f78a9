// The one place that talks to the Wails runtime: bound Go methods (window.go.app.*) and
// events (window.runtime.EventsOn/EventsOff). Every rejection leaves here as an AppError.
import type {
  Account,
  AppErrorDTO,
  AppEvents,
  ConnectRequest,
  ConnectTelegramRequest,
  Conversation,
  ConversationPage,
  ConversationQuery,
  InboxCounts,
  Message,
  SearchHit,
  Settings,
  Thread,
  WorkspaceStatus,
} from './types'

/** The bound structs of Go package `app`, as the contract defines them. */
export interface Bindings {
  Workspace: {
    Status(): Promise<WorkspaceStatus>
    OpenDemo(): Promise<WorkspaceStatus>
  }
  Settings: {
    Get(): Promise<Settings>
    SetLanguage(lang: string): Promise<Settings>
    SetTheme(theme: string): Promise<Settings>
  }
  Accounts: {
    List(): Promise<Account[]>
    ConnectTelegram(req: ConnectTelegramRequest): Promise<Account>
    Connect(req: ConnectRequest): Promise<Account>
    Disconnect(id: number): Promise<void>
    SyncNow(id: number): Promise<void>
  }
  Inbox: {
    ListConversations(q: ConversationQuery): Promise<ConversationPage>
    GetConversations(ids: number[]): Promise<Conversation[]>
    GetThread(conversationId: number): Promise<Thread>
    Reply(conversationId: number, text: string): Promise<Message>
    RetrySend(messageId: number): Promise<Message>
    MarkRead(conversationId: number): Promise<void>
    SetStatus(conversationId: number, status: string): Promise<Conversation>
    Search(query: string, limit: number): Promise<SearchHit[]>
    Counts(): Promise<InboxCounts>
  }
}

/** The part of window.runtime the app uses. */
export interface WailsRuntime {
  EventsOn(name: string, cb: (...data: unknown[]) => void): (() => void) | void
  EventsOff(name: string, ...additional: string[]): void
}

declare global {
  interface Window {
    go?: { app?: Partial<{ [S in keyof Bindings]: Partial<Bindings[S]> }> }
    runtime?: WailsRuntime
  }
}

/** The key used for anything that did not arrive as a well-formed AppError. */
export const INTERNAL_ERROR_KEY = 'errors.internal'

/** An error from the Go side (or from calling it), ready to be translated. */
export class AppError extends Error {
  readonly code: string
  /** i18n key under `errors.*`. */
  readonly key: string
  /** Placeholder values for `key`. */
  readonly args: Record<string, unknown>
  /** English fallback text (may be ""). */
  readonly fallback: string

  constructor(code: string, key: string, args: Record<string, unknown> = {}, message = '') {
    super(message || key)
    this.name = 'AppError'
    this.code = code
    this.key = key
    this.args = args
    this.fallback = message
  }

  /** An AppError from the DTO embedded in other DTOs (Account.lastError, Message.error...). */
  static fromDTO(dto: AppErrorDTO): AppError {
    return toAppError(dto)
  }
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

function normalizeArgs(args: unknown): Record<string, unknown> {
  if (Array.isArray(args)) return Object.fromEntries(args.map((v, i) => [String(i), v]))
  return isRecord(args) ? { ...args } : {}
}

function fromShape(v: unknown): AppError | null {
  if (!isRecord(v) || typeof v.key !== 'string' || !v.key.startsWith('errors.')) return null
  return new AppError(
    typeof v.code === 'string' && v.code !== '' ? v.code : 'unknown',
    v.key,
    normalizeArgs(v.args),
    typeof v.message === 'string' ? v.message : '',
  )
}

/** An AppError from JSON text, or null when the text is not one. */
function fromJSONText(text: string): AppError | null {
  const trimmed = text.trim()
  if (!trimmed.startsWith('{')) return null
  try {
    return fromShape(JSON.parse(trimmed))
  } catch {
    return null
  }
}

/** Text worth keeping as a fallback message ("[object Object]" is not). */
function usefulText(text: string): string {
  return text === '[object Object]' ? '' : text
}

/**
 * Turns anything a bound method can reject with into an AppError. A well-formed
 * `{code, key, args, message}` keeps its key, whether it arrives as an object, as JSON text,
 * or as JSON text inside an Error: the Wails v2 runtime rejects with
 * `new Error(<what the Go ErrorFormatter returned>)`, so the Go side sends the AppError as
 * a JSON string. A plain string, any other Error (a call timeout, a missing binding) or any
 * other shape becomes `errors.internal`, keeping its text as the fallback message.
 */
export function toAppError(raw: unknown): AppError {
  if (raw instanceof AppError) return raw
  const direct = fromShape(raw)
  if (direct) return direct
  if (typeof raw === 'string') {
    return fromJSONText(raw) ?? new AppError('internal', INTERNAL_ERROR_KEY, {}, usefulText(raw))
  }
  if (raw instanceof Error) {
    return fromJSONText(raw.message) ?? new AppError('internal', INTERNAL_ERROR_KEY, {}, usefulText(raw.message))
  }
  if (isRecord(raw) && typeof raw.message === 'string') {
    return new AppError('internal', INTERNAL_ERROR_KEY, {}, raw.message)
  }
  return new AppError('internal', INTERNAL_ERROR_KEY, {}, '')
}

type Method<S extends keyof Bindings> = keyof Bindings[S] & string
type Fn<S extends keyof Bindings, M extends Method<S>> = Bindings[S][M] extends (
  ...args: infer A
) => Promise<infer R>
  ? { args: A; result: R }
  : never

/** Calls `window.go.app.<struct>.<method>(...args)`; rejects only with AppError. */
export async function call<S extends keyof Bindings, M extends Method<S>>(
  struct: S,
  method: M,
  ...args: Fn<S, M>['args']
): Promise<Fn<S, M>['result']> {
  const target = window.go?.app?.[struct] as Record<string, unknown> | undefined
  const fn = target?.[method]
  if (typeof fn !== 'function') {
    throw new AppError('internal', INTERNAL_ERROR_KEY, {}, `binding app.${struct}.${method} is not available`)
  }
  try {
    return (await (fn as (...a: unknown[]) => Promise<unknown>)(...args)) as Fn<S, M>['result']
  } catch (err) {
    throw toAppError(err)
  }
}

// One runtime listener per event name, fanned out to local subscribers, so that removing
// one subscriber never removes another's (EventsOff drops every listener of a name).
type Listener = (payload: never) => void
const subscribers = new Map<string, Set<Listener>>()
const runtimeOff = new Map<string, () => void>()

/** Subscribes to a Go event; returns the function that unsubscribes. */
export function on<E extends keyof AppEvents>(name: E, cb: (payload: AppEvents[E]) => void): () => void {
  let set = subscribers.get(name)
  if (!set) {
    set = new Set()
    subscribers.set(name, set)
  }
  set.add(cb as Listener)
  const rt = window.runtime
  if (!runtimeOff.has(name) && rt && typeof rt.EventsOn === 'function') {
    const dispatch = (...data: unknown[]) => {
      for (const s of [...(subscribers.get(name) ?? [])]) {
        try {
          ;(s as (p: unknown) => void)(data[0])
        } catch (err) {
          console.error(`handler for ${name} failed`, err)
        }
      }
    }
    const off = rt.EventsOn(name, dispatch)
    runtimeOff.set(name, typeof off === 'function' ? off : () => rt.EventsOff(name))
  }
  return () => {
    const current = subscribers.get(name)
    if (!current) return
    current.delete(cb as Listener)
    if (current.size === 0) {
      subscribers.delete(name)
      runtimeOff.get(name)?.()
      runtimeOff.delete(name)
    }
  }
}

/** Whether the Wails bindings are present (false in a plain browser without the Go side). */
export function hasBackend(): boolean {
  return typeof window.go?.app?.Workspace?.Status === 'function'
}
