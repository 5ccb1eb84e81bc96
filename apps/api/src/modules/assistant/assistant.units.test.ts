import { describe, expect, it } from 'vitest';
import { AppError } from '../../http/errors';
import { acceptPhrasing, numbersIn, type PhrasingInput } from './assistant.phrasing';
import {
  findDossierCode,
  findLastFour,
  maskPersonalNumbers,
  withoutPersonalNumbers,
} from './assistant.privacy';
import { MAX_TRACKING_ATTEMPTS, trackingReply } from './assistant.tracking';

describe('dossier codes and personal numbers', () => {
  it('finds official, demo and temporary codes however they are typed', () => {
    expect(findDossierCode('ma h15.50.05.13-261008-0975 nhe')?.code).toBe(
      'H15.50.05.13-261008-0975',
    );
    expect(findDossierCode('H15 . 50.05.13 - 261008 - 0975')?.code).toBe(
      'H15.50.05.13-261008-0975',
    );
    expect(findDossierCode('demo66.24133-261120-0012')?.code).toBe('DEMO66.24133-261120-0012');
    expect(findDossierCode('TN-261120-AB12CD')?.code).toBe('TN-261120-AB12CD');
    expect(findDossierCode('đăng ký khai sinh 1.001193')).toBeNull();
  });

  it('finds four check digits standing alone only', () => {
    expect(findLastFour('số cuối 7788 ạ')).toBe('7788');
    expect(findLastFour('0905127788')).toBeNull();
    expect(findLastFour('261008-0975')).toBeNull();
  });

  it('masks phones, ID numbers and check digits but keeps codes', () => {
    const masked = maskPersonalNumbers(
      'SĐT 0905 123 456, CCCD 066190001234, hồ sơ DEMO66.24133-261120-0012 số cuối 7788',
    );
    expect(masked).not.toMatch(/0905|123 456|066190001234|7788/);
    expect(masked).toContain('DEMO66.24133-261120-0012');
    expect(masked).toContain('[đã ẩn]');
  });

  it('takes personal numbers and their labels out of the question, keeping the rest', () => {
    expect(withoutPersonalNumbers('CCCD 066123456789, sđt 0905123456, làm giấy khai sinh')).toBe(
      'làm giấy khai sinh',
    );
    expect(withoutPersonalNumbers('so dien thoai cua toi la 0905.123.456 dang ky tam tru')).toBe(
      'dang ky tam tru',
    );
    expect(withoutPersonalNumbers('tôi số cccd 066095001234 muốn làm giấy khai sinh')).toBe(
      'tôi muốn làm giấy khai sinh',
    );
    // The card's state follows: the card is the subject, only its number goes.
    expect(withoutPersonalNumbers('cmnd 241234567 bị mất làm lại')).toBe('cmnd bị mất làm lại');
    // Numbers that are not personal stay: a year, an amount, a procedure code.
    expect(withoutPersonalNumbers('lệ phí năm 2026 là 50.000 đồng, thủ tục 1.001193')).toBe(
      'lệ phí năm 2026 là 50.000 đồng, thủ tục 1.001193',
    );
    // "dt" inside a word is not a label.
    expect(withoutPersonalNumbers('xin cấp gpdt')).toBe('xin cấp gpdt');
  });
});

describe('the phrasing check (seam for a language model)', () => {
  const input: PhrasingInput = {
    question: 'đăng ký kết hôn bao lâu',
    aspect: 'time',
    extractive: 'Thời hạn: 3 Ngày làm việc',
    citations: [
      { type: 'procedure', code: '1.000894', name: 'x', section: 'time', url: '/thu-tuc/1.000894' },
    ],
    sources: new Map([['1.000894', '- Trực tiếp: 3 Ngày làm việc\n- Lệ phí: 50.000 đồng']]),
  };

  it('accepts a rewording whose numbers and citations come from what was retrieved', () => {
    expect(
      acceptPhrasing(input, {
        text: 'Khoảng 3 ngày làm việc, phí 50,000 đồng.',
        citations: input.citations,
      }),
    ).toBe(true);
  });

  it('refuses an invented number or a citation that was not retrieved', () => {
    expect(acceptPhrasing(input, { text: 'Mất 5 ngày.', citations: input.citations })).toBe(false);
    expect(
      acceptPhrasing(input, {
        text: 'Mất 3 ngày.',
        citations: [{ ...input.citations[0]!, code: '1.001193' }],
      }),
    ).toBe(false);
    expect(acceptPhrasing(input, null)).toBe(false);
  });

  it('reads thousands separators either way', () => {
    expect(numbersIn('50.000 và 1,000,000 đồng, 3 ngày')).toEqual(['50000', '1000000', '3']);
  });
});

describe('tracking in the chat', () => {
  const view = {
    code: 'DEMO66.24133-261120-0012',
    reference: 'TN-X',
    procedureName: 'Thủ tục đăng ký khai sinh',
    statusLabel: 'Đang giải quyết',
    receivingUnitName: 'Xã Hòa Phú',
    dueAt: null,
    nextStep: 'Chờ kết quả.',
  };
  const resident = {
    kind: 'resident' as const,
    userId: 'owner',
    sessionIdHash: 'h',
    csrfToken: 't',
    assuranceLevel: 2,
  };
  function deps(ownerId: string | null) {
    const calls = { track: 0, getMine: 0 };
    return {
      calls,
      deps: {
        repository: {
          findDossierOwner: async () => (ownerId ? { id: 'd1', userId: ownerId } : undefined),
        },
        dossiers: {
          track: async (_code: string, last4: string) => {
            calls.track += 1;
            if (last4 !== '7788') throw new AppError('TRACKING_NOT_FOUND');
            return view as never;
          },
          getMine: async () => {
            calls.getMine += 1;
            return view as never;
          },
        },
      },
    };
  }
  const code = 'DEMO66.24133-261120-0012';

  it('shows the owner their dossier without asking for digits', async () => {
    const { deps: d, calls } = deps('owner');
    const reply = await trackingReply(resident, { code, last4: null }, {}, d);
    expect(reply.outcome).toBe('answer');
    expect(reply.text).toContain('Đang giải quyết');
    expect(calls).toEqual({ track: 0, getMine: 1 });
  });

  it('asks anyone else for the digits, then checks them like the public look-up', async () => {
    const { deps: d, calls } = deps('someone-else');
    const context = {};
    const ask = await trackingReply(resident, { code, last4: null }, context, d);
    expect(ask.outcome).toBe('needs_input');
    expect(context).toEqual({ pendingTrackingCode: code });
    const wrong = await trackingReply({ kind: 'anonymous' }, { code, last4: '1111' }, context, d);
    expect(wrong.outcome).toBe('not_found');
    const right = await trackingReply({ kind: 'anonymous' }, { code, last4: '7788' }, context, d);
    expect(right.outcome).toBe('answer');
    expect(calls.getMine).toBe(0);
  });

  it('stops after too many wrong digits in one conversation', async () => {
    const { deps: d, calls } = deps(null);
    const context = { trackingAttempts: MAX_TRACKING_ATTEMPTS };
    const reply = await trackingReply({ kind: 'anonymous' }, { code, last4: '7788' }, context, d);
    expect(reply.outcome).toBe('not_found');
    expect(calls.track).toBe(0);
  });
});
