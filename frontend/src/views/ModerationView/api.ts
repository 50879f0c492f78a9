// The moderation log's API lives with the rest of app.Moderation in @/api/moderation.
export { moderationHistory } from '@/api/moderation'
export type { ModerationEntry, ModerationHistory, ModerationHistoryRequest } from '@/api/moderation'
