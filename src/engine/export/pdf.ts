/**
 * PDF 1.4: one page exactly the requested size (MediaBox in points), the drawing as vector paths
 * in one Flate-compressed content stream (fflate: pure JavaScript, so this runs in a worker as in
 * Node). Partly transparent fills use an ExtGState with /ca (PDF 1.4 transparency).
 */
import { zlibSync } from 'fflate';
import type { Drawing } from './drawing';
import { paintDrawing } from './paint';
import { formatNumber, type Placement } from './units';

const encoder = new TextEncoder();

export interface PdfInfo {
  title?: string;
  /** Fixed for reproducible files; default none. */
  creationDate?: Date;
}

/** A PDF text string: ASCII with ( ) \ escaped, anything else as `?`. */
function pdfString(text: string): string {
  return '(' + text.replace(/[^\x20-\x7e]/g, '?').replace(/[()\\]/g, (c) => '\\' + c) + ')';
}

function pdfDate(date: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return (
    `D:${date.getUTCFullYear()}${p(date.getUTCMonth() + 1)}${p(date.getUTCDate())}` +
    `${p(date.getUTCHours())}${p(date.getUTCMinutes())}${p(date.getUTCSeconds())}Z`
  );
}

export function writePdf(drawing: Drawing, place: Placement, info: PdfInfo = {}): Uint8Array {
  const states: number[] = [];
  const content = paintDrawing(drawing, place, {
    opacity: {
      kind: 'gstate',
      name: (opacity) => {
        let index = states.indexOf(opacity);
        if (index < 0) index = states.push(opacity) - 1;
        return `a${index}`;
      },
    },
  });
  const stream = zlibSync(encoder.encode(content), { level: 6 });

  // Objects: 1 catalog, 2 pages, 3 page, 4 content, 5 info, 6… graphics states.
  const f = (v: number) => formatNumber(v, 4);
  const gstates = states.map((_, i) => `/a${i} ${6 + i} 0 R`).join(' ');
  const resources = states.length
    ? `/Resources << /ExtGState << ${gstates} >> >>`
    : '/Resources << >>';
  const infoEntries = [`/Producer (Vectorizer)`];
  if (info.title) infoEntries.push(`/Title ${pdfString(info.title)}`);
  if (info.creationDate) infoEntries.push(`/CreationDate (${pdfDate(info.creationDate)})`);
  const objects: (string | [string, Uint8Array])[] = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${f(place.pageWidth)} ${f(place.pageHeight)}] ` +
      `${resources} /Contents 4 0 R >>`,
    [`<< /Length ${stream.length} /Filter /FlateDecode >>`, stream],
    `<< ${infoEntries.join(' ')} >>`,
    ...states.map((a) => `<< /Type /ExtGState /ca ${formatNumber(a, 4)} >>`),
  ];

  const parts: Uint8Array[] = [];
  let length = 0;
  const put = (chunk: string | Uint8Array) => {
    const bytes = typeof chunk === 'string' ? encoder.encode(chunk) : chunk;
    parts.push(bytes);
    length += bytes.length;
  };
  // The second line's bytes above 127 mark the file as binary for transfer tools.
  put('%PDF-1.4\n');
  put(new Uint8Array([0x25, 0xe2, 0xe3, 0xcf, 0xd3, 0x0a]));
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(length);
    if (typeof object === 'string') put(`${i + 1} 0 obj\n${object}\nendobj\n`);
    else {
      put(`${i + 1} 0 obj\n${object[0]}\nstream\n`);
      put(object[1]);
      put('\nendstream\nendobj\n');
    }
  });
  const xref = length;
  const size = objects.length + 1;
  put(
    `xref\n0 ${size}\n0000000000 65535 f \n` +
      offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('') +
      `trailer\n<< /Size ${size} /Root 1 0 R /Info 5 0 R >>\nstartxref\n${xref}\n%%EOF\n`,
  );

  const file = new Uint8Array(length);
  let at = 0;
  for (const part of parts) {
    file.set(part, at);
    at += part.length;
  }
  return file;
}
