import type { EntityManager, ObjectLiteral } from 'typeorm';
import type { Actor } from '../../common/context';
import { CrudService } from '../../common/crud.service';
import { conflict } from '../../common/errors';
import type { Workflow } from '../../common/workflow/workflow';
import { notify } from '../notification/notification.service';
import { Compound } from '../organization/compound.entity';
import { PracticalMatter, type PracticalMatterStep } from './practical-matter.entity';
import { PracticalMatterStatus } from './practical-matter.enums';
import type { PracticalMatterFilter } from './practical-matter.inputs';

/** The staff of the unit a practical matter is handed to (责任单位) are told what and by when. */
export async function tellOwner(em: EntityManager, m: PracticalMatter, actor: Actor): Promise<void> {
  await notify(em, {
    recipients: { units: [m.ownerUnitId] },
    kind: 'PRACTICAL_MATTER_ASSIGNED',
    params: { title: [...m.title].slice(0, 40).join(''), due: m.dueOn ?? '—' },
    link: `#/PracticalMatter/${m.id}/show`,
    entityType: 'PracticalMatter',
    entityId: m.id,
    actor,
  });
}

/** 实事: takes its community from the compound; creating one opens its workflow on the day given; closed, it no longer changes. */
export class PracticalMatterService extends CrudService<PracticalMatter, PracticalMatterFilter> {
  workflow!: Workflow<PracticalMatterStatus, PracticalMatter, PracticalMatterStep>;

  protected normalize(input: ObjectLiteral, creating: boolean): ObjectLiteral {
    const { openedOn: _day, ...rest } = input;
    return super.normalize(creating ? { ...rest, status: PracticalMatterStatus.OPEN } : rest, creating);
  }

  protected async validate(em: EntityManager, next: PracticalMatter, before: PracticalMatter | null, actor: Actor): Promise<void> {
    if (before?.status === PracticalMatterStatus.CLOSED) {
      const changed = (['category', 'title', 'plan', 'ownerUnitId', 'dueOn'] as const).find((k) => next[k] !== before[k]);
      if (changed) throw conflict(`Practical matter ${before.id} is closed: its ${changed} can no longer change (reopen it first)`, changed, 'FROZEN');
    }
    if (!before || next.compoundId !== before.compoundId) next.communityId = (await em.findOneByOrFail(Compound, { id: next.compoundId })).communityId;
    // handed to another unit: its staff are told, in the same transaction
    if (before && next.ownerUnitId !== null && next.ownerUnitId !== before.ownerUnitId) await tellOwner(em, next, actor);
  }

  protected async afterInsert(em: EntityManager, saved: PracticalMatter, input: ObjectLiteral, actor: Actor): Promise<void> {
    await this.workflow.open(em, actor, saved.id, String(input.openedOn));
    if (saved.ownerUnitId !== null) await tellOwner(em, saved, actor);
  }

  protected auditSnapshot(em: EntityManager, row: PracticalMatter): Promise<ObjectLiteral> {
    return this.workflow.snapshot(em, row);
  }
}
