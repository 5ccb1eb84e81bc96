import { beforeAll, describe, expect, it } from 'vitest';
import { KnowledgeBase } from './assistant.knowledge';
import { type Decision, decide } from './assistant.router';
import { seedKnowledge } from './assistant.seed-source';

const NOW = new Date('2026-06-01T03:00:00Z');
let kb: KnowledgeBase;

beforeAll(() => {
  kb = new KnowledgeBase(seedKnowledge());
}, 120_000);

type ProcedureDecision = Extract<Decision, { kind: 'procedure' }>;
function ask(text: string, context = {}): Decision {
  return decide(kb, text, context, NOW);
}
function procedure(text: string, context = {}): ProcedureDecision {
  const d = ask(text, context);
  if (d.kind !== 'procedure') throw new Error(`"${text}" was routed to ${d.kind}`);
  return d;
}
const top = (d: ProcedureDecision) => d.code ?? d.candidates[0] ?? d.ranked[0]?.code;

describe('the Vietnamese text of questions', () => {
  it('treats NFD input exactly like NFC', () => {
    const nfc = procedure('đăng ký kết hôn mất bao lâu');
    const nfd = procedure('đăng ký kết hôn mất bao lâu'.normalize('NFD'));
    expect(nfc.code).toBe('1.000894');
    expect(nfd).toEqual(nfc);
  });

  it('reads "hoà" and "hòa" (both tone placements) as one word', () => {
    const a = procedure('hoà giải tranh chấp đất đai cần giấy tờ gì');
    const b = procedure('hòa giải tranh chấp đất đai cần giấy tờ gì');
    expect(top(a)).toBe('1.012812');
    expect(top(b)).toBe(top(a));
    expect(a.aspect).toBe('documents');
  });

  it('understands unaccented typing, cues included', () => {
    const d = procedure('dang ky ket hon mat bao lau');
    expect(d.code).toBe('1.000894');
    expect(d.aspect).toBe('time');
    expect(procedure('xac nhan tinh trang hon nhan le phi bao nhieu').aspect).toBe('fees');
  });

  it('expands abbreviations (CCCD, LLTP)', () => {
    const cccd = procedure('lam cccd mat bao nhieu tien');
    expect(cccd.aspect).toBe('fees');
    expect(cccd.ranked.slice(0, 3).map((r) => r.code)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^1\.01406[1-4]$/)]),
    );
    const lltp = procedure('xin LLTP het bao nhieu tien');
    expect(lltp.ranked.slice(0, 3).map((r) => r.code)).toContain('3.000333');
  });

  it('keeps marks meaningful when the message has them: "gia hạn" is not "giá"', () => {
    expect(procedure('gia hạn tạm trú cần gì').aspect).toBe('documents');
    expect(procedure('gia han tam tru le phi').aspect).toBe('fees');
  });

  it('takes a cue that is part of the procedure name as topic', () => {
    const d = procedure('giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm cần hồ sơ gì');
    expect(d.aspect).toBe('documents');
  });
});

describe('intent router', () => {
  it('greets, and admits what it does not understand', () => {
    expect(ask('xin chào').kind).toBe('greeting');
    expect(ask('cam on ban nhe').kind).toBe('greeting');
    expect(ask('abc xyz').kind).toBe('other');
  });

  it('finds dossier codes with spaces and any case, and the last four digits', () => {
    expect(ask('tra cuu ho so h15.50.05.13 - 261008 - 0975')).toEqual({
      kind: 'tracking',
      code: 'H15.50.05.13-261008-0975',
      last4: null,
    });
    expect(ask('DEMO66.24133-261120-0012 số cuối 4321')).toEqual({
      kind: 'tracking',
      code: 'DEMO66.24133-261120-0012',
      last4: '4321',
    });
    expect(ask('hồ sơ của tôi đến đâu rồi')).toEqual({ kind: 'tracking', code: null, last4: null });
  });

  it('takes four digits as the check digits of a code the conversation asked about', () => {
    expect(ask('7788', { pendingTrackingCode: 'DEMO66.24133-261120-0012' })).toEqual({
      kind: 'tracking',
      code: 'DEMO66.24133-261120-0012',
      last4: '7788',
    });
  });

  it('tells a broken street light (feedback) from a procedure question', () => {
    expect(ask('đèn đường trước nhà tôi hỏng mấy hôm nay').kind).toBe('feedback');
    expect(ask('duong ngap nuoc moi lan mua').kind).toBe('feedback');
    expect(procedure('giấy phép xây dựng bị mất làm lại cần gì').intent).toBe('procedure_question');
  });

  it('recognises a wish to submit', () => {
    const d = procedure('tôi muốn nộp hồ sơ đăng ký khai sinh cho con');
    expect(d.intent).toBe('start_submission');
    expect(top(d)).toBe('1.001193');
    // "nộp ở đâu" is a question about the place, not a submission.
    expect(procedure('đăng ký khai sinh nộp ở đâu').intent).toBe('procedure_question');
  });

  it('reads past the phone and ID numbers a resident adds to the question', () => {
    // Without the numbers taken out, "CCCD" pulled the ranking to another khai sinh variant.
    const numbers = procedure(
      'CCCD 066123456789, sđt 0905123456, làm giấy khai sinh cho con cần gì',
    );
    expect(numbers.code).toBe('1.001193');
    expect(numbers.aspect).toBe('documents');
    expect(procedure('tôi số cccd 066095001234 muốn làm giấy khai sinh').code).toBe('1.001193');
    expect(procedure('số điện thoại của tôi là 0905 123 456, muốn đăng ký tạm trú').code).toBe(
      '1.004194',
    );
    // A number is never taken for the four check digits of a dossier code.
    expect(ask('sdt 0905123456 hỏi thủ tục đăng ký kết hôn')).toMatchObject({
      kind: 'procedure',
      code: '1.000894',
    });
    // When the card's state follows, the card is what is asked about: only the number goes.
    expect(procedure('cmnd 241234567 bị mất làm lại thế nào').code).toBe('1.014064');
    expect(procedure('căn cước 066095001234 hết hạn đổi ở đâu')).toMatchObject({
      code: '1.014063',
      aspect: 'place',
    });
  });
});

describe('clarification, confidence and follow-ups', () => {
  it('asks which one when close procedures fit, offering them in order', () => {
    const d = procedure('dang ky khai sinh co yeu to nuoc ngoai');
    expect(d.outcome).toBe('clarify');
    expect(d.candidates.length).toBeGreaterThanOrEqual(2);
    expect(d.candidates.length).toBeLessThanOrEqual(3);
    expect(d.candidates[0]).toBe('2.000528');
  });

  it('answers directly when one procedure clearly fits', () => {
    const d = procedure('lam giay khai sinh can giay to gi');
    expect(d.outcome).toBe('answer');
    expect(d.code).toBe('1.001193');
  });

  it('takes "2" or the name as the choice among the offered procedures', () => {
    const choices = ['2.000528', '1.001695'];
    expect(procedure('2', { choices }).code).toBe('1.001695');
    expect(procedure('Thủ tục đăng ký khai sinh có yếu tố nước ngoài', { choices }).code).toBe(
      '2.000528',
    );
  });

  it('says not found, with at most three suggestions, below the threshold', () => {
    const d = procedure('xin giấy phép nuôi rồng bay trên sao hỏa');
    expect(d.outcome).toBe('not_found');
    expect(d.code).toBeNull();
    expect(d.candidates.length).toBeLessThanOrEqual(3);
  });

  it('keeps the procedure for follow-ups, with and without marks', () => {
    const context = { procedureCode: '1.001193' };
    for (const text of ['còn lệ phí thì sao?', 'con le phi?', 'thế mất bao lâu']) {
      const d = procedure(text, context);
      expect(d.code).toBe('1.001193');
      expect(d.followUp).toBe(true);
    }
    expect(procedure('con le phi?', context).aspect).toBe('fees');
    expect(procedure('thế mất bao lâu', context).aspect).toBe('time');
    // A new topic is not a follow-up.
    expect(procedure('đăng ký kết hôn lệ phí bao nhiêu', context).code).toBe('1.000894');
  });

  it('asks for the procedure when a section is asked without one', () => {
    const d = procedure('lệ phí bao nhiêu');
    expect(d.outcome).toBe('needs_input');
  });
});

describe('tracking without a dossier code', () => {
  it('takes a dossier handed in earlier, or its status, as tracking — never a new submission', () => {
    for (const text of [
      'hồ sơ mình nộp hôm trước đến đâu rồi',
      'ho so toi nop tuan truoc sao chua co ket qua',
      'tôi nộp hồ sơ đất từ tháng trước mà chưa thấy gì',
      'kiểm tra giúp hồ sơ tôi đã nộp',
      'hồ sơ khai sinh tôi nộp hôm thứ hai giờ thế nào rồi',
      'hồ sơ tôi gửi hôm qua đã xử lý xong chưa',
    ]) {
      expect(ask(text), text).toEqual({ kind: 'tracking', code: null, last4: null });
    }
  });

  it('still answers a section asked about a dossier handed in, and still files feedback', () => {
    const d = procedure('tôi đã nộp hồ sơ đăng ký kết hôn, bao lâu thì có kết quả');
    expect(d.intent).toBe('procedure_question');
    expect(d.aspect).toBe('time');
    expect(top(d)).toBe('1.000894');
    expect(ask('đèn đường hỏng từ hôm qua').kind).toBe('feedback');
    expect(procedure('tôi muốn nộp hồ sơ đăng ký khai sinh').intent).toBe('start_submission');
  });
});

describe('variants the question does not choose between', () => {
  it('asks between a copy and registering again for a lost birth certificate', () => {
    for (const text of [
      'mat giay khai sinh',
      'giấy khai sinh bị mất muốn làm lại thì làm thủ tục nào',
    ]) {
      const d = procedure(text);
      expect(d.outcome, text).toBe('clarify');
      expect([...d.candidates].sort(), text).toEqual(['1.004884', '2.000635']);
    }
  });

  it('asks between the commune and the border area for a foreign element', () => {
    const d = procedure('khai tu co yeu to nuoc ngoai');
    expect(d.outcome).toBe('clarify');
    expect(d.candidates.slice(0, 2)).toEqual(['1.001766', '1.004827']);
  });

  it('does not offer a variant whose name says more than was asked', () => {
    // "đăng ký lại khai sinh" says "lại"; the resident did not.
    for (const text of ['khai sinh', 'tôi muốn nộp hồ sơ khai sinh cho con', 'làm căn cước']) {
      const d = procedure(text);
      expect(top(d), text).toMatch(/^1\.00119[3]$|^1\.01406[12]$/);
      expect(d.candidates, text).not.toContain('1.004884');
      expect(d.candidates, text).not.toContain('1.014063'); // cấp đổi
    }
    expect(procedure('lam giay khai sinh can giay to gi').outcome).toBe('answer');
  });

  it('offers the resident’s own age variant first, the child’s when a child is named', () => {
    const adult = procedure('làm căn cước');
    expect(adult.outcome).toBe('clarify');
    expect(adult.candidates[0]).toBe('1.014061');
    for (const text of ['làm căn cước cho con cần gì', 'cap can cuoc cho tre duoi 14 tuoi']) {
      expect(top(procedure(text)), text).toBe('1.014062');
    }
  });

  it('prefers the name that says the qualifier ("lần đầu"), a person before an organisation', () => {
    expect(top(procedure('làm sổ đỏ lần đầu cần giấy tờ gì'))).toBe('1.013978');
    expect(top(procedure('làm sổ đỏ lần đầu cho tổ chức'))).toBe('1.012753');
  });
});

describe('words that look like cues but are not', () => {
  it('keeps a syllable of a dictionary word out of the cues ("che do" is chế độ, not "đó")', () => {
    const d = procedure('che do thai san bao lau duoc nhan');
    expect(d.code).toBe('2.000693');
    expect(d.aspect).toBe('time');
  });

  it('lets an explicit question win over a section noun that is the topic ("đổi địa chỉ")', () => {
    const d = procedure('hộ kinh doanh chuyển địa chỉ sang phường khác cần giấy tờ gì');
    expect(d.aspect).toBe('documents');
    expect(top(d)).toBe('2.000720');
    // The same noun asking the same section is still the question: a follow-up.
    const followUp = procedure('còn giấy tờ thì cần gì', { procedureCode: '1.000894' });
    expect(followUp.code).toBe('1.000894');
    expect(followUp.aspect).toBe('documents');
  });

  it('reads "bố mất" as a death, not a lost paper, and a "làm" before the question as question', () => {
    expect(top(procedure('mẹ mất rồi làm giấy báo tử ở đâu'))).toBe('1.000656');
    const d = procedure('đăng ký tạm trú làm mất bao lâu');
    expect(top(d)).toBe('1.004194');
    expect(d.aspect).toBe('time');
  });
});
