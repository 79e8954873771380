//! Reference tests: fixed inputs must give exactly the stored SVG. After an intended change,
//! regenerate with `UPDATE_GOLDEN=1 cargo test --test golden` and look at the diff.

mod common;

use std::path::PathBuf;
use vectorizer_core::options::{Mode, Options};
use vectorizer_core::progress::Silent;
use vectorizer_core::vectorize;

fn check(name: &str, mut rgba: Vec<u8>, width: u32, height: u32, options: Options) {
    let svg = vectorize(&mut rgba, width, height, &options, &mut Silent)
        .unwrap()
        .svg;
    let path: PathBuf = [
        env!("CARGO_MANIFEST_DIR"),
        "tests",
        "golden",
        &format!("{}.svg", name),
    ]
    .iter()
    .collect();
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&path, &svg).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_else(|_| {
        panic!(
            "no golden file {}; run with UPDATE_GOLDEN=1",
            path.display()
        )
    });
    assert!(
        svg == expected,
        "{} differs from its golden SVG; rerun with UPDATE_GOLDEN=1 if intended",
        name
    );
}

#[test]
fn card_balanced() {
    check(
        "card-balanced",
        common::card(96),
        96,
        96,
        Options::default(),
    );
}

#[test]
fn card_bw() {
    check(
        "card-bw",
        common::card(96),
        96,
        96,
        Options {
            mode: Mode::Bw,
            ..Options::default()
        },
    );
}

#[test]
fn ring_with_alpha() {
    check("ring-alpha", common::ring(80), 80, 80, Options::default());
}

#[test]
fn pixel_art_exact() {
    let mut rgba = common::noise(8, 6, 3);
    for px in rgba.chunks_exact_mut(4) {
        for c in px.iter_mut().take(3) {
            *c &= 0xC0;
        }
    }
    let options = Options {
        mode: Mode::Pixel,
        colors: 256,
        min_area: 0,
        ..Options::default()
    };
    check("pixel-art", rgba, 8, 6, options);
}

/// A vertical sky ramp with a hard-edged block: one linear gradient, the block flat.
#[test]
fn sky_gradient() {
    let (w, h) = (80usize, 60usize);
    let mut rgba = Vec::with_capacity(w * h * 4);
    for y in 0..h {
        for x in 0..w {
            let pixel = if (50..70).contains(&x) && (15..45).contains(&y) {
                [200, 30, 30, 255]
            } else {
                let t = y as f32 / h as f32;
                [
                    (20.0 + 180.0 * t) as u8,
                    (60.0 + 160.0 * t) as u8,
                    (160.0 + 90.0 * t) as u8,
                    255,
                ]
            };
            rgba.extend_from_slice(&pixel);
        }
    }
    check(
        "sky-gradient",
        rgba,
        w as u32,
        h as u32,
        Options {
            gradients: vectorizer_core::options::Gradients::Auto,
            ..Options::default()
        },
    );
}
