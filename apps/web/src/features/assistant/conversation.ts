import type { AssistantMessageAnswer, AssistantMessageBody, AssistantReply } from '@cqs/shared';
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiClientError, post } from '../../lib/api';

/** One exchange: what the resident sent and, once it came, the assistant's reply. */
export interface Turn {
  id: string;
  question: string;
  reply: AssistantReply;
}

interface Stored {
  conversationId: string | null;
  turns: Turn[];
}

/** What failed to send, kept so that "Thử lại" sends exactly the same thing again. */
export interface Failure {
  kind: 'rateLimited' | 'network' | 'failed';
  body: Omit<AssistantMessageBody, 'conversationId'>;
}

const STORAGE_KEY = 'cqs.assistant.conversation';
/** The panel and the page show the same conversation; a very long one keeps its latest turns. */
const MAX_TURNS = 40;

function readStored(): Stored {
  try {
    const text = window.sessionStorage.getItem(STORAGE_KEY);
    const value = text ? (JSON.parse(text) as Partial<Stored>) : null;
    if (value && Array.isArray(value.turns)) {
      return { conversationId: value.conversationId ?? null, turns: value.turns };
    }
  } catch {
    // Unreadable or blocked storage: start afresh.
  }
  return { conversationId: null, turns: [] };
}

function writeStored(value: Stored): void {
  try {
    window.sessionStorage.setItem(STORAGE_KEY, JSON.stringify(value));
  } catch {
    // Private mode or a full quota: the conversation lives in memory only.
  }
}

function failureKind(error: unknown): Failure['kind'] {
  if (error instanceof ApiClientError) {
    if (error.status === 429) return 'rateLimited';
    if (error.status === 0) return 'network';
  }
  return 'failed';
}

let nextId = 0;

/**
 * The conversation with the assistant, kept in sessionStorage (for the tab's life): the
 * `conversationId` keeps the server's context for follow-ups ("còn lệ phí thì sao?"), the turns
 * let the panel and the full page show the same history after moving between pages.
 */
export function useConversation() {
  const [stored, setStored] = useState<Stored>(readStored);
  const [pending, setPending] = useState<string | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);
  const conversationId = useRef(stored.conversationId);
  useEffect(() => writeStored(stored), [stored]);

  const send = useCallback(async (body: Failure['body']): Promise<boolean> => {
    setPending(body.text);
    setFailure(null);
    try {
      const answer = await post<AssistantMessageAnswer>('/api/assistant/messages', {
        ...body,
        ...(conversationId.current ? { conversationId: conversationId.current } : {}),
      });
      conversationId.current = answer.conversationId;
      nextId += 1;
      const turn: Turn = {
        id: `${Date.now().toString(36)}-${nextId}`,
        question: body.text,
        reply: answer.reply,
      };
      setStored((s) => ({
        conversationId: answer.conversationId,
        turns: [...s.turns, turn].slice(-MAX_TURNS),
      }));
      return true;
    } catch (error) {
      setFailure({ kind: failureKind(error), body });
      return false;
    } finally {
      setPending(null);
    }
  }, []);

  const reset = useCallback(() => {
    conversationId.current = null;
    setFailure(null);
    setStored({ conversationId: null, turns: [] });
  }, []);

  return { turns: stored.turns, pending, failure, send, reset };
}
