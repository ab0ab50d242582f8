// How large an .xlsx says it is once unzipped, from its zip's central directory, before
// read-excel-file inflates it: a 2 MB file of repeated cells can inflate to gigabytes (a "zip
// bomb") and hold the hub's one thread. This reads only the sizes the directory declares; a
// zip whose directory cannot be found is left to read-excel-file to refuse.
const END = 0x06054b50;
const ENTRY = 0x02014b50;

/** The sum of the entries' declared uncompressed sizes, or null when there is no directory. */
export function declaredUnzippedSize(bytes: Uint8Array): number | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end record is 22 bytes plus a comment of up to 65 535.
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65_535); i--) {
    if (view.getUint32(i, true) === END) {
      end = i;
      break;
    }
  }
  if (end < 0) return null;
  const entries = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  let total = 0;
  for (let n = 0; n < entries; n++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== ENTRY) return null;
    total += view.getUint32(at + 24, true);
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return total;
}
