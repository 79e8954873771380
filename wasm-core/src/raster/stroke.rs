//! A stroke as the outline of its area, for the non-zero fill: along the centre line's left
//! offset forwards, round the end cap, back along the right offset and round the start cap (a
//! closed line: the left loop, then the right loop backwards). Every part of the outline keeps
//! the stroke's inside on the same side, so where the stroke overlaps itself the windings add up
//! and never cancel. At a corner the outer side gets the join (round: an arc; miter: up to SVG's
//! default limit of 4, beyond it a bevel; bevel: straight across) and the inner side goes
//! straight across, or through the corner point itself when the segments are too short for that
//! to stay inside the stroke. Caps: round (a half disc), square (half a width further), butt.

use super::edges::Pen;

const MITER_LIMIT: f64 = 4.0;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Join {
    Round,
    Miter,
    Bevel,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cap {
    Butt,
    Round,
    Square,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct StrokeStyle {
    /// Half the stroke's width, in the points' units.
    pub half_width: f64,
    pub join: Join,
    pub cap: Cap,
    /// Largest distance of an arc's chords from the arc.
    pub tolerance: f64,
}

type Point = (f64, f64);

/// The angle each chord of an arc of `radius` may turn within `tolerance`.
fn arc_step(radius: f64, tolerance: f64) -> f64 {
    if radius > tolerance {
        2.0 * (1.0 - tolerance / radius).acos()
    } else {
        std::f64::consts::FRAC_PI_2
    }
}

/// The line without repeated points (and, closed, without a last point repeating the first).
fn distinct_points(points: &[Point], closed: bool) -> Vec<Point> {
    let same = |a: Point, b: Point| (a.0 - b.0).abs() + (a.1 - b.1).abs() <= 1e-9;
    let mut out: Vec<Point> = Vec::with_capacity(points.len());
    for &p in points {
        if out.last().map_or(true, |&last| !same(last, p)) {
            out.push(p);
        }
    }
    if closed && out.len() > 1 && same(out[0], out[out.len() - 1]) {
        out.pop();
    }
    out
}

struct Outliner<'a, P: Pen> {
    points: &'a [Point],
    style: StrokeStyle,
    pen: &'a mut P,
    step: f64,
    /// Per segment: its unit direction and its length.
    dir: Vec<Point>,
    length: Vec<f64>,
}

impl<'a, P: Pen> Outliner<'a, P> {
    /// The point `side` (+1 left, −1 right) of `p` off segment `s`.
    fn offset_point(&self, p: Point, s: usize, side: f64) -> Point {
        let k = side * self.style.half_width;
        (p.0 - self.dir[s].1 * k, p.1 + self.dir[s].0 * k)
    }

    fn offset(&mut self, p: Point, s: usize, side: f64) {
        let (x, y) = self.offset_point(p, s, side);
        self.pen.line_to(x, y);
    }

    /// The arc round `c` from `from` (where the pen is) turning `angle` radians.
    fn arc(&mut self, c: Point, from: Point, angle: f64) {
        let steps = ((angle.abs() / self.step).ceil() as usize).max(1);
        let (dx, dy) = (from.0 - c.0, from.1 - c.1);
        for i in 1..=steps {
            let (sin, cos) = (angle * i as f64 / steps as f64).sin_cos();
            self.pen
                .line_to(c.0 + dx * cos - dy * sin, c.1 + dx * sin + dy * cos);
        }
    }

    /// The corner at `p` between segments `a` (arriving) and `b` (leaving) on `side`, the pen at
    /// the offset of segment `from` and going to the offset of segment `to` (forwards a and b,
    /// backwards b and a).
    fn corner(&mut self, p: Point, (a, b): (usize, usize), side: f64, (from, to): (usize, usize)) {
        let (ua, ub) = (self.dir[a], self.dir[b]);
        let cross = ua.0 * ub.1 - ua.1 * ub.0;
        let dot = ua.0 * ub.0 + ua.1 * ub.1;
        if cross.abs() < 1e-12 && dot > 0.0 {
            return self.offset(p, to, side);
        }
        let turn = dot.clamp(-1.0, 1.0).acos();
        let r = self.style.half_width;
        // The left offset is the outer side when the line turns right (cross < 0), and so on.
        let outer = (if cross < 0.0 { 1.0 } else { -1.0 }) == side;
        if !outer {
            // Straight across stays inside the stroke while both segments reach past the crossing.
            let reach = r * (turn / 2.0).tan();
            if !(reach <= self.length[a] && reach <= self.length[b]) {
                self.pen.line_to(p.0, p.1);
            }
            return self.offset(p, to, side);
        }
        let f = self.offset_point(p, from, side);
        match self.style.join {
            Join::Round => {
                // Round the outside of the corner: the way that passes the direction a − b.
                let w = (ua.0 - ub.0, ua.1 - ub.1);
                let turning = (f.0 - p.0) * w.1 - (f.1 - p.1) * w.0;
                let direction = if turning < 0.0 { -1.0 } else { 1.0 };
                self.arc(p, f, direction * turn);
                return;
            }
            Join::Miter => {
                let ratio = 1.0 / (turn / 2.0).cos();
                if ratio <= MITER_LIMIT {
                    let k = side * r;
                    let m = (-(ua.1 + ub.1) * k, (ua.0 + ub.0) * k);
                    let scale = ratio / (m.0 / r).hypot(m.1 / r);
                    self.pen.line_to(p.0 + m.0 * scale, p.1 + m.1 * scale);
                }
            }
            Join::Bevel => {}
        }
        self.offset(p, to, side);
    }

    /// The cap at end `p` of segment `s`, the pen at `side`'s offset, going to the other side;
    /// `ahead` is +1 at the line's end, −1 at its start.
    fn cap(&mut self, p: Point, s: usize, side: f64, ahead: f64) {
        let r = self.style.half_width;
        let o = (self.dir[s].0 * ahead * r, self.dir[s].1 * ahead * r);
        let f = self.offset_point(p, s, side);
        match self.style.cap {
            Cap::Square => {
                self.pen.line_to(f.0 + o.0, f.1 + o.1);
                self.pen
                    .line_to(2.0 * p.0 - f.0 + o.0, 2.0 * p.1 - f.1 + o.1);
            }
            Cap::Round => {
                let turning = (f.0 - p.0) * o.1 - (f.1 - p.1) * o.0;
                let direction = if turning < 0.0 { -1.0 } else { 1.0 };
                self.arc(p, f, direction * std::f64::consts::PI);
                return;
            }
            Cap::Butt => {}
        }
        self.offset(p, s, -side);
    }

    fn draw(&mut self, closed: bool) {
        let points = self.points;
        let n = points.len();
        let segments = self.dir.len();
        let (x, y) = self.offset_point(points[0], 0, 1.0);
        self.pen.move_to(x, y);
        if closed {
            for i in 0..segments {
                let (next, p) = ((i + 1) % segments, points[(i + 1) % n]);
                self.offset(p, i, 1.0);
                self.corner(p, (i, next), 1.0, (i, next));
            }
            let last = segments - 1;
            let (x, y) = self.offset_point(points[0], last, -1.0);
            self.pen.move_to(x, y);
            for i in (0..segments).rev() {
                let before = (i + segments - 1) % segments;
                self.offset(points[i], i, -1.0);
                self.corner(points[i], (before, i), -1.0, (i, before));
            }
            return;
        }
        for i in 0..segments {
            self.offset(points[i + 1], i, 1.0);
            if i + 1 < segments {
                self.corner(points[i + 1], (i, i + 1), 1.0, (i, i + 1));
            }
        }
        self.cap(points[n - 1], segments - 1, 1.0, 1.0);
        for i in (0..segments).rev() {
            self.offset(points[i], i, -1.0);
            if i > 0 {
                self.corner(points[i], (i - 1, i), -1.0, (i, i - 1));
            }
        }
        self.cap(points[0], 0, -1.0, -1.0);
    }
}

/// A dot: what a zero-length line with round or square caps paints (wound as the strokes are).
fn dot<P: Pen>((x, y): Point, style: &StrokeStyle, pen: &mut P) {
    let r = style.half_width;
    match style.cap {
        Cap::Butt => {}
        Cap::Square => {
            pen.move_to(x - r, y - r);
            pen.line_to(x - r, y + r);
            pen.line_to(x + r, y + r);
            pen.line_to(x + r, y - r);
        }
        Cap::Round => {
            let tau = 2.0 * std::f64::consts::PI;
            let steps = ((tau / arc_step(r, style.tolerance)).ceil() as usize).max(8);
            pen.move_to(x + r, y);
            for i in 1..steps {
                let (sin, cos) = (-tau * i as f64 / steps as f64).sin_cos();
                pen.line_to(x + r * cos, y + r * sin);
            }
        }
    }
}

/// Draws with `pen` the outline of the stroke of `line` (device units).
pub fn stroke_outline<P: Pen>(line: &[Point], closed: bool, style: &StrokeStyle, pen: &mut P) {
    let points = distinct_points(line, closed);
    if points.is_empty() || style.half_width <= 0.0 {
        return;
    }
    if points.len() == 1 {
        if !closed {
            dot(points[0], style, pen);
        }
        return;
    }
    let n = points.len();
    let segments = if closed { n } else { n - 1 };
    let mut dir = Vec::with_capacity(segments);
    let mut length = Vec::with_capacity(segments);
    for i in 0..segments {
        let (a, b) = (points[i], points[(i + 1) % n]);
        let l = (b.0 - a.0).hypot(b.1 - a.1);
        dir.push(((b.0 - a.0) / l, (b.1 - a.1) / l));
        length.push(l);
    }
    let step = arc_step(style.half_width, style.tolerance);
    Outliner {
        points: &points,
        style: *style,
        pen,
        step,
        dir,
        length,
    }
    .draw(closed);
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Collects outlines as point lists.
    #[derive(Default)]
    struct Outlines(Vec<Vec<Point>>);

    impl Pen for Outlines {
        fn move_to(&mut self, x: f64, y: f64) {
            self.0.push(vec![(x, y)]);
        }
        fn line_to(&mut self, x: f64, y: f64) {
            self.0.last_mut().unwrap().push((x, y));
        }
    }

    fn area(points: &[Point]) -> f64 {
        let n = points.len();
        (0..n)
            .map(|i| {
                let (a, b) = (points[i], points[(i + 1) % n]);
                a.0 * b.1 - b.0 * a.1
            })
            .sum::<f64>()
            / 2.0
    }

    fn style(join: Join, cap: Cap) -> StrokeStyle {
        StrokeStyle {
            half_width: 1.0,
            join,
            cap,
            tolerance: 0.01,
        }
    }

    #[test]
    fn a_butt_segment_is_its_rectangle() {
        let mut out = Outlines::default();
        stroke_outline(
            &[(0.0, 0.0), (10.0, 0.0)],
            false,
            &style(Join::Miter, Cap::Butt),
            &mut out,
        );
        assert_eq!(out.0.len(), 1);
        assert!((area(&out.0[0]).abs() - 20.0).abs() < 1e-9);
    }

    #[test]
    fn caps_add_their_area() {
        let line = [(0.0, 0.0), (10.0, 0.0)];
        let mut square = Outlines::default();
        stroke_outline(&line, false, &style(Join::Miter, Cap::Square), &mut square);
        assert!((area(&square.0[0]).abs() - 24.0).abs() < 1e-9);
        let mut round = Outlines::default();
        stroke_outline(&line, false, &style(Join::Miter, Cap::Round), &mut round);
        // Two half discs, their chords within the tolerance: short of π by at most 2π·r·tol.
        let expected = 20.0 + std::f64::consts::PI;
        assert!((area(&round.0[0]).abs() - expected).abs() < 0.07);
    }

    #[test]
    fn a_right_angle_gets_its_join_on_the_outside() {
        let line = [(0.0, 0.0), (10.0, 0.0), (10.0, 10.0)];
        let areas: Vec<f64> = [Join::Miter, Join::Bevel, Join::Round]
            .iter()
            .map(|&join| {
                let mut out = Outlines::default();
                stroke_outline(&line, false, &style(join, Cap::Butt), &mut out);
                area(&out.0[0]).abs()
            })
            .collect();
        // Two 10×2 arms share a 1×1 square; the outer corner adds 1 (miter), ½ (bevel), π/4
        // (round). Inside the corner the outline cuts straight across that square, and the
        // half of it so looped winds alike: a signed area counts it twice.
        let arms = 40.0 - 1.0;
        let inner_loop = 0.5;
        assert!(
            (areas[0] - (arms + 1.0 + inner_loop)).abs() < 1e-9,
            "{:?}",
            areas
        );
        assert!(
            (areas[1] - (arms + 0.5 + inner_loop)).abs() < 1e-9,
            "{:?}",
            areas
        );
        assert!((areas[2] - (arms + std::f64::consts::FRAC_PI_4 + inner_loop)).abs() < 0.02);
    }

    #[test]
    fn a_closed_line_is_two_loops_winding_alike() {
        let square = [(0.0, 0.0), (10.0, 0.0), (10.0, 10.0), (0.0, 10.0)];
        let mut out = Outlines::default();
        stroke_outline(&square, true, &style(Join::Miter, Cap::Butt), &mut out);
        assert_eq!(out.0.len(), 2);
        // The left offset runs inside this square: the 8×8 loop, then the 12×12 one backwards.
        let (inside, outside) = (area(&out.0[0]), area(&out.0[1]));
        assert!((outside.abs() - 144.0).abs() < 1e-9, "{}", outside);
        // The inner loop cuts each corner straight across, looping back over half a 1×1 square
        // of the stroke the other way: the stroke's winding there doubles, its signed area too.
        assert!(
            (inside.abs() - (64.0 - 4.0 * 0.5)).abs() < 1e-9,
            "{}",
            inside
        );
        assert!(((inside + outside).abs() - (80.0 + 4.0 * 0.5)).abs() < 1e-9);
    }

    #[test]
    fn a_lone_point_is_a_dot_unless_its_caps_are_butt() {
        for (cap, expected) in [
            (Cap::Butt, 0.0),
            (Cap::Square, 4.0),
            (Cap::Round, std::f64::consts::PI),
        ] {
            let mut out = Outlines::default();
            stroke_outline(
                &[(3.0, 3.0), (3.0, 3.0)],
                false,
                &style(Join::Round, cap),
                &mut out,
            );
            let total: f64 = out.0.iter().map(|o| area(o).abs()).sum();
            assert!((total - expected).abs() < 0.07, "{:?}: {}", cap, total);
        }
    }
}
