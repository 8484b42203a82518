import { validateSync } from 'class-validator';
import { hasControlCharacter, IsSingleLine } from './single-line.decorator';

class Named {
  @IsSingleLine()
  name: unknown;
}

const errorsOf = (name: unknown) =>
  validateSync(Object.assign(new Named(), { name })).flatMap((e) =>
    Object.values(e.constraints ?? {}),
  );

describe('IsSingleLine', () => {
  it.each([
    '\n',
    '\r',
    '\t',
    '\u0000',
    '\u001b[2J',
    '\u007f',
    '\u0080',
    '\u0085',
    '\u009f',
    '\u2028',
    '\u2029',
  ])('refuses %j', (ch) => {
    expect(hasControlCharacter(`Team${ch}A`)).toBe(true);
    expect(errorsOf(`Team${ch}A`)).toEqual([
      'name must be a single line, without line breaks or control characters',
    ]);
  });

  it.each([
    'Team Bangkok',
    'Nguyễn Thị Minh Khai',
    "O'Brien – Lead (Kabul)",
    'ศูนย์ประสานงาน',
    'Malé\u00a0Atoll',
    'زیرک',
    '\u00a0',
    '🇹🇭 Bangkok',
  ])('takes %j', (value) => {
    expect(errorsOf(value)).toEqual([]);
  });

  it('leaves non-strings to @IsString', () => {
    expect(errorsOf(42)).toEqual([]);
  });
});
