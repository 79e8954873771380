//! Arcs inside outlines through the whole core: a pie slice and a crescent come back with their
//! curved sides as arc commands on the true circles and their corners where the true sides
//! meet; with primitives off, the same outlines are cubics only.

// Shared with the other test files; this one paints with `painted` only.
#[allow(dead_code)]
mod common;

use std::f32::consts::PI;

use vectorizer_core::options::Options;
use vectorizer_core::progress::Silent;
use vectorizer_core::vectorize;

const GROUND: [u8; 4] = [250, 250, 245, 255];
const INK: [u8; 4] = [200, 40, 60, 255];

fn traced(w: usize, h: usize, primitives: bool, paint: impl Fn(f32, f32) -> bool) -> String {
    let mut rgba = common::painted(w, h, |x, y| if paint(x, y) { INK } else { GROUND });
    let options = Options {
        primitives,
        ..Options::default()
    };
    vectorize(&mut rgba, w as u32, h as u32, &options, &mut Silent)
        .unwrap()
        .svg
}

/// An arc command of a path, absolute: its radii and its two ends.
#[derive(Debug)]
struct Arc {
    radii: [f32; 2],
    from: [f32; 2],
    to: [f32; 2],
}

/// The points every command of the ink's path reaches, and its arcs (the writer's relative
/// commands, numbers spaced or signed).
fn ink_path(svg: &str) -> (Vec<[f32; 2]>, Vec<Arc>) {
    let start = svg
        .find("<path fill=\"#c8283c\" d=\"")
        .expect("the ink's path")
        + 24;
    let d = &svg[start..start + svg[start..].find('"').unwrap()];
    let mut tokens = Vec::new();
    let mut number = String::new();
    for ch in d.chars() {
        let ends = ch.is_ascii_alphabetic()
            || ch == ' '
            || ch == '-'
            || (ch == '.' && number.contains('.'));
        if ends && !number.is_empty() {
            tokens.push(number.clone());
            number.clear();
        }
        if ch.is_ascii_alphabetic() {
            tokens.push(ch.to_string());
        } else if ch != ' ' {
            number.push(ch);
        }
    }
    if !number.is_empty() {
        tokens.push(number);
    }
    let (mut points, mut arcs) = (Vec::new(), Vec::new());
    let (mut at, mut first, mut command) = ([0.0f32; 2], [0.0f32; 2], 'M');
    let mut i = 0;
    while i < tokens.len() {
        if tokens[i].chars().all(|c| c.is_ascii_alphabetic()) {
            command = tokens[i].chars().next().unwrap();
            i += 1;
        }
        let arity = match command {
            'M' | 'm' | 'l' => 2,
            'h' | 'v' => 1,
            'c' => 6,
            'a' => 7,
            _ => 0,
        };
        let n: Vec<f32> = tokens[i..i + arity]
            .iter()
            .map(|t| t.parse().unwrap())
            .collect();
        i += arity;
        let from = at;
        match command {
            'M' => at = [n[0], n[1]],
            'm' | 'l' => at = [at[0] + n[0], at[1] + n[1]],
            'h' => at[0] += n[0],
            'v' => at[1] += n[0],
            'c' => at = [at[0] + n[4], at[1] + n[5]],
            'a' => {
                at = [at[0] + n[5], at[1] + n[6]];
                arcs.push(Arc {
                    radii: [n[0], n[1]],
                    from,
                    to: at,
                });
            }
            _ => at = first,
        }
        if command == 'M' || command == 'm' {
            first = at;
            command = 'l';
        }
        points.push(at);
    }
    (points, arcs)
}

fn distance(a: [f32; 2], b: [f32; 2]) -> f32 {
    (a[0] - b[0]).hypot(a[1] - b[1])
}

/// Whether `p` lies on the circle (c, r) within 0.3 px.
fn on_circle(p: [f32; 2], c: [f32; 2], r: f32) -> bool {
    (distance(p, c) - r).abs() <= 0.3
}

/// A pie slice of centre (60, 50), radius 30.3, from angle `from` turning `turn` (radians).
fn assert_pie_slice(from: f32, turn: f32) {
    let (c, r) = ([60.0, 50.0], 30.3);
    let inside = |x: f32, y: f32| {
        let (dx, dy) = (x - c[0], y - c[1]);
        let a = (dy.atan2(dx) - from).rem_euclid(2.0 * PI);
        dx.hypot(dy) <= r && a <= turn
    };
    let (points, arcs) = ink_path(&traced(120, 100, true, inside));
    assert!(!arcs.is_empty(), "no arcs: {:?}", points);
    for arc in &arcs {
        assert!(
            (arc.radii[0] - r).abs() <= 0.3 && arc.radii[0] == arc.radii[1],
            "{:?}",
            arc
        );
        assert!(
            on_circle(arc.from, c, r) && on_circle(arc.to, c, r),
            "{:?}",
            arc
        );
    }
    // The centre corner and both ends of the arc are where the true sides meet.
    let corners = [
        c,
        [c[0] + r * from.cos(), c[1] + r * from.sin()],
        [
            c[0] + r * (from + turn).cos(),
            c[1] + r * (from + turn).sin(),
        ],
    ];
    for corner in corners {
        let nearest = points
            .iter()
            .map(|&p| distance(p, corner))
            .fold(f32::MAX, f32::min);
        assert!(
            nearest <= 0.3,
            "{:?} is {} px off: {:?}",
            corner,
            nearest,
            points
        );
    }
    // Primitives off: the same outline in cubics, no arcs.
    let (_, none) = ink_path(&traced(120, 100, false, inside));
    assert!(none.is_empty(), "{:?}", none);
}

#[test]
fn a_pie_slice_is_two_lines_and_arcs_on_its_circle() {
    assert_pie_slice(0.4, 4.8);
}

#[test]
fn a_wide_pie_slice_keeps_its_centre_though_its_sides_turn_less_than_the_corner_angle() {
    // The two sides meet at the centre turning 38°, less than the default corner angle (60°).
    assert_pie_slice(1.1, 3.8);
}

#[test]
fn a_crescent_is_arcs_of_its_two_circles() {
    let (outer, inner) = (([50.0, 45.0], 32.2), ([62.0, 40.0], 25.4));
    let inside = |x: f32, y: f32| {
        distance([x, y], outer.0) <= outer.1 && distance([x, y], inner.0) > inner.1
    };
    let (points, arcs) = ink_path(&traced(100, 90, true, inside));
    let on = |arc: &Arc, (c, r): ([f32; 2], f32)| {
        (arc.radii[0] - r).abs() <= 0.3 && on_circle(arc.from, c, r) && on_circle(arc.to, c, r)
    };
    assert!(arcs.iter().any(|a| on(a, outer)), "{:?}", arcs);
    assert!(arcs.iter().any(|a| on(a, inner)), "{:?}", arcs);
    assert!(
        arcs.iter().all(|a| on(a, outer) || on(a, inner)),
        "{:?} {:?}",
        arcs,
        points
    );
}
