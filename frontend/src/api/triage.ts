// Typed wrappers over app.Triage, app.Team and app.Contacts (issue 4's triage area).
import { call } from './bridge'
import type { Conversation, SearchFragment, SearchHit } from './types'

export interface TriageTag {
  id: number
  name: string
  color: string
  builtin: boolean
  uses: number
}

export type MemberRole = 'owner' | 'agent' | 'viewer'

export interface TeamMember {
  id: number
  name: string
  role: MemberRole
  color: string
  active: boolean
}

export interface TeamState {
  members: TeamMember[]
  /** Who is working on this machine; null when nobody was chosen. */
  current: TeamMember | null
}

export type BulkAction = 'status' | 'tag' | 'untag' | 'assign' | 'read'

export interface BulkRequest {
  ids: number[]
  action: BulkAction
  status: string
  /** RFC 3339, with status "snoozed". */
  snoozeUntil: string
  tagId: number
  /** 0 unassigns. */
  memberId: number
  /** Kept as a hand-off note when assigning to someone else. */
  handoff: string
}

export interface BulkResult {
  changed: number
  items: Conversation[]
}

export interface ConversationNote {
  id: number
  conversationId: number
  authorId: number
  authorName: string
  kind: 'note' | 'handoff'
  text: string
  createdAt: string
}

export interface HandoffDraft {
  orderIds: string[]
  issue: string
  tried: string[]
}

export interface ViewFilter {
  platform: string
  accountId: number
  kind: string
  status: string
  tagId: number
  assignee: string
  slaState: string
  language: string
  unreadOnly: boolean
  /** Customer waited at least this many minutes since their last, unanswered message (0 = any). */
  waitingMinMinutes: number
}

export interface SavedView {
  id: number
  name: string
  filter: ViewFilter
  position: number
  /** Unread conversations in the view. */
  unread: number
}

export interface Replier {
  memberId: number
  name: string
  color: string
  since: string
}

export interface ContactHit {
  contactId: number
  name: string
  fragments: SearchFragment[]
}

export interface NoteHit {
  noteId: number
  conversationId: number
  title: string
  platform: string
  authorName: string
  createdAt: string
  fragments: SearchFragment[]
}

export interface SearchResults {
  messages: SearchHit[]
  contacts: ContactHit[]
  notes: NoteHit[]
}

export interface ContactSummary {
  id: number
  displayName: string
  firstName: string
  language: string
}

export interface ContactPage {
  items: ContactSummary[]
  nextCursor: string
}

export interface ContactIdentity {
  id: number
  platform: string
  handle: string
  displayName: string
}

export interface ContactMerge {
  id: number
  mergedId: number
  actor: string
  at: string
}

export interface ConsentLine {
  /** "optout" (a STOP or START for a scope) or "consent" (agreement to a purpose). */
  kind: string
  topic: string
  on: boolean
  at: string
}

export interface ContactProfile {
  id: number
  displayName: string
  firstName: string
  language: string
  notes: string
  orderIds: string[]
  identities: ContactIdentity[]
  conversations: Conversation[]
  merges: ContactMerge[]
  consent: ConsentLine[]
  consentRecorded: boolean
}

export interface ContactUpdate {
  displayName: string
  firstName: string
  language: string
  notes: string
  orderIds: string[]
}

declare module './bridge' {
  interface Bindings {
    Triage: {
      Tags(): Promise<TriageTag[]>
      SaveTag(tag: TriageTag): Promise<TriageTag>
      DeleteTag(id: number): Promise<void>
      Bulk(req: BulkRequest): Promise<BulkResult>
      Claim(conversationId: number): Promise<BulkResult>
      DraftHandoff(conversationId: number): Promise<HandoffDraft>
      Notes(conversationId: number): Promise<ConversationNote[]>
      AddNote(conversationId: number, text: string): Promise<ConversationNote>
      DeleteNote(id: number): Promise<void>
      Views(): Promise<SavedView[]>
      SaveView(id: number, name: string, filter: ViewFilter): Promise<SavedView>
      DeleteView(id: number): Promise<void>
      CountUnread(filters: ViewFilter[]): Promise<number[]>
      WakeSnoozed(): Promise<number>
      Heartbeat(conversationId: number): Promise<void>
      StopReplying(conversationId: number): Promise<void>
      Repliers(conversationId: number): Promise<Replier[]>
      SearchAll(query: string, limit: number): Promise<SearchResults>
    }
    Team: {
      Get(): Promise<TeamState>
      SaveMember(m: TeamMember): Promise<TeamState>
      SetCurrent(memberId: number): Promise<TeamState>
    }
    Contacts: {
      List(query: string, cursor: string, limit: number): Promise<ContactPage>
      Profile(id: number): Promise<ContactProfile>
      Update(id: number, u: ContactUpdate): Promise<ContactProfile>
      Merge(survivorId: number, mergedId: number): Promise<ContactProfile>
      UndoMerge(mergeId: number, survivorId: number): Promise<ContactProfile>
    }
  }
}

export const emptyFilter = (): ViewFilter => ({
  platform: '', accountId: 0, kind: '', status: '', tagId: 0, assignee: '', slaState: '', language: '', unreadOnly: false, waitingMinMinutes: 0,
})

export const listTags = async (): Promise<TriageTag[]> => (await call('Triage', 'Tags')) ?? []
export const saveTag = (tag: TriageTag) => call('Triage', 'SaveTag', tag)
export const deleteTag = (id: number) => call('Triage', 'DeleteTag', id)
export const bulk = (req: Partial<BulkRequest> & Pick<BulkRequest, 'ids' | 'action'>) =>
  call('Triage', 'Bulk', { status: '', snoozeUntil: '', tagId: 0, memberId: 0, handoff: '', ...req })
export const claim = (id: number) => call('Triage', 'Claim', id)
export const draftHandoff = (id: number) => call('Triage', 'DraftHandoff', id)
export const listNotes = async (id: number): Promise<ConversationNote[]> => (await call('Triage', 'Notes', id)) ?? []
export const addNote = (id: number, text: string) => call('Triage', 'AddNote', id, text)
export const deleteNote = (id: number) => call('Triage', 'DeleteNote', id)
export const listViews = async (): Promise<SavedView[]> => (await call('Triage', 'Views')) ?? []
export const saveView = (id: number, name: string, filter: ViewFilter) => call('Triage', 'SaveView', id, name, filter)
export const deleteView = (id: number) => call('Triage', 'DeleteView', id)
export const countUnread = async (filters: ViewFilter[]): Promise<number[]> => (await call('Triage', 'CountUnread', filters)) ?? []
export const heartbeat = (id: number) => call('Triage', 'Heartbeat', id)
export const stopReplying = (id: number) => call('Triage', 'StopReplying', id)
export const repliers = async (id: number): Promise<Replier[]> => (await call('Triage', 'Repliers', id)) ?? []
export async function searchAll(query: string, limit: number): Promise<SearchResults> {
  const r = await call('Triage', 'SearchAll', query, limit)
  return { messages: r?.messages ?? [], contacts: r?.contacts ?? [], notes: r?.notes ?? [] }
}
export const getTeam = (): Promise<TeamState> => call('Team', 'Get')
export const saveMember = (m: TeamMember) => call('Team', 'SaveMember', m)
export const setCurrentMember = (id: number) => call('Team', 'SetCurrent', id)
export const listContacts = (query: string, cursor: string, limit: number) => call('Contacts', 'List', query, cursor, limit)
export const contactProfile = (id: number) => call('Contacts', 'Profile', id)
export const updateContact = (id: number, u: ContactUpdate) => call('Contacts', 'Update', id, u)
export const mergeContacts = (survivorId: number, mergedId: number) => call('Contacts', 'Merge', survivorId, mergedId)
export const undoMerge = (mergeId: number, survivorId: number) => call('Contacts', 'UndoMerge', mergeId, survivorId)

