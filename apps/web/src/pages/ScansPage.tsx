import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import type { PageProps } from '../App';
import { errorMessage } from '../client';
import { ScanRunsQuery, ScanSourcesQuery, StartScanMutation } from '../graphql/operations';
import { capabilitiesOf } from '../state/roles';

const ACTIVE = new Set(['QUEUED', 'RUNNING']);

/** Scans: start one of a recorded source (data team leads, administrators), follow it, read its errors. */
export function ScansPage({ session, organisation }: PageProps) {
  const { t, i18n } = useTranslation();
  const capabilities = capabilitiesOf(session.user.role);
  const [sources] = useQuery({ query: ScanSourcesQuery, variables: { organisation: organisation.key } });
  const [runs, refresh] = useQuery({ query: ScanRunsQuery, variables: {} });
  const [{ fetching: starting }, start] = useMutation(StartScanMutation);
  const [source, setSource] = useState('');
  const [message, setMessage] = useState('');
  const list = (runs.data?.scanRuns ?? []).filter((r) => r.organisation === organisation.key);
  const active = list.some((r) => ACTIVE.has(r.status));

  useEffect(() => {
    document.title = `${t('scans.title')} · Cartographer`;
  }, [t]);
  // Progress: poll while a scan is queued or running.
  useEffect(() => {
    if (!active) return;
    const timer = window.setInterval(() => refresh({ requestPolicy: 'network-only' }), 1500);
    return () => window.clearInterval(timer);
  }, [active, refresh]);

  const names = new Map((sources.data?.dataSources.items ?? []).map((s) => [s.localKey, s.name]));
  const chosen = source || sources.data?.dataSources.items[0]?.localKey || '';

  const onStart = async () => {
    const result = await start({ organisation: organisation.key, source: chosen });
    if (result.error || !result.data) {
      setMessage(t('common.error', { message: errorMessage(result.error ?? { message: 'no answer' }) }));
      return;
    }
    const run = result.data.startScan;
    setMessage(t('scans.started', { source: names.get(chosen) ?? chosen, status: t(`scans.status.${run.status}`) }));
    refresh({ requestPolicy: 'network-only' });
  };

  return (
    <section aria-labelledby="scans-title">
      <h1 id="scans-title">{t('scans.title')}</h1>
      <p>{t('scans.intro')}</p>
      {capabilities.scan ? (
        <form
          className="filters"
          data-testid="scan-form"
          onSubmit={(event) => {
            event.preventDefault();
            void onStart();
          }}
        >
          <label>
            {t('scans.source')}{' '}
            <select data-testid="scan-source" value={chosen} onChange={(event) => setSource(event.target.value)}>
              {(sources.data?.dataSources.items ?? []).map((s) => (
                <option key={s.key} value={s.localKey}>
                  {s.name}
                </option>
              ))}
            </select>
          </label>{' '}
          <button type="submit" className="primary" disabled={starting || !chosen} data-testid="scan-start">
            {t('scans.start')}
          </button>
        </form>
      ) : (
        <p className="note" data-testid="scan-read-only">
          {t('scans.readOnly')}
        </p>
      )}
      <p role="status" data-testid="scan-message" className="announcement">
        {message}
      </p>
      {runs.error && <p role="alert">{t('common.error', { message: errorMessage(runs.error) })}</p>}
      <div className="table-wrap">
        <table data-testid="scan-runs">
          <caption>{t('scans.runs')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('review.source')}</th>
              <th scope="col">{t('scans.statusLabel')}</th>
              <th scope="col">{t('scans.progress')}</th>
              <th scope="col">{t('scans.when')}</th>
              <th scope="col">{t('scans.by')}</th>
              <th scope="col">{t('scans.results')}</th>
              <th scope="col">{t('scans.problems')}</th>
            </tr>
          </thead>
          <tbody>
            {list.length === 0 ? (
              <tr>
                <td colSpan={7}>{t('common.none')}</td>
              </tr>
            ) : (
              list.map((r) => (
                <tr key={r.id} data-testid={`scan-run-${r.sourceKey ?? r.id}`}>
                  <th scope="row">{names.get(r.sourceKey ?? '') ?? r.sourceKey ?? '—'}</th>
                  <td data-testid="scan-status">{t(`scans.status.${r.status}`, { defaultValue: r.status })}</td>
                  <td>
                    <progress
                      max={Math.max(1, r.progress.total)}
                      value={r.progress.done}
                      aria-label={t('scans.progress')}
                    />{' '}
                    {r.progress.done}/{r.progress.total}
                  </td>
                  <td>{new Date(r.createdAt).toLocaleString(i18n.language)}</td>
                  <td>{r.requestedBy}</td>
                  <td>
                    {r.counts
                      ? t('scans.resultCounts', {
                          datasets: r.counts.datasets,
                          fields: r.counts.fields,
                          personal: r.counts.personalFields,
                          special: r.counts.specialCategoryFields,
                        })
                      : '—'}
                  </td>
                  <td data-testid="scan-problems">
                    {r.failure && <span className="problem">{r.failure}</span>}
                    {r.errors.length > 0 && (
                      <ul>
                        {r.errors.map((e, i) => (
                          <li key={i}>
                            {e.dataset ? `${e.dataset} : ` : ''}
                            {e.message}
                          </li>
                        ))}
                      </ul>
                    )}
                    {!r.failure && r.errors.length === 0 ? '—' : null}
                  </td>
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>
    </section>
  );
}
