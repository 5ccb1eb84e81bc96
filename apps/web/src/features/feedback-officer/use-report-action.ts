import { useState } from 'react';
import { ApiClientError } from '../../lib/api';
import {
  type FeedbackActionInput,
  type FeedbackReport,
  useFeedbackAction,
} from './feedback-officer-api';
import { useF } from './i18n';

export type ActionFieldName = 'text' | 'toUnitCode' | 'officerId' | 'categoryCode';

/** What the workspace does after an action: a notice, or a reload when someone acted first. */
export interface ActionCallbacks {
  onDone: (label: string) => void;
  onConflict: (message: string) => void;
}

/**
 * Sends one action with the report's row version and sorts the API's answer: field errors next to
 * their inputs, "someone changed it first" to the workspace, anything else above the form.
 */
export function useReportAction(report: FeedbackReport, callbacks: ActionCallbacks) {
  const { t } = useF();
  const send = useFeedbackAction(report.id);
  const [errors, setErrors] = useState<Partial<Record<ActionFieldName, string>>>({});
  const [general, setGeneral] = useState<string | null>(null);

  const submit = (
    body: Omit<FeedbackActionInput, 'expectedRowVersion'>,
    label: string,
    textField: 'note' | 'publicReply' | null,
  ) => {
    setGeneral(null);
    setErrors({});
    send.mutate(
      { ...body, expectedRowVersion: report.rowVersion },
      {
        onSuccess: () => callbacks.onDone(label),
        onError: (e) => {
          if (!(e instanceof ApiClientError)) {
            setGeneral(t('common.unexpected'));
            return;
          }
          if (e.code === 'FEEDBACK_CHANGED' || e.code === 'FEEDBACK_ACTION_NOT_ALLOWED') {
            callbacks.onConflict(e.message);
            return;
          }
          const found: Partial<Record<ActionFieldName, string>> = {};
          for (const f of e.fields) {
            if (f.path === 'note' || f.path === 'publicReply') found.text = f.message;
            else if (f.path === 'toUnitCode' || f.path === 'officerId' || f.path === 'categoryCode')
              found[f.path] = f.message;
          }
          if (e.code === 'FEEDBACK_REASON_REQUIRED' && textField) found.text = e.message;
          if (e.code === 'FEEDBACK_CATEGORY_UNKNOWN') found.categoryCode = e.message;
          setErrors(found);
          if (Object.keys(found).length === 0) setGeneral(e.message);
        },
      },
    );
  };

  return { submit, pending: send.isPending, errors, setErrors, general };
}
