/**
 * The entity stage: name mentions (NER model + gazetteer), roles, and resolution into the
 * Doc's entities.
 */
import type { Doc } from '../types';
import type { NerModel } from '../ner/model';
import { findMentions, sentenceTokens } from './mentions';
import { findRoles } from './roles';
import { resolveEntities } from './resolve';

/** Creates the entity component for a loaded NER model. */
export function entityComponent(model: NerModel): (doc: Doc) => void {
  return (doc) => {
    const tokens = sentenceTokens(doc);
    const { mentions, demonyms } = findMentions(doc, model, tokens);
    const roles = findRoles(doc.text, mentions, demonyms);
    doc.entities = resolveEntities(doc.text, mentions, demonyms, roles, doc.publishedAt);
  };
}
