import type { MigrationInterface, QueryRunner } from 'typeorm';

/** [as seeded before, in Chinese]: the notes of the seeded documents (policy_document.note). */
const DOCUMENT_NOTES: Array<[string, string]> = [
  [
    "Notice (通知) issuing the street's implementation plan on property party-building (物业党建联建), with the task list (任务清单, table) as attachment. File header 晋江市人民政府青阳街道办事处文件; signed 青阳街道办事处 2024年4月26日; printed by 青阳街道党政办 2024年4月26日. No validity period and no disclosure attribute (公开属性) printed: validFrom = issue date, isPublic assumed. Title: layout spaces inside the printed heading removed.",
    '通知：印发街道物业党建联建实施方案，附件为任务清单（表格）。版头“晋江市人民政府青阳街道办事处文件”；落款青阳街道办事处 2024年4月26日；印发：青阳街道党政办 2024年4月26日。未印有效期和公开属性：生效日期取印发日期，按公开处理。标题已去掉印刷标题中的排版空格。',
  ],
  [
    "Notice (通知) issuing the town's special rectification plan (专项整治行动方案) for residential-compound property management, with the 工作专班 roster (and its 办公室) as attachment. （此件主动公开）. In force 2023-11-01 to 2024-10-31 as printed at the end of 五. Printed by 宝盖镇党政办公室 2023年11月1日. Title: layout spaces inside the printed heading removed.",
    '通知：印发全镇住宅小区物业管理专项整治行动方案，附件为工作专班名单（含专班办公室）。（此件主动公开）。有效期 2023年11月1日至2024年10月31日，见正文第五部分末尾。印发：宝盖镇党政办公室 2023年11月1日。标题已去掉印刷标题中的排版空格。',
  ],
  [
    'Implementation opinions (实施意见) on property party-building (物业党建) in 婺城区, 金华市. Issuer not printed: inferred from the 文号 prefix 婺区组 (中共金华市婺城区委组织部). No date, no validity period and no disclosure attribute printed; isPublic assumed (published text).',
    '金华市婺城区关于物业党建的实施意见。未印发文机关：据文号前缀“婺区组”推定为中共金华市婺城区委组织部。未印日期、有效期和公开属性；按公开处理（公开发表的文本）。',
  ],
  [
    'News report (■融媒体记者 许钹钹; kicker 打造幸福家园新标杆; photo credit CFP) of 泉州市\'s 《泉州市推进社区物业服务管理提升工作三年行动方案》 ("近日" released; targets to end of 2027). Not the plan itself: no 文号, no date printed; issuer = the city the report is about. Section 2 breaks off mid-sentence in the source ("不少于300个可回收物智能").',
    '关于泉州市《泉州市推进社区物业服务管理提升工作三年行动方案》的新闻报道（■融媒体记者 许钹钹；肩题“打造幸福家园新标杆”；配图来源 CFP）：方案“近日”发布，目标至2027年底。并非方案原文：未印文号和日期；发文机关取报道所述城市。原文第二部分在句中中断（“不少于300个可回收物智能”）。',
  ],
  [
    "Notice issuing the street's special-action plan (10 专项行动, each with goals, measures, lead and responsible units) with the 工作专班 roster as attachment. The notice's own title is not printed (the page gives only 索引号, 文号, 发布机构 青阳街道办事处, 公文生成日期 2024-11-07): title = the plan title. Signed 青阳街道办事处 2024年11月7日; printed by 晋江市人民政府青阳街道办事处 2024年11月7日. No validity period printed. Published with 索引号 on the government site: isPublic.",
    '通知：印发街道专项行动方案（10个专项行动，各有工作目标、主要措施、牵头单位和责任单位），附件为工作专班名单。通知本身的标题未印出（页面只有索引号、文号、发布机构“青阳街道办事处”、公文生成日期 2024-11-07）：标题取方案标题。落款青阳街道办事处 2024年11月7日；印发：晋江市人民政府青阳街道办事处 2024年11月7日。未印有效期。以索引号在政府网站公开：按公开处理。',
  ],
];

/** The same for the seeded rating schemes (rating_scheme.notes). */
const SCHEME_NOTES: Array<[string, string]> = [
  [
    "Property companies: 002 二.3 asks for quarterly publication (每季向社会公布) of a star rating and 红黑榜 based on 业主满意度评价 and 街道（乡镇）、社区（小区）党组织评价; 001 四(四) rates half-yearly on 业主满意度、物业服务企业遵守制度、文明城市创建、环境卫生整治、12345便民服务热线. The seeded scheme is quarterly (002) and takes 002's two criteria plus 001's four others (001's own 业主满意度 is the same as 002's).\nFixed by the documents: black list for owners' dissatisfaction over 50% (001 四(四): 业主不满意率超过50%) and for an entry on the negative list (000 附件 一(二): 负面清单). Everything else is a default chosen here and editable: the weights (satisfaction 40, party organisations' evaluation 20, the four 001 criteria 10 each), the star thresholds (5★ ≥ 90, 4★ ≥ 80, 3★ ≥ 70, 2★ ≥ 60, else 1★), red = 5 stars and black = 1 star.",
    '物业服务企业：002 二.3 要求依据业主满意度评价和街道（乡镇）、社区（小区）党组织评价评定星级、每季向社会公布红黑榜；001 四(四) 每半年按业主满意度、物业服务企业遵守制度、文明城市创建、环境卫生整治、12345便民服务热线五项评定。本方案按季度评定（依 002），采用 002 的两项标准和 001 的另外四项（001 的业主满意度与 002 的为同一项）。\n文件规定的：业主不满意率超过50%的列入黑榜（001 四(四)），列入负面清单的列入黑榜（000 附件 一(二)）。其余为本系统设定、可以修改的默认值：权重（业主满意度 40，党组织评价 20，001 的四项各 10），星级分数线（五星 ≥ 90，四星 ≥ 80，三星 ≥ 70，二星 ≥ 60，其余一星），五星列入红榜、一星列入黑榜。',
  ],
  [
    "Party branches: 003 puts compound party branches into the city's 海丝先锋 star rating and sets a target of 三星级及以上 for 40% by end 2025 and 60% by end 2027, but names no criteria, weights, period or thresholds. The seed uses 000's standard for model party organisations (有机制、有队伍、有活动、有阵地, 000 附件 二(一)) as four criteria of 25 each, a half-yearly period and the same default thresholds; it has no red or black list because no document gives one.",
    '党支部：003 将小区党支部纳入全市“海丝先锋”星级评定，目标为2025年底三星级及以上占40%、2027年底占60%，但未规定评定标准、权重、周期和分数线。本方案采用 000 的示范党组织标准（有机制、有队伍、有活动、有阵地，000 附件 二(一)）作为四项标准，各 25 分，每半年评定一次，分数线同上；没有文件规定党支部的红黑榜，故不设红黑榜。',
  ],
];

/**
 * The seeds' notes in Chinese (issue 17, item 4: 文件 › 备注 showed English). A database seeded before
 * gets the Chinese where a note is still the seeded English; a note an office has edited is left as it is.
 * Undo puts the English back where the Chinese is untouched. The texts are copied here, not read from
 * seeds/, so that later edits of the seeds do not change what this step did.
 */
export class SeedNotesInChinese1765830000000 implements MigrationInterface {
  name = 'SeedNotesInChinese1765830000000';

  async up(qr: QueryRunner): Promise<void> {
    for (const [english, chinese] of DOCUMENT_NOTES) await qr.query('UPDATE policy_document SET note = ? WHERE note = ?', [chinese, english]);
    for (const [english, chinese] of SCHEME_NOTES) await qr.query('UPDATE rating_scheme SET notes = ? WHERE notes = ?', [chinese, english]);
  }

  async down(qr: QueryRunner): Promise<void> {
    for (const [english, chinese] of DOCUMENT_NOTES) await qr.query('UPDATE policy_document SET note = ? WHERE note = ?', [english, chinese]);
    for (const [english, chinese] of SCHEME_NOTES) await qr.query('UPDATE rating_scheme SET notes = ? WHERE notes = ?', [english, chinese]);
  }
}
