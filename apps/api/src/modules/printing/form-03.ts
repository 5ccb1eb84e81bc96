import { FormWriter } from './pdf-layout';
import type { DossierPrint, NoticePrint } from './printing.model';
import { vnDateTime, vnPlaceDate } from './vn-format';

export const FORM_03_TITLE = 'Phiếu từ chối tiếp nhận giải quyết hồ sơ';

/** Mẫu số 03: the desk refuses to accept the dossier, with the reason. */
export async function renderForm03(dossier: DossierPrint, notice: NoticePrint): Promise<Buffer> {
  const w = new FormWriter({
    title: FORM_03_TITLE,
    formNo: '03',
    reference: dossier.code ?? dossier.reference,
    issuedAt: notice.at,
  });
  w.header(notice.issuer, { placeDate: vnPlaceDate(notice.issuer.place, notice.at) });
  w.title(FORM_03_TITLE, [`Số tham chiếu: ${dossier.code ?? dossier.reference}`]);

  const desk = `${notice.issuer.office} – ${notice.issuer.unitName}`;
  w.field('Bộ phận tiếp nhận và trả kết quả', desk);
  w.field('Tiếp nhận hồ sơ của', dossier.applicant.name);
  w.field('Địa chỉ', dossier.applicant.address);
  w.field('Số điện thoại', dossier.applicant.phone);
  w.field('Email', dossier.applicant.email);
  w.field('Nội dung yêu cầu giải quyết', dossier.procedureName);
  w.field('Thời gian từ chối', vnDateTime(notice.at));
  w.paragraph(
    `Qua xem xét, Bộ phận tiếp nhận và trả kết quả (${desk}) thông báo không tiếp nhận, giải quyết hồ sơ này với lý do cụ thể như sau:`,
  );
  w.paragraph(notice.note ?? '…………………………………………', { bold: true, indent: 24 });
  w.paragraph('Xin thông báo để ông/bà được biết và thực hiện./.');
  w.signatures(null, {
    title: 'NGƯỜI TIẾP NHẬN HỒ SƠ',
    hint: '(Ký và ghi rõ họ tên)',
    name: notice.officerName,
  });
  return w.finish();
}
