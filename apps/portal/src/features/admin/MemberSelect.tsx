import { Field } from '../../components/Field';
import { useTranslation } from '../../lib/i18n/i18n';
import { useMembers } from './queries';

interface Props {
  name: string;
  value: string;
  error?: string;
  onChange: (code: string) => void;
}

/** The state or organisation a person works for, from GET /members. */
export function MemberSelect({ name, value, error, onChange }: Props) {
  const { t } = useTranslation('admin');
  const members = useMembers();
  return (
    <Field name={name} label={t('users.member')} hint={t('users.memberHint')} error={error}>
      {(control) => (
        <select {...control} value={value} onChange={(event) => onChange(event.target.value)}>
          <option value="">{members.isPending ? t('common:loading') : t('choose')}</option>
          {(members.data ?? []).map((member) => (
            <option key={member.code} value={member.code}>
              {member.name} ({member.code})
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
