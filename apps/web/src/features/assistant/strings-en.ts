import type { Dictionary } from '../../i18n/feature-strings';
import type { assistantVi } from './strings-vi';

/** English strings of the assistant, fetched only when English is chosen. */
export const assistantEn: Dictionary<typeof assistantVi> = {
  title: 'Procedure assistant',
  lead: 'Ask about the documents, fees, time limit or place of a procedure; send an application code to track it; or describe a problem to report. Answers are quoted from the procedure catalogue, with their source. Answers are in Vietnamese.',
  close: 'Close the assistant',
  openPage: 'Open full page',
  newConversation: 'New conversation',
  transcript: 'Conversation',
  you: 'You',
  assistant: 'Assistant',
  inputLabel: 'Your question',
  inputHint: 'With or without Vietnamese accents. Enter sends, Shift + Enter adds a line.',
  placeholder: 'For example: làm giấy khai sinh cần giấy tờ gì',
  send: 'Send',
  sending: 'Answering…',
  startersHeading: 'You can ask:',
  starters: {
    documents: 'Làm giấy khai sinh cần giấy tờ gì?',
    time: 'Đăng ký kết hôn mất bao lâu?',
    fees: 'Cấp lại căn cước lệ phí bao nhiêu?',
    tracking: 'Tra cứu hồ sơ của tôi',
    feedback: 'Đèn đường trước nhà tôi bị hỏng',
  },
  sources: 'Source:',
  section: 'section {{section}}',
  sections: {
    documents: 'Documents',
    fees: 'Fees',
    time: 'Time limit',
    place: 'Where and how to submit',
    steps: 'Steps',
    conditions: 'Conditions',
    legal_basis: 'Legal basis',
    results: 'Results',
    applicants: 'Who may apply',
    overview: 'Summary',
  },
  choicesLabel: 'Choose a procedure',
  actionsLabel: 'What you can do next',
  errors: {
    rateLimited: 'Too many questions at once. Please wait about a minute, then press "Try again".',
    network:
      'Cannot reach the server. Your question is kept; check the connection and press "Try again".',
    failed: 'The assistant could not answer. Your question is kept; press "Try again".',
    retry: 'Try again',
  },
  disclaimer:
    'The assistant only quotes the procedure records. Check the procedure page before you submit.',
};
