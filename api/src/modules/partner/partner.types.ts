import { ListSize } from '../../common/query-limits';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { ArgsType, type ClassType, Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { LocalDate } from '../../common/scalars';
import { IsUscc } from '../../common/validators';
import { JurisdictionLevel } from '../organization/enums';
import { RatingPeriodKind } from '../rating/rating.enums';
import { ListStatus } from '../rating/rating.enums';
import { RectificationStatus } from '../publication/publication.enums';

/*
 * The partner schema's own types. They are views of published data, never the admin entities, so
 * nothing the office keeps internally (people, scores, evidence, users) can reach a partner.
 */

@ObjectType({ description: 'A rating period: a quarter (or half-year) of a rating scheme' })
export class Period {
  @Field({ description: 'The period’s code, e.g. 2025Q1 or 2025H2' })
  code: string;

  @Field(() => LocalDate, { description: 'First day of the period' })
  startDate: string;

  @Field(() => LocalDate, { description: 'Last day of the period' })
  endDate: string;

  @Field(() => RatingPeriodKind, { description: 'Quarter or half-year' })
  kind: RatingPeriodKind;

  @Field({ description: 'The rating scheme the period belongs to (评星方案 name)' })
  scheme: string;

  @Field(() => ID, { description: 'Opaque id of the scheme, for redBlackList(scheme:)' })
  schemeId: string;
}

@ObjectType({ description: 'A published edition (公布版次) of a period’s star ratings and red/black list. Editions never change: a correction is a new revision.' })
export class Edition {
  @Field(() => ID, { description: 'Opaque edition id' })
  id: string;

  @Field(() => Period, { description: 'The period it rates' })
  period: Period;

  @Field(() => Int, { description: '1 for the first publication; 2, 3 … for corrections' })
  revision: number;

  @Field(() => LocalDate, { description: 'The day it was published' })
  publishedOn: string;

  @Field(() => String, { nullable: true, description: 'Why this revision corrects the previous one; null for revision 1' })
  correctionReason: string | null;

  @Field({ description: 'Whether this is the newest revision of its period today (false: a correction superseded it)' })
  latest: boolean;

  @Field(() => Int, { description: 'How many companies the edition rates' })
  entryCount: number;

  @Field(() => Int, { description: 'How many are on the red list' })
  redCount: number;

  @Field(() => Int, { description: 'How many are on the black list' })
  blackCount: number;

  /** Internal: the jurisdiction whose scheme it is (publishedBy). */
  publisherDbId: number | null;
}

@ObjectType({ description: 'An administrative area (行政区划): city, county, township (街道/镇) or community (社区/村)' })
export class Area {
  @Field(() => ID, { description: 'Opaque area id, for companies(area:)' })
  id: string;

  @Field({ description: 'Name as officially written, e.g. 青阳街道' })
  name: string;

  @Field(() => JurisdictionLevel, { description: 'Level of the area' })
  level: JurisdictionLevel;

  @Field(() => String, { nullable: true, description: 'GB/T 2260 code where the area has one (city and county level)' })
  code: string | null;

  /** Internal. */
  dbId: number;
  parentDbId: number | null;
}

@ObjectType({ description: 'A property-management company (物业服务企业), identified by its unified social credit code' })
export class Company {
  @Field(() => ID, { description: 'Opaque company id' })
  id: string;

  @Field({ description: '统一社会信用代码 (18 characters, GB 32100-2015)' })
  uscc: string;

  @Field({ description: 'Company name (in a list entry: as published in that edition)' })
  name: string;

  /** Internal. */
  dbId: number;
}

@ObjectType({ description: 'A company’s rating in one period, as published in the edition in force' })
export class PeriodRating {
  @Field(() => Period, { description: 'The period rated' })
  period: Period;

  @Field(() => Int, { description: 'Stars, 1 to 5' })
  stars: number;

  @Field(() => Float, { description: 'Weighted total score, 0–100' })
  total: number;

  @Field(() => Int, { description: 'Rank in the edition: 1 = highest total; equal totals share a rank' })
  rank: number;

  @Field(() => ListStatus, { description: 'Red list, black list or neither' })
  listStatus: ListStatus;

  @Field(() => [String], { description: 'Why the company is on a list, as published' })
  reasons: string[];

  @Field(() => Edition, { description: 'The edition this comes from' })
  edition: Edition;
}

@ObjectType({ description: 'One company in a published list' })
export class ListEntry {
  @Field(() => ID, { description: 'Opaque entry id' })
  id: string;

  @Field(() => Int, { description: 'Rank in the edition: 1 = highest total; equal totals share a rank' })
  rank: number;

  @Field(() => Company, { description: 'The company, named as published' })
  company: Company;

  @Field(() => Int, { description: 'Stars, 1 to 5' })
  stars: number;

  @Field(() => Float, { description: 'Weighted total score, 0–100' })
  total: number;

  @Field(() => ListStatus, { description: 'Red list, black list or neither' })
  listStatus: ListStatus;

  @Field(() => [String], { description: 'Why the company is on a list, as published' })
  reasons: string[];
}

@ObjectType({ description: 'Why a company may not bid (002: 列入“黑榜”和整改不到位的物业服务企业不得参与物业招投标)' })
export class BiddingBar {
  @Field({ description: 'The bar in one sentence, e.g. 列入2025Q1黑榜（第1版，2025-04-10公布），整改尚未验收' })
  reason: string;

  @Field(() => [String], { description: 'The black-list reasons as published' })
  listReasons: string[];

  @Field(() => Edition, { description: 'The edition that lists the company on the black list' })
  edition: Edition;

  @Field(() => LocalDate, { description: 'Barred since (the edition’s publication day)' })
  since: string;

  @Field({ description: 'The interview (约谈) has not been held yet' })
  interviewRequired: boolean;

  @Field(() => LocalDate, { nullable: true, description: 'When the interview was held' })
  interviewHeldOn: string | null;

  @Field(() => RectificationStatus, { description: 'Where the rectification stood on the day asked' })
  rectificationStatus: RectificationStatus;
}

@ObjectType({ description: 'A company’s standing on a day: stars history, list status and whether it may bid' })
export class CompanyStanding {
  @Field(() => Company, { description: 'The company' })
  company: Company;

  @Field(() => LocalDate, { description: 'The day the standing is for' })
  asOf: string;

  @ListSize(12)
  @Field(() => [PeriodRating], { description: 'Its rating in every published period, newest period first, from the editions in force on asOf' })
  starsHistory: PeriodRating[];

  @Field(() => ListStatus, {
    nullable: true,
    description: 'List status in the newest published period that rates the company (see listedIn); null if never rated. Whether it may bid is barredFromBidding.',
  })
  listStatus: ListStatus | null;

  @Field(() => Edition, { nullable: true, description: 'The edition that gives listStatus' })
  listedIn: Edition | null;

  @Field({ description: 'True when the company may not take part in property-management bidding on asOf' })
  barredFromBidding: boolean;

  @ListSize(5)
  @Field(() => [BiddingBar], { description: 'Each black listing not yet cleared by an accepted rectification; empty when not barred' })
  bars: BiddingBar[];
}

@ObjectType({ description: 'Relay page information' })
export class PageInfo {
  @Field({ description: 'More items follow endCursor' })
  hasNextPage: boolean;

  @Field({ description: 'Items come before startCursor' })
  hasPreviousPage: boolean;

  @Field(() => String, { nullable: true, description: 'Cursor of the first item of the page' })
  startCursor: string | null;

  @Field(() => String, { nullable: true, description: 'Cursor of the last item; pass it as `after` for the next page' })
  endCursor: string | null;
}

export interface Connection<T> {
  totalCount: number;
  pageInfo: PageInfo;
  edges: Array<{ cursor: string; node: T }>;
}

/** A Relay connection type and its edge for a node type. */
export function connectionOf<T extends object>(node: ClassType<T>, name: string, what: string, options: { plural?: string; extended?: boolean } = {}) {
  const whats = options.plural ?? `${what}s`;
  @ObjectType(`${name}Edge`, { description: `One ${what} with its cursor` })
  class Edge {
    @Field({ description: 'Opaque cursor of this item' })
    cursor: string;

    @Field(() => node, { description: `The ${what}` })
    node: T;
  }

  class ConnectionType implements Connection<T> {
    @Field(() => Int, { description: `How many ${whats} match, over all pages` })
    totalCount: number;

    @Field(() => PageInfo, { description: 'Where this page is' })
    pageInfo: PageInfo;

    @Field(() => [Edge], { description: `The ${whats} of this page` })
    edges: Edge[];
  }
  // An extended connection (one with more fields) is declared by its subclass under the public name;
  // the base gets a name of its own that no field refers to, so it never reaches the schema.
  if (options.extended) ObjectType(`${name}ConnectionBase`)(ConnectionType);
  else ObjectType(`${name}Connection`, { description: `A page of ${whats}` })(ConnectionType);
  return ConnectionType;
}

@ObjectType({ description: 'A page of a published list, with the edition it comes from' })
export class ListEntryConnection extends connectionOf(ListEntry, 'ListEntry', 'list entry', { plural: 'list entries', extended: true }) {
  @Field(() => Edition, { description: 'The edition the page comes from: period, revision, publication day' })
  edition: Edition;
}
export const EditionConnection = connectionOf(Edition, 'Edition', 'edition');
export const CompanyConnection = connectionOf(Company, 'Company', 'company', { plural: 'companies' });
export const AreaConnection = connectionOf(Area, 'Area', 'area');

export const MAX_FIRST = 100;

@ArgsType()
export class PageArgs {
  @Field(() => Int, { defaultValue: 20, description: `Page size, 1–${MAX_FIRST}` })
  @IsInt()
  @Min(1)
  @Max(MAX_FIRST)
  first: number;

  @Field(() => String, { nullable: true, description: 'Cursor after which the page starts (endCursor of the previous page)' })
  @IsOptional()
  after?: string | null;
}

@ArgsType()
export class RedBlackListArgs extends PageArgs {
  @Field({ description: 'Period code, e.g. 2025Q1' })
  period: string;

  @Field(() => Int, { nullable: true, description: 'A revision of the period’s list; default: the newest' })
  @IsOptional()
  @IsInt()
  @Min(1)
  revision?: number | null;

  @Field(() => [ListStatus], { nullable: true, description: 'Which lists; default [RED, BLACK]. Add NONE for the whole ranking.' })
  status?: ListStatus[] | null;

  @Field(() => ID, { nullable: true, description: 'Only needed when two rating schemes have a period with this code (see editions)' })
  scheme?: string | null;
}

@ArgsType()
export class StandingArgs {
  @Field({ description: '统一社会信用代码 of the company' })
  @IsUscc()
  uscc: string;

  @Field(() => LocalDate, { nullable: true, description: 'The day to answer for; default today (China time)' })
  asOf?: string | null;
}

@ArgsType()
export class EditionsArgs extends PageArgs {
  @Field(() => String, { nullable: true, description: 'Only editions of this period code' })
  period?: string | null;
}

@ArgsType()
export class CompaniesArgs extends PageArgs {
  @Field(() => ID, { description: 'Area id (from areas): companies registered there or below, or managing a compound there' })
  area: string;
}

@ArgsType()
export class AreasArgs extends PageArgs {
  @Field(() => ID, { nullable: true, description: 'Only the areas directly under this one; default: the top-level areas' })
  parent?: string | null;
}
