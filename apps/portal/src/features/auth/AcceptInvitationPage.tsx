import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { ErrorSummary } from '../../components/ErrorSummary';
import { PageHeading } from '../../components/PageHeading';
import { api, unwrap } from '../../lib/api/client';
import { isApiError } from '../../lib/api/problem';
import { fieldErrorsOf, fieldId, placeErrors } from '../../lib/forms';
import { useTranslation } from '../../lib/i18n/i18n';
import { session } from '../../lib/session/session';
import { NewPasswordFields } from './NewPasswordFields';
import { checkNewPassword } from './password-strength';
import './auth.css';

type Outcome = 'ready' | 'gone' | 'taken' | 'failed' | null;

/** The token from the e-mail's link, read once; it lives in this page's memory only. */
function useInvitationToken(): string | null {
  const [token] = useState(() => new URLSearchParams(window.location.search).get('token'));
  const navigate = useNavigate();
  useEffect(() => {
    // Off the address bar (and so out of the history, bookmarks and later Referer headers).
    if (window.location.search) void navigate(window.location.pathname, { replace: true });
  }, [navigate]);
  return token?.trim() || null;
}

/**
 * /invitations/accept?token=…: the invitee sets a password, the account exists, and the
 * page signs them in with the address the answer names (their own) and that password.
 */
export function AcceptInvitationPage() {
  const { t } = useTranslation('auth');
  const token = useInvitationToken();
  const navigate = useNavigate();
  const [password, setPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [problems, setProblems] = useState<ReturnType<typeof checkNewPassword>>({});
  const [serverError, setServerError] = useState<unknown>(null);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [busy, setBusy] = useState(false);
  const result = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (outcome) result.current?.focus();
  }, [outcome]);

  const title = t('invitation.title');
  if (!token)
    return (
      <>
        <PageHeading title={title}>{title}</PageHeading>
        <div className="alert" role="alert">
          <p>{t('invitation.noToken')}</p>
        </div>
        <p>
          <Link to="/sign-in">{t('invitation.signInInstead')}</Link>
        </p>
      </>
    );

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const found = checkNewPassword(password, confirmation);
    setProblems(found);
    setServerError(null);
    setOutcome(null);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      const accepted = await unwrap(
        api.POST('/api/v1/invitations/accept', { body: { token, password } }),
      );
      // Then signed in with the password just set; should that fail, the account is
      // ready all the same and the page says so.
      try {
        await session.signIn(accepted.email, password);
        void navigate('/inbox', { replace: true });
        return;
      } catch {
        setOutcome('ready');
      }
    } catch (failure) {
      if (isApiError(failure, 410)) setOutcome('gone');
      else if (isApiError(failure, 409)) setOutcome('taken');
      else if (fieldErrorsOf(failure).length > 0) setServerError(failure);
      else setOutcome('failed');
    } finally {
      setPassword('');
      setConfirmation('');
      setBusy(false);
    }
  };

  const server = placeErrors(fieldErrorsOf(serverError), ['password']);
  const message = (key: string | undefined) => (key ? t(`newPassword.problem.${key}`) : undefined);
  const errors = {
    password: message(problems.password) ?? server.byField.password,
    confirmation: message(problems.confirmation),
  };
  const summary = [
    ...(errors.password ? [{ fieldId: fieldId('password'), message: errors.password }] : []),
    ...(errors.confirmation
      ? [{ fieldId: fieldId('passwordConfirmation'), message: errors.confirmation }]
      : []),
  ];

  if (outcome === 'ready' || outcome === 'gone' || outcome === 'taken')
    return (
      <>
        <PageHeading title={title}>{title}</PageHeading>
        <div
          ref={result}
          tabIndex={-1}
          className={`invitation-result ${outcome === 'ready' ? 'notice' : 'alert'}`}
          role={outcome === 'ready' ? 'status' : 'alert'}
        >
          <p>{t(`invitation.${outcome}`)}</p>
          {outcome === 'ready' ? null : <p>{t(`invitation.${outcome}Next`)}</p>}
        </div>
        <p>
          <Link to="/sign-in" className={outcome === 'ready' ? 'button' : undefined}>
            {t('invitation.signIn')}
          </Link>
        </p>
      </>
    );

  return (
    <>
      <PageHeading title={title}>{title}</PageHeading>
      <p className="lede">{t('invitation.lede')}</p>
      {outcome === 'failed' ? (
        <div className="alert" role="alert" ref={result} tabIndex={-1}>
          {t('unreachable')}
        </div>
      ) : null}
      <form onSubmit={(event) => void submit(event)} noValidate className="stack">
        <ErrorSummary items={summary} />
        <NewPasswordFields
          name="password"
          password={password}
          confirmation={confirmation}
          onPassword={setPassword}
          onConfirmation={setConfirmation}
          errors={errors}
        />
        <button type="submit" className="button" aria-disabled={busy || undefined}>
          {busy ? t('invitation.working') : t('invitation.submit')}
        </button>
      </form>
    </>
  );
}
