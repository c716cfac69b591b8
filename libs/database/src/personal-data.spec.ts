import { likenessKey, maskPersonalData } from './personal-data.js';

// Personal data as shoppers type it: each line holds some, and none of it may survive the mask.
const CORPUS: Array<[string, string[]]> = [
  ['my email is jane.doe@example.com, order 123456', ['jane.doe', 'example.com', '123456']],
  ['Reach me at JANE_DOE+books@Mail.Example.co.uk please', ['JANE_DOE', 'Mail.Example']],
  ['write to maria (at) correo (dot) es', ['maria', 'correo']],
  ['jean at exemple dot fr is my address', ['jean', 'exemple']],
  ['ünsal@beispiel.de hat bestellt', ['ünsal', 'beispiel']],
  ['call me on +1 (415) 555-0134 after 5', ['415', '555', '0134']],
  ['mi teléfono es 612 345 678', ['612', '345', '678']],
  ['Tel. 030/12345678 bitte', ['030', '12345678']],
  ['ring 07700 900123', ['07700', '900123']],
  ['0044 20 7946 0958 is the office', ['7946', '0958']],
  ['555-1234 is my cell', ['555', '1234']],
  ['card 4111 1111 1111 1111 exp 12/27', ['4111', '1111']],
  ['I paid with 5500-0000-0000-0004', ['5500', '0004']],
  ['amex 378282246310005 was charged twice', ['378282246310005']],
  ['where is #654321?', ['654321']],
  ['order no. 123 456 never came', ['123 456']],
  ['commande 123-456 pas arrivée', ['123-456']],
  ['my account number is 9876543210987', ['9876543210987']],
  ['IBAN DE89 3704 0044 0532 0130 00', ['3704', '0044', '0532']],
  ['tracking 1Z999AA10123456784', ['10123456784']],
  ['zip 90210 and member 12345', ['90210', '12345']],
];

describe('maskPersonalData', () => {
  it.each(CORPUS)('leaves nothing personal in %j', (text, secrets) => {
    const masked = maskPersonalData(text);
    for (const secret of secrets) expect(masked).not.toContain(secret);
    expect(masked).toMatch(/\[(email|phone|card|order|number)\]/);
  });

  it('names what it took out', () => {
    expect(maskPersonalData('jane@example.com called 555-123-4567 about #123456')).toBe(
      '[email] called [phone] about #[order]',
    );
    expect(maskPersonalData('card 4111111111111111')).toBe('card [card]');
  });

  it('keeps what is not personal: small numbers, prices, years, the store address', () => {
    const text = 'Do you ship 3 books to Spain in 2 days for $12.99 since 2024?';
    expect(maskPersonalData(text)).toBe(text);
    expect(
      maskPersonalData('Please contact support@bookstore.com.', ['support@bookstore.com']),
    ).toBe('Please contact support@bookstore.com.');
    expect(maskPersonalData('Please contact support@bookstore.com.')).toBe(
      'Please contact [email].',
    );
  });
});

describe('likenessKey', () => {
  it('puts the same question asked alike in one group', () => {
    expect(likenessKey('Do you sell gift cards?')).toBe(likenessKey('gift card: do you sell them'));
    expect(likenessKey('¿Venden tarjetas regalo?')).toBe(likenessKey('venden TARJETAS de regalo'));
    expect(likenessKey('Can I pay with [email]?')).toBe(likenessKey('can i pay with [email]'));
    expect(likenessKey('Do you sell gift cards? Call me on [phone] or write to [email]')).toBe(
      likenessKey('do you sell gift cards'),
    );
  });

  it('keeps different questions apart', () => {
    expect(likenessKey('Do you sell gift cards?')).not.toBe(likenessKey('Do you sell e-books?'));
  });
});
