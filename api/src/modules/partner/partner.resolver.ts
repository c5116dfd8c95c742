import { ListSize } from '../../common/query-limits';
import DataLoader from 'dataloader';
import { Arg, Args, Authorized, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { assertLocalDate, todayInChina } from '../../common/dates';
import { badInput } from '../../common/errors';
import { LocalDate } from '../../common/scalars';
import { Jurisdiction } from '../organization/jurisdiction.entity';
import { PropertyCompany } from '../organization/property-company.entity';
import { ListStatus } from '../rating/rating.enums';
import type { PublishedEntry } from '../publication/publication.entities';
import { RectificationStatus } from '../publication/publication.enums';
import type { PartnerContext } from './partner.context';
import { decodeId, encodeCursor, encodeId, offsetAfter } from './partner.ids';
import type { BarRow, EditionRow, HistoryRow } from './partner-read.service';
import {
  Area,
  AreaConnection,
  AreasArgs,
  type BiddingBar,
  CompaniesArgs,
  Company,
  CompanyConnection,
  CompanyStanding,
  type Connection,
  Edition,
  EditionConnection,
  EditionsArgs,
  type ListEntry,
  ListEntryConnection,
  PeriodRating,
  RedBlackListArgs,
  StandingArgs,
} from './partner.types';

// ---- views of published rows ------------------------------------------------------------------

/**
 * An edition's view, made once per edition row: a company's stars history repeats the same dozen
 * editions for every company of a page (1,200 views for a page of 100, each with two encoded ids, in
 * the profile of P1b).
 */
const editionViews = new WeakMap<EditionRow, Edition>();
const editionOf = (e: EditionRow): Edition => {
  let view = editionViews.get(e);
  if (!view) editionViews.set(e, (view = editionView(e)));
  return view;
};

const editionView = (e: EditionRow): Edition => ({
  id: encodeId('Edition', e.publication.id),
  period: { code: e.period.code, startDate: e.period.startDate, endDate: e.period.endDate, kind: e.scheme.periodKind, scheme: e.scheme.name, schemeId: encodeId('Scheme', e.scheme.id) },
  revision: e.publication.revision,
  publishedOn: e.publication.publishedOn,
  correctionReason: e.publication.reason,
  latest: e.publication.revision === e.latestRevision,
  entryCount: e.publication.entryCount,
  redCount: e.publication.redCount,
  blackCount: e.publication.blackCount,
  publisherDbId: e.scheme.jurisdictionId,
});

const companyOf = (c: PropertyCompany): Company => ({ id: encodeId('Company', c.id), uscc: c.uscc, name: c.name, dbId: c.id });

/** A list entry's company, named as the edition published it. */
const publishedCompany = (e: PublishedEntry): Company => ({ id: encodeId('Company', e.propertyCompanyId!), uscc: e.uscc ?? '', name: e.subjectName, dbId: e.propertyCompanyId! });

const ratingOf = (h: HistoryRow): PeriodRating => {
  const edition = editionOf(h.edition);
  const { stars, total, rank, listStatus } = h.entry;
  // the reasons' JSON is read only when a document asks for them
  return {
    period: edition.period,
    stars,
    total,
    rank,
    listStatus,
    get reasons() {
      return h.entry.reasons;
    },
    edition,
  };
};

const barOf = (b: BarRow): BiddingBar => {
  const edition = editionOf(b.edition);
  const pending = b.status === RectificationStatus.SUBMITTED ? '整改已提交，尚未验收' : b.status === RectificationStatus.INTERVIEWED ? '已约谈，整改尚未验收' : '尚未约谈，整改尚未验收';
  return {
    reason: `列入${b.edition.period.code}黑榜（第${b.edition.publication.revision}版，${b.edition.publication.publishedOn}公布），${pending}`,
    listReasons: b.entry.reasons,
    edition,
    since: b.since,
    interviewRequired: b.status === RectificationStatus.REQUIRED,
    interviewHeldOn: b.interviewedOn,
    rectificationStatus: b.status,
  };
};

function page<T>(items: T[], total: number, offset: number): Connection<T> {
  const edges = items.map((node, i) => ({ cursor: encodeCursor(offset + i), node }));
  return {
    totalCount: total,
    edges,
    pageInfo: { hasNextPage: offset + items.length < total, hasPreviousPage: offset > 0, startCursor: edges[0]?.cursor ?? null, endCursor: edges.at(-1)?.cursor ?? null },
  };
}

function asOfDay(value: string | null | undefined): string {
  const today = todayInChina();
  if (value == null) return today;
  const day = assertLocalDate(value, 'asOf');
  if (day > today) throw badInput('asOf', `asOf ${day} is in the future: standings are known up to today (${today})`, 'FUTURE_DATE');
  return day;
}

// ---- per-request batching ---------------------------------------------------------------------

const inForce = (ctx: PartnerContext, day: string) =>
  ctx.loaders.named('partner:inForce', () => new DataLoader<string, EditionRow[]>((days) => Promise.all(days.map((d) => ctx.services.partnerRead.inForce(d))))).load(day);

const historyLoader = (ctx: PartnerContext, day: string) =>
  ctx.loaders.named(`partner:history:${day}`, () => new DataLoader<number, HistoryRow[]>(async (ids) => ctx.services.partnerRead.history(ids, await inForce(ctx, day))));

const barsLoader = (ctx: PartnerContext, day: string) =>
  ctx.loaders.named(
    `partner:bars:${day}`,
    () =>
      new DataLoader<number, BarRow[]>(async (ids) => {
        const histories = (await historyLoader(ctx, day).loadMany(ids)) as HistoryRow[][];
        return ctx.services.partnerRead.bars(ids, histories, day);
      }),
  );

async function standingOf(ctx: PartnerContext, company: Company, day: string): Promise<CompanyStanding> {
  ctx.looked.add(company.uscc);
  const [history, bars] = await Promise.all([historyLoader(ctx, day).load(company.dbId), barsLoader(ctx, day).load(company.dbId)]);
  const newest = history[0];
  return {
    company,
    asOf: day,
    starsHistory: history.map(ratingOf),
    listStatus: newest?.entry.listStatus ?? null,
    listedIn: newest ? editionOf(newest.edition) : null,
    barredFromBidding: bars.length > 0,
    bars: bars.map(barOf),
  };
}

// ---- resolvers --------------------------------------------------------------------------------

/**
 * The partner API: read-only, published editions only. Every query is open to any valid key (the
 * endpoint refuses requests without one before a resolver runs).
 */
@Resolver()
@Authorized()
export class PartnerQueryResolver {
  @Query(() => ListEntryConnection, {
    description:
      'The red and/or black list of a period as published (the newest revision unless one is named), by rank. Errors: NOT_FOUND with extensions.reason NOT_PUBLISHED for a period (or revision) not published; BAD_USER_INPUT with extensions.field for a bad argument (first outside 1–100, a cursor or id this API did not issue).',
  })
  async redBlackList(@Args(() => RedBlackListArgs, { validate: true }) a: RedBlackListArgs, @Ctx() ctx: PartnerContext): Promise<Connection<ListEntry> & { edition: Edition }> {
    const offset = offsetAfter(a.after);
    const edition = await ctx.services.partnerRead.edition(a.period, a.revision ?? null, a.scheme ? decodeId('Scheme', a.scheme, 'scheme') : null);
    const statuses = a.status?.length ? a.status : [ListStatus.RED, ListStatus.BLACK];
    const { total, rows } = await ctx.services.partnerRead.entries(edition.publication.id, statuses, offset, a.first);
    const entries = rows.map((e): ListEntry => {
      if (e.uscc) ctx.looked.add(e.uscc);
      return { id: encodeId('ListEntry', e.id), rank: e.rank, company: publishedCompany(e), stars: e.stars, total: e.total, listStatus: e.listStatus, reasons: e.reasons };
    });
    return { ...page(entries, total, offset), edition: editionOf(edition) };
  }

  @Query(() => CompanyStanding, {
    nullable: true,
    description:
      'A company’s standing on a day, by credit code: stars in each published period, list status, and whether it is barred from bidding. Null when no company with this code is registered. Errors: BAD_USER_INPUT with extensions.field uscc (not a valid GB 32100-2015 code) or asOf (in the future). Every request needs the X-Api-Key header: without a valid key, HTTP 401 and UNAUTHENTICATED.',
  })
  async companyStanding(@Args(() => StandingArgs, { validate: true }) a: StandingArgs, @Ctx() ctx: PartnerContext): Promise<CompanyStanding | null> {
    const uscc = a.uscc.trim().toUpperCase();
    const day = asOfDay(a.asOf);
    ctx.looked.add(uscc);
    const company = await ctx.services.partnerRead.companyByUscc(uscc);
    return company ? standingOf(ctx, companyOf(company), day) : null;
  }

  @Query(() => EditionConnection, { description: 'Published editions, newest first (corrections included, each with its revision)' })
  async editions(@Args(() => EditionsArgs, { validate: true }) a: EditionsArgs, @Ctx() ctx: PartnerContext): Promise<Connection<Edition>> {
    const offset = offsetAfter(a.after);
    const all = (await ctx.services.partnerRead.editions(null)).filter((e) => !a.period || e.period.code === a.period.trim());
    return page(all.slice(offset, offset + a.first).map(editionOf), all.length, offset);
  }

  @Query(() => CompanyConnection, { description: 'Companies of an area: registered there (or below) or managing a compound there, by credit code' })
  async companies(@Args(() => CompaniesArgs, { validate: true }) a: CompaniesArgs, @Ctx() ctx: PartnerContext): Promise<Connection<Company>> {
    const offset = offsetAfter(a.after);
    const areaId = decodeId('Area', a.area, 'area');
    const { total, rows } = await ctx.services.partnerRead.companiesIn(areaId, offset, a.first);
    for (const c of rows) ctx.looked.add(c.uscc);
    return page(rows.map(companyOf), total, offset);
  }

  @Query(() => AreaConnection, { description: 'Administrative areas, to find the id companies(area:) takes' })
  async areas(@Args(() => AreasArgs, { validate: true }) a: AreasArgs, @Ctx() ctx: PartnerContext): Promise<Connection<Area>> {
    const offset = offsetAfter(a.after);
    const parentId = a.parent ? decodeId('Area', a.parent, 'parent') : null;
    const [rows, total] = await ctx.services.partnerRead.areas(parentId, offset, a.first);
    return page(rows.map(areaOf), total, offset);
  }
}

const areaOf = (j: Jurisdiction): Area => ({ id: encodeId('Area', j.id), name: j.name, level: j.level, code: j.code, dbId: j.id, parentDbId: j.parentId });

@Resolver(() => Company)
@Authorized()
export class PartnerCompanyResolver {
  @ListSize(12)
  @FieldResolver(() => [PeriodRating], { description: 'Its rating in every published period, newest period first, from the editions in force on asOf' })
  starsHistory(
    @Root() c: Company,
    @Arg('asOf', () => LocalDate, { nullable: true, description: 'Default today (China time)' }) asOf: string | null,
    @Ctx() ctx: PartnerContext,
  ): Promise<PeriodRating[]> {
    return historyLoader(ctx, asOfDay(asOf))
      .load(c.dbId)
      .then((h) => h.map(ratingOf));
  }

  @FieldResolver(() => CompanyStanding, { description: 'Its standing on a day (same as companyStanding)' })
  standing(@Root() c: Company, @Arg('asOf', () => LocalDate, { nullable: true, description: 'Default today (China time)' }) asOf: string | null, @Ctx() ctx: PartnerContext): Promise<CompanyStanding> {
    return standingOf(ctx, c, asOfDay(asOf));
  }

  @FieldResolver(() => Area, { nullable: true, description: 'Where the company is registered (注册地), when known' })
  async area(@Root() c: Company, @Ctx() ctx: PartnerContext): Promise<Area | null> {
    const company = await ctx.loaders.ref(PropertyCompany, c.dbId);
    const j = await ctx.loaders.ref(Jurisdiction, company?.jurisdictionId);
    return j ? areaOf(j) : null;
  }
}

@Resolver(() => Edition)
@Authorized()
export class PartnerEditionResolver {
  @FieldResolver(() => Area, { nullable: true, description: 'The office (its area) that published the edition: a key reads the editions published within the area of the office that issued it' })
  async publishedBy(@Root() e: Edition, @Ctx() ctx: PartnerContext): Promise<Area | null> {
    const j = await ctx.loaders.ref(Jurisdiction, e.publisherDbId);
    return j ? areaOf(j) : null;
  }
}

@Resolver(() => Area)
@Authorized()
export class PartnerAreaResolver {
  @FieldResolver(() => Area, { nullable: true, description: 'The area it belongs to; null at the top' })
  async parent(@Root() a: Area, @Ctx() ctx: PartnerContext): Promise<Area | null> {
    const j = await ctx.loaders.ref(Jurisdiction, a.parentDbId);
    return j ? areaOf(j) : null;
  }
}
