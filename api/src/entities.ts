import { AuditEvent } from './modules/audit/audit-event.entity';
import { User } from './modules/auth/user.entity';
import { Compound } from './modules/organization/compound.entity';
import { Jurisdiction } from './modules/organization/jurisdiction.entity';
import { PropertyCompany } from './modules/organization/property-company.entity';
import { Unit } from './modules/organization/unit.entity';
import { Clause } from './modules/policy/clause.entity';
import { DocumentCitation } from './modules/policy/document-citation.entity';
import { PolicyDocument } from './modules/policy/policy-document.entity';
import { SeedRecord } from './modules/seed/seed-record.entity';
import { Membership } from './modules/working-group/membership.entity';
import { Person } from './modules/working-group/person.entity';
import { PostHolding } from './modules/working-group/post-holding.entity';
import { Post } from './modules/working-group/post.entity';
import { WorkingGroup } from './modules/working-group/working-group.entity';

/** Every entity, listed explicitly (no globs: the same list works from ts and from dist). */
export const ENTITIES = [
  PolicyDocument,
  Clause,
  DocumentCitation,
  Jurisdiction,
  Unit,
  PropertyCompany,
  Compound,
  Person,
  Post,
  PostHolding,
  WorkingGroup,
  Membership,
  User,
  AuditEvent,
  SeedRecord,
];
