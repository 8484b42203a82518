import { useState, type FormEvent } from 'react';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Field, Fieldset } from '../../components/Field';
import { fieldId } from '../../lib/forms';
import { useTranslation } from '../../lib/i18n/i18n';
import { useInvite, useMemberList, type Invitation } from './queries';
import { formRefusal, type FieldErrors } from './refusal';

const FIELDS = ['email', 'displayName', 'memberCode', 'role'] as const;
type FieldName = (typeof FIELDS)[number];
const nameOf = (field: FieldName) => `invite.${field}`;

interface Props {
  teamId: string;
  onSent: (invitation: Invitation) => void;
}

/**
 * POST /invitations for someone without an account, as officer or observer. Simple
 * checks first (they save a round trip); the server's 400 lands on the fields, its 409
 * (the address has an account) on the e-mail with what to do instead.
 */
export function InviteForm({ teamId, onSent }: Props) {
  const { t } = useTranslation('team');
  const invite = useInvite();
  const members = useMemberList();
  const [values, setValues] = useState({ email: '', displayName: '', memberCode: '' });
  const [role, setRole] = useState<'officer' | 'observer'>('officer');
  const [errors, setErrors] = useState<FieldErrors<FieldName>>({});
  const [alert, setAlert] = useState<string | null>(null);
  const set = (field: keyof typeof values) => (value: string) =>
    setValues((current) => ({ ...current, [field]: value }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (invite.isPending) return;
    setAlert(null);
    const found: FieldErrors<FieldName> = {};
    const email = values.email.trim();
    if (!email) found.email = t('invite.emailRequired');
    else if (!/^[^\s@]+@[^\s@]+$/.test(email)) found.email = t('invite.emailInvalid');
    if (!values.displayName.trim()) found.displayName = t('invite.nameRequired');
    if (!values.memberCode) found.memberCode = t('invite.memberRequired');
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    invite.mutate(
      {
        email,
        displayName: values.displayName.trim(),
        memberCode: values.memberCode,
        teamId,
        role,
      },
      {
        onSuccess: (invitation) => {
          setValues({ email: '', displayName: '', memberCode: '' });
          setRole('officer');
          onSent(invitation);
        },
        onError: (error) => {
          const refusal = formRefusal(error, FIELDS, t, (e) => {
            if (e.status === 409) return { field: 'email', key: 'invite.taken' };
            if (e.status === 403) return { key: 'invite.forbidden' };
            if (e.fieldErrors.some((f) => f.field === 'teamId'))
              return { key: 'invite.teamInactive' };
            return undefined;
          });
          setErrors(refusal.byField);
          setAlert(refusal.alert);
        },
      },
    );
  };

  const summary = FIELDS.flatMap((field) =>
    errors[field] ? [{ fieldId: fieldId(nameOf(field)), message: errors[field] }] : [],
  );
  const text = (field: 'email' | 'displayName', type: string, autoComplete: string) => (
    <Field
      name={nameOf(field)}
      label={t(`invite.${field}`)}
      hint={t(`invite.${field}Hint`)}
      error={errors[field]}
    >
      {(control) => (
        <input
          {...control}
          type={type}
          autoComplete={autoComplete}
          dir={field === 'displayName' ? 'auto' : undefined}
          maxLength={field === 'email' ? 254 : 120}
          value={values[field]}
          onChange={(event) => set(field)(event.target.value)}
        />
      )}
    </Field>
  );

  return (
    <form onSubmit={submit} noValidate className="team-form">
      <ErrorSummary items={summary} />
      {alert ? (
        <p className="alert" role="alert">
          {alert}
        </p>
      ) : null}
      {text('email', 'email', 'off')}
      {text('displayName', 'text', 'off')}
      <Field
        name={nameOf('memberCode')}
        label={t('invite.memberCode')}
        hint={t('invite.memberCodeHint')}
        error={errors.memberCode}
      >
        {(control) => (
          <select
            {...control}
            value={values.memberCode}
            onChange={(event) => set('memberCode')(event.target.value)}
          >
            <option value="">{members.isPending ? t('common:loading') : t('invite.choose')}</option>
            {(members.data ?? []).map((member) => (
              <option key={member.code} value={member.code}>
                {member.name} ({member.code})
              </option>
            ))}
          </select>
        )}
      </Field>
      <Fieldset
        name={nameOf('role')}
        legend={t('invite.role')}
        hint={t('add.roleHint')}
        error={errors.role}
      >
        {(['officer', 'observer'] as const).map((value) => (
          <label key={value} className="choice">
            <input
              type="radio"
              name="invite-role"
              value={value}
              checked={role === value}
              onChange={() => setRole(value)}
            />
            {t(`role.${value}`)}
          </label>
        ))}
      </Fieldset>
      <button type="submit" className="button" aria-disabled={invite.isPending || undefined}>
        {invite.isPending ? t('invite.sending') : t('invite.submit')}
      </button>
    </form>
  );
}
