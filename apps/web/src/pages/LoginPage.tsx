import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { errorMessage } from '../client';
import { LoginMutation } from '../graphql/operations';
import type { Session } from '../state/session';

export function LoginPage({ onLogin }: { onLogin: (session: Session) => void }) {
  const { t } = useTranslation();
  const [{ fetching }, login] = useMutation(LoginMutation);
  const [failure, setFailure] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${t('login.title')} · Cartographer`;
  }, [t]);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setFailure(null);
    const result = await login({ email: String(form.get('email')), password: String(form.get('password')) });
    if (result.error || !result.data) {
      setFailure(errorMessage(result.error ?? { message: 'no answer' }));
      return;
    }
    const { token, expiresAt, user } = result.data.login;
    onLogin({ token, expiresAt, user });
  };

  return (
    <section className="login" aria-labelledby="login-title">
      <h1 id="login-title" ref={heading} tabIndex={-1}>
        {t('login.title')}
      </h1>
      <p>{t('login.intro')}</p>
      <form onSubmit={(event) => void submit(event)} noValidate={false}>
        <p>
          <label htmlFor="login-email">{t('login.email')}</label>
          <input
            id="login-email"
            name="email"
            type="email"
            autoComplete="username"
            required
            data-testid="login-email"
          />
        </p>
        <p>
          <label htmlFor="login-password">{t('login.password')}</label>
          <input
            id="login-password"
            name="password"
            type="password"
            autoComplete="current-password"
            required
            data-testid="login-password"
          />
        </p>
        <p>
          <button type="submit" className="primary" disabled={fetching} data-testid="login-submit">
            {fetching ? t('login.pending') : t('login.submit')}
          </button>
        </p>
        <div role="alert" data-testid="login-error">
          {failure && t('login.failed', { message: failure })}
        </div>
      </form>
    </section>
  );
}
