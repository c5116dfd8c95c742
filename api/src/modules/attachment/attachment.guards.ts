import type { EntityManager } from 'typeorm';
import type { Actor } from '../../common/context';
import { forbidden } from '../../common/errors';
import { Role } from '../../common/roles';
import { Complaint, type ComplaintStep } from '../complaint/complaint.entity';
import { Assignment } from '../task/assignment.entity';
import type { ProgressReport } from '../task/progress-report.entity';

/*
 * What the records' own services add to the scope rule for unit staff, applied to their attachments
 * too: a unit reports on its own assignments (task.service.ts), and only the unit a complaint is
 * handed to records its handling (complaint.workflow.ts). The office is held to the scope rule alone.
 */

/** Unit staff attach to their own unit's progress reports only. */
export async function ownUnitsReport(em: EntityManager, report: ProgressReport, actor: Actor): Promise<void> {
  if (actor.user?.role !== Role.UNIT_STAFF) return;
  const assignment = await em.findOne(Assignment, { where: { id: report.assignmentId } });
  if (assignment?.unitId !== actor.user.unitId) throw forbidden('Unit staff attach files to their own unit’s progress reports only', 'OUT_OF_SCOPE');
}

/** Unit staff attach to a complaint (or its steps) only when it is handed to their unit. */
export async function assignedUnitsComplaint(_em: EntityManager, complaint: Complaint, actor: Actor): Promise<void> {
  if (actor.user?.role !== Role.UNIT_STAFF) return;
  if (complaint.assignedUnitId == null || complaint.assignedUnitId !== actor.user.unitId) throw forbidden('Unit staff attach files to complaints handed to their unit only', 'OUT_OF_SCOPE');
}

export async function assignedUnitsComplaintStep(em: EntityManager, step: ComplaintStep, actor: Actor): Promise<void> {
  if (actor.user?.role !== Role.UNIT_STAFF) return;
  const complaint = await em.findOne(Complaint, { where: { id: step.complaintId } });
  if (!complaint) throw forbidden('Unit staff attach files to complaints handed to their unit only', 'OUT_OF_SCOPE');
  await assignedUnitsComplaint(em, complaint, actor);
}
