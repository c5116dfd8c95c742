import type { DataSource } from 'typeorm';
import { fenInCapitals, fenToYuan } from '../../common/money';
import { escapeHtml, printPage } from '../../common/print';
import type { Workflow } from '../../common/workflow/workflow';
import { User } from '../auth/user.entity';
import { Compound } from '../organization/compound.entity';
import { Jurisdiction } from '../organization/jurisdiction.entity';
import { PropertyCompany } from '../organization/property-company.entity';
import { AwardCase } from './award-case.entity';
import { IncentiveBudget } from './budget.entity';
import { PayoutStatus } from './incentive.enums';
import { IncentiveProgramme, IncentiveRule } from './incentive.entities';
import type { PayoutService } from './payout.service';
import type { Payout, PayoutTransition } from './payout.entity';

/** A signature of the form: who signed the stage, on which day. */
export interface Signature {
  name: string;
  username: string;
  on: string;
}

/** 奖励发放审批单: what the paper form carries, read through the scope rule (out of scope: NOT_FOUND). */
export interface ApprovalForm {
  payoutId: number;
  status: PayoutStatus;
  programme: string;
  office: string | null;
  site: string;
  community: string;
  caseYear: number;
  payee: string;
  payeeRole: Payout['recipientRole'];
  payeeCode: string | null;
  amount: string;
  amountInCapitals: string;
  budgetLine: string;
  budgetAmount: string | null;
  rule: string;
  maker: Signature | null;
  checker: Signature | null;
  paidOn: string | null;
  paymentReference: string | null;
  note: string | null;
}

/** 审批单: one payout's approval form, gathered for printing. */
export class ApprovalFormService {
  constructor(
    private readonly ds: DataSource,
    private readonly payouts: PayoutService,
    private readonly workflow: Workflow<PayoutStatus, Payout, PayoutTransition>,
  ) {}

  async of(id: number): Promise<ApprovalForm> {
    const p = await this.payouts.getOrFail(id);
    const em = this.ds.manager;
    const [c, programme, rule, budget, company, stages] = await Promise.all([
      em.findOneByOrFail(AwardCase, { id: p.caseId }),
      em.findOneByOrFail(IncentiveProgramme, { id: p.programmeId }),
      em.findOneBy(IncentiveRule, { id: p.ruleId }),
      em.findOneBy(IncentiveBudget, { programmeId: p.programmeId, year: p.budgetYear }),
      p.recipientCompanyId ? em.findOneBy(PropertyCompany, { id: p.recipientCompanyId }) : Promise.resolve(null),
      this.workflow.stagesOf(em, p.id),
    ]);
    const [compound, community, office] = await Promise.all([
      em.findOneBy(Compound, { id: c.compoundId }),
      em.findOneBy(Jurisdiction, { id: c.communityId }),
      programme.jurisdictionId ? em.findOneBy(Jurisdiction, { id: programme.jurisdictionId }) : Promise.resolve(null),
    ]);
    const signer = async (s: PayoutTransition | undefined): Promise<Signature | null> => {
      if (!s) return null;
      const user = s.actorId ? await em.findOneBy(User, { id: s.actorId }) : null;
      return { name: user?.displayName ?? s.actorName, username: s.actorName, on: s.stepDate };
    };
    return {
      payoutId: p.id,
      status: p.status,
      programme: programme.name,
      office: office?.name ?? null,
      site: compound?.name ?? '',
      community: community?.name ?? '',
      caseYear: c.year,
      payee: p.recipientName,
      payeeRole: p.recipientRole,
      payeeCode: company?.uscc ?? null,
      amount: fenToYuan(p.amountFen),
      amountInCapitals: fenInCapitals(p.amountFen),
      budgetLine: `${programme.name} · ${p.budgetYear} 年度预算`,
      budgetAmount: budget ? fenToYuan(budget.amountFen) : null,
      rule: rule ? `${rule.name}（第 ${p.ruleVersion} 版）` : '',
      maker: await signer(stages.SUBMITTED),
      checker: await signer(stages.APPROVED),
      paidOn: p.paidOn,
      paymentReference: p.paymentReference,
      note: p.note,
    };
  }
}

/** The ideographic space between the parts of a line. */
const SP = '\u3000';
const ROLE: Record<string, string> = { PROPERTY_COMPANY: '物业服务企业', COMMUNITY: '社区' };
const STATUS: Record<string, string> = { DRAFT: '草稿', SUBMITTED: '待审批', APPROVED: '已审批', PAID: '已发放', REJECTED: '已退回', CANCELLED: '已作废' };

/** "30000.00" → "30,000.00" (grouped for reading; the capitals carry the amount beyond doubt). */
const grouped = (yuan: string) => {
  const [whole, fraction] = yuan.split('.');
  return `${whole.replace(/\B(?=(\d{3})+$)/g, ',')}.${fraction}`;
};

/** The form as a printable page: labels in Chinese (it is filed with the office's vouchers). */
export function approvalFormHtml(f: ApprovalForm, printedOn: string): string {
  const e = escapeHtml;
  const sign = (label: string, s: Signature | null, role: string) =>
    `<td><b>${label}</b><span class="who" data-role="${role}">${s ? `${e(s.name)}（${e(s.username)}）${SP}${e(s.on)}` : '（未签）'}</span><span class="line">签字：＿＿＿＿＿＿＿＿${SP}日期：＿＿＿＿＿＿</span></td>`;
  const row = (label: string, value: string, cls = '') => `<tr><th>${label}</th><td colspan="3"${cls ? ` class="${cls}"` : ''}>${value}</td></tr>`;
  return printPage(
    `奖励发放审批单-${f.payee}`,
    `<h1>奖励发放审批单</h1>
<div class="sub">${e(f.office ?? '')}${f.office ? ' · ' : ''}${e(f.programme)} · 编号 ${f.payoutId} · 状态：${STATUS[f.status] ?? e(f.status)}</div>
<table>
${row('奖励项目', e(f.programme))}
<tr><th>示范点</th><td>${e(f.site)}</td><th>所在社区</th><td>${e(f.community)}</td></tr>
${row('依据', e(f.rule))}
<tr><th>收款单位</th><td data-field="payee">${e(f.payee)}</td><th>单位类别</th><td>${ROLE[f.payeeRole] ?? e(f.payeeRole)}</td></tr>
${row('统一社会信用代码', e(f.payeeCode ?? '—'))}
${row('金额（小写）', `￥${e(grouped(f.amount))} 元`, 'amount')}
${row('金额（大写）', `人民币${e(f.amountInCapitals)}`, 'amount')}
<tr><th>预算科目</th><td>${e(f.budgetLine)}</td><th>年度预算</th><td class="nw">${f.budgetAmount ? `${e(grouped(f.budgetAmount))} 元` : '未设'}</td></tr>
${row('付款日期', e(f.paidOn ?? '—'))}
${row('凭证号', e(f.paymentReference ?? '—'))}
${row('备注', e(f.note ?? ''))}
</table>
<h2>审批意见</h2>
<table class="sign"><tr>${sign('经办人（提交）', f.maker, 'maker')}${sign('审核人（审批）', f.checker, 'checker')}</tr>
<tr><td><b>分管领导</b><span class="line">签字：＿＿＿＿＿＿＿＿${SP}日期：＿＿＿＿＿＿</span></td><td><b>财务</b><span class="line">签字：＿＿＿＿＿＿＿＿${SP}日期：＿＿＿＿＿＿</span></td></tr></table>
<div class="foot"><span>本单由物业党建联建平台生成，经办与审批记录以平台为准。</span><span>打印日期：${e(printedOn)}</span></div>`,
  );
}
