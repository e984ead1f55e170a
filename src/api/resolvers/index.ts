/**
 * All resolvers, merged.
 */
import type { Resolvers } from '../generated/graphql';
import { articleResolvers } from './articles';
import { entityResolvers } from './entities';
import { eventResolvers } from './events';
import { mutationResolvers } from './mutations';
import { pathResolvers } from './paths';
import { graphQueryResolvers } from './queries';
import { scalarResolvers } from './scalars';

/** Every resolver of the schema. */
export const resolvers: Resolvers[] = [scalarResolvers, articleResolvers, entityResolvers, eventResolvers, graphQueryResolvers, pathResolvers, mutationResolvers];
