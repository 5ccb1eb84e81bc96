import { useR } from './i18n';
import type { PublicResult, VerifyAnswer } from './results-api';

// Results are dated in Vietnam time whatever the device's zone, as on the printed documents.
const vnTime = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Asia/Ho_Chi_Minh',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** "08/10/2026 14:05" in Vietnam time. */
export function formatVnDateTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const p = Object.fromEntries(vnTime.formatToParts(date).map((x) => [x.type, x.value]));
  return `${p.day}/${p.month}/${p.year} ${p.hour}:${p.minute}`;
}

/** The public record of a result: which dossier, procedure, body, when, outcome, signature. */
export function ResultRecord({ result, headingId }: { result: PublicResult; headingId: string }) {
  const { t } = useR();
  return (
    <section className="card result-card" aria-labelledby={headingId} data-testid="result-record">
      <p className="caption">{t('record.caption')}</p>
      <h2 id={headingId}>{result.procedureName}</h2>
      <dl className="result-facts">
        <div>
          <dt>{t('record.dossierCode')}</dt>
          <dd>
            <strong className="result-code">{result.dossierCode}</strong>
          </dd>
        </div>
        <div>
          <dt>{t('record.unit')}</dt>
          <dd>{result.unitName}</dd>
        </div>
        <div>
          <dt>{t('record.issuedAt')}</dt>
          <dd>{formatVnDateTime(result.issuedAt)}</dd>
        </div>
        <div>
          <dt>{t('record.outcome')}</dt>
          <dd data-testid="result-outcome">
            {result.outcome === 'approved' ? t('record.approved') : t('record.refused')}
          </dd>
        </div>
        <div>
          <dt>{t('record.signature')}</dt>
          <dd data-testid="result-signature">
            {result.signatureValid ? (
              <span className="result-ok">✓ {t('record.signatureValid')}</span>
            ) : (
              <span className="result-bad">✗ {t('record.signatureInvalid')}</span>
            )}{' '}
            <span className="result-signer">
              ({result.unitCertificate ? t('record.signedByUnit') : t('record.signedBySystem')})
            </span>
          </dd>
        </div>
      </dl>
      {result.revoked ? (
        <div className="notice notice--error" role="status" data-testid="result-revoked">
          <h3 className="notice__title">{t('record.revokedTitle')}</h3>
          <p>{t('record.revokedText', { date: formatVnDateTime(result.revokedAt ?? '') })}</p>
        </div>
      ) : null}
      {!result.signatureValid ? (
        <div className="notice notice--error" role="status">
          <h3 className="notice__title">{t('record.invalidTitle')}</h3>
          <p>{t('record.invalidText')}</p>
        </div>
      ) : null}
    </section>
  );
}

/** The answer to "is this file genuine?", in words (the colour only supports them). */
export function VerifyAnswerBox({ answer, fileName }: { answer: VerifyAnswer; fileName: string }) {
  const { t } = useR();
  if (answer.genuine) {
    return (
      <div className="verdict verdict--genuine" role="status" data-testid="verdict">
        <h2 className="verdict__title">{t('check.genuineTitle')}</h2>
        <p>
          {t('check.genuineText', {
            name: fileName,
            code: answer.result.dossierCode,
            date: formatVnDateTime(answer.result.issuedAt),
          })}
        </p>
      </div>
    );
  }
  return (
    <div className="verdict verdict--not-genuine" role="status" data-testid="verdict">
      <h2 className="verdict__title">{t('check.notGenuineTitle')}</h2>
      <p>{t(`check.reason.${answer.reason}`, { name: fileName })}</p>
    </div>
  );
}

export function TechnicalDetails({ result }: { result: PublicResult }) {
  const { t } = useR();
  return (
    <details className="result-technical">
      <summary>{t('technical.summary')}</summary>
      <dl>
        <dt>{t('technical.sha256')}</dt>
        <dd>
          <code>{result.sha256}</code>
        </dd>
        <dt>{t('technical.algorithm')}</dt>
        <dd>{result.algorithm}</dd>
        <dt>{t('technical.keyId')}</dt>
        <dd>
          <code>{result.signingKeyId}</code> —{' '}
          <a href="/api/results/keys">{t('technical.keysLink')}</a>
        </dd>
      </dl>
      <p className="hint">
        {t('technical.doc')} <a href={`/api/results/${result.id}`}>/api/results/{result.id}</a>
      </p>
    </details>
  );
}
