import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Provider, useQuery } from 'urql';
import { createClient } from './client';
import { OrganisationsQuery } from './graphql/operations';
import { changeLanguage } from './i18n';
import { LANGUAGES, type Language } from './i18n/language';
import { HomePage } from './pages/HomePage';
import { InventoryPage } from './pages/InventoryPage';
import { LoginPage } from './pages/LoginPage';
import { MapPage } from './pages/MapPage';
import { ReviewPage } from './pages/ReviewPage';
import { ScansPage } from './pages/ScansPage';
import { Link, useRouter } from './router';
import { clearSession, loadSession, type Session, saveSession } from './state/session';
import type { Page } from './state/url-state';

export interface PageProps {
  session: Session;
  organisation: { key: string; name: string };
}

export function App() {
  const { page, go } = useRouter();
  const [session, setSession] = useState<Session | null>(() => loadSession(window.sessionStorage));
  const logout = useCallback(() => {
    clearSession(window.sessionStorage);
    setSession(null);
    go('login', '', { replace: true });
  }, [go]);
  const client = useMemo(() => createClient(session?.token ?? null, logout), [session, logout]);

  useEffect(() => {
    if (!session && page !== 'login') go('login', '', { replace: true });
    if (session && page === 'login') go('home', '', { replace: true });
  }, [session, page, go]);

  const login = (next: Session) => {
    saveSession(window.sessionStorage, next);
    setSession(next);
    go('home', '', { replace: true });
  };

  return (
    <Provider value={client}>
      <a className="skip" href="#main">
        <SkipText />
      </a>
      <Header session={session} onLogout={logout} />
      <main id="main" tabIndex={-1}>
        {session ? <Authenticated session={session} /> : <LoginPage onLogin={login} />}
      </main>
    </Provider>
  );
}

function SkipText() {
  const { t } = useTranslation();
  return <>{t('app.skip')}</>;
}

function Header({ session, onLogout }: { session: Session | null; onLogout: () => void }) {
  const { t, i18n } = useTranslation();
  const { page, params } = useRouter();
  const org = params.get('org');
  const search = org ? `?org=${encodeURIComponent(org)}` : '';
  const current = (target: Page) => (page === target ? 'page' : undefined);
  return (
    <header className="banner">
      <div className="brand">
        <span aria-hidden="true" className="logo" />
        {t('app.name')}
      </div>
      {session && (
        <nav aria-label={t('nav.label')}>
          <ul>
            {(['home', 'map', 'inventory', 'review', 'scans'] as const).map((target) => (
              <li key={target}>
                <span aria-current={current(target)}>
                  <Link page={target} search={search} testId={`nav-${target}`}>
                    {t(`nav.${target}`)}
                  </Link>
                </span>
              </li>
            ))}
          </ul>
        </nav>
      )}
      <div className="tools">
        <label>
          {t('app.language')}{' '}
          <select
            data-testid="language-select"
            value={i18n.language}
            onChange={(event) => void changeLanguage(event.target.value as Language)}
          >
            {LANGUAGES.map((language) => (
              <option key={language} value={language} lang={language}>
                {language === 'fr' ? 'Français' : 'English'}
              </option>
            ))}
          </select>
        </label>
        {session && (
          <>
            <span data-testid="signed-in-as">
              {t('app.signedInAs', { name: session.user.displayName, role: t(`roles.${session.user.role}`) })}
            </span>
            <button type="button" data-testid="logout" onClick={onLogout}>
              {t('nav.logout')}
            </button>
          </>
        )}
      </div>
    </header>
  );
}

/** Chooses the organisation (from the URL, else the first the account may read), then the page. */
function Authenticated({ session }: { session: Session }) {
  const { t } = useTranslation();
  const { page, params, go } = useRouter();
  const [{ data, error, fetching }] = useQuery({ query: OrganisationsQuery, variables: {} });
  const organisations = useMemo(() => data?.organisations.items ?? [], [data]);
  const wanted = params.get('org');
  const organisation = organisations.find((o) => o.key === wanted) ?? organisations[0];

  useEffect(() => {
    if (organisation && wanted !== organisation.key && page) {
      const next = new URLSearchParams(params);
      next.set('org', organisation.key);
      go(page, `?${next.toString()}`, { replace: true });
    }
  }, [organisation, wanted, page, params, go]);

  if (error) return <p role="alert">{t('common.error', { message: error.message })}</p>;
  if (fetching && !data) return <p role="status">{t('common.loading')}</p>;
  if (!organisation) return <p>{t('home.noOrganisation')}</p>;
  const props: PageProps = { session, organisation };
  return (
    <>
      {organisations.length > 1 && (
        <p className="org-picker">
          <label>
            {t('common.organisation')}{' '}
            <select
              data-testid="org-select"
              value={organisation.key}
              onChange={(event) => go(page ?? 'home', `?org=${encodeURIComponent(event.target.value)}`)}
            >
              {organisations.map((o) => (
                <option key={o.key} value={o.key}>
                  {o.name}
                </option>
              ))}
            </select>
          </label>
        </p>
      )}
      {page === 'map' ? (
        <MapPage {...props} />
      ) : page === 'inventory' ? (
        <InventoryPage {...props} />
      ) : page === 'scans' ? (
        <ScansPage {...props} />
      ) : page === 'review' ? (
        <ReviewPage {...props} />
      ) : (
        <HomePage {...props} />
      )}
    </>
  );
}
