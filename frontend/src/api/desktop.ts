// Typed wrappers over app.Desktop: what belongs to this computer rather than to a workspace
// (background sync, the optional update check, the guided tour, quitting).
import { call } from './bridge'

/** This computer's desktop preferences. `updateFeed` is false when the build has no update source. */
export interface DesktopPrefs {
  backgroundSync: boolean
  updateCheck: boolean
  updateFeed: boolean
  tourDone: boolean
  version: string
}

/** The answer of an update check. `url` is an https page or "". */
export interface UpdateInfo {
  current: string
  latest: string
  newer: boolean
  url: string
  notes: string
}

declare module './bridge' {
  interface Bindings {
    Desktop: {
      Get(): Promise<DesktopPrefs>
      SetBackgroundSync(on: boolean): Promise<DesktopPrefs>
      SetUpdateCheck(on: boolean): Promise<DesktopPrefs>
      SetTourDone(done: boolean): Promise<DesktopPrefs>
      CheckForUpdates(): Promise<UpdateInfo>
      OpenDownload(url: string): Promise<void>
      Quit(): Promise<void>
    }
  }
}

export const desktopApi = {
  get: () => call('Desktop', 'Get'),
  setBackgroundSync: (on: boolean) => call('Desktop', 'SetBackgroundSync', on),
  setUpdateCheck: (on: boolean) => call('Desktop', 'SetUpdateCheck', on),
  setTourDone: (done: boolean) => call('Desktop', 'SetTourDone', done),
  checkForUpdates: () => call('Desktop', 'CheckForUpdates'),
  openDownload: (url: string) => call('Desktop', 'OpenDownload', url),
  quit: () => call('Desktop', 'Quit'),
}
