//! Primitive shapes through the whole core on painted scenes of overlapping shapes: a shape
//! meeting several neighbours comes back as its primitive, and a shape hidden in part by one
//! comes back whole, drawn beneath it.

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

#[test]
fn a_circle_half_hidden_by_another_comes_back_whole_beneath_it() {
    let (w, h) = (120, 90);
    // Red (40, 45) r 24 partly under blue (68, 48) r 20, on a pale ground.
    let inside = |x: f32, y: f32, cx: f32, cy: f32, r: f32| (x - cx).hypot(y - cy) <= r;
    let mut rgba = common::painted(w, h, |x, y| {
        if inside(x, y, 68.0, 48.0, 20.0) {
            [30, 90, 200, 255]
        } else if inside(x, y, 40.0, 45.0, 24.0) {
            [230, 0, 0, 255]
        } else {
            [250, 250, 245, 255]
        }
    });
    let svg = vectorize(
        &mut rgba,
        w as u32,
        h as u32,
        &Options::default(),
        &mut Silent,
    )
    .unwrap()
    .svg;
    let found = circles(&svg);
    let red = found
        .iter()
        .position(|c| c.3 == "#e60000")
        .expect("red circle");
    let blue = found
        .iter()
        .position(|c| c.3 == "#1e5ac8")
        .expect("blue circle");
    assert!(red < blue, "the hidden circle is drawn first: {:?}", found);
    for (i, (cx, cy, r)) in [(red, (40.0, 45.0, 24.0)), (blue, (68.0, 48.0, 20.0))] {
        let c = &found[i];
        assert!(
            (c.0 - cx).abs() <= 0.3 && (c.1 - cy).abs() <= 0.3 && (c.2 - r).abs() <= 0.3,
            "{:?}",
            c
        );
    }
}
