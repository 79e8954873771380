//! Stage 2c — gradient regions: neighbouring bands of one smooth colour ramp become one region
//! filled with a fitted gradient.
//!
//! Two regions may join when the pixels on either side of their shared boundary barely differ
//! and the step across the boundary is no larger than the steps inside the regions (a band
//! edge inside a ramp, not the edge between two flat colours); a hard edge never joins. They
//! do join when one quadratic colour field explains both together ([`gradient_moments`]),
//! softest boundaries first. Each joined group is then fitted with a gradient
//! ([`gradient_fit`]) on its pixels away from hard edges; it keeps the gradient only when the
//! gradient explains its pixels within the tolerance and far better than one flat colour, so
//! flat artwork stays flat. The regions of a group that fails are grouped again under a
//! tighter field tolerance, and what fails then stays as separate flat bands.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

use crate::color::{lab_to_rgba, LinearTable};
use crate::error::Result;
use crate::gradient_fit::{self, Gradient, Sample};
use crate::gradient_moments::Moments;
use crate::label::TRANSPARENT;
use crate::memory::try_filled;
use crate::segment::{find, union, Regions};

/// A gradient-filled region's palette label (appended to the palette, with the mean colour).
#[derive(Clone, Debug, PartialEq)]
pub struct GradientFill {
    pub label: u16,
    pub gradient: Gradient,
}

/// Mean Oklab step across a boundary below which the two sides may be one ramp.
const SOFT_STEP: f32 = 0.012;
/// How much larger than the steps inside the two regions the step across may be (plus noise).
const STEP_RATIO: f32 = 2.0;
const STEP_NOISE: f32 = 0.003;
/// Oklab step between neighbouring pixels above which a pixel lies on a hard edge.
const EDGE_STEP: f32 = 0.03;
/// Smallest region (pixels) worth a gradient.
const MIN_AREA: u32 = 48;
/// Largest stop error (Oklab) the stops are placed for, and the largest RMS error accepted.
const STOP_TOLERANCE: f32 = 0.006;
const ACCEPTED_RMS: f32 = 0.014;
/// Spread (RMS, Oklab) under which a region is flat.
const FLAT_SPREAD: f32 = 0.008;
/// Largest RMS distance from one quadratic field for regions to join, per round: the regions
/// of groups whose gradient fails are grouped again under the next, tighter tolerance.
const FIELD_TOLERANCES: [f32; 3] = [0.009, 0.0055, 0.0035];
/// Largest RMS distance from one quadratic field for a group to be worth a gradient fit (a
/// radial cone or a sharp profile fits a quadratic worse than a gradient does).
const FIELD_LIMIT: f32 = 2.0 * ACCEPTED_RMS;
/// Samples a group's gradient is fitted on, at most (evenly taken).
const FIT_SAMPLES: usize = 6000;
/// Neighbouring gradient groups join when one gradient explains both with an RMS error at
/// most this many times the larger of theirs.
const JOIN_SLACK: f32 = 1.25;

/// A multiplicative hash for the region pairs (the default hasher costs more than the merge).
#[derive(Default)]
struct PairHasher(u64);

impl Hasher for PairHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.write_u64(b as u64);
        }
    }
    fn write_u64(&mut self, v: u64) {
        self.0 = (self.0.rotate_left(5) ^ v).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

type PairMap<V> = HashMap<u64, V, BuildHasherDefault<PairHasher>>;

fn step(a: [f32; 3], b: [f32; 3]) -> f32 {
    ((a[0] - b[0]).powi(2) + (a[1] - b[1]).powi(2) + (a[2] - b[2]).powi(2)).sqrt()
}

/// Root-mean-square distance of the samples from their mean, and the mean.
fn spread(samples: &[Sample]) -> (f32, [f32; 3]) {
    let n = samples.len().max(1) as f64;
    let mut mean = [0.0f64; 3];
    for s in samples {
        for k in 0..3 {
            mean[k] += s.lab[k] as f64 / n;
        }
    }
    let m = mean.map(|v| v as f32);
    let sse: f64 = samples
        .iter()
        .map(|s| (step(s.lab, m) as f64).powi(2))
        .sum();
    ((sse / n).sqrt() as f32, m)
}

/// Whether a boundary is a band edge inside a ramp: its mean step is soft and no larger than
/// the regions' own colour gradients (a flat colour next to another is a step).
fn ramp_boundary(across: f32, inside_a: f32, inside_b: f32) -> bool {
    across < SOFT_STEP && across <= STEP_RATIO * inside_a.max(inside_b) + STEP_NOISE
}

/// The straight Oklab colour of a pixel, when it is opaque and its region solid.
fn pixel_colour(px: &[u8], solid: bool, table: &LinearTable) -> Option<[f32; 3]> {
    (px[3] == 255 && solid).then(|| gradient_fit::pixel_lab(table, px))
}

/// Whether a region is drawn in an opaque flat colour (the only regions a gradient may take).
fn solid_regions(regions: &Regions, palette: &[[u8; 4]]) -> Vec<bool> {
    regions
        .label
        .iter()
        .map(|&l| l != TRANSPARENT && palette[l as usize][3] == 255)
        .collect()
}

/// What one pass over neighbouring pixels tells: hard-edge pixels (those with a neighbour
/// more than `EDGE_STEP` away or not solid), each region's mean colour gradient size (from
/// the steps to its own neighbours right and down), the summed step and count across each boundary, and each region's
/// colour moments over its pixels away from hard edges.
struct Scan {
    edge: Vec<bool>,
    inside: Vec<f32>,
    across: PairMap<(f32, u32)>,
    moments: Vec<Moments>,
}

/// The colours of one row (`None`: not opaque or not solid); runs of one colour are
/// converted once.
fn row_colours(
    row: &[u8],
    ids: &[u32],
    solid: &[bool],
    table: &LinearTable,
    out: &mut [Option<[f32; 3]>],
) {
    let mut last: Option<(&[u8], bool)> = None;
    let mut colour = None;
    for ((px, &id), slot) in row.chunks_exact(4).zip(ids).zip(out.iter_mut()) {
        let s = solid[id as usize];
        if last != Some((px, s)) {
            colour = pixel_colour(px, s, table);
            last = Some((px, s));
        }
        *slot = colour;
    }
}

/// Step between two pixels; infinite when either has no colour.
fn pair_step(a: Option<[f32; 3]>, b: Option<[f32; 3]>) -> f32 {
    match (a, b) {
        (Some(a), Some(b)) => step(a, b),
        _ => f32::INFINITY,
    }
}

fn scan(
    regions: &Regions,
    rgba: &[u8],
    width: usize,
    solid: &[bool],
    table: &LinearTable,
    scale: f64,
) -> Result<Scan> {
    let ids = &regions.ids;
    let count = regions.area.len();
    let height = ids.len() / width;
    let mut edge = try_filled(ids.len(), true)?;
    let mut inside = vec![(0.0f32, 0u32); count];
    let mut across: PairMap<(f32, u32)> = PairMap::default();
    let mut moments = vec![Moments::default(); count];
    let mut cur = vec![None; width];
    let mut below = vec![None; width];
    let mut up = vec![0.0f32; width];
    let mut down = vec![0.0f32; width];
    let mut right = vec![0.0f32; width];
    let row_of = |y: usize, out: &mut [Option<[f32; 3]>]| {
        let ids = &ids[y * width..(y + 1) * width];
        row_colours(
            &rgba[y * width * 4..(y + 1) * width * 4],
            ids,
            solid,
            table,
            out,
        );
    };
    row_of(0, &mut cur);
    for y in 0..height {
        let row = y * width;
        if y + 1 < height {
            row_of(y + 1, &mut below);
        }
        for x in 0..width {
            down[x] = if y + 1 < height {
                pair_step(cur[x], below[x])
            } else {
                0.0
            };
            right[x] = if x + 1 < width {
                pair_step(cur[x], cur[x + 1])
            } else {
                0.0
            };
        }
        for x in 0..width {
            let i = row + x;
            let colour = match cur[x] {
                Some(c) => c,
                None => continue,
            };
            let left = if x > 0 { right[x - 1] } else { 0.0 };
            let hard = up[x].max(down[x]).max(right[x]).max(left) > EDGE_STEP;
            edge[i] = hard;
            let id = ids[i];
            if !hard {
                moments[id as usize].add(x as f64 / scale, y as f64 / scale, colour);
            }
            // The colour gradient's size inside the region, from the steps to the right and
            // down that stay inside it.
            let mut within = [0.0f32; 2];
            let pairs = [
                (x + 1 < width, i + 1, right[x]),
                (y + 1 < height, i + width, down[x]),
            ];
            for (k, (exists, j, s)) in pairs.into_iter().enumerate() {
                if !exists || !s.is_finite() {
                    continue;
                }
                let other = ids[j];
                if other == id {
                    within[k] = if s <= EDGE_STEP { s } else { f32::NAN };
                } else {
                    let key = (id.min(other) as u64) << 32 | id.max(other) as u64;
                    let entry = across.entry(key).or_insert((0.0, 0));
                    entry.0 += s;
                    entry.1 += 1;
                }
            }
            if !within[0].is_nan() && !within[1].is_nan() {
                let entry = &mut inside[id as usize];
                entry.0 += within[0].hypot(within[1]);
                entry.1 += 1;
            }
        }
        std::mem::swap(&mut up, &mut down);
        std::mem::swap(&mut cur, &mut below);
    }
    let inside = inside
        .iter()
        .map(|&(sum, k)| if k > 0 { sum / k as f32 } else { 0.0 })
        .collect();
    Ok(Scan {
        edge,
        inside,
        across,
        moments,
    })
}

/// Joins the pairs (softest first) of `pairs` whose two groups one quadratic field explains
/// within `tolerance`; `parent` holds the groups, `moments` each root's moments.
fn join(parent: &mut [u32], moments: &mut [Moments], pairs: &[(u32, u32)], tolerance: f32) {
    for &(a, b) in pairs {
        let (ra, rb) = (find(parent, a), find(parent, b));
        if ra == rb {
            continue;
        }
        let joined = moments[ra as usize].plus(&moments[rb as usize]);
        if joined.residual() < tolerance {
            union(parent, ra, rb);
            moments[ra.min(rb) as usize] = joined;
        }
    }
}

/// The samples of each candidate group (`slot[root]` is its index; about `FIT_SAMPLES` at
/// most, evenly taken in raster order): pixels away from hard edges, colours read again.
#[allow(clippy::too_many_arguments)]
fn group_samples(
    ids: &[u32],
    edge: &[bool],
    parent: &mut [u32],
    slot: &[u32],
    every: &[usize],
    rgba: &[u8],
    width: usize,
    table: &LinearTable,
) -> Vec<Vec<Sample>> {
    let mut samples: Vec<Vec<Sample>> = every.iter().map(|_| Vec::new()).collect();
    let mut seen = vec![0usize; every.len()];
    for (i, &id) in ids.iter().enumerate() {
        if edge[i] {
            continue;
        }
        let s = slot[find(parent, id) as usize];
        if s == u32::MAX {
            continue;
        }
        let s = s as usize;
        seen[s] += 1;
        if seen[s] % every[s] != 0 {
            continue;
        }
        if let Some(lab) = pixel_colour(&rgba[i * 4..i * 4 + 4], true, table) {
            samples[s].push(Sample {
                x: (i % width) as f32 + 0.5,
                y: (i / width) as f32 + 0.5,
                lab,
            });
        }
    }
    samples
}

/// A gradient for the samples if one explains them within the tolerance and far better than
/// their mean colour; with the mean.
fn accepted_gradient(table: &LinearTable, samples: &[Sample]) -> Option<(Gradient, [f32; 3])> {
    if (samples.len() as u32) < MIN_AREA / 2 {
        return None;
    }
    let (flat, mean) = spread(samples);
    if flat < FLAT_SPREAD {
        return None;
    }
    match gradient_fit::fit(table, samples, STOP_TOLERANCE) {
        Some(f) if f.rms < ACCEPTED_RMS && f.rms < 0.5 * flat => Some((f, mean)),
        _ => None,
    }
}

/// Joins the bands of smooth ramps and gives each joined group a gradient; returns the new
/// regions (numbered in raster order of first appearance) and the gradients, whose labels
/// follow the existing palette (`palette` grows by one mean colour per gradient).
pub fn merge(
    regions: Regions,
    rgba: &[u8],
    width: usize,
    palette: &mut Vec<[u8; 4]>,
    table: &LinearTable,
) -> Result<(Regions, Vec<GradientFill>)> {
    let count = regions.area.len();
    let height = regions.ids.len() / width.max(1);
    let scale = width.max(height).max(1) as f64;
    let solid = solid_regions(&regions, palette);
    let Scan {
        edge,
        inside,
        across,
        moments: own,
    } = scan(&regions, rgba, width, &solid, table, scale)?;
    let mut soft: Vec<(f32, u32, u32)> = across
        .iter()
        .filter_map(|(&key, &(sum, k))| {
            let (a, b) = ((key >> 32) as u32, key as u32);
            let mean = sum / k as f32;
            let ramp = ramp_boundary(mean, inside[a as usize], inside[b as usize]);
            (k >= 3 && ramp).then_some((mean, a, b))
        })
        .collect();
    drop(across);
    soft.sort_unstable_by(|p, q| p.0.total_cmp(&q.0).then((p.1, p.2).cmp(&(q.1, q.2))));
    let mut pairs: Vec<(u32, u32)> = soft.iter().map(|&(_, a, b)| (a, b)).collect();

    let mut moments = own.clone();
    let mut parent: Vec<u32> = (0..count as u32).collect();
    let mut group_label = vec![u16::MAX; count];
    let mut fills = Vec::new();
    let mut tried = vec![false; count];
    for &tolerance in &FIELD_TOLERANCES {
        join(&mut parent, &mut moments, &pairs, tolerance);
        let mut members: Vec<(u32, u32)> = (0..count as u32)
            .filter(|&r| group_label[r as usize] == u16::MAX)
            .map(|r| (find(&mut parent, r), r))
            .collect();
        members.sort_unstable();
        // Groups worth a fit: large, solid, varied, explained by a quadratic field, and not a
        // region alone that an earlier round already tried.
        let mut slot = vec![u32::MAX; count];
        let mut failed = vec![false; count];
        let mut candidates: Vec<(u32, Vec<u32>)> = Vec::new();
        let mut at = 0;
        while at < members.len() {
            let root = members[at].0;
            let end = at + members[at..].partition_point(|m| m.0 == root);
            let regions_of: Vec<u32> = members[at..end].iter().map(|&(_, r)| r).collect();
            at = end;
            let m = &moments[root as usize];
            let area: u32 = regions_of.iter().map(|&r| regions.area[r as usize]).sum();
            let single = regions_of.len() == 1;
            let worth = area >= MIN_AREA
                && solid[root as usize]
                && !(single && tried[root as usize])
                && m.spread() >= FLAT_SPREAD
                && m.residual() < FIELD_LIMIT;
            if single {
                tried[root as usize] = true;
            }
            if worth {
                slot[root as usize] = candidates.len() as u32;
                candidates.push((root, regions_of));
            } else if !single {
                regions_of.iter().for_each(|&r| failed[r as usize] = true);
            }
        }
        let every: Vec<usize> = candidates
            .iter()
            .map(|(root, _)| (moments[*root as usize].count() as usize / FIT_SAMPLES).max(1))
            .collect();
        let samples = if candidates.is_empty() {
            Vec::new()
        } else {
            group_samples(
                &regions.ids,
                &edge,
                &mut parent,
                &slot,
                &every,
                rgba,
                width,
                table,
            )
        };
        for ((_, regions_of), samples) in candidates.iter().zip(&samples) {
            match accepted_gradient(table, samples) {
                Some((gradient, mean)) if palette.len() < TRANSPARENT as usize => {
                    let label = palette.len() as u16;
                    palette.push(lab_to_rgba([mean[0], mean[1], mean[2], 1.0]));
                    for &r in regions_of {
                        group_label[r as usize] = label;
                    }
                    fills.push(GradientFill { label, gradient });
                }
                _ if regions_of.len() > 1 => {
                    regions_of.iter().for_each(|&r| failed[r as usize] = true)
                }
                _ => {}
            }
        }
        // The regions of failed groups start again on their own.
        for r in 0..count {
            if failed[r] {
                parent[r] = r as u32;
                moments[r] = own[r].clone();
            }
        }
        pairs.retain(|&(a, b)| failed[a as usize] && failed[b as usize]);
        if pairs.is_empty() {
            break;
        }
    }
    if fills.is_empty() {
        return Ok((regions, fills));
    }
    let fills = join_neighbours(
        fills,
        &mut group_label,
        palette,
        &soft,
        &mut parent,
        &edge,
        &regions,
        rgba,
        width,
        table,
    );
    Ok((renumber(regions, &group_label), fills))
}

/// Joins neighbouring gradient groups, and flat regions beside them, across soft boundaries
/// (softest first, two passes) when one gradient explains them together about as well as the
/// groups are explained by their own: a radial cone, which no quadratic field follows, is
/// otherwise left in rings, its tip in flat bands. Returns the fills, one per group, labelled
/// in order from the first gradient label (`group_label` and `palette` follow).
#[allow(clippy::too_many_arguments)]
fn join_neighbours(
    fills: Vec<GradientFill>,
    group_label: &mut [u16],
    palette: &mut Vec<[u8; 4]>,
    soft: &[(f32, u32, u32)],
    parent: &mut [u32],
    edge: &[bool],
    regions: &Regions,
    rgba: &[u8],
    width: usize,
    table: &LinearTable,
) -> Vec<GradientFill> {
    let first = fills[0].label;
    let count = regions.area.len();
    // Units: the gradient groups (by their root), then the flat regions beside them.
    let mut slot = vec![u32::MAX; count];
    let mut area = vec![0usize; fills.len()];
    for r in 0..count {
        if group_label[r] != u16::MAX {
            let f = (group_label[r] - first) as usize;
            slot[find(parent, r as u32) as usize] = f as u32;
            area[f] += regions.area[r] as usize;
        }
    }
    let mut flat_regions = Vec::new();
    for &(_, a, b) in soft {
        for (x, y) in [(a, b), (b, a)] {
            let (x, y) = (x as usize, y as usize);
            if group_label[x] == u16::MAX && group_label[y] != u16::MAX && slot[x] == u32::MAX {
                slot[x] = area.len() as u32;
                area.push(regions.area[x] as usize);
                flat_regions.push(x);
            }
        }
    }
    let every: Vec<usize> = area.iter().map(|&a| (a / FIT_SAMPLES).max(1)).collect();
    let mut samples = group_samples(
        &regions.ids,
        edge,
        parent,
        &slot,
        &every,
        rgba,
        width,
        table,
    );
    let mut seen = HashSet::new();
    let mut candidates = Vec::new();
    for &(_, a, b) in soft {
        let ua = slot[find(parent, a) as usize];
        let ub = slot[find(parent, b) as usize];
        if ua != u32::MAX && ub != u32::MAX && ua != ub && seen.insert((ua.min(ub), ua.max(ub))) {
            candidates.push((ua, ub));
        }
    }
    let mut gradients: Vec<Option<(Gradient, [u8; 4])>> = fills
        .into_iter()
        .map(|f| Some((f.gradient, palette[f.label as usize])))
        .collect();
    gradients.resize(area.len(), None);
    let mut owner: Vec<u32> = (0..area.len() as u32).collect();
    for _pass in 0..2 {
        for &(a, b) in &candidates {
            let (ra, rb) = (find(&mut owner, a) as usize, find(&mut owner, b) as usize);
            if ra == rb {
                continue;
            }
            let rms = |u: usize| gradients[u].as_ref().map(|g| g.0.rms);
            let worst = match (rms(ra), rms(rb)) {
                (Some(x), Some(y)) => x.max(y),
                (Some(x), None) | (None, Some(x)) => x,
                (None, None) => continue,
            };
            // Gradient groups come first, so the unit kept is one.
            let (keep, gone) = (ra.min(rb), ra.max(rb));
            let together: Vec<Sample> = samples[keep]
                .iter()
                .chain(&samples[gone])
                .copied()
                .collect();
            let step = together.len() / FIT_SAMPLES + 1;
            let together: Vec<Sample> = together.into_iter().step_by(step).collect();
            if let Some((g, mean)) = accepted_gradient(table, &together) {
                if g.rms <= JOIN_SLACK * worst {
                    gradients[keep] = Some((g, lab_to_rgba([mean[0], mean[1], mean[2], 1.0])));
                    gradients[gone] = None;
                    samples[keep] = together;
                    samples[gone] = Vec::new();
                    owner[gone] = keep as u32;
                }
            }
        }
    }
    // The groups left, labelled in order.
    let mut new_label = vec![u16::MAX; gradients.len()];
    palette.truncate(first as usize);
    let mut out = Vec::new();
    for (i, g) in gradients.into_iter().enumerate() {
        if let Some((gradient, mean)) = g {
            new_label[i] = palette.len() as u16;
            palette.push(mean);
            out.push(GradientFill {
                label: new_label[i],
                gradient,
            });
        }
    }
    for l in group_label.iter_mut().filter(|l| **l != u16::MAX) {
        let root = find(&mut owner, (*l - first) as u32) as usize;
        *l = new_label[root];
    }
    for &r in &flat_regions {
        let root = find(&mut owner, slot[r]) as usize;
        group_label[r] = new_label[root];
    }
    out
}

/// The regions once every gradient group is one region (labelled with its gradient); the
/// others stay themselves. Numbered in raster order of first appearance.
fn renumber(regions: Regions, group_label: &[u16]) -> Regions {
    let count = regions.area.len();
    // One owner region per gradient label: the group's first region in raster order.
    let mut owner_of_label: HashMap<u16, u32> = HashMap::new();
    let mut new_id = vec![u32::MAX; count];
    let mut label = Vec::new();
    let mut area = Vec::new();
    let mut out = regions.ids;
    for v in out.iter_mut() {
        let r = *v as usize;
        if new_id[r] == u32::MAX {
            let g = group_label[r];
            let shared = if g != u16::MAX {
                owner_of_label.get(&g).map(|&o| new_id[o as usize])
            } else {
                None
            };
            new_id[r] = match shared {
                Some(id) => id,
                None => {
                    if g != u16::MAX {
                        owner_of_label.insert(g, r as u32);
                    }
                    label.push(if g != u16::MAX { g } else { regions.label[r] });
                    area.push(0);
                    label.len() as u32 - 1
                }
            };
        }
        *v = new_id[r];
        area[*v as usize] += 1;
    }
    Regions {
        ids: out,
        label,
        area,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::components;

    /// A horizontal ramp cut into four flat bands (as the palette would), beside a hard-edged
    /// flat block.
    fn banded(width: usize, height: usize) -> (Vec<u8>, Vec<u16>, Vec<[u8; 4]>) {
        let mut rgba = Vec::new();
        let mut labels = Vec::new();
        for _ in 0..height {
            for x in 0..width {
                if x >= width - 8 {
                    rgba.extend_from_slice(&[200, 20, 20, 255]);
                    labels.push(4);
                } else {
                    let v = (40 + x * 160 / (width - 8)) as u8;
                    rgba.extend_from_slice(&[v, v, 255, 255]);
                    labels.push((x * 4 / (width - 8)) as u16);
                }
            }
        }
        let palette = vec![
            [60, 60, 255, 255],
            [100, 100, 255, 255],
            [140, 140, 255, 255],
            [180, 180, 255, 255],
            [200, 20, 20, 255],
        ];
        (rgba, labels, palette)
    }

    #[test]
    fn bands_of_one_ramp_become_one_gradient_region_and_a_hard_edge_stays() {
        let (rgba, labels, mut palette) = banded(88, 16);
        let regions = components(&labels, 88).unwrap();
        assert_eq!(regions.area.len(), 5);
        let (merged, fills) = merge(regions, &rgba, 88, &mut palette, &LinearTable::new()).unwrap();
        assert_eq!(fills.len(), 1);
        assert_eq!(merged.area, vec![80 * 16, 8 * 16]);
        assert_eq!(merged.label, vec![5, 4]);
        assert_eq!(palette.len(), 6);
    }

    #[test]
    fn a_step_between_flat_colours_is_no_ramp_boundary_but_a_band_edge_is() {
        // Two flat colours 0.01 apart: no steps inside, one step across.
        assert!(!ramp_boundary(0.01, 0.0, 0.0));
        // A band edge in a ramp: the step across is the ramp's own step.
        assert!(ramp_boundary(0.008, 0.007, 0.0075));
        // A hard edge never joins, however steep the ramps beside it.
        assert!(!ramp_boundary(0.02, 0.02, 0.02));
    }

    #[test]
    fn flat_regions_get_no_gradient() {
        let mut rgba = Vec::new();
        let mut labels = Vec::new();
        for y in 0..20 {
            for x in 0..20 {
                let inside = (4..16).contains(&x) && (4..16).contains(&y);
                rgba.extend_from_slice(if inside {
                    &[0, 0, 0, 255]
                } else {
                    &[250, 250, 250, 255]
                });
                labels.push(inside as u16);
            }
        }
        let mut palette = vec![[250, 250, 250, 255], [0, 0, 0, 255]];
        let regions = components(&labels, 20).unwrap();
        let (merged, fills) = merge(regions, &rgba, 20, &mut palette, &LinearTable::new()).unwrap();
        assert!(fills.is_empty());
        assert_eq!(merged.area.len(), 2);
        assert_eq!(palette.len(), 2);
    }
}
