/**
 * Test support for the exporters: the real engine on real images, and the Debian readers of the
 * formats (poppler, ghostscript, ezdxf under Debian's python, inkscape), see scripts/setup.sh.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { ROOT } from '../cli/cli-process';
import type { VectorizeOptionsInput, VectorizeResult } from '../engine';
import { loadEngine } from '../engine/test-support';
import type { Raster } from '../engine/fidelity/index';

export const EXPORT_DIR = join(ROOT, '.tmp/export-tests');

/** Debian's python, which has ezdxf (a pyenv python earlier on PATH does not). */
export const PYTHON = '/usr/bin/python3';

/** A fixture from e2e/fixtures resized to `width` pixels wide, vectorized by the real engine. */
export async function vectorizedFixture(
  path: string,
  width: number,
  options: VectorizeOptionsInput = {},
): Promise<VectorizeResult> {
  const { data, info } = await sharp(join(ROOT, 'e2e/fixtures', path))
    .resize(width)
    .ensureAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  const engine = await loadEngine();
  return engine.vectorize(new Uint8Array(data), info.width, info.height, {
    preset: 'balanced',
    ...options,
  });
}

export function writeOut(name: string, data: Uint8Array | string): string {
  mkdirSync(EXPORT_DIR, { recursive: true });
  const path = join(EXPORT_DIR, name);
  writeFileSync(path, data);
  return path;
}

export function run(command: string, args: readonly string[], input?: string): string {
  return execFileSync(command, args, {
    encoding: 'utf8',
    input,
    stdio: ['pipe', 'pipe', 'pipe'],
    maxBuffer: 64 << 20,
  });
}

/** A PNG file as straight-alpha RGBA. */
export async function readPng(path: string): Promise<Raster> {
  const { data, info } = await sharp(readFileSync(path))
    .ensureAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { data: new Uint8Array(data), width: info.width, height: info.height };
}

/** Renders page 1 of a PDF at exactly width×height pixels with poppler. */
export async function renderPdf(pdf: string, width: number, height: number): Promise<Raster> {
  const base = pdf.replace(/\.pdf$/, '-poppler');
  run('pdftoppm', [
    '-png',
    '-singlefile',
    '-scale-to-x',
    String(width),
    '-scale-to-y',
    String(height),
    pdf,
    base,
  ]);
  return readPng(base + '.png');
}

/** The box ghostscript finds marked on the page (its bbox device), in points. */
export function markedBox(path: string): [number, number, number, number] {
  const args = ['-q', '-dSAFER', '-dBATCH', '-dNOPAUSE', '-sDEVICE=bbox', path];
  const { stderr } = spawnSync('gs', args, { encoding: 'utf8' });
  const match = /%%HiResBoundingBox: ([-\d.]+) ([-\d.]+) ([-\d.]+) ([-\d.]+)/.exec(stderr);
  if (!match) throw new Error(`gs found no marks in ${path}: ${stderr}`);
  return match.slice(1).map(Number) as [number, number, number, number];
}

/**
 * Renders an EPS to its bounding box with ghostscript at `dpi`. `supersample` > 1 renders at that
 * many times the dpi and reduces the render with sharp: ghostscript anti-aliases filled paths
 * (GraphicsAlphaBits) but not the edges of shading (gradient) fills.
 */
export async function renderEps(eps: string, dpi: number, supersample = 1): Promise<Raster> {
  const out = eps.replace(/\.eps$/, '-gs.png');
  run('gs', [
    '-q',
    '-dSAFER',
    '-dBATCH',
    '-dNOPAUSE',
    '-dEPSCrop',
    '-dTextAlphaBits=4',
    '-dGraphicsAlphaBits=4',
    '-sDEVICE=pngalpha',
    `-r${dpi * supersample}`,
    `-sOutputFile=${out}`,
    eps,
  ]);
  if (supersample === 1) return readPng(out);
  const { width, height } = await sharp(out).metadata();
  const reduced = out.replace(/\.png$/, '-reduced.png');
  await sharp(out)
    .resize(Math.round(width! / supersample), Math.round(height! / supersample))
    .toFile(reduced);
  return readPng(reduced);
}

const EXTENSIONS = '/usr/share/inkscape/extensions';

/**
 * Opens a file in Inkscape and exports it as PNG. PDF opens directly. EPS and DXF open through
 * the Python extensions Inkscape runs for them (ps_input.py: ghostscript to PDF, then its PDF
 * import; dxf_input.py: DXF to SVG), called here as Inkscape calls them: Inkscape 1.2 itself
 * shows their import dialog first, which needs a display (and a person) even on the command line.
 */
export function inkscapeToPng(path: string): string {
  let open = path;
  if (/\.(eps|dxf)$/.test(path)) {
    const eps = path.endsWith('.eps');
    open = path + (eps ? '.inkscape.pdf' : '.inkscape.svg');
    const script = eps ? 'ps_input.py' : 'dxf_input.py';
    const args = eps ? [script, '--crop=true', path] : [script, path];
    writeFileSync(open, execFileSync(PYTHON, args, { cwd: EXTENSIONS, maxBuffer: 64 << 20 }));
  }
  const out = path + '.inkscape.png';
  run('inkscape', [open, '--export-type=png', `--export-filename=${out}`]);
  return out;
}

/** What ezdxf reads in a DXF file (see the script below). */
export interface DxfReport {
  errors: string[];
  fixes: string[];
  insunits: number;
  acadver: string;
  extmin: [number, number];
  extmax: [number, number];
  layers: Record<string, { rgb: [number, number, number] | null; aci: number }>;
  types: Record<string, number>;
  /** Per layer: each loop's signed area in mm² (y up), chaining entities end to start. */
  loops: Record<string, number[]>;
  /** Entities that are closed LWPOLYLINEs. */
  closedPolylines: number;
  /** Points left over after chaining (0: every chain closed). */
  open: number;
  /** Every SPLINE is a cubic with 3n+1 control points and n+4 knots. */
  splinesOk: boolean;
  /** The CIRCLE entities: centre and radius in mm. */
  circles: { layer: string; center: [number, number]; r: number }[];
  /** The ELLIPSE entities: centre, major axis (from the centre) and minor / major ratio. */
  ellipses: { layer: string; center: [number, number]; major: [number, number]; ratio: number }[];
  /** Each LWPOLYLINE's constant width (group 43) in mm, 0 when none. */
  widths: number[];
}

const DXF_SCRIPT = `
import json, sys, ezdxf
from ezdxf import bbox
doc = ezdxf.readfile(sys.argv[1])
auditor = doc.audit()
msp = doc.modelspace()
ext = bbox.extents(msp)
types, loops, closed = {}, {}, 0
def area(points):
    return (sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(points, points[1:] + points[:1]))) / 2
chain = []
splines_ok = True
circles, ellipses, widths = [], [], []
for e in msp:
    if e.dxftype() == 'SPLINE':
        n = len(e.control_points)
        splines_ok = splines_ok and e.dxf.degree == 3 and (n - 1) % 3 == 0 and len(e.knots) == n + 4
    types[e.dxftype()] = types.get(e.dxftype(), 0) + 1
    if e.dxftype() in ('CIRCLE', 'ELLIPSE'):
        points = [(v.x, v.y) for v in e.flattening(0.001)][:-1]
        loops.setdefault(e.dxf.layer, []).append(area(points))
        c = e.dxf.center
        if e.dxftype() == 'CIRCLE':
            circles.append({'layer': e.dxf.layer, 'center': [c.x, c.y], 'r': e.dxf.radius})
        else:
            m = e.dxf.major_axis
            ellipses.append({'layer': e.dxf.layer, 'center': [c.x, c.y], 'major': [m.x, m.y], 'ratio': e.dxf.ratio})
        continue
    if e.dxftype() == 'LWPOLYLINE':
        widths.append(e.dxf.const_width)
        points = [(x, y) for x, y, *_ in e.get_points()]
        if e.closed:
            closed += 1
            loops.setdefault(e.dxf.layer, []).append(area(points))
            continue
    else:
        points = [(v.x, v.y) for v in e.construction_tool().flattening(0.001)]
    chain += points if not chain else points[1:]
    if len(chain) > 2 and abs(chain[0][0] - chain[-1][0]) < 1e-6 and abs(chain[0][1] - chain[-1][1]) < 1e-6:
        loops.setdefault(e.dxf.layer, []).append(area(chain[:-1]))
        chain = []
print(json.dumps({
    'errors': [str(x) for x in auditor.errors], 'fixes': [str(x) for x in auditor.fixes],
    'insunits': doc.header['$INSUNITS'], 'acadver': doc.dxfversion,
    'extmin': list(ext.extmin)[:2], 'extmax': list(ext.extmax)[:2],
    'layers': {l.dxf.name: {'rgb': l.rgb, 'aci': l.dxf.color} for l in doc.layers},
    'types': types, 'loops': loops, 'closedPolylines': closed, 'open': len(chain), 'splinesOk': splines_ok,
    'circles': circles, 'ellipses': ellipses, 'widths': widths,
}))
`;

export function readDxf(path: string): DxfReport {
  return JSON.parse(run(PYTHON, ['-c', DXF_SCRIPT, path])) as DxfReport;
}
