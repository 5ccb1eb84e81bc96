import OpenAI from 'openai';
import type { OpenAiCompatibleConfig } from '../../config';

/**
 * A client for any OpenAI-compatible server (vLLM, Ollama, llama.cpp…). No retries: a late
 * answer is worth less than the extractive one the resident gets at once. Organisation and
 * project are set to null so the SDK does not pick OPENAI_* variables from the environment and
 * send them to a server they were not meant for.
 */
export function openAiClient(config: OpenAiCompatibleConfig): OpenAI {
  return new OpenAI({
    baseURL: config.baseUrl,
    // Local servers take any key; the SDK refuses to start without one.
    apiKey: config.apiKey ?? 'khong-can-khoa',
    organization: null,
    project: null,
    maxRetries: 0,
    timeout: config.timeoutMs,
  });
}

/**
 * Runs `work` with a signal aborted after `ms`: our own timer and controller, since the request
 * must end on time even if the SDK's own timeout does not fire (a late server, a stuck socket).
 */
export async function withDeadline<T>(
  ms: number,
  work: (signal: AbortSignal) => Promise<T>,
): Promise<T> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new Error(`deadline of ${ms} ms passed`)), ms);
  try {
    return await work(controller.signal);
  } finally {
    clearTimeout(timer);
  }
}
