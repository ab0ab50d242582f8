// Which text a CSV's bytes are. Excel on a Chinese Windows saves "CSV" in the ANSI code page
// (936, GBK); a CRM export or Excel's "CSV UTF-8" is UTF-8, the latter with a BOM.
// Decision, in this order: a UTF-8 BOM says UTF-8; else bytes that decode as strict UTF-8
// (a fatal TextDecoder: any invalid sequence throws) are UTF-8; else GBK. GBK text is almost
// never valid UTF-8 (its two-byte pairs break UTF-8's continuation rules within a few
// characters), while UTF-8 is always tried first, so a UTF-8 file is never misread.
// GBK is decoded as GB18030, its superset, so a name with a rarer character still comes out.
import iconv from 'iconv-lite';

export type Encoding = 'utf-8' | 'gbk';

const BOM = [0xef, 0xbb, 0xbf];

export function decodeCsv(bytes: Uint8Array): { text: string; encoding: Encoding } {
  if (BOM.every((b, i) => bytes[i] === b)) return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 'gb18030'), encoding: 'gbk' };
  }
}
