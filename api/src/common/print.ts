import type { Response } from 'express';

/*
 * Printable pages (审批单, 名册): HTML with an A4 print stylesheet, as the public notices are
 * (public-notice/notice.render.ts). The console fetches them with the session's token and shows them
 * in a frame it prints; the browser prints or saves a PDF. No script, nothing loaded from elsewhere.
 */

export const escapeHtml = (v: unknown): string => String(v ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** An A4 page with the platform's print style; `body` is HTML already escaped. */
export const printPage = (title: string, body: string): string => `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex">
<title>${escapeHtml(title)}</title>
<style>
  @page { size: A4; margin: 16mm 15mm; }
  body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", sans-serif; color: #111; max-width: 180mm; margin: 0 auto; padding: 12px; background: #fff; }
  h1 { text-align: center; font-size: 20pt; margin: 0 0 4px; letter-spacing: 2px; }
  .sub { text-align: center; color: #333; margin-bottom: 12px; font-size: 10.5pt; }
  table { width: 100%; border-collapse: collapse; font-size: 11pt; }
  th, td { border: 1px solid #333; padding: 7px 8px; text-align: left; vertical-align: top; }
  th { background: #f2f2f2; font-weight: 600; white-space: nowrap; width: 18%; }
  table.list th { width: auto; }
  .amount { font-size: 13pt; font-weight: 600; }
  .nw { white-space: nowrap; }
  .sign td { height: 26mm; }
  .sign .who { display: block; color: #333; }
  .sign .line { display: block; margin-top: 12mm; color: #555; font-size: 10pt; }
  h2 { font-size: 13pt; margin: 14px 0 6px; }
  .foot { margin-top: 12px; font-size: 9.5pt; color: #555; display: flex; justify-content: space-between; }
  @media print { body { padding: 0; } th { background: #eee !important; -webkit-print-color-adjust: exact; print-color-adjust: exact; } }
</style></head><body>${body}</body></html>`;

/** Sends a printable page: never cached (it carries names and amounts), no script, nothing from elsewhere. */
export function sendPrintable(res: Response, html: string): void {
  res
    .status(200)
    .type('html')
    .set({
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'self'",
    })
    .send(html);
}
