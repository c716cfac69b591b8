import { Shopper as ShopperAt } from '../support/shopper.js';
import { startSystem, type RunningSystem } from '../support/system.js';

/**
 * The answers a QA pass found wrong (#21, findings 2 to 7), in the language each was found in,
 * then the same questions in other words: through both apps over HTTP, no LLM.
 */
let system: RunningSystem;
beforeAll(async () => {
  system = await startSystem();
});
afterAll(() => system.close());

/** A shopper of this file's system (or of another one given). */
class Shopper extends ShopperAt {
  constructor(url = () => system.gatewayUrl) {
    super(url);
  }
}

const ask = (message: string) => new Shopper().say(message);

// The store's facts, as its articles word them.
const DAMAGED =
  /within 14 days with a photo.*replacement or a full refund.*not need to send it back/;
const EXCHANGE = /To exchange a book for another edition or another title, start a return/;
const RETURN_WINDOW = /returns within 30 days|within 30 days of delivery/;
const OFFER = 'Contact the support team';

describe('a damaged book is no return, and a wrong choice no damage (finding 2)', () => {
  it('answers the QA lines with the damaged-book fact, then the exchange', async () => {
    const s = new Shopper();
    const ripped = await s.say('the cover is ripped in half');
    expect(ripped.response).toMatch(DAMAGED);
    expect(ripped.response).not.toMatch(/original condition/);
    const back = await s.say('do i have to send it back??');
    expect(back.response).toMatch(/not need to send it back/);
    expect(back.response).not.toMatch(RETURN_WINDOW);

    const wrong = await ask('i ordered the wrong book, can i change it?');
    expect(wrong.response).toMatch(EXCHANGE);
    expect(wrong.response).not.toMatch(/photo/);
  });

  it.each([
    'my book came with water damage all over it',
    'the spine is cracked and some pages fell out',
    'half the pages are blank in the novel I got',
    'you guys sent me a different book than the one I ordered',
    'the box was crushed and the book is bent',
    'my book has coffee stains on it',
  ])('reads %j as a damaged or wrong book', async (message) => {
    const answer = await ask(message);
    expect(answer).toMatchObject({ intent: 'returns' });
    expect(answer.response).toMatch(DAMAGED);
  });

  it.each([
    'I accidentally bought the paperback instead of the hardcover, can I swap it?',
    'oops I clicked the wrong title, can I exchange it for the right one',
    'I picked the wrong edition by mistake',
  ])('reads %j as an exchange', async (message) => {
    expect((await ask(message)).response).toMatch(EXCHANGE);
  });

  it('keeps a follow-up on the damaged book, and answers another fact when asked one', async () => {
    const s = new Shopper();
    expect((await s.say('the book I got has a torn cover')).response).toMatch(DAMAGED);
    expect((await s.say('should I mail it back to you?')).response).toMatch(
      /not need to send it back/,
    );
    expect((await s.say('how long do refunds take?')).response).toMatch(
      /5-7 business days after your return arrives/,
    );
    // A return that is no damage still gets the return label, and its own window.
    const r = new Shopper();
    await r.say('I want to return a book');
    expect((await r.say('do I have to send it back?')).response).toMatch(/prepaid return label/);
    expect((await r.say('how long do I have?')).response).toMatch(RETURN_WINDOW);
    // "How long?" after the damaged book is its 14 days, not the 30 of a return.
    const d = new Shopper();
    await d.say('the pages are torn');
    expect((await d.say('how long do I have?')).response).toMatch(/within 14 days/);
  });
});

describe('an English conversation stays English (finding 3)', () => {
  it('answers the QA lines in English', async () => {
    const tracking = await ask('tracking for 567890');
    expect(tracking).toMatchObject({ language: 'en', intent: 'order_status' });
    expect(tracking.response).toMatch(/^Your order #567890 is cancelled/);
    const fantasy = await ask('recomend me a fantsy buk');
    expect(fantasy).toMatchObject({ language: 'en', intent: 'recommendation' });
    expect(fantasy.books?.every((b) => b.category === 'fantasy')).toBe(true);
    expect(fantasy.response).toMatch(/^Here are some picks from Fantasy/);
  });

  it('keeps short, misspelled or borrowed words English in an English conversation', async () => {
    const s = new Shopper();
    expect((await s.say('hi, where is my order 123456')).language).toBe('en');
    for (const message of ['tracking pls', 'thriller recomendations?', 'express?', 'paypal ok?']) {
      expect((await s.say(message)).language, message).toBe('en');
    }
    for (const message of [
      'any gud mistery novels',
      'shiping to kanada cost',
      'wher is ordr 234567',
    ]) {
      expect((await ask(message)).language, message).toBe('en');
    }
  });

  it('still switches on a message written in another language', async () => {
    const s = new Shopper();
    await s.say('hello');
    expect((await s.say('¿cuánto cuesta el envío a México?')).language).toBe('es');
  });
});

describe('an order number, then the email in another message (finding 4)', () => {
  it('takes the email as proof of the order the conversation is about', async () => {
    const s = new Shopper();
    await s.say('tracking number please');
    expect((await s.say('456789')).response).toMatch(/456789/);
    const details = await s.say("tracking number please, it's maria.garcia@example.com");
    expect(details.response).toMatch(/FedEx, tracking number 784512309876/);
    expect(details.response).not.toMatch(/email alone/);
  });

  it.each([
    ['where is 123456', 'my email is jane.doe@example.com', /1Z4F82A70391846257/],
    ['status of order 234567', 'sam.lee@example.org', /9400111899223344556677/],
    ['check order 456789 please', 'who is the courier? maria.garcia@example.com', /FedEx/],
  ])('after %j, %j shows the details', async (first, second, details) => {
    const s = new Shopper();
    await s.say(first);
    expect((await s.say(second)).response).toMatch(details);
  });

  it('never shows another customer the details', async () => {
    const s = new Shopper();
    await s.say('order 456789');
    const wrong = await s.say('tracking please, it is someone.else@example.net');
    expect(wrong.response).not.toMatch(/784512309876/);
  });
});

describe('asking for a person (finding 5)', () => {
  it.each([
    'ok actually get me a human',
    "whats ur phone number, i'd rather call",
    'can I just talk to a real person',
    'I want a person',
    'give me an agent please',
    "is there someone I can call, I'd prefer to talk",
  ])('offers the support team for %j', async (message) => {
    expect((await ask(message)).suggestions).toContain(OFFER);
  });

  it('takes "my email is ..." right after the offer as a yes', async () => {
    const s = new Shopper();
    expect((await s.say('ok actually get me a human')).suggestions).toContain(OFFER);
    const email = await s.say('my email is kim.nguyen@example.com');
    expect(email).toMatchObject({ intent: 'handoff' });
    expect(email.response).toMatch(/what should the team know/);
    const done = await s.say('my parcel never arrived');
    expect(done.response).toMatch(/your request is SR-\d+.*kim\.nguyen@example\.com/);
  });

  it('offers it after two messages in a row it did not understand', async () => {
    const s = new Shopper();
    expect((await s.say('blorp the snazzle')).suggestions ?? []).not.toContain(OFFER);
    expect((await s.say('vrumble gnarp frobnicate')).suggestions).toContain(OFFER);
  });
});

describe('the answer to the question asked (finding 6)', () => {
  it('answers the QA lines from the right article', async () => {
    const payment = new Shopper();
    await payment.say('what payment methods do you take');
    expect((await payment.say('do you gift wrap')).response).toMatch(/Gift wrapping costs \$3\.99/);
    expect((await payment.say('will you price match amazon')).response).toMatch(
      /do not offer price matching/,
    );

    const zoll = await ask('muss ich da noch Zoll zahlen?');
    expect(zoll.language).toBe('de');
    expect(zoll.response).toMatch(/Einfuhrabgaben/);
    expect((await ask('Kann ich die Lieferadresse noch ändern?')).response).toMatch(
      /Lieferadresse ändern/,
    );
    const refund = await ask('y en cuanto tiempo me devuelven el dinero');
    expect(refund.language).toBe('es');
    expect(refund.response).toMatch(/5-7 días hábiles/);
    expect(refund.response).not.toMatch(/30 días/);

    expect((await ask("tracking says delivered but there's nothing at my door")).response).toMatch(
      /report it to the carrier/,
    );
    expect((await ask('shiping to austrlia how long')).response).toMatch(/7-14 business days/);
    expect((await ask('if i order at 3pm today does it go out today')).response).toMatch(
      /by 2 pm Eastern/,
    );
  });

  it('answers the same questions in other words', async () => {
    const s = new Shopper();
    await s.say('can I pay with paypal?');
    expect((await s.say('can you wrap it as a present')).response).toMatch(/Gift wrapping/);
    expect((await s.say('can you giftwrap it')).response).toMatch(/Gift wrapping/);
    expect((await s.say('would you match a cheaper price I found')).response).toMatch(
      /price matching/,
    );
    expect((await ask('Fallen da Zollgebühren an?')).response).toMatch(/Einfuhrabgaben/);
    expect((await ask('¿Cuándo me llega el reembolso?')).response).toMatch(/5-7 días hábiles/);
    expect(
      (await ask('the app says my package was delivered but I never got it')).response,
    ).toMatch(/report it to the carrier/);
    expect((await ask('how long to ship to austrailia')).response).toMatch(/7-14 business days/);
    expect((await ask('whats the cutoff to have my order leave today')).response).toMatch(
      /2 pm Eastern/,
    );
  });
});

describe('books for the reader asked about (finding 7)', () => {
  it('answers the QA lines with books that fit the reader', async () => {
    const child = await ask('algo de fantasia para mi hijo de 10 años');
    expect(child.language).toBe('es');
    expect(child.books?.length).toBeGreaterThan(0);
    expect(child.books?.every((b) => b.category === 'children')).toBe(true);

    const birds = await ask('any good books about birds');
    expect(birds.books?.map((b) => b.title)).toContain(
      'Feathered Minds: The Surprising Intelligence of Birds',
    );

    const space = await ask('a book for a 10-year-old who likes space');
    expect(space.books?.[0]?.title).toBe('Captain Kiko and the Space Pirates');

    const s = new Shopper();
    const first = await s.say('recommend a mystery');
    const more = await s.say('mas');
    expect(more.intent).toBe('recommendation');
    expect(more.books?.length).toBeGreaterThan(0);
    for (const b of more.books ?? []) {
      expect(b.category).toBe('mystery');
      expect(first.books?.map((f) => f.title)).not.toContain(b.title);
    }
  });

  it('finds a subject, a liked shelf for a child, and "more" in other words', async () => {
    expect((await ask('got anything on the ocean for my 6 year old?')).books?.[0]?.title).toBe(
      "Ollie's Big Ocean Adventure",
    );
    const space = await ask('any books on space exploration');
    expect(space.response).toMatch(/^Here are some of our books about space/);
    expect(space.books?.length).toBeGreaterThan(0);
    const crows = await ask('recommend something about crows and parrots');
    expect(crows.books?.[0]?.title).toBe('Feathered Minds: The Surprising Intelligence of Birds');
    const niece = await ask('my niece is 8 and loves fantasy, what should she read?');
    expect(niece.books?.every((b) => b.category === 'children')).toBe(true);
    const sohn = await ask('Fantasy für meinen Sohn, er ist 9 Jahre alt');
    expect(sohn.books?.every((b) => b.category === 'children')).toBe(true);

    const s = new Shopper();
    await s.say('some science fiction please');
    const more = await s.say('más');
    expect(more.books?.every((b) => b.category === 'science-fiction')).toBe(true);
  });
});
