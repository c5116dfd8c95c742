import { Arg, Authorized, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { AppContext } from '../../common/context';
import { EDITORS } from '../../common/roles';
import { TaskListImportResult, TaskListRowInput } from './task-import.types';

/** 任务清单导入 (xlsx in the layout of 000's attachment): preview, then commit. */
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
    @Ctx() ctx: AppContext,
  ) {
    return ctx.services.taskImport.run({ documentId, jurisdictionId, name, year }, rows, false, ctx);
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
    @Ctx() ctx: AppContext,
  ) {
    return ctx.services.taskImport.run({ documentId, jurisdictionId, name, year }, rows, true, ctx);
  }
}
