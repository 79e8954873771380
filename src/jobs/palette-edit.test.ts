import { describe, expect, it } from 'vitest';
import {
  addStep,
  canRedo,
  canUndo,
  currentColours,
  currentMap,
  fillChanges,
  rewriteColours,
  startEdit,
  svgColours,
  tracedOptions,
} from './palette-edit';

const SVG =
  '<svg viewBox="0 0 4 4"><path fill="#FFF" d="M0 0h4v4h-4z"/><g><path fill="#ff0000" d="M1 1h1v1z"/>' +
  '<path fill="none" stroke="#ff0000" d="M1 1h1"/><path fill="#0000ff" d="M2 2h1v1z"/>' +
  '<path fill-opacity="0.5" d="M3 3h1v1z"/></g></svg>';

describe('palette edits', () => {
  it('reads the paint colours of an SVG as #rrggbb, in order of first use, black when left out', () => {
    expect(svgColours(SVG)).toEqual(['#ffffff', '#ff0000', '#0000ff', '#000000']);
  });

  it('rewrites fills and seam strokes at once, so two colours can swap', () => {
    const swapped = rewriteColours(
      SVG,
      new Map([
        ['#ff0000', '#0000ff'],
        ['#0000ff', '#ff0000'],
        ['#000000', '#123456'],
      ]),
    );
    expect(svgColours(swapped)).toEqual(['#ffffff', '#0000ff', '#ff0000', '#123456']);
    expect(swapped).toContain('<path fill="none" stroke="#0000ff" d="M1 1h1"/>');
    expect(swapped).toContain('<path fill="#123456" fill-opacity="0.5" d="M3 3h1v1z"/>');
  });

  it('reads and rewrites the primitives too, and leaves gradient fills alone', () => {
    const svg =
      '<svg viewBox="0 0 9 9"><defs><linearGradient id="g0"><stop stop-color="#fff"/></linearGradient></defs>' +
      '<path fill="url(#g0)" d="M0 0h9v9h-9z"/><circle cx="3" cy="3" r="2" fill="#f00"/>' +
      '<rect x="5" y="5" width="3" height="2"/><ellipse cx="2" cy="7" rx="2" ry="1" fill="#00f"/></svg>';
    expect(svgColours(svg)).toEqual(['#ff0000', '#000000', '#0000ff']);
    const edited = rewriteColours(
      svg,
      new Map([
        ['#ff0000', '#00ff00'],
        ['#000000', '#123456'],
      ]),
    );
    expect(edited).toContain('<circle cx="3" cy="3" r="2" fill="#00ff00"/>');
    expect(edited).toContain('<rect fill="#123456" x="5" y="5" width="3" height="2"/>');
    expect(edited).toContain('<path fill="url(#g0)" d="M0 0h9v9h-9z"/>');
    expect(svgColours(edited)).toEqual(['#00ff00', '#123456', '#0000ff']);
  });

  it('a recolour is a fill rewrite; a merge or a removal needs a new trace', () => {
    const edit = startEdit(['#ffffff', '#ff0000', '#0000ff']);
    const recoloured = addStep(edit, ['#ff0000'], '#00ff00');
    expect(fillChanges(currentMap(edit), currentMap(recoloured))).toEqual(
      new Map([['#ff0000', '#00ff00']]),
    );
    const merged = addStep(recoloured, ['#00ff00', '#0000ff'], '#00ff00');
    expect(currentColours(merged)).toEqual(['#ffffff', '#00ff00']);
    expect(fillChanges(currentMap(recoloured), currentMap(merged))).toBeUndefined();
    const removed = addStep(edit, ['#ffffff'], 'transparent');
    expect(fillChanges(currentMap(edit), currentMap(removed))).toBeUndefined();
    expect(currentColours(removed)).toEqual(['#ff0000', '#0000ff']);
  });

  it('keeps a history: undo goes back a step, a new edit drops the redo steps', () => {
    let edit = addStep(startEdit(['#ffffff', '#ff0000']), ['#ff0000'], '#00ff00');
    expect([canUndo(edit), canRedo(edit)]).toEqual([true, false]);
    edit = { ...edit, at: 0 };
    expect([canUndo(edit), canRedo(edit)]).toEqual([false, true]);
    edit = addStep(edit, ['#ffffff'], '#000000');
    expect(edit.steps).toHaveLength(2);
    expect(currentColours(edit)).toEqual(['#000000', '#ff0000']);
  });

  it('traces with the palette fixed and a remap only while a colour maps elsewhere', () => {
    const edit = startEdit(['#ffffff', '#ff0000']);
    expect(tracedOptions({ colors: 8 }, edit)).toEqual({ colors: 8 });
    const removed = addStep(edit, ['#ffffff'], 'transparent');
    expect(tracedOptions({ colors: 8 }, removed)).toEqual({
      colors: 8,
      palette: ['#ffffff', '#ff0000'],
      paletteRemap: [{ from: '#ffffff', to: 'transparent' }],
    });
  });
});
