/**
 * The `path` query: the shortest chain between two entities through shared events and
 * roles, turned from raw graph hops into readable steps.
 */
import { KgError } from '../../errors';
import { shortestPath, type RawPath } from '../../graph/queries';
import type { ApiContext } from '../context';
import type { Resolvers } from '../generated/graphql';
import type { PathModel, PathStepModel } from '../model';
import { requireEntityKey } from '../names';
import { present } from './present';

/** Default and largest number of steps a path query may take. */
export const PATH_HOPS = { default: 4, max: 6 } as const;

/** Folds raw hops into steps: entity-event-entity is one EVENT step, entity-entity one ROLE step. */
export function pathSteps(raw: RawPath): PathModel {
  const keys: string[] = [];
  const steps: PathStepModel[] = [];
  const nodes = raw.nodes;
  let i = 0;
  if (nodes[0]?.key) keys.push(nodes[0].key);
  while (i < nodes.length - 1) {
    const from = nodes[i].key!;
    if (nodes[i + 1].event && nodes[i + 2]?.key) {
      steps.push({ fromKey: from, toKey: nodes[i + 2].key!, kind: 'EVENT', eventId: nodes[i + 1].event, title: null, holderKey: null });
      keys.push(nodes[i + 2].key!);
      i += 2;
    } else {
      const link = raw.links[i];
      steps.push({ fromKey: from, toKey: nodes[i + 1].key!, kind: 'ROLE', eventId: null, title: link?.title ?? null, holderKey: link?.from ?? from });
      keys.push(nodes[i + 1].key!);
      i += 1;
    }
  }
  return { keys, steps };
}

async function describe(ctx: ApiContext, step: PathStepModel): Promise<string> {
  const [from, to] = await Promise.all([ctx.loaders.entity.load(step.fromKey), ctx.loaders.entity.load(step.toKey)]);
  const a = from?.name ?? step.fromKey;
  const b = to?.name ?? step.toKey;
  if (step.kind === 'ROLE') {
    const holder = step.holderKey === step.toKey ? b : a;
    const body = step.holderKey === step.toKey ? a : b;
    return `${holder} is ${step.title ?? 'affiliated with'} of ${body}`;
  }
  const event = step.eventId ? await ctx.loaders.event.load(step.eventId) : null;
  if (!event) return `${a} and ${b} took part in the same event`;
  const place = event.placeKey ? (await ctx.loaders.entity.load(event.placeKey))?.name : null;
  const details = [event.status, event.date, place].filter(Boolean).join(', ');
  return `${a} and ${b}: ${event.type}${details ? ` (${details})` : ''}`;
}

/** Resolvers of path queries. */
export const pathResolvers: Resolvers = {
  Query: {
    path: async (_root, args, ctx) => {
      const hops = args.maxHops ?? PATH_HOPS.default;
      if (hops < 1 || hops > PATH_HOPS.max) throw new KgError('BAD_USER_INPUT', `maxHops must lie in 1..${PATH_HOPS.max}.`);
      const [from, to] = await Promise.all([requireEntityKey(ctx, args.from), requireEntityKey(ctx, args.to)]);
      if (from === to) return { keys: [from], steps: [] };
      // An event step spans two relationships (in and out of the event).
      const raw = await shortestPath(ctx.store, from, to, hops * 2, { signal: ctx.signal });
      if (!raw) return null;
      const model = pathSteps(raw);
      return model.steps.length <= hops ? model : null;
    },
  },
  Path: {
    length: (p) => p.steps.length,
    entities: async (p, _args, ctx) => present(await ctx.loaders.entity.loadMany(p.keys)),
  },
  PathStep: {
    from: async (s, _args, ctx) => (await ctx.loaders.entity.load(s.fromKey))!,
    to: async (s, _args, ctx) => (await ctx.loaders.entity.load(s.toKey))!,
    event: async (s, _args, ctx) => (s.eventId ? ctx.loaders.event.load(s.eventId) : null),
    description: (s, _args, ctx) => describe(ctx, s),
  },
};
