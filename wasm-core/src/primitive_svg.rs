//! Stage 4c′ — primitives on the output grid: a fitted [`Primitive`] rounded once (like an
//! edge, so every side that draws it writes the same numbers), as an element (`<circle>`,
//! `<ellipse>`, `<rect>` with a `rotate` transform) or as a closed subpath of arcs or lines for
//! the paths that have it as a hole.

use crate::primitive_fit::{self, Primitive};
use crate::svg::format_number;

type Grid = [i64; 2];

/// A primitive with its numbers on the grid of 10^-precision px; `angle` in hundredths of a
/// degree, within (-9000, 9000] (a rectangle's within [-4500, 4500]).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum GridPrimitive {
    Circle {
        c: Grid,
        r: i64,
    },
    Ellipse {
        c: Grid,
        rx: i64,
        ry: i64,
        angle: i64,
    },
    /// `r`: the corners' radius (0: sharp).
    Rect {
        c: Grid,
        w: i64,
        h: i64,
        angle: i64,
        r: i64,
    },
}

/// Whether the point (px) lies inside `p` or within `margin` px of it.
pub fn contains(p: &GridPrimitive, point: [f64; 2], margin: f64, precision: u8) -> bool {
    let scale = 10f64.powi(precision as i32);
    let at = |c: Grid| {
        [
            point[0] - c[0] as f64 / scale,
            point[1] - c[1] as f64 / scale,
        ]
    };
    let turned = |d: [f64; 2], angle: i64| {
        let (sin, cos) = (angle as f64 / ANGLE_SCALE).to_radians().sin_cos();
        [d[0] * cos + d[1] * sin, -d[0] * sin + d[1] * cos]
    };
    match *p {
        GridPrimitive::Circle { c, r } => {
            let d = at(c);
            d[0].hypot(d[1]) <= r as f64 / scale + margin
        }
        GridPrimitive::Ellipse { c, rx, ry, angle } => {
            let [u, v] = turned(at(c), angle);
            let (a, b) = (rx as f64 / scale + margin, ry as f64 / scale + margin);
            (u / a).powi(2) + (v / b).powi(2) <= 1.0
        }
        GridPrimitive::Rect { c, w, h, angle, r } => {
            let (w, h) = (w as f64 / scale / 2.0, h as f64 / scale / 2.0);
            primitive_fit::rounded_rect_sdf(turned(at(c), angle), &[-w, w, -h, h], r as f64 / scale)
                <= margin
        }
    }
}

/// Points on the outline of a primitive (px), `count` of them: evenly by angle round the centre
/// of a circle or an ellipse, evenly along the perimeter of a rectangle (moved onto its
/// rounded corners where it has them).
pub fn outline_points(p: &GridPrimitive, count: usize, precision: u8) -> Vec<[f64; 2]> {
    let scale = 10f64.powi(precision as i32);
    let (c, rx, ry, angle) = match *p {
        GridPrimitive::Circle { c, r } => (c, r, r, 0),
        GridPrimitive::Ellipse { c, rx, ry, angle } => (c, rx, ry, angle),
        GridPrimitive::Rect { c, w, h, angle, r } => {
            let corners =
                rect_corners(c, w, h, angle).map(|q| [q[0] as f64 / scale, q[1] as f64 / scale]);
            let perimeter = 2.0 * (w + h) as f64 / scale;
            let mut points = Vec::with_capacity(count);
            let mut side = 0;
            let mut walked = 0.0;
            for i in 0..count {
                let at = i as f64 / count as f64 * perimeter;
                let length = |k: usize| if k % 2 == 0 { w } else { h } as f64 / scale;
                while side < 3 && at > walked + length(side) {
                    walked += length(side);
                    side += 1;
                }
                let (a, b) = (corners[side], corners[(side + 1) % 4]);
                let t = ((at - walked) / length(side).max(f64::MIN_POSITIVE)).min(1.0);
                points.push([a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t]);
            }
            if r > 0 {
                let (sin, cos) = (angle as f64 / ANGLE_SCALE).to_radians().sin_cos();
                let (cx, cy) = (c[0] as f64 / scale, c[1] as f64 / scale);
                let (r, hw, hh) = (
                    r as f64 / scale,
                    (w - 2 * r) as f64 / scale / 2.0,
                    (h - 2 * r) as f64 / scale / 2.0,
                );
                for q in &mut points {
                    let (dx, dy) = (q[0] - cx, q[1] - cy);
                    let (u, v) = (dx * cos + dy * sin, -dx * sin + dy * cos);
                    if u.abs() > hw && v.abs() > hh {
                        // Onto the corner's arc, along the line from its centre.
                        let (ou, ov) = (hw.copysign(u), hh.copysign(v));
                        let k = r / (u - ou).hypot(v - ov).max(f64::MIN_POSITIVE);
                        let (u, v) = (ou + (u - ou) * k, ov + (v - ov) * k);
                        *q = [cx + u * cos - v * sin, cy + u * sin + v * cos];
                    }
                }
            }
            return points;
        }
    };
    let (sin, cos) = (angle as f64 / ANGLE_SCALE).to_radians().sin_cos();
    (0..count)
        .map(|i| {
            let t = i as f64 / count as f64 * std::f64::consts::TAU;
            let (u, v) = (rx as f64 / scale * t.cos(), ry as f64 / scale * t.sin());
            [
                c[0] as f64 / scale + u * cos - v * sin,
                c[1] as f64 / scale + u * sin + v * cos,
            ]
        })
        .collect()
}

/// Angle steps written for rotations: hundredths of a degree.
pub const ANGLE_SCALE: f64 = 100.0;

pub fn to_grid(p: &Primitive, precision: u8) -> GridPrimitive {
    let scale = 10f64.powi(precision as i32);
    let g = |v: f32| (v as f64 * scale).round() as i64;
    let c = |p: [f32; 2]| [g(p[0]), g(p[1])];
    match *p {
        Primitive::Circle { center, r } => GridPrimitive::Circle {
            c: c(center),
            r: g(r),
        },
        Primitive::Ellipse {
            center,
            rx,
            ry,
            angle,
        } => {
            // The long axis first, turned into (-90°, 90°].
            let (rx, ry, angle) = if rx >= ry {
                (rx, ry, angle)
            } else {
                (ry, rx, angle + 90.0)
            };
            let mut a = (angle as f64 * ANGLE_SCALE).round() as i64 % 18000;
            if a <= -9000 {
                a += 18000;
            } else if a > 9000 {
                a -= 18000;
            }
            GridPrimitive::Ellipse {
                c: c(center),
                rx: g(rx),
                ry: g(ry),
                angle: a,
            }
        }
        Primitive::Rect {
            center,
            w,
            h,
            angle,
            r,
        } => GridPrimitive::Rect {
            c: c(center),
            w: g(w),
            h: g(h),
            angle: (angle as f64 * ANGLE_SCALE).round() as i64,
            r: g(r),
        },
    }
}

/// `rotate(a cx cy)` text for a rotation in hundredths of a degree about a grid point.
fn rotate(angle: i64, c: Grid, precision: u8) -> String {
    format!(
        "rotate({} {} {})",
        format_number(angle, 2),
        format_number(c[0], precision),
        format_number(c[1], precision)
    )
}

/// The element's tag and geometry attributes (everything but the paint), e.g.
/// `circle cx="5" cy="5" r="3"`.
pub fn element(p: &GridPrimitive, precision: u8) -> String {
    let n = |v: i64| format_number(v, precision);
    match *p {
        GridPrimitive::Circle { c, r } => {
            format!(
                "circle cx=\"{}\" cy=\"{}\" r=\"{}\"",
                n(c[0]),
                n(c[1]),
                n(r)
            )
        }
        GridPrimitive::Ellipse { c, rx, ry, angle } => {
            let (rx, ry, angle) = if angle == 9000 {
                (ry, rx, 0)
            } else {
                (rx, ry, angle)
            };
            let mut text = format!(
                "ellipse cx=\"{}\" cy=\"{}\" rx=\"{}\" ry=\"{}\"",
                n(c[0]),
                n(c[1]),
                n(rx),
                n(ry)
            );
            if angle != 0 {
                text.push_str(&format!(" transform=\"{}\"", rotate(angle, c, precision)));
            }
            text
        }
        GridPrimitive::Rect { c, w, h, angle, r } => {
            let mut text = format!(
                "rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\"",
                n(c[0] - w / 2),
                n(c[1] - h / 2),
                n(w),
                n(h)
            );
            if r > 0 {
                text.push_str(&format!(" rx=\"{}\"", n(r)));
            }
            if angle != 0 {
                text.push_str(&format!(" transform=\"{}\"", rotate(angle, c, precision)));
            }
            text
        }
    }
}

/// Turns grid points by `angle` (hundredths of a degree) about `c`, onto the grid.
fn turn_about(c: Grid, angle: i64) -> impl Fn(i64, i64) -> Grid {
    let t = (angle as f64 / ANGLE_SCALE).to_radians();
    let (cos, sin) = (t.cos(), t.sin());
    move |x: i64, y: i64| {
        let (dx, dy) = ((x - c[0]) as f64, (y - c[1]) as f64);
        [
            c[0] + (dx * cos - dy * sin).round() as i64,
            c[1] + (dx * sin + dy * cos).round() as i64,
        ]
    }
}

/// A rectangle's corners on the grid, clockwise on screen from the top left (unrotated). The
/// unrotated corners are the element's own numbers, so the subpath and the element agree.
pub fn rect_corners(c: Grid, w: i64, h: i64, angle: i64) -> [Grid; 4] {
    let (x0, y0) = (c[0] - w / 2, c[1] - h / 2);
    let (x1, y1) = (x0 + w, y0 + h);
    let turn = turn_about(c, angle);
    [turn(x0, y0), turn(x1, y0), turn(x1, y1), turn(x0, y1)]
}

/// Where a rectangle's rounded corners meet its sides, on the grid: clockwise on screen from
/// the top side's start, each side's two ends (the arcs run from the second of one side to the
/// first of the next).
pub fn rounded_rect_ends(c: Grid, w: i64, h: i64, r: i64, angle: i64) -> [Grid; 8] {
    let (x0, y0) = (c[0] - w / 2, c[1] - h / 2);
    let (x1, y1) = (x0 + w, y0 + h);
    let turn = turn_about(c, angle);
    [
        turn(x0 + r, y0),
        turn(x1 - r, y0),
        turn(x1, y0 + r),
        turn(x1, y1 - r),
        turn(x1 - r, y1),
        turn(x0 + r, y1),
        turn(x0, y1 - r),
        turn(x0, y0 + r),
    ]
}

/// The two ends of an ellipse's long axis on the grid (where its subpath's two arcs meet).
pub fn ellipse_ends(c: Grid, rx: i64, angle: i64) -> [Grid; 2] {
    let t = (angle as f64 / ANGLE_SCALE).to_radians();
    let (dx, dy) = (
        (rx as f64 * t.cos()).round() as i64,
        (rx as f64 * t.sin()).round() as i64,
    );
    [[c[0] + dx, c[1] + dy], [c[0] - dx, c[1] - dy]]
}

/// An angle in hundredths of a degree, as written.
pub fn angle_text(angle: i64) -> String {
    format_number(angle, 2)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_rectangles_outline_points_run_evenly_round_its_sides() {
        // 40 × 20 px turned 30°, on a grid of tenths.
        let rect = to_grid(
            &Primitive::Rect {
                center: [50.0, 40.0],
                w: 40.0,
                h: 20.0,
                angle: 30.0,
                r: 0.0,
            },
            1,
        );
        let points = outline_points(&rect, 60, 1);
        assert_eq!(points.len(), 60);
        let (sin, cos) = 30f64.to_radians().sin_cos();
        for q in &points {
            let (dx, dy) = (q[0] - 50.0, q[1] - 40.0);
            let (u, v) = (dx * cos + dy * sin, -dx * sin + dy * cos);
            let off = (u.abs() - 20.0).abs().min((v.abs() - 10.0).abs());
            assert!(off < 0.05 && u.abs() < 20.05 && v.abs() < 10.05, "{:?}", q);
        }
        // A perimeter of 120 px: one point every 2 px (corners rounded to the grid).
        for pair in points.windows(2) {
            let step = (pair[1][0] - pair[0][0]).hypot(pair[1][1] - pair[0][1]);
            assert!(step < 2.05 && step > 1.4, "{}", step);
        }
    }

    #[test]
    fn a_rounded_rectangle_writes_its_corner_radius_and_holds_only_what_its_corners_do() {
        let p = to_grid(
            &Primitive::Rect {
                center: [50.0, 40.0],
                w: 40.0,
                h: 20.0,
                angle: 0.0,
                r: 6.0,
            },
            1,
        );
        assert_eq!(
            element(&p, 1),
            "rect x=\"30\" y=\"30\" width=\"40\" height=\"20\" rx=\"6\""
        );
        // The sharp corner lies outside; a point just inside the arc, inside.
        assert!(!contains(&p, [30.5, 30.5], 0.0, 1));
        assert!(contains(&p, [34.0, 34.0], 0.0, 1));
        for q in outline_points(&p, 64, 1) {
            let (u, v) = ((q[0] - 50.0).abs() - 14.0, (q[1] - 40.0).abs() - 4.0);
            let off = if u > 0.0 && v > 0.0 {
                u.hypot(v) - 6.0
            } else {
                u.max(v) - 6.0
            };
            assert!(off.abs() < 1e-6, "{:?}", q);
        }
    }

    #[test]
    fn a_circle_writes_its_centre_and_radius() {
        let p = to_grid(
            &Primitive::Circle {
                center: [10.254, 3.0],
                r: 4.5,
            },
            2,
        );
        assert_eq!(element(&p, 2), "circle cx=\"10.25\" cy=\"3\" r=\"4.5\"");
    }

    #[test]
    fn an_ellipse_puts_its_long_axis_first() {
        let p = to_grid(
            &Primitive::Ellipse {
                center: [5.0, 5.0],
                rx: 2.0,
                ry: 4.0,
                angle: 10.0,
            },
            1,
        );
        assert_eq!(
            p,
            GridPrimitive::Ellipse {
                c: [50, 50],
                rx: 40,
                ry: 20,
                angle: 10000 - 18000
            }
        );
        assert_eq!(
            element(&p, 1),
            "ellipse cx=\"5\" cy=\"5\" rx=\"4\" ry=\"2\" transform=\"rotate(-80 5 5)\""
        );
    }

    #[test]
    fn a_rotated_rect_turns_about_its_centre() {
        let corners = rect_corners([100, 100], 40, 20, 9000);
        assert_eq!(corners, [[110, 80], [110, 120], [90, 120], [90, 80]]);
        let p = GridPrimitive::Rect {
            c: [100, 100],
            w: 40,
            h: 20,
            angle: 1250,
            r: 0,
        };
        assert_eq!(
            element(&p, 1),
            "rect x=\"8\" y=\"9\" width=\"4\" height=\"2\" transform=\"rotate(12.5 10 10)\""
        );
    }
}
