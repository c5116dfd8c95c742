import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema, getNamedType, isObjectType, type GraphQLNamedType } from 'graphql';

/*
 * What the compound ledger keeps about people (001 二.5: members' names, photos, political status,
 * buildings, pledges, contacts) is never reachable from the partner schema, which partners and the
 * world read (schema.test checks the printed file is the schema served). Walked from Query, every
 * type a partner can reach is listed: none of the ledger's types, no field that carries personal data.
 */
const LEDGER_TYPES = ['CommitteeMember', 'OwnersCommittee', 'CommitteeSurvey', 'CommitteeReportMeeting', 'Compound', 'PartyOrganization', 'User'];
const PERSONAL = /^(phone|contact|contactPublic|pledge|photo|photoRef|building|politicalStatus|members?|secretary|instructor|complainant|password.*|username)$/i;

describe('partner schema privacy', () => {
  const schema = buildSchema(readFileSync(join(__dirname, '../../../../schema/partner.graphql'), 'utf8'));
  const reachable = new Map<string, GraphQLNamedType>();
  const visit = (t: GraphQLNamedType) => {
    if (reachable.has(t.name)) return;
    reachable.set(t.name, t);
    if (isObjectType(t)) for (const f of Object.values(t.getFields())) visit(getNamedType(f.type));
  };
  visit(schema.getQueryType()!);

  it('reaches none of the ledger’s types', () => {
    expect([...reachable.keys()].filter((n) => LEDGER_TYPES.includes(n))).toEqual([]);
    expect(schema.getMutationType()).toBeFalsy();
  });

  it('has no field that carries a person’s details', () => {
    const found = [...reachable.values()].flatMap((t) =>
      isObjectType(t)
        ? Object.keys(t.getFields())
            .filter((f) => PERSONAL.test(f))
            .map((f) => `${t.name}.${f}`)
        : [],
    );
    expect(found).toEqual([]);
  });

  it('would notice one (the check itself)', () => {
    const leaky = buildSchema('type Query { companies: [Company] } type Company { name: String board: [Person] } type Person { name: String phone: String }');
    const fields = Object.keys((leaky.getType('Person') as { getFields(): object }).getFields()).filter((f) => PERSONAL.test(f));
    expect(fields).toEqual(['phone']);
  });
});
