/**
 * All resolvers, merged.
 */
import type { Resolvers } from '../generated/graphql';
import { articleResolvers } from './articles';

/** Every resolver of the schema. */
export const resolvers: Resolvers[] = [articleResolvers];
