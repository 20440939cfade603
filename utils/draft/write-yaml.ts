/**
 * A draft as pack.yaml text for an editor: the pack format an editor writes by hand, with every
 * sentence of the article as a review comment above the positions it gave (or the word that it
 * gave none), each suggestion's reason beside it, and `review: pending` on every entry a person
 * must decide. Build-time only, like the `yaml` dev dependency it uses.
 */
import { stringify } from 'yaml';
import type { Draft, DraftPosition } from './draft';

const PENDING = { review: 'pending' } as const;

/** A YAML double-quoted scalar (JSON strings are valid YAML). */
const q = (s: string) => JSON.stringify(s);

/** `text` as comment lines of at most `width` characters, each starting with `prefix`. */
function comment(text: string, prefix: string, width = 100): string[] {
  const out: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && prefix.length + line.length + 1 + word.length > width) {
      out.push(prefix + line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) out.push(prefix + line);
  return out;
}

/** A list item of plain data, indented under a top-level key. */
function item(data: object): string[] {
  return stringify([data], { lineWidth: 0 })
    .trimEnd()
    .split('\n')
    .map((l) => `  ${l}`);
}

function position(p: DraftPosition): string[] {
  return [
    '  - review: pending',
    `    id: ${p.id}`,
    `    actor: ${p.actor}`,
    `    topic: ${p.topic}`,
    `    stance: ${p.stance} # suggested from ${q(p.reason)}`,
    `    summary: ${q(p.summary)} # rewrite as one neutral line`,
    `    date: ${p.date}`,
    '    evidence:',
    `      kind: ${p.evidence.kind}`,
    `      text: ${q(p.evidence.text)}`,
    ...(p.evidence.occurrence ? [`      occurrence: ${p.evidence.occurrence}`] : []),
  ];
}

export function draftToYaml(d: Draft, from: string): string {
  const lines: string[] = [
    `# Draft pack made by \`npm run pack:draft\` from ${from}.`,
    '#',
    '# Every entry marked `review: pending` is a suggestion: check it against the sentence quoted',
    '# above it (docs/pack-format.md, "Attribution rules"), fix what is wrong, delete what is not a',
    '# position, then delete the `review: pending` line. `npm run pack:build` and',
    '# `npm run pack:publish` refuse the pack while any entry is still pending.',
    '',
    `id: ${d.id}`,
    'version: 1',
    `title: ${q(d.title)}`,
    `description: ${q(d.description)}`,
    `publishedAt: ${d.publishedAt}`,
    `language: ${d.language}`,
    '',
    'sources:',
  ];
  const s = d.source;
  for (const c of s.check) lines.push(...comment(c, '  # check: '));
  lines.push(
    ...item({
      ...(s.check.length ? PENDING : {}),
      id: s.id,
      file: s.file,
      title: s.title,
      publisher: s.publisher,
      url: s.url,
      publishedAt: s.publishedAt,
      language: s.language,
      sha256: s.sha256,
    }),
    '',
    'actors:',
  );
  for (const { actor, introduced } of d.actors) {
    if (introduced) {
      lines.push(
        ...comment(
          `New person, introduced as "${introduced}". Check the name, role, country, aliases and how the surname is matched.`,
          '  # ',
        ),
      );
    }
    lines.push(...item(introduced ? { ...PENDING, ...actor } : actor));
  }
  lines.push('', 'topics:');
  if (d.topics.length === 0) lines[lines.length - 1] = 'topics: []';
  for (const { topic, isNew } of d.topics) {
    if (isNew) {
      lines.push(
        ...comment(
          'New topic stub: phrase it as a yes/no proposition, or point its positions at an existing topic and delete it.',
          '  # ',
        ),
      );
    }
    lines.push(...item(isNew ? { ...PENDING, ...topic } : topic));
  }
  lines.push('', 'positions:');
  const total = d.sentences.reduce((n, x) => n + x.positions.length, 0);
  if (total === 0) lines[lines.length - 1] = 'positions: []';
  d.sentences.forEach((sentence, i) => {
    lines.push(...comment(`¶${sentence.paragraph} s${i + 1} "${sentence.text}"`, '  # '));
    if (sentence.positions.length === 0) lines.push('  #   -> no candidate position found');
    for (const p of sentence.positions) lines.push(...position(p));
    lines.push('');
  });
  return `${lines.join('\n').trimEnd()}\n`;
}
