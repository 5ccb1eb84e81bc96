import type { DraftView } from '@cqs/shared';
import { useCallback, useEffect, useRef, useState } from 'react';
import { queryClient } from '../../lib/query-client';
import type { Answers } from './flow';
import { draftKey, saveDraft } from './submit-api';

export interface AutosaveState {
  savedAt: string | null;
  saving: boolean;
  failed: boolean;
}

const DEBOUNCE_MS = 800;

/**
 * Saves the draft on the server as the resident types (debounced) and at once on a step change.
 * Saves run one at a time, the newest answers last; a failed save is kept and retried with the
 * next change or on demand, and the browser warns before leaving while anything is unsaved.
 */
export function useAutosave(draftId: string, initialSavedAt: string | null) {
  const [state, setState] = useState<AutosaveState>({
    savedAt: initialSavedAt,
    saving: false,
    failed: false,
  });
  const pending = useRef<{ answers: Answers; step: string } | null>(null);
  const running = useRef<Promise<void> | null>(null);
  const timer = useRef<number | undefined>(undefined);

  const run = useCallback(async () => {
    while (pending.current) {
      const next = pending.current;
      pending.current = null;
      setState((s) => ({ ...s, saving: true }));
      try {
        const view = await saveDraft(draftId, next.answers, next.step);
        queryClient.setQueryData<DraftView>(draftKey(draftId), view);
        setState({ savedAt: view.updatedAt, saving: false, failed: false });
      } catch {
        // Keep the unsaved answers unless newer ones arrived meanwhile.
        pending.current ??= next;
        setState((s) => ({ ...s, saving: false, failed: true }));
        return;
      }
    }
  }, [draftId]);

  const flush = useCallback(async () => {
    window.clearTimeout(timer.current);
    // Wait for a save in progress, then send what is still pending (at most one more round).
    for (let round = 0; round < 2; round++) {
      if (running.current) await running.current;
      if (!pending.current) return;
      running.current = run().finally(() => {
        running.current = null;
      });
    }
    if (running.current) await running.current;
  }, [run]);

  const schedule = useCallback(
    (answers: Answers, step: string) => {
      pending.current = { answers, step };
      window.clearTimeout(timer.current);
      timer.current = window.setTimeout(() => void flush(), DEBOUNCE_MS);
    },
    [flush],
  );

  useEffect(() => {
    const onHide = () => {
      if (document.visibilityState === 'hidden') void flush();
    };
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (pending.current || running.current) event.preventDefault();
    };
    document.addEventListener('visibilitychange', onHide);
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => {
      document.removeEventListener('visibilitychange', onHide);
      window.removeEventListener('beforeunload', onBeforeUnload);
      window.clearTimeout(timer.current);
      void flush();
    };
  }, [flush]);

  return { ...state, schedule, flush, hasPending: () => pending.current !== null };
}
