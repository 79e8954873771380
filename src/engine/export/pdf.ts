/**
 * PDF 1.4: one page exactly the requested size (MediaBox in points), the drawing as vector paths
 * in one Flate-compressed content stream (see `deflate.ts`; it runs in a worker as in Node).
 * Partly transparent fills and strokes use an ExtGState with /ca or /CA (PDF 1.4 transparency). Gradients are shading patterns (PatternType 2: an axial or radial shading, see
 * `shading.ts`), one per gradient, its matrix the gradientTransform on the page.
 */
import { deflate } from './deflate';
import type { Drawing } from './drawing';
import { color, drawingMatrix, paintDrawing } from './paint';
import { shadingDictionary } from './shading';
import { multiply } from './transform';
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

export async function writePdf(
  drawing: Drawing,
  place: Placement,
  info: PdfInfo = {},
): Promise<Uint8Array> {
  const states: string[] = [];
  const patterns: string[] = [];
  const toPage = drawingMatrix(drawing, place);
  const content = paintDrawing(drawing, place, {
    opacity: {
      kind: 'gstate',
      name: (key, opacity) => {
        const state = `/${key} ${formatNumber(opacity, 4)}`;
        let index = states.indexOf(state);
        if (index < 0) index = states.push(state) - 1;
        return `a${index}`;
      },
    },
    gradient: (gradient, stroke) => {
      // A pattern's matrix maps its space to the page's default space, not to the current one.
      const matrix = multiply(toPage, gradient.transform).map((v) => formatNumber(v, 6));
      const pattern =
        `<< /Type /Pattern /PatternType 2 /Matrix [${matrix.join(' ')}] ` +
        `/Shading ${shadingDictionary(gradient, color)} >>`;
      let index = patterns.indexOf(pattern);
      if (index < 0) index = patterns.push(pattern) - 1;
      return stroke ? `/Pattern CS /p${index} SCN\n` : `/Pattern cs /p${index} scn\n`;
    },
  });
  const stream = await deflate(encoder.encode(content));

  // Objects: 1 catalog, 2 pages, 3 page, 4 content, 5 info, 6… graphics states, then patterns.
  const f = (v: number) => formatNumber(v, 4);
  const names = (prefix: string, list: string[], first: number) =>
    list.map((_, i) => `/${prefix}${i} ${first + i} 0 R`).join(' ');
  const resources: string[] = [];
  if (states.length) resources.push(`/ExtGState << ${names('a', states, 6)} >>`);
  if (patterns.length) resources.push(`/Pattern << ${names('p', patterns, 6 + states.length)} >>`);
  const infoEntries = [`/Producer (Vectorizer)`];
  if (info.title) infoEntries.push(`/Title ${pdfString(info.title)}`);
  if (info.creationDate) infoEntries.push(`/CreationDate (${pdfDate(info.creationDate)})`);
  const objects: (string | [string, Uint8Array])[] = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${f(place.pageWidth)} ${f(place.pageHeight)}] ` +
      `/Resources << ${resources.join(' ')} >> /Contents 4 0 R >>`,
    [`<< /Length ${stream.length} /Filter /FlateDecode >>`, stream],
    `<< ${infoEntries.join(' ')} >>`,
    ...states.map((state) => `<< /Type /ExtGState ${state} >>`),
    ...patterns,
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
