/** Card views for component tests: a person with own and group positions, and one with none. */
import type { ActorSummary, CardView, PackLabel, PositionView } from '@/utils/views';

/** The built-in pack, as the labels beside positions and people name it. */
const builtinLabel: PackLabel = { id: 'builtin', title: 'Built-in pack', verified: true };

const merz: ActorSummary = {
  id: 'merz',
  kind: 'person',
  name: 'Friedrich Merz',
  role: 'German Chancellor',
  country: 'DE',
  memberOf: [],
  definedBy: builtinLabel,
};

const rubio: ActorSummary = {
  id: 'rubio',
  kind: 'person',
  name: 'Marco Rubio',
  role: 'U.S. Secretary of State',
  country: 'US',
  memberOf: ['us-delegation'],
  definedBy: builtinLabel,
};

const usDelegation: ActorSummary = {
  id: 'us-delegation',
  kind: 'group',
  name: 'U.S. delegation',
  role: 'Negotiating team of the United States',
  country: 'US',
  memberOf: [],
  definedBy: builtinLabel,
};

const source = {
  id: 'geneva-talks',
  title: 'Talks in Geneva end without agreement',
  publisher: 'Example News',
  publishedAt: '2025-11-23',
  url: 'https://news.example/geneva',
};

export function position(over: Partial<PositionView> & { id: string }): PositionView {
  return {
    actorId: 'merz',
    topic: { id: 'ceasefire', proposition: 'Should a ceasefire come first?', label: 'Ceasefire' },
    stance: 'supports',
    summary: 'Says a ceasefire must come before any talks on territory.',
    evidence: {
      sourceId: source.id,
      start: 10,
      end: 40,
      text: 'a ceasefire must come first',
      kind: 'quote',
    },
    source,
    date: '2025-11-23',
    packId: 'builtin',
    packVersion: 3,
    pack: builtinLabel,
    ...over,
  };
}

export const merzCard: CardView = {
  actor: merz,
  positions: [
    position({ id: 'merz-ceasefire' }),
    position({
      id: 'merz-nato',
      topic: {
        id: 'nato-bid',
        proposition: 'Should Ukraine give up its NATO bid?',
        label: 'NATO bid',
      },
      stance: 'opposes',
      summary: 'Rejects asking Ukraine to drop its NATO ambitions.',
      evidence: {
        sourceId: source.id,
        start: 50,
        end: 90,
        text: 'Merz rejected any demand that Kyiv abandon its NATO hopes',
        kind: 'paraphrase',
      },
      change: {
        kind: 'changed',
        history: [
          { stance: 'unclear', summary: 'Left his view open.', date: '2025-10-01', packVersion: 2 },
        ],
      },
    }),
    position({
      id: 'merz-ceasefire-2',
      stance: 'warns',
      summary: 'Warns that a frozen front would reward the invasion.',
      evidence: {
        sourceId: source.id,
        start: 100,
        end: 130,
        text: 'a frozen front rewards aggression',
        kind: 'quote',
      },
    }),
  ],
  groups: [],
  sourceCount: 2,
  asOf: '2025-11-24',
  packs: [{ id: 'builtin', version: 3, title: 'Built-in pack', verified: true }],
};

export const rubioCard: CardView = {
  actor: rubio,
  positions: [],
  groups: [
    {
      group: usDelegation,
      positions: [
        position({
          id: 'usdel-plan',
          actorId: 'us-delegation',
          stance: 'proposes',
          summary: 'Put forward a 28-point peace plan.',
          evidence: {
            sourceId: source.id,
            start: 200,
            end: 240,
            text: 'the U.S.-proposed 28-point plan',
            kind: 'paraphrase',
          },
        }),
      ],
    },
  ],
  sourceCount: 3,
  asOf: '2025-11-24',
  packs: [{ id: 'builtin', version: 3, title: 'Built-in pack', verified: true }],
};

export const emptyCard: CardView = {
  actor: {
    ...rubio,
    id: 'witkoff',
    name: 'Steve Witkoff',
    role: 'U.S. special envoy',
    memberOf: [],
  },
  positions: [],
  groups: [],
  sourceCount: 4,
  asOf: '2025-11-24',
  packs: [{ id: 'builtin', version: 3, title: 'Built-in pack', verified: true }],
};
