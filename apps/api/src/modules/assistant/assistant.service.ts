import { randomUUID } from 'node:crypto';
import type {
  AssistantAction,
  AssistantMessageAnswer,
  AssistantMessageBody,
  AssistantReply,
} from '@cqs/shared';
import type { Actor } from '../../http/actor';
import type { Clock } from '../../lib/clock';
import type { DossierQueries } from '../dossiers/dossiers.queries';
import type { FeedbackClassifierPort } from '../feedback/feedback.classifier-port';
import { PROVINCE_CODE } from '../units/departments';
import type { UnitsService } from '../units/units.service';
import {
  ASPECT_LABELS,
  answerSection,
  citationOf,
  type PlaceContext,
  shortName,
  submissionUrl,
} from './assistant.answers';
import type { SemanticIndex } from './assistant.embeddings';
import { decideWithEmbeddings } from './assistant.fusion';
import { KnowledgeBase, type KnowledgeSource } from './assistant.knowledge';
import { type AnswerPhraser, acceptPhrasing, extractiveOnly } from './assistant.phrasing';
import { maskPersonalNumbers } from './assistant.privacy';
import type { AssistantRepository } from './assistant.repository';
import type { ConversationContext, Decision } from './assistant.router';
import { trackingReply } from './assistant.tracking';

/** How often the catalogue is asked whether a version was published (settings are reloaded). */
export const KNOWLEDGE_CHECK_MS = 30_000;

export interface AssistantServiceDeps {
  repository: AssistantRepository;
  /** Defaults to the repository (the catalogue tables). */
  knowledge?: KnowledgeSource;
  clock: Clock;
  units: UnitsService;
  dossiers: DossierQueries;
  classifier: FeedbackClassifierPort;
  phraser?: AnswerPhraser;
  /** Optional embeddings fused with BM25; absent → BM25 only. */
  semantic?: SemanticIndex;
}

type Reply = AssistantReply;

/**
 * The assistant: finds what a message is about (router), answers from the catalogue record of the
 * version in force (extractive), tracks dossiers with the public look-up's checks, drafts
 * submissions and feedback, and keeps the conversation's context (masked) for follow-ups.
 */
export class AssistantService {
  private kb: KnowledgeBase | null = null;
  private loading: Promise<KnowledgeBase> | null = null;
  private signature = '';
  private checkedAt = 0;

  constructor(private readonly deps: AssistantServiceDeps) {}

  private get source(): KnowledgeSource {
    return this.deps.knowledge ?? this.deps.repository;
  }

  /**
   * Builds the index and trains the classifier before a resident waits for them (seconds of
   * CPU each), and embeds the catalogue when an embedding server is configured. Called by the
   * process entry after listening (in tests only by the providers' test, which needs the vectors).
   */
  async warmUp(): Promise<void> {
    const kb = await this.knowledge();
    this.deps.classifier.classify('đèn đường hỏng');
    // Embeds the catalogue's chunks when an embedding server is configured (never throws).
    await this.deps.semantic?.prepare(kb);
  }

  /** Built on first use; versions published since are picked up within KNOWLEDGE_CHECK_MS. */
  async knowledge(): Promise<KnowledgeBase> {
    if (!this.kb) {
      this.loading ??= (async () => {
        const signature = await this.source.signature();
        const kb = new KnowledgeBase(await this.source.load());
        this.signature = signature;
        this.checkedAt = this.deps.clock.now().getTime();
        this.kb = kb;
        return kb;
      })().finally(() => {
        this.loading = null;
      });
      return this.loading;
    }
    const now = this.deps.clock.now().getTime();
    if (now - this.checkedAt >= KNOWLEDGE_CHECK_MS) {
      this.checkedAt = now;
      const signature = await this.source.signature();
      if (signature !== this.signature) {
        // Publishing adds versions (new settings) to existing procedures; the record text and
        // so the indexes stay the same, only the settings are swapped in.
        for (const [code, versions] of await this.source.loadSettings()) {
          const known = this.kb.procedures.get(code);
          if (known) known.versions = versions;
        }
        this.signature = signature;
      }
    }
    return this.kb;
  }

  async handle(actor: Actor, body: AssistantMessageBody): Promise<AssistantMessageAnswer> {
    const { repository, clock } = this.deps;
    const userId = actor.kind === 'anonymous' ? null : actor.userId;
    const existing = body.conversationId
      ? await repository.findConversation(body.conversationId)
      : undefined;
    // Someone else's (or an expired) conversation is never continued: a new one starts.
    const usable = existing && (existing.userId === null || existing.userId === userId);
    const id = usable ? existing.id : randomUUID();
    const context: ConversationContext = usable ? { ...existing.context } : {};

    const kb = await this.knowledge();
    const now = clock.now();
    const decision = await decideWithEmbeddings(
      kb,
      this.deps.semantic,
      body.text,
      context,
      now,
      body.procedureCode,
    );
    const reply = await this.reply(actor, body.text, decision, context, kb, now);

    await repository.saveExchange({
      id,
      userId: usable ? existing.userId : userId,
      isNew: !usable,
      context,
      at: now,
      messages: [
        {
          role: 'resident',
          text: maskPersonalNumbers(body.text),
          intent: reply.intent,
          outcome: null,
          procedureCode: body.procedureCode ?? null,
        },
        {
          role: 'assistant',
          text: maskPersonalNumbers(reply.text),
          intent: reply.intent,
          outcome: reply.outcome,
          procedureCode: reply.citations[0]?.code ?? null,
        },
      ],
    });
    return { conversationId: id, reply };
  }

  private async reply(
    actor: Actor,
    text: string,
    decision: Decision,
    context: ConversationContext,
    kb: KnowledgeBase,
    now: Date,
  ): Promise<Reply> {
    switch (decision.kind) {
      case 'greeting':
        return info(
          'greeting',
          'Xin chào! Tôi là trợ lý thủ tục hành chính của tỉnh Đắk Lắk. Bạn có thể hỏi về giấy tờ, lệ phí, thời hạn, nơi nộp của một thủ tục (ví dụ "làm giấy khai sinh cần giấy tờ gì"), tra cứu hồ sơ bằng mã hồ sơ, nộp hồ sơ trực tuyến hoặc gửi phản ánh.',
        );
      case 'other':
        return info(
          'other',
          'Xin lỗi, tôi chưa hiểu câu hỏi. Bạn hãy nêu tên thủ tục và điều muốn biết, ví dụ "đăng ký kết hôn mất bao lâu", hoặc gửi mã hồ sơ để tra cứu.',
        );
      case 'tracking':
        return trackingReply(actor, decision, context, {
          repository: this.deps.repository,
          dossiers: this.deps.dossiers,
        });
      case 'feedback':
        return this.feedback(text);
      case 'procedure':
        return this.procedure(actor, text, decision, context, kb, now);
    }
  }

  private feedback(text: string): Reply {
    const result = this.deps.classifier.classify(text);
    const description = maskPersonalNumbers(text).slice(0, 1000);
    const params = new URLSearchParams({ category: result.category, description });
    return {
      text: 'Có vẻ bạn muốn phản ánh một sự việc. Tôi đã soạn sẵn phản ánh từ lời bạn; bạn kiểm tra lại, thêm vị trí hoặc ảnh nếu có, rồi bấm gửi.',
      intent: 'feedback',
      outcome: 'answer',
      aspect: null,
      citations: [],
      actions: [
        {
          type: 'feedback_draft',
          label: 'Xem và gửi phản ánh',
          category: result.category,
          description,
          url: `/phan-anh/gui?${params.toString()}`,
        },
      ],
    };
  }

  private async procedure(
    actor: Actor,
    text: string,
    d: Extract<Decision, { kind: 'procedure' }>,
    context: ConversationContext,
    kb: KnowledgeBase,
    now: Date,
  ): Promise<Reply> {
    const base = { intent: d.intent, aspect: d.aspect } as const;
    let code = d.code;
    // The conversation already settled which of the close procedures it is about.
    if (
      d.outcome === 'clarify' &&
      context.procedureCode &&
      d.candidates.includes(context.procedureCode)
    ) {
      code = context.procedureCode;
    }
    if (d.outcome === 'needs_input' && !code) {
      return {
        ...base,
        outcome: 'needs_input',
        text: `Bạn muốn hỏi ${d.aspect ? ASPECT_LABELS[d.aspect].toLocaleLowerCase('vi') : 'nộp hồ sơ'} của thủ tục nào? Hãy nêu tên thủ tục, ví dụ "đăng ký khai sinh".`,
        citations: [],
        actions: [],
      };
    }
    if (d.outcome === 'clarify' && !code) {
      context.choices = d.candidates;
      context.aspect = d.aspect;
      return {
        ...base,
        outcome: 'clarify',
        text: 'Bạn hỏi về thủ tục nào dưới đây?',
        citations: [],
        actions: choices(kb, d.candidates),
      };
    }
    if (!code || !kb.inForce(code, now)) {
      context.choices = d.candidates;
      context.aspect = d.aspect;
      return {
        ...base,
        outcome: 'not_found',
        text:
          d.candidates.length > 0
            ? 'Tôi không tìm thấy câu trả lời chắc chắn cho câu hỏi này. Có phải bạn hỏi một trong các thủ tục sau?'
            : 'Tôi không tìm thấy thủ tục phù hợp. Bạn thử nêu tên thủ tục khác đi, ví dụ "cấp lại căn cước".',
        citations: [],
        actions: choices(kb, d.candidates),
      };
    }
    const p = kb.procedures.get(code)!;
    const settings = kb.inForce(code, now)!;
    context.procedureCode = code;
    context.aspect = d.aspect;
    context.choices = undefined;
    const place = await this.placeContext(actor);
    if (d.intent === 'start_submission') {
      if (settings.offeredOnline) {
        return {
          ...base,
          aspect: 'place',
          outcome: 'answer',
          text: `Bạn có thể nộp hồ sơ thủ tục «${shortName(p.name)}» (mã ${p.code}) trực tuyến. Bấm "Nộp hồ sơ trực tuyến" để mở tờ khai; thông tin của bạn được điền sẵn khi đã đăng nhập.`,
          citations: [citationOf(p, 'place')],
          actions: [
            {
              type: 'start_submission',
              label: 'Nộp hồ sơ trực tuyến',
              procedureCode: p.code,
              url: submissionUrl(p.code),
            },
          ],
        };
      }
      const where = answerSection(p, settings, 'place', place);
      return {
        ...base,
        aspect: 'place',
        outcome: 'answer',
        text: `Thủ tục «${shortName(p.name)}» chưa nộp trực tuyến được trên hệ thống này. ${where.text}`,
        citations: where.citations,
        actions: where.actions,
      };
    }
    const answer = answerSection(p, settings, d.aspect, place);
    const phraser = this.deps.phraser ?? extractiveOnly;
    const input = {
      question: text,
      aspect: d.aspect,
      extractive: answer.text,
      citations: answer.citations,
      sources: new Map([[p.code, answer.quoted]]),
    };
    const phrased = await phraser.phrase(input).catch(() => null);
    const accepted = phrased && acceptPhrasing(input, phrased) ? phrased : null;
    return {
      ...base,
      outcome: 'answer',
      text: accepted?.text ?? answer.text,
      citations: accepted?.citations ?? answer.citations,
      actions: answer.actions,
    };
  }

  private async placeContext(actor: Actor): Promise<PlaceContext> {
    const { units, repository } = this.deps;
    const communeCode =
      actor.kind === 'resident' ? await repository.findResidentCommune(actor.userId) : null;
    const commune = communeCode ? await units.find(communeCode) : undefined;
    return {
      commune: commune?.kind === 'commune' ? commune : undefined,
      provinceCentre: await units.find(`${PROVINCE_CODE}-TTPVHCC`),
    };
  }
}

function info(intent: 'greeting' | 'other', text: string): Reply {
  return { text, intent, outcome: 'info', aspect: null, citations: [], actions: [] };
}

function choices(kb: KnowledgeBase, codes: string[]): AssistantAction[] {
  return codes.map((code) => ({
    type: 'choose_procedure' as const,
    label: `${kb.procedures.get(code)?.name ?? code} (${code})`,
    procedureCode: code,
  }));
}
