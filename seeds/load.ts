import { type EntityManager, In, IsNull, type ObjectLiteral } from 'typeorm';
import { SYSTEM_ACTOR } from '../api/src/common/context';
import type { TransactionRunner } from '../api/src/common/transactions';
import type { AuditService } from '../api/src/modules/audit/audit.service';
import { Jurisdiction } from '../api/src/modules/organization/jurisdiction.entity';
import { Unit } from '../api/src/modules/organization/unit.entity';
import { Clause } from '../api/src/modules/policy/clause.entity';
import { DocumentCitation } from '../api/src/modules/policy/document-citation.entity';
import { PolicyDocument } from '../api/src/modules/policy/policy-document.entity';
import { SeedRecord } from '../api/src/modules/seed/seed-record.entity';
import { Membership } from '../api/src/modules/working-group/membership.entity';
import { Person } from '../api/src/modules/working-group/person.entity';
import { Post } from '../api/src/modules/working-group/post.entity';
import { PostHolding } from '../api/src/modules/working-group/post-holding.entity';
import { WorkingGroup } from '../api/src/modules/working-group/working-group.entity';
import actionsJson from './actions-004.json';
import documentsJson from './documents.json';
import { type IndicatorsSeed, seedIndicators } from './load-indicators';
import { type IncentivesSeed, seedIncentives } from './load-incentives';
import { type RatingsSeed, seedRatings } from './load-ratings';
import { seedTasks } from './load-tasks';
import ratingsJson from './ratings.json';
import incentivesJson from './incentives.json';
import indicatorsJson from './indicators.json';
import organizationJson from './organization.json';
import rostersJson from './rosters.json';
import taskListJson from './tasklist-000.json';
import type { ActionsSeed, DocumentSeed, OrganizationSeed, RosterSeed, SourceRef, TaskListSeed } from './types';

export interface SeedData {
  documents: DocumentSeed[];
  organization: OrganizationSeed;
  rosters: RosterSeed;
  taskList: TaskListSeed;
  actions: ActionsSeed;
  indicators: IndicatorsSeed;
  incentives: IncentivesSeed;
  ratings: RatingsSeed;
}

export const SEED_DATA: SeedData = {
  documents: documentsJson as DocumentSeed[],
  organization: organizationJson as OrganizationSeed,
  rosters: rostersJson as RosterSeed,
  taskList: taskListJson as TaskListSeed,
  actions: actionsJson as ActionsSeed,
  indicators: indicatorsJson as IndicatorsSeed,
  incentives: incentivesJson as IncentivesSeed,
  ratings: ratingsJson as RatingsSeed,
};

/** What one run inserted, per type (an empty object: nothing was new). */
export type SeedReport = Record<string, number>;

/**
 * Loads the seed data idempotently. A key is applied once and remembered in `seed_record`; later
 * runs skip it, so loading twice changes nothing and edits or deletions made through the API are
 * never overwritten. Everything is one transaction with one audit event (action SEED).
 */
export async function loadSeeds(tx: TransactionRunner, audit: AuditService, data: SeedData = SEED_DATA): Promise<SeedReport> {
  return tx.run(async (em) => {
    const seeder = new Seeder(em);
    await seeder.init();
    await seeder.documents(data.documents);
    await seeder.organization(data.organization);
    await seeder.documentOwners(data.documents);
    await seeder.rosters(data.rosters, data.documents);
    await seedTasks(seeder, data);
    await seedIndicators(seeder, data.indicators);
    await seedIncentives(seeder, data.incentives);
    await seedRatings(seeder, data.ratings);
    if (Object.keys(seeder.report).length > 0) {
      await audit.record(em, SYSTEM_ACTOR, { action: 'SEED', entityType: 'Seed', entityId: 'seeds', after: seeder.report });
    }
    return seeder.report;
  });
}

/** Applies seed records by key, once each; module loaders (load-tasks.ts) use put / ref / source. */
export class Seeder {
  readonly report: SeedReport = {};
  private readonly ids = new Map<string, number>();

  constructor(private readonly em: EntityManager) {}

  async init(): Promise<void> {
    for (const r of await this.em.find(SeedRecord)) this.ids.set(r.key, r.entityId);
  }

  /** Inserts the record under `key` unless that key was applied before; returns its id either way. */
  async put<T extends ObjectLiteral>(key: string, entity: new () => T, typeName: string, values: ObjectLiteral): Promise<number> {
    const known = this.ids.get(key);
    if (known !== undefined) return known;
    const saved = (await this.em.save(entity, this.em.create(entity, values as never))) as unknown as { id: number };
    await this.em.insert(SeedRecord, { key, entityType: typeName, entityId: saved.id });
    this.ids.set(key, saved.id);
    this.report[typeName] = (this.report[typeName] ?? 0) + 1;
    return saved.id;
  }

  /** The jurisdiction (id) that owns a seeded document, for the records it sets up (rosters, programmes, schemes). */
  ownerOf(documentKey: string | null | undefined): number | null {
    return documentKey ? this.ref(this.owners.get(documentKey)) : null;
  }

  private readonly owners = new Map<string, string>();

  /** Documents are loaded before the jurisdictions (which cite them): their owners are set once both exist. */
  async documentOwners(docs: DocumentSeed[]): Promise<void> {
    for (const d of docs) this.owners.set(d.key, d.owner);
    const ownerless = await this.em.find(PolicyDocument, { select: { id: true }, where: { id: In(docs.map((d) => this.ref(d.key)!)), jurisdictionId: IsNull() } });
    for (const { id } of ownerless) {
      const d = docs.find((x) => this.ref(x.key) === id)!;
      await this.em.update(PolicyDocument, { id }, { jurisdictionId: this.ref(d.owner) });
    }
  }

  ref(key: string | null | undefined): number | null {
    if (!key) return null;
    const id = this.ids.get(key);
    if (id === undefined) throw new Error(`Seed data refers to "${key}", which is not defined`);
    return id;
  }

  source(s: SourceRef | undefined): { sourceDocumentId: number | null; sourceClauseId: number | null } {
    return { sourceDocumentId: this.ref(s?.document), sourceClauseId: this.ref(s?.clause ?? null) };
  }

  async documents(docs: DocumentSeed[]): Promise<void> {
    for (const d of docs) {
      const documentId = await this.put(d.key, PolicyDocument, 'PolicyDocument', {
        docNumber: d.docNumber,
        indexNumber: d.indexNumber,
        issuer: d.issuer,
        title: d.title,
        issueDate: d.issueDate,
        validFrom: d.validFrom,
        validTo: d.validTo,
        isPublic: d.isPublic,
        note: d.note,
      });
      for (const [i, c] of d.clauses.entries()) {
        await this.put(c.key, Clause, 'Clause', { documentId, number: c.number, title: c.title, text: c.text, sortOrder: i + 1 });
      }
      for (const [i, c] of d.citations.entries()) {
        await this.put(`citation:${d.key}:${i + 1}`, DocumentCitation, 'DocumentCitation', {
          citingDocumentId: documentId,
          citedDocumentId: null,
          citedTitle: c.citedTitle,
          citedDocNumber: c.citedDocNumber,
          clauseId: this.ref(c.clause),
          sortOrder: i + 1,
        });
      }
    }
  }

  async organization(org: OrganizationSeed): Promise<void> {
    for (const j of org.jurisdictions) {
      await this.put(j.key, Jurisdiction, 'Jurisdiction', { name: j.name, level: j.level, parentId: this.ref(j.parent), code: j.code, ...this.source(j.source) });
    }
    for (const u of org.units) {
      await this.put(u.key, Unit, 'Unit', { name: u.name, kind: u.kind, jurisdictionId: this.ref(u.jurisdiction), aliases: u.aliases, ...this.source(u.source) });
    }
  }

  async rosters(rosters: RosterSeed, docs: DocumentSeed[]): Promise<void> {
    const issued = new Map(docs.map((d) => [d.key, d.issueDate ?? d.validFrom]));
    for (const g of rosters.groups) {
      const from = issued.get(g.document);
      if (!from) throw new Error(`Roster ${g.key}: its document has no issue date to start the seats from`);
      const groupId = await this.put(g.key, WorkingGroup, 'WorkingGroup', {
        name: g.name,
        kind: g.kind,
        documentId: this.ref(g.document),
        jurisdictionId: this.ownerOf(g.document),
        parentId: this.ref(g.parent),
        hostUnitId: this.ref(g.hostUnit),
        hostedAt: g.hostedAt,
        duties: g.duties,
        ...this.source(g.source),
      });
      // One person per name within a document: 王泽永 sits in 001's group and its office.
      const docTag = g.document.replace(/^doc:/, '');
      for (const m of g.members) {
        const src = this.source(m.source ?? g.source);
        const personKey = `person:${docTag}:${m.person}`;
        const personId = await this.put(personKey, Person, 'Person', { name: m.person, phone: null, note: null, jurisdictionId: this.ownerOf(g.document), ...src });
        let postId: number | null = null;
        if (m.post) {
          const postKey = `post:${m.postJurisdiction ?? '-'}:${m.post}`;
          postId = await this.put(postKey, Post, 'Post', { title: m.post, jurisdictionId: this.ref(m.postJurisdiction), unitId: null, ...src });
          await this.put(`holding:${postKey}:${personKey}`, PostHolding, 'PostHolding', { postId, personId, validFrom: from, validTo: null, ...src });
        }
        await this.put(`member:${g.key}:${m.role}:${m.order}`, Membership, 'Membership', {
          groupId,
          personId,
          role: m.role,
          sortOrder: m.order,
          postId,
          concurrent: m.concurrent,
          validFrom: from,
          validTo: null,
          ...src,
        });
      }
    }
  }
}
