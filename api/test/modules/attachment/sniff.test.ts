import { loadConfig } from '../../../src/config/env';
import { contentDisposition } from '../../../src/modules/attachment/attachment.http';
import { sniff } from '../../../src/modules/attachment/sniff';
import { compoundFile, docx, EXE, HTML, pdf, png, zipOf } from './files';

const judge = (bytes: Buffer) => sniff(async (position, length) => bytes.subarray(position, position + length), bytes.length).then((t) => t?.mimeType ?? null);

/** What a file is, from its bytes alone; the settings; the download's name header. */
describe('attachment content and settings', () => {
  it('knows photos, PDFs and Office documents by their bytes, and nothing else', async () => {
    expect(await judge(png())).toBe('image/png');
    expect(await judge(Buffer.from([0xff, 0xd8, 0xff, 0xdb, 0, 0]))).toBe('image/jpeg');
    expect(await judge(Buffer.from('GIF89a\x01\x00\x01\x00', 'latin1'))).toBe('image/gif');
    expect(await judge(Buffer.from('RIFF\x10\x00\x00\x00WEBPVP8 ', 'latin1'))).toBe('image/webp');
    expect(await judge(pdf())).toBe('application/pdf');
    expect(await judge(docx())).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(await judge(zipOf({ '[Content_Types].xml': '<Types/>', 'xl/workbook.xml': '<workbook/>' }))).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(await judge(zipOf({ '[Content_Types].xml': '<Types/>', 'ppt/presentation.xml': '<p/>' }))).toBe('application/vnd.openxmlformats-officedocument.presentationml.presentation');
    expect(await judge(compoundFile(['WordDocument']))).toBe('application/msword');
    expect(await judge(compoundFile(['Workbook']))).toBe('application/vnd.ms-excel');
    expect(await judge(compoundFile(['PowerPoint Document']))).toBe('application/vnd.ms-powerpoint');
    for (const refused of [
      EXE,
      HTML,
      Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
      zipOf({ 'a.txt': 'x' }),
      docx(true),
      compoundFile(['WordDocument', 'Macros']),
      compoundFile(['SummaryInformation']),
      Buffer.from('PK\x03\x04 truncated', 'latin1'),
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]),
      Buffer.alloc(0),
    ]) {
      expect(await judge(refused)).toBeNull();
    }
  });

  it('reads ATTACHMENT_DIR and ATTACHMENT_MAX_MB, refusing a size it cannot use', () => {
    expect(loadConfig({ ATTACHMENT_MAX_MB: '5', ATTACHMENT_DIR: '/srv/files' })).toMatchObject({ attachmentMaxBytes: 5 * 1024 * 1024, attachmentDir: '/srv/files' });
    expect(loadConfig({}).attachmentMaxBytes).toBe(20 * 1024 * 1024);
    expect(() => loadConfig({ ATTACHMENT_MAX_MB: '0' })).toThrow(/ATTACHMENT_MAX_MB/);
    expect(() => loadConfig({ ATTACHMENT_MAX_MB: '20MB' })).toThrow(/ATTACHMENT_MAX_MB/);
  });

  it('names the download as uploaded: an ASCII stand-in and the real name in RFC 5987 form', () => {
    expect(contentDisposition('attachment', '整改通知 "第1号".docx')).toBe(
      `attachment; filename="____ __1__.docx"; filename*=UTF-8''%E6%95%B4%E6%94%B9%E9%80%9A%E7%9F%A5%20%22%E7%AC%AC1%E5%8F%B7%22.docx`,
    );
    expect(contentDisposition('inline', "it's (1).png")).toBe(`inline; filename="it's (1).png"; filename*=UTF-8''it%27s%20%281%29.png`);
  });
});
