import { FormWriter } from './pdf-layout';
import type { DossierPrint, NoticePrint } from './printing.model';
import { vnDateTime, vnPlaceDate, vnTimeLimit } from './vn-format';

export const FORM_04_TITLE = 'Phiếu xin lỗi và hẹn lại ngày trả kết quả';

function instant(value: unknown): Date | null {
  if (typeof value !== 'string') return null;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? null : d;
}

/**
 * Mẫu số 04: the handling body apologises for a late result and promises a new date. The
 * original due date stays the baseline (DOMAIN.md §4); both are printed.
 */
export async function renderForm04(dossier: DossierPrint, notice: NoticePrint): Promise<Buffer> {
  const original = instant(notice.data.originalDueAt) ?? dossier.dueAt;
  const promised = instant(notice.data.apologyDueAt) ?? dossier.apologyDueAt;
  const body = notice.issuer.office;
  const reason = notice.note ? notice.note.replace(/[\s.;,]*$/u, '.') : '……';
  const w = new FormWriter({
    title: FORM_04_TITLE,
    formNo: '04',
    reference: dossier.code ?? dossier.reference,
    issuedAt: notice.at,
  });
  w.header(notice.issuer, {
    number: 'Số: ……/PXL',
    placeDate: vnPlaceDate(notice.issuer.place, notice.at),
  });
  w.title(FORM_04_TITLE);

  w.paragraph(`Kính gửi: ${dossier.applicant.name}`, { bold: true, align: 'center' });
  w.gap(4);
  w.paragraph(
    `${dossier.acceptedAt ? `Vào ${vnDateTime(dossier.acceptedAt)}, ` : ''}${body} tiếp nhận giải quyết hồ sơ của ông/bà: ${dossier.applicant.name}.`,
  );
  w.field('Nội dung yêu cầu giải quyết', dossier.procedureName);
  w.field('Mã hồ sơ', dossier.code ?? dossier.reference);
  w.paragraph(
    `Thời hạn giải quyết hồ sơ theo quy định: ${
      dossier.timeLimit ? vnTimeLimit(dossier.timeLimit.amount, dossier.timeLimit.unit) : '……'
    }; ngày hẹn trả kết quả: ${original ? vnDateTime(original) : '……'}.`,
  );
  w.paragraph(
    `Tuy nhiên đến nay, ${body} chưa trả kết quả giải quyết hồ sơ cho ông/bà được vì lý do: ${reason}`,
  );
  w.paragraph(
    `Sự chậm trễ này đã gây phiền hà cho ông/bà. ${body} xin lỗi ông/bà và sẽ trả kết quả cho ông/bà vào ${
      promised ? vnDateTime(promised) : '……'
    }.`,
  );
  w.paragraph('Chúng tôi mong nhận được sự thông cảm của ông/bà vì sự chậm trễ này.');
  w.paragraph('Xin trân trọng cảm ơn!');
  w.recipientsAndSignature(['Như trên;', 'Lưu: VT.'], {
    title: 'THỦ TRƯỞNG CƠ QUAN',
    hint: '(Ký, ghi rõ họ tên và đóng dấu)',
    name: notice.officerName,
  });
  return w.finish();
}
