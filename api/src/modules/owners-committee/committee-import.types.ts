import { IsInt, IsOptional, MaxLength, Min } from 'class-validator';
import { Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';
import { LocalDate } from '../../common/scalars';
import { ImportCounts, ImportFieldChange, ImportRow, ImportRowStatus } from '../../common/sheet-import/sheet-import.types';
import { CommitteeRole, PoliticalStatus } from './committee.enums';
import { CommitteeKind } from './owners-committee.entity';

/*
 * The transport limits below are generous on purpose: a cell longer than its column is a row
 * rejected as TOO_LONG (counted as MySQL counts), with the column named, not a refused request.
 */

/** One row of a committee sheet as typed (committee-sheet.ts says the columns). */
@InputType({ description: 'A committee sheet row (社区, 小区, 业委会类型, 成立日期, 任期届满, 备案日期, 姓名, 职务, 政治面貌, 楼栋, 联系电话, 是否同意公开联系方式) as typed' })
export class CommitteeSheetRowInput {
  @Field(() => Int, { description: 'The row number in the sheet, for messages' })
  @IsInt()
  @Min(1)
  line: number;

  @Field(() => String, { nullable: true, description: '社区 (blank: the row above’s)' })
  @IsOptional()
  @MaxLength(200)
  community?: string | null;

  @Field(() => String, { nullable: true, description: '小区 (blank: the row above’s)' })
  @IsOptional()
  @MaxLength(400)
  compound?: string | null;

  @Field(() => String, { nullable: true, description: '业委会类型: 业委会 or 临时物业管理委员会 (or the CommitteeKind code); blank: the committee’s' })
  @IsOptional()
  @MaxLength(50)
  kind?: string | null;

  @Field(() => String, { nullable: true, description: '成立日期 (blank: the row above’s)' })
  @IsOptional()
  @MaxLength(50)
  formedOn?: string | null;

  @Field(() => String, { nullable: true, description: '任期届满' })
  @IsOptional()
  @MaxLength(50)
  termEndsOn?: string | null;

  @Field(() => String, { nullable: true, description: '备案日期' })
  @IsOptional()
  @MaxLength(50)
  filedOn?: string | null;

  @Field(() => String, { nullable: true, description: '姓名' })
  @IsOptional()
  @MaxLength(200)
  name?: string | null;

  @Field(() => String, { nullable: true, description: '职务: 主任, 副主任, 委员 (or the CommitteeRole code)' })
  @IsOptional()
  @MaxLength(50)
  role?: string | null;

  @Field(() => String, { nullable: true, description: '政治面貌: 中共党员, 中共预备党员, 共青团员, 民主党派, 无党派人士, 群众 (or the PoliticalStatus code)' })
  @IsOptional()
  @MaxLength(50)
  politicalStatus?: string | null;

  @Field(() => String, { nullable: true, description: '楼栋 (blank: leaves what is recorded)' })
  @IsOptional()
  @MaxLength(200)
  building?: string | null;

  @Field(() => String, { nullable: true, description: '联系电话 (blank: leaves what is recorded)' })
  @IsOptional()
  @MaxLength(200)
  phone?: string | null;

  @Field(() => String, { nullable: true, description: '是否同意公开联系方式: 是 / 否 (blank: leaves what is recorded; a new member: 否)' })
  @IsOptional()
  @MaxLength(20)
  contactPublic?: string | null;
}

@ObjectType({
  implements: ImportRow,
  description:
    'What one committee sheet row will do (or did) to its member. reasonCode: why it is rejected (NAME_REQUIRED, ROLE_REQUIRED, POLITICAL_STATUS_REQUIRED, UNKNOWN_KIND, UNKNOWN_ROLE, UNKNOWN_POLITICAL_STATUS, BAD_DATE, DATE_OUT_OF_RANGE, BAD_FLAG, TOO_LONG, CONTROL_CHARACTER, COMMUNITY_REQUIRED, COMPOUND_REQUIRED, FORMED_ON_REQUIRED, KIND_REQUIRED, UNKNOWN_COMMUNITY, COMPOUND_NOT_FOUND, AMBIGUOUS_COMPOUND, OUT_OF_SCOPE, COMMITTEE_MISMATCH, KIND_DIFFERS, FUTURE_DATE, END_BEFORE_START, OVERLAP, DUPLICATE_ROW, AMBIGUOUS_MEMBER, MEMBER_REMOVED), or a note (CLOSES_PREDECESSOR)',
})
export class CommitteeImportRow extends ImportRow {
  @Field(() => String, { nullable: true })
  community: string | null;

  @Field(() => String, { nullable: true })
  compound: string | null;

  @Field(() => LocalDate, { nullable: true })
  formedOn: string | null;

  @Field(() => String, { nullable: true })
  name: string | null;

  @Field(() => CommitteeRole, { nullable: true })
  role: CommitteeRole | null;

  @Field(() => PoliticalStatus, { nullable: true })
  politicalStatus: PoliticalStatus | null;

  @Field(() => [ImportFieldChange], { description: 'For CHANGE: each field that changes (the committee’s own on the row that first gives them)' })
  changes: ImportFieldChange[];

  @Field(() => ID, { nullable: true, description: 'The committee the member is on (null for a new one until committed)' })
  committeeId: string | null;

  @Field(() => ID, { nullable: true, description: 'The member it changes or created' })
  memberId: string | null;
}

@ObjectType({ description: 'What an import does to one committee: its members after it and the party share they make (committee.rules.ts)' })
export class CommitteeImportCommittee {
  @Field()
  community: string;

  @Field()
  compound: string;

  @Field(() => ID)
  compoundId: string;

  @Field(() => CommitteeKind)
  kind: CommitteeKind;

  @Field(() => LocalDate)
  formedOn: string;

  @Field(() => LocalDate, { nullable: true })
  termEndsOn: string | null;

  @Field(() => LocalDate, { nullable: true })
  filedOn: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'Closed on (the day before the next committee of its kind was formed), when the import closes it' })
  dissolvedOn: string | null;

  @Field(() => ImportRowStatus, { description: 'ADD: a new committee; CHANGE: the committee or its members change; UNCHANGED' })
  status: ImportRowStatus;

  @Field(() => ID, { nullable: true, description: 'The committee (a new one’s once committed)' })
  committeeId: string | null;

  @Field(() => [ImportFieldChange], { description: 'The committee’s own cells that change' })
  changes: ImportFieldChange[];

  @Field(() => [Int], { description: 'The sheet rows of its members' })
  lines: number[];

  @Field(() => Int)
  membersAdded: number;

  @Field(() => Int)
  membersChanged: number;

  @Field(() => Int)
  membersUnchanged: number;

  @Field(() => Int, { description: 'Recorded members the sheet does not list: kept (a member leaves by removedOn, not by a missing row)' })
  membersKept: number;

  @Field(() => Int, { description: 'Members after the import (those who have not left)' })
  memberCount: number;

  @Field(() => Int)
  partyMemberCount: number;

  @Field(() => Float, { nullable: true, description: 'Party members as a percentage of members, after the import' })
  partyShare: number | null;

  @Field({ description: 'Below the 50% party-member share after the import' })
  belowPartyShare: boolean;

  @Field(() => ID, { nullable: true, description: 'The committee of the same kind this one succeeds, closed the day before it was formed' })
  closesCommitteeId: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'The day the predecessor is closed on' })
  closesOn: string | null;
}

@ObjectType({ implements: ImportCounts, description: 'The outcome of a committee import (a preview when committed is false); the counts are of member rows' })
export class CommitteeImportResult extends ImportCounts {
  @Field(() => [CommitteeImportRow])
  rows: CommitteeImportRow[];

  @Field(() => [CommitteeImportCommittee], { description: 'Per committee the sheet names (through rows that import)' })
  committees: CommitteeImportCommittee[];
}
