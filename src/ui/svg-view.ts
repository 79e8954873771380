/**
 * How an SVG string is shown in an <img>: as a Blob URL (the browser loads and parses it in a
 * task of its own, after the render that set it; a data URL would be encoded by script and
 * parsed inside that render), optionally as outlines only.
 */
import { useEffect, useState } from 'react';

const OUTLINE_STYLE =
  '<style>*{fill:none!important;stroke:#e11d48!important;stroke-width:1px!important;vector-effect:non-scaling-stroke}</style>';

/** The outline (paths-only) view: every shape unfilled with a hairline stroke. */
export function outlineSvg(svg: string): string {
  const openTagEnd = svg.indexOf('>', svg.indexOf('<svg'));
  if (openTagEnd < 0) return svg;
  return svg.slice(0, openTagEnd + 1) + OUTLINE_STYLE + svg.slice(openTagEnd + 1);
}

/**
 * An object URL for `svg` (or its outline view), made after the render that asked for it and
 * revoked when the SVG or the view changes.
 */
export function useSvgObjectUrl(svg: string | undefined, outline: boolean): string | undefined {
  const [shown, setShown] = useState<{ svg: string; outline: boolean; url: string }>();
  useEffect(() => {
    if (!svg) return;
    const blob = new Blob([outline ? outlineSvg(svg) : svg], { type: 'image/svg+xml' });
    const url = URL.createObjectURL(blob);
    setShown({ svg, outline, url });
    return () => URL.revokeObjectURL(url);
  }, [svg, outline]);
  // While the outline view is being made, the other view stays on screen.
  return shown?.svg === svg ? shown.url : undefined;
}
