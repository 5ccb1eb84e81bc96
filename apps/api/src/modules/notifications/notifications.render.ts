import type { z } from 'zod';
import { TemplatePayloadError, TemplateUnknownError } from './notifications.errors';
import {
  type MessageContent,
  type RenderContext,
  type TemplateName,
  templates,
} from './notifications.templates';

export interface RenderedMessage {
  subject: string;
  /** Plain-text e-mail body. */
  text: string;
  /** The same content as HTML, every value escaped. */
  html: string;
  /** SMS / Zalo text, link included. */
  short: string;
}

export function isTemplateName(name: string): name is TemplateName {
  return Object.hasOwn(templates, name);
}

function issuePaths(issues: z.core.$ZodIssue[]): string[] {
  return issues.flatMap((issue) =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((k) => [...issue.path, k].join('.'))
      : [issue.path.join('.') || '(root)'],
  );
}

/** Checks a payload against its template's schema; throws naming the bad fields (not values). */
export function parsePayload(template: string, payload: unknown): unknown {
  if (!isTemplateName(template)) throw new TemplateUnknownError(template);
  const result = templates[template].schema.safeParse(payload);
  if (!result.success) throw new TemplatePayloadError(template, issuePaths(result.error.issues));
  return result.data;
}

export function escapeHtml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

function greeting(content: MessageContent): string {
  return content.recipientName ? `Kính gửi Ông/Bà ${content.recipientName},` : 'Kính gửi Ông/Bà,';
}

const AUTOMATED = 'Đây là thư tự động, vui lòng không trả lời thư này.';

function toText(content: MessageContent, ctx: RenderContext): string {
  const blocks = [greeting(content), ...content.intro];
  blocks.push(content.facts.map(([label, value]) => `- ${label}: ${value}`).join('\n'));
  if (content.list) {
    blocks.push(
      [`${content.list.title}:`, ...content.list.items.map((item, i) => `${i + 1}. ${item}`)].join(
        '\n',
      ),
    );
  }
  blocks.push(...content.next, `${content.link.label}: ${content.link.url}`);
  blocks.push(`Trân trọng,\n${ctx.portalName}`, AUTOMATED);
  return `${blocks.join('\n\n')}\n`;
}

function toHtml(content: MessageContent, ctx: RenderContext): string {
  const p = (s: string) => `<p>${escapeHtml(s)}</p>`;
  const parts = [p(greeting(content)), ...content.intro.map(p)];
  parts.push(
    `<table role="presentation" cellpadding="4">${content.facts
      .map(
        ([label, value]) =>
          `<tr><td><strong>${escapeHtml(label)}</strong></td><td>${escapeHtml(value)}</td></tr>`,
      )
      .join('')}</table>`,
  );
  if (content.list) {
    parts.push(
      p(`${content.list.title}:`),
      `<ol>${content.list.items.map((item) => `<li>${escapeHtml(item)}</li>`).join('')}</ol>`,
    );
  }
  parts.push(...content.next.map(p));
  parts.push(
    `<p><a href="${escapeHtml(content.link.url)}">${escapeHtml(content.link.label)}</a></p>`,
    `<p>Trân trọng,<br>${escapeHtml(ctx.portalName)}</p>`,
    `<p><small>${escapeHtml(AUTOMATED)}</small></p>`,
  );
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>${escapeHtml(
    content.subject,
  )}</title></head><body>${parts.join('\n')}</body></html>`;
}

/**
 * Renders a queued message. Throws TemplateUnknownError / TemplatePayloadError when the payload
 * does not fit: a message with a hole in it is never sent.
 */
export function renderNotification(
  template: string,
  payload: unknown,
  ctx: RenderContext,
): RenderedMessage {
  const data = parsePayload(template, payload);
  const definition = templates[template as TemplateName] as {
    build(p: unknown, c: RenderContext): MessageContent;
  };
  const content = definition.build(data, ctx);
  return {
    subject: content.subject,
    text: toText(content, ctx),
    html: toHtml(content, ctx),
    short: `${content.short} ${content.link.url}`,
  };
}
