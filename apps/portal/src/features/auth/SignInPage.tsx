import { useState, type FormEvent } from 'react';
import { Navigate, useLocation } from 'react-router';
import { PageHeading } from '../../components/PageHeading';
import { ApiError } from '../../lib/api/problem';
import { useTranslation } from '../../lib/i18n/i18n';
import { useSession } from '../../lib/session/hooks';
import { session } from '../../lib/session/session';

/** Where to go after signing in: only a path of this portal, never another origin. */
function safeNext(search: string): string {
  const next = new URLSearchParams(search).get('next');
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/inbox';
}

/**
 * Sign in: one message for every failure (the API does not tell an unknown e-mail from a
 * wrong password), the wait explained after too many attempts. Paste is allowed.
 */
export function SignInPage() {
  const { t } = useTranslation('auth');
  const { status } = useSession();
  const location = useLocation();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  if (status === 'signed-in') return <Navigate to={safeNext(location.search)} replace />;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await session.signIn(email.trim(), password);
    } catch (failure) {
      setPassword('');
      if (failure instanceof ApiError && failure.status === 429)
        setError(
          t('throttled', {
            seconds: failure.retryAfterSeconds ?? 900,
            minutes: Math.ceil((failure.retryAfterSeconds ?? 900) / 60),
          }),
        );
      else if (failure instanceof ApiError && failure.status < 500) setError(t('failed'));
      else setError(t('unreachable'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="sign-in">
      <PageHeading title={t('title')}>{t('title')}</PageHeading>
      <p className="lede">{t('lede')}</p>
      {error ? (
        <div className="alert" role="alert">
          {error}
        </div>
      ) : null}
      <form onSubmit={(event) => void submit(event)} noValidate className="stack">
        <div className="field">
          <label className="field-label" htmlFor="sign-in-email">
            {t('email')}
          </label>
          <input
            id="sign-in-email"
            name="email"
            type="email"
            autoComplete="username"
            spellCheck={false}
            required
            maxLength={254}
            value={email}
            onChange={(event) => setEmail(event.target.value)}
          />
        </div>
        <div className="field">
          <label className="field-label" htmlFor="sign-in-password">
            {t('password')}
          </label>
          <input
            id="sign-in-password"
            name="password"
            type="password"
            autoComplete="current-password"
            required
            maxLength={256}
            value={password}
            onChange={(event) => setPassword(event.target.value)}
          />
        </div>
        <button type="submit" className="button" disabled={busy} aria-disabled={busy}>
          {t('submit')}
        </button>
      </form>
    </div>
  );
}
