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
