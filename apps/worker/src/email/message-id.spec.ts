import { mailAddress, messageIdFor } from './message-id';

describe('messageIdFor', () => {
  it('uses the domain of MAIL_FROM in both of its forms', () => {
    expect(messageIdFor('evt-42', 'rilon@mail.example.org')).toBe('<evt-42@mail.example.org>');
    expect(messageIdFor('evt-42', 'RILON portal <noreply@rilon.example>')).toBe(
      '<evt-42@rilon.example>',
    );
    expect(mailAddress('RILON <a@b.c> ')).toBe('a@b.c');
  });

  it('refuses ids that could break the header', () => {
    expect(() => messageIdFor('evt 1>', 'a@b.c')).toThrow();
    expect(() => messageIdFor('', 'a@b.c')).toThrow();
  });
});
