/** Markdown tables padded into aligned columns, so they read the same in a terminal. */

/** Columns whose header starts with '>' are right-aligned (numbers); the '>' is dropped. */
export function markdownTable(headers: readonly string[], rows: readonly string[][]): string {
  const right = headers.map((h) => h.startsWith('>'));
  const names = headers.map((h) => h.replace(/^>/, ''));
  const widths = names.map((name, c) =>
    Math.max(3, [...name].length, ...rows.map((row) => [...(row[c] ?? '')].length)),
  );
  const pad = (text: string, c: number) => {
    const fill = ' '.repeat(widths[c] - [...text].length);
    return right[c] ? fill + text : text + fill;
  };
  const line = (cells: readonly string[]) =>
    `| ${names.map((_, c) => pad(cells[c] ?? '', c)).join(' | ')} |`;
  const rule = `|${widths.map((w, c) => (right[c] ? '-'.repeat(w + 1) + ':' : '-'.repeat(w + 2))).join('|')}|`;
  return [line(names), rule, ...rows.map(line)].join('\n');
}
