import { In, type DataSource } from 'typeorm';
import { escapeHtml, printPage } from '../../common/print';
import { inForceOn } from '../../common/periods';
import { Jurisdiction } from '../organization/jurisdiction.entity';
import { Unit } from '../organization/unit.entity';
import { PolicyDocument } from '../policy/policy-document.entity';
import { ROLE_LABEL, type GroupRole } from './enums';
import { Membership } from './membership.entity';
import { ROLE_ORDER_SQL } from './membership.service';
import { Person } from './person.entity';
import { Post } from './post.entity';
import { WorkingGroup } from './working-group.entity';
import type { WorkingGroupService } from './working-group.service';

/** One seat as the printed roster shows it. */
export interface PrintedSeat {
  role: GroupRole;
  name: string;
  post: string | null;
  unit: string | null;
  concurrent: boolean;
}

/** A group (or one of its offices) with its seats on the day. */
export interface PrintedGroup {
  name: string;
  hostedAt: string | null;
  seats: PrintedSeat[];
}

/** 名册: a working group's roster as of a day, with its offices and sub-groups, read through the scope rule. */
export interface PrintedRoster {
  office: string | null;
  document: string | null;
  asOf: string;
  groups: PrintedGroup[];
}

/** 打印名册: gathers a group's seats in force on a day in printed order (组长 first, then published order). */
export class RosterPrintService {
  constructor(
    private readonly ds: DataSource,
    private readonly groups: WorkingGroupService,
  ) {}

  async of(groupId: number, asOf: string): Promise<PrintedRoster> {
    const group = await this.groups.getOrFail(groupId);
    const em = this.ds.manager;
    const subGroups = await em.find(WorkingGroup, { where: { parentId: group.id }, order: { id: 'ASC' }, take: 50 });
    const all = [group, ...subGroups];
    const seats = await inForceOn(
      em
        .getRepository(Membership)
        .createQueryBuilder('e')
        .where('e.groupId IN (:...ids)', { ids: all.map((g) => g.id) }),
      asOf,
    )
      .orderBy(ROLE_ORDER_SQL, 'ASC')
      .addOrderBy('e.sortOrder', 'ASC')
      .addOrderBy('e.id', 'ASC')
      .take(2000)
      .getMany();
    const byId = async <T extends { id: number }>(entity: new () => T, ids: Array<number | null>) => {
      const wanted = [...new Set(ids.filter((x): x is number => x != null))];
      const rows = wanted.length ? await em.find(entity, { where: { id: In(wanted) } as never }) : [];
      return new Map(rows.map((r) => [r.id, r]));
    };
    const people = await byId(
      Person,
      seats.map((s) => s.personId),
    );
    const posts = await byId(
      Post,
      seats.map((s) => s.postId),
    );
    const units = await byId(
      Unit,
      [...posts.values()].map((p) => p.unitId),
    );
    const [office, document] = await Promise.all([
      group.jurisdictionId ? em.findOneBy(Jurisdiction, { id: group.jurisdictionId }) : null,
      group.documentId ? em.findOneBy(PolicyDocument, { id: group.documentId }) : null,
    ]);
    return {
      office: office?.name ?? null,
      document: document ? [document.title, document.docNumber].filter(Boolean).join(' ') : null,
      asOf,
      groups: all.map((g) => ({
        name: g.name,
        hostedAt: g.hostedAt,
        seats: seats
          .filter((s) => s.groupId === g.id)
          .map((s) => {
            const post = s.postId ? posts.get(s.postId) : undefined;
            return {
              role: s.role,
              name: people.get(s.personId)?.name ?? '',
              post: post?.title ?? null,
              unit: post?.unitId ? (units.get(post.unitId)?.name ?? null) : null,
              concurrent: s.concurrent,
            };
          }),
      })),
    };
  }
}

/** The roster as a printable page (名单 as the documents print it: 职务, 姓名, 单位及职务). */
export function rosterHtml(r: PrintedRoster, printedOn: string): string {
  const e = escapeHtml;
  const section = (g: PrintedGroup, first: boolean) => {
    const rows = g.seats
      .map(
        (s, i) =>
          `<tr data-testid="seat"><td>${i + 1}</td><td>${e(ROLE_LABEL[s.role])}</td><td>${e(s.name)}</td><td>${e(s.post ?? '')}${s.concurrent ? '（兼）' : ''}</td><td>${e(s.unit ?? '')}</td></tr>`,
      )
      .join('');
    return `${first ? `<h1>${e(g.name)}名单</h1>` : `<h2>${e(g.name)}${g.hostedAt ? `（${e(g.hostedAt)}）` : ''}</h2>`}
${first ? `<div class="sub">${e(r.office ?? '')}${r.document ? ` · ${e(r.document)}` : ''} · 截至 ${e(r.asOf)}</div>` : ''}
<table class="list"><thead><tr><th>序号</th><th>组内职务</th><th>姓名</th><th>职务</th><th>单位</th></tr></thead><tbody>${rows || '<tr><td colspan="5">该日无成员</td></tr>'}</tbody></table>`;
  };
  const [main] = r.groups;
  return printPage(
    `${main.name}名单-${r.asOf}`,
    `${r.groups.map((g, i) => section(g, i === 0)).join('\n')}\n<div class="foot"><span>名单以 ${e(r.asOf)} 在任人员为准。</span><span>打印日期：${e(printedOn)}</span></div>`,
  );
}
