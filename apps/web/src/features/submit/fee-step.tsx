import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../components/error-message';
import { Loading } from '../../components/loading';
import { ApiClientError } from '../../lib/api';
import { formatVnd } from '../../lib/procedures';
import { formatDateTime } from './flow';
import { getPayment, type PaymentView, simulatePayment, startPayment } from './submit-api';

const POLL_MS = 3000;
const POLL_ROUNDS = 20;

type Status =
  | { kind: 'loading' }
  | { kind: 'unavailable' }
  | { kind: 'error'; error: unknown }
  | { kind: 'ready'; payment: PaymentView };

/**
 * The online fee by VietQR bank transfer. When the payments service is not there (it answers 404
 * for the route), the page says so and lets the resident submit: the dossier records the fee as
 * unpaid and the centre asks for it.
 */
export function FeeStep({
  draftId,
  amount,
  onNext,
}: {
  draftId: string;
  amount: number;
  onNext: () => void;
}) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<Status>({ kind: 'loading' });
  const [polling, setPolling] = useState(false);
  const [notYet, setNotYet] = useState(false);
  const [simulator, setSimulator] = useState<'idle' | 'busy' | 'gone'>('idle');
  const alive = useRef(true);

  const load = () => {
    setStatus({ kind: 'loading' });
    startPayment(draftId).then(
      (payment) => alive.current && setStatus({ kind: 'ready', payment }),
      (error) => {
        if (!alive.current) return;
        const missingService =
          error instanceof ApiClientError && error.status === 404 && error.code === 'NOT_FOUND';
        setStatus(missingService ? { kind: 'unavailable' } : { kind: 'error', error });
      },
    );
  };

  // biome-ignore lint/correctness/useExhaustiveDependencies: once per draft
  useEffect(() => {
    alive.current = true;
    load();
    return () => {
      alive.current = false;
    };
  }, [draftId]);

  const poll = async (paymentId: string) => {
    setPolling(true);
    setNotYet(false);
    for (let i = 0; i < POLL_ROUNDS && alive.current; i++) {
      try {
        const update = await getPayment(paymentId);
        if (!alive.current) return;
        // A poll answers the state only; the code, account and QR image stay as shown.
        setStatus((current) =>
          current.kind === 'ready'
            ? { kind: 'ready', payment: { ...current.payment, ...update } }
            : current,
        );
        if (update.state === 'paid') break;
      } catch {
        // A dropped poll is retried on the next round.
      }
      await new Promise((r) => window.setTimeout(r, POLL_MS));
    }
    if (alive.current) {
      setPolling(false);
      setNotYet(true);
    }
  };

  const simulate = async (paymentId: string) => {
    setSimulator('busy');
    try {
      const update = await simulatePayment(paymentId);
      setStatus((current) =>
        current.kind === 'ready'
          ? { kind: 'ready', payment: { ...current.payment, ...update } }
          : current,
      );
      setSimulator('idle');
    } catch (error) {
      setSimulator(error instanceof ApiClientError && error.status === 404 ? 'gone' : 'idle');
      if (!(error instanceof ApiClientError && error.status === 404)) {
        setStatus({ kind: 'error', error });
      }
    }
  };

  return (
    <div data-testid="step-fee">
      <h1>{t('submit.pages.le-phi')}</h1>
      <p className="submit-amount">
        {t('submit.fee.amount')} <strong data-testid="fee-amount">{formatVnd(amount)}</strong>
      </p>
      {status.kind === 'loading' ? <Loading /> : null}
      {status.kind === 'error' ? <ErrorMessage error={status.error} onRetry={load} /> : null}
      {status.kind === 'unavailable' ? (
        <div className="notice" data-testid="fee-later">
          <h2 className="notice__title">{t('submit.fee.laterTitle')}</h2>
          <p>{t('submit.fee.laterText')}</p>
        </div>
      ) : null}
      {status.kind === 'ready' && status.payment.state === 'paid' ? (
        <div className="notice notice--success" role="status" data-testid="fee-paid">
          <h2 className="notice__title">{t('submit.fee.paidTitle')}</h2>
          <p>
            {t('submit.fee.receipt')}{' '}
            <strong data-testid="fee-receipt">
              {status.payment.receiptNo ?? status.payment.reference}
            </strong>
          </p>
        </div>
      ) : null}
      {status.kind === 'ready' && status.payment.state !== 'paid' ? (
        <section className="submit-pay" aria-labelledby="pay-heading">
          <h2 id="pay-heading">{t('submit.fee.howTitle')}</h2>
          <ol className="submit-pay__steps">
            <li>{t('submit.fee.how1')}</li>
            <li>{t('submit.fee.how2')}</li>
            <li>{t('submit.fee.how3')}</li>
          </ol>
          <img
            className="submit-pay__qr"
            src={status.payment.qrImageDataUrl}
            width={240}
            height={240}
            alt={t('submit.fee.qrAlt', { amount: formatVnd(status.payment.amountVnd) })}
          />
          <dl className="facts">
            <div className="facts__row">
              <dt>{t('submit.fee.accountName')}</dt>
              <dd>{status.payment.accountName}</dd>
            </div>
            <div className="facts__row">
              <dt>{t('submit.fee.accountNumber')}</dt>
              <dd>
                <code>{status.payment.accountNumber}</code>
              </dd>
            </div>
            <div className="facts__row">
              <dt>{t('submit.fee.transferNote')}</dt>
              <dd>
                <code>{status.payment.reference}</code>
              </dd>
            </div>
            <div className="facts__row">
              <dt>{t('submit.fee.expires')}</dt>
              <dd>{formatDateTime(status.payment.expiresAt)}</dd>
            </div>
          </dl>
          <div className="button-row">
            <button
              type="button"
              className="btn btn--primary"
              disabled={polling}
              onClick={() => void poll(status.payment.paymentId)}
              data-testid="pay-check"
            >
              {polling ? t('submit.fee.checking') : t('submit.fee.transferred')}
            </button>
            {status.payment.isDemo && simulator !== 'gone' ? (
              <button
                type="button"
                className="btn btn--secondary"
                disabled={simulator === 'busy'}
                onClick={() => void simulate(status.payment.paymentId)}
                data-testid="pay-simulate"
              >
                {t('submit.fee.simulate')}
              </button>
            ) : null}
          </div>
          <p aria-live="polite">{notYet ? t('submit.fee.notYet') : null}</p>
        </section>
      ) : null}
      <div className="button-row">
        <button
          type="button"
          className="btn btn--primary btn--big"
          onClick={onNext}
          data-testid="step-next"
        >
          {status.kind === 'ready' && status.payment.state === 'paid'
            ? t('submit.next')
            : t('submit.fee.payLater')}
        </button>
      </div>
      {status.kind !== 'ready' || status.payment.state !== 'paid' ? (
        <p className="hint">{t('submit.fee.payLaterHint')}</p>
      ) : null}
    </div>
  );
}
