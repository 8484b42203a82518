/**
 * The visa fraud trend the benchmarks write through POST /reports and the sqlmap run seeds:
 * GREEN by default, with a full body, so a write measures the validation and the JSON the
 * portal really handles. An AMBER one carries an empty team list (the authoring team only).
 */
export function reportPayload(
  teamId,
  { title = 'Forged passports on exit flights', tlp = 'GREEN' } = {},
) {
  return {
    type: 'visa_fraud_trend',
    teamId,
    title,
    summary: 'Biodata pages substituted; detected at departure control.',
    tlp,
    ...(tlp === 'AMBER' ? { distribution: { teamIds: [] } } : {}),
    urgent: false,
    body: {
      documentType: 'passport',
      issuingCountry: 'IND',
      fraudType: 'forgery',
      personsDetected: 14,
      documentsDetected: 17,
      direction: 'exit',
      periodStart: '2026-08-01',
      periodEnd: '2026-08-31',
      holderNationalities: ['LKA', 'XXA'],
      detectionPoints: [{ type: 'airport', code: 'BKK', country: 'THA' }],
      route: { origin: 'LKA', transit: ['THA', 'MYS'], destination: 'AUS' },
      compromisedFeatures: ['biodata page substitution'],
      trend: 'increasing',
      indicators: ['laminate edges lift near the photo'],
    },
  };
}
