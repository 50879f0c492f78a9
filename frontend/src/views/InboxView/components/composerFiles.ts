// Pure helpers of the composer's attachments and WhatsApp templates: they mirror the send
// gate's checks (backend/inbox/attachments.go, whatsapp_template.go) so a refused file or an
// unfilled template is explained before anything is sent; the gate checks again.
import type { AttachmentRule, AttachmentRules } from '@/api/outbound'

/** MIME types by file ending, for files the browser gives no type. */
const MIME_BY_EXT: Record<string, string> = {
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.mp4': 'video/mp4',
  '.mov': 'video/quicktime',
  '.webm': 'video/webm',
  '.3gp': 'video/3gpp',
  '.mp3': 'audio/mpeg',
  '.m4a': 'audio/mp4',
  '.aac': 'audio/aac',
  '.wav': 'audio/wav',
  '.ogg': 'audio/ogg',
  '.pdf': 'application/pdf',
  '.txt': 'text/plain',
  '.doc': 'application/msword',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.xls': 'application/vnd.ms-excel',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.ppt': 'application/vnd.ms-powerpoint',
  '.pptx': 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
}

/** The file's ending in lower case ('.pdf'), or ''. */
export function extensionOf(name: string): string {
  const i = name.lastIndexOf('.')
  return i > 0 ? name.slice(i).toLowerCase() : ''
}

/** The declared type without parameters, else the one its ending implies, else ''. */
export function mimeOf(name: string, type: string): string {
  const t = (type.split(';')[0] ?? '').trim().toLowerCase()
  if (t && t !== 'application/octet-stream') return t
  return MIME_BY_EXT[extensionOf(name)] ?? t
}

/** Why a file cannot be sent, or ok with the rule it falls under. */
export type FileCheck =
  | { ok: true; rule: AttachmentRule; mimeType: string }
  | { ok: false; reason: 'unsupported' | 'blocked' | 'type' | 'empty' }
  | { ok: false; reason: 'size'; maxBytes: number }

/** Checks one file against a conversation's rules, as the send gate does. */
export function checkFile(file: { name: string; type: string; size: number }, rules: AttachmentRules): FileCheck {
  if (!rules.supported || rules.rules.length === 0) return { ok: false, reason: 'unsupported' }
  if (rules.blockedExtensions.includes(extensionOf(file.name))) return { ok: false, reason: 'blocked' }
  if (file.size === 0) return { ok: false, reason: 'empty' }
  const mimeType = mimeOf(file.name, file.type)
  const rule = rules.rules.find((r) => r.mimeTypes.includes('*') || r.mimeTypes.includes(mimeType))
  if (!rule) return { ok: false, reason: 'type' }
  if (file.size > rule.maxBytes) return { ok: false, reason: 'size', maxBytes: rule.maxBytes }
  return { ok: true, rule, mimeType }
}

/** A size for people: "820 KB", "8 MB", "1.5 MB" (decimal point per locale). */
export function formatBytes(n: number, locale = 'en'): string {
  const fmt = (v: number) => new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(v)
  if (n < 1024) return `${n} B`
  if (n < 1024 * 1024) return `${fmt(n / 1024)} KB`
  return `${fmt(n / (1024 * 1024))} MB`
}

/** Bytes as base64, in chunks so large files do not overflow the call stack. */
export function toBase64(bytes: Uint8Array): string {
  let bin = ''
  const chunk = 0x8000
  for (let i = 0; i < bytes.length; i += chunk) {
    bin += String.fromCharCode(...bytes.subarray(i, i + chunk))
  }
  return btoa(bin)
}

/** The file picker's accept attribute: every listed ending, or '' when any file goes. */
export function acceptAttr(rules: AttachmentRules): string {
  if (rules.rules.some((r) => r.mimeTypes.includes('*'))) return ''
  return rules.rules.flatMap((r) => [...r.extensions, ...r.mimeTypes]).join(',')
}

const placeholder = /\{\{\s*(\d+)\s*\}\}/g

/** Fills {{n}} with params[n-1]; a placeholder without a value stays as written. */
export function renderTemplate(body: string, params: string[]): string {
  return body.replace(placeholder, (m, n: string) => {
    const v = params[Number(n) - 1]
    return v !== undefined && v.trim() !== '' ? v : m
  })
}

/** The numbers of the {{n}} placeholders still without a value, in order. */
export function unfilledParams(count: number, params: string[]): number[] {
  const out: number[] = []
  for (let i = 0; i < count; i++) if (!(params[i] ?? '').trim()) out.push(i + 1)
  return out
}
