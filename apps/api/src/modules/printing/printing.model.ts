import type { Issuer } from './pdf-layout';
import type { TimeLimitUnit } from './vn-format';

/** What every form prints about the dossier, assembled once by the service. */
export interface DossierPrint {
  code: string | null;
  reference: string;
  procedureName: string;
  applicant: {
    name: string;
    phone: string | null;
    email: string | null;
    address: string | null;
  };
  /** 1 in person, 2 online, 3 public post. */
  channel: number;
  acceptedAt: Date | null;
  /** The due date promised at acceptance: the baseline (an apology's new date is kept beside it). */
  dueAt: Date | null;
  apologyDueAt: Date | null;
  /** Day 1 of the time limit (the working day after day 0), from the `accepted` event. */
  countFrom: Date | null;
  timeLimit: { amount: number; unit: TimeLimitUnit } | null;
  /** The documents received, as printed in form 01 ("Tờ khai … (2 tệp)"). */
  documents: string[];
  returnChannel: 'in_person' | 'online' | 'post' | null;
  /** The receiving unit's one-stop desk. */
  desk: Issuer;
}

/** A notice (forms 02–04) is one recorded event: when, by whom, where, what it said. */
export interface NoticePrint {
  eventId: number;
  type: string;
  at: Date;
  note: string | null;
  data: Record<string, unknown>;
  issuer: Issuer;
  officerName: string | null;
}

export const CHANNEL_LABEL: Record<number, string> = {
  1: 'Trực tiếp',
  2: 'Trực tuyến',
  3: 'Dịch vụ bưu chính công ích',
};

export const RETURN_LABEL: Record<'in_person' | 'online' | 'post', string> = {
  in_person: 'Nhận trực tiếp tại Bộ phận tiếp nhận và trả kết quả',
  online: 'Nhận trực tuyến (bản điện tử trên Cổng Dịch vụ công)',
  post: 'Nhận qua dịch vụ bưu chính công ích',
};
