// Typed wrappers over app.Templates (saved replies), and its DTOs.
import { call } from './bridge'
import type { AppErrorDTO, Message } from './types'

/** A folder of saved replies. */
export interface TemplateFolder {
  id: number
  name: string
  position: number
  templateCount: number
}

/** A saved reply's body in one language. */
export interface TemplateVariant {
  language: string
  body: string
}

/** A saved reply with all its variants. `folderId` is 0 when it is in no folder. */
export interface Template {
  id: number
  folderId: number
  name: string
  shortcut: string
  channel: string
  kind: string
  starter: boolean
  usageCount: number
  lastUsedAt: string
  createdAt: string
  updatedAt: string
  variants: TemplateVariant[]
}

/** A saved reply as the editor sends it. */
export interface TemplateInput {
  name: string
  shortcut: string
  folderId: number
  channel: string
  kind: string
  variants: TemplateVariant[]
}

/** Filters and ranks saved replies; `conversationId` ranks the ones suited to it first. */
export interface TemplateListQuery {
  query: string
  folderId: number
  unfiled: boolean
  conversationId: number
  limit: number
}

/** One problem in a body. `start`/`end` are offsets into the body as a JS string. */
export interface TemplateProblem {
  language: string
  kind: string
  token: string
  line: number
  column: number
  start: number
  end: number
  error: AppErrorDTO | null
}

/** Renders a saved template for a conversation; `values` are what the person typed. */
export interface TemplateRenderRequest {
  templateId: number
  conversationId: number
  language: string
  values: Record<string, string>
}

/** Renders a body being edited. */
export interface TemplatePreviewRequest {
  body: string
  language: string
  conversationId: number
  values: Record<string, string>
}

/** A rendered reply: `missing` tokens stay in `text` as {name} and block sending. */
export interface TemplateRenderResult {
  templateId: number
  text: string
  missing: string[]
  language: string
  languageReason: string
  values: Record<string, string>
}

/** Workspace settings saved replies use. */
export interface TemplateOptions {
  brand: string
  defaultLanguage: string
}

declare module './bridge' {
  interface Bindings {
    Templates: {
      List(q: TemplateListQuery): Promise<Template[]>
      Get(id: number): Promise<Template>
      Create(input: TemplateInput): Promise<Template>
      Update(id: number, input: TemplateInput): Promise<Template>
      Delete(id: number): Promise<void>
      Folders(): Promise<TemplateFolder[]>
      CreateFolder(name: string): Promise<TemplateFolder>
      RenameFolder(id: number, name: string): Promise<TemplateFolder>
      DeleteFolder(id: number): Promise<void>
      Validate(variants: TemplateVariant[]): Promise<TemplateProblem[]>
      Render(req: TemplateRenderRequest): Promise<TemplateRenderResult>
      Preview(req: TemplatePreviewRequest): Promise<TemplateRenderResult>
      Options(): Promise<TemplateOptions>
      SetOptions(o: TemplateOptions): Promise<TemplateOptions>
      Send(conversationId: number, templateId: number, text: string): Promise<Message>
    }
  }
}

function normalize(t: Template): Template {
  return { ...t, variants: t.variants ?? [] }
}

export async function listTemplates(q: Partial<TemplateListQuery> = {}): Promise<Template[]> {
  const full: TemplateListQuery = { query: '', folderId: 0, unfiled: false, conversationId: 0, limit: 0, ...q }
  return ((await call('Templates', 'List', full)) ?? []).map(normalize)
}

export async function getTemplate(id: number): Promise<Template> {
  return normalize(await call('Templates', 'Get', id))
}

export async function createTemplate(input: TemplateInput): Promise<Template> {
  return normalize(await call('Templates', 'Create', input))
}

export async function updateTemplate(id: number, input: TemplateInput): Promise<Template> {
  return normalize(await call('Templates', 'Update', id, input))
}

export async function deleteTemplate(id: number): Promise<void> {
  await call('Templates', 'Delete', id)
}

export async function listFolders(): Promise<TemplateFolder[]> {
  return (await call('Templates', 'Folders')) ?? []
}

export function createFolder(name: string): Promise<TemplateFolder> {
  return call('Templates', 'CreateFolder', name)
}

export function renameFolder(id: number, name: string): Promise<TemplateFolder> {
  return call('Templates', 'RenameFolder', id, name)
}

export async function deleteFolder(id: number): Promise<void> {
  await call('Templates', 'DeleteFolder', id)
}

/** Every problem of every variant (empty when all parse). */
export async function validateVariants(variants: TemplateVariant[]): Promise<TemplateProblem[]> {
  return (await call('Templates', 'Validate', variants)) ?? []
}

function normalizeResult(r: TemplateRenderResult): TemplateRenderResult {
  return { ...r, missing: r.missing ?? [], values: r.values ?? {} }
}

/** Renders a saved reply for a conversation. Records nothing. */
export async function renderTemplate(
  templateId: number,
  conversationId: number,
  values: Record<string, string> = {},
  language = '',
): Promise<TemplateRenderResult> {
  return normalizeResult(await call('Templates', 'Render', { templateId, conversationId, language, values }))
}

/** Renders an unsaved body for a conversation (0 = none). Records nothing. */
export async function previewBody(req: TemplatePreviewRequest): Promise<TemplateRenderResult> {
  return normalizeResult(await call('Templates', 'Preview', req))
}

export function getTemplateOptions(): Promise<TemplateOptions> {
  return call('Templates', 'Options')
}

export function setTemplateOptions(o: TemplateOptions): Promise<TemplateOptions> {
  return call('Templates', 'SetOptions', o)
}

/** Sends text that came from a saved reply through the send gate (a delivery counts one use). */
export function sendFromTemplate(conversationId: number, templateId: number, text: string): Promise<Message> {
  return call('Templates', 'Send', conversationId, templateId, text)
}
