import type { Express, Request, Response } from 'express';
import type { Services } from '../../common/context';
import { cjkFont } from '../../common/pdf-font';
import { boardHtml, editionHtml, noticePdf } from './notice.render';

const GONE = '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="robots" content="noindex"><title>公示</title></head><body><p>该公示链接无效或已撤销。</p></body></html>';

/**
 * GET /notice/<token> (HTML) and /notice/<token>.pdf, without signing in. An unknown, malformed or
 * revoked token gets the same 404 (no oracle). Never cached, never indexed, no referrer (the token is in
 * the address), nothing loaded from elsewhere but member photos the office linked.
 */
export function mountNotices(app: Express, services: Services): void {
  app.get('/notice/:file', async (req: Request, res: Response) => {
    res.set({
      'Cache-Control': 'no-store',
      'X-Robots-Tag': 'noindex, nofollow',
      'Referrer-Policy': 'no-referrer',
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; img-src https: data:; frame-ancestors 'none'",
    });
    const file = String(req.params.file);
    const pdf = file.endsWith('.pdf');
    const token = pdf ? file.slice(0, -4) : file;
    try {
      const notice = await services.noticeLink.open(token);
      if (!notice) return void res.status(404).type('html').send(GONE);
      if (!pdf) return void res.type('html').send(notice.kind === 'COMMITTEE_BOARD' ? boardHtml(notice, `${token}.pdf`) : editionHtml(notice, `${token}.pdf`));
      const font = cjkFont();
      if (!font) return void res.status(503).type('text/plain; charset=utf-8').send('PDF 需要中文字体（apt-get install fonts-noto-cjk，或设置 NOTICE_FONT）；请打开网页版并用浏览器打印。');
      res
        .type('application/pdf')
        .set('Content-Disposition', 'inline; filename="notice.pdf"')
        .send(await noticePdf(notice, font));
    } catch {
      res.status(503).type('text/plain; charset=utf-8').send('暂时无法打开公示，请稍后再试。');
    }
  });
}
