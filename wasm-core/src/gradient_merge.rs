//! Stage 2c — gradient regions: neighbouring bands of one smooth colour ramp become one region
//! filled with a fitted gradient.
//!
//! Two regions are joined when the pixels on either side of their shared boundary barely differ
//! (a band edge inside a ramp); a hard edge — a real jump between neighbouring pixels — never
//! joins. Each joined group, and each large region on its own, is then fitted with a gradient
//! ([`gradient_fit`]) on its pixels away from hard edges; it keeps the gradient only when the
//! gradient explains its pixels within the tolerance and far better than one flat colour, so
//! flat artwork stays flat. A group that fails stays as its separate flat bands.

use std::collections::HashMap;

use crate::color::{lab_to_rgba, Lab, LinearTable};
use crate::error::Result;
use crate::gradient_fit::{self, Gradient, Sample};
use crate::label::TRANSPARENT;
use crate::memory::try_filled;
use crate::segment::Regions;

/// A gradient-filled region's palette label (appended to the palette, with the mean colour).
#[derive(Clone, Debug, PartialEq)]
pub struct GradientFill {
    pub label: u16,
    pub gradient: Gradient,
}

/// Mean Oklab step across a boundary below which the two sides are one ramp.
const SOFT_STEP: f32 = 0.012;
/// Oklab step between neighbouring pixels above which a pixel lies on a hard edge.
const EDGE_STEP: f32 = 0.03;
/// Smallest region (pixels) worth a gradient.
const MIN_AREA: u32 = 48;
/// Largest stop error (Oklab) the stops are placed for, and the largest RMS error accepted.
const STOP_TOLERANCE: f32 = 0.006;
const ACCEPTED_RMS: f32 = 0.011;
/// Spread (RMS, Oklab) under which a region is flat.
const FLAT_SPREAD: f32 = 0.008;

fn find(parent: &mut [u32], mut x: u32) -> u32 {
    while parent[x as usize] != x {
        let next = parent[x as usize];
        parent[x as usize] = parent[next as usize];
        x = next;
    }
    x
}

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
    let n = regions.ids.len();
    let count = regions.area.len();
    let solid = |r: u32| {
        let label = regions.label[r as usize];
        label != TRANSPARENT && palette[label as usize][3] == 255
    };
    let mut lab = try_filled(n, [f32::NAN; 3])?;
    for (i, px) in rgba.chunks_exact(4).enumerate() {
        if px[3] == 255 && solid(regions.ids[i]) {
            let l: Lab = table.lab(px[0] as f32, px[1] as f32, px[2] as f32, 255.0);
            lab[i] = [l[0], l[1], l[2]];
        }
    }
    // Step across every boundary between two solid regions, and hard-edge pixels.
    let mut across: HashMap<(u32, u32), (f32, u32)> = HashMap::new();
    let mut edge = try_filled(n, false)?;
    let ids = &regions.ids;
    for i in 0..n {
        if lab[i][0].is_nan() {
            edge[i] = true;
            continue;
        }
        let x = i % width;
        for j in [i + 1, i + width] {
            if (j == i + 1 && x + 1 == width) || j >= n {
                continue;
            }
            if lab[j][0].is_nan() {
                edge[i] = true;
                continue;
            }
            let s = step(lab[i], lab[j]);
            if s > EDGE_STEP {
                edge[i] = true;
                edge[j] = true;
            }
            if ids[i] != ids[j] {
                let key = (ids[i].min(ids[j]), ids[i].max(ids[j]));
                let entry = across.entry(key).or_insert((0.0, 0));
                entry.0 += s;
                entry.1 += 1;
            }
        }
    }
    let mut parent: Vec<u32> = (0..count as u32).collect();
    let mut pairs: Vec<(u32, u32)> = across
        .iter()
        .filter(|(_, &(sum, k))| k >= 3 && sum / (k as f32) < SOFT_STEP)
        .map(|(&key, _)| key)
        .collect();
    pairs.sort_unstable();
    for (a, b) in pairs {
        let (ra, rb) = (find(&mut parent, a), find(&mut parent, b));
        if ra != rb {
            parent[ra.max(rb) as usize] = ra.min(rb);
        }
    }
    // Samples per group: pixels away from hard edges.
    let mut group_area = vec![0u32; count];
    let mut members = vec![0u32; count];
    for r in 0..count as u32 {
        let g = find(&mut parent, r) as usize;
        group_area[g] += regions.area[r as usize];
        members[g] += 1;
    }
    let mut slot = vec![u32::MAX; count];
    let mut samples: Vec<Vec<Sample>> = Vec::new();
    for r in 0..count {
        let g = find(&mut parent, r as u32) as usize;
        if g == r && group_area[g] >= MIN_AREA && solid(g as u32) {
            slot[g] = samples.len() as u32;
            samples.push(Vec::new());
        }
    }
    for i in 0..n {
        let g = find(&mut parent, ids[i]) as usize;
        if slot[g] != u32::MAX && !edge[i] {
            samples[slot[g] as usize].push(Sample {
                x: (i % width) as f32 + 0.5,
                y: (i / width) as f32 + 0.5,
                lab: lab[i],
            });
        }
    }
    drop(lab);
    let mut fills = Vec::new();
    let mut group_label = vec![u16::MAX; count];
    for g in 0..count {
        if slot[g] == u32::MAX {
            continue;
        }
        let pixels = &samples[slot[g] as usize];
        if (pixels.len() as u32) < MIN_AREA / 2 {
            continue;
        }
        let (flat, mean) = spread(pixels);
        if flat < FLAT_SPREAD {
            continue;
        }
        let fitted = match gradient_fit::fit(table, pixels, STOP_TOLERANCE) {
            Some(f) if f.rms < ACCEPTED_RMS && f.rms < 0.5 * flat => f,
            _ => continue,
        };
        if palette.len() >= TRANSPARENT as usize {
            break;
        }
        let label = palette.len() as u16;
        palette.push(lab_to_rgba([mean[0], mean[1], mean[2], 1.0]));
        group_label[g] = label;
        fills.push(GradientFill {
            label,
            gradient: fitted,
        });
    }
    if fills.is_empty() {
        return Ok((regions, fills));
    }
    // Renumber: a gradient group is one region; every other region stays itself.
    let mut owner: Vec<u32> = (0..count as u32).collect();
    for r in 0..count as u32 {
        let g = find(&mut parent, r);
        if group_label[g as usize] != u16::MAX {
            owner[r as usize] = g;
        }
    }
    let mut new_id = vec![u32::MAX; count];
    let mut label = Vec::new();
    let mut area = Vec::new();
    let mut out = regions.ids;
    for v in out.iter_mut() {
        let o = owner[*v as usize] as usize;
        if new_id[o] == u32::MAX {
            new_id[o] = label.len() as u32;
            label.push(if group_label[o] != u16::MAX {
                group_label[o]
            } else {
                regions.label[o]
            });
            area.push(0);
        }
        *v = new_id[o];
        area[*v as usize] += 1;
    }
    Ok((
        Regions {
            ids: out,
            label,
            area,
        },
        fills,
    ))
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
