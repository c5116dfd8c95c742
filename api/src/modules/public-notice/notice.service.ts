import { createHash, randomBytes } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../../common/context';
import { CrudService } from '../../common/crud.service';
import { todayInChina } from '../../common/dates';
import { conflict, notFound } from '../../common/errors';
import { unscoped } from '../../common/scope';
import { Compound } from '../organization/compound.entity';
import { Jurisdiction } from '../organization/jurisdiction.entity';
import { CommitteeRole } from '../owners-committee/committee.enums';
import { CommitteeMember } from '../owners-committee/committee-member.entity';
import { CommitteeKind, OwnersCommittee } from '../owners-committee/owners-committee.entity';
import { PublishedEntry, RatingPublication } from '../publication/publication.entities';
import { RatingPeriod, RatingScheme } from '../rating/rating.entities';
import { NoticeKind, NoticeLink } from './notice-link.entity';
import type { NoticeLinkFilter } from './notice.inputs';

export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');
/** 192 random bits, URL-safe: not guessable, not enumerable. */
const newToken = (): string => randomBytes(24).toString('base64url');

/** What a committee board shows (001 二.5): no one's contact unless they agreed, nobody suspended or gone. */
export interface BoardNotice {
  kind: NoticeKind.COMMITTEE_BOARD;
  compound: string;
  community: string;
  committeeKind: CommitteeKind;
  formedOn: string;
  termEndsOn: string | null;
  members: Array<{ name: string; role: CommitteeRole; politicalStatus: string; building: string | null; pledge: string | null; photoRef: string | null; contact: string | null }>;
  asOf: string;
}

/** What a red/black-list edition shows (002 二.3): who, stars, list, the period and who published it. */
export interface EditionNotice {
  kind: NoticeKind.PUBLICATION_EDITION;
  scheme: string;
  period: string;
  periodDates: string;
  publishedOn: string;
  revision: number;
  publisher: string;
  entries: Array<{ rank: number; name: string; stars: number; listStatus: string }>;
}

const ROLE_ORDER = [CommitteeRole.DIRECTOR, CommitteeRole.DEPUTY_DIRECTOR, CommitteeRole.MEMBER];

/**
 * 公示链接: made for a record the user may read (NOT_FOUND otherwise: out of scope is not there), owned by
 * the notice's office (a compound's community, an edition's publisher), written under the scope rule
 * like any record; the token is returned once and only its hash kept. Reading a notice by its token is
 * the one read here made without a user: what it shows is only what the documents make public.
 */
export class NoticeLinkService extends CrudService<NoticeLink, NoticeLinkFilter> {
  async makeLink(kind: NoticeKind, targetId: number, actor: Actor): Promise<{ link: NoticeLink; token: string }> {
    const jurisdictionId = await this.ownerOfTarget(this.ds.manager, kind, targetId, actor);
    const token = newToken();
    const link = await this.create({ kind, targetId, jurisdictionId, tokenHash: hashToken(token), createdByName: actor.user?.username ?? 'system' }, actor);
    return { link, token };
  }

  async revoke(id: number, actor: Actor): Promise<NoticeLink> {
    const link = await this.get(id);
    if (!link) throw notFound('NoticeLink', id);
    if (link.revokedOn) throw conflict(`Notice link ${id} was revoked on ${link.revokedOn}`, 'id', 'INVALID_TRANSITION');
    return this.update(id, { revokedOn: todayInChina() }, actor);
  }

  /** The office a notice belongs to; the target must be readable by the user (scoped read). */
  private async ownerOfTarget(em: EntityManager, kind: NoticeKind, targetId: number, actor: Actor): Promise<number> {
    if (kind === NoticeKind.COMMITTEE_BOARD) {
      const compound = await em.findOneBy(Compound, { id: targetId });
      if (!compound) throw notFound('Compound', targetId);
      return compound.communityId;
    }
    const edition = await em.findOneBy(RatingPublication, { id: targetId });
    if (!edition) throw notFound('RatingPublication', targetId);
    const period = await em.findOneByOrFail(RatingPeriod, { id: edition.periodId });
    const scheme = await em.findOneByOrFail(RatingScheme, { id: period.schemeId });
    const owner = edition.publishedById ?? scheme.jurisdictionId ?? actor.user?.jurisdictionId ?? null;
    if (owner === null) throw notFound('RatingPublication', targetId);
    return owner;
  }

  /** The notice a token opens, or null (unknown, revoked: the same answer). */
  async open(token: string): Promise<BoardNotice | EditionNotice | null> {
    if (!/^[A-Za-z0-9_-]{20,64}$/.test(token)) return null;
    return unscoped(async () => {
      const link = await this.ds.getRepository(NoticeLink).findOneBy({ tokenHash: hashToken(token) });
      if (!link || link.revokedOn) return null;
      return link.kind === NoticeKind.COMMITTEE_BOARD ? this.board(link.targetId) : this.edition(link.targetId);
    });
  }

  private async board(compoundId: number): Promise<BoardNotice | null> {
    const em = this.ds.manager;
    const compound = await em.findOneBy(Compound, { id: compoundId });
    if (!compound) return null;
    const day = todayInChina();
    const committees = (await em.find(OwnersCommittee, { where: { compoundId }, order: { formedOn: 'DESC' } })).filter((c) => c.formedOn <= day && (c.dissolvedOn === null || c.dissolvedOn >= day));
    const committee = committees.find((c) => c.kind === CommitteeKind.ELECTED) ?? committees[0];
    const community = await em.findOneBy(Jurisdiction, { id: compound.communityId });
    const members = committee ? await em.find(CommitteeMember, { where: { committeeId: committee.id }, order: { id: 'ASC' } }) : [];
    const showing = members
      .filter((m) => (m.removedOn === null || m.removedOn > day) && !(m.suspendedOn !== null && m.suspendedOn <= day))
      .sort((a, b) => ROLE_ORDER.indexOf(a.role) - ROLE_ORDER.indexOf(b.role));
    return {
      kind: NoticeKind.COMMITTEE_BOARD,
      compound: compound.name,
      community: community?.name ?? '',
      committeeKind: committee?.kind ?? CommitteeKind.ELECTED,
      formedOn: committee?.formedOn ?? '',
      termEndsOn: committee?.termEndsOn ?? null,
      members: showing.map((m) => ({
        name: m.name,
        role: m.role,
        politicalStatus: m.politicalStatus,
        building: m.building,
        pledge: m.pledge,
        photoRef: m.photoRef,
        contact: m.contactPublic ? m.phone : null,
      })),
      asOf: day,
    };
  }

  private async edition(publicationId: number): Promise<EditionNotice | null> {
    const em = this.ds.manager;
    const edition = await em.findOneBy(RatingPublication, { id: publicationId });
    if (!edition) return null;
    const period = await em.findOneByOrFail(RatingPeriod, { id: edition.periodId });
    const scheme = await em.findOneByOrFail(RatingScheme, { id: period.schemeId });
    const publisher = edition.publishedById ? await em.findOneBy(Jurisdiction, { id: edition.publishedById }) : null;
    const entries = await em.find(PublishedEntry, { where: { publicationId }, order: { rank: 'ASC', id: 'ASC' } });
    return {
      kind: NoticeKind.PUBLICATION_EDITION,
      scheme: scheme.name,
      period: period.code,
      periodDates: `${period.startDate} – ${period.endDate}`,
      publishedOn: edition.publishedOn,
      revision: edition.revision,
      publisher: publisher?.name ?? edition.publishedByName,
      entries: entries.map((e) => ({ rank: e.rank, name: e.subjectName, stars: e.stars, listStatus: e.listStatus })),
    };
  }
}
