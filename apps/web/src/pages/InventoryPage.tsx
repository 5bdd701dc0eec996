import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import type { PageProps } from '../App';
import { errorMessage } from '../client';
import { type Column, DataTable, Pager } from '../components/Table';
import type { DataSourcesQuery as SourcesResult } from '../gql/graphql';
import {
  DataSourcesQuery,
  DatasetsQuery,
  DepartmentsQuery,
  EntityNamesQuery,
  FieldsQuery,
} from '../graphql/operations';
import { Link, useRouter } from '../router';
import { capabilitiesOf } from '../state/roles';
import { countLabel, localPart } from '../state/review';
import {
  type InventoryLevel,
  type InventoryState,
  inventoryLevel,
  openChild,
  parseInventory,
  toSearch,
  upTo,
} from '../state/url-state';

type SourceRow = SourcesResult['dataSources']['items'][number];

const numberFormat = (language: string, value: number | null | undefined) =>
  value === null || value === undefined ? '—' : new Intl.NumberFormat(language).format(value);

export function InventoryPage({ session, organisation }: PageProps) {
  const { t, i18n } = useTranslation();
  const { params, go } = useRouter();
  const state = parseInventory(params);
  const level = inventoryLevel(state);
  const capabilities = capabilitiesOf(session.user.role);
  const heading = useRef<HTMLHeadingElement>(null);
  const previousLevel = useRef<string | null>(null);

  const [names] = useQuery({
    query: EntityNamesQuery,
    variables: {
      department: state.department ?? '',
      source: state.source ?? '',
      dataset: state.dataset ?? '',
      withSource: Boolean(state.source),
      withDataset: Boolean(state.dataset),
    },
    pause: !state.department,
  });
  const nameOf = {
    departments: organisation.name,
    sources: names.data?.department?.name ?? localPart(state.department),
    datasets: names.data?.dataSource?.name ?? localPart(state.source),
    fields: names.data?.dataset?.name ?? localPart(state.dataset),
  } satisfies Record<InventoryLevel, string>;

  useEffect(() => {
    document.title = `${t('inventory.title')} · ${nameOf[level]} · Cartographer`;
    // After a drill-down or a step back, focus goes to the new level's heading (keyboard users).
    const where = `${level}:${state.department}:${state.source}:${state.dataset}`;
    if (previousLevel.current !== null && previousLevel.current !== where) heading.current?.focus();
    previousLevel.current = where;
  });

  const open = (next: InventoryState) => go('inventory', toSearch(next));
  const crumbs: { level: InventoryLevel; label: string }[] = [{ level: 'departments', label: organisation.name }];
  if (state.department) crumbs.push({ level: 'sources', label: nameOf.sources });
  if (state.source) crumbs.push({ level: 'datasets', label: nameOf.datasets });
  if (state.dataset) crumbs.push({ level: 'fields', label: nameOf.fields });

  return (
    <section aria-labelledby="inventory-title">
      <h1 id="inventory-title">{t('inventory.title')}</h1>
      <nav aria-label={t('inventory.breadcrumb')} className="breadcrumb">
        <ol>
          {crumbs.map((crumb, index) => (
            <li key={crumb.level}>
              {index === crumbs.length - 1 ? (
                <span aria-current="page">{crumb.label}</span>
              ) : (
                <Link page="inventory" search={toSearch(upTo(state, crumb.level))} testId={`crumb-${crumb.level}`}>
                  {crumb.label}
                </Link>
              )}
            </li>
          ))}
        </ol>
      </nav>
      <h2 ref={heading} tabIndex={-1} data-testid="inventory-heading">
        {t(`inventory.${level}`, { name: nameOf[level] })}
      </h2>
      {level === 'departments' && <Departments organisation={organisation.key} state={state} open={open} />}
      {level === 'sources' && (
        <Sources state={state} open={open} withConnection={capabilities.connectionDetails} language={i18n.language} />
      )}
      {level === 'datasets' && <Datasets state={state} open={open} language={i18n.language} />}
      {level === 'fields' && <Fields state={state} open={open} organisation={organisation.key} />}
    </section>
  );
}

interface LevelProps {
  state: InventoryState;
  open: (next: InventoryState) => void;
}

function useLabels() {
  const { t } = useTranslation();
  return { t, pager: { next: t('common.next'), first: t('common.first') } };
}

function Status({ fetching, error }: { fetching: boolean; error?: Parameters<typeof errorMessage>[0] }) {
  const { t } = useTranslation();
  if (error) return <p role="alert">{t('common.error', { message: errorMessage(error) })}</p>;
  return (
    <p role="status" className="status">
      {fetching ? t('common.loading') : ''}
    </p>
  );
}

interface ItemPage<Row> {
  items: Row[];
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
}

/** One level of the inventory: its loading state, its rows as an accessible table, and paging. */
function LevelTable<Row extends { key: string }>({
  fetching,
  error,
  page,
  columns,
  state,
  open,
}: LevelProps & {
  fetching: boolean;
  error?: Parameters<typeof errorMessage>[0];
  page: ItemPage<Row> | undefined;
  columns: Column<Row>[];
}) {
  const { t, pager } = useLabels();
  return (
    <>
      <Status fetching={fetching} error={error} />
      {page && (
        <>
          <DataTable
            testId="inventory-table"
            caption={t('inventory.count', { shown: page.items.length, total: page.totalCount })}
            columns={columns}
            rows={page.items}
            rowKey={(row) => row.key}
            empty={t('common.none')}
          />
          <Pager
            hasNextPage={page.pageInfo.hasNextPage}
            isFirst={!state.after}
            onNext={() => open({ ...state, after: page.pageInfo.endCursor ?? undefined })}
            onFirst={() => open({ ...state, after: undefined })}
            labels={pager}
          />
        </>
      )}
    </>
  );
}

function OpenLink({ state, itemKey, name }: { state: InventoryState; itemKey: string; name: string }) {
  return (
    <Link page="inventory" search={toSearch(openChild(state, itemKey))} testId={`open-${itemKey}`}>
      {name}
    </Link>
  );
}

function Departments({ organisation, state, open }: LevelProps & { organisation: string }) {
  const { t } = useLabels();
  const [{ data, fetching, error }] = useQuery({
    query: DepartmentsQuery,
    variables: { organisation, after: state.after ?? null },
  });
  const page = data?.departments;
  type Row = NonNullable<typeof page>['items'][number];
  const columns: Column<Row>[] = [
    {
      id: 'name',
      header: t('inventory.name'),
      rowHeader: true,
      cell: (d) => <OpenLink state={state} itemKey={d.key} name={d.name} />,
    },
    { id: 'key', header: t('inventory.key'), cell: (d) => <code>{d.localKey}</code> },
    { id: 'sources', header: t('inventory.sourceCount'), numeric: true, cell: (d) => countLabel(d.sources.length, 50) },
    { id: 'description', header: t('inventory.description'), cell: (d) => d.description ?? '' },
  ];
  return (
    <>
      <LevelTable fetching={fetching} error={error} page={page} columns={columns} state={state} open={open} />
    </>
  );
}

function Sources({
  state,
  open,
  withConnection,
  language,
}: LevelProps & { withConnection: boolean; language: string }) {
  const { t } = useLabels();
  const [{ data, fetching, error }] = useQuery({
    query: DataSourcesQuery,
    variables: { department: state.department!, after: state.after ?? null, withConnection },
  });
  const page = data?.dataSources;
  const columns: Column<SourceRow>[] = [
    {
      id: 'name',
      header: t('inventory.name'),
      rowHeader: true,
      cell: (s) => <OpenLink state={state} itemKey={s.key} name={s.name} />,
    },
    { id: 'kind', header: t('inventory.kind'), cell: (s) => <code>{s.kind}</code> },
    { id: 'access', header: t('inventory.access'), cell: (s) => s.accessMethods.join(', ') },
    {
      id: 'servers',
      header: t('inventory.servers'),
      cell: (s) =>
        s.servers
          .map((server) => `${server.name} (${server.country}${server.jurisdiction ? `, ${server.jurisdiction}` : ''})`)
          .join(' ; '),
    },
    {
      id: 'records',
      header: t('inventory.records'),
      numeric: true,
      cell: (s) => numberFormat(language, s.volume.records),
    },
    {
      id: 'velocity',
      header: t('inventory.perDay'),
      numeric: true,
      cell: (s) => numberFormat(language, s.velocity.recordsPerDay),
    },
    {
      id: 'datasets',
      header: t('inventory.datasetCount'),
      numeric: true,
      cell: (s) => countLabel(s.datasets.length, 50),
    },
  ];
  // Connection references are not even requested for roles that may not see them.
  if (withConnection)
    columns.push({
      id: 'connection',
      header: t('inventory.connection'),
      cell: (s) => (s.connectionRef ? <code data-testid="connection-ref">{s.connectionRef}</code> : ''),
    });
  return (
    <>
      <LevelTable fetching={fetching} error={error} page={page} columns={columns} state={state} open={open} />
    </>
  );
}

function Datasets({ state, open, language }: LevelProps & { language: string }) {
  const { t } = useLabels();
  const [{ data, fetching, error }] = useQuery({
    query: DatasetsQuery,
    variables: { source: state.source!, after: state.after ?? null },
  });
  const page = data?.datasets;
  type Row = NonNullable<typeof page>['items'][number];
  const columns: Column<Row>[] = [
    {
      id: 'name',
      header: t('inventory.name'),
      rowHeader: true,
      cell: (d) => <OpenLink state={state} itemKey={d.key} name={d.name} />,
    },
    { id: 'kind', header: t('inventory.kind'), cell: (d) => <code>{d.kind}</code> },
    {
      id: 'records',
      header: t('inventory.records'),
      numeric: true,
      cell: (d) => numberFormat(language, d.volume.records),
    },
    { id: 'fields', header: t('inventory.fieldCount'), numeric: true, cell: (d) => countLabel(d.fields.length, 50) },
    { id: 'description', header: t('inventory.description'), cell: (d) => d.description ?? '' },
  ];
  return (
    <>
      <LevelTable fetching={fetching} error={error} page={page} columns={columns} state={state} open={open} />
    </>
  );
}

function Fields({ state, open, organisation }: LevelProps & { organisation: string }) {
  const { t } = useLabels();
  const [{ data, fetching, error }] = useQuery({
    query: FieldsQuery,
    variables: { dataset: state.dataset!, after: state.after ?? null },
  });
  const page = data?.fields;
  type Row = NonNullable<typeof page>['items'][number];
  const columns: Column<Row>[] = [
    { id: 'name', header: t('inventory.name'), rowHeader: true, cell: (f) => <code>{f.name}</code> },
    { id: 'type', header: t('inventory.dataType'), cell: (f) => f.dataType ?? '' },
    {
      id: 'nullable',
      header: t('inventory.nullable'),
      cell: (f) =>
        f.nullable === null || f.nullable === undefined ? '—' : f.nullable ? t('common.yes') : t('common.no'),
    },
    { id: 'description', header: t('inventory.description'), cell: (f) => f.description ?? '' },
  ];
  return (
    <>
      <p>
        <Link
          page="review"
          search={toSearch({ org: organisation, department: localPart(state.department), source: state.source })}
          testId="inventory-review-link"
        >
          {t('inventory.reviewLink')}
        </Link>
      </p>
      <LevelTable fetching={fetching} error={error} page={page} columns={columns} state={state} open={open} />
    </>
  );
}
