// Native attributes for the <input>/<textarea> naive-ui renders (typed HTML attribute sets do
// not list data-* keys).
import type { HTMLAttributes, InputHTMLAttributes } from 'vue'

export function inputAttrs(testid: string, extra: InputHTMLAttributes = {}): InputHTMLAttributes {
  return { ...extra, ['data-testid' as string]: testid } as InputHTMLAttributes
}

export function testAttrs(testid: string, extra: HTMLAttributes = {}): HTMLAttributes {
  return { ...extra, ['data-testid' as string]: testid } as HTMLAttributes
}
