// The drawing → scene → core rasteriser path through the real wasm: the scene says what the
// drawing says, and a scene the core cannot read fails with a typed error, not a trap.
import { beforeAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import type { Engine } from '../index';
import { loadEngine } from '../test-support';
import { parseDrawing } from './drawing';
import { rasterScene } from './raster-scene';

let engine: Engine;
beforeAll(async () => {
  engine = await loadEngine();
});

const svg =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 20 10" width="20" height="10">' +
  '<path fill="#ff0000" d="M0 0h10v10h-10z"/>' +
  '<g fill="none" stroke="#0000ff" stroke-width="2" stroke-linecap="square" stroke-linejoin="bevel">' +
  '<path d="M12 5h6"/></g></svg>';

async function pixels(png: Uint8Array) {
  const { data, info } = await sharp(png).raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height, channels: info.channels };
}

describe('rasterScene', () => {
  it('places the drawing fitted and centred, one layer per fill and per stroke', () => {
    const scene = rasterScene(parseDrawing(svg), 40, 40);
    // 40×40 for a 20×10 drawing: scale 2, centred vertically (10 px above and below).
    expect([...scene.slice(0, 7)]).toEqual([40, 40, 2, 0, 10, 0, 2]);
    // The fill layer: red, opaque, no gradient, no stroke, one closed subpath of 3 lines (z closes it).
    expect([...scene.slice(7, 17)]).toEqual([255, 0, 0, 1, -1, 0, 0, 0, 0, 1]);
    expect([...scene.slice(17, 21)]).toEqual([1, 3, 0, 0]);
  });

  it('is painted by the core where the drawing puts it', async () => {
    const png = await pixels(engine.renderPng(rasterScene(parseDrawing(svg), 40, 40)));
    expect([png.width, png.height, png.channels]).toEqual([40, 40, 4]);
    const at = (x: number, y: number) => [
      ...png.data.subarray((y * 40 + x) * 4, (y * 40 + x) * 4 + 4),
    ];
    expect(at(10, 20)).toEqual([255, 0, 0, 255]); // the fill
    expect(at(10, 5)).toEqual([0, 0, 0, 0]); // above the centred drawing
    // The stroke from x 24 to 36 (device), square caps 2 further, 4 wide about y 20.
    expect(at(22, 20)).toEqual([0, 0, 255, 255]);
    expect(at(37, 18)).toEqual([0, 0, 255, 255]);
    expect(at(39, 20)).toEqual([0, 0, 0, 0]);
    expect(at(30, 23)).toEqual([0, 0, 0, 0]);
  });

  it('a scene the core cannot read is an INTERNAL error, and the engine goes on', () => {
    const scene = rasterScene(parseDrawing(svg), 40, 40);
    expect(() => engine.renderPng(scene.subarray(0, scene.length - 1))).toThrow(
      expect.objectContaining({ code: 'INTERNAL', message: expect.stringMatching(/scene/) }),
    );
    expect(engine.renderPng(scene).length).toBeGreaterThan(50);
  });
});
