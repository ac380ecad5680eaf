import zlib from 'node:zlib';

/**
 * Whether every part of a zip file (an .xlsx is one) inflates to at most `budget` bytes in total.
 *
 * exceljs inflates every part into memory with no limit, so a small upload can expand a thousandfold (a zip bomb:
 * 40 MB could become tens of GB and end the process). This walks the central directory and inflates each part with
 * `maxOutputLength`, so it never holds more than the budget itself; the sizes a zip declares are not trusted.
 * Anything it cannot walk (no central directory, a part outside the file, zip64, an unknown compression method)
 * is refused: a workbook saved by Excel or LibreOffice has none of those.
 */
export function zipWithinBudget(zip: Buffer, budget: number): boolean {
  const eocd = findEndOfCentralDirectory(zip);
  if (eocd < 0) return false;
  const entries = zip.readUInt16LE(eocd + 10);
  let at = zip.readUInt32LE(eocd + 16);
  let used = 0;
  for (let i = 0; i < entries; i++) {
    if (at + 46 > zip.length || zip.readUInt32LE(at) !== 0x02014b50) return false;
    const method = zip.readUInt16LE(at + 10);
    const compressedSize = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    const localHeader = zip.readUInt32LE(at + 42);
    if (compressedSize === 0xffffffff || localHeader === 0xffffffff) return false;
    if (localHeader + 30 > zip.length || zip.readUInt32LE(localHeader) !== 0x04034b50) return false;
    const start = localHeader + 30 + zip.readUInt16LE(localHeader + 26) + zip.readUInt16LE(localHeader + 28);
    if (start + compressedSize > zip.length) return false;
    const data = zip.subarray(start, start + compressedSize);
    if (method === 0) {
      used += data.length;
    } else if (method === 8) {
      try {
        used += zlib.inflateRawSync(data, { maxOutputLength: Math.max(1, budget - used + 1) }).length;
      } catch {
        // Over the budget (RangeError) or not deflate data at all: either way not a workbook we read.
        return false;
      }
    } else {
      return false;
    }
    if (used > budget) return false;
    at += 46 + nameLength + extraLength + commentLength;
  }
  return true;
}

/** The offset of the end-of-central-directory record, searched from the end (a comment may follow it). */
function findEndOfCentralDirectory(zip: Buffer): number {
  const earliest = Math.max(0, zip.length - 22 - 0xffff);
  for (let at = zip.length - 22; at >= earliest; at--) {
    if (zip.readUInt32LE(at) === 0x06054b50) return at;
  }
  return -1;
}
