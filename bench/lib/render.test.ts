import { describe, expect, it } from 'vitest';
import { renderSvg } from './render';

const halfRed =
  '<svg xmlns="http://www.w3.org/2000/svg" width="3" height="2"><rect width="2" height="2" fill="#f00" fill-opacity=".5"/></svg>';

describe('renderSvg', () => {
  it('renders at the size the SVG declares', () => {
    const image = renderSvg(halfRed);
    expect(image).toMatchObject({ width: 3, height: 2 });
    expect(image.data.length).toBe(3 * 2 * 4);
  });

  it('gives straight alpha over transparency', () => {
    const image = renderSvg(halfRed);
    expect(Array.from(image.data.subarray(0, 4))).toEqual([255, 0, 0, 128]);
    expect(Array.from(image.data.subarray(8, 12))).toEqual([0, 0, 0, 0]);
  });

  it('composites over a background colour into opaque pixels', () => {
    const image = renderSvg(halfRed, '#00ff00');
    expect(Array.from(image.data.subarray(0, 4))).toEqual([128, 127, 0, 255]);
    expect(Array.from(image.data.subarray(8, 12))).toEqual([0, 255, 0, 255]);
  });

  it('renders at a given width, the height following the aspect', () => {
    const image = renderSvg(halfRed, '#ffffff', 12);
    expect(image).toMatchObject({ width: 12, height: 8 });
    expect(Array.from(image.data.subarray(0, 4))).toEqual([255, 127, 127, 255]);
    expect(Array.from(image.data.subarray(11 * 4, 12 * 4))).toEqual([255, 255, 255, 255]);
  });

  it('is deterministic', () => {
    const curvy =
      '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="30"><path d="M3 4c10 20 25-10 34 22H2z" fill="#3a7"/></svg>';
    expect(renderSvg(curvy).data).toEqual(renderSvg(curvy).data);
  });

  it('throws on text that is not SVG', () => {
    expect(() => renderSvg('<html></html>')).toThrow();
  });
});
