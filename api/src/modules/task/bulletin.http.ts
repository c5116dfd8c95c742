import type { Express, Request } from 'express';
import { assertLocalDate, todayInChina } from '../../common/dates';
import { type HttpKit, signedInGet } from '../../common/http-auth';
import { cjkFont } from '../../common/pdf-font';
import { bulletinPdf } from './bulletin';

/**
 * GET /bulletin.pdf?jurisdictionId=&asOf= — the 通报 as a printable PDF, for a signed-in user (the
 * GraphQL endpoint's bearer token), read through the same scope rule as `taskBulletin`. The xlsx is
 * made in the console from the same answer.
 */
export function mountBulletin(app: Express, kit: HttpKit): void {
  const q = (req: Request, name: string) => (typeof req.query[name] === 'string' ? (req.query[name] as string) : undefined);
  signedInGet(
    app,
    '/bulletin.pdf',
    kit,
    'The bulletin could not be made',
    (req) => kit.services.bulletin.of(q(req, 'jurisdictionId') ?? '', q(req, 'asOf') ? assertLocalDate(q(req, 'asOf'), 'asOf') : todayInChina()),
    async (res, bulletin) => {
      const font = cjkFont();
      if (!font) return void res.status(503).type('text/plain; charset=utf-8').send('PDF 需要中文字体（apt-get install fonts-noto-cjk，或设置 NOTICE_FONT）');
      const name = `${bulletin.jurisdiction}任务落实情况通报-${bulletin.asOf}.pdf`;
      res
        .status(200)
        .type('application/pdf')
        .set('Cache-Control', 'no-store')
        .set('X-Content-Type-Options', 'nosniff')
        .set('Content-Disposition', `inline; filename="bulletin-${bulletin.asOf}.pdf"; filename*=UTF-8''${encodeURIComponent(name)}`)
        .send(await bulletinPdf(bulletin, font));
    },
  );
}
