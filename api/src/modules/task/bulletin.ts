import { pdfKit } from '../../common/pdf-font';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import type { DataSource } from 'typeorm';
import { toId } from '../../common/errors';
import { LocalDate } from '../../common/scalars';
import { Jurisdiction } from '../organization/jurisdiction.entity';
import type { DutyService } from './duty.service';
import { OccurrenceStatus } from './duty.types';
import { Plan } from './plan.entity';
import type { ProgressPanels } from './progress.panels';

/*
 * 通报 (issue 16): the office's monthly bulletin of its task lists as of a day — per responsible unit,
 * what is done (and of that, done late), what falls due in the next 30 days, what is overdue, and the
 * recurring duties' periods missed this year — the worst first. Counted in SQL by the same rule as the
 * home page's panels (progress.panels.ts), of the plans the office issued, archived and expired ones left out.
 */

@ObjectType({ description: 'One unit in the bulletin' })
export class BulletinRow {
  @Field(() => ID)
  unitId: string;

  @Field()
  unit: string;

  @Field(() => Int, { description: 'Assignments of the office’s plans' })
  total: number;

  @Field(() => Int, { description: 'Reported done by the day' })
  done: number;

  @Field(() => Int, { description: 'Of those done, done after a deadline had passed' })
  late: number;

  @Field(() => Int, { description: 'Not done, a deadline falling in the 30 days after the day' })
  due: number;

  @Field(() => Int, { description: 'Not done, a deadline passed' })
  overdue: number;

  @Field(() => Int, { description: 'Periods of recurring duties this year not done by their due day' })
  dutiesMissed: number;
}

@ObjectType({ description: '通报: an office’s task lists by unit as of a day, the worst first' })
export class TaskBulletin {
  @Field(() => ID)
  jurisdictionId: string;

  @Field()
  jurisdiction: string;

  @Field(() => LocalDate)
  asOf: string;

  @Field(() => [BulletinRow], { description: 'Worst first: most overdue, then most duties missed, then most late, then least done' })
  rows: BulletinRow[];
}

/** 通报, by the office that issued the task lists. */
export class BulletinService {
  constructor(
    private readonly ds: DataSource,
    private readonly panels: ProgressPanels,
    private readonly duty: DutyService,
  ) {}

  /** Counted in SQL per unit (ProgressPanels.bulletin); the duties missed from the recurring duties' periods. */
  async of(jurisdictionId: string, asOf: string): Promise<TaskBulletin> {
    const office = await this.ds.getRepository(Jurisdiction).findOneBy({ id: toId(jurisdictionId, 'jurisdictionId') });
    if (!office) return { jurisdictionId, jurisdiction: '', asOf, rows: [] };
    const rows = new Map<number, BulletinRow>(
      (await this.panels.bulletin(office.id, asOf)).map((r) => [
        r.key,
        { unitId: String(r.key), unit: r.unit ?? '', total: r.total, done: r.done, late: r.late, due: r.due, overdue: r.overdue, dutiesMissed: 0 },
      ]),
    );
    const planIds = (await this.ds.getRepository(Plan).find({ select: { id: true }, where: { jurisdictionId: office.id } })).map((p) => p.id);
    for (const o of await this.duty.occurrences({ asOf, planIds })) {
      const row = rows.get(o.assignment.unitId);
      if (o.status === OccurrenceStatus.OVERDUE && row) row.dutiesMissed++;
    }
    const sorted = [...rows.values()].sort(
      (a, b) => b.overdue - a.overdue || b.dutiesMissed - a.dutiesMissed || b.late - a.late || a.done / (a.total || 1) - b.done / (b.total || 1) || a.unit.localeCompare(b.unit, 'zh'),
    );
    return { jurisdictionId: String(office.id), jurisdiction: office.name, asOf, rows: sorted };
  }
}

export const BULLETIN_HEADERS = ['序号', '责任单位', '任务数', '已完成', '其中逾期完成', '30天内到期', '逾期未完成', '定期工作未落实'];
export const bulletinCells = (b: TaskBulletin) => b.rows.map((r, i) => [i + 1, r.unit, r.total, r.done, r.late, r.due, r.overdue, r.dutiesMissed]);

/** The bulletin as a printable PDF (A4 landscape, the CJK font subset to the characters used). */
export async function bulletinPdf(b: TaskBulletin, font: { path: string; family?: string }): Promise<Buffer> {
  const PDFDocument = await pdfKit();
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4', layout: 'landscape', margin: 40, info: { Title: `${b.jurisdiction}任务落实情况通报（截至${b.asOf}）`, Producer: '物业党建联建平台' } });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    if (font.family) doc.font(font.path, font.family);
    else doc.font(font.path);
    doc.fontSize(18).fillColor('#b71c1c').text(`${b.jurisdiction}物业党建联建任务落实情况通报`, { align: 'center' });
    doc.moveDown(0.3).fontSize(11).fillColor('#333333').text(`截至 ${b.asOf}，按逾期未完成从多到少排列`, { align: 'center' });
    doc.moveDown(0.8);
    const widths = [40, 200, 70, 70, 90, 90, 90, 110];
    const x0 = 40;
    const drawRow = (cells: Array<string | number>, bold: boolean, shade: string | null) => {
      const y = doc.y;
      if (shade)
        doc
          .rect(
            x0,
            y - 2,
            widths.reduce((a, w) => a + w, 0),
            18,
          )
          .fill(shade);
      let x = x0;
      cells.forEach((c, i) => {
        doc
          .fillColor(bold ? '#000000' : i === 6 && Number(c) > 0 ? '#b71c1c' : '#111111')
          .fontSize(bold ? 10.5 : 10)
          .text(String(c), x + 4, y, { width: widths[i] - 8, lineBreak: false });
        x += widths[i];
      });
      doc.y = y + 18;
      // a new page repeats the header row, as a printed table does
      if (doc.y > 540) {
        doc.addPage();
        if (!bold) drawRow(BULLETIN_HEADERS, true, '#eeeeee');
      }
    };
    drawRow(BULLETIN_HEADERS, true, '#eeeeee');
    bulletinCells(b).forEach((cells, i) => drawRow(cells, false, i % 2 ? '#fafafa' : null));
    const sum = (k: keyof BulletinRow) => b.rows.reduce((a, r) => a + Number(r[k]), 0);
    drawRow(['', '合计', sum('total'), sum('done'), sum('late'), sum('due'), sum('overdue'), sum('dutiesMissed')], true, '#eeeeee');
    doc.end();
  });
}
