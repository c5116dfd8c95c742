import { PartyOrganizationForm } from './party-organization.entity';
import { PartyBranchRole } from './party-organization-member.entity';

/*
 * The party-organisation rules as the documents word them, as pure functions of the records and a day.
 *
 * 002 一.2 大力推进党组织全覆盖: 指导有3名以上正式党员的物业服务企业、物业服务项目、小区业主群体建立党组织;
 * 对有党员但暂不具备组建党组织条件的，依托物业行业党组织建立行业党支部或探索成立功能型党支部; 没有党员的，
 * 采取选派“第一书记”、党建指导员等方式实现党的工作覆盖 … 综合采取单建党支部、联建党支部、成立临时党支部等多种形式.
 * 004 二(一): 组建建制式或功能型小区党组织，其中符合组建建制式党组织的小区“应建尽建”; 采取单独组建、联合组建等
 * 形式; 针对暂不具备组建党组织条件的物业服务企业，通过选派党建指导员 … 加强党的工作覆盖.
 * 000 附件 二(一): 对未成立党组织的物业服务企业派遣党建指导员; 二(二): 成立党组织或兼合式党组织.
 *
 * So, counted in formal members (正式党员; probationary members do not count, as 002 says 正式):
 * - 3 or more: the unit may (and, 004: 应建尽建, should) form its own: 单建 is allowed;
 * - 1 or 2: 单建 is refused (TOO_FEW_FOR_SINGLE); 联建, 兼合式, 功能型 and 临时 are open;
 * - none: 单建 is refused, and so is 功能型 (002 gives it to units 有党员; FUNCTIONAL_NEEDS_MEMBERS);
 *   a 党建指导员 is assigned by name (INSTRUCTOR_REQUIRED); 联建 and 兼合式 (001 四(一)2: 选派镇村党员
 *   干部兼任小区“兼合式”党支部书记) remain open, since their members come from elsewhere.
 * A record from before these counts were kept (formalMemberCount null) is not judged.
 */

/** 3名以上正式党员 (002 一.2): “以上” includes the number itself. */
export const SINGLE_MIN_FORMAL_MEMBERS = 3;

export type FormRefusal = 'TOO_FEW_FOR_SINGLE' | 'FUNCTIONAL_NEEDS_MEMBERS';

/** Why the form may not be chosen with these formal members, or null when it may. */
export function formRefusal(form: PartyOrganizationForm, formalMembers: number | null): FormRefusal | null {
  if (formalMembers === null) return null;
  if (form === PartyOrganizationForm.SINGLE && formalMembers < SINGLE_MIN_FORMAL_MEMBERS) return 'TOO_FEW_FOR_SINGLE';
  if (form === PartyOrganizationForm.FUNCTIONAL && formalMembers === 0) return 'FUNCTIONAL_NEEDS_MEMBERS';
  return null;
}

/** No formal members: a 党建指导员 is assigned, by name (002 一.2; 004 二(一); 000 附件 二(一)). */
export const instructorRequired = (formalMembers: number | null): boolean => formalMembers === 0;

/** Enough formal members to form its own (单建) organisation; one of another form could become one (004: 应建尽建). */
export const maySingle = (formalMembers: number | null): boolean => formalMembers !== null && formalMembers >= SINGLE_MIN_FORMAL_MEMBERS;

/** Serving on the day: formed by then and not dissolved before it. */
export const servesOn = (o: { formedOn: string; dissolvedOn: string | null }, day: string): boolean => o.formedOn <= day && (o.dissolvedOn === null || o.dissolvedOn >= day);

/** The branch's 班子 (支部委员会): 书记, 副书记, 支委委员. */
export const LEADERSHIP: readonly PartyBranchRole[] = [PartyBranchRole.SECRETARY, PartyBranchRole.DEPUTY_SECRETARY, PartyBranchRole.COMMITTEE_MEMBER];

/** What crossServing reads of one link: the branch seat, the committee member and their committee. */
export interface CrossSeat {
  branchRole: PartyBranchRole;
  member: { servedFrom: string | null; servedTo: string | null; removedOn: string | null };
  committee: { formedOn: string; dissolvedOn: string | null; termEndsOn: string | null };
}

/**
 * The committee member sits on the owners' committee on the day: the committee serves, the member
 * has begun (servedFrom, default the committee's formation) and has not left (servedTo, removedOn:
 * the owners' meeting ended the membership). A suspended member still holds the seat (001 二.2).
 */
export function seatedOn(s: Pick<CrossSeat, 'member' | 'committee'>, day: string): boolean {
  const { member: m, committee: c } = s;
  if (!servesOn(c, day)) return false;
  if ((m.servedFrom ?? c.formedOn) > day) return false;
  if (m.servedTo !== null && m.servedTo < day) return false;
  return m.removedOn === null || m.removedOn > day;
}

/** The links whose committee member sits on the owners' committee on the day. */
export const crossServingSeats = <S extends Pick<CrossSeat, 'member' | 'committee'>>(seats: readonly S[], day: string): S[] => seats.filter((s) => seatedOn(s, day));

/**
 * 双向进入、交叉任职 on the day: an owners'-committee member is in the branch (业委会成员进入党组织, 001
 * 四(一)2: 党员业主 … 兼任小区“兼合式”党支部党员) and one of the branch's 班子 sits on the committee
 * (党组织成员进入业委会, 004 二(二); 003: 书记与业委会主任“一肩挑”). One person may be both.
 */
export function crossServing(seats: readonly CrossSeat[], day: string): boolean {
  const seated = crossServingSeats(seats, day);
  return seated.length > 0 && seated.some((s) => LEADERSHIP.includes(s.branchRole));
}

/** Coverage: of the holders (compounds or companies), those with an organisation serving on the day. */
export function coveredOn<K>(holders: Iterable<K>, orgs: ReadonlyArray<{ holder: K | null; formedOn: string; dissolvedOn: string | null }>, day: string): Set<K> {
  const serving = new Set(orgs.filter((o) => o.holder !== null && servesOn(o, day)).map((o) => o.holder as K));
  return new Set([...holders].filter((h) => serving.has(h)));
}

/** n of d in percent (common/percent.ts). */
export { percent } from '../../common/percent';
