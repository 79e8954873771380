//! Writes centerline strokes: one `<g>` with `fill="none"`, the ink's colour, round caps and
//! joins, and one `<path>` per stroke with its own `stroke-width`; coordinates rounded to the
//! output grid once, then relative commands in their shortest form.

use crate::fit::FittedEdge;
use crate::primitive_svg::angle_text;
use crate::svg::{format_number, grid_point, grid_segment, hex_color, Grid, GridSegment};

struct Out {
    text: String,
    precision: u8,
    after_number: bool,
    had_dot: bool,
    last: u8,
    segments: usize,
}

impl Out {
    fn number(&mut self, value: i64) {
        self.word(&format_number(value, self.precision));
    }

    /// A number (or flags) as written, spaced from the one before.
    fn word(&mut self, text: &str) {
        if self.after_number && !text.starts_with('-') && !(text.starts_with('.') && self.had_dot) {
            self.text.push(' ');
        }
        self.had_dot = text.contains('.');
        self.text.push_str(text);
        self.after_number = true;
    }

    fn command(&mut self, letter: u8) {
        if letter != self.last || letter == b'M' || letter == b'z' {
            self.text.push(letter as char);
            self.after_number = false;
        }
        self.last = letter;
    }

    fn pair(&mut self, p: Grid, from: Grid) {
        self.number(p[0] - from[0]);
        self.number(p[1] - from[1]);
    }
}

/// The SVG of `strokes` (fitted edges, with a width each) on a `width × height` canvas.
/// Returns the text and the number of segments written.
pub fn write(
    width: usize,
    height: usize,
    precision: u8,
    color: [u8; 4],
    strokes: &[(FittedEdge, f32, bool)],
) -> (String, usize) {
    let scale = 10f32.powi(precision as i32);
    let mut out = Out {
        text: format!(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {w} {h}\" width=\"{w}\" height=\"{h}\">",
            w = width,
            h = height
        ),
        precision,
        after_number: false,
        had_dot: false,
        last: 0,
        segments: 0,
    };
    if !strokes.is_empty() {
        out.text.push_str("<g fill=\"none\" stroke=\"");
        out.text.push_str(&hex_color(color));
        out.text
            .push_str("\" stroke-linecap=\"round\" stroke-linejoin=\"round\">");
    }
    for (edge, stroke_width, closed) in strokes {
        let w = ((stroke_width * 10.0).round() as i64).max(1);
        out.text.push_str("<path stroke-width=\"");
        out.text.push_str(&format_number(w, 1));
        out.text.push_str("\" d=\"");
        out.after_number = false;
        out.last = 0;
        let start = grid_point(edge.start, scale);
        out.command(b'M');
        out.number(start[0]);
        out.number(start[1]);
        let mut from = start;
        let count = edge.segments.len();
        let mut drawn = 0;
        for (i, segment) in edge.segments.iter().enumerate() {
            match grid_segment(segment, scale) {
                GridSegment::Line(p) => {
                    if *closed && i + 1 == count && p == start {
                        break;
                    }
                    if p == from && !(count == 1 && drawn == 0) {
                        continue;
                    }
                    let (dx, dy) = (p[0] - from[0], p[1] - from[1]);
                    if dy == 0 {
                        out.command(b'h');
                        out.number(dx);
                    } else if dx == 0 {
                        out.command(b'v');
                        out.number(dy);
                    } else {
                        out.command(b'l');
                        out.pair(p, from);
                    }
                    from = p;
                }
                GridSegment::Cubic(a, b, p) => {
                    out.command(b'c');
                    out.pair(a, from);
                    out.pair(b, from);
                    out.pair(p, from);
                    from = p;
                }
                GridSegment::Arc([rx, ry], angle, sweep, p) => {
                    out.command(b'a');
                    out.number(rx);
                    out.number(ry);
                    out.word(&angle_text(angle));
                    out.word(if sweep { "0 1" } else { "0 0" });
                    out.pair(p, from);
                    from = p;
                }
            }
            drawn += 1;
            out.segments += 1;
        }
        if *closed {
            out.command(b'z');
        }
        out.text.push_str("\"/>");
    }
    if !strokes.is_empty() {
        out.text.push_str("</g>");
    }
    out.text.push_str("</svg>");
    (out.text, out.segments)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::geometry::Segment;

    #[test]
    fn writes_open_and_closed_strokes_with_their_widths() {
        let open = FittedEdge {
            start: [1.0, 2.0],
            segments: vec![
                Segment::Line([4.0, 2.0]),
                Segment::Cubic([5.0, 2.0], [6.0, 3.0], [6.0, 4.0]),
            ],
        };
        let closed = FittedEdge {
            start: [0.0, 0.0],
            segments: vec![
                Segment::Line([2.0, 0.0]),
                Segment::Line([2.0, 2.0]),
                Segment::Line([0.0, 0.0]),
            ],
        };
        let dot = FittedEdge {
            start: [3.0, 3.0],
            segments: vec![Segment::Line([3.0, 3.0])],
        };
        let (svg, segments) = write(
            8,
            8,
            1,
            [0, 0, 0, 255],
            &[(open, 2.04, false), (closed, 3.0, true), (dot, 4.0, false)],
        );
        assert_eq!(
            svg,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 8 8\" width=\"8\" height=\"8\">\
             <g fill=\"none\" stroke=\"#000\" stroke-linecap=\"round\" stroke-linejoin=\"round\">\
             <path stroke-width=\"2\" d=\"M1 2h3c1 0 2 1 2 2\"/>\
             <path stroke-width=\"3\" d=\"M0 0h2v2z\"/>\
             <path stroke-width=\"4\" d=\"M3 3h0\"/></g></svg>"
        );
        assert_eq!(segments, 5);
    }
}
