import { MAX_WORKBOOK_BYTES, WorkbookFileError } from './errors';

const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
/** Stream name of an encrypted OOXML package inside its CFB container, as stored (UTF-16LE). */
const ENCRYPTION_INFO = Buffer.from('EncryptionInfo', 'utf16le');

function startsWith(data: Uint8Array, magic: readonly number[]): boolean {
  return data.length >= magic.length && magic.every((b, i) => data[i] === b);
}

export function asBuffer(data: Buffer | Uint8Array): Buffer {
  return Buffer.isBuffer(data) ? data : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
}

/**
 * Refuses what is certainly not a readable .xlsx before any parsing, with the
 * reason a person can act on: a password-protected workbook and an old .xls
 * both arrive as CFB (OLE2) containers, and only the former holds an
 * `EncryptionInfo` stream.
 */
export function checkBytes(data: Buffer | Uint8Array, maxBytes = MAX_WORKBOOK_BYTES): void {
  if (data.length === 0) throw new WorkbookFileError('empty', 'the file is empty (0 bytes)');
  if (data.length > maxBytes) {
    throw new WorkbookFileError('too_large', `the file has ${data.length} bytes, more than the limit of ${maxBytes}`);
  }
  if (startsWith(data, CFB_MAGIC)) {
    if (asBuffer(data).includes(ENCRYPTION_INFO)) {
      throw new WorkbookFileError('encrypted', 'the workbook is protected with a password; save it without one');
    }
    throw new WorkbookFileError('legacy_xls', 'an Excel 97-2003 (.xls) file; save it as .xlsx');
  }
  if (!startsWith(data, ZIP_MAGIC))
    throw new WorkbookFileError('not_workbook', 'not an .xlsx file (not a zip package)');
}
