// English strings of this computer's app preferences (Settings → About) and the guided tour.
// Top-level keys here must be unique across areas (src/locales/index.ts checks).
const en = {
  desktop: {
    title: 'This computer',
    background: {
      label: 'Keep syncing when the window is closed',
      help: 'Closing the window hides it and messages keep arriving, with notifications. Open CreatorDesk again to bring the window back, or use Quit below to stop it.',
    },
    update: {
      label: 'Check for updates',
      help: 'Off unless you turn it on. When on, CreatorDesk asks its update page for a newer version only when you press “Check now”.',
      noFeed: 'This copy of CreatorDesk was built without an update page, so there is nothing to check. Updates come from wherever you installed it.',
      check: 'Check now',
      upToDate: 'You have the latest version ({version}).',
      available: 'Version {version} is available.',
      download: 'Open the download page',
    },
    tour: 'Take the tour',
    quit: 'Quit CreatorDesk',
  },
  tour: {
    count: 'Step {n} of {total}',
    next: 'Next',
    back: 'Back',
    skip: 'Skip the tour',
    finish: 'Start exploring',
    steps: {
      welcome: {
        title: 'Welcome to the demo workspace',
        body: 'Everything here is made up, so click around freely: nothing reaches a real person. This short tour shows the four places you will use most.',
      },
      inbox: {
        title: 'One inbox for every platform',
        body: 'DMs and comments from all your accounts land here. Tag them, assign them, snooze them, and answer the urgent ones first: the timers show who is waiting longest.',
      },
      templates: {
        title: 'Saved replies',
        body: 'Write your best answers once, with blanks like {\'{\'}first_name{\'}\'} that fill themselves in. In a reply, type / to pick one. Settings → Saved replies is where you edit them.',
      },
      calendar: {
        title: 'Plan the week',
        body: 'Posts, lives and follow-ups on one calendar. Drag an item to move it; CreatorDesk publishes where the platform allows and reminds you where it does not.',
      },
      kpis: {
        title: 'See what pays off',
        body: 'How fast you answer, how many chats turn into orders, and which creators and codes bring revenue. Click a figure to see exactly what it counts.',
      },
    },
  },
  errors: {
    desktop: {
      updateCheckOff: 'The update check is off. Turn it on in Settings → About first.',
      noUpdateFeed: 'This copy of CreatorDesk has no update page to check.',
      badUpdateFeed: 'The update page answered with something CreatorDesk could not read. Try again later.',
      updateUnreachable: 'The update page could not be reached. Check your internet connection and try again.',
      alreadyRunning: 'CreatorDesk is already open. Switch to its window.',
    },
  },
}

export default en
