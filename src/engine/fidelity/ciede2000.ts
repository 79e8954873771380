/**
 * CIEDE2000 colour difference (CIE 142-2001) between two CIELAB colours, with the parametric
 * factors kL = kC = kH = 1, as worked out by Sharma, Wu and Dalal (2005): mean hue taken
 * around the shorter arc, hue difference 0 when either chroma is 0. Symmetric in its two
 * colours. Scalar arguments so that a per-pixel loop allocates nothing; the four cosines of
 * the hue weighting come from one cosine and sine by the multiple-angle identities.
 */

const DEG = Math.PI / 180;
const TWO_PI = 2 * Math.PI;
const POW25_7 = 25 ** 7;
const [COS30, SIN30] = [Math.cos(30 * DEG), Math.sin(30 * DEG)];
const [COS6, SIN6] = [Math.cos(6 * DEG), Math.sin(6 * DEG)];
const [COS63, SIN63] = [Math.cos(63 * DEG), Math.sin(63 * DEG)];
const HUE_275 = 275 * DEG;
const HUE_25 = 25 * DEG;

/** √(c⁷ / (c⁷ + 25⁷)), the chroma weighting of G and of R_C. */
function chromaWeight(c: number): number {
  const c2 = c * c;
  const c7 = c2 * c2 * c2 * c;
  return Math.sqrt(c7 / (c7 + POW25_7));
}

/** Hue angle in radians, 0..2π; 0 for a neutral colour. */
function hue(b: number, a: number): number {
  if (a === 0 && b === 0) return 0;
  const h = Math.atan2(b, a);
  return h < 0 ? h + TWO_PI : h;
}

/** Upper bound of S_L (at L̄ 0 or 100): |ΔL| over this makes ΔE00 exceed |ΔL| / it. */
export const MAX_SL = 1 + (0.015 * 2500) / Math.sqrt(2520);

export function ciede2000(
  l1: number,
  a1: number,
  b1: number,
  l2: number,
  a2: number,
  b2: number,
): number {
  const cBar = (Math.sqrt(a1 * a1 + b1 * b1) + Math.sqrt(a2 * a2 + b2 * b2)) / 2;
  const g = 0.5 * (1 - chromaWeight(cBar));
  const a1p = (1 + g) * a1;
  const a2p = (1 + g) * a2;
  const c1p = Math.sqrt(a1p * a1p + b1 * b1);
  const c2p = Math.sqrt(a2p * a2p + b2 * b2);
  const h1p = hue(b1, a1p);
  const h2p = hue(b2, a2p);
  const chromatic = c1p * c2p !== 0;

  let dh = 0;
  let hBar = h1p + h2p;
  if (chromatic) {
    dh = h2p - h1p;
    if (dh > Math.PI) dh -= TWO_PI;
    else if (dh < -Math.PI) dh += TWO_PI;
    if (Math.abs(h1p - h2p) <= Math.PI) hBar /= 2;
    else hBar = hBar < TWO_PI ? (hBar + TWO_PI) / 2 : (hBar - TWO_PI) / 2;
  }
  const dL = l2 - l1;
  const dC = c2p - c1p;
  const dH = 2 * Math.sqrt(c1p * c2p) * Math.sin(dh / 2);

  const ch = Math.cos(hBar);
  const sh = Math.sin(hBar);
  const cos2 = 2 * ch * ch - 1;
  const sin2 = 2 * sh * ch;
  const cos3 = cos2 * ch - sin2 * sh;
  const sin3 = sin2 * ch + cos2 * sh;
  const cos4 = 2 * cos2 * cos2 - 1;
  const sin4 = 2 * sin2 * cos2;
  const t =
    1 -
    0.17 * (ch * COS30 + sh * SIN30) +
    0.24 * cos2 +
    0.32 * (cos3 * COS6 - sin3 * SIN6) -
    0.2 * (cos4 * COS63 + sin4 * SIN63);

  const lBar = (l1 + l2) / 2;
  const cBarP = (c1p + c2p) / 2;
  const l50 = (lBar - 50) * (lBar - 50);
  const sL = 1 + (0.015 * l50) / Math.sqrt(20 + l50);
  const sC = 1 + 0.045 * cBarP;
  const sH = 1 + 0.015 * cBarP * t;
  const rise = (hBar - HUE_275) / HUE_25;
  const dTheta = 30 * DEG * Math.exp(-(rise * rise));
  const rT = -Math.sin(2 * dTheta) * 2 * chromaWeight(cBarP);

  const x = dL / sL;
  const y = dC / sC;
  const z = dH / sH;
  return Math.sqrt(x * x + y * y + z * z + rT * y * z);
}
