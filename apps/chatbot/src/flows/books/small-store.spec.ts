import { ScriptedLlm } from '../../../../../test/support/scripted-llm.js';
import { smallStore } from '../../../test/small-store.js';
import { dialogueOf } from '../../dialogue/dialogue.fixture.js';
import type { Reply } from '../../dialogue/reply.js';
import type { DialogueState } from '../../dialogue/state.js';

/* #23: the shelves are whatever a store's catalog has (see test/small-store.ts), named in
 * shoppers' own words; readers' ages, where the catalog gives them, pick the books for an age. */
describe('Books on a store unlike the demo’s', () => {
  const dialogue = dialogueOf(smallStore(), new ScriptedLlm('none', []));
  const ask = (message: string, state: DialogueState = {}): Promise<Reply> =>
    dialogue.respond(dialogue.read(message, state), state, { sessionId: 'shelves-spec' });
  const titles = (reply: Reply) => (reply.parts?.books ?? []).map((b) => b.title);
  const shelvesOf = (reply: Reply) =>
    [...new Set((reply.parts?.books ?? []).map((b) => b.category))].sort();

  it('lists a shelf named in the singular, and says its name', async () => {
    const reply = await ask('recommend a graphic novel');
    expect(shelvesOf(reply)).toEqual(['graphic-novels']);
    expect(reply.response).toContain('Graphic Novels');
  });

  it('lists the shelf a related word names', async () => {
    expect(shelvesOf(await ask('can you recommend some poems?'))).toEqual(['poetry']);
    expect(shelvesOf(await ask('any good baking books?'))).toEqual(['cookbooks']);
  });

  it('leaves out a shelf the shopper rules out', async () => {
    const reply = await ask('recommend something, no manga or poetry');
    expect(reply.parts?.books?.length).toBeGreaterThan(0);
    expect(shelvesOf(reply)).not.toContain('manga');
    expect(shelvesOf(reply)).not.toContain('poetry');
  });

  it('answers a reader’s age with the books the catalog gives for it', async () => {
    expect(titles(await ask('a book for my 4 year old'))).toEqual(
      expect.arrayContaining(['Pip Goes Out', 'The Bus That Sang']),
    );
    expect(titles(await ask('a book for my 4 year old'))).not.toContain('Night Owl Counts');
    expect(titles(await ask('something for my 7 year old'))).toEqual(['Night Owl Counts']);
    expect(titles(await ask('manga for my 11 year old'))).toEqual(['Cafe Robot']);
  });

  it('keeps a shelf that gives no ages for a reader of any age', async () => {
    expect(shelvesOf(await ask('a cookbook for my 8 year old'))).toEqual(['cookbooks']);
  });

  it('answers readers the store has no shelf of ("teenage") with the books for their age', async () => {
    expect(titles(await ask('something for a teenager')).sort()).toEqual([
      'Blade of the Moon',
      'Cafe Robot',
    ]);
  });

  it('finds an author, something like a title, and more of the same', async () => {
    expect(titles(await ask('anything by Yui Tanaka?')).sort()).toEqual([
      'Cafe Robot',
      'Star Courier',
    ]);
    const like = await ask('something like Small Hours');
    expect(shelvesOf(like)).toEqual(['poetry']);
    expect(titles(like)).not.toContain('Small Hours');
    const first = await ask('recommend a cookbook');
    expect(shelvesOf(first)).toEqual(['cookbooks']);
    const state = 'set' in first.state ? (first.state.set as DialogueState) : {};
    const more = await ask('more', state);
    for (const title of titles(more)) expect(titles(first)).not.toContain(title);
  });

  it('says which shelves it has when asked for one it has not', async () => {
    const reply = await ask('recommend a horror novel');
    expect(reply.response).toMatch(/horror/);
    expect(reply.response).toContain('Cookbooks, Poetry, Manga, Graphic Novels, Early Readers');
  });
});
