import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import type { PageProps } from '../App';
import { errorMessage } from '../client';
import type { DataMapQuery as MapResult } from '../gql/graphql';
import { DataMapQuery } from '../graphql/operations';
import { Link, useRouter } from '../router';
import {
  type FilterParam,
  clearFilters,
  filterValues,
  mapQueryOf,
  mapSearch,
  select,
  setFilter,
  setSingle,
  toggleExpanded,
} from '../state/map-state';
import { toSearch } from '../state/url-state';
import { MapCanvas, transferLabel } from './MapCanvas';

type MapData = MapResult['map'];
type MapNode = MapData['nodes'][number];

const GROUPINGS = ['DEPARTMENT', 'LOCATION', 'SENSITIVITY'] as const;
const JURISDICTIONS = ['EU', 'EEA', 'ADEQUACY', 'THIRD_COUNTRY'] as const;
const TRANSFERS = ['COVERED', 'TO_VERIFY', 'MISSING_SAFEGUARD'] as const;
const FINDINGS = ['PENDING', 'CONFIRMED', 'REJECTED'] as const;

export function MapPage({ organisation }: PageProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.language === 'en' ? 'en' : 'fr';
  const { params, go } = useRouter();
  const query = mapQueryOf(params);
  const [{ data, error, fetching, operation }] = useQuery({
    query: DataMapQuery,
    variables: { organisation: organisation.key, query },
  });
  // The previous view stays on screen while the next one loads (state from an earlier render).
  const fresh = data?.map && operation?.variables.query === query ? data.map : null;
  const [shown, setShown] = useState<MapData | null>(null);
  if (fresh && fresh !== shown) setShown(fresh);
  const map = fresh ?? shown;
  const details = useRef<HTMLHeadingElement>(null);

  const goTo = useCallback(
    (next: string, replace = false) => go('map', mapSearch(organisation.key, next), { replace }),
    [go, organisation.key],
  );
  // The API answers the canonical state: the address becomes it (one string per view).
  useEffect(() => {
    // Only an answer to the address shown (not the previous one, still displayed while loading).
    if (data?.map && operation?.variables.query === query && data.map.query !== query) goTo(data.map.query, true);
  }, [data, operation, query, goTo]);
  useEffect(() => {
    document.title = `${t('map.title')} · ${organisation.name} · Cartographer`;
  }, [t, organisation.name]);

  // Controls edit the address (canonical once the API has answered), so they follow it at once.
  const base = query;
  const onSelect = useCallback((id: string) => goTo(select(base, id)), [base, goTo]);
  const onToggle = useCallback((id: string) => goTo(toggleExpanded(base, id)), [base, goTo]);
  const statusLabel = useCallback((s: string) => t(`map.transferStatus.${s}`), [t]);
  const basisLabel = useCallback(
    (b: string) =>
      b === 'NONE' ? t('map.noBasis') : b === 'ADEQUACY' ? t('map.adequacy') : b.replace(/^SCC/, t('map.scc')),
    [t],
  );

  const selected = map?.nodes.find((n) => n.selected) ?? null;
  useEffect(() => {
    if (selected) details.current?.focus();
  }, [selected?.id]); // eslint-disable-line react-hooks/exhaustive-deps

  const display = map?.state.view ?? 'MAP';
  const facets = (member: 'categories' | 'specialCategories' | 'legalBases' | 'departments') => {
    const values = new Set<string>(
      filterValues(
        base,
        member === 'categories'
          ? 'cat'
          : member === 'specialCategories'
            ? 'special'
            : member === 'legalBases'
              ? 'basis'
              : 'dept',
      ),
    );
    for (const n of map?.nodes ?? []) for (const v of n.facets?.[member] ?? []) values.add(v);
    return [...values].sort();
  };

  return (
    <section aria-labelledby="map-title" className="map-page">
      <h1 id="map-title">{t('map.title')}</h1>
      <p>{t('map.intro', { name: organisation.name })}</p>
      <form className="map-controls" aria-label={t('map.controls')} onSubmit={(event) => event.preventDefault()}>
        <label>
          {t('map.grouping')}{' '}
          <select
            data-testid="map-grouping"
            value={map?.state.grouping ?? 'DEPARTMENT'}
            onChange={(event) =>
              goTo(
                setSingle(base, 'group', event.target.value === 'DEPARTMENT' ? null : event.target.value.toLowerCase()),
              )
            }
          >
            {GROUPINGS.map((g) => (
              <option key={g} value={g}>
                {t(`map.groupings.${g}`)}
              </option>
            ))}
          </select>
        </label>
        <fieldset>
          <legend>{t('map.display')}</legend>
          {(['MAP', 'TABLE'] as const).map((v) => (
            <label key={v}>
              <input
                type="radio"
                name="display"
                data-testid={`map-display-${v}`}
                checked={display === v}
                onChange={() => goTo(setSingle(base, 'view', v === 'MAP' ? null : 'table'))}
              />{' '}
              {t(`map.displays.${v}`)}
            </label>
          ))}
        </fieldset>
        <Checks
          name="jur"
          legend={t('map.filters.jur')}
          values={JURISDICTIONS}
          query={base}
          goTo={goTo}
          label={(v) => t(`map.jurisdictions.${v}`)}
        />
        <Checks
          name="transfer"
          legend={t('map.filters.transfer')}
          values={TRANSFERS}
          query={base}
          goTo={goTo}
          label={statusLabel}
        />
        <Checks
          name="finding"
          legend={t('map.filters.finding')}
          values={FINDINGS}
          query={base}
          goTo={goTo}
          label={(v) => t(`map.findingStatus.${v}`)}
        />
        {(['dept', 'cat', 'special', 'basis'] as const).map((name) => {
          const member = (
            { dept: 'departments', cat: 'categories', special: 'specialCategories', basis: 'legalBases' } as const
          )[name];
          const current = filterValues(base, name)[0] ?? '';
          return (
            <label key={name}>
              {t(`map.filters.${name}`)}{' '}
              <select
                data-testid={`map-filter-${name}`}
                value={current}
                onChange={(event) => goTo(setFilter(base, name, event.target.value ? [event.target.value] : []))}
              >
                <option value="">{t('map.all')}</option>
                {facets(member).map((v) => (
                  <option key={v} value={v}>
                    {v}
                  </option>
                ))}
              </select>
            </label>
          );
        })}
        <button type="button" data-testid="map-clear" onClick={() => goTo(clearFilters(base))}>
          {t('map.clear')}
        </button>
      </form>
      {error && <p role="alert">{t('common.error', { message: errorMessage(error) })}</p>}
      <p role="status" className="status" data-testid="map-status">
        {fetching
          ? t('common.loading')
          : map
            ? t('map.summary', { nodes: map.nodes.length, edges: map.edges.length })
            : ''}
        {map?.truncated ? ` ${t('map.truncated')}` : ''}
      </p>
      {map && (
        <div className="map-layout">
          <div className="map-main">
            {display === 'MAP' && (
              <>
                <MapCanvas
                  map={map}
                  language={language}
                  onSelect={onSelect}
                  onToggle={onToggle}
                  statusLabel={statusLabel}
                  basisLabel={basisLabel}
                />
                <Legend />
              </>
            )}
            <MapTable
              map={map}
              language={language}
              onSelect={onSelect}
              onToggle={onToggle}
              statusLabel={statusLabel}
              basisLabel={basisLabel}
            />
          </div>
          {selected && (
            <Details
              node={selected}
              map={map}
              language={language}
              organisation={organisation.key}
              heading={details}
              onToggle={onToggle}
              onClose={() => goTo(select(base, null))}
              statusLabel={statusLabel}
              basisLabel={basisLabel}
            />
          )}
        </div>
      )}
    </section>
  );
}

function Checks({
  name,
  legend,
  values,
  query,
  goTo,
  label,
}: {
  name: FilterParam;
  legend: string;
  values: readonly string[];
  query: string;
  goTo: (next: string) => void;
  label: (v: string) => string;
}) {
  const current = filterValues(query, name);
  return (
    <fieldset>
      <legend>{legend}</legend>
      {values.map((v) => (
        <label key={v}>
          <input
            type="checkbox"
            data-testid={`map-filter-${name}-${v}`}
            checked={current.includes(v)}
            onChange={(event) =>
              goTo(setFilter(query, name, event.target.checked ? [...current, v] : current.filter((c) => c !== v)))
            }
          />{' '}
          {label(v)}
        </label>
      ))}
    </fieldset>
  );
}

function Legend() {
  const { t } = useTranslation();
  return (
    <ul className="map-legend" aria-label={t('map.legend')}>
      {(['NONE', 'PERSONAL', 'SPECIAL_CATEGORY'] as const).map((band) => (
        <li key={band}>
          <span className={`swatch swatch-${band}`} aria-hidden="true" /> {t(`map.bands.${band}`)}
        </li>
      ))}
      <li>
        <span className="swatch swatch-transfer" aria-hidden="true" /> {t('map.transferLegend')}
      </li>
    </ul>
  );
}

const nf = (language: string, value: number | null | undefined) =>
  value === null || value === undefined ? '—' : new Intl.NumberFormat(language).format(value);

interface ViewProps {
  map: MapData;
  language: 'fr' | 'en';
  onSelect: (id: string) => void;
  onToggle: (id: string) => void;
  statusLabel: (s: string) => string;
  basisLabel: (b: string) => string;
}

/** The same view as the map: one row per node in tree order, its transfers, and the same actions. */
function MapTable({ map, language, onSelect, onToggle, statusLabel, basisLabel }: ViewProps) {
  const { t } = useTranslation();
  const links = new Map(map.table.rows.map((r) => [r.id, r.links]));
  return (
    <div className="table-wrap">
      <table data-testid="map-table">
        <caption>{t('map.tableCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('map.columns.item')}</th>
            <th scope="col">{t('map.columns.kind')}</th>
            <th scope="col">{t('map.columns.sensitivity')}</th>
            <th scope="col" className="num">
              {t('map.columns.personal')}
            </th>
            <th scope="col" className="num">
              {t('map.columns.special')}
            </th>
            <th scope="col" className="num">
              {t('map.columns.records')}
            </th>
            <th scope="col">{t('map.columns.pending')}</th>
            <th scope="col">{t('map.columns.transfers')}</th>
          </tr>
        </thead>
        <tbody>
          {map.nodes.map((n) => {
            const transfers = (links.get(n.id) ?? []).filter((l) => l.transfer && l.direction === 'OUT');
            const name = n.kind === 'MORE' ? t('map.more', { count: n.hidden }) : n.label[language];
            return (
              <tr
                key={n.id}
                data-testid={`map-row-${n.id}`}
                aria-selected={n.selected}
                className={n.selected ? 'selected' : undefined}
              >
                <th scope="row" className={`level-${Math.min(n.level, 4)}`}>
                  {(n.childCount > 0 || n.kind === 'MORE') && (
                    <button
                      type="button"
                      className="toggle"
                      aria-expanded={n.kind === 'MORE' ? undefined : n.expanded}
                      aria-label={
                        n.kind === 'MORE'
                          ? t('map.showMore', { name })
                          : t(n.expanded ? 'map.collapse' : 'map.expand', { name })
                      }
                      data-testid={`map-toggle-${n.id}`}
                      onClick={() => onToggle(n.id)}
                    >
                      {n.kind === 'MORE' ? '+' : n.expanded ? '−' : '+'}
                    </button>
                  )}{' '}
                  <button
                    type="button"
                    className="link"
                    data-testid={`map-select-${n.id}`}
                    onClick={() => onSelect(n.id)}
                  >
                    {name}
                  </button>
                </th>
                <td>{t(`map.kinds.${n.kind}`)}</td>
                <td>
                  <span className={`band band-${n.sensitivity}`}>{t(`map.bandShort.${n.sensitivity}`)}</span>
                </td>
                <td className="num">{nf(language, n.personalFields)}</td>
                <td className="num">{nf(language, n.specialFields)}</td>
                <td className="num">{nf(language, n.records)}</td>
                <td className="num">{nf(language, n.findings.PENDING)}</td>
                <td>
                  {transfers.length === 0
                    ? '—'
                    : transfers.map((l) => (
                        <span key={l.other} className={`transfer transfer-${l.transfer!.status}`}>
                          {transferLabel(l.transfer!, statusLabel, basisLabel)}
                        </span>
                      ))}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function Details({
  node,
  map,
  language,
  organisation,
  heading,
  onToggle,
  onClose,
  statusLabel,
  basisLabel,
}: {
  node: MapNode;
  map: MapData;
  language: 'fr' | 'en';
  organisation: string;
  heading: React.RefObject<HTMLHeadingElement | null>;
  onToggle: (id: string) => void;
  onClose: () => void;
  statusLabel: (s: string) => string;
  basisLabel: (b: string) => string;
}) {
  const { t } = useTranslation();
  const links = map.table.rows.find((r) => r.id === node.id)?.links ?? [];
  const local = node.entityKey;
  const reviewSearch =
    node.kind === 'DEPARTMENT' && local
      ? toSearch({ org: organisation, department: node.id.slice('department:'.length) })
      : node.kind === 'SOURCE' && local
        ? toSearch({ org: organisation, source: local })
        : null;
  const facts: [string, string][] = [
    [t('map.columns.kind'), t(`map.kinds.${node.kind}`)],
    [t('map.columns.sensitivity'), t(`map.bandShort.${node.sensitivity}`)],
    [t('map.details.fields'), `${nf(language, node.personalFields)} / ${nf(language, node.fields)}`],
    [t('map.columns.special'), nf(language, node.specialFields)],
    [
      t('map.details.findings'),
      t('map.details.findingCounts', {
        pending: node.findings.PENDING,
        confirmed: node.findings.CONFIRMED,
        rejected: node.findings.REJECTED,
      }),
    ],
    [t('map.columns.records'), nf(language, node.records)],
    [t('map.details.perDay'), nf(language, node.recordsPerDay)],
    [t('map.details.lastScan'), node.lastScan ?? '—'],
    [t('map.details.access'), node.accessMethods.join(', ') || '—'],
    [t('map.details.country'), node.country ?? '—'],
    [t('map.details.jurisdiction'), node.jurisdiction ? t(`map.jurisdictions.${node.jurisdiction}`) : '—'],
    [t('map.details.categories'), node.facets?.categories.join(', ') || '—'],
    [t('map.details.legalBases'), node.facets?.legalBases.join(', ') || '—'],
  ];
  return (
    <aside className="map-details" aria-labelledby="map-details-title" data-testid="map-details">
      <h2 id="map-details-title" ref={heading} tabIndex={-1}>
        {node.kind === 'MORE' ? t('map.more', { count: node.hidden }) : node.label[language]}
      </h2>
      <dl>
        {facts.map(([k, v]) => (
          <div key={k}>
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
      <h3>{t('map.details.links')}</h3>
      {links.length === 0 ? (
        <p>{t('common.none')}</p>
      ) : (
        <ul data-testid="map-details-links">
          {links.map((l) => (
            <li key={`${l.direction}-${l.kind}-${l.other}`}>
              {t(`map.edgeKinds.${l.kind}`)} {l.direction === 'OUT' ? '→' : '←'} {l.otherLabel[language]}
              {l.count > 1 ? ` (${l.count})` : ''}
              {l.transfer ? ` — ${transferLabel(l.transfer, statusLabel, basisLabel)}` : ''}
            </li>
          ))}
        </ul>
      )}
      <p className="actions">
        {(node.childCount > 0 || node.kind === 'MORE') && (
          <button type="button" data-testid="map-details-toggle" onClick={() => onToggle(node.id)}>
            {node.kind === 'MORE'
              ? t('map.showMoreShort')
              : node.expanded
                ? t('map.collapseShort')
                : t('map.expandShort')}
          </button>
        )}
        {reviewSearch && (
          <Link page="review" search={reviewSearch} testId="map-details-review">
            {t('map.details.review')}
          </Link>
        )}
        <button type="button" data-testid="map-details-close" onClick={onClose}>
          {t('review.close')}
        </button>
      </p>
    </aside>
  );
}
