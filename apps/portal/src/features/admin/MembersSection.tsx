import { useState, type FormEvent } from 'react';
import { Field, Fieldset } from '../../components/Field';
import { useTranslation } from '../../lib/i18n/i18n';
import { useFormErrors } from './form';
import { useCreateMember, useMembers, type Member } from './queries';

/** Members of the network: states and organisations, each by its code. */
export function MembersSection() {
  const { t } = useTranslation('admin');
  const members = useMembers();
  return (
    <>
      <section aria-labelledby="members-heading">
        <h2 id="members-heading">{t('tab.members')}</h2>
        {members.isPending ? (
          <p className="loading" role="status">
            {t('common:loading')}
          </p>
        ) : members.isError ? (
          <div className="alert" role="alert">
            <p>{t('loadFailed')}</p>
            <button
              type="button"
              className="button button-secondary"
              onClick={() => void members.refetch()}
            >
              {t('common:retry')}
            </button>
          </div>
        ) : (
          <div className="table-wrap">
            <table>
              <caption className="visually-hidden">{t('members.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('members.code')}</th>
                  <th scope="col">{t('members.name')}</th>
                  <th scope="col">{t('members.kind')}</th>
                </tr>
              </thead>
              <tbody>
                {members.data.map((member) => (
                  <tr key={member.code}>
                    <th scope="row">
                      <bdi>{member.code}</bdi>
                    </th>
                    <td dir="auto">{member.name}</td>
                    <td>{t(`members.kinds.${member.kind}`)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <MemberForm />
    </>
  );
}

const FIELDS = ['code', 'name', 'kind'] as const;

function MemberForm() {
  const form = useFormErrors('member', FIELDS);
  const { t, errors, nameOf } = form;
  const create = useCreateMember();
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [kind, setKind] = useState<Member['kind']>('state');
  const [created, setCreated] = useState<Member | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (create.isPending) return;
    const upper = code.trim().toUpperCase();
    const ok = form.check({
      ...(!/^[A-Z][A-Z0-9]{1,15}$/.test(upper) ? { code: t('check.memberCode') } : {}),
      ...(!name.trim() ? { name: t('check.memberNameRequired') } : {}),
    });
    if (!ok) return;
    create.mutate(
      { code: upper, name: name.trim(), kind },
      {
        onSuccess: (member) => {
          setCreated(member);
          setCode('');
          setName('');
          setKind('state');
        },
        onError: (error) =>
          form.refuse(error, (e) =>
            e.status === 409 ? { field: 'code', key: 'members.taken' } : undefined,
          ),
      },
    );
  };

  return (
    <section aria-labelledby="create-member-heading">
      <h2 id="create-member-heading">{t('members.create')}</h2>
      <div role="status" className={created ? 'notice' : undefined}>
        {created ? t('members.created', { name: created.name, code: created.code }) : null}
      </div>
      <form onSubmit={submit} noValidate className="admin-form">
        {form.top}
        <Field
          name={nameOf('code')}
          label={t('members.code')}
          hint={t('members.codeHint')}
          error={errors.code}
        >
          {(control) => (
            <input
              {...control}
              type="text"
              className="input-code"
              autoComplete="off"
              autoCapitalize="characters"
              spellCheck={false}
              maxLength={16}
              value={code}
              onChange={(event) => setCode(event.target.value)}
            />
          )}
        </Field>
        <Field
          name={nameOf('name')}
          label={t('members.name')}
          hint={t('members.nameHint')}
          error={errors.name}
        >
          {(control) => (
            <input
              {...control}
              type="text"
              dir="auto"
              maxLength={120}
              value={name}
              onChange={(event) => setName(event.target.value)}
            />
          )}
        </Field>
        <Fieldset name={nameOf('kind')} legend={t('members.kind')} error={errors.kind}>
          {(['state', 'organisation'] as const).map((value) => (
            <label key={value} className="choice">
              <input
                type="radio"
                name="member-kind"
                checked={kind === value}
                onChange={() => setKind(value)}
              />
              {t(`members.kinds.${value}`)}
            </label>
          ))}
        </Fieldset>
        <button type="submit" className="button" aria-disabled={create.isPending || undefined}>
          {create.isPending ? t('saving') : t('members.submit')}
        </button>
      </form>
    </section>
  );
}
