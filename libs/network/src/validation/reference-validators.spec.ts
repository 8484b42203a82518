import { isCountryAlpha3, isIanaTimeZone } from './reference-validators';

describe('reference validators', () => {
  it.each(['THA', 'LKA', 'AUS', 'MMR', 'NZL'])('%s is a country', (code) => {
    expect(isCountryAlpha3(code)).toBe(true);
  });

  it.each(['tha', 'TH', 'THAI', 'XYZ', 'XXA', '764', '', null, 764])('%p is not', (code) => {
    expect(isCountryAlpha3(code)).toBe(false);
  });

  it.each([
    'Asia/Bangkok',
    'Asia/Yangon',
    'Asia/Kolkata',
    'Pacific/Auckland',
    'UTC',
    'Etc/GMT+5',
    'America/Argentina/Buenos_Aires',
  ])('%s is a time zone', (zone) => {
    expect(isIanaTimeZone(zone)).toBe(true);
  });

  it.each([
    'asia/bangkok',
    'Asia/Atlantis',
    '+07:00',
    'EST',
    'GMT+7',
    '',
    'Asia/',
    7,
    'A/'.repeat(40),
  ])('%p is not', (zone) => {
    expect(isIanaTimeZone(zone)).toBe(false);
  });
});
