import type { Dictionary } from '../../i18n/feature-strings';
import type { followUpVi } from './strings-vi';

/** English strings of the resident's follow-up actions, fetched only when English is chosen. */
export const followUpEn: Dictionary<typeof followUpVi> = {
  due: {
    original: 'Original date: {{date}}',
    apology: 'New date: {{date}}',
    apologyWhy: 'The office apologised and gave a new date for the result.',
  },
  supplement: {
    titleSupplement: 'Documents needed',
    titleGuidance: 'Please complete your application before it can be accepted',
    askedOn: 'Requested on {{date}}.',
    documents: 'Documents to add:',
    noNote:
      'The office asked for more documents. The details were sent to you by text message or e-mail.',
    uploadLabel: 'Upload the documents',
    uploadHint: 'PDF, JPG or PNG files (sharp photos). You may choose several.',
    choose: 'Choose files',
    addMore: 'Add files',
    uploading: 'Uploading {{name}}',
    remove: 'Remove',
    removeNamed: 'Remove {{name}}',
    note: 'Note for the officer (optional)',
    noteHint: 'For example: copy of the birth certificate added.',
    submit: 'Send the documents',
    sending: 'Sending…',
    nothing: 'Upload at least one document or write what you are adding.',
    done: 'Sent. The officer will check them and continue with your application.',
  },
  result: {
    heading: 'Result',
    approved: 'Your application has an electronic result.',
    refused: 'The office answered in writing (refused, with the reasons).',
    download: 'Download the result (PDF)',
    verify: 'Check that the result is authentic',
  },
  forms: {
    heading: 'Documents from the office',
    '01': 'Receipt and appointment slip (form 01)',
    '02': 'Request to complete the application (form 02)',
    '03': 'Refusal to accept the application (form 03)',
    '04': 'Apology and new appointment date (form 04)',
    pdf: '(PDF)',
  },
  withdraw: {
    heading: 'Withdraw the application',
    lead: 'You may withdraw the application if you no longer want it handled. The office will confirm.',
    open: 'Withdraw',
    reason: 'Why are you withdrawing?',
    reasonHint: 'At least 5 characters. For example: I chose the wrong procedure.',
    reasonRequired: 'Write why you are withdrawing (at least 5 characters)',
    next: 'Continue',
    cancel: 'Keep the application',
    confirmTitle: 'Withdraw this application?',
    confirmText: 'It will no longer be handled. To start again you must submit a new application.',
    confirm: 'Yes, withdraw it',
    back: 'Back to the reason',
    sending: 'Sending…',
    done: 'Your withdrawal request was sent.',
  },
  unexpected: 'A system error occurred. Please try again later.',
};
