// English strings of creators, campaigns, codes, links, orders, attribution, UGC releases, experiments.
// Top-level keys here must be unique across areas (src/locales/index.ts checks).
const en = {
  campaigns: {
    attribution: {
      creditedCode: 'Credited to {creator}’s code {code}, used at checkout.',
      creditedLastClick: 'Credited to {creator}’s link, the last one clicked before the order.',
      creditedFirstTouch: 'Credited to {creator}’s link, which first brought this customer.',
      creditedConversation: 'Credited to {creator}: we gave their code or link in a DM.',
      viaConversation: 'The code or link was given in a DM conversation before the order.',
      conversationOnly: 'Linked to a DM conversation, but to no creator’s code or link.',
      assistCode: '{creator}’s code was also used (assist).',
      assistLink: '{creator}’s link was clicked earlier (assist).',
      assistConversation: '{creator}’s code or link was given in a DM (assist).',
      unknownCode: 'Not credited: the code {code} belongs to no creator.',
      none: 'Not credited: no creator code, tracked link or conversation matches this order.',
    },
    importProblems: {
      missing_id: 'The order number is empty.',
      missing_date: 'The date is empty.',
      bad_date: '“{value}” is not a date.',
      missing_total: 'The total is empty.',
      bad_amount: '“{value}” is not an amount.',
      no_currency: 'No currency. Add a currency column or choose a default currency.',
      duplicate: 'Order “{value}” appears more than once.',
      column_count: 'This row has a different number of columns than the header.',
    },
  },
  errors: {
    campaigns: {
      required: 'Please fill in this field: {field}.',
      duplicate: 'This {field} already exists.',
      invalid: 'This {field} is not valid.',
      endsBeforeStart: 'The end date is before the start date.',
      codeFormat: 'A code uses 2 to 40 letters, digits, dashes or underscores, without spaces.',
      url: 'Enter a full web address that starts with https://.',
      noShop: 'Connect a Shopify store first (Settings, Accounts).',
      badRows: '{count} rows cannot be imported. Fix them in the file, or choose to skip them. Nothing was imported.',
      importFile: {
        empty: 'The file is empty.',
        no_header: 'The file has no header row.',
        not_text: 'This is not a text CSV file. Export it again as CSV (UTF-8).',
        too_large: 'The file is too large to import.',
        bad_quotes: 'A quoted field is not closed properly near line {line}.',
        unknown_format: 'The columns were not recognised. Choose which column holds what.',
        missing_columns: 'Choose a column for: {columns}.',
      },
    },
  },
}

export default en
