/*
 * What a file is, read from its bytes, never from its name or the type the client declared: a
 * photo (JPEG, PNG, WebP, GIF), a PDF, or an Office document (docx/xlsx/pptx, which are zip
 * packages; doc/xls/ppt, which are OLE compound files). Zips and compound files are opened far
 * enough to see they hold a Word, Excel or PowerPoint document (an installer or an archive of
 * anything else is refused), and ones carrying macros are refused too.
 */

/** What kind of attachment a file is: images get thumbnails and open in the browser, as PDFs do. */
export type AttachmentKind = 'IMAGE' | 'PDF' | 'OFFICE';

export interface FileType {
  mimeType: string;
  kind: AttachmentKind;
  /** The name's extensions that fit it (lower case, first the usual one). */
  extensions: readonly string[];
}

/** Reads up to `length` bytes at `position` of the file being judged. */
export type ReadAt = (position: number, length: number) => Promise<Buffer>;

const T = {
  jpeg: { mimeType: 'image/jpeg', kind: 'IMAGE', extensions: ['jpg', 'jpeg', 'jfif'] },
  png: { mimeType: 'image/png', kind: 'IMAGE', extensions: ['png'] },
  gif: { mimeType: 'image/gif', kind: 'IMAGE', extensions: ['gif'] },
  webp: { mimeType: 'image/webp', kind: 'IMAGE', extensions: ['webp'] },
  pdf: { mimeType: 'application/pdf', kind: 'PDF', extensions: ['pdf'] },
  docx: { mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', kind: 'OFFICE', extensions: ['docx'] },
  xlsx: { mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', kind: 'OFFICE', extensions: ['xlsx'] },
  pptx: { mimeType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation', kind: 'OFFICE', extensions: ['pptx'] },
  doc: { mimeType: 'application/msword', kind: 'OFFICE', extensions: ['doc'] },
  xls: { mimeType: 'application/vnd.ms-excel', kind: 'OFFICE', extensions: ['xls'] },
  ppt: { mimeType: 'application/vnd.ms-powerpoint', kind: 'OFFICE', extensions: ['ppt'] },
} as const satisfies Record<string, FileType>;

/** Every type accepted, for the console's file picker (`accept`) and the README. */
export const ACCEPTED_TYPES: readonly FileType[] = Object.values(T);

const starts = (head: Buffer, bytes: number[] | string, at = 0): boolean => {
  const want = typeof bytes === 'string' ? Buffer.from(bytes, 'latin1') : Buffer.from(bytes);
  return head.length >= at + want.length && head.subarray(at, at + want.length).equals(want);
};

/** The file's type, or null when it is none of those accepted. */
export async function sniff(read: ReadAt, size: number): Promise<FileType | null> {
  if (size === 0) return null;
  const head = await read(0, 16);
  if (starts(head, [0xff, 0xd8, 0xff])) return T.jpeg;
  if (starts(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return T.png;
  if (starts(head, 'GIF87a') || starts(head, 'GIF89a')) return T.gif;
  if (starts(head, 'RIFF') && starts(head, 'WEBP', 8)) return T.webp;
  if (starts(head, '%PDF-')) return T.pdf;
  if (starts(head, [0x50, 0x4b, 0x03, 0x04])) return officeZip(await zipNames(read, size));
  if (starts(head, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return officeCompound(await compoundNames(read, size));
  return null;
}

/** An Office Open XML package by its parts; macro-enabled ones (a VBA project inside) are refused. */
function officeZip(names: string[] | null): FileType | null {
  if (!names || !names.includes('[Content_Types].xml') || names.some((n) => /(^|\/)vbaProject\.bin$/i.test(n))) return null;
  if (names.includes('word/document.xml')) return T.docx;
  if (names.includes('xl/workbook.xml')) return T.xlsx;
  if (names.includes('ppt/presentation.xml')) return T.pptx;
  return null;
}

/** A legacy Office file by its streams; one with macros (a VBA storage) is refused, and so is any other compound file (an .msi installer). */
function officeCompound(names: string[] | null): FileType | null {
  if (!names || names.some((n) => ['_VBA_PROJECT_CUR', 'VBA', 'Macros', '_VBA_PROJECT'].includes(n))) return null;
  if (names.includes('WordDocument')) return T.doc;
  if (names.includes('Workbook') || names.includes('Book')) return T.xls;
  if (names.includes('PowerPoint Document')) return T.ppt;
  return null;
}

const MAX_ENTRIES = 20_000;

/** The entry names of a zip, from its central directory (null: not a readable zip, or zip64). */
export async function zipNames(read: ReadAt, size: number): Promise<string[] | null> {
  const tailLength = Math.min(size, 22 + 65_535);
  const tail = await read(size - tailLength, tailLength);
  let eocd = -1;
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const entries = tail.readUInt16LE(eocd + 10);
  const cdSize = tail.readUInt32LE(eocd + 12);
  const cdOffset = tail.readUInt32LE(eocd + 16);
  if (entries === 0xffff || cdOffset === 0xffffffff || cdOffset + cdSize > size || cdSize > 16 * 1024 * 1024) return null;
  const cd = await read(cdOffset, cdSize);
  const names: string[] = [];
  for (let p = 0; p + 46 <= cd.length && names.length < Math.min(entries, MAX_ENTRIES);) {
    if (cd.readUInt32LE(p) !== 0x02014b50) return null;
    const nameLength = cd.readUInt16LE(p + 28);
    const extra = cd.readUInt16LE(p + 30);
    const comment = cd.readUInt16LE(p + 32);
    names.push(cd.subarray(p + 46, p + 46 + nameLength).toString('utf8'));
    p += 46 + nameLength + extra + comment;
  }
  return names;
}

const END_OF_CHAIN = 0xfffffffe;
const MAX_DIRECTORY_SECTORS = 4096;

/** The names in an OLE compound file's directory (null: not a readable one). */
export async function compoundNames(read: ReadAt, size: number): Promise<string[] | null> {
  const header = await read(0, 512);
  if (header.length < 512) return null;
  const shift = header.readUInt16LE(0x1e);
  if (shift !== 9 && shift !== 12) return null;
  const sectorSize = 1 << shift;
  const perSector = sectorSize / 4;
  const fatCount = header.readUInt32LE(0x2c);
  const sectorAt = (sid: number) => (sid + 1) * sectorSize;
  // where the allocation table's sectors are: 109 in the header, the rest in a chain of DIFAT sectors
  const fatSectors: number[] = [];
  for (let i = 0; i < Math.min(fatCount, 109); i++) fatSectors.push(header.readUInt32LE(0x4c + 4 * i));
  let difat = header.readUInt32LE(0x44);
  for (let guard = 0; fatSectors.length < fatCount && difat < END_OF_CHAIN && guard < 1024; guard++) {
    const sector = await read(sectorAt(difat), sectorSize);
    if (sector.length < sectorSize) return null;
    for (let i = 0; i < perSector - 1 && fatSectors.length < fatCount; i++) fatSectors.push(sector.readUInt32LE(4 * i));
    difat = sector.readUInt32LE(sectorSize - 4);
  }
  const next = async (sid: number): Promise<number> => {
    const fatSector = fatSectors[Math.floor(sid / perSector)];
    if (fatSector === undefined || sectorAt(fatSector) >= size) return END_OF_CHAIN;
    const entry = await read(sectorAt(fatSector) + 4 * (sid % perSector), 4);
    return entry.length === 4 ? entry.readUInt32LE(0) : END_OF_CHAIN;
  };
  const names: string[] = [];
  const seen = new Set<number>();
  for (let sid = header.readUInt32LE(0x30); sid < END_OF_CHAIN && !seen.has(sid) && seen.size < MAX_DIRECTORY_SECTORS; sid = await next(sid)) {
    seen.add(sid);
    const sector = await read(sectorAt(sid), sectorSize);
    if (sector.length < sectorSize) return null;
    for (let e = 0; e < sectorSize; e += 128) {
      const length = sector.readUInt16LE(e + 0x40);
      const type = sector[e + 0x42];
      if (type === 0 || length < 2 || length > 64) continue;
      names.push(sector.subarray(e, e + length - 2).toString('utf16le'));
    }
  }
  return names.length ? names : null;
}
