//! Primitive shapes through the whole core on painted scenes of overlapping shapes: a shape
//! meeting several neighbours comes back as its primitive, and a shape hidden in part by one
//! comes back whole, drawn beneath it (and one hidden by that, beneath it in turn).

// Shared with the other test files; this one paints with `painted` only.
#[allow(dead_code)]
mod common;

use vectorizer_core::options::Options;
use vectorizer_core::progress::Silent;
use vectorizer_core::vectorize;

/// The `<circle>` elements of an SVG, in drawing order: (cx, cy, r, fill).
fn circles(svg: &str) -> Vec<(f32, f32, f32, String)> {
    svg.split("<circle ")
        .skip(1)
        .map(|rest| {
            let attr = |name: &str| {
                let from = rest.find(&format!("{}=\"", name)).unwrap() + name.len() + 2;
                rest[from..from + rest[from..].find('"').unwrap()].to_string()
            };
            let n = |name: &str| attr(name).parse::<f32>().unwrap();
            (n("cx"), n("cy"), n("r"), attr("fill"))
        })
        .collect()
}

/// The SVG of a painted scene at the default options.
fn traced(w: usize, h: usize, paint: impl Fn(f32, f32) -> [u8; 4]) -> String {
    let mut rgba = common::painted(w, h, paint);
    vectorize(
        &mut rgba,
        w as u32,
        h as u32,
        &Options::default(),
        &mut Silent,
    )
    .unwrap()
    .svg
}

/// Whether (x, y) lies in the disc of centre (cx, cy) and radius r.
fn inside(x: f32, y: f32, cx: f32, cy: f32, r: f32) -> bool {
    (x - cx).hypot(y - cy) <= r
}

/// The circle filled with `fill` is the true one (cx, cy, r) within 0.3 px.
fn assert_circle(found: &[(f32, f32, f32, String)], fill: &str, truth: (f32, f32, f32)) {
    let c = found.iter().find(|c| c.3 == fill).expect(fill);
    assert!(
        (c.0 - truth.0).abs() <= 0.3
            && (c.1 - truth.1).abs() <= 0.3
            && (c.2 - truth.2).abs() <= 0.3,
        "{:?}",
        c
    );
}

#[test]
fn a_circle_half_hidden_by_another_comes_back_whole_beneath_it() {
    // Red (40, 45) r 24 partly under blue (68, 48) r 20, on a pale ground.
    let svg = traced(120, 90, |x, y| {
        if inside(x, y, 68.0, 48.0, 20.0) {
            [30, 90, 200, 255]
        } else if inside(x, y, 40.0, 45.0, 24.0) {
            [230, 0, 0, 255]
        } else {
            [250, 250, 245, 255]
        }
    });
    let found = circles(&svg);
    let at = |fill: &str| found.iter().position(|c| c.3 == fill).expect(fill);
    assert!(
        at("#e60000") < at("#1e5ac8"),
        "the hidden circle is drawn first: {:?}",
        found
    );
    assert_circle(&found, "#e60000", (40.0, 45.0, 24.0));
    assert_circle(&found, "#1e5ac8", (68.0, 48.0, 20.0));
}

/// The `<rect>` elements of an SVG, in drawing order: (x, y, w, h, fill).
fn rects(svg: &str) -> Vec<(f32, f32, f32, f32, String)> {
    svg.split("<rect ")
        .skip(1)
        .map(|rest| {
            let rest = format!(" {}", rest);
            let attr = |name: &str| {
                let from = rest.find(&format!(" {}=\"", name)).unwrap() + name.len() + 3;
                rest[from..from + rest[from..].find('"').unwrap()].to_string()
            };
            let n = |name: &str| attr(name).parse::<f32>().unwrap();
            (n("x"), n("y"), n("width"), n("height"), attr("fill"))
        })
        .collect()
}

#[test]
fn shapes_hidden_in_turn_come_back_whole_each_beneath_the_next() {
    // A rectangle (x 90..140, y 40..70) whose left part lies under a red circle, which a
    // smaller green circle hides in part in turn.
    let svg = traced(160, 120, |x, y| {
        if inside(x, y, 50.0, 40.0, 20.0) {
            [40, 160, 80, 255]
        } else if inside(x, y, 85.0, 50.0, 30.0) {
            [220, 60, 50, 255]
        } else if (90.0..140.0).contains(&x) && (40.0..70.0).contains(&y) {
            [240, 150, 210, 255]
        } else {
            [245, 242, 232, 255]
        }
    });
    assert!(!svg.contains("<path fill=\"#f096d2\""), "{}", svg);
    let found = circles(&svg);
    let order = |fill: &str| svg.find(&format!("fill=\"{}\"", fill)).expect(fill);
    assert!(order("#f096d2") < order("#dc3c32") && order("#dc3c32") < order("#28a050"));
    assert_circle(&found, "#dc3c32", (85.0, 50.0, 30.0));
    assert_circle(&found, "#28a050", (50.0, 40.0, 20.0));
    let rect = rects(&svg);
    let (x, y, rw, rh, _) = rect
        .iter()
        .find(|r| r.4 == "#f096d2")
        .expect("the rectangle");
    // The sides that show as they are; the hidden left side beneath the circle, between where
    // the rectangle's region ends (x ≈ 107) and the farthest it stays hidden (x ≈ 63).
    assert!((x + rw - 140.0).abs() <= 0.3 && (y - 40.0).abs() <= 0.3 && (rh - 30.0).abs() <= 0.3);
    assert!(*x > 70.0 && *x < 100.0, "{:?}", rect);
}

#[test]
fn two_circles_crossing_at_a_shallow_angle_both_come_back() {
    // Nearly the same size and close: where they cross, their outlines meet at a shallow angle
    // and the anti-aliasing mixes three colours over several pixels.
    let svg = traced(120, 110, |x, y| {
        if inside(x, y, 57.0, 60.0, 30.1) {
            [200, 194, 224, 255]
        } else if inside(x, y, 60.2, 53.1, 33.5) {
            [121, 185, 58, 255]
        } else {
            [244, 241, 232, 255]
        }
    });
    let found = circles(&svg);
    assert_eq!(found.len(), 2, "{}", svg);
    assert_circle(&found, "#c8c2e0", (57.0, 60.0, 30.1));
    assert_circle(&found, "#79b93a", (60.2, 53.1, 33.5));
}
