// Choices the Campaigns editors offer (values the Go side stores; labels are translated).

/** Platforms a creator may have a handle on (labels: platforms.*). */
export const HANDLE_PLATFORMS = ['instagram', 'tiktok', 'youtube', 'facebook', 'bluesky', 'mastodon', 'telegram', 'whatsapp'] as const

/** What a creator's rate is per (labels: campaigns.creators.units.*). */
export const RATE_UNITS = ['post', 'video', 'story', 'month', 'campaign'] as const

/** Currencies offered first; any ISO code can be typed. */
export const CURRENCIES = ['EUR', 'USD', 'GBP', 'RON', 'INR', 'CNY', 'TWD', 'HKD', 'SGD', 'JPY', 'AUD', 'CAD'] as const
