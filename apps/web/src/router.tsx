import { createContext, type ReactNode, useCallback, useContext, useMemo, useSyncExternalStore } from 'react';
import { type Page, pageOf, pathOf } from './state/url-state';

/** A small history router: the location is the only store of view state. */
interface Location {
  pathname: string;
  search: string;
}

const subscribers = new Set<() => void>();
const notify = () => subscribers.forEach((callback) => callback());
window.addEventListener('popstate', notify);

function subscribe(callback: () => void): () => void {
  subscribers.add(callback);
  return () => subscribers.delete(callback);
}

let cached: Location = { pathname: window.location.pathname, search: window.location.search };
function snapshot(): Location {
  const { pathname, search } = window.location;
  if (cached.pathname !== pathname || cached.search !== search) cached = { pathname, search };
  return cached;
}

export function navigate(href: string, options: { replace?: boolean } = {}): void {
  if (options.replace) window.history.replaceState(null, '', href);
  else window.history.pushState(null, '', href);
  notify();
}

interface RouterValue {
  page: Page | undefined;
  params: URLSearchParams;
  go: (page: Page, search?: string, options?: { replace?: boolean }) => void;
}

const RouterContext = createContext<RouterValue | null>(null);

export function RouterProvider({ children }: { children: ReactNode }) {
  const location = useSyncExternalStore(subscribe, snapshot);
  const go = useCallback(
    (page: Page, search = '', options: { replace?: boolean } = {}) => navigate(`${pathOf(page)}${search}`, options),
    [],
  );
  const value = useMemo(
    () => ({ page: pageOf(location.pathname), params: new URLSearchParams(location.search), go }),
    [location, go],
  );
  return <RouterContext.Provider value={value}>{children}</RouterContext.Provider>;
}

export function useRouter(): RouterValue {
  const value = useContext(RouterContext);
  if (!value) throw new Error('useRouter outside RouterProvider');
  return value;
}

/** A real link (middle-click, copy address) that navigates in place. */
export function Link({
  page,
  search = '',
  children,
  testId,
  className,
}: {
  page: Page;
  search?: string;
  children: ReactNode;
  testId?: string;
  className?: string;
}) {
  const href = `${pathOf(page)}${search}`;
  return (
    <a
      href={href}
      data-testid={testId}
      className={className}
      onClick={(event) => {
        if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
        event.preventDefault();
        navigate(href);
      }}
    >
      {children}
    </a>
  );
}
