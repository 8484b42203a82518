import { useTranslation } from '../lib/i18n/i18n';

export type Tlp = 'CLEAR' | 'GREEN' | 'AMBER' | 'AMBER+STRICT' | 'RED';

/** The label as text, in FIRST's colours (black background); the colour is never the only cue. */
export function TlpChip({ tlp }: { tlp: Tlp }) {
  return (
    <span className="tlp-chip" data-tlp={tlp}>
      TLP:{tlp}
    </span>
  );
}

interface BannerProps {
  tlp: Tlp;
  /** Team names for AMBER, people for RED; ignored for CLEAR and GREEN. */
  recipients?: string[];
  position: 'top' | 'bottom';
}

/** Handling, top and bottom of every report view: the label, what it means, who it is for. */
export function TlpBanner({ tlp, recipients = [], position }: BannerProps) {
  const { t } = useTranslation();
  const audience =
    tlp === 'CLEAR' || tlp === 'GREEN'
      ? t('tlp.recipientsNetwork')
      : t(tlp === 'RED' ? 'tlp.recipientsPeople' : 'tlp.recipientsTeams', {
          names: recipients.join(', '),
        });
  return (
    <section
      className="tlp-banner"
      data-tlp={tlp}
      data-position={position}
      aria-label={t(position === 'top' ? 'tlp.bannerTop' : 'tlp.bannerBottom')}
    >
      <strong className="tlp-chip" data-tlp={tlp}>
        TLP:{tlp}
      </strong>
      <span className="tlp-meaning">{t(`tlp.${tlp}`)}</span>
      <span className="tlp-audience">{audience}</span>
    </section>
  );
}
