/** How an SVG string is shown in an <img>: as a data URL, optionally as outlines only. */
const OUTLINE_STYLE =
  '<style>*{fill:none!important;stroke:#e11d48!important;stroke-width:1px!important;vector-effect:non-scaling-stroke}</style>';

/** The outline (paths-only) view: every shape unfilled with a hairline stroke. */
export function outlineSvg(svg: string): string {
  const openTagEnd = svg.indexOf('>', svg.indexOf('<svg'));
  if (openTagEnd < 0) return svg;
  return svg.slice(0, openTagEnd + 1) + OUTLINE_STYLE + svg.slice(openTagEnd + 1);
}

export function svgDataUrl(svg: string): string {
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}
