import { FormWriter } from './pdf-layout';
import { type DossierPrint, RETURN_LABEL } from './printing.model';
import { vnDate, vnDateTime, vnPlaceDate, vnTimeLimit } from './vn-format';

export const FORM_01_TITLE = 'Giấy tiếp nhận hồ sơ và hẹn trả kết quả';

export interface Form01Input {
  dossier: DossierPrint & { code: string; acceptedAt: Date };
  receiverName: string | null;
  /** The public tracking page of this dossier; encoded in the QR code and printed beside it. */
  trackingUrl: string;
}

/** Mẫu số 01 (Circular 01/2018/TT-VPCP): receipt and appointment slip, handed to the applicant. */
export async function renderForm01(input: Form01Input): Promise<Buffer> {
  const { dossier: d, receiverName, trackingUrl } = input;
  const w = new FormWriter({
    title: FORM_01_TITLE,
    formNo: '01',
    reference: `Mã hồ sơ ${d.code}`,
    issuedAt: d.acceptedAt,
  });
  w.header(d.desk, { placeDate: vnPlaceDate(d.desk.place, d.acceptedAt) });
  w.title(FORM_01_TITLE, [`Mã hồ sơ: ${d.code}`, '(Liên: giao người nộp hồ sơ)']);

  w.field('Bộ phận tiếp nhận và trả kết quả', `${d.desk.office} – ${d.desk.unitName}`);
  w.field('Tiếp nhận hồ sơ của', d.applicant.name);
  w.field('Địa chỉ', d.applicant.address);
  w.field('Số điện thoại', d.applicant.phone);
  w.field('Email', d.applicant.email);
  w.field('Nội dung yêu cầu giải quyết', d.procedureName);

  w.paragraph('1. Thành phần hồ sơ nộp gồm:');
  w.list(
    d.documents,
    '(Theo danh mục thành phần hồ sơ của thủ tục; không có tệp đính kèm điện tử)',
  );
  w.paragraph('2. Số lượng hồ sơ: 01 (bộ)');
  w.paragraph(
    `3. Thời gian giải quyết hồ sơ theo quy định là: ${
      d.timeLimit
        ? vnTimeLimit(d.timeLimit.amount, d.timeLimit.unit)
        : 'không quy định trong thủ tục'
    }`,
  );
  w.paragraph(`4. Thời gian nhận hồ sơ: ${vnDateTime(d.acceptedAt)}`);
  w.paragraph(
    `5. Thời gian trả kết quả giải quyết hồ sơ: ${
      d.dueAt ? vnDateTime(d.dueAt) : 'theo thông báo của cơ quan giải quyết'
    }`,
  );
  w.paragraph(
    `6. Đăng ký nhận kết quả tại: ${
      d.returnChannel
        ? RETURN_LABEL[d.returnChannel]
        : `Bộ phận tiếp nhận và trả kết quả – ${d.desk.unitName}`
    }`,
  );
  w.paragraph(`Vào Sổ theo dõi hồ sơ (điện tử), số thứ tự: ${d.code.slice(-4)}`, { italic: true });
  // DOMAIN.md §4: the counting convention is printed so the applicant can check the date.
  w.paragraph(
    'Cách tính thời hạn: hồ sơ tiếp nhận sau 15 giờ 00 hoặc vào ngày nghỉ được tính từ ngày làm việc tiếp theo; ' +
      'ngày tiếp nhận không tính vào thời hạn (Điều 147 Bộ luật Dân sự)' +
      (d.countFrom ? `; thời hạn của hồ sơ này bắt đầu tính từ ngày ${vnDate(d.countFrom)}.` : '.'),
    { italic: true },
  );

  w.signatures(
    { title: 'NGƯỜI NỘP HỒ SƠ', hint: '(Ký và ghi rõ họ tên)', name: d.applicant.name },
    { title: 'NGƯỜI TIẾP NHẬN HỒ SƠ', hint: '(Ký và ghi rõ họ tên)', name: receiverName },
  );

  // Tracking block: the QR code and, beside it, the same address in print for those who type it.
  const size = 86;
  w.ensureSpace(size + 10);
  const y = w.doc.y;
  w.qr(trackingUrl, w.left, y, size);
  const textX = w.left + size + 10;
  w.doc
    .font('bold')
    .fontSize(12)
    .text('Tra cứu tình trạng hồ sơ', textX, y + 14, {
      width: w.width - size - 10,
    });
  const textWidth = w.width - size - 10;
  w.doc
    .font('regular')
    .fontSize(11)
    .text('Quét mã QR hoặc truy cập địa chỉ:', { width: textWidth });
  // The address stays on one line (a wrapped URL is mistyped): shrink it to fit instead.
  let urlSize = 11;
  while (urlSize > 7 && w.doc.fontSize(urlSize).widthOfString(trackingUrl) > textWidth)
    urlSize -= 0.5;
  w.doc.text(trackingUrl, { width: textWidth });
  w.doc.fontSize(11).text(`Mã hồ sơ: ${d.code}`, { width: textWidth });
  w.doc.x = w.left;
  w.doc.y = Math.max(w.doc.y, y + size) + 4;
  return w.finish();
}
