import { describe, expect, it } from 'vitest';
import { moderate } from './moderation';

describe('moderate: abusive words', () => {
  it.each([
    'Đm cái đèn đường hỏng cả tháng',
    'dm lu can bo xa',
    'đ.m bọn trộm chó',
    'D.M sao không ai sửa',
    'vcl đường gì toàn ổ gà',
    'cc gì mà trễ hẹn hoài',
    'Bọn mất dạy xả rác',
    'thằng chó nào đổ rác trước nhà tôi',
    'đồ khốn nạn',
    'khon nan that su',
    'dit me bon trom',
    'địt mẹ cái đường này',
    'lồn',
    'đéo ai làm gì cả',
    'óc chó mới xây nhà kiểu đó',
    'con mẹ mày',
    'V.C.L luôn',
  ])('holds "%s"', (text) => {
    expect(moderate(text)).toEqual({ held: true, reasons: ['abusive'] });
  });

  it.each([
    'Đường Đam San bị ngập sau mưa lớn',
    'duong dam san bi ngap',
    'Mưa lớn làm ngập đường', // lớn: not lồn
    'mua lon lam ngap duong', // lon = lớn, unmarked
    'Mua 3 lon bia ở quán',
    'Các hộ dân đổ rác bừa bãi', // các: not cặc
    'cac ho dan do rac',
    'Buổi sáng xe rác không đến',
    'buoi sang xe rac ko den',
    'Học sinh không đeo khẩu trang',
    'hoc sinh ko deo mu bao hiem',
    'Đi qua đoạn này rất nguy hiểm',
    'Xác chó chết vứt ở ven đường', // a literal, real complaint
    'Cứt chó đầy vỉa hè công viên',
    'Bị mất dây điện, mất dây chuyền', // mất dây, not mất dạy
    'bi trom mat day dien',
    'Hồ sơ 3 tháng chờ mà chưa có', // tháng chờ
    'ho so 3 thang cho ma chua co',
    'Xe 50cc chạy ầm ầm', // cc inside a word
    'Bồn cầu accesss ccc', // cc inside words
    'Dù mà mưa thì vẫn phải đi làm',
    'Tổ dân phố số 5 phường Tân Lập',
    'dmca', // dm inside a word
  ])('lets "%s" through', (text) => {
    expect(moderate(text).reasons).not.toContain('abusive');
  });
});

describe('moderate: personal data', () => {
  it.each([
    ['Gọi cho tôi số 0905123456', 'phone'],
    ['sdt 0905 123 456 nhé', 'phone'],
    ['SĐT: 0987.654.321', 'phone'],
    ['liên hệ +84 912 345 678', 'phone'],
    ['liên hệ +84912345678', 'phone'],
    ['(+84) 35-123-4567', 'phone'],
    ['Điện thoại bàn 0262 3812 345', 'phone'],
    ['CCCD của tôi 066190001234', 'citizen_id'],
    ['căn cước 066 190 001 234', 'citizen_id'],
    ['số CMND cũ 241234567', 'citizen_id'],
    ['email: nguyen.van.a@gmail.com', 'email'],
    ['gửi về tên_tôi@xa-ea-kar.gov.vn giúp', 'email'],
  ])('holds "%s" for %s', (text, reason) => {
    expect(moderate(text)).toEqual({ held: true, reasons: [reason] });
  });

  it.each([
    'Ngày 12.05.2025 mất nước cả ngày',
    'Hóa đơn 150000000 đồng',
    'Hóa đơn 150.000.000 đ',
    'Tổng đài 1022 không ai nghe',
    'Nhà số 0905 đường Lê Duẩn', // too short to be a phone
    'Km 12 quốc lộ 14, tọa độ 12.6667, 108.0500',
    'Mã hồ sơ 000.00.22.H17-250101-0001',
    'Thửa đất số 125 tờ bản đồ số 8, diện tích 300 m2',
    'gặp anh ở @chợ Ea Kar',
  ])('lets "%s" through', (text) => {
    expect(moderate(text)).toEqual({ held: false, reasons: [] });
  });

  it('lists every reason once', () => {
    expect(moderate('dm, gọi 0905123456 hoặc a@b.vn, CCCD 066190001234')).toEqual({
      held: true,
      reasons: ['abusive', 'phone', 'citizen_id', 'email'],
    });
  });
});
