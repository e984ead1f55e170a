/**
 * Mutations: ingesting articles (one transaction each), deleting them, and merging
 * entities for curation.
 */
import { KgError, isKgError } from '../../errors';
import { pipelineComponents } from '../../models';
import { articleFacts } from '../../graph/queries';
import { deleteArticle, mergeEntities } from '../../graph/write';
import { ingestArticle } from '../../graph/ingest';
import { strictGivenDate } from '../../extract/intake/dates';
import { createLoaders, type Loaders } from '../loaders';
import type { ApiContext } from '../context';
import type { ArticleInput, Resolvers } from '../generated/graphql';
import type { IngestResultModel } from '../model';
import { fromGlobalId, toGlobalId } from '../ids';
import { keyOf } from '../names';
import { present } from './present';

/** The IngestWarningCode enum's values; a code the pipeline adds later reads as OTHER until the schema lists it. */
const WARNING_CODES = new Set([
  'BAD_DATE', 'REPLACEMENT_CHARACTERS', 'DROPPED_LINES', 'BINARY_INPUT', 'EMPTY_INPUT', 'UNREADABLE', 'BAD_INPUT_FILE',
  'PAYLOAD_TOO_LARGE', 'BAD_USER_INPUT', 'EXTRACTION_FAILED', 'STORE_WRITE_FAILED', 'TIMEOUT', 'CONFLICT', 'OTHER',
]);

/** The most articles one ingestArticles call may carry. */
export const MAX_BATCH = 100;

/** A failure to report in a batch result: nothing of this input was written. */
function notIngested(code: string, message: string): IngestResultModel {
  return { articleIds: [], entityKeys: [], eventIds: [], warnings: [], alreadyKnown: false, error: { code, message }, committed: false };
}

const isAbort = (error: unknown) => (error as { name?: unknown } | null)?.name === 'AbortError';

async function ingestOne(ctx: ApiContext, input: ArticleInput): Promise<IngestResultModel> {
  if (!input.text.trim()) throw new KgError('BAD_USER_INPUT', 'The article text is empty.');
  if (input.publishedAt != null) {
    const date = strictGivenDate(input.publishedAt);
    if ('error' in date) throw new KgError('BAD_USER_INPUT', `publishedAt: ${date.error}.`);
  }
  const meta = {
    title: input.title ?? undefined,
    url: input.url ?? undefined,
    publishedAt: input.publishedAt ?? undefined,
    source: input.source ?? undefined,
  };
  let ingested;
  try {
    // Extraction runs in the worker pool; a timeout before the write stops it and nothing is stored.
    ingested = await ingestArticle(ctx.store, { name: 'input', text: input.text, meta, single: true }, ctx.extractor ?? pipelineComponents(), {
      signal: ctx.signal,
      maxArticleBytes: ctx.config.limits.maxArticleBytes,
    });
  } catch (error) {
    if (isAbort(error)) throw new KgError('TIMEOUT', 'The request took too long and was cancelled before anything was written.');
    throw error;
  }
  const { docs, errors, outcomes } = ingested;
  if (!docs.length) {
    const first = errors[0];
    if (first?.code === 'PAYLOAD_TOO_LARGE') throw new KgError('PAYLOAD_TOO_LARGE', first.message.replace(/^input: /, ''));
    throw new KgError('BAD_USER_INPUT', first ? first.message.replace(/^input: /, '') : 'No article text was found in the input.');
  }
  // The write has committed: from here no timeout may turn the reply into a failure.
  const facts = await articleFacts(ctx.store, outcomes.map((o) => o.id));
  const entityKeys = [...new Set([...facts.values()].flatMap((f) => f.mentions.map((m) => m.key)))];
  const eventIds = [...new Set([...facts.values()].flatMap((f) => f.events))];
  return {
    articleIds: outcomes.map((o) => o.id),
    entityKeys,
    eventIds,
    warnings: [...docs.flatMap((d) => d.warnings), ...errors.map((e) => ({ code: e.code, message: e.message }))],
    alreadyKnown: outcomes.every((o) => o.alreadyKnown),
    error: null,
    committed: true,
  };
}

/** Loaders for what a mutation wrote: not tied to the request's timeout, so a committed write is always reported. */
const committedLoaders = new WeakMap<ApiContext, Loaders>();
function resultLoaders(ctx: ApiContext): Loaders {
  let loaders = committedLoaders.get(ctx);
  if (!loaders) committedLoaders.set(ctx, (loaders = createLoaders(ctx.store, new AbortController().signal)));
  return loaders;
}

/** Mutation resolvers and the IngestResult type. */
export const mutationResolvers: Resolvers = {
  Mutation: {
    ingestArticle: (_root, args, ctx) => ingestOne(ctx, args.input),
    ingestArticles: async (_root, args, ctx) => {
      if (args.inputs.length > MAX_BATCH) throw new KgError('BAD_USER_INPUT', `At most ${MAX_BATCH} articles per call; split the batch.`);
      const results: IngestResultModel[] = [];
      for (const input of args.inputs) {
        if (ctx.signal.aborted) {
          // Earlier inputs are committed and reported; this one and the rest were not started.
          results.push(notIngested('TIMEOUT', 'Not ingested: the request timed out before this article was started.'));
          continue;
        }
        try {
          results.push(await ingestOne(ctx, input));
        } catch (error) {
          if (!isKgError(error) || error.code === 'INTERNAL_SERVER_ERROR') throw error;
          results.push(notIngested(error.code, error.message));
        }
      }
      return results;
    },
    deleteArticle: async (_root, args, ctx) => {
      const id = keyOf(args.id, ['Article']);
      return { deletedArticleId: toGlobalId('Article', id), deleted: await deleteArticle(ctx.store, id) };
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
  IngestWarning: {
    code: (w) => (WARNING_CODES.has(w.code) ? w.code : 'OTHER') as never,
  },
  IngestResult: {
    article: async (r, _args, ctx) => (r.articleIds[0] ? resultLoaders(ctx).article.load(r.articleIds[0]) : null),
    articles: async (r, _args, ctx) => present(await resultLoaders(ctx).article.loadMany(r.articleIds)),
    entities: async (r, _args, ctx) => present(await resultLoaders(ctx).entity.loadMany(r.entityKeys)),
    events: async (r, _args, ctx) => present(await resultLoaders(ctx).event.loadMany(r.eventIds)),
  },
};
