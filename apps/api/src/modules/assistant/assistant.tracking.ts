import type { AssistantReply } from '@cqs/shared';
import type { Actor } from '../../http/actor';
import { AppError } from '../../http/errors';
import type { DossierQueries } from '../dossiers/dossiers.queries';
import type { AssistantRepository } from './assistant.repository';
import type { ConversationContext } from './assistant.router';

/** Wrong check digits allowed per conversation: the assistant is no way round the look-up's limit. */
export const MAX_TRACKING_ATTEMPTS = 5;
const TRACKING_URL = '/tra-cuu-ho-so';

interface TrackingDeps {
  repository: Pick<AssistantRepository, 'findDossierOwner'>;
  dossiers: Pick<DossierQueries, 'track' | 'getMine'>;
}

/**
 * A dossier's status in the chat, with the public look-up's rule: the signed-in owner sees it;
 * anyone else needs the last four digits of the applicant's phone or ID number, and a wrong code
 * and wrong digits answer alike (nothing reveals whether the dossier exists or whose it is).
 */
export async function trackingReply(
  actor: Actor,
  decision: { code: string | null; last4: string | null },
  context: ConversationContext,
  deps: TrackingDeps,
): Promise<AssistantReply> {
  const base = { intent: 'tracking' as const, aspect: null, citations: [] };
  const trackingAction = {
    type: 'open_tracking' as const,
    label: 'Mở trang tra cứu hồ sơ',
    url: TRACKING_URL,
  };
  if (!decision.code) {
    return {
      ...base,
      outcome: 'needs_input',
      text: 'Bạn gửi giúp mã hồ sơ (in trên giấy tiếp nhận, ví dụ H15.50.05.13-261008-0975) để tôi tra cứu.',
      actions: [trackingAction],
    };
  }
  const code = decision.code;
  if (actor.kind === 'resident') {
    const owner = await deps.repository.findDossierOwner(code);
    if (owner && owner.userId === actor.userId) {
      context.pendingTrackingCode = undefined;
      const d = await deps.dossiers.getMine(actor, owner.id);
      return {
        ...base,
        outcome: 'answer',
        text: statusText(d.code ?? d.reference, d),
        actions: [{ type: 'open_dossier', label: 'Xem hồ sơ', url: `/ho-so-cua-toi/${owner.id}` }],
      };
    }
  }
  if (!decision.last4) {
    context.pendingTrackingCode = code;
    return {
      ...base,
      outcome: 'needs_input',
      text: `Để tra cứu hồ sơ ${code}, bạn nhập 4 số cuối số điện thoại hoặc số định danh cá nhân của người nộp hồ sơ.`,
      actions: [trackingAction],
    };
  }
  const attempts = context.trackingAttempts ?? 0;
  if (attempts >= MAX_TRACKING_ATTEMPTS) {
    return {
      ...base,
      outcome: 'not_found',
      text: 'Bạn đã thử quá số lần cho phép trong cuộc trò chuyện này. Vui lòng dùng trang tra cứu hồ sơ.',
      actions: [trackingAction],
    };
  }
  try {
    const view = await deps.dossiers.track(code, decision.last4);
    context.pendingTrackingCode = undefined;
    return { ...base, outcome: 'answer', text: statusText(code, view), actions: [trackingAction] };
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== 'TRACKING_NOT_FOUND') throw error;
    context.trackingAttempts = attempts + 1;
    context.pendingTrackingCode = code;
    return {
      ...base,
      outcome: 'not_found',
      text: 'Không tìm thấy hồ sơ với mã và 4 số cuối này. Bạn kiểm tra lại mã hồ sơ và 4 số cuối số điện thoại hoặc số định danh của người nộp.',
      actions: [trackingAction],
    };
  }
}

function statusText(
  code: string,
  d: {
    procedureName: string;
    statusLabel: string;
    receivingUnitName: string;
    dueAt: string | null;
    nextStep: string;
  },
): string {
  const due = d.dueAt
    ? `Hẹn trả kết quả: ${new Date(d.dueAt).toLocaleDateString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh' })}.`
    : 'Chưa có ngày hẹn trả kết quả.';
  return [
    `Hồ sơ ${code} (${d.procedureName}), nơi tiếp nhận: ${d.receivingUnitName}.`,
    `Trạng thái: ${d.statusLabel}.`,
    due,
    `Bước tiếp theo: ${d.nextStep}`,
  ].join('\n');
}
