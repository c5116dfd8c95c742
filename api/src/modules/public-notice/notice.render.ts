import { pdfKit } from '../../common/pdf-font';
import type { BoardNotice, EditionNotice } from './notice.service';

/*
 * 公示: the printable notice, as HTML with a print stylesheet (A4; the browser prints it or saves a PDF)
 * and as a PDF made here with a CJK font. Labels are Chinese: notices are posted in compounds and
 * published to the public (001 二.5, 002 二.3). Every value is escaped.
 */

/** The ideographic space that separates the columns of a line. */
const SP = '\u3000';
const ROLE: Record<string, string> = { DIRECTOR: '主任', DEPUTY_DIRECTOR: '副主任', MEMBER: '委员' };
const STATUS: Record<string, string> = { CPC_MEMBER: '中共党员', CPC_PROBATIONARY: '中共预备党员', LEAGUE_MEMBER: '共青团员', DEMOCRATIC_PARTY: '民主党派', NON_PARTY: '无党派人士', MASSES: '群众' };
const LIST: Record<string, string> = { RED: '红榜', BLACK: '黑榜', NONE: '' };

export const escapeHtml = (v: unknown): string => String(v ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const page = (title: string, body: string) => `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex">
<title>${escapeHtml(title)}</title>
<style>
  @page { size: A4; margin: 18mm 16mm; }
  body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", sans-serif; color: #111; max-width: 190mm; margin: 0 auto; padding: 12px; }
  h1 { text-align: center; font-size: 22pt; margin: 0 0 4px; color: #b71c1c; }
  .sub { text-align: center; color: #444; margin-bottom: 16px; }
  table { width: 100%; border-collapse: collapse; font-size: 11pt; }
  th, td { border: 1px solid #999; padding: 6px 8px; text-align: left; vertical-align: top; }
  th { background: #f3e5e5; }
  .photo { width: 22mm; height: 28mm; object-fit: cover; }
  .red { color: #b71c1c; font-weight: bold; } .black { color: #000; font-weight: bold; }
  .foot { margin-top: 14px; font-size: 10pt; color: #555; }
  .print { margin: 12px 0; text-align: right; }
  @media print { .print { display: none; } body { padding: 0; } th { background: #eee !important; -webkit-print-color-adjust: exact; print-color-adjust: exact; } }
</style></head><body>${body}</body></html>`;

export function boardHtml(n: BoardNotice, pdfHref: string): string {
  const rows = n.members
    .map(
      (m) =>
        `<tr>${m.photoRef ? `<td><img class="photo" src="${escapeHtml(m.photoRef)}" alt=""></td>` : '<td></td>'}<td>${escapeHtml(m.name)}</td><td>${escapeHtml(ROLE[m.role])}</td><td>${escapeHtml(STATUS[m.politicalStatus] ?? m.politicalStatus)}</td><td>${escapeHtml(m.building ?? '')}</td><td>${escapeHtml(m.pledge ?? '')}</td><td>${escapeHtml(m.contact ?? '')}</td></tr>`,
    )
    .join('');
  const kind = n.committeeKind === 'PROVISIONAL' ? '临时物业管理委员会' : '业主委员会';
  return page(
    `${n.compound}${kind}成员公示`,
    `<div class="print"><a href="${escapeHtml(pdfHref)}">下载 PDF</a></div>
<h1>${escapeHtml(n.compound)}${kind}成员公示</h1>
<div class="sub">${escapeHtml(n.community)} · ${n.formedOn ? `${escapeHtml(n.formedOn)} 成立` : '尚未成立'}${n.termEndsOn ? ` · 任期至 ${escapeHtml(n.termEndsOn)}` : ''}</div>
<table><thead><tr><th>照片</th><th>姓名</th><th>职务</th><th>政治面貌</th><th>楼栋</th><th>履职承诺</th><th>联系方式</th></tr></thead><tbody>${rows || '<tr><td colspan="7">暂无成员</td></tr>'}</tbody></table>
<div class="foot">联系方式仅在成员本人同意时公示。公示日期：${escapeHtml(n.asOf)}</div>`,
  );
}

export function editionHtml(n: EditionNotice, pdfHref: string): string {
  const rows = n.entries
    .map(
      (e) =>
        `<tr><td>${e.rank}</td><td>${escapeHtml(e.name)}</td><td>${'★'.repeat(e.stars)}</td><td class="${e.listStatus === 'RED' ? 'red' : e.listStatus === 'BLACK' ? 'black' : ''}">${escapeHtml(LIST[e.listStatus] ?? '')}</td></tr>`,
    )
    .join('');
  return page(
    `${n.scheme} ${n.period} 红黑榜`,
    `<div class="print"><a href="${escapeHtml(pdfHref)}">下载 PDF</a></div>
<h1>${escapeHtml(n.scheme)}</h1>
<div class="sub">${escapeHtml(n.period)}（${escapeHtml(n.periodDates)}）星级评定及红黑榜 · 第 ${n.revision} 版</div>
<table><thead><tr><th>名次</th><th>名称</th><th>星级</th><th>红黑榜</th></tr></thead><tbody>${rows || '<tr><td colspan="4">暂无</td></tr>'}</tbody></table>
<div class="foot">${escapeHtml(n.publisher)} ${escapeHtml(n.publishedOn)} 公布</div>`,
  );
}

/** The notice as a PDF (A4, the font subset to the characters used). */
export async function noticePdf(n: BoardNotice | EditionNotice, font: { path: string; family?: string }): Promise<Buffer> {
  const PDFDocument = await pdfKit();
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4', margin: 50, info: { Title: n.kind === 'COMMITTEE_BOARD' ? `${n.compound}成员公示` : `${n.scheme} ${n.period}`, Producer: '物业党建联建平台' } });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    if (font.family) doc.font(font.path, font.family);
    else doc.font(font.path);
    const line = (text: string, size = 11, color = '#111111') => doc.fillColor(color).fontSize(size).text(text, { width: 495 });
    if (n.kind === 'COMMITTEE_BOARD') {
      const kind = n.committeeKind === 'PROVISIONAL' ? '临时物业管理委员会' : '业主委员会';
      line(`${n.compound}${kind}成员公示`, 20, '#b71c1c');
      line(`${n.community} · ${n.formedOn ? `${n.formedOn} 成立` : '尚未成立'}${n.termEndsOn ? ` · 任期至 ${n.termEndsOn}` : ''}`, 11, '#444444');
      doc.moveDown();
      for (const m of n.members) {
        line(`${m.name}${SP}${ROLE[m.role]}${SP}${STATUS[m.politicalStatus] ?? m.politicalStatus}${SP}${m.building ?? ''}${m.contact ? `${SP}联系方式：${m.contact}` : ''}`, 12);
        if (m.pledge) line(`履职承诺：${m.pledge}`, 10, '#333333');
        doc.moveDown(0.5);
      }
      doc.moveDown();
      line(`联系方式仅在成员本人同意时公示。公示日期：${n.asOf}`, 9, '#555555');
    } else {
      line(n.scheme, 18, '#b71c1c');
      line(`${n.period}（${n.periodDates}）星级评定及红黑榜 · 第 ${n.revision} 版`, 11, '#444444');
      doc.moveDown();
      for (const e of n.entries) line(`${e.rank}. ${e.name}${SP}${'★'.repeat(e.stars)}${SP}${LIST[e.listStatus] ?? ''}`, 12, e.listStatus === 'RED' ? '#b71c1c' : '#111111');
      doc.moveDown();
      line(`${n.publisher} ${n.publishedOn} 公布`, 9, '#555555');
    }
    doc.end();
  });
}
