//! Times the stages natively on a raw RGBA file: `cargo run --release --example profile -- image.rgba WIDTH`.
//! (Make the raw file with sharp: `sharp(png).ensureAlpha().raw().toBuffer()`.)
use std::time::Instant;
use vectorizer_core::*;
fn main() {
    let path = std::env::args().nth(1).unwrap();
    let bytes = std::fs::read(&path).unwrap();
    let w: usize = std::env::args().nth(2).unwrap().parse().unwrap();
    let h = bytes.len() / 4 / w;
    let opts = options::Options::default();
    let mut rgba = bytes.clone();
    let t = Instant::now();
    let q = quantize::quantize(&rgba, w, &opts, &mut progress::Silent).unwrap();
    println!("quantize {:?} colors {}", t.elapsed(), q.palette.rgba.len());
    let mut labels = q.labels;
    let lab = q.palette.lab(&color::LinearTable::new());
    let t = Instant::now();
    let regions = segment::regions_without_speckles(&mut labels, w, &lab, opts.min_area).unwrap();
    println!("regions {:?} count {}", t.elapsed(), regions.area.len());
    let t = Instant::now();
    let graph = trace::trace(&regions.ids, w, h, &mut progress::Silent).unwrap();
    println!(
        "trace {:?} edges {} cycles {}",
        t.elapsed(),
        graph.edges.len(),
        graph.cycles.len()
    );
    let t = Instant::now();
    let out = vectorize(&mut rgba, w as u32, h as u32, &opts, &mut progress::Silent).unwrap();
    println!("total {:?} bytes {}", t.elapsed(), out.svg.len());
}
