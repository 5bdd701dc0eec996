import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import type { PageProps } from '../App';
import { IndicatorsQuery } from '../graphql/operations';
import { useAllFindingFlags } from '../hooks/finding-flags';
import { Link } from '../router';
import { toSearch } from '../state/url-state';

export function HomePage({ organisation }: PageProps) {
  const { t } = useTranslation();
  const [{ data, error }] = useQuery({ query: IndicatorsQuery, variables: { organisation: organisation.key } });
  const flags = useAllFindingFlags(organisation.key);
  useEffect(() => {
    document.title = `${t('home.title')} · Cartographer`;
  }, [t]);
  const org = { org: organisation.key };
  const special = flags.findings?.filter((f) => f.specialCategory && f.status !== 'REJECTED').length;
  const cards: {
    id: string;
    label: string;
    value: number | undefined;
    page: 'review' | 'inventory';
    search: string;
  }[] = [
    { id: 'pending', label: t('home.pending'), value: data?.open.totalCount, page: 'review', search: toSearch(org) },
    {
      id: 'special',
      label: t('home.special'),
      value: special,
      page: 'review',
      search: toSearch({ ...org, status: 'CONFIRMED' }),
    },
    {
      id: 'confirmed',
      label: t('home.confirmed'),
      value: data?.confirmed.totalCount,
      page: 'review',
      search: toSearch({ ...org, status: 'CONFIRMED' }),
    },
    {
      id: 'departments',
      label: t('home.departments'),
      value: data?.departments.totalCount,
      page: 'inventory',
      search: toSearch(org),
    },
    {
      id: 'sources',
      label: t('home.sources'),
      value: data?.dataSources.totalCount,
      page: 'inventory',
      search: toSearch(org),
    },
    {
      id: 'datasets',
      label: t('home.datasets'),
      value: data?.datasets.totalCount,
      page: 'inventory',
      search: toSearch(org),
    },
    { id: 'fields', label: t('home.fields'), value: data?.fields.totalCount, page: 'inventory', search: toSearch(org) },
  ];
  return (
    <section aria-labelledby="home-title">
      <h1 id="home-title">{t('home.title')}</h1>
      <p>{t('home.intro', { name: organisation.name })}</p>
      {(error || flags.error) && <p role="alert">{t('common.error', { message: (error ?? flags.error)!.message })}</p>}
      <h2>{t('home.indicators')}</h2>
      <ul className="indicators">
        {cards.map((card) => (
          <li key={card.id}>
            <Link page={card.page} search={card.search} testId={`indicator-${card.id}`} className="indicator">
              <span className="value" data-testid={`indicator-${card.id}-value`}>
                {card.value ?? '…'}
              </span>
              <span className="label">{card.label}</span>
            </Link>
          </li>
        ))}
      </ul>
      <p className="note">
        {t('home.activities')} : {data?.processingActivities.totalCount ?? '…'}
      </p>
    </section>
  );
}
