// English strings of the KPI dashboards. Top-level keys here must be unique across areas.
const en = {
  kpis: {
    title: 'KPIs',
    lead: 'How fast you answer, how often conversations turn into orders and where the work pays off. Every figure is compared with the period of the same length just before.',
    loading: 'Counting…',
    loadError: 'The figures could not be calculated.',
    refresh: 'Refresh',
    export: 'Export CSV',
    range: {
      from: 'From',
      to: 'To',
      showing: '{from} – {to}',
      previous: 'compared with {from} – {to}',
    },
    empty: {
      title: 'Nothing to measure in this period',
      body: 'No customer wrote and no order came in. Choose a longer period, or connect an account and import your orders.',
    },
    change: {
      vsPrevious: '{change} vs previous period',
      noPrevious: 'Nothing to compare with',
      previous: 'Previous period: {value}',
    },
    counted: {
      conversation: '{n} conversation counted | {n} conversations counted',
      order: '{n} order counted | {n} orders counted',
    },
    details: {
      p90: '90% within {value}',
      firstResponseBusiness: '90% within {p90} · {business} in business hours',
      hoursSaved: 'About {hours} h saved, at {minutes} min per reply',
      peak: 'Busiest: {day} at {hour}:00',
    },
    figures: {
      firstResponse: {
        title: 'First response time',
        help: 'Median time from a customer’s first message in the period to your first reply. Business-hours time counts only your open hours.',
        hit: 'Replied',
      },
      resolutionTime: {
        title: 'Resolution time',
        help: 'Median time from a customer’s first message in the period until the conversation was marked resolved.',
        hit: 'Resolved',
      },
      responseRate: {
        title: 'Response rate',
        help: 'Share of conversations with a customer message in the period that got a reply.',
        hit: 'Replied',
      },
      slaAttainment: {
        title: 'Response targets met',
        help: 'Share of response timers started in the period that were answered in time (met against missed).',
        hit: 'Met',
      },
      volume: {
        title: 'Conversations',
        help: 'Conversations where a customer wrote in the period, by kind, intent, platform, account, team member and tag.',
        hit: 'Counted',
      },
      dmConversion: {
        title: 'DM to order',
        help: 'Share of direct-message conversations in the period that led to an attributed order in the period.',
        hit: 'Ordered',
      },
      orderRevenue: {
        title: 'Revenue',
        help: 'Revenue of the orders placed in the period in the main currency, by creator and discount code (the same attribution as Campaigns › Results).',
        hit: 'From a conversation',
      },
      aov: {
        title: 'Average order value',
        help: 'Revenue divided by orders in the main currency, by creator and discount code.',
        hit: 'From a conversation',
      },
      moderationFalsePositives: {
        title: 'Moderation mistakes',
        help: 'Share of reviewed moderation actions that a person marked wrong or that an appeal overturned. Lower is better.',
        hit: 'Wrong',
      },
      automationShare: {
        title: 'Replies sent by automation',
        help: 'Share of sent replies that an automation sent. Hours saved assume a few minutes of a person’s time per reply.',
        hit: 'Automated',
      },
      bestTime: {
        title: 'Busiest hour',
        help: 'Customer messages in the busiest weekday hour. Incoming messages stand in for engagement: post and be online when they peak.',
        hit: 'Counted',
      },
    },
    split: {
      title: '{figure} by',
      by: 'Split by',
      count: 'Counted',
      unassigned: 'Unassigned',
      none: 'Not set',
      empty: 'Nothing to break down in this period.',
      notSplit: 'This figure has no breakdown; open its rows instead.',
      chartLabel: 'Bar chart of {figure}',
      dims: {
        platform: 'Platform',
        account: 'Account',
        member: 'Team member',
        tag: 'Tag',
        kind: 'Kind',
        intent: 'Intent',
        creator: 'Creator',
        code: 'Discount code',
        slot: 'Weekday and hour',
      },
    },
    heatmap: {
      title: 'When customers write',
      zone: 'Times in {zone}',
      proxy: 'Incoming messages by weekday and hour stand in for engagement: the darker the cell, the better the time to post and to be online. Click a cell to see its conversations.',
      empty: 'No customer messages in this period.',
      series: 'Customer messages',
      slot: '{day} {hour}:00',
    },
    weekdays: {
      0: 'Sun',
      1: 'Mon',
      2: 'Tue',
      3: 'Wed',
      4: 'Thu',
      5: 'Fri',
      6: 'Sat',
    },
    drill: {
      show: 'Show rows',
      titleKey: '{figure}: {key}',
      loadError: 'The rows could not be loaded.',
      empty: 'No rows.',
      open: 'Open in the inbox',
      id: 'ID',
      name: 'Conversation or order',
      at: 'When',
      yes: 'Yes',
      no: 'No',
      conversation: 'Conversation #{id}',
      order: 'Order #{id}',
    },
  },
  errors: {
    kpis: {
      unknownMetric: 'There is no figure called “{name}”.',
    },
  },
}

export default en
