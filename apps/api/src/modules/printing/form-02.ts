import { FormWriter } from './pdf-layout';
import type { DossierPrint, NoticePrint } from './printing.model';
import { vnDateTime, vnPlaceDate } from './vn-format';

export const FORM_02_TITLE = 'Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ';

function documentsOf(data: Record<string, unknown>): string[] {
  const docs = data.documents;
  return Array.isArray(docs)
    ? docs.filter((x): x is string => typeof x === 'string' && x !== '')
    : [];
}

/**
 * Mẫu số 02: what the applicant must add or correct. Issued at the desk before acceptance
 * (`guide_to_complete`, the dossier has only its temporary reference) or by the handling unit
 * during processing (`request_supplement`, which pauses the clock until the applicant resubmits).
 */
export async function renderForm02(dossier: DossierPrint, notice: NoticePrint): Promise<Buffer> {
  const codeLine = dossier.code
    ? `Mã hồ sơ: ${dossier.code}`
    : `Số tham chiếu: ${dossier.reference}`;
  const w = new FormWriter({
    title: FORM_02_TITLE,
    formNo: '02',
    reference: dossier.code ?? dossier.reference,
    issuedAt: notice.at,
  });
  w.header(notice.issuer, { placeDate: vnPlaceDate(notice.issuer.place, notice.at) });
  const second = notice.data.secondSupplement === true;
  w.title(FORM_02_TITLE, second ? [codeLine, '(Yêu cầu bổ sung lần thứ hai)'] : [codeLine]);

  w.field('Hồ sơ của', dossier.applicant.name);
  w.field('Nội dung yêu cầu giải quyết', dossier.procedureName);
  w.field('Địa chỉ', dossier.applicant.address);
  w.field('Số điện thoại', dossier.applicant.phone);
  w.field('Email', dossier.applicant.email);
  w.field('Ngày yêu cầu', vnDateTime(notice.at));

  w.paragraph('Yêu cầu hoàn thiện hồ sơ gồm những nội dung sau:');
  const documents = documentsOf(notice.data);
  w.list(documents.length ? documents : notice.note ? [notice.note] : [], '(xem lý do dưới đây)');
  if (documents.length && notice.note) w.field('Lý do, nội dung cụ thể', notice.note);
  // `dueAt` on processing events is the dossier's due date; only a dedicated field is the
  // applicant's deadline to resubmit.
  const due =
    typeof notice.data.supplementDueAt === 'string' ? new Date(notice.data.supplementDueAt) : null;
  if (due && !Number.isNaN(due.getTime())) {
    w.field('Thời hạn nộp bổ sung', `trước ${vnDateTime(due)}`);
  }
  if (notice.type === 'request_supplement') {
    // DOMAIN.md §4: the time limit is paused from this request until the applicant resubmits.
    w.paragraph(
      'Thời gian giải quyết hồ sơ tạm dừng kể từ ngày yêu cầu bổ sung cho đến khi nhận đủ hồ sơ bổ sung.',
      { italic: true },
    );
  }
  w.paragraph(
    `Trong quá trình hoàn thiện hồ sơ, nếu có vướng mắc, ông/bà liên hệ với ${
      notice.officerName ? `${notice.officerName}, ` : ''
    }${notice.issuer.office} – ${notice.issuer.unitName} để được hướng dẫn.`,
  );
  w.signatures(null, {
    title: 'NGƯỜI HƯỚNG DẪN',
    hint: '(Ký và ghi rõ họ tên)',
    name: notice.officerName,
  });
  return w.finish();
}
