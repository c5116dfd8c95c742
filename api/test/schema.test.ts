import fs from 'node:fs';
import path from 'node:path';
import { printAdminSchema, printPartnerSchema } from '../src/schema';

describe('printed schema', () => {
  it('schema/admin.graphql matches the code (run npm run schema:print after changing the API)', () => {
    const committed = fs.readFileSync(path.resolve(__dirname, '../../schema/admin.graphql'), 'utf8');
    expect(committed).toBe(printAdminSchema());
  });

  it('schema/partner.graphql matches the code', () => {
    const committed = fs.readFileSync(path.resolve(__dirname, '../../schema/partner.graphql'), 'utf8');
    expect(committed).toBe(printPartnerSchema());
  });
});
