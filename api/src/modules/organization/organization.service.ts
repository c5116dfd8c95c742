import type { EntityManager, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { Actor } from '../../common/context';
import { CrudService } from '../../common/crud.service';
import { jurisdictionsChanged } from '../../common/scope';
import { todayInChina } from '../../common/dates';
import { badInput } from '../../common/errors';
import { whereFlags } from './compound-flags';
import type { Compound } from './compound.entity';
import { JurisdictionLevel, LEVEL_DEPTH, MODES_WITH_COMPANY } from './enums';
import { Jurisdiction } from './jurisdiction.entity';
import type { CompoundFilter, JurisdictionFilter, PropertyCompanyFilter, UnitFilter } from './organization.inputs';
import type { PropertyCompany } from './property-company.entity';
import type { Unit } from './unit.entity';

/** 行政区划: a tree where each level sits exactly one step below its parent. */
export class JurisdictionService extends CrudService<Jurisdiction, JurisdictionFilter> {
  // The scope rule holds the tree in memory (common/scope.ts): a written jurisdiction reloads it.
  async create(input: ObjectLiteral, actor: Actor): Promise<Jurisdiction> {
    return afterTreeChange(await super.create(input, actor));
  }

  async update(id: number, input: ObjectLiteral, actor: Actor): Promise<Jurisdiction> {
    return afterTreeChange(await super.update(id, input, actor));
  }

  async delete(id: number, actor: Actor): Promise<Jurisdiction> {
    return afterTreeChange(await super.delete(id, actor));
  }

  protected async validate(em: EntityManager, next: Jurisdiction, before: Jurisdiction | null): Promise<void> {
    if (next.parentId == null) return;
    if (before && next.parentId === before.id) throw badInput('parentId', 'A jurisdiction cannot be its own parent', 'SELF_REFERENCE');
    const parent = await em.findOneByOrFail(Jurisdiction, { id: next.parentId });
    if (LEVEL_DEPTH[parent.level] + 1 !== LEVEL_DEPTH[next.level]) {
      throw badInput('parentId', `A ${next.level} must sit directly under a ${levelAbove(next.level) ?? 'nothing'}, not a ${parent.level}`, 'WRONG_LEVEL');
    }
  }
}

function afterTreeChange<T>(row: T): T {
  jurisdictionsChanged();
  return row;
}

function levelAbove(level: JurisdictionLevel): JurisdictionLevel | undefined {
  return (Object.keys(LEVEL_DEPTH) as JurisdictionLevel[]).find((l) => LEVEL_DEPTH[l] === LEVEL_DEPTH[level] - 1);
}

/** 责任单位 */
export class UnitService extends CrudService<Unit, UnitFilter> {
  protected normalize(input: ObjectLiteral, creating: boolean): ObjectLiteral {
    const aliases = Array.isArray(input.aliases) ? [...new Set(input.aliases.map((a: string) => a.trim()).filter(Boolean))] : input.aliases;
    return super.normalize({ ...input, aliases: aliases ?? (creating ? [] : undefined) }, creating);
  }
}

/** 物业服务企业: the credit code is stored upper-case and is unique. */
export class PropertyCompanyService extends CrudService<PropertyCompany, PropertyCompanyFilter> {
  protected normalize(input: ObjectLiteral, creating: boolean): ObjectLiteral {
    const out = super.normalize(input, creating);
    if (typeof out.uscc === 'string') out.uscc = out.uscc.toUpperCase();
    return out;
  }

  protected applyFilter(qb: SelectQueryBuilder<PropertyCompany>, filter: PropertyCompanyFilter): void {
    const { uscc, ...rest } = filter;
    super.applyFilter(qb, rest);
    if (uscc) qb.andWhere('e.uscc = :uscc', { uscc: uscc.trim().toUpperCase() });
  }
}

/** 住宅小区: lies in a community; has a company exactly when the mode is one served by a company. */
export class CompoundService extends CrudService<Compound, CompoundFilter> {
  /** flags: the compounds where each holds on asOf (the domains' conditions, compound-flags.ts). */
  protected applyFilter(qb: SelectQueryBuilder<Compound>, filter: CompoundFilter): void {
    const { flags, asOf, ...rest } = filter;
    super.applyFilter(qb, rest);
    if (flags?.length) whereFlags(qb as SelectQueryBuilder<object>, this.ds, flags, asOf ?? todayInChina());
  }

  protected async validate(em: EntityManager, next: Compound): Promise<void> {
    const community = await em.findOneByOrFail(Jurisdiction, { id: next.communityId });
    if (community.level !== JurisdictionLevel.COMMUNITY) {
      throw badInput('communityId', `A compound lies in a community (社区·村), not a ${community.level}`, 'WRONG_LEVEL');
    }
    const needsCompany = MODES_WITH_COMPANY.includes(next.managementMode);
    if (needsCompany && next.propertyCompanyId == null) {
      throw badInput('propertyCompanyId', `A compound managed as ${next.managementMode} needs a property company`, 'REQUIRED');
    }
    if (!needsCompany && next.propertyCompanyId != null) {
      throw badInput('propertyCompanyId', `A compound managed as ${next.managementMode} has no property company`, 'NOT_APPLICABLE');
    }
  }
}
