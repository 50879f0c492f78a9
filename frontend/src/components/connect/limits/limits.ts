// What a platform's official API does not allow, per platform, said plainly on the connect form
// (PlatformLimits.vue). Every text is an i18n key under connectors2.limits.<platform>.
export interface PlatformLimit {
  /** The i18n key of one thing the platform does not allow, or a rule it enforces. */
  key: string
  /** A command shown after the text (for example the importer that fills the gap). */
  command?: string
}

export const PLATFORM_LIMITS: Readonly<Record<string, readonly PlatformLimit[]>> = {
  whatsapp: [
    { key: 'connectors2.limits.whatsapp.noInbound' },
    { key: 'connectors2.limits.whatsapp.window' },
    { key: 'connectors2.limits.whatsapp.history', command: 'creatordesk import whatsapp FILE' },
  ],
  tiktok: [
    { key: 'connectors2.limits.tiktok.business' },
    { key: 'connectors2.limits.tiktok.noDms' },
    { key: 'connectors2.limits.tiktok.deleteOwn' },
    { key: 'connectors2.limits.tiktok.tokens' },
  ],
}

/** The limits to show for a platform (none for platforms without notable gaps). */
export function limitsFor(platform: string): readonly PlatformLimit[] {
  return PLATFORM_LIMITS[platform] ?? []
}
