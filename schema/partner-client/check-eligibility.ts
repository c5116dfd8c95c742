/**
 * May this property company take part in property-management bidding (物业招投标)? What a bidding
 * platform asks the partner API before it accepts a bid (002: 列入“黑榜”和整改不到位的物业服务企业不得参与物业招投标).
 *
 *   PARTNER_API_URL=http://localhost:4000/partner/graphql PARTNER_API_KEY=wyk_… \
 *     npx ts-node --transpile-only schema/partner-client/check-eligibility.ts <uscc> [asOf YYYY-MM-DD]
 *
 * Exit status: 0 eligible, 3 barred, 4 no company with this code is registered, 2 error.
 */
import { createClient, PartnerApiError } from './client';
import { CompanyStandingDocument } from './generated';

export interface Eligibility {
  uscc: string;
  /** The registered name; null when no company has this code */
  name: string | null;
  /** false when barred, or when the company is unknown */
  eligible: boolean;
  /** A company with this code is registered */
  known: boolean;
  /** One line for people, e.g. `9135…  某某物业: BARRED — 列入2025Q2黑榜（第1版，2025-07-05公布），尚未约谈，整改尚未验收` */
  report: string;
}

/** Asks the partner API for the company's standing on asOf (default: today, China time). */
export async function checkEligibility(opts: { url: string; apiKey: string; uscc: string; asOf?: string }): Promise<Eligibility> {
  const request = createClient({ url: opts.url, apiKey: opts.apiKey });
  const uscc = opts.uscc.trim().toUpperCase();
  const { companyStanding: s } = await request(CompanyStandingDocument, { uscc, asOf: opts.asOf ?? null });
  if (!s) return { uscc, name: null, eligible: false, known: false, report: `${uscc}: UNKNOWN (not registered)` };

  const head = `${s.company.uscc}  ${s.company.name}`;
  if (!s.barredFromBidding) return { uscc: s.company.uscc, name: s.company.name, eligible: true, known: true, report: `${head}: ELIGIBLE` };
  // Each bar's reason names the period, the edition and where the rectification stands.
  const why = s.bars.map((b) => b.reason).join('；') || 'barred from bidding';
  return { uscc: s.company.uscc, name: s.company.name, eligible: false, known: true, report: `${head}: BARRED — ${why}` };
}

async function cli(argv: string[]): Promise<number> {
  const [uscc, asOf] = argv;
  const url = process.env.PARTNER_API_URL;
  const apiKey = process.env.PARTNER_API_KEY;
  if (!uscc || !url || !apiKey) {
    console.error('usage: PARTNER_API_URL=… PARTNER_API_KEY=… check-eligibility.ts <uscc> [asOf YYYY-MM-DD]');
    return 2;
  }
  const result = await checkEligibility({ url, apiKey, uscc, asOf });
  console.log(result.report);
  if (!result.known) return 4;
  return result.eligible ? 0 : 3;
}

if (require.main === module) {
  cli(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (err: unknown) => {
      console.error(err instanceof PartnerApiError ? `error: ${err.code} (HTTP ${err.status}): ${err.message}` : err);
      process.exit(2);
    },
  );
}
