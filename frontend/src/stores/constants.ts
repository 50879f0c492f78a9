// Timing shared by the stores.

/** Bursts of `inbox:changed` (a sync storing many items) are handled once per this many ms. */
export const CHANGE_DEBOUNCE_MS = 150
