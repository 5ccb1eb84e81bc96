import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { foldVietnamese } from '@cqs/shared';

/** One request as the fake server received it. */
export interface RecordedRequest {
  path: string;
  authorization: string | undefined;
  body: Record<string, unknown>;
}

export interface ChatScript {
  /** The assistant message's content, or a function of the request body. */
  reply: string | ((body: Record<string, unknown>) => string);
  delayMs: number;
  /** Anything but 200 answers with an OpenAI-style error object. */
  status: number;
}

export interface EmbeddingScript {
  embed: (text: string) => number[];
  delayMs: number;
  status: number;
}

export const FAKE_EMBEDDING_DIM = 64;

/**
 * A deterministic embedding: a bag of folded syllables hashed into `dim` buckets (FNV-1a), so
 * texts that share words are close and the fusion has something real to work with.
 */
export function hashingEmbedding(text: string, dim = FAKE_EMBEDDING_DIM): number[] {
  const v = new Array<number>(dim).fill(0);
  for (const syllable of foldVietnamese(text).split(' ').filter(Boolean)) {
    let h = 0x811c9dc5;
    for (let i = 0; i < syllable.length; i++) {
      h ^= syllable.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    v[h % dim]! += 1;
  }
  return v;
}

/**
 * An OpenAI-compatible server on an ephemeral port (node:http, the real wire format):
 * `POST /v1/chat/completions` answers a `chat.completion` object and `POST /v1/embeddings` a
 * `list` of `embedding` objects (float or base64, as asked). Each test scripts the reply, a delay
 * or an error status, and reads the requests it received.
 */
export class FakeOpenAi {
  readonly requests: RecordedRequest[] = [];
  chat: ChatScript = { reply: '', delayMs: 0, status: 200 };
  embeddings: EmbeddingScript = { embed: (t) => hashingEmbedding(t), delayMs: 0, status: 200 };
  private readonly timers = new Set<NodeJS.Timeout>();

  private constructor(
    private readonly server: Server,
    readonly baseUrl: string,
  ) {}

  static async start(): Promise<FakeOpenAi> {
    let fake: FakeOpenAi | undefined;
    const server = createServer((req, res) => {
      void fake!.handle(req, res);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    fake = new FakeOpenAi(server, `http://127.0.0.1:${port}/v1`);
    return fake;
  }

  get chatRequests(): RecordedRequest[] {
    return this.requests.filter((r) => r.path === '/v1/chat/completions');
  }

  get embeddingRequests(): RecordedRequest[] {
    return this.requests.filter((r) => r.path === '/v1/embeddings');
  }

  /** Back to an empty log and the default scripts. */
  reset(): void {
    this.requests.length = 0;
    this.chat = { reply: '', delayMs: 0, status: 200 };
    this.embeddings = { embed: (t) => hashingEmbedding(t), delayMs: 0, status: 200 };
  }

  async close(): Promise<void> {
    for (const t of this.timers) clearTimeout(t);
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const path = (req.url ?? '').split('?')[0]!;
    let body: Record<string, unknown> = {};
    try {
      body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
    } catch {
      return send(res, 400, error('invalid JSON body', 'invalid_request_error'));
    }
    this.requests.push({ path, authorization: req.headers.authorization, body });
    if (req.method !== 'POST') return send(res, 405, error('method not allowed'));
    if (path === '/v1/chat/completions') {
      const script = this.chat;
      return this.later(res, script.delayMs, () => {
        if (script.status !== 200) return send(res, script.status, error('scripted failure'));
        if (!Array.isArray(body.messages) || typeof body.model !== 'string') {
          return send(res, 400, error('model and messages are required', 'invalid_request_error'));
        }
        const content = typeof script.reply === 'function' ? script.reply(body) : script.reply;
        const promptTokens = JSON.stringify(body.messages).length >> 2;
        const completionTokens = content.length >> 2;
        send(res, 200, {
          id: `chatcmpl-${randomUUID()}`,
          object: 'chat.completion',
          created: Math.floor(Date.now() / 1000),
          model: body.model,
          choices: [
            {
              index: 0,
              message: { role: 'assistant', content, refusal: null },
              logprobs: null,
              finish_reason: 'stop',
            },
          ],
          usage: {
            prompt_tokens: promptTokens,
            completion_tokens: completionTokens,
            total_tokens: promptTokens + completionTokens,
          },
        });
      });
    }
    if (path === '/v1/embeddings') {
      const script = this.embeddings;
      return this.later(res, script.delayMs, () => {
        if (script.status !== 200) return send(res, script.status, error('scripted failure'));
        const input = typeof body.input === 'string' ? [body.input] : body.input;
        if (!Array.isArray(input) || typeof body.model !== 'string') {
          return send(res, 400, error('model and input are required', 'invalid_request_error'));
        }
        const base64 = body.encoding_format === 'base64';
        const data = input.map((text, index) => {
          const vector = script.embed(String(text));
          return {
            object: 'embedding',
            index,
            embedding: base64
              ? Buffer.from(new Float32Array(vector).buffer).toString('base64')
              : vector,
          };
        });
        const tokens = input.reduce((n: number, t) => n + String(t).split(/\s+/).length, 0);
        send(res, 200, {
          object: 'list',
          data,
          model: body.model,
          usage: { prompt_tokens: tokens, total_tokens: tokens },
        });
      });
    }
    send(res, 404, error(`no route ${path}`, 'invalid_request_error'));
  }

  private later(res: ServerResponse, ms: number, run: () => void): void {
    if (ms <= 0) {
      run();
      return;
    }
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      // The client may have given up (its deadline): nothing is written to a closed socket.
      if (!res.destroyed && !res.writableEnded) run();
    }, ms);
    this.timers.add(timer);
  }
}

function error(message: string, type = 'server_error') {
  return { error: { message, type, param: null, code: null } };
}

function send(res: ServerResponse, status: number, payload: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(payload));
}
