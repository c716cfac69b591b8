import { Shopper as ShopperAt } from '../support/shopper.js';
import { readEvents } from '../support/sse.js';
import { startSystem, type RunningSystem } from '../support/system.js';

/** Shoppers writing in Spanish, French and German, through both apps over HTTP, no LLM (#16). */
let system: RunningSystem;
const TOKEN = 'agent-token-0123456789';
beforeAll(async () => {
  system = await startSystem({ gateway: { SUPPORT_API_TOKEN: TOKEN } });
});
afterAll(() => system.close());

/** A shopper of this file's system (or of another one given). */
class Shopper extends ShopperAt {
  constructor(url = () => system.gatewayUrl) {
    super(url);
  }
}

describe('a conversation in another language', () => {
  it('answers the issue examples in their language', async () => {
    const fr = await new Shopper().say('Bonjour, je voudrais retourner un livre');
    expect(fr).toMatchObject({ language: 'fr', intent: 'returns' });
    expect(fr.response).toMatch(/30 jours/);
    const de = await new Shopper().say('Wie lange dauert der Versand nach Deutschland?');
    expect(de).toMatchObject({ language: 'de', intent: 'shipping' });
    expect(de.response).toMatch(/Werktage/);
    const es = await new Shopper().say('¿Dónde está mi pedido 123456?');
    expect(es).toMatchObject({ language: 'es', intent: 'order_status' });
    expect(es.response).toMatch(/tu pedido n\.º 123456: está enviado/);
  });

  it('keeps the language for messages without one, and switches on a clear switch', async () => {
    const s = new Shopper();
    expect((await s.say('Hola, ¿dónde está mi pedido?')).response).toMatch(/número de pedido/);
    const number = await s.say('123456');
    expect(number).toMatchObject({ language: 'es', intent: 'order_status' });
    expect(number.response).toMatch(/^El estado de tu pedido n\.º 123456/);
    const tracking = await s.say('¿me das el número de seguimiento?');
    expect(tracking.response).toMatch(/¿Con qué dirección de correo/);
    const verified = await s.say('jane.doe@example.com');
    expect(verified).toMatchObject({ language: 'es' });
    expect(verified.response).toMatch(
      /Transportista: UPS, número de seguimiento 1Z4F82A70391846257/,
    );
    expect(verified.links?.[0].label).toBe('Seguir con UPS');
    expect((await s.say('ok')).language).toBe('es');
    expect((await s.say('👍')).language).toBe('es');
    const english = await s.say('Thanks! And how long does shipping take?');
    expect(english.language).toBe('en');
    expect(english.response).toMatch(/business days/);
  });

  it('answers a help-center question in French, with the article in French', async () => {
    const answer = await new Shopper().say('Est-ce que vous faites des paquets cadeaux ?');
    expect(answer.language).toBe('fr');
    expect(answer.response).toMatch(/3,99 \$ par livre/);
    expect(answer.links).toContainEqual({ label: 'Paquet cadeau', url: '/#help-gift-wrapping' });
  });

  it('recommends books in German, from the category named in German', async () => {
    const answer = await new Shopper().say('Können Sie mir einen guten Krimi empfehlen?');
    expect(answer).toMatchObject({ language: 'de', intent: 'recommendation' });
    expect(answer.response).toMatch(/^Hier ist eine Auswahl aus der Kategorie Mystery/);
    expect(answer.books?.length).toBeGreaterThan(0);
    for (const book of answer.books ?? []) expect(book.category).toBe('mystery');
  });

  it('offers the support team in German, with German quick replies', async () => {
    const answer = await new Shopper().say('Ich möchte mit einem Menschen sprechen');
    expect(answer).toMatchObject({ language: 'de', intent: 'handoff' });
    expect(answer.response).toMatch(/Support-Team weitergeben/);
    expect(answer.suggestions).toEqual(['Support-Team kontaktieren', 'Nein, danke']);
  });

  it('hands a German conversation to the team in German, and tells the team its language', async () => {
    const s = new Shopper();
    await s.say('Ich möchte mit einem Menschen sprechen');
    expect((await s.say('Support-Team kontaktieren')).response).toMatch(/E-Mail-Adresse/);
    const problem = await s.say('kai@example.com');
    expect(problem.response).toMatch(/Was sollte das Team/);
    expect(problem.suggestions).toEqual(['Überspringen', 'Abbrechen']);
    const done = await s.say('Überspringen');
    expect(done.response).toMatch(
      /^Erledigt: Ihre Anfrage hat die Nummer SR-\d{6}\. Das Team schreibt/,
    );
    const reference = /SR-\d{6}/.exec(done.response)![0];
    const list = await fetch(`${system.gatewayUrl}/api/support/requests`, {
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    const { items } = (await list.json()) as { items: Array<Record<string, unknown>> };
    expect(items.find((i) => i.reference === reference)).toMatchObject({
      language: 'de',
      problem: 'Siehe Gespräch.',
    });
  });

  it('says the language in the stream meta event', async () => {
    const { status, events } = await readEvents(`${system.gatewayUrl}/api/chat/stream`, {
      message: '¿Aceptan PayPal?',
    });
    expect(status).toBe(200);
    expect(events.find((e) => e.event === 'meta')?.data).toMatchObject({ language: 'es' });
    const done = events.find((e) => e.event === 'done')?.data;
    expect(done?.response).toMatch(/^Aceptamos/);
  });
});
