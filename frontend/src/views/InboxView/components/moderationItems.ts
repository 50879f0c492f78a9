// What the moderation menu of one comment lists: the actions the platform offers for the
// comment's author (others' comments vs. the account's own) and its state (hidden, deleted,
// already answered privately), in menu order, plus the hints for what the platform lacks.
// Kept out of ModerationMenu.vue so the list per platform is unit-tested.
import type { Message } from '@/api/types'
import type { ModerationCaps } from '@/api/moderation'

/** A menu entry: an action key (also its data-testid suffix), or a hint about a missing one. */
export type MenuItem =
  | { kind: 'action'; key: MenuAction; disabled: boolean }
  | { kind: 'hint'; hint: 'noHide' | 'noPrivate'; platforms: string[] }

export type MenuAction = 'negative' | 'private' | 'hide' | 'unhide' | 'delete' | 'block' | 'mute' | 'report'

/** The items of the menu of message m, given what its platform offers (caps: null while loading). */
export function moderationItems(
  m: Pick<Message, 'direction' | 'deleted' | 'hidden' | 'privatelyAnswered'>,
  caps: ModerationCaps | null,
): MenuItem[] {
  const own = m.direction === 'out'
  const offered = new Set(own ? (caps?.own ?? []) : (caps?.others ?? []))
  const out: MenuItem[] = []
  const add = (key: MenuAction, disabled = false) => out.push({ kind: 'action', key, disabled })
  if (!own && !m.deleted) {
    add('negative')
    if (caps?.privateReply) add('private', !!m.privatelyAnswered)
  }
  if (!m.deleted) {
    if (offered.has('hide') && !m.hidden) add('hide')
    if (offered.has('unhide') && m.hidden) add('unhide')
    if (offered.has('delete')) add('delete')
  }
  for (const a of ['block', 'mute', 'report'] as const) if (offered.has(a)) add(a)
  if (!own && caps) {
    if (!offered.has('hide')) out.push({ kind: 'hint', hint: 'noHide', platforms: caps.hidePlatforms ?? [] })
    if (!caps.privateReply) out.push({ kind: 'hint', hint: 'noPrivate', platforms: caps.privateReplyPlatforms ?? [] })
  }
  return out
}

/** The action keys of a menu, in order (for tests and the keyboard). */
export function actionKeys(items: MenuItem[]): MenuAction[] {
  return items.flatMap((i) => (i.kind === 'action' ? [i.key] : []))
}
