import { describe, expect, it } from 'vitest';
import { parseDrawing } from './drawing';
import { meanStopColor } from './gradient';
import { shadingDictionary, stopFunction, stopPieces } from './shading';
import { apply, invert, multiply, parseTransform } from './transform';

const channel = ([r, g, b]: number[]) => `${r} ${g} ${b}`;
const svg = (defs: string, fill = 'url(#g0)') =>
  `<svg viewBox="0 0 100 50"><defs>${defs}</defs><path fill="${fill}" d="M0 0h100v50h-100z"/></svg>`;

describe('SVG transforms', () => {
  it('composes a list left to right, as SVG applies it', () => {
    const m = parseTransform('translate(10 20) scale(2) rotate(90)')!;
    const [x, y] = apply(m, 1, 0);
    expect(x).toBeCloseTo(10, 9);
    expect(y).toBeCloseTo(22, 9);
    expect(parseTransform('matrix(1,0,0,1,5,6)')).toEqual([1, 0, 0, 1, 5, 6]);
    const about = apply(parseTransform('rotate(180 5 5)')!, 0, 0);
    expect(about[0]).toBeCloseTo(10, 9);
    expect(about[1]).toBeCloseTo(10, 9);
    expect(parseTransform(undefined)).toEqual([1, 0, 0, 1, 0, 0]);
    expect(parseTransform('scale(2')).toBeNull();
    expect(parseTransform('turn(3)')).toBeNull();
  });

  it('inverts a transform (composing both is the identity) and refuses a singular one', () => {
    const m = parseTransform('translate(7 -3) rotate(30) scale(2 0.5) skewX(10)')!;
    const both = multiply(invert(m)!, m);
    [1, 0, 0, 1, 0, 0].forEach((v, i) => expect(both[i]).toBeCloseTo(v, 9));
    const [x, y] = apply(m, 3, 4);
    const back = apply(invert(m)!, x, y);
    expect(back[0]).toBeCloseTo(3, 9);
    expect(back[1]).toBeCloseTo(4, 9);
    expect(invert([1, 2, 2, 4, 0, 0])).toBeNull();
  });
});

describe('gradients read from the SVG', () => {
  it('keeps the gradient with its stops clamped and ordered, and its mean colour', () => {
    const { shapes } = parseDrawing(
      svg(
        '<linearGradient id="g0" gradientUnits="userSpaceOnUse" x1="0" y1="0" x2="50%" y2="0" ' +
          'gradientTransform="translate(10)"><stop offset="-1" stop-color="#f00"/>' +
          '<stop offset="60%" stop-color="#0f0"/><stop offset=".2" stop-color="#00f"/>' +
          '</linearGradient>',
      ),
    );
    const g = shapes[0].fillGradient!;
    expect(g.kind).toBe('linear');
    expect(g.coords).toEqual([0, 0, 50, 0]);
    expect(g.transform).toEqual([1, 0, 0, 1, 10, 0]);
    expect(g.stops.map((s) => s.offset)).toEqual([0, 0.6, 0.6]);
    expect(shapes[0].fill).toEqual(meanStopColor(g.stops));
    expect(meanStopColor(g.stops)).toEqual([77, 77, 102]);
  });

  it('reads a radial gradient with its focus; one without extent paints its last stop', () => {
    const radial = parseDrawing(
      svg(
        '<radialGradient id="g0" gradientUnits="userSpaceOnUse" cx="5" cy="6" r="7" fx="4">' +
          '<stop offset="0" stop-color="#fff"/><stop offset="1" stop-color="#000"/></radialGradient>',
      ),
    ).shapes[0].fillGradient!;
    expect(radial.coords).toEqual([4, 6, 0, 5, 6, 7]);
    const flat = parseDrawing(
      svg(
        '<radialGradient id="g0" gradientUnits="userSpaceOnUse" cx="5" cy="6" r="0">' +
          '<stop offset="0" stop-color="#fff"/><stop offset="1" stop-color="#123456"/></radialGradient>',
      ),
    ).shapes[0];
    expect([flat.fill, flat.fillGradient]).toEqual([[0x12, 0x34, 0x56], null]);
  });

  it('refuses what it cannot draw the same', () => {
    const stop = '<stop offset="0" stop-color="#fff"/>';
    const cases: [string, RegExp][] = [
      [`<linearGradient id="g0">${stop}</linearGradient>`, /userSpaceOnUse/],
      [
        `<linearGradient id="g0" gradientUnits="userSpaceOnUse" spreadMethod="reflect">${stop}</linearGradient>`,
        /spreadMethod "reflect"/,
      ],
      [
        `<linearGradient id="g0" gradientUnits="userSpaceOnUse" gradientTransform="spin(3)">${stop}</linearGradient>`,
        /gradientTransform/,
      ],
      [
        '<linearGradient id="g0" gradientUnits="userSpaceOnUse"><stop offset="0" stop-color="#fff" stop-opacity=".5"/></linearGradient>',
        /translucent/,
      ],
      ['<linearGradient id="g0" gradientUnits="userSpaceOnUse"></linearGradient>', /no stops/],
    ];
    for (const [defs, message] of cases)
      expect(() => parseDrawing(svg(defs)), defs).toThrow(message);
    expect(() => parseDrawing(svg('', 'url(#nope)'))).toThrow(/"nope" is not defined/);
  });
});

describe('shadings', () => {
  const stops = [
    { offset: 0.25, color: [255, 0, 0] as [number, number, number] },
    { offset: 0.5, color: [0, 255, 0] as [number, number, number] },
    { offset: 0.5, color: [0, 0, 255] as [number, number, number] },
    { offset: 1, color: [0, 0, 0] as [number, number, number] },
  ];

  it('pads before the first stop, steps at a repeated offset, meets each stop exactly', () => {
    expect(stopPieces(stops)).toEqual([
      { from: 0, to: 0.25, c0: [255, 0, 0], c1: [255, 0, 0] },
      { from: 0.25, to: 0.5, c0: [255, 0, 0], c1: [0, 255, 0] },
      { from: 0.5, to: 1, c0: [0, 0, 255], c1: [0, 0, 0] },
    ]);
    expect(stopFunction(stops, channel)).toBe(
      '<< /FunctionType 3 /Domain [0 1] /Functions [' +
        '<< /FunctionType 2 /Domain [0 1] /C0 [255 0 0] /C1 [255 0 0] /N 1 >> ' +
        '<< /FunctionType 2 /Domain [0 1] /C0 [255 0 0] /C1 [0 255 0] /N 1 >> ' +
        '<< /FunctionType 2 /Domain [0 1] /C0 [0 0 255] /C1 [0 0 0] /N 1 >>' +
        '] /Bounds [0.25 0.5] /Encode [0 1 0 1 0 1] >>',
    );
    // One span: a single linear function.
    expect(stopFunction([{ ...stops[0], offset: 0 }, stops[3]], channel)).toBe(
      '<< /FunctionType 2 /Domain [0 1] /C0 [255 0 0] /C1 [0 0 0] /N 1 >>',
    );
  });

  it('writes axial and radial shadings extended at both ends', () => {
    const linear = {
      kind: 'linear' as const,
      coords: [1, 2, 3, 4.56789],
      stops,
      transform: [1, 0, 0, 1, 0, 0] as [number, number, number, number, number, number],
    };
    expect(shadingDictionary(linear, channel)).toMatch(
      /^<< \/ShadingType 2 \/ColorSpace \/DeviceRGB \/Coords \[1 2 3 4.5679\] \/Function << .* >> \/Extend \[true true\] >>$/,
    );
    expect(
      shadingDictionary({ ...linear, kind: 'radial', coords: [1, 2, 0, 1, 2, 9] }, channel),
    ).toMatch(/^<< \/ShadingType 3 .*\/Coords \[1 2 0 1 2 9\]/);
  });
});
