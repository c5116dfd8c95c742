import { type EntityManager, In, type SelectQueryBuilder } from 'typeorm';
import { CrudService } from '../../common/crud.service';
import { badInput, conflict } from '../../common/errors';
import { assertPeriod, type PeriodRule } from '../../common/periods';
import { currentViewer, jurisdictionTree } from '../../common/scope';
import { Compound } from '../organization/compound.entity';
import { PropertyCompany } from '../organization/property-company.entity';
import { PartyOrganization } from './party-organization.entity';
import type { PartyOrganizationFilter } from './party-organization.inputs';
import { PartyOrganizationMember } from './party-organization-member.entity';
import * as rules from './party-organization.rules';
import { ThreeHaveDesignation } from './three-have-designation.entity';

/** One party organisation of a form per compound (or company) at a time. */
const PARTY_ORGANIZATION_PERIOD: PeriodRule<PartyOrganization> = {
  entity: PartyOrganization,
  from: 'formedOn',
  to: 'dissolvedOn',
  scope: ['compoundId', 'propertyCompanyId', 'form'],
  field: 'formedOn',
  overlap: 'The compound or company already has such a party organisation in that period',
};

/** Coverage on a day: holders (compounds or 三有 companies) of an area, those with a serving organisation, the share (%). */
export interface Coverage {
  total: number;
  covered: number;
  /** covered / total in percent, two decimals; null when there is nothing to cover. */
  rate: number | null;
  /** The ids of those not covered (compounds or companies), for the lists that follow up. */
  uncoveredIds: number[];
}

/**
 * 党组织 of compounds and property companies: where each belongs (exactly one holder, and the
 * jurisdiction it comes under), the form its formal members allow (party-organization.rules.ts), the
 * 党建指导员 where it has none, and the coverage the documents' targets count.
 */
export class PartyOrganizationService extends CrudService<PartyOrganization, PartyOrganizationFilter> {
  protected applyFilter(qb: SelectQueryBuilder<PartyOrganization>, filter: PartyOrganizationFilter): void {
    const { ofCompound, servingOn, ...rest } = filter;
    super.applyFilter(qb, rest);
    if (ofCompound != null) qb.andWhere(ofCompound ? 'e.compoundId IS NOT NULL' : 'e.propertyCompanyId IS NOT NULL');
    if (servingOn) qb.andWhere('e.formedOn <= :servingOn AND (e.dissolvedOn IS NULL OR e.dissolvedOn >= :servingOn)', { servingOn });
  }

  /**
   * Places the record before the scope rule judges it: exactly one holder (COMPOUND_OR_COMPANY), and
   * its owner (see the entity): a compound's community; for a company, the jurisdiction named, else
   * the recording user's, else (a root user) the company's 注册地.
   */
  protected async checkScope(em: EntityManager, row: PartyOrganization): Promise<number | null | undefined> {
    if (row.compoundId == null && row.propertyCompanyId == null) throw badInput('compoundId', 'Say whose party organisation it is: a compound’s or a property company’s', 'COMPOUND_OR_COMPANY');
    if (row.compoundId != null && row.propertyCompanyId != null)
      throw badInput('propertyCompanyId', 'A party organisation belongs to a compound or to a property company, not both', 'COMPOUND_OR_COMPANY');
    if (row.compoundId != null) {
      const compound = await em.findOneBy(Compound, { id: row.compoundId });
      if (compound) row.jurisdictionId = compound.communityId;
    } else if (row.jurisdictionId == null) {
      const viewer = currentViewer();
      const company = await em.findOneBy(PropertyCompany, { id: row.propertyCompanyId! });
      const owner = viewer?.jurisdictionId ?? company?.jurisdictionId ?? null;
      if (owner == null) throw badInput('jurisdictionId', 'Name the jurisdiction the company’s party organisation comes under (the company has no 注册地)', 'REQUIRED');
      row.jurisdictionId = owner;
    }
    return super.checkScope(em, row);
  }

  protected async validate(em: EntityManager, next: PartyOrganization, before: PartyOrganization | null): Promise<void> {
    const refused = rules.formRefusal(next.form, next.formalMemberCount);
    if (refused === 'TOO_FEW_FOR_SINGLE')
      throw badInput(
        'form',
        `单建 takes ${rules.SINGLE_MIN_FORMAL_MEMBERS} or more formal party members (002 一.2); with ${next.formalMemberCount}: 联建, 兼合式, 功能型 or 临时`,
        'TOO_FEW_FOR_SINGLE',
      );
    if (refused === 'FUNCTIONAL_NEEDS_MEMBERS')
      throw badInput('form', '功能型 is for units that have party members (002 一.2); without any: 联建 or 兼合式, and a 党建指导员', 'FUNCTIONAL_NEEDS_MEMBERS');
    if (rules.instructorRequired(next.formalMemberCount) && !next.instructorName?.trim())
      throw badInput('instructorName', 'Without formal party members a 党建指导员 is assigned: name them (002 一.2; 004 二(一))', 'INSTRUCTOR_REQUIRED');
    if (before && (before.compoundId !== next.compoundId || before.propertyCompanyId !== next.propertyCompanyId)) {
      if (await em.exists(PartyOrganizationMember, { where: { partyOrganizationId: before.id } }))
        throw conflict('Committee members of its compound are recorded in this organisation: remove them before moving it', 'compoundId', 'BELONGS_ELSEWHERE');
    }
    await assertPeriod(em, PARTY_ORGANIZATION_PERIOD, next, before?.id);
  }

  /**
   * 小区党组织覆盖率 (003 §3: 小区党组织覆盖率达到100%; 004 二(一) 住宅小区的党组织组建率): of the compounds
   * of the jurisdiction's subtree, those with a party organisation of any form serving on the day.
   * Compounds are counted, not organisations (a compound with two counts once). Reads in the
   * caller's scope.
   */
  async compoundCoverage(jurisdictionId: number, asOf: string, em: EntityManager = this.ds.manager): Promise<Coverage> {
    const area = [...(await jurisdictionTree(this.ds)).subtree(jurisdictionId)];
    const compounds = area.length ? await em.find(Compound, { select: { id: true }, where: { communityId: In(area) } }) : [];
    const ids = compounds.map((c) => c.id);
    const orgs = ids.length ? await em.find(PartyOrganization, { select: { id: true, compoundId: true, formedOn: true, dissolvedOn: true }, where: { compoundId: In(ids) } }) : [];
    return coverage(
      ids,
      rules.coveredOn(
        ids,
        orgs.map((o) => ({ holder: o.compoundId, formedOn: o.formedOn, dissolvedOn: o.dissolvedOn })),
        asOf,
      ),
    );
  }

  /**
   * 注册地在辖区内的“三有”物业服务企业党组织覆盖率 (004 二(一)): of the companies registered (注册地) in the
   * jurisdiction's subtree and counted as 三有 on the day (ThreeHaveDesignation), those with a party
   * organisation of their own (any form: 单独组建 or 联合组建) serving on the day. Companies are counted.
   */
  async threeHaveCompanyCoverage(jurisdictionId: number, asOf: string, em: EntityManager = this.ds.manager): Promise<Coverage> {
    const area = [...(await jurisdictionTree(this.ds)).subtree(jurisdictionId)];
    const companies = area.length ? await em.find(PropertyCompany, { select: { id: true }, where: { jurisdictionId: In(area) } }) : [];
    const companyIds = companies.map((c) => c.id);
    const designations = companyIds.length ? await em.find(ThreeHaveDesignation, { where: { propertyCompanyId: In(companyIds) } }) : [];
    const threeHave = [...new Set(designations.filter((d) => rules.servesOn({ formedOn: d.designatedOn, dissolvedOn: d.endedOn }, asOf)).map((d) => d.propertyCompanyId))];
    const orgs = threeHave.length
      ? await em.find(PartyOrganization, { select: { id: true, propertyCompanyId: true, formedOn: true, dissolvedOn: true }, where: { propertyCompanyId: In(threeHave) } })
      : [];
    return coverage(
      threeHave,
      rules.coveredOn(
        threeHave,
        orgs.map((o) => ({ holder: o.propertyCompanyId, formedOn: o.formedOn, dissolvedOn: o.dissolvedOn })),
        asOf,
      ),
    );
  }
}

function coverage(ids: number[], covered: Set<number>): Coverage {
  return { total: ids.length, covered: covered.size, rate: rules.percent(covered.size, ids.length), uncoveredIds: ids.filter((id) => !covered.has(id)).sort((a, b) => a - b) };
}
