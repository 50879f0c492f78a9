// English strings of what leaves the app besides text: files in the composer and approved
// WhatsApp templates after the 24-hour window. Top-level keys are unique across areas.
const en = {
  outbound: {
    attach: {
      button: 'Attach files',
      loading: 'Checking what {platform} accepts…',
      allowed: '{platform} accepts:',
      kindLine: '{kind}: {exts}, up to {max}',
      kindAny: '{kind}: any type, up to {max}',
      maxFiles: 'Up to {n} files in one message. The text goes with the first file.',
      none: 'CreatorDesk cannot send files on {platform}: replies go out as text. To share a photo or a document, paste a link to it.',
      remove: 'Remove {name}',
      chosen: 'Files to send',
      readError: '{name} could not be read from the disk.',
      kinds: { image: 'Photos', video: 'Videos', audio: 'Audio', document: 'Documents' },
      refused: {
        blocked: '{name} was not added: programs and scripts are never sent from CreatorDesk.',
        type: '{name} was not added: {platform} does not accept this type of file.',
        size: '{name} was not added: it is {size}, and {platform} accepts at most {max} for this kind of file.',
        empty: '{name} was not added: the file is empty.',
        unsupported: '{name} was not added: {platform} cannot receive files from CreatorDesk.',
        tooMany: 'Only {n} files fit in one message; the rest were not added.',
      },
    },
    template: {
      closedHint: 'WhatsApp’s 24-hour window has closed. Until the customer writes again, only a template WhatsApp has approved can be sent.',
      offer: 'Send an approved template',
      title: 'Send an approved WhatsApp template',
      pick: 'Template',
      pickPlaceholder: 'Choose a template',
      param: 'Value {n}',
      preview: 'Preview',
      loading: 'Loading the account’s templates…',
      empty: 'This WhatsApp account has no approved templates yet. Create one in WhatsApp Manager and wait for approval, then try again.',
      marketing: 'Marketing template: it only goes to people who agreed to receive offers.',
      missing: 'Fill in every value before sending (missing: {list}).',
      send: 'Send template',
      cancel: 'Cancel',
    },
  },
  errors: {
    outbound: {
      notHere: 'Files and templates cannot be sent this way (not with a private reply, and not together).',
      attachEmpty: 'One of the files is empty.',
      attachNoFolder: 'This workspace has no data folder to keep sent files in.',
      attachTooMany: 'At most {max} files fit in one message.',
      attachUnsupported: 'CreatorDesk cannot send files on {platform}.',
      attachType: '{platform} does not accept {name}. Accepted: {allowed}. Programs and scripts are never sent.',
      attachTooLarge: '{name} is too large ({size} MB): at most {max} MB here.',
      templateUnsupported: 'Templates can only be sent in WhatsApp conversations.',
      templateUnknown: 'The account has no template “{name}” in {language}. Reload the list and pick another.',
      templateUnapproved: 'The template “{name}” is {status} on WhatsApp, not approved, so it cannot be sent.',
      templateParams: 'This template needs {want} values; fill in each of them.',
    },
  },
}

export default en
