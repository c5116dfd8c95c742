/*
 * Nested fields some screens need beside a record's own scalars (buildQuery reads only those).
 * `list` is fetched for lists, references and mutation results; `one` adds to it for a single
 * record's page. The API resolves each nested field through a per-request DataLoader, so a page of
 * records costs a few statements, not one per row.
 */
import { MOVES_SELECTION, STEPS_SELECTION } from '../resources/common/workflow';

const USER = '{ id username displayName }';
const CASE = 'case { id year appliedOn superiorAcceptedOn streetAcceptedOn compound { name } community { name } propertyCompany { name } }';
const RULE = 'rule { id name printed version validFrom validTo sourceClause { number } sourceDocument { title docNumber } }';

export const SELECTIONS: Record<string, { list: string; one?: string }> = {
  IncentiveRule: {
    list: 'lines { id recipientRole amountFen amount printedAmount note } sourceClause { number } sourceDocument { title docNumber }',
  },
  AwardCase: {
    list: `compound { name } community { name } propertyCompany { name } programme { name } ${MOVES_SELECTION}`,
    one: `steps { ${STEPS_SELECTION} } payouts { id status amountFen recipientRole recipientName }`,
  },
  Indicator: { list: 'scope { name }' },
  RatingScheme: { list: 'criteria { id code name weight maxScore }' },
  RatingPeriod: { list: 'scheme { id name subjectKind periodKind }' },
  /** The score grid's rows: typed inputs and the computed result (never typed). */
  Rating: { list: 'scores { criterionId score } result { complete missing total stars listStatus reasons } propertyCompany { name uscc }' },
  Rectification: {
    list: `propertyCompany { name uscc } period { code } publication { revision publishedOn } ${MOVES_SELECTION}`,
    one: `steps { ${STEPS_SELECTION} }`,
  },
  Payout: {
    list: `programme { name } ${CASE} ${RULE} submittedBy ${USER} approvedBy ${USER} paidBy ${USER} signaturesAfterPasswordReset { id toStatus actorName signerPasswordSetBy signerPasswordSetAt } ${MOVES_SELECTION}`,
    one: 'transitions { id fromStatus toStatus actorName reason at signedInAt signerIp signerPasswordSetBy signerPasswordSetAt }',
  },
};

export const selectionFor = (resource: string, one: boolean): string => {
  const s = SELECTIONS[resource];
  if (!s) return '';
  return one && s.one ? `${s.list} ${s.one}` : s.list;
};
