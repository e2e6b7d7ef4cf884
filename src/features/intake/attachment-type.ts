// What an attachment really is: the type found in its bytes (file-type), checked against its name. A file whose
// name promises one format and whose bytes are another is refused; a file with no recognisable signature (text,
// logs, source code) is accepted as text when it is valid UTF-8, else as opaque bytes. Nothing is ever served
// inline, so the detected type only informs the reader and the download's Content-Type.
import { extname } from 'node:path';
import { fileTypeFromBuffer } from 'file-type';

/** Extensions whose formats have a signature file-type recognises: such a name must match its bytes. */
const SIGNED_EXTENSIONS: Record<string, readonly string[]> = {
  png: ['image/png'],
  jpg: ['image/jpeg'],
  jpeg: ['image/jpeg'],
  gif: ['image/gif'],
  webp: ['image/webp'],
  bmp: ['image/bmp'],
  pdf: ['application/pdf'],
  zip: ['application/zip'],
  gz: ['application/gzip'],
  tgz: ['application/gzip'],
  '7z': ['application/x-7z-compressed'],
  rar: ['application/x-rar-compressed', 'application/vnd.rar'],
  mp4: ['video/mp4'],
  docx: ['application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'application/zip'],
  xlsx: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'application/zip'],
  pptx: ['application/vnd.openxmlformats-officedocument.presentationml.presentation', 'application/zip'],
  pcap: ['application/vnd.tcpdump.pcap'],
  pcapng: ['application/x-pcapng'],
};

export type SniffResult = { ok: true; detectedType: string } | { ok: false; reason: 'type_mismatch' };

export async function sniffAttachment(filename: string, data: Buffer): Promise<SniffResult> {
  const ext = extname(filename).slice(1).toLowerCase();
  const found = await fileTypeFromBuffer(data);
  const expected = SIGNED_EXTENSIONS[ext];
  if (expected && (!found || !expected.includes(found.mime))) return { ok: false, reason: 'type_mismatch' };
  if (found) return { ok: true, detectedType: found.mime };
  return {
    ok: true,
    detectedType: isUtf8Text(data) ? 'text/plain; charset=utf-8' : 'application/octet-stream',
  };
}

function isUtf8Text(data: Buffer): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(data);
    return !data.includes(0);
  } catch {
    return false;
  }
}

/** A name safe to offer in Content-Disposition: no path, no control characters, bounded length. */
export function safeFilename(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point
  const cleaned = base.replace(/[\u0000-\u001f\u007f"]/g, '').trim();
  return (cleaned || 'attachment').slice(0, 200);
}
