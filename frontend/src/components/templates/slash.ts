// Helpers for the composer's "/" trigger: where a slash query starts and how a picked saved
// reply replaces it. Pure functions, so the composer wiring stays a few lines.

/** The "/query" being typed at the caret, or null when the caret is not in one. */
export interface SlashQuery {
  /** Offset of the "/" in the text. */
  start: number
  /** What follows the "/" up to the caret. */
  query: string
}

/**
 * A "/" starts a query at the beginning of the text or after white space, and the query runs
 * to the caret without white space ("thanks /ord|" → {start: 7, query: "ord"}).
 */
export function slashQueryAt(text: string, caret: number): SlashQuery | null {
  const before = text.slice(0, caret)
  const m = /(^|\s)\/([^\s/]*)$/u.exec(before)
  if (!m) return null
  return { start: before.length - m[2]!.length - 1, query: m[2]! }
}

/** The text with the "/query" replaced by the rendered reply, and where the caret goes. */
export function applyPick(text: string, q: SlashQuery, caret: number, rendered: string): { text: string; caret: number } {
  const out = text.slice(0, q.start) + rendered + text.slice(caret)
  return { text: out, caret: q.start + rendered.length }
}

/** What `pick` carries: the rendered reply, ready to insert. */
export interface PickedTemplate {
  templateId: number
  text: string
  /** Tokens left in `text` as {name}: sending is blocked until they are filled. */
  missing: string[]
  /** The variant used (en, zh-Hans, zh-Hant, ro, hi). */
  language: string
}
