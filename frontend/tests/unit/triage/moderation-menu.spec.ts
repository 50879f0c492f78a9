// The moderation menu's action list per platform, computed from the backend's real support
// table: backend/moderation/testdata/caps.json (kept equal to it by TestCapsGolden in Go).
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { ModerationCaps } from '@/api/moderation'
import type { Message } from '@/api/types'
import { actionKeys, moderationItems } from '@/views/InboxView/components/moderationItems'

const caps = JSON.parse(readFileSync(resolve(__dirname, '../../../../backend/moderation/testdata/caps.json'), 'utf8')) as ModerationCaps[]
const of = (p: string): ModerationCaps => {
  const c = caps.find((x) => x.platform === p)
  if (!c) throw new Error(`no caps for ${p}`)
  return c
}

type MenuMessage = Pick<Message, 'direction' | 'deleted' | 'hidden' | 'privatelyAnswered'>
const comment: MenuMessage = { direction: 'in', deleted: false, hidden: false, privatelyAnswered: false }
const hidden: MenuMessage = { ...comment, hidden: true }
const own: MenuMessage = { ...comment, direction: 'out' }

describe('moderation menu per platform', () => {
  it('covers every inbox platform', () => {
    expect(caps.map((c) => c.platform).sort()).toEqual(
      ['bluesky', 'facebook', 'instagram', 'mastodon', 'messenger', 'telegram', 'tiktok', 'whatsapp', 'youtube'],
    )
  })

  it.each([
    // platform, someone else's visible comment, the same comment hidden, the account's own comment
    ['instagram', ['negative', 'private', 'hide', 'delete'], ['negative', 'private', 'unhide', 'delete'], ['delete']],
    ['facebook', ['negative', 'private', 'hide', 'delete'], ['negative', 'private', 'unhide', 'delete'], ['delete']],
    ['youtube', ['negative', 'hide', 'delete', 'block'], ['negative', 'unhide', 'delete', 'block'], ['delete']],
    ['bluesky', ['negative', 'hide', 'block', 'mute', 'report'], ['negative', 'unhide', 'block', 'mute', 'report'], ['delete']],
    ['mastodon', ['negative', 'block', 'mute', 'report'], ['negative', 'block', 'mute', 'report'], ['delete']],
    ['telegram', ['negative'], ['negative'], []],
    ['tiktok', ['negative'], ['negative'], []],
  ])('%s lists what it offers', (platform, visible, whenHidden, ownList) => {
    expect(actionKeys(moderationItems(comment, of(platform)))).toEqual(visible)
    expect(actionKeys(moderationItems(hidden, of(platform)))).toEqual(whenHidden)
    expect(actionKeys(moderationItems(own, of(platform)))).toEqual(ownList)
  })

  it('explains what is missing, naming the platforms that can', () => {
    const items = moderationItems(comment, of('mastodon'))
    const hints = items.filter((i) => i.kind === 'hint')
    expect(hints).toEqual([
      { kind: 'hint', hint: 'noHide', platforms: of('mastodon').hidePlatforms },
      { kind: 'hint', hint: 'noPrivate', platforms: ['instagram', 'facebook'] },
    ])
    expect(of('mastodon').hidePlatforms).toEqual(expect.arrayContaining(['bluesky', 'instagram', 'facebook', 'youtube']))
    // Instagram offers both: no hints; the account's own comment never gets hints.
    expect(moderationItems(comment, of('instagram')).some((i) => i.kind === 'hint')).toBe(false)
    expect(moderationItems(own, of('mastodon')).some((i) => i.kind === 'hint')).toBe(false)
  })

  it('greys out a second private reply and lists nothing to hide on a deleted comment', () => {
    const answered = moderationItems({ ...comment, privatelyAnswered: true }, of('instagram'))
    expect(answered.find((i) => i.kind === 'action' && i.key === 'private')).toEqual({ kind: 'action', key: 'private', disabled: true })
    expect(actionKeys(moderationItems({ ...comment, deleted: true }, of('instagram')))).toEqual([])
    expect(actionKeys(moderationItems({ ...comment, deleted: true }, of('bluesky')))).toEqual(['block', 'mute', 'report'])
  })

  it('lists only the always-possible answer while the capabilities load', () => {
    expect(moderationItems(comment, null)).toEqual([{ kind: 'action', key: 'negative', disabled: false }])
  })
})
