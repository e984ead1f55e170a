/**
 * A cost limit where lists multiply: a field's children cost as many times as the field can
 * return items (its `first`/`last` argument, or a default for lists without one). Runs
 * once the operation and its variables are known, before any resolver touches the store.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import {
  GraphQLError,
  getNamedType,
  getNullableType,
  isCompositeType,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLSchema,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';

/** Options of useQueryCost. */
export interface QueryCostOptions {
  /** The most a query may cost. */
  maxCost: number;
  /** Items assumed for a paged field called without `first`/`last`. */
  defaultPageSize: number;
  /** Items assumed for a list field without paging arguments. */
  defaultListSize: number;
  /** Page sizes are capped at this, so larger requests cost no more. */
  maxPageSize: number;
  /** What a leaf field costs by what it can weigh ("Article.text": a whole article); others cost nothing. */
  leafCosts?: Record<string, number>;
}

/** Leaf costs by weight: an article text can be up to KG_MAX_ARTICLE_BYTES, a sentence a few hundred bytes. */
export const DEFAULT_LEAF_COSTS: Record<string, number> = { 'Article.text': 200, 'Evidence.sentence': 1 };

function argumentValue(value: ValueNode | undefined, variables: Record<string, unknown>): number | undefined {
  if (!value) return undefined;
  if (value.kind === Kind.INT) return Number(value.value);
  if (value.kind === Kind.VARIABLE) {
    const v = variables[value.name.value];
    return typeof v === 'number' ? v : undefined;
  }
  return undefined;
}

/** The cost of a selection set: objects cost one each, multiplied by how many their lists can hold. */
export function selectionCost(
  schema: GraphQLSchema,
  set: SelectionSetNode,
  parent: GraphQLCompositeType,
  fragments: Record<string, FragmentDefinitionNode>,
  variables: Record<string, unknown>,
  options: QueryCostOptions,
  seen: Set<string> = new Set(),
): number {
  let cost = 0;
  for (const selection of set.selections) {
    if (selection.kind === Kind.FIELD) {
      if (selection.name.value.startsWith('__') || !(isObjectType(parent) || isInterfaceType(parent))) continue;
      const field = parent.getFields()[selection.name.value];
      if (!field) continue;
      const named = getNamedType(field.type);
      if (!selection.selectionSet || !isCompositeType(named)) {
        cost += options.leafCosts?.[`${parent.name}.${field.name}`] ?? 0;
        continue;
      }
      const paging = selection.arguments?.find((a) => a.name.value === 'first' || a.name.value === 'last');
      const pagedField = field.args.some((a) => a.name === 'first' || a.name === 'last');
      const isList = isListType(getNullableType(field.type));
      // An SDL default (`first: Int = 50`) counts when the query gives no size.
      const sdlDefault = field.args.find((a) => a.name === 'first')?.defaultValue;
      const given = argumentValue(paging?.value, variables) ?? (typeof sdlDefault === 'number' ? sdlDefault : undefined);
      // A connection's `edges` and `nodes` are its page: counted once, by the paged field.
      const page = selection.name.value === 'edges' || selection.name.value === 'nodes';
      const items = pagedField ? Math.min(options.maxPageSize, given ?? options.defaultPageSize) : isList && !page ? options.defaultListSize : 1;
      cost += 1 + Math.max(1, items) * selectionCost(schema, selection.selectionSet, named, fragments, variables, options, seen);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      const type = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parent;
      if (type && isCompositeType(type)) cost += selectionCost(schema, selection.selectionSet, type, fragments, variables, options, seen);
    } else {
      const fragment = fragments[selection.name.value];
      if (!fragment || seen.has(fragment.name.value)) continue;
      const type = schema.getType(fragment.typeCondition.name.value);
      const inner = new Set(seen).add(fragment.name.value);
      if (type && isCompositeType(type)) cost += selectionCost(schema, fragment.selectionSet, type, fragments, variables, options, inner);
    }
  }
  return cost;
}

/** An Apollo plugin refusing operations whose cost exceeds the limit (QUERY_TOO_COMPLEX). */
export function useQueryCost(options: QueryCostOptions): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, document, schema, request }) {
          if (!operation) return;
          const fragments: Record<string, FragmentDefinitionNode> = {};
          for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments[d.name.value] = d;
          const root = operation.operation === 'mutation' ? schema.getMutationType() : schema.getQueryType();
          if (!root) return;
          const cost = selectionCost(schema, operation.selectionSet, root, fragments, request.variables ?? {}, options);
          if (cost > options.maxCost) {
            throw new GraphQLError(`The query costs ${cost}, above the limit of ${options.maxCost}: ask for fewer items per list or nest less.`, {
              extensions: { code: 'QUERY_TOO_COMPLEX', cost, maxCost: options.maxCost, http: { status: 400 } },
            });
          }
        },
      };
    },
  };
}
