import { type EntityManager, In, type ObjectLiteral } from 'typeorm';
import { AppError, ErrorCode } from '../../common/errors';
import { assertWritable } from '../../common/scope';
import { headerOf, RowError, type SheetLayout } from '../../common/sheet-import/layout';
import { Compound } from './compound.entity';
import { JurisdictionLevel } from './enums';
import { Jurisdiction } from './jurisdiction.entity';

/** A compound a sheet row names, found, with its community's name. */
export interface SheetCompound {
  compound: Compound;
  community: string;
}

/** The compounds a sheet may name (those the importer sees), and the one a row names. */
export interface CompoundFinder {
  compounds: Compound[];
  /** The compound of a row's 社区 and 小区, or a RowError saying why there is none the importer may record. */
  find(community: unknown, compound: unknown): SheetCompound;
}

/**
 * Finds the compounds a sheet names by 社区 and 小区 (the layout's `community` and `compound` columns),
 * among the compounds the importer may see, and says of each whether they may record `entity` there
 * (the scope rule's own answer, common/scope.ts: a community's staff their own community only).
 * Another office's compound is simply not found: the answer says nothing more about it.
 *
 * Every compound-ledger import (业委会名册, 公共收益公示台账) reads its rows' compounds through this, so
 * the codes and the scope answer are the same: COMMUNITY_REQUIRED, COMPOUND_REQUIRED,
 * UNKNOWN_COMMUNITY, COMPOUND_NOT_FOUND, AMBIGUOUS_COMPOUND, OUT_OF_SCOPE.
 */
export async function compoundFinder(em: EntityManager, layout: SheetLayout, rows: Array<{ community?: unknown; compound?: unknown }>, entity: { new (): ObjectLiteral }): Promise<CompoundFinder> {
  const header = (field: string) => headerOf(layout, field);
  const names = (field: 'community' | 'compound') => [...new Set(rows.map((r) => r[field]).filter((v): v is string => typeof v === 'string' && v !== ''))];
  const communityNames = names('community');
  const communities = communityNames.length ? await em.find(Jurisdiction, { where: { name: In(communityNames), level: JurisdictionLevel.COMMUNITY } }) : [];
  const communityName = new Map(communities.map((c) => [c.id, c.name]));
  const compoundNames = names('compound');
  // the read rule leaves out the compounds of other offices: they are simply not found
  const compounds = compoundNames.length && communities.length ? await em.find(Compound, { where: { name: In(compoundNames), communityId: In([...communityName.keys()]) } }) : [];
  const typeName = em.connection.getMetadata(entity).name;
  const writable = new Set<number>();
  for (const c of compounds) {
    try {
      await assertWritable(em, entity, { compoundId: c.id }, typeName);
      writable.add(c.id);
    } catch (err) {
      if (!(err instanceof AppError && err.extensions.code === ErrorCode.FORBIDDEN)) throw err;
    }
  }
  const find = (community: unknown, compound: unknown): SheetCompound => {
    if (!community) throw new RowError('COMMUNITY_REQUIRED', 'community', `${header('community')} is empty`);
    if (!compound) throw new RowError('COMPOUND_REQUIRED', 'compound', `${header('compound')} is empty`);
    if (!communities.some((c) => c.name === community)) throw new RowError('UNKNOWN_COMMUNITY', 'community', `No community (社区·村) is called "${String(community)}"`);
    const found = compounds.filter((c) => c.name === compound && communityName.get(c.communityId) === community);
    if (!found.length) throw new RowError('COMPOUND_NOT_FOUND', 'compound', `No compound "${String(compound)}" in ${String(community)} that you can see`);
    if (found.length > 1) throw new RowError('AMBIGUOUS_COMPOUND', 'compound', `${found.length} compounds are called "${String(compound)}" in communities called ${String(community)}`);
    if (!writable.has(found[0].id)) throw new RowError('OUT_OF_SCOPE', 'compound', `You may not record the ${typeName} records of ${found[0].name}`);
    return { compound: found[0], community: String(community) };
  };
  return { find, compounds };
}
