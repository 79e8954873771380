/**
 * EPSF-3.0 (PostScript level 2, or 3 when it holds gradients): the same painting as the PDF page, through a prolog that names
 * the PostScript operators with PDF's short operator names. `%%BoundingBox` is the page in whole
 * points (rounded outwards), `%%HiResBoundingBox` the exact page.
 *
 * PostScript has no transparency: a partly transparent fill is mixed with white (the paper).
 * A gradient is a level-3 shading pattern (`makepattern` with an axial or radial shading, see
 * `shading.ts`) made in the drawing's space with the gradientTransform as its matrix; a partly
 * transparent one has its stops mixed with white.
 */
import type { Drawing } from './drawing';
import type { Gradient } from './gradient';
import { color, paintDrawing } from './paint';
import { shadingDictionary } from './shading';
import { formatNumber, type Placement } from './units';

const PROLOG = [
  '/q { gsave } bind def /Q { grestore } bind def',
  '/cm { 6 array astore concat } bind def',
  '/m { moveto } bind def /l { lineto } bind def /c { curveto } bind def /h { closepath } bind def',
  '/re { 4 2 roll moveto 1 index 0 rlineto 0 exch rlineto neg 0 rlineto closepath } bind def',
  '/W { clip } bind def /n { newpath } bind def /f { fill } bind def /S { stroke } bind def',
  '/rg { setrgbcolor } bind def /RG { setrgbcolor } bind def',
  '/w { setlinewidth } bind def /j { setlinejoin } bind def /J { setlinecap } bind def',
  '/M { setmiterlimit } bind def',
];

/** A gradient as the current paint: a shading pattern made in the drawing's space. */
function gradientPaint(gradient: Gradient): string {
  const matrix = gradient.transform.map((v) => formatNumber(v, 6)).join(' ');
  return (
    `<< /PatternType 2 /Shading ${shadingDictionary(gradient, color)} >> ` +
    `[${matrix}] makepattern setpattern\n`
  );
}

export interface EpsInfo {
  title?: string;
}

export function writeEps(drawing: Drawing, place: Placement, info: EpsInfo = {}): string {
  const f = (v: number) => formatNumber(v, 4);
  const title = info.title ? info.title.replace(/[^\x20-\x7e]/g, '?') : undefined;
  let shadings = false;
  const body = paintDrawing(drawing, place, {
    opacity: { kind: 'mix-white' },
    gradient: (gradient) => ((shadings = true), gradientPaint(gradient)),
  });
  return [
    '%!PS-Adobe-3.0 EPSF-3.0',
    `%%BoundingBox: 0 0 ${Math.ceil(place.pageWidth - 1e-6)} ${Math.ceil(place.pageHeight - 1e-6)}`,
    `%%HiResBoundingBox: 0 0 ${f(place.pageWidth)} ${f(place.pageHeight)}`,
    '%%Creator: Vectorizer',
    ...(title ? [`%%Title: ${title}`] : []),
    // Shadings (smooth gradients) are PostScript 3; without them level 2 is enough.
    `%%LanguageLevel: ${shadings ? 3 : 2}`,
    '%%Pages: 1',
    '%%EndComments',
    '%%BeginProlog',
    '/VectorizerDict 40 dict def VectorizerDict begin',
    ...PROLOG,
    'end',
    '%%EndProlog',
    '%%Page: 1 1',
    'save VectorizerDict begin',
    body.trimEnd(),
    'end restore',
    'showpage',
    '%%Trailer',
    '%%EOF',
    '',
  ].join('\n');
}
