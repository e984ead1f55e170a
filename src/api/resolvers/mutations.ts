/**
 * Mutations: ingesting articles (one transaction each), deleting them, and merging
 * entities for curation.
 */
import { KgError, isKgError } from '../../errors';
import { extract } from '../../extract/pipeline';
import { pipelineComponents } from '../../models';
import { articleFacts } from '../../graph/queries';
import { deleteArticle, mergeEntities, writeArticle } from '../../graph/write';
import type { ApiContext } from '../context';
import type { ArticleInput, Resolvers } from '../generated/graphql';
import type { IngestResultModel } from '../model';
import { fromGlobalId, toGlobalId } from '../ids';
import { keyOf } from '../names';
import { present } from './present';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/** The most articles one ingestArticles call may carry. */
export const MAX_BATCH = 100;

async function ingestOne(ctx: ApiContext, input: ArticleInput): Promise<IngestResultModel> {
  const bytes = Buffer.byteLength(input.text, 'utf8');
  if (bytes > ctx.config.limits.maxArticleBytes) {
    throw new KgError('PAYLOAD_TOO_LARGE', `The article is ${bytes} bytes; the limit is ${ctx.config.limits.maxArticleBytes}.`);
  }
  if (!input.text.trim()) throw new KgError('BAD_USER_INPUT', 'The article text is empty.');
  if (input.publishedAt != null && !(ISO_DATE.test(input.publishedAt) && !Number.isNaN(Date.parse(input.publishedAt)))) {
    throw new KgError('BAD_USER_INPUT', `publishedAt must be an ISO 8601 date such as 2025-07-14 (or 2025-07-14T09:30:00Z); got "${input.publishedAt.slice(0, 40)}".`);
  }
  const meta = {
    title: input.title ?? undefined,
    url: input.url ?? undefined,
    publishedAt: input.publishedAt ?? undefined,
    source: input.source ?? undefined,
  };
  const { docs, errors } = extract({ name: 'input', text: input.text, meta, single: true }, pipelineComponents());
  if (!docs.length) {
    const first = errors[0];
    throw new KgError('BAD_USER_INPUT', first ? first.message.replace(/^input: /, '') : 'No article text was found in the input.');
  }
  const outcomes = [];
  for (const doc of docs) outcomes.push(await writeArticle(ctx.store, doc));
  const facts = await articleFacts(ctx.store, outcomes.map((o) => o.id), { signal: ctx.signal });
  const entityKeys = [...new Set([...facts.values()].flatMap((f) => f.mentions.map((m) => m.key)))];
  const eventIds = [...new Set([...facts.values()].flatMap((f) => f.events))];
  return {
    articleIds: outcomes.map((o) => o.id),
    entityKeys,
    eventIds,
    warnings: [...docs.flatMap((d) => d.warnings), ...errors.map((e) => ({ code: e.code, message: e.message }))],
    alreadyKnown: outcomes.every((o) => o.alreadyKnown),
    error: null,
  };
}

/** Mutation resolvers and the IngestResult type. */
export const mutationResolvers: Resolvers = {
  Mutation: {
    ingestArticle: (_root, args, ctx) => ingestOne(ctx, args.input),
    ingestArticles: async (_root, args, ctx) => {
      if (args.inputs.length > MAX_BATCH) throw new KgError('BAD_USER_INPUT', `At most ${MAX_BATCH} articles per call; split the batch.`);
      const results: IngestResultModel[] = [];
      for (const input of args.inputs) {
        try {
          results.push(await ingestOne(ctx, input));
        } catch (error) {
          if (!isKgError(error) || error.code === 'INTERNAL_SERVER_ERROR') throw error;
          results.push({ articleIds: [], entityKeys: [], eventIds: [], warnings: [], alreadyKnown: false, error: { code: error.code, message: error.message } });
        }
      }
      return results;
    },
    deleteArticle: async (_root, args, ctx) => {
      const id = keyOf(args.id, ['Article']);
      return { id: toGlobalId('Article', id), deleted: await deleteArticle(ctx.store, id) };
    },
    mergeEntities: async (_root, args, ctx) => {
      const keep = fromGlobalId(args.keep);
      const merge = fromGlobalId(args.merge);
      const entityTypes = ['Person', 'Organization', 'Place'];
      if (!entityTypes.includes(keep.type) || !entityTypes.includes(merge.type)) throw new KgError('BAD_USER_INPUT', 'Both ids must be entity ids.');
      await mergeEntities(ctx.store, keep.id, merge.id);
      ctx.loaders.entity.clear(keep.id);
      const entity = await ctx.loaders.entity.load(keep.id);
      if (!entity) throw new KgError('NOT_FOUND', `No entity ${args.keep}.`);
      return entity;
    },
  },
  IngestResult: {
    article: async (r, _args, ctx) => (r.articleIds[0] ? ctx.loaders.article.load(r.articleIds[0]) : null),
    articles: async (r, _args, ctx) => present(await ctx.loaders.article.loadMany(r.articleIds)),
    entities: async (r, _args, ctx) => present(await ctx.loaders.entity.loadMany(r.entityKeys)),
    events: async (r, _args, ctx) => present(await ctx.loaders.event.loadMany(r.eventIds)),
  },
};
