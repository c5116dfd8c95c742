import fs from 'node:fs';

/** The CJK font PDFs are set in (notices, bulletins): NOTICE_FONT, else Debian's fonts-noto-cjk (the Docker image and CI install it). */
export function cjkFont(): { path: string; family?: string } | null {
  const configured = process.env.NOTICE_FONT;
  if (configured) return fs.existsSync(configured) ? { path: configured } : null;
  const debian = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';
  return fs.existsSync(debian) ? { path: debian, family: 'NotoSansCJKsc-Regular' } : null;
}

/**
 * pdfkit, loaded the first time a PDF is asked for: it brings fontkit, brotli and the Unicode tables
 * (about 0.3 s of a cold start) that no other answer needs.
 */
export async function pdfKit(): Promise<typeof import('pdfkit')> {
  return (await import('pdfkit')).default;
}
