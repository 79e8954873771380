//! # vectorizer-core
//!
//! Turns an RGBA raster into a compact SVG, in four stages:
//!
//! 1. **prepare** ([`prepare`]) — input checks against the pixel budget before any allocation,
//!    optional edge-preserving denoise.
//! 2. **segment colours** ([`quantize`], [`mixtures`], [`segment`]) — a palette in Oklab
//!    (deterministic weighted k-means, or a fixed palette, black and white, or exact colours),
//!    anti-aliasing blends dissolved into the colours they blend, speckles under `min_area`
//!    dissolved into their most similar neighbours, then 4-connected regions.
//! 3. **trace** ([`trace`]) — a shared boundary graph: every boundary between two regions is
//!    traced once, so abutting shapes have exactly the same edge; holes included.
//! 4. **fit and write** ([`fit`], [`layers`], [`svg`]) — corners kept, straight runs straight,
//!    cubic Béziers within a tolerance; stacking that leaves no seams; compact relative paths.
//!    Output styles ([`styles`]): shapes stacked or cut out of each other ([`cutouts`]: each
//!    pixel in exactly one shape, with an optional gap filler under shared boundaries), filled
//!    or stroked — each shape's outline, or each edge of the boundary graph once ([`edges`]) —
//!    and grouped in `<g>` per colour or per stacking layer.
//!
//! Modes: colour, black and white (Otsu or a given threshold), pixel art (exact pixel edges),
//! centerline (line art as single open strokes with their widths, [`centerline`]).
//! Output is deterministic: the same input and options give byte-identical SVG on every
//! platform, with or without SIMD.
//!
//! Limitations: fully transparent pixels belong to no shape; partially transparent ones are
//! drawn with `fill-opacity` when they form regions of their own, else they join the nearest
//! solid colour. With `gradients: auto` ([`gradient_bands`], [`gradient_merge`],
//! [`gradient_fit`], [`gradient_svg`]) the bands of a smooth ramp become one shape with a
//! linear, radial or elliptical (rotated) gradient (no focal point, no conic gradients, no
//! translucent stops); otherwise gradients become flat bands.
//!
//! Errors are typed ([`error::Error`]), grouped by fault; nothing panics on user input.

// Index loops read better than iterator chains in the numeric kernels.
#![allow(clippy::needless_range_loop)]

pub mod arc_fit;
pub mod bezier_fit;
pub mod centerline;
pub mod classify;
pub mod classify_features;
pub mod color;
pub mod cutouts;
pub mod cycle_primitives;
pub mod distance;
pub mod edges;
pub mod error;
pub mod even_paper;
pub mod exact_pieces;
pub mod fit;
pub mod geometry;
pub mod gradient_bands;
pub mod gradient_fit;
pub mod gradient_merge;
pub mod gradient_moments;
pub mod gradient_svg;
pub mod histogram;
pub mod ink;
pub mod kmeans;
pub mod label;
pub mod layers;
pub mod memory;
pub mod mixtures;
pub mod option_table;
pub mod options;
pub mod png_rows;
pub mod prepare;
pub mod primitive_fit;
pub mod primitive_svg;
pub mod progress;
pub mod quantize;
pub mod raster;
pub mod remap;
pub mod segment;
pub mod simd;
pub mod skeleton;
pub mod stroke_once;
pub mod stroke_svg;
pub mod styles;
pub mod subpixel;
pub mod svg;
pub mod trace;

#[cfg(target_arch = "wasm32")]
mod abi;

use color::LinearTable;
use error::Result;
use label::TRANSPARENT;
use options::{Gradients, Mode, Options, Stacking};
use progress::{Observer, Stage};

/// How many times the tolerance a soft boundary of a gradient fill is fitted within.
const GRADIENT_EDGE_LOOSENESS: f32 = 5.0;
/// Mean colour step across a boundary (premultiplied RGBA, 0..1 channels) below which it is
/// soft.
const SOFT_GRADIENT_STEP: f32 = 0.04;
/// Least colour step (premultiplied RGBA distance) between two regions whose shared edges may
/// be written as exact lines and arcs.
const EXACT_PIECE_STEP: f32 = 0.15;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Stats {
    pub width: u32,
    pub height: u32,
    pub colors: usize,
    pub paths: usize,
    pub segments: usize,
    pub bytes: usize,
    /// Milliseconds per stage: prepare, segment, trace, fit.
    pub stage_ms: [f64; 4],
    pub peak_heap_bytes: usize,
    /// The palette, as 0xRRGGBB.
    pub palette: Vec<u32>,
    /// Centerline mode: strokes traced but not written, over `centerline::MAX_STROKES`.
    pub strokes_left_out: usize,
}

pub struct Output {
    pub svg: String,
    pub stats: Stats,
}

/// Runs the whole pipeline. `rgba` is straight-alpha RGBA, row-major; it may be modified
/// (denoise works in place).
pub fn vectorize(
    rgba: &mut [u8],
    width: u32,
    height: u32,
    options: &Options,
    observer: &mut dyn Observer,
) -> Result<Output> {
    prepare::check_input(rgba.len(), width, height, options.max_pixels)?;
    memory::reset_peak();
    if options.mode == Mode::Centerline {
        return centerline::run(rgba, width, height, options, observer);
    }
    let (w, h) = (width as usize, height as usize);
    let mut clock = [observer.now_ms(); 5];

    observer.progress(Stage::Prepare, 0.0);
    if options.denoise {
        prepare::denoise(rgba, w, h, observer)?;
    }
    observer.progress(Stage::Prepare, 1.0);
    clock[1] = observer.now_ms();

    observer.progress(Stage::Segment, 0.0);
    let quantized = quantize::quantize(rgba, w, options, observer)?;
    let textured = quantized.textured;
    let mut palette = quantized.palette;
    let mut labels = quantized.labels;
    observer.progress(Stage::Segment, 0.65);
    let table = LinearTable::new();
    let palette_lab = palette.lab(&table);
    // Photo-like images: texture is detail (speckles are half of min_area) and the eye forgives
    // looser outlines (tolerance × 1.5), which keeps their SVG size in check.
    let min_area = if textured {
        (options.min_area + 1) / 2
    } else {
        options.min_area
    };
    let regions = segment::regions_without_speckles(&mut labels, w, &palette_lab, min_area)?;
    let flat_colors = palette.rgba.len();
    let (regions, gradient_fills) = if options.gradients == Gradients::Auto
        && options.mode == Mode::Color
    {
        // Photo-like images keep their quantized regions: their texture is no ramp.
        let (regions, split) = if textured {
            (regions, gradient_bands::Split::default())
        } else {
            gradient_bands::split(regions, rgba, w, &mut palette.rgba, &table, min_area)?
        };
        let (regions, mut fills) =
            gradient_merge::merge(regions, rgba, w, &mut palette.rgba, &table)?;
        let regions = gradient_bands::unsplit(regions, w, &mut palette.rgba, &mut fills, &split)?;
        (regions, fills)
    } else {
        (regions, Vec::new())
    };
    observer.progress(Stage::Segment, 0.9);
    drop(labels);
    observer.progress(Stage::Segment, 1.0);
    clock[2] = observer.now_ms();

    let graph = trace::trace(&regions.ids, w, h, observer)?;
    let region_labels = regions.label;
    let region_areas = regions.area;
    drop(regions.ids);
    clock[3] = observer.now_ms();

    let params = fit::FitParams {
        tolerance: if textured {
            options.tolerance * 1.5
        } else {
            options.tolerance
        },
        corner_cos: options.corner_angle.to_radians().cos(),
        smooth: options.mode != Mode::Pixel,
        arcs: false,
    };
    let precision = match (options.mode, options.precision) {
        (Mode::Pixel, None) => 0,
        (_, Some(p)) => p,
        (_, None) => svg::auto_precision(w, h),
    };
    let image = subpixel::Image {
        rgba,
        width: w,
        height: h,
    };
    let region_color = |region: u32| match region_labels.get(region as usize) {
        Some(&label) if label != TRANSPARENT => subpixel::premultiply(palette.rgba[label as usize]),
        _ => [0.0; 4],
    };
    let edge_points = |edge: &trace::Edge| -> Vec<(i32, i32)> {
        graph
            .edge_points(edge)
            .iter()
            .map(|&p| graph.vertex(p))
            .collect()
    };
    let is_gradient = |region: u32| matches!(region_labels.get(region as usize), Some(&l) if l != TRANSPARENT && l as usize >= flat_colors);
    // Sub-pixel placement reads anti-aliasing; in photo-like images it only adds noise.
    let shifts: Vec<Vec<f32>> = if params.smooth && !textured {
        graph
            .edges
            .iter()
            .map(|edge| {
                // A gradient region has no one colour to read the anti-aliasing against.
                if is_gradient(edge.left) || is_gradient(edge.right) {
                    return Vec::new();
                }
                let left = region_color(edge.left);
                subpixel::crack_shifts(&edge_points(edge), &image, left, region_color(edge.right))
            })
            .collect()
    } else {
        vec![Vec::new(); graph.edges.len()]
    };
    let mut ends = Vec::new();
    for (edge, shift) in graph
        .edges
        .iter()
        .zip(&shifts)
        .filter(|(e, s)| !e.closed && !s.is_empty())
    {
        let pts = graph.edge_points(edge);
        let n = pts.len();
        let first = subpixel::direction(graph.vertex(pts[0]), graph.vertex(pts[1]));
        let last = subpixel::direction(graph.vertex(pts[n - 2]), graph.vertex(pts[n - 1]));
        ends.push((pts[0], first, shift[0]));
        ends.push((pts[n - 1], last, shift[n - 2]));
    }
    let junctions = subpixel::Junctions::new(ends);
    observer.progress(Stage::Fit, 0.2);
    let mut ticker = progress::Ticker::new(Stage::Fit, graph.edges.len(), 0.2, 0.7);
    let mut grid_edges = Vec::with_capacity(graph.edges.len());
    for (i, (edge, shift)) in graph.edges.iter().zip(&shifts).enumerate() {
        ticker.tick(i, observer);
        let points = edge_points(edge);
        let pts = graph.edge_points(edge);
        let ends = if shift.is_empty() {
            [[0.0; 2]; 2]
        } else {
            [
                junctions.offset(pts[0]),
                junctions.offset(pts[pts.len() - 1]),
            ]
        };
        // Where a gradient meets another shape and the colour runs on across the boundary,
        // where it lies exactly hardly shows: it is fitted more loosely (not against
        // transparency, where the outline is the shape's edge).
        let soft = (is_gradient(edge.left) || is_gradient(edge.right))
            && region_color(edge.left)[3] > 0.0
            && region_color(edge.right)[3] > 0.0
            && subpixel::mean_step(&points, &image) < SOFT_GRADIENT_STEP;
        // Arcs and snapped corners, as primitives, are placed by the sub-pixel evidence, which
        // is only firm across a clear colour step (not between the bands of a shading).
        let (left, right) = (region_color(edge.left), region_color(edge.right));
        let step = (0..4)
            .map(|c| (left[c] - right[c]).powi(2))
            .sum::<f32>()
            .sqrt();
        let arcs = options.primitives && !shift.is_empty() && step >= EXACT_PIECE_STEP;
        let edge_params = if soft {
            fit::FitParams {
                tolerance: params.tolerance * GRADIENT_EDGE_LOOSENESS,
                ..params
            }
        } else {
            fit::FitParams { arcs, ..params }
        };
        let fitted = fit::fit_edge(&points, edge.closed, shift, ends, &edge_params);
        let mut grid_edge = svg::to_grid(&fitted, precision);
        // Sub-pixel evidence is what places a primitive; textured images have none.
        if options.primitives && edge.closed && !shift.is_empty() {
            let samples = primitive_fit::edge_samples(&points, shift);
            grid_edge.primitive = primitive_fit::fit(&samples, params.tolerance)
                .map(|p| primitive_svg::to_grid(&p, precision));
        }
        grid_edges.push(grid_edge);
    }
    let opaque: Vec<bool> = region_labels
        .iter()
        .map(|&l| l != TRANSPARENT && palette.rgba[l as usize][3] == 255)
        .collect();
    let drawn: Vec<bool> = region_labels.iter().map(|&l| l != TRANSPARENT).collect();
    // Only stacked fills: there a shape drawn as its primitive covers what its neighbours'
    // traced edges leave, and the seams hide the rest; cutouts and outlines must share every
    // boundary exactly, which a primitive fitted on one side of it does not.
    let stacked_fills =
        options.draw_style == options::DrawStyle::Fill && options.stacking != Stacking::Cutouts;
    // Each edge's sub-pixel points, read once for both kinds of cycle primitive.
    let edge_samples: Vec<Vec<geometry::Point>> = if options.primitives && stacked_fills {
        graph
            .edges
            .iter()
            .zip(&shifts)
            .map(|(edge, shift)| {
                if shift.is_empty() {
                    Vec::new()
                } else {
                    primitive_fit::edge_samples(&edge_points(edge), shift)
                }
            })
            .collect()
    } else {
        Vec::new()
    };
    let mut cycle_primitives = if edge_samples.is_empty() {
        Vec::new()
    } else {
        cycle_primitives::cycle_primitives(&graph, &edge_samples, params.tolerance, precision)
    };
    // A region whose outline is a primitive is drawn after its siblings, so that its exact
    // outline, not their traced side of the shared boundary, is what shows (the top tier); one
    // that such primitives hide in part may be drawn whole beneath them (a tier lower), and one
    // that those hide in part beneath them in turn.
    let mut primitive = vec![0u8; region_labels.len()];
    for (c, cycle) in graph.cycles.iter().enumerate() {
        if cycle.area2 > 0
            && svg::cycle_primitive(&graph, &grid_edges, &cycle_primitives, c as u32).is_some()
        {
            primitive[cycle.region as usize] = layers::WHOLE_PRIMITIVE;
        }
    }
    if !cycle_primitives.is_empty() {
        let mut lowest = layers::WHOLE_PRIMITIVE;
        while lowest > 1 {
            let hidden = cycle_primitives::HiddenPrimitives {
                graph: &graph,
                edges: &grid_edges,
                samples: &edge_samples,
                opaque: &opaque,
                tolerance: params.tolerance * cycle_primitives::CYCLE_TOLERANCE,
                precision,
            };
            let found = hidden.find(&cycle_primitives, &primitive, lowest);
            if found.is_empty() {
                break;
            }
            lowest -= 1;
            for (c, p) in found {
                cycle_primitives[c] = Some(p);
                primitive[graph.cycles[c].region as usize] = lowest;
            }
        }
    }
    let regions = styles::Regions {
        labels: &region_labels,
        areas: &region_areas,
        opaque: &opaque,
        drawn: &drawn,
        primitive: &primitive,
        palette: &palette.rgba,
    };
    let (plan, look) = styles::choose(&graph, options, &regions, params.smooth);
    let (defs, refs) = gradient_svg::defs(&gradient_fills, palette.rgba.len(), precision);
    let writer = svg::Writer::new(w, h, precision)
        .with_gradients(&defs, refs)
        .with_cycle_primitives(cycle_primitives);
    let (svg, paths, segments) = writer.write(&graph, &grid_edges, &plan, &palette.rgba, &look);
    observer.progress(Stage::Fit, 1.0);
    clock[4] = observer.now_ms();

    let stats = Stats {
        width,
        height,
        colors: palette.rgba.len(),
        paths,
        segments,
        bytes: svg.len(),
        stage_ms: stage_durations(&clock),
        peak_heap_bytes: memory::peak_bytes(),
        palette: palette
            .rgba
            .iter()
            .map(|c| (c[0] as u32) << 16 | (c[1] as u32) << 8 | c[2] as u32)
            .collect(),
        strokes_left_out: 0,
    };
    Ok(Output { svg, stats })
}

/// Milliseconds each of the four stages took, from the five clock readings around them.
pub(crate) fn stage_durations(clock: &[f64; 5]) -> [f64; 4] {
    [
        clock[1] - clock[0],
        clock[2] - clock[1],
        clock[3] - clock[2],
        clock[4] - clock[3],
    ]
}
