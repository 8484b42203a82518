import { useFormContext, useWatch } from 'react-hook-form';
import { TlpChip } from '../../components/Tlp';
import { useFormsT } from './use-forms-t';
import { RadioGroup } from './choices';
import { TLPS, type Tlp } from './codes';
import { RecipientPeople } from './RecipientPeople';
import { RecipientTeams } from './RecipientTeams';

/**
 * FIRST TLP 2.0 and who the report goes to: AMBER picks teams (the authoring team always
 * included), RED picks named people, CLEAR and GREEN go network-wide with no list.
 */
export function HandlingFields({ team }: { team: { id: string; name: string } }) {
  const { t, common } = useFormsT();
  const { control } = useFormContext();
  const tlp = useWatch({ control, name: 'tlp' }) as Tlp | '';
  return (
    <>
      <RadioGroup
        name="tlp"
        legend={t('handling.tlp')}
        hint={t('handling.tlpHint')}
        options={TLPS.map((v) => ({
          value: v,
          label: `TLP:${v}`,
          display: <TlpChip tlp={v} />,
          hint: common(`tlp.${v}`),
        }))}
      />
      {tlp === 'AMBER' || tlp === 'AMBER+STRICT' ? <RecipientTeams team={team} /> : null}
      {tlp === 'RED' ? <RecipientPeople /> : null}
      {tlp === 'CLEAR' || tlp === 'GREEN' ? (
        <p className="notice">{t('handling.network')}</p>
      ) : null}
    </>
  );
}
