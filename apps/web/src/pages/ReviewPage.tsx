import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import type { PageProps } from '../App';
import { errorMessage } from '../client';
import { type Column, DataTable, Pager } from '../components/Table';
import type { FindingsQuery as FindingsResult, FindingStatus, ReviewDecision } from '../gql/graphql';
import {
  DataSourcesQuery,
  DepartmentsQuery,
  FindingsQuery,
  ReviewDatasetFindingsMutation,
  ReviewFindingMutation,
} from '../graphql/operations';
import { useAllFindingFlags } from '../hooks/finding-flags';
import { useRouter } from '../router';
import { categoryCounts, commentProblem, evidenceLines, localPart, reviewRequest } from '../state/review';
import { capabilitiesOf } from '../state/roles';
import { parseReview, REVIEW_DEFAULTS, type ReviewState, toSearch, withFilter } from '../state/url-state';

type Finding = FindingsResult['findings']['nodes'][number];

const STATUSES: FindingStatus[] = ['OPEN', 'CONFIRMED', 'REJECTED'];

export function ReviewPage({ session, organisation }: PageProps) {
  const { t } = useTranslation();
  const { params, go } = useRouter();
  const state = { ...parseReview(params), org: organisation.key };
  const capabilities = capabilitiesOf(session.user.role);
  const [version, setVersion] = useState(0);
  const [announcement, setAnnouncement] = useState('');
  const announcer = useRef<HTMLParagraphElement>(null);
  const show = (next: ReviewState) => go('review', toSearch(next, REVIEW_DEFAULTS));

  useEffect(() => {
    document.title = `${t('review.title')} · Cartographer`;
  }, [t]);

  const [{ data, fetching, error }] = useQuery({
    query: FindingsQuery,
    variables: {
      organisation: organisation.key,
      status: state.status,
      department: state.department ?? null,
      source: state.source ?? null,
      category: state.category ?? null,
      after: state.after ?? null,
      withEvidence: capabilities.evidence,
    },
  });
  const page = data?.findings;
  const selected = page?.nodes.find((f) => f.key === state.selected);

  const columns: Column<Finding>[] = [
    {
      id: 'field',
      header: t('review.field'),
      rowHeader: true,
      cell: (f) => <code>{fieldName(f.field)}</code>,
    },
    {
      id: 'where',
      header: t('review.where'),
      cell: (f) => (
        <>
          {localPart(f.dataset)}
          <br />
          <span className="muted">{localPart(f.source)}</span>
        </>
      ),
    },
    { id: 'category', header: t('review.category'), cell: (f) => f.category ?? '' },
    {
      id: 'special',
      header: t('review.special'),
      cell: (f) => (f.specialCategory ? <strong>{f.specialCategoryKind ?? t('common.yes')}</strong> : t('common.no')),
    },
    {
      id: 'confidence',
      header: t('review.confidence'),
      numeric: true,
      cell: (f) => (f.confidence === null || f.confidence === undefined ? '—' : `${Math.round(f.confidence * 100)} %`),
    },
    { id: 'status', header: t('review.status'), cell: (f) => t(`status.${f.status}`) },
    {
      id: 'action',
      header: t('review.action'),
      cell: (f) => (
        <button
          type="button"
          data-testid={`review-select-${f.key}`}
          aria-pressed={f.key === state.selected}
          onClick={() => show({ ...state, selected: f.key })}
        >
          {t('review.selectShort')}
          <span className="visually-hidden"> {fieldName(f.field)}</span>
        </button>
      ),
    },
  ];

  const reviewed = (finding: Finding, status: FindingStatus, count?: number) => {
    setAnnouncement(
      count === undefined
        ? t('review.done', { name: fieldName(finding.field), status: t(`status.${status}`) })
        : t('review.bulkDone', { count, dataset: localPart(finding.dataset), status: t(`status.${status}`) }),
    );
    setVersion((v) => v + 1);
    show({ ...state, selected: undefined });
    setTimeout(() => announcer.current?.focus(), 0);
  };

  return (
    <section aria-labelledby="review-title">
      <h1 id="review-title">{t('review.title')}</h1>
      <Filters state={state} organisation={organisation.key} version={version} onApply={show} />
      <p ref={announcer} tabIndex={-1} role="status" data-testid="review-announcement" className="announcement">
        {announcement}
      </p>
      {!capabilities.review && (
        <p className="note" data-testid="read-only-note">
          {t('review.readOnly')}
        </p>
      )}
      {capabilities.review && <p className="note">{t('review.bulkNote')}</p>}
      {error && <p role="alert">{t('common.error', { message: errorMessage(error) })}</p>}
      {fetching && !page && <p role="status">{t('common.loading')}</p>}
      {page && selected && (
        <FindingPanel
          key={selected.key}
          finding={selected}
          canReview={capabilities.review}
          onClose={() => show({ ...state, selected: undefined })}
          onReviewed={reviewed}
        />
      )}
      {page && (
        <>
          <DataTable
            testId="findings-table"
            caption={t('review.results', { count: page.totalCount })}
            columns={columns}
            rows={page.nodes}
            rowKey={(f) => f.key}
            empty={t('common.none')}
          />
          <Pager
            hasNextPage={page.hasNextPage}
            isFirst={!state.after}
            onNext={() => show({ ...state, after: page.endCursor ?? undefined, selected: undefined })}
            onFirst={() => show({ ...state, after: undefined, selected: undefined })}
            labels={{ next: t('common.next'), first: t('common.first') }}
          />
        </>
      )}
    </section>
  );
}

function fieldName(fieldKey: string): string {
  const slash = fieldKey.lastIndexOf('/');
  return slash >= 0 ? fieldKey.slice(slash + 1) : fieldKey;
}

function Filters({
  state,
  organisation,
  version,
  onApply,
}: {
  state: ReviewState;
  organisation: string;
  version: number;
  onApply: (next: ReviewState) => void;
}) {
  const { t } = useTranslation();
  const [department, setDepartment] = useState(state.department ?? '');
  const [{ data: departments }] = useQuery({ query: DepartmentsQuery, variables: { organisation, after: null } });
  const departmentKey = departments?.departments.items.find((d) => d.localKey === department)?.key;
  const [{ data: sources }] = useQuery({
    query: DataSourcesQuery,
    variables: { department: departmentKey ?? '', after: null, withConnection: false },
    pause: !departmentKey,
  });
  const flags = useAllFindingFlags(organisation, version);
  const categories = categoryCounts(flags.findings ?? []);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const value = (name: string) => String(form.get(name) ?? '') || undefined;
    onApply(
      withFilter(state, {
        status: (value('status') as FindingStatus | undefined) ?? 'OPEN',
        department: value('department'),
        source: value('source'),
        category: value('category'),
      }),
    );
  };

  return (
    <form className="filters" onSubmit={submit} aria-label={t('review.filters')} data-testid="review-filters">
      <p>
        <label htmlFor="filter-status">{t('review.status')}</label>
        <select id="filter-status" name="status" defaultValue={state.status} data-testid="filter-status">
          {STATUSES.map((status) => (
            <option key={status} value={status}>
              {t(`status.${status}`)}
            </option>
          ))}
        </select>
      </p>
      <p>
        <label htmlFor="filter-department">{t('review.department')}</label>
        <select
          id="filter-department"
          name="department"
          value={department}
          onChange={(event) => setDepartment(event.target.value)}
          data-testid="filter-department"
        >
          <option value="">{t('review.all')}</option>
          {departments?.departments.items.map((d) => (
            <option key={d.key} value={d.localKey}>
              {d.name}
            </option>
          ))}
        </select>
      </p>
      <p>
        <label htmlFor="filter-source">{t('review.source')}</label>
        <select
          id="filter-source"
          name="source"
          key={`${department}:${state.source ?? ''}`}
          defaultValue={department === state.department ? (state.source ?? '') : ''}
          disabled={!departmentKey}
          data-testid="filter-source"
        >
          <option value="">{t('review.all')}</option>
          {sources?.dataSources.items.map((s) => (
            <option key={s.key} value={s.key}>
              {s.name}
            </option>
          ))}
          {/* A source named by the URL stays selectable while the list loads. */}
          {state.source && !sources && department === state.department && (
            <option value={state.source}>{localPart(state.source)}</option>
          )}
        </select>
      </p>
      <p>
        <label htmlFor="filter-category">{t('review.category')}</label>
        <select
          id="filter-category"
          name="category"
          key={`${state.category ?? ''}:${categories.length}`}
          defaultValue={state.category ?? ''}
          data-testid="filter-category"
        >
          <option value="">{t('review.all')}</option>
          {categories.map((c) => (
            <option key={c.category} value={c.category}>
              {c.category} ({c.count})
            </option>
          ))}
          {state.category && !categories.some((c) => c.category === state.category) && (
            <option value={state.category}>{state.category}</option>
          )}
        </select>
      </p>
      <p>
        <button type="submit" className="primary" data-testid="filter-apply">
          {t('review.apply')}
        </button>
      </p>
    </form>
  );
}

function FindingPanel({
  finding,
  canReview,
  onClose,
  onReviewed,
}: {
  finding: Finding;
  canReview: boolean;
  onClose: () => void;
  onReviewed: (finding: Finding, status: FindingStatus, count?: number) => void;
}) {
  const { t, i18n } = useTranslation();
  const [comment, setComment] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [{ fetching }, review] = useMutation(ReviewFindingMutation);
  const [{ fetching: bulkFetching }, reviewDataset] = useMutation(ReviewDatasetFindingsMutation);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const lines = evidenceLines(finding.evidence);

  const decide = async (decision: ReviewDecision) => {
    const issue = commentProblem(comment);
    if (issue) {
      setProblem(issue === 'required' ? t('review.commentRequired') : t('review.commentTooLong'));
      return;
    }
    setProblem(null);
    const result = await review(reviewRequest(finding.key, decision, comment));
    if (result.error || !result.data) {
      setProblem(t('common.error', { message: errorMessage(result.error ?? { message: 'no answer' }) }));
      return;
    }
    onReviewed(finding, result.data.reviewFinding.status);
  };

  /** Every pending finding of the dataset, with the same comment (one request, one transaction). */
  const decideDataset = async (decision: ReviewDecision) => {
    const issue = commentProblem(comment);
    if (issue) {
      setProblem(issue === 'required' ? t('review.commentRequired') : t('review.commentTooLong'));
      return;
    }
    setProblem(null);
    if (!finding.dataset) return;
    const result = await reviewDataset({ dataset: finding.dataset, decision, comment: comment.trim() });
    if (result.error || !result.data) {
      setProblem(t('common.error', { message: errorMessage(result.error ?? { message: 'no answer' }) }));
      return;
    }
    onReviewed(finding, decision === 'CONFIRM' ? 'CONFIRMED' : 'REJECTED', result.data.reviewDatasetFindings.reviewed);
  };

  const onSubmit = (event: FormEvent) => event.preventDefault();

  return (
    <aside className="panel" aria-labelledby="finding-title" data-testid="finding-panel">
      <h2 id="finding-title" ref={heading} tabIndex={-1}>
        {t('review.details', { name: fieldName(finding.field) })}
      </h2>
      <div className="panel-parts">
        <dl className="facts">
          <dt>{t('review.field')}</dt>
          <dd>
            <code>{finding.field}</code>
          </dd>
          <dt>{t('review.category')}</dt>
          <dd>{finding.category ?? '—'}</dd>
          <dt>{t('review.treatment')}</dt>
          <dd>
            {finding.treatment ?? '—'}
            {finding.treatmentReason ? ` — ${finding.treatmentReason}` : ''}
          </dd>
          <dt>{t('review.provenance')}</dt>
          <dd>{finding.provenance.join(', ') || '—'}</dd>
          {finding.maskedExemplar && (
            <>
              <dt>{t('review.exemplar')}</dt>
              <dd>
                <code data-testid="masked-exemplar">{finding.maskedExemplar}</code>
              </dd>
            </>
          )}
        </dl>
        <div>
          <h3>{t('review.evidence')}</h3>
          {lines.length > 0 ? (
            <dl className="evidence" data-testid="finding-evidence">
              {lines.map((line, index) => (
                <div key={index}>
                  <dt>{line.label}</dt>
                  <dd>{line.value}</dd>
                </div>
              ))}
            </dl>
          ) : (
            <p>{t('review.noEvidence')}</p>
          )}
        </div>
        <div>
          {finding.reviewedBy && (
            <p data-testid="previous-review">
              {t('review.reviewed', {
                by: finding.reviewedBy,
                at: finding.reviewedAt ? new Date(finding.reviewedAt).toLocaleString(i18n.language) : '',
                comment: finding.reviewComment ?? '',
              })}
            </p>
          )}
          {canReview && (
            <form onSubmit={onSubmit} data-testid="review-form">
              <p>
                <label htmlFor="review-comment">{t('review.comment')}</label>
                <textarea
                  id="review-comment"
                  data-testid="review-comment"
                  rows={3}
                  maxLength={2000}
                  value={comment}
                  aria-invalid={problem ? true : undefined}
                  aria-describedby={problem ? 'review-problem' : undefined}
                  onChange={(event) => setComment(event.target.value)}
                />
              </p>
              {problem && (
                <p id="review-problem" role="alert" className="problem" data-testid="review-problem">
                  {problem}
                </p>
              )}
              <p className="actions">
                <button
                  type="button"
                  className="primary"
                  disabled={fetching}
                  data-testid="review-confirm"
                  onClick={() => void decide('CONFIRM')}
                >
                  {t('review.confirm')}
                </button>
                <button
                  type="button"
                  className="danger"
                  disabled={fetching}
                  data-testid="review-reject"
                  onClick={() => void decide('REJECT')}
                >
                  {t('review.reject')}
                </button>
              </p>
              {finding.status === 'OPEN' && finding.dataset && (
                <p className="actions">
                  <button
                    type="button"
                    disabled={bulkFetching}
                    data-testid="review-bulk-confirm"
                    onClick={() => void decideDataset('CONFIRM')}
                  >
                    {t('review.bulkConfirm', { dataset: localPart(finding.dataset) })}
                  </button>
                  <button
                    type="button"
                    disabled={bulkFetching}
                    data-testid="review-bulk-reject"
                    onClick={() => void decideDataset('REJECT')}
                  >
                    {t('review.bulkReject', { dataset: localPart(finding.dataset) })}
                  </button>
                </p>
              )}
            </form>
          )}
          <p>
            <button type="button" onClick={onClose} data-testid="finding-close">
              {t('review.close')}
            </button>
          </p>
        </div>
      </div>
    </aside>
  );
}
