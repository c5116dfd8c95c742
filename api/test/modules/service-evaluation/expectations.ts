import type { ModuleExpectations } from '../../module-expectations';

/** The service-evaluation module's rows of the permission matrix and its part of the audit test. */
export const expectations: ModuleExpectations = {
  permissions: {
    // the community or the responsible unit records an evaluation; the follow-up moves are the office's and the responsible unit's
    ServiceEvaluation: 'SIGNED_IN',
    allServiceEvaluations: 'SIGNED_IN',
    _allServiceEvaluationsMeta: 'SIGNED_IN',
    createServiceEvaluation: 'REPORTERS',
    updateServiceEvaluation: 'REPORTERS',
    advanceServiceEvaluation: 'REPORTERS',
  },
  async audit({ once, gql }) {
    const {
      allJurisdictions: [community],
      allUnits: [unit],
    } = (await gql('{ allJurisdictions(perPage: 1, filter: { level: COMMUNITY }) { id } allUnits(perPage: 1) { id } }')).data;
    const compound = (await gql(`mutation { createCompound(name: "考评审计用小区", communityId: "${community.id}", managementMode: NONE) { id } }`)).data.createCompound;
    const made = await once(
      'createServiceEvaluation',
      `mutation { createServiceEvaluation(compoundId: "${compound.id}", responsibleUnitId: "${unit.id}", year: 2025, half: 1, evaluatedOn: "2025-06-20", dissatisfactionRate: 55, result: FAIL) { id } }`,
    );
    expect(made.event).toMatchObject({ action: 'CREATE', entityType: 'ServiceEvaluation', after: { status: 'RECORDED', dissatisfactionRate: 55 } });
    const fixed = await once('updateServiceEvaluation', `mutation { updateServiceEvaluation(id: "${made.data.id}", sanitationScore: 58) { id } }`);
    expect(fixed.event).toMatchObject({ action: 'UPDATE', before: { sanitationScore: null }, after: { sanitationScore: 58 } });
    const moved = await once('advanceServiceEvaluation', `mutation { advanceServiceEvaluation(id: "${made.data.id}", to: INTERVIEWED, date: "2025-07-02", followUp: "约谈物业负责人") { id } }`);
    expect(moved.event).toMatchObject({ action: 'EVALUATION_INTERVIEWED', before: { status: 'RECORDED' }, after: { status: 'INTERVIEWED', interviewedOn: '2025-07-02' } });
  },
};
