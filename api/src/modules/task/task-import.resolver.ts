import { Arg, Authorized, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { AppContext } from '../../common/context';
import { EDITORS } from '../../common/roles';
import { PlanKind } from './enums';
import { TaskListImportResult, TaskListRowInput } from './task-import.types';

const KIND = {
  defaultValue: PlanKind.TASK_LIST,
  description:
    'The layout of the sheet, and the kind of plan it makes: TASK_LIST (000’s 任务清单: 重点工作, 目标内容, 工作内容, 责任单位, 完成时限) or SPECIAL_ACTIONS (004’s 专项行动方案: 专项行动, 工作目标, 目标时限, 主要措施, 时间节点, 牵头单位, 责任单位)',
};

/** 任务清单导入 (xlsx in the layout of 000's attachment, or of 004's special actions): preview, then commit. */
@Resolver()
@Authorized()
export class TaskImportResolver {
  @Query(() => TaskListImportResult, { description: 'What importing these sheet rows as a new task list would do, row by row; writes nothing' })
  taskListImportPreview(
    @Arg('documentId', () => ID) documentId: string,
    @Arg('jurisdictionId', () => ID, { description: 'The issuing street or town ("各社区" = its communities)' }) jurisdictionId: string,
    @Arg('name') name: string,
    @Arg('rows', () => [TaskListRowInput], { validate: true }) rows: TaskListRowInput[],
    @Arg('year', () => Int, { nullable: true, description: '计划年度: a deadline printed without a year (11月15日前, 年底) falls in it; default the document’s issue year' })
    year: number | null | undefined,
    @Arg('kind', () => PlanKind, KIND) kind: PlanKind,
    @Ctx() ctx: AppContext,
  ) {
    return ctx.services.taskImport.run(kind, { documentId, jurisdictionId, name, year }, rows, false, ctx);
  }

  @Authorized(...EDITORS)
  @Mutation(() => TaskListImportResult, { description: 'Creates the task list in one transaction; refused (nothing written) if any row is rejected' })
  importTaskList(
    @Arg('documentId', () => ID) documentId: string,
    @Arg('jurisdictionId', () => ID) jurisdictionId: string,
    @Arg('name') name: string,
    @Arg('rows', () => [TaskListRowInput], { validate: true }) rows: TaskListRowInput[],
    @Arg('year', () => Int, { nullable: true, description: '计划年度: a deadline printed without a year (11月15日前, 年底) falls in it; default the document’s issue year' })
    year: number | null | undefined,
    @Arg('kind', () => PlanKind, KIND) kind: PlanKind,
    @Ctx() ctx: AppContext,
  ) {
    return ctx.services.taskImport.run(kind, { documentId, jurisdictionId, name, year }, rows, true, ctx);
  }
}
