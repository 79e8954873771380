//! Properties of the output styles on random label images (small grids of random colours):
//! cutouts cover every pixel exactly once, with no overlap; `strokeEdges` draws the boundary
//! graph once — its length is the graph's, and no two paths share a segment.
//!
//! The SVG is read back with a small path parser (the writer's relative commands), cubics are
//! flattened into polylines and each path is sampled alone at every pixel centre (nonzero rule).

use vectorizer_core::options::{DrawStyle, Mode, Options, Stacking};
use vectorizer_core::progress::Silent;
use vectorizer_core::vectorize;

/// A tiny deterministic generator (64-bit LCG, high bits).
struct Lcg(u64);
impl Lcg {
    fn next(&mut self, n: u32) -> u32 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) % n as u64) as u32
    }
}

const COLOURS: [[u8; 4]; 5] = [
    [230, 0, 0, 255],
    [20, 20, 20, 255],
    [250, 250, 245, 255],
    [30, 90, 200, 255],
    [250, 200, 40, 255],
];

/// A grid of `cols × rows` cells of `cell` pixels, each a random colour of the first `k`.
fn label_image(seed: u64, cols: usize, rows: usize, cell: usize, k: u32) -> (Vec<u8>, u32, u32) {
    let mut rng = Lcg(seed);
    let cells: Vec<u32> = (0..cols * rows).map(|_| rng.next(k)).collect();
    let (w, h) = (cols * cell, rows * cell);
    let mut rgba = Vec::with_capacity(w * h * 4);
    for y in 0..h {
        for x in 0..w {
            rgba.extend_from_slice(&COLOURS[cells[(y / cell) * cols + x / cell] as usize]);
        }
    }
    (rgba, w as u32, h as u32)
}

fn run(rgba: &[u8], w: u32, h: u32, options: &Options) -> String {
    let mut pixels = rgba.to_vec();
    vectorize(&mut pixels, w, h, options, &mut Silent)
        .expect("vectorizes")
        .svg
}

/// Every `d` attribute, in order.
fn path_data(svg: &str) -> Vec<String> {
    svg.split("<path")
        .skip(1)
        .map(|p| {
            let start = p.find(" d=\"").expect("a d attribute") + 4;
            p[start..start + p[start..].find('"').unwrap()].to_string()
        })
        .collect()
}

fn numbers(text: &str) -> Vec<f64> {
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let c = bytes[i];
        if c == b'-' || c == b'.' || c.is_ascii_digit() {
            let start = i;
            i += 1;
            let mut dot = c == b'.';
            while i < bytes.len() && (bytes[i].is_ascii_digit() || (bytes[i] == b'.' && !dot)) {
                dot |= bytes[i] == b'.';
                i += 1;
            }
            out.push(text[start..i].parse().expect("a number"));
        } else {
            i += 1;
        }
    }
    out
}

type P = [f64; 2];

/// One segment: a line (controls empty) or a cubic.
#[derive(Clone, Debug)]
struct Seg {
    from: P,
    controls: Vec<P>,
    to: P,
}

/// Subpaths of a path, each a list of segments (closed ones end with their closing line).
fn parse(d: &str) -> Vec<(Vec<Seg>, bool)> {
    let mut subpaths: Vec<(Vec<Seg>, bool)> = Vec::new();
    let (mut pen, mut start) = ([0.0, 0.0], [0.0, 0.0]);
    let mut i = 0;
    let chars: Vec<char> = d.chars().collect();
    let mut current: Vec<Seg> = Vec::new();
    while i < chars.len() {
        let cmd = chars[i];
        i += 1;
        let mut j = i;
        while j < chars.len() && !chars[j].is_ascii_alphabetic() {
            j += 1;
        }
        let args = numbers(&chars[i..j].iter().collect::<String>());
        i = j;
        let rel = cmd.is_ascii_lowercase();
        let at = |pen: P, x: f64, y: f64| {
            if rel {
                [pen[0] + x, pen[1] + y]
            } else {
                [x, y]
            }
        };
        match cmd.to_ascii_lowercase() {
            'm' => {
                if !current.is_empty() {
                    subpaths.push((std::mem::take(&mut current), false));
                }
                pen = at(pen, args[0], args[1]);
                start = pen;
                for pair in args[2..].chunks(2) {
                    let to = at(pen, pair[0], pair[1]);
                    current.push(Seg {
                        from: pen,
                        controls: vec![],
                        to,
                    });
                    pen = to;
                }
            }
            'l' => {
                for pair in args.chunks(2) {
                    let to = at(pen, pair[0], pair[1]);
                    current.push(Seg {
                        from: pen,
                        controls: vec![],
                        to,
                    });
                    pen = to;
                }
            }
            'h' | 'v' => {
                for &a in &args {
                    let to = if cmd.eq_ignore_ascii_case(&'h') {
                        [if rel { pen[0] + a } else { a }, pen[1]]
                    } else {
                        [pen[0], if rel { pen[1] + a } else { a }]
                    };
                    current.push(Seg {
                        from: pen,
                        controls: vec![],
                        to,
                    });
                    pen = to;
                }
            }
            'c' => {
                for six in args.chunks(6) {
                    let a = at(pen, six[0], six[1]);
                    let b = at(pen, six[2], six[3]);
                    let to = at(pen, six[4], six[5]);
                    current.push(Seg {
                        from: pen,
                        controls: vec![a, b],
                        to,
                    });
                    pen = to;
                }
            }
            'z' => {
                if pen != start {
                    current.push(Seg {
                        from: pen,
                        controls: vec![],
                        to: start,
                    });
                }
                pen = start;
                subpaths.push((std::mem::take(&mut current), true));
            }
            other => panic!("unexpected command {}", other),
        }
    }
    if !current.is_empty() {
        subpaths.push((current, false));
    }
    subpaths
}

fn flatten(seg: &Seg) -> Vec<P> {
    if seg.controls.is_empty() {
        return vec![seg.from, seg.to];
    }
    let (p0, p1, p2, p3) = (seg.from, seg.controls[0], seg.controls[1], seg.to);
    (0..=24)
        .map(|i| {
            let t = i as f64 / 24.0;
            let u = 1.0 - t;
            let w = [u * u * u, 3.0 * u * u * t, 3.0 * u * t * t, t * t * t];
            [
                w[0] * p0[0] + w[1] * p1[0] + w[2] * p2[0] + w[3] * p3[0],
                w[0] * p0[1] + w[1] * p1[1] + w[2] * p2[1] + w[3] * p3[1],
            ]
        })
        .collect()
}

/// Whether a path covers a point by the even-odd rule (cutouts write holes in the same
/// orientation as the shapes filling them and use `fill-rule="evenodd"`; stacked paths wind
/// holes the other way, which both rules read alike).
fn inside(subpaths: &[(Vec<Seg>, bool)], q: P) -> bool {
    winding(subpaths, q) % 2 != 0
}

/// Signed count of the crossings of a ray from the point (its parity is the even-odd rule).
fn winding(subpaths: &[(Vec<Seg>, bool)], q: P) -> i32 {
    let mut wn = 0;
    for (segs, _) in subpaths {
        for seg in segs {
            for pair in flatten(seg).windows(2) {
                let (a, b) = (pair[0], pair[1]);
                let cross = (b[0] - a[0]) * (q[1] - a[1]) - (q[0] - a[0]) * (b[1] - a[1]);
                if a[1] <= q[1] && b[1] > q[1] && cross > 0.0 {
                    wn += 1;
                } else if a[1] > q[1] && b[1] <= q[1] && cross < 0.0 {
                    wn -= 1;
                }
            }
        }
    }
    wn
}

fn length(seg: &Seg) -> f64 {
    flatten(seg)
        .windows(2)
        .map(|p| ((p[1][0] - p[0][0]).powi(2) + (p[1][1] - p[0][1]).powi(2)).sqrt())
        .sum()
}

fn cases() -> Vec<(u64, Options)> {
    let mut out = Vec::new();
    for seed in 1..=12u64 {
        let mode = if seed % 3 == 0 {
            Mode::Pixel
        } else {
            Mode::Color
        };
        out.push((
            seed,
            Options {
                mode,
                min_area: 0,
                ..Options::default()
            },
        ));
    }
    out
}

fn image_for(seed: u64) -> (Vec<u8>, u32, u32) {
    let k = 2 + (seed % 4) as u32;
    let cell = 2 + (seed % 3) as usize;
    label_image(
        seed,
        7 + (seed % 5) as usize,
        5 + (seed % 4) as usize,
        cell,
        k,
    )
}

#[test]
fn cutouts_cover_every_pixel_exactly_once() {
    for (seed, base) in cases() {
        let (rgba, w, h) = image_for(seed);
        let options = Options {
            stacking: Stacking::Cutouts,
            ..base
        };
        let svg = run(&rgba, w, h, &options);
        let paths: Vec<_> = path_data(&svg).iter().map(|d| parse(d)).collect();
        assert!(!svg.contains("stroke"), "no gap filler by default");
        assert!(svg.contains("fill-rule=\"evenodd\""));
        for y in 0..h {
            for x in 0..w {
                // Off the centre a little, so no sample lies on a diagonal through centres.
                let q = [x as f64 + 0.5 + 1.0 / 97.0, y as f64 + 0.5 + 1.0 / 89.0];
                let covering = paths.iter().filter(|p| inside(p, q)).count();
                assert_eq!(covering, 1, "seed {} pixel {},{}: {}", seed, x, y, svg);
            }
        }
    }
}

/// The check above does see overlap: stacked output paints parents under their children.
#[test]
fn stacked_output_overlaps() {
    let (rgba, w, h) = image_for(4);
    let svg = run(&rgba, w, h, &Options::default());
    let paths: Vec<_> = path_data(&svg)
        .iter()
        .filter(|d| !d.is_empty())
        .map(|d| parse(d))
        .collect();
    let overlapping = (0..h)
        .flat_map(|y| (0..w).map(move |x| [x as f64 + 0.51, y as f64 + 0.51]))
        .filter(|&q| paths.iter().filter(|p| inside(p, q)).count() > 1)
        .count();
    assert!(overlapping > 0);
}

#[test]
fn stroke_edges_draw_the_boundary_graph_once() {
    for (seed, base) in cases() {
        let (rgba, w, h) = image_for(seed);
        let cut = run(
            &rgba,
            w,
            h,
            &Options {
                stacking: Stacking::Cutouts,
                ..base.clone()
            },
        );
        let edges = run(
            &rgba,
            w,
            h,
            &Options {
                draw_style: DrawStyle::StrokeEdges,
                ..base
            },
        );
        assert!(edges.contains("fill=\"none\""));
        let total = |svg: &str| -> f64 {
            path_data(svg)
                .iter()
                .flat_map(|d| parse(d))
                .flat_map(|(segs, _)| segs)
                .map(|s| length(&s))
                .sum()
        };
        // Outlines of the cutouts walk each inner edge twice and the image border once.
        let border = 2.0 * (w + h) as f64;
        let once = (total(&cut) + border) / 2.0;
        let drawn = total(&edges);
        assert!(
            (drawn - once).abs() <= 0.01 * once,
            "seed {}: edges {} vs graph {}",
            seed,
            drawn,
            once
        );
        // No segment is drawn twice, in either direction, by any path.
        let mut seen = std::collections::HashSet::new();
        for d in path_data(&edges) {
            for (segs, _) in parse(&d) {
                for s in segs {
                    let key = |s: &Seg, rev: bool| {
                        let mut pts = vec![s.from];
                        pts.extend(s.controls.iter().copied());
                        pts.push(s.to);
                        if rev {
                            pts.reverse();
                        }
                        pts.iter()
                            .map(|p| ((p[0] * 100.0).round() as i64, (p[1] * 100.0).round() as i64))
                            .collect::<Vec<_>>()
                    };
                    let (a, b) = (key(&s, false), key(&s, true));
                    let k = a.clone().min(b);
                    assert!(seen.insert(k), "seed {}: a segment drawn twice", seed);
                }
            }
        }
    }
}
