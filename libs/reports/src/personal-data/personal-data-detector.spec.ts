import { detectPersonalData } from './personal-data-detector';

describe('detectPersonalData', () => {
  describe('finds', () => {
    it.each([
      ['contact smuggler.agent@example.com for a seat', 'email'],
      ['write to A.B-c+tag@mail.gov.lk', 'email'],
      ['call +66 2 123 4567', 'telephone'],
      ['+61412345678', 'telephone'],
      ['the broker answers on 081-234-5678', 'telephone'],
      ['phone (02) 1234 5678 after dark', 'telephone'],
      ['number 0812.345.678 in the ad', 'telephone'],
      ['P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', 'mrz'],
      ['L898902C36UTO7408122F1204159ZE184226B<<<<<10', 'mrz'],
      ['passport no. N1234567 was seen', 'document_number'],
      ['Passport number: AB123456', 'document_number'],
      ['visa # 12345678', 'document_number'],
      ['visa#X1234567', 'document_number'],
      ['the ID no is KL9988776', 'document_number'],
      ['doc no issued locally A12B34C', 'document_number'],
      ['document number of holder 123456', 'document_number'],
      ['born 15/01/1990', 'date_of_birth'],
      ['DOB: 1990-01-15', 'date_of_birth'],
      ['date of birth 15 January 1990', 'date_of_birth'],
      ['born on 3rd Mar 1988 in the north', 'date_of_birth'],
      ['Born on January 15, 1990', 'date_of_birth'],
      ['dob 15JAN1990', 'date_of_birth'],
      ['DOB 01.02.85', 'date_of_birth'],
    ])('%s', (text, kind) => {
      expect(detectPersonalData(text)).toContain(kind);
    });

    it('reports several kinds at once, in a stable order', () => {
      expect(detectPersonalData('born 1990-01-15, mail x@y.org, +6621234567')).toEqual([
        'email',
        'telephone',
        'date_of_birth',
      ]);
    });
  });

  describe('lets through', () => {
    it.each([
      'plain years: 2019, 2020 and 2023',
      'the scheme was born in 2019 and grew until 2023',
      'a range 2019-2023 of rising detections',
      '2019 - 2023',
      'counts: 1,250 persons and 3,412 documents; 125000 in total',
      'flights QF12 and TG 413 via BKK and SIN, then CMB-MEL',
      'flight number TG413 departs at 23:45',
      'airport codes BKK, DEL, KUL, CGK, MLE',
      'between 2024-01-01 and 2024-06-30 a stable trend',
      'passport holders substitute the biodata page',
      'visa no longer required for transit since 2022',
      'the document number is altered by chemical washing',
      'document no. 12345 (too short to be a number)',
      'ID number format: nine characters',
      'children born abroad are registered late',
      'born 2001',
      'beyond three words: passport no was later found AB123456',
      'beyond three words: born in the north on 15/01/1990',
      'an email is sent by the agent; phone numbers change weekly',
      'ISO code LKA<<THA is not thirty characters',
      'statistics period 2026-10, 1 200 000 crossings',
      'tel aviv and dhaka',
      'a version string v1.2.3.4 and ratio 3:1',
    ])('%s', (text) => {
      expect(detectPersonalData(text)).toEqual([]);
    });
  });

  /**
   * Long adversarial texts, each of which once took about a second (quadratic regex
   * backtracking or re-splitting the text per keyword). Timings are not asserted; the answers
   * are, and a regression shows up as a test that runs for seconds.
   */
  describe('long adversarial texts (20,000 characters)', () => {
    const n = 20_000;
    it.each<[string, string, string[]]>([
      ['letters', 'a'.repeat(n), []],
      ['upper-case letters', 'A'.repeat(n), []],
      ['digits', '1'.repeat(n), ['telephone']],
      ['digit-dot pairs', '1.'.repeat(n / 2), ['telephone']],
      ['letter-dot pairs', 'a.'.repeat(n / 2), []],
      ['letter-dash pairs', 'a-'.repeat(n / 2), []],
      ['percent signs', '%'.repeat(n), []],
      ['an @ then letters', `a@${'a'.repeat(n)}`, []],
      ['an @ then dotted labels without a TLD', `a@${'a.'.repeat(n / 2)}1`, []],
      ['dotted letters then an @', `${'x.'.repeat(n / 2)}@`, []],
      ['many @ without a TLD', 'a@a'.repeat(n / 3), []],
      ['an e-mail at the end', `${'a.'.repeat(n / 2)} agent@example.org`, ['email']],
      ['a label over 63 characters', `x@${'a'.repeat(64)}.com ${'b'.repeat(n)}`, []],
      ['digit-space pairs', '1 '.repeat(n / 2), ['telephone']],
      ['short digit groups', '1 2 3 4 5 6 7 8 x '.repeat(n / 18), []],
      ['angle brackets', '<'.repeat(n), ['mrz']],
      ['letter-bracket pairs', 'A<'.repeat(n / 2), []],
      ['runs of 29', `${'A'.repeat(29)} `.repeat(n / 30), []],
      ['spaces', ' '.repeat(n), []],
      ['dots then a letter', `${'.'.repeat(n)}a`, []],
      ['brackets then a letter', `${')'.repeat(n)}x`, []],
      ['passport no, then dots', `passport no ${'.'.repeat(n)}a`, []],
      ['passport no, then letters', `passport no ${'a'.repeat(n)}`, []],
      ['passport no repeated', 'passport no '.repeat(n / 12), []],
      ['born repeated', 'born '.repeat(n / 5), []],
      ['born 1 repeated', 'born 1 '.repeat(n / 7), []],
      ['dob jan repeated', 'dob jan '.repeat(n / 8), []],
      ['born repeated, then a date', `${'born '.repeat(n / 5)}15/01/1990`, ['date_of_birth']],
      ['born, dashes, a date', `born${'-'.repeat(n)}15/01/1990`, ['date_of_birth']],
      ['born, spaces, a date', `born${' '.repeat(n)}15/01/1990`, ['date_of_birth']],
      ['born jan, then letters', `born jan${'a'.repeat(n)}`, []],
      ['born 1jan, then letters', `born 1jan${'a'.repeat(n)}`, []],
    ])('%s', (_shape, text, kinds) => {
      expect(detectPersonalData(text)).toEqual(kinds);
    });
  });
});
