//! Finer bands for the gradient merge. A quantized region can hold much of a ramp (a flat
//! colour over a wide span of shades), and a gradient fitted to it, or to it and its
//! neighbours, explains the ramp only as well as the region's outline follows it. [`split`]
//! cuts each such region into bands across its main colour direction, on temporary labels, so
//! [`crate::gradient_merge`] joins bands that follow the ramp; [`unsplit`] then gives every
//! band that no gradient took back to its region, so the flat colours, their count and the
//! regions that stay flat are as before.

use crate::color::{lab_to_rgba, LinearTable};
use crate::error::Result;
use crate::gradient_fit::pixel_lab;
use crate::gradient_merge::GradientFill;
use crate::gradient_moments;
use crate::label::TRANSPARENT;
use crate::segment::{components, regions_without_speckles, Regions};

/// Oklab span of one band along a region's main colour direction.
const BAND_SPAN: f32 = 0.02;
/// Most bands one region is cut into.
const MOST_BANDS: usize = 8;
/// Smallest region (pixels) worth cutting.
const MIN_AREA: u32 = 1000;
/// The span cut into bands: this many standard deviations each side of the mean.
const REACH: f32 = 2.0;
/// A region is a ramp when one quadratic colour field leaves at most this share of its colour
/// spread (RMS); noise (JPEG ringing, texture) leaves nearly all of it.
const RAMP_SHARE: f32 = 0.8;

/// What [`split`] did: the temporary labels `first..first + parent.len()` and the region label
/// each came from.
#[derive(Default)]
pub struct Split {
    first: u16,
    parent: Vec<u16>,
}

/// A region's colour statistics: count, sums and the sums of products of the Oklab channels.
#[derive(Clone, Default)]
struct Moments {
    n: f64,
    sum: [f64; 3],
    products: [[f64; 3]; 3],
}

impl Moments {
    fn add(&mut self, c: [f32; 3]) {
        self.n += 1.0;
        for i in 0..3 {
            self.sum[i] += c[i] as f64;
            for j in 0..3 {
                self.products[i][j] += c[i] as f64 * c[j] as f64;
            }
        }
    }

    fn mean(&self) -> [f64; 3] {
        self.sum.map(|s| s / self.n)
    }

    /// The main direction of the colours (unit) and their standard deviation along it.
    fn main_axis(&self) -> ([f64; 3], f64) {
        let m = self.mean();
        let mut cov = [[0.0; 3]; 3];
        for i in 0..3 {
            for j in 0..3 {
                cov[i][j] = self.products[i][j] / self.n - m[i] * m[j];
            }
        }
        // Power iteration from the lightness axis (ramps are mostly shades).
        let mut v = [1.0, 0.0, 0.0];
        let mut variance = 0.0;
        for _ in 0..24 {
            let w: [f64; 3] =
                [0, 1, 2].map(|i| cov[i][0] * v[0] + cov[i][1] * v[1] + cov[i][2] * v[2]);
            let norm = (w[0] * w[0] + w[1] * w[1] + w[2] * w[2]).sqrt();
            if norm < 1e-12 {
                return (v, 0.0);
            }
            v = w.map(|x| x / norm);
            variance = norm;
        }
        (v, variance.sqrt())
    }
}

/// How one region is cut: its mean, main direction, where the first band starts, each band's
/// span along the direction and the first temporary label.
struct Cut {
    mean: [f64; 3],
    axis: [f64; 3],
    start: f64,
    span: f64,
    bands: usize,
    first: u16,
}

impl Cut {
    fn band(&self, c: [f32; 3]) -> usize {
        let q: f64 = (0..3)
            .map(|k| (c[k] as f64 - self.mean[k]) * self.axis[k])
            .sum();
        (((q - self.start) / self.span).max(0.0) as usize).min(self.bands - 1)
    }
}

/// Cuts every opaque ramp (a region of `MIN_AREA` interior pixels or more whose colour one
/// quadratic field explains in large part) that spans several bands into bands
/// (pixels by their colour along the region's main colour direction, speckles smaller than
/// `min_area` merged away); the bands' labels are appended to `palette`, coloured by their
/// place on the ramp.
pub fn split(
    regions: Regions,
    rgba: &[u8],
    width: usize,
    palette: &mut Vec<[u8; 4]>,
    table: &LinearTable,
    min_area: usize,
) -> Result<(Regions, Split)> {
    let count = regions.area.len();
    // The regions that may be ramps: opaque and large; `slot` numbers them.
    let mut slot = vec![u32::MAX; count];
    let mut candidates: Vec<u32> = Vec::new();
    for (r, (&l, &a)) in regions.label.iter().zip(&regions.area).enumerate() {
        if l != TRANSPARENT && palette[l as usize][3] == 255 && a >= MIN_AREA {
            slot[r] = candidates.len() as u32;
            candidates.push(r as u32);
        }
    }
    // Colour moments of each candidate's opaque pixels, and quadratic-field moments of its
    // interior ones (whose four neighbours are in it: anti-aliased rims are no part of a ramp).
    let mut moments = vec![Moments::default(); candidates.len()];
    let mut fields = vec![gradient_moments::Moments::default(); candidates.len()];
    let ids = &regions.ids;
    let height = ids.len() / width.max(1);
    let scale = width.max(height).max(1) as f64;
    for (i, (px, &r)) in rgba.chunks_exact(4).zip(ids).enumerate() {
        let s = slot[r as usize];
        if s == u32::MAX || px[3] != 255 {
            continue;
        }
        let c = pixel_lab(table, px);
        moments[s as usize].add(c);
        let (x, y) = (i % width, i / width);
        let inside = x > 0
            && x + 1 < width
            && y > 0
            && y + 1 < height
            && ids[i - 1] == r
            && ids[i + 1] == r
            && ids[i - width] == r
            && ids[i + width] == r;
        if inside {
            fields[s as usize].add(x as f64 / scale, y as f64 / scale, c);
        }
    }
    let first = palette.len() as u16;
    let mut parent = Vec::new();
    let mut cuts: Vec<Option<Cut>> = Vec::with_capacity(candidates.len());
    for ((&r, m), field) in candidates.iter().zip(&moments).zip(&fields) {
        let ramp =
            field.count() >= MIN_AREA as f64 && field.residual() <= RAMP_SHARE * field.spread();
        let cut = ramp.then(|| m.main_axis()).and_then(|(axis, sd)| {
            let reach = 2.0 * REACH as f64 * sd;
            let bands = ((reach / BAND_SPAN as f64).round() as usize).min(MOST_BANDS);
            let room = (TRANSPARENT as usize).saturating_sub(palette.len() + bands + 1);
            (bands >= 2 && room > count).then(|| Cut {
                mean: m.mean(),
                axis,
                start: -reach / 2.0,
                span: reach / bands as f64,
                bands,
                first: palette.len() as u16,
            })
        });
        if let Some(c) = &cut {
            for b in 0..c.bands {
                let q = c.start + (b as f64 + 0.5) * c.span;
                let lab = [0, 1, 2].map(|k| (c.mean[k] + c.axis[k] * q) as f32);
                palette.push(lab_to_rgba([lab[0], lab[1], lab[2], 1.0]));
                parent.push(regions.label[r as usize]);
            }
        }
        cuts.push(cut);
    }
    if parent.is_empty() {
        return Ok((regions, Split { first, parent }));
    }
    let mut labels: Vec<u16> = rgba
        .chunks_exact(4)
        .zip(&regions.ids)
        .map(|(px, &r)| {
            let cut = cuts.get(slot[r as usize] as usize).and_then(Option::as_ref);
            match cut {
                Some(c) => c.first + c.band(pixel_lab(table, px)) as u16,
                None => regions.label[r as usize],
            }
        })
        .collect();
    drop(regions);
    let lab = crate::quantize::Palette {
        rgba: palette.clone(),
    }
    .lab(table);
    let regions = regions_without_speckles(&mut labels, width, &lab, min_area)?;
    Ok((regions, Split { first, parent }))
}

/// Gives every band no gradient took back to the region it was cut from: the temporary labels
/// leave `palette` (the gradients' labels after them move down, in `fills` too) and
/// neighbouring pixels of one label become one region again.
pub fn unsplit(
    regions: Regions,
    width: usize,
    palette: &mut Vec<[u8; 4]>,
    fills: &mut [GradientFill],
    split: &Split,
) -> Result<Regions> {
    let (first, temporary) = (split.first, split.parent.len() as u16);
    if temporary == 0 {
        return Ok(regions);
    }
    let relabel = |l: u16| match l {
        TRANSPARENT => TRANSPARENT,
        l if l < first => l,
        l if l < first + temporary => split.parent[(l - first) as usize],
        l => l - temporary,
    };
    let labels: Vec<u16> = regions
        .ids
        .iter()
        .map(|&r| relabel(regions.label[r as usize]))
        .collect();
    drop(regions);
    palette.drain(first as usize..(first + temporary) as usize);
    for fill in fills.iter_mut() {
        fill.label = relabel(fill.label);
    }
    components(&labels, width)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A 64 × 24 ramp from dark to light grey in one region, beside a flat red block.
    fn ramp() -> (Vec<u8>, Regions, Vec<[u8; 4]>) {
        let (w, h) = (72, 24);
        let mut rgba = Vec::new();
        let mut labels = Vec::new();
        for _ in 0..h {
            for x in 0..w {
                if x < 64 {
                    let v = (40 + x * 3) as u8;
                    rgba.extend_from_slice(&[v, v, v, 255]);
                    labels.push(0);
                } else {
                    rgba.extend_from_slice(&[200, 0, 0, 255]);
                    labels.push(1);
                }
            }
        }
        let regions = components(&labels, w).unwrap();
        (rgba, regions, vec![[130, 130, 130, 255], [200, 0, 0, 255]])
    }

    #[test]
    fn a_ramp_is_cut_into_bands_across_it_and_a_flat_region_is_not() {
        let (rgba, regions, mut palette) = ramp();
        let table = LinearTable::new();
        let (bands, split) = split(regions, &rgba, 72, &mut palette, &table, 8).unwrap();
        assert!(split.parent.len() >= 4, "{}", split.parent.len());
        assert!(split.parent.iter().all(|&p| p == 0));
        assert_eq!(bands.area.len(), split.parent.len() + 1);
        // Bands run across the ramp: each column is one band, darker bands to the left.
        let row: Vec<u32> = bands.ids[..72].to_vec();
        assert!((0..24).all(|y| bands.ids[y * 72..y * 72 + 72] == row[..]));
        let shade = |x: usize| palette[bands.label[row[x] as usize] as usize][0];
        assert!(shade(0) < shade(32) && shade(32) < shade(63));
        assert_eq!(
            palette[bands.label[row[70] as usize] as usize],
            [200, 0, 0, 255]
        );
    }

    #[test]
    fn bands_no_gradient_took_go_back_to_their_region() {
        let (rgba, regions, mut palette) = ramp();
        let original = (
            regions.ids.clone(),
            regions.label.clone(),
            regions.area.clone(),
        );
        let table = LinearTable::new();
        let (bands, split) = split(regions, &rgba, 72, &mut palette, &table, 8).unwrap();
        let back = unsplit(bands, 72, &mut palette, &mut [], &split).unwrap();
        assert_eq!((back.ids, back.label, back.area), original);
        assert_eq!(palette, vec![[130, 130, 130, 255], [200, 0, 0, 255]]);
    }
}
