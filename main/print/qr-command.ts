// The printer's own QR command (ESC/POS GS ( k, function 165/167/169/180/181), not a
// bitmap: a few dozen bytes instead of kilobytes, and the printer renders it crisply.
const GS = 0x1d;

function gsk(cn: number, fn: number, params: number[]): number[] {
  const len = params.length + 2;
  return [GS, 0x28, 0x6b, len & 0xff, (len >> 8) & 0xff, cn, fn, ...params];
}

/** Model 2, module size `size` dots, error correction M, then store and print `data`. */
export function nativeQr(data: string, size = 6): Buffer {
  const bytes = [...Buffer.from(data, 'utf8')];
  if (bytes.length > 7000) throw new Error('QR data too long');
  return Buffer.from([
    ...gsk(0x31, 0x41, [0x32, 0x00]), // fn 165: model 2
    ...gsk(0x31, 0x43, [size]), // fn 167: module size
    ...gsk(0x31, 0x45, [0x31]), // fn 169: error correction M (15 %)
    ...gsk(0x31, 0x50, [0x30, ...bytes]), // fn 180: store the data
    ...gsk(0x31, 0x51, [0x30]), // fn 181: print the stored symbol
  ]);
}

/** Parses the data stored by fn 180 back out of a byte stream (tests, the fake printer). */
export function qrDataIn(bytes: Buffer): string[] {
  const found: string[] = [];
  for (let i = 0; i + 8 <= bytes.length; i++) {
    if (bytes[i] !== GS || bytes[i + 1] !== 0x28 || bytes[i + 2] !== 0x6b) continue;
    const len = bytes[i + 3]! | (bytes[i + 4]! << 8);
    if (bytes[i + 5] === 0x31 && bytes[i + 6] === 0x50 && bytes[i + 7] === 0x30) {
      found.push(bytes.subarray(i + 8, i + 5 + len).toString('utf8'));
    }
    i += 4 + len;
  }
  return found;
}
