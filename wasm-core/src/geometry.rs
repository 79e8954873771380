//! Small 2-D vector helpers and the path segment type shared by fitting and writing.

pub type Point = [f32; 2];

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Segment {
    Line(Point),
    Cubic(Point, Point, Point),
    Arc(ArcTo),
}

/// One arc piece as SVG writes it: radii, the x axis's rotation in degrees (clockwise on
/// screen), the sweep flag (true: clockwise on screen) and the end. Never the large arc.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ArcTo {
    pub radii: [f32; 2],
    pub angle: f32,
    pub sweep: bool,
    pub end: Point,
}

impl Segment {
    pub fn end(&self) -> Point {
        match *self {
            Segment::Line(p) | Segment::Cubic(_, _, p) => p,
            Segment::Arc(a) => a.end,
        }
    }
}

#[inline]
pub fn sub(a: Point, b: Point) -> Point {
    [a[0] - b[0], a[1] - b[1]]
}
#[inline]
pub fn add(a: Point, b: Point) -> Point {
    [a[0] + b[0], a[1] + b[1]]
}
#[inline]
pub fn scale(a: Point, s: f32) -> Point {
    [a[0] * s, a[1] * s]
}
#[inline]
pub fn dot(a: Point, b: Point) -> f32 {
    a[0] * b[0] + a[1] * b[1]
}
#[inline]
pub fn length(a: Point) -> f32 {
    dot(a, a).sqrt()
}

pub fn normalize(a: Point) -> Point {
    let len = length(a);
    if len > 1e-9 {
        scale(a, 1.0 / len)
    } else {
        [0.0, 0.0]
    }
}

/// Distance from `p` to the line through `a` and `b` (to `a` when they coincide).
pub fn distance_to_line(p: Point, a: Point, b: Point) -> f32 {
    let ab = sub(b, a);
    let len = length(ab);
    if len < 1e-9 {
        return length(sub(p, a));
    }
    ((ab[0] * (p[1] - a[1]) - ab[1] * (p[0] - a[0])) / len).abs()
}

/// Point on a cubic Bézier at `t`.
pub fn bezier(p: &[Point; 4], t: f32) -> Point {
    let s = 1.0 - t;
    let (b0, b1, b2, b3) = (s * s * s, 3.0 * s * s * t, 3.0 * s * t * t, t * t * t);
    [
        b0 * p[0][0] + b1 * p[1][0] + b2 * p[2][0] + b3 * p[3][0],
        b0 * p[0][1] + b1 * p[1][1] + b2 * p[2][1] + b3 * p[3][1],
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distance_to_line_is_perpendicular() {
        assert!((distance_to_line([1.0, 1.0], [0.0, 0.0], [2.0, 0.0]) - 1.0).abs() < 1e-6);
    }

    #[test]
    fn bezier_ends_at_its_end_points() {
        let p = [[0.0, 0.0], [1.0, 2.0], [3.0, 2.0], [4.0, 0.0]];
        assert_eq!(bezier(&p, 0.0), p[0]);
        assert_eq!(bezier(&p, 1.0), p[3]);
    }
}
