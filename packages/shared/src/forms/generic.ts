import {
  commitmentField,
  L,
  leaf,
  opt,
  requesterFields,
  requesterStepFields,
  truthy,
} from './common';
import type { FormDocument, FormField, FormSchema, FormStep } from './types';

/** The parts of a catalogue record (seed-data/procedures) a generic form is derived from. */
export type ProcedureRecordLike = {
  code: string;
  name: string;
  documents?:
    | {
        case?: string | null;
        items: {
          name: string;
          form_file?: string | null;
          originals?: number | null;
          copies?: number | null;
        }[];
      }[]
    | null;
};

// Headings that split one dossier into sections rather than alternative cases.
const SECTION = /^(giấy tờ phải (nộp|xuất trình)|thành phần hồ sơ|hồ sơ gồm|hồ sơ bao gồm)\b/i;
const PRESENTED = /xuất trình/i;
const NOTE = /^lưu ý/i;
// Items that apply only in some situations: they cannot be required of everyone.
const CONDITIONAL = /\(nếu |^trường hợp|trong trường hợp|đối với trường hợp|^đối với/i;
// The record's "interactive electronic form" is what this e-form is: nothing to upload.
const SELF = /điện tử tương tác/i;
const FORM_NAME = /^(tờ khai|đơn|giấy đề nghị|văn bản đề nghị|mẫu)/i;

function cleanHeading(raw: string | null | undefined): string {
  return (raw ?? '')
    .normalize('NFC')
    .replace(/^[\s*\-•]+/, '')
    .replace(/[\s:]+$/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

function cleanItem(raw: string): string {
  const s = raw
    .normalize('NFC')
    .replace(/^\s*(\(?[a-zđ0-9ivx]{1,4}[.)]|[-•*])\s+/i, '')
    .replace(/\s+/g, ' ')
    .trim();
  return s.length > 500 ? `${s.slice(0, 497)}…` : s;
}

// A few records carry a year (20261) in the quantity column: read anything absurd as one paper.
function sane(n: number | null | undefined): number {
  if (!n || n < 0) return 0;
  return n > 50 ? 1 : Math.floor(n);
}

function truncate(s: string, n: number): string {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}

type Section = {
  heading: string;
  alternative: boolean;
  items: NonNullable<ProcedureRecordLike['documents']>[number]['items'];
};

/**
 * A form for any procedure without a hand-written one: the requester (prefilled), the case when the
 * record has several, a free-text request, and one upload per document item of the record. When the
 * resident picks a case, only that case's documents are required (they are hidden otherwise).
 */
export function genericFormFromProcedure(record: ProcedureRecordLike): FormSchema {
  const sections: Section[] = (record.documents ?? [])
    .map((c) => ({ heading: cleanHeading(c.case), items: c.items ?? [] }))
    .filter((c) => !NOTE.test(c.heading))
    .map((c) => ({ ...c, alternative: c.heading !== '' && !SECTION.test(c.heading) }))
    // An item with no original and no copy is an explanatory note of the record, not a paper.
    .map((c) => ({ ...c, items: c.items.filter((i) => (i.originals ?? 0) + (i.copies ?? 0) > 0) }))
    .filter((c) => c.items.length > 0);

  let alternatives = sections.filter((s) => s.alternative);
  const general = sections.filter((s) => !s.alternative);
  // A single "case" with nothing around it is simply the dossier.
  if (alternatives.length === 1 && general.length === 0) {
    general.push({ ...alternatives[0]!, alternative: false });
    alternatives = [];
  }

  const fields: FormField[] = [...requesterFields()];
  const caseStep: string[] = [];
  if (alternatives.length > 1) {
    fields.push(
      leaf('radio', 'documentCase', L('Trường hợp hồ sơ của bạn', 'Which case applies to you'), {
        options: alternatives.map((s, i) =>
          opt(`c${i + 1}`, truncate(s.heading, 300), `Case ${i + 1}`),
        ),
      }),
    );
    caseStep.push('documentCase');
  } else if (alternatives.length === 1) {
    fields.push(
      leaf(
        'checkbox',
        'documentCaseApplies',
        L(
          `Hồ sơ của tôi thuộc trường hợp: ${truncate(alternatives[0]!.heading, 300)}`,
          'This case applies to me',
        ),
        {
          required: false,
        },
      ),
    );
    caseStep.push('documentCaseApplies');
  }
  fields.push(
    leaf('textarea', 'requestContent', L('Nội dung yêu cầu', 'Your request'), {
      minLength: 10,
      maxLength: 4000,
      help: L(
        'Ghi rõ bạn đề nghị cơ quan giải quyết việc gì, cho ai, vì sao',
        'What you ask for, for whom and why',
      ),
    }),
    commitmentField(),
  );

  const documents: FormDocument[] = [];
  const formNames: string[] = [];
  const add = (s: Section, showIf: FormDocument['showIf']) => {
    for (const item of s.items) {
      const name = cleanItem(item.name);
      if (!name || SELF.test(name)) continue;
      if (FORM_NAME.test(name) || item.form_file) formNames.push(truncate(name, 150));
      documents.push({
        id: `d${documents.length + 1}`,
        ...(s.heading ? { case: s.heading } : {}),
        name: L(name, `Document ${documents.length + 1} of the catalogue record`),
        originals: sane(item.originals),
        copies: sane(item.copies),
        // Papers to present are read from the national databases online; conditional ones vary.
        required: !PRESENTED.test(s.heading) && !CONDITIONAL.test(name),
        ...(showIf ? { showIf } : {}),
        ...(item.form_file ? { formName: item.form_file } : {}),
      });
    }
  };
  for (const s of general) add(s, undefined);
  alternatives.forEach((s, i) => {
    add(
      s,
      alternatives.length > 1
        ? [{ field: 'documentCase', equals: `c${i + 1}` }]
        : [truthy('documentCaseApplies')],
    );
  });

  const steps: FormStep[] = [
    { id: 'requester', title: L('Người yêu cầu', 'Requester'), fields: requesterStepFields },
    ...(caseStep.length
      ? [{ id: 'case', title: L('Trường hợp của bạn', 'Your case'), fields: caseStep }]
      : []),
    {
      id: 'request',
      title: L('Nội dung yêu cầu', 'Your request'),
      fields: ['requestContent', 'commitment'],
    },
  ];

  return {
    id: `generic-${record.code}`,
    procedureCode: record.code,
    title: L(record.name, record.name),
    legalBasis: formNames.length
      ? `Biểu mẫu chung lập từ hồ sơ thủ tục ${record.code}; mẫu đơn, tờ khai của thủ tục được tải lên kèm theo: ${formNames.join('; ')}`
      : `Biểu mẫu chung lập từ hồ sơ thủ tục ${record.code} trong Cơ sở dữ liệu quốc gia về thủ tục hành chính`,
    origin: 'generic',
    steps,
    fields,
    documents,
    review: ['requesterName', 'requesterCitizenId', ...caseStep, 'requestContent'],
  };
}
