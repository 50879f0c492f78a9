// Display names and colours of platforms. Unknown platforms show their raw name.
import { useI18n } from 'vue-i18n'

export const KNOWN_PLATFORMS = [
  'telegram',
  'instagram',
  'facebook',
  'messenger',
  'whatsapp',
  'youtube',
  'tiktok',
  'bluesky',
  'mastodon',
  'shopify',
] as const

const COLORS: Record<string, string> = {
  telegram: '#229ed9',
  instagram: '#d6246e',
  facebook: '#1877f2',
  messenger: '#0a7cff',
  whatsapp: '#25a244',
  youtube: '#e62117',
  tiktok: '#111111',
  bluesky: '#1185fe',
  mastodon: '#6364ff',
  shopify: '#5e8e3e',
}

export function platformColor(platform: string): string {
  return COLORS[platform] ?? '#7a7f95'
}

export function usePlatform() {
  const { t, te } = useI18n()
  function platformName(platform: string): string {
    const key = `platforms.${platform}`
    return platform && te(key) ? t(key) : platform
  }
  return { platformName, platformColor }
}
