// The composer's file and template helpers mirror the send gate: a program is refused
// whatever the platform, an unknown type or an oversized file is refused with the limit,
// types come from the name when the browser gives none, and {{n}} fill in order.
import { describe, expect, it } from 'vitest'
import type { AttachmentRules } from '@/api/outbound'
import {
  acceptAttr,
  checkFile,
  formatBytes,
  mimeOf,
  renderTemplate,
  toBase64,
  unfilledParams,
} from '@/views/InboxView/components/composerFiles'

const MB = 1024 * 1024
const telegram: AttachmentRules = {
  platform: 'telegram',
  supported: true,
  maxFiles: 10,
  blockedExtensions: ['.exe', '.js'],
  rules: [
    { kind: 'image', mimeTypes: ['image/jpeg', 'image/png'], extensions: ['.jpg', '.png'], maxBytes: 10 * MB },
    { kind: 'document', mimeTypes: ['*'], extensions: [], maxBytes: 25 * MB },
  ],
}
const whatsapp: AttachmentRules = {
  platform: 'whatsapp',
  supported: true,
  maxFiles: 10,
  blockedExtensions: ['.exe'],
  rules: [
    { kind: 'image', mimeTypes: ['image/jpeg', 'image/png'], extensions: ['.jpg', '.png'], maxBytes: 5 * MB },
    { kind: 'document', mimeTypes: ['application/pdf'], extensions: ['.pdf'], maxBytes: 25 * MB },
  ],
}

describe('checkFile', () => {
  it('accepts a photo under its limit and names its rule', () => {
    const r = checkFile({ name: 'mug.png', type: 'image/png', size: 2 * MB }, telegram)
    expect(r).toMatchObject({ ok: true, mimeType: 'image/png' })
    expect(r.ok && r.rule.kind).toBe('image')
  })
  it('refuses programs even where any file goes', () => {
    expect(checkFile({ name: 'Setup.EXE', type: 'application/x-msdownload', size: 10 }, telegram)).toEqual({ ok: false, reason: 'blocked' })
  })
  it('refuses a type the platform does not take', () => {
    expect(checkFile({ name: 'song.mp3', type: 'audio/mpeg', size: 10 }, whatsapp)).toEqual({ ok: false, reason: 'type' })
  })
  it('refuses an oversized file with the limit of its kind', () => {
    expect(checkFile({ name: 'big.jpg', type: 'image/jpeg', size: 5 * MB + 1 }, whatsapp)).toEqual({
      ok: false,
      reason: 'size',
      maxBytes: 5 * MB,
    })
  })
  it('refuses empty files and platforms without files', () => {
    expect(checkFile({ name: 'a.pdf', type: 'application/pdf', size: 0 }, whatsapp)).toEqual({ ok: false, reason: 'empty' })
    expect(checkFile({ name: 'a.pdf', type: 'application/pdf', size: 3 }, { ...whatsapp, supported: false, rules: [] })).toEqual({
      ok: false,
      reason: 'unsupported',
    })
  })
  it('takes the type from the name when the browser gives none', () => {
    expect(mimeOf('guide.PDF', '')).toBe('application/pdf')
    expect(mimeOf('photo.jpg', 'application/octet-stream')).toBe('image/jpeg')
    expect(mimeOf('x.bin', 'text/plain; charset=utf-8')).toBe('text/plain')
    expect(checkFile({ name: 'guide.pdf', type: '', size: 3 }, whatsapp).ok).toBe(true)
  })
})

describe('formatting and encoding', () => {
  it('formats sizes for people', () => {
    expect(formatBytes(512)).toBe('512 B')
    expect(formatBytes(1536)).toBe('1.5 KB')
    expect(formatBytes(8 * MB)).toBe('8 MB')
    expect(formatBytes(1.5 * MB, 'ro')).toBe('1,5 MB')
  })
  it('encodes bytes as base64, large files included', () => {
    expect(toBase64(new TextEncoder().encode('Hello, 世界'))).toBe(btoa(unescape(encodeURIComponent('Hello, 世界'))))
    const big = new Uint8Array(100_000).fill(65)
    expect(atob(toBase64(big)).length).toBe(100_000)
  })
  it('lists the accepted endings for the picker unless any file goes', () => {
    expect(acceptAttr(telegram)).toBe('')
    expect(acceptAttr(whatsapp)).toContain('.pdf')
    expect(acceptAttr(whatsapp)).toContain('image/png')
  })
})

describe('WhatsApp templates', () => {
  it('fills placeholders in order and leaves empty ones visible', () => {
    expect(renderTemplate('Hi {{1}}, order {{ 2 }} ships.', ['Ana', '#1042'])).toBe('Hi Ana, order #1042 ships.')
    expect(renderTemplate('Hi {{1}}, order {{2}}', ['Ana', ' '])).toBe('Hi Ana, order {{2}}')
  })
  it('names the values still missing', () => {
    expect(unfilledParams(3, ['a', '', '  '])).toEqual([2, 3])
    expect(unfilledParams(2, ['a', 'b'])).toEqual([])
  })
})
