/**
 * How an SVG string is shown in an <img>: as a Blob URL (the browser loads and parses it in a
 * task of its own, after the render that set it; a data URL would be encoded by script and
 * parsed inside that render), optionally as outlines only.
 */
const OUTLINE_STYLE =
  '<style>*{fill:none!important;stroke:#e11d48!important;stroke-width:1px!important;vector-effect:non-scaling-stroke}</style>';

/** The outline (paths-only) view: every shape unfilled with a hairline stroke. */
export function outlineSvg(svg: string): string {
  const openTagEnd = svg.indexOf('>', svg.indexOf('<svg'));
  if (openTagEnd < 0) return svg;
  return svg.slice(0, openTagEnd + 1) + OUTLINE_STYLE + svg.slice(openTagEnd + 1);
}

/** Object URLs of the SVGs shown last, newest last; older ones are revoked. */
const recent = new Map<string, string>();
const KEPT_URLS = 4;

/** An object URL for `svg` (or its outline view), made once while it is among the last shown. */
export function svgObjectUrl(svg: string, outline: boolean): string {
  const text = outline ? outlineSvg(svg) : svg;
  let url = recent.get(text);
  if (url) recent.delete(text);
  else url = URL.createObjectURL(new Blob([text], { type: 'image/svg+xml' }));
  recent.set(text, url);
  for (const [oldText, oldUrl] of recent) {
    if (recent.size <= KEPT_URLS) break;
    URL.revokeObjectURL(oldUrl);
    recent.delete(oldText);
  }
  return url;
}
