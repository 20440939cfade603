import { describe, expect, it } from 'vitest';
import { foldKey } from '@/utils/spotting/normalize';
import { buildStartFilter, FlatTrie, NONE, ROOT } from '@/utils/spotting/trie';
import { buildTrieTables, FoldedForms, sortFolds } from '@/utils/spotting/trie-build';
import type { DictionaryActor } from '@/utils/views';

const actor = (id: string, surnames: string[] = []): DictionaryActor => ({
  id,
  kind: 'person',
  aliases: [],
  match: { surnames, bareSurname: 'never', givenNames: [], titles: [], commonWord: false },
});

/** The folded text of form i. */
const foldOf = (f: FoldedForms, i: number) =>
  String.fromCharCode(...f.units.subarray(f.start[i], f.start[i + 1]));

/** The node a folded key ends at, walking child by child, or NONE. */
function walk(trie: FlatTrie, key: string): number {
  let node = ROOT; // the same id as NONE: the root is never a child
  for (let j = 0; j < key.length; j++) {
    node = trie.child(node, key.charCodeAt(j));
    if (node === NONE) return NONE;
  }
  return node;
}

/** Every form the trie holds, depth first: [folded form, entry references]. */
function formsIn(trie: FlatTrie): [string, number[]][] {
  const out: [string, number[]][] = [];
  const visit = (node: number, prefix: string) => {
    if (node !== ROOT && trie.hasEntries(node)) out.push([prefix, trie.refsAt(node)]);
    for (let k = trie.firstChild(node); k !== NONE; k = trie.nextSibling[k]!) {
      visit(k, prefix + String.fromCharCode(trie.code[k]!));
    }
  };
  visit(ROOT, '');
  return out;
}

describe('FoldedForms', () => {
  it('folds each form as foldKey does, one after another, with its reference', () => {
    const forms = [
      '  Volodymyr\u00A0\n Zelen\u00ADsky ',
      'ЗЕЛЕНСЬКИЙ',
      'Jean\u2011Pierre',
      'Merz’',
    ];
    const f = new FoldedForms(forms, [0, 1, 2, 3]);
    expect(f.count).toBe(4);
    expect([0, 1, 2, 3].map((i) => foldOf(f, i))).toEqual(forms.map(foldKey));
    expect([...f.refs]).toEqual([0, 1, 2, 3]);
  });

  it('leaves out forms with nothing left after folding or not starting with a word character', () => {
    const f = new FoldedForms(['\u200B ', '#Trump', 'Trump', '', '"Quoted"'], [0, 3, 6, 9, 12]);
    expect(f.count).toBe(1);
    expect(foldOf(f, 0)).toBe('trump');
    expect(f.refs[0]).toBe(6);
  });
});

describe('sortFolds', () => {
  it('orders folds by code unit as strings sort, equal folds by their index', () => {
    // Many folds, with shared prefixes, prefixes of others, repeats and
    // letters from several high bytes.
    const words = ['ab', 'a', 'abc', 'b', 'a b', 'a-b', 'zé', 'зеленський', 'ζ', 'аб', 'ab'];
    const forms = Array.from(
      { length: 60 },
      (_, i) => `${words[i % words.length]}${i % 4 ? '' : 'x'}`,
    );
    const f = new FoldedForms(
      forms,
      forms.map((_, i) => i),
    );
    const keys = forms.map(foldKey);
    const expected = keys
      .map((_, i) => i)
      .sort((x, y) => (keys[x]! < keys[y]! ? -1 : keys[x]! > keys[y]! ? 1 : x - y));
    expect([...sortFolds(f.units, f.start, f.count)]).toEqual(expected);
    expect([...sortFolds(f.units, f.start, 0)]).toEqual([]);
  });
});

describe('FlatTrie', () => {
  const actors = [actor('a'), actor('b'), actor('c')];
  const build = (forms: string[], refs: number[]) =>
    new FlatTrie(actors, buildTrieTables(new FoldedForms(forms, refs)));

  it('holds every distinct form once, with the entries of every actor that lists it', () => {
    const trie = build(
      ['Putin', 'Vladimir Putin', 'Put', 'Putin', 'Putin', 'Putina', 'Merz'],
      [0, 0, 3, 3, 0, 4, 6],
    );
    expect(trie.forms).toBe(5);
    // Sorted by code unit; equal forms keep the dictionary's order, each reference once.
    expect(formsIn(trie)).toEqual([
      ['merz', [6]],
      ['put', [3]],
      ['putin', [0, 3]],
      ['putina', [4]],
      ['vladimir putin', [0]],
    ]);
  });

  it('shares prefixes: one node per distinct prefix, numbered depth first', () => {
    const trie = build(['abc', 'abd', 'ab', 'b'], [0, 0, 0, 0]);
    // root, a, ab, abc, abd, b
    expect(trie.size).toBe(6);
    const a = walk(trie, 'a');
    expect(trie.firstChild(ROOT)).toBe(a);
    expect(trie.firstChild(a)).toBe(a + 1);
    const ab = walk(trie, 'ab');
    expect(trie.hasEntries(ab)).toBe(true);
    expect(trie.hasEntries(a)).toBe(false);
    expect(trie.refsAt(a)).toEqual([]);
    expect(trie.nextSibling[walk(trie, 'abc')]).toBe(walk(trie, 'abd'));
    expect(trie.nextSibling[a]).toBe(walk(trie, 'b'));
    expect(trie.hasChildren(walk(trie, 'b'))).toBe(false);
    expect(walk(trie, 'abe')).toBe(NONE);
    expect(walk(trie, 'c')).toBe(NONE);
  });

  it('finds first letters outside Latin through the root table', () => {
    const trie = build(['Зеленський', 'Zelensky', 'Ζελένσκι'], [0, 3, 6]);
    for (const form of ['Зеленський', 'Zelensky', 'Ζελένσκι']) {
      expect(trie.refsAt(walk(trie, foldKey(form))).length).toBe(1);
    }
    expect(trie.child(ROOT, 'ж'.charCodeAt(0))).toBe(NONE);
    expect(trie.child(ROOT, 0x4e00)).toBe(NONE);
  });

  it('marks forms that end in a word character', () => {
    const trie = build(['U.S.', 'Merz'], [0, 3]);
    expect(trie.endsInWord(walk(trie, 'u.s.'))).toBe(false);
    expect(trie.endsInWord(walk(trie, 'merz'))).toBe(true);
  });

  it('is empty without forms', () => {
    const trie = build([], []);
    expect(trie.size).toBe(1);
    expect(trie.forms).toBe(0);
    expect(trie.hasChildren(ROOT)).toBe(false);
    expect(trie.child(ROOT, 'a'.charCodeAt(0))).toBe(NONE);
  });

  it("makes the rules' entries on first use, with every actor's surnames known", () => {
    const trie = new FlatTrie(
      [actor('a', ['Witkoff']), actor('b', ['Putin'])],
      buildTrieTables(new FoldedForms(['Witkoff', 'Putin', 'Vladimir Putin'], [1, 4, 3])),
    );
    const [entry] = trie.entriesAt(walk(trie, 'putin'));
    expect(entry!.kind).toBe('surname');
    expect(entry!.actor.id).toBe('b');
    expect(trie.entriesAt(walk(trie, 'putin'))[0]).toBe(entry);
    // The rules' lookup of every surname form is the trie itself.
    const known = entry!.actor.allSurnames;
    expect(known.has('witkoff')).toBe(true);
    expect(known.has('putin')).toBe(true);
    expect(known.has('vladimir putin')).toBe(false); // a full name, not a surname
    expect(known.has('put')).toBe(false);
    expect(known.has('merz')).toBe(false);
    expect(known.has('')).toBe(false);
  });
});

describe('buildStartFilter', () => {
  const trie = new FlatTrie(
    [actor('a')],
    buildTrieTables(new FoldedForms(['Merz', 'A Name', 'X', "O'Brien"], [0, 0, 0, 0])),
  );
  const filter = buildStartFilter(trie);
  const first = (text: string, i = 0) => trie.child(ROOT, foldKey(text[i]!).charCodeAt(0));
  const mayStart = (text: string, i = 0) => filter.mayStartAt(text, i, first(text, i));

  it('lets through the first two letters of a form and stops other pairs', () => {
    expect(mayStart('Merz said')).toBe(true);
    expect(mayStart('MERZ')).toBe(true);
    expect(mayStart('Mayor')).toBe(false);
    expect(mayStart('Zebra')).toBe(false);
  });

  it('lets through first letters it cannot judge by the pair', () => {
    expect(mayStart('A\u00A0Name')).toBe(true); // any white space after the first letter
    expect(mayStart('X')).toBe(true); // a one-letter form
    expect(mayStart('O’Brien')).toBe(true); // any apostrophe
    expect(mayStart('M\u00ADerz')).toBe(true); // an invisible character: the trie steps over it
  });
});
