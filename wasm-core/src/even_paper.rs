//! Evening out unevenly lit paper for black-and-white mode's automatic threshold. A photographed
//! page is darker on one side: one global threshold then turns the shadowed paper black. Each
//! luma is divided by the paper's brightness around it, estimated per tile (its brightest tenth:
//! on a page most of a tile is paper) and interpolated between tile centres, so paper comes out
//! near white everywhere and ink stays dark. Centerline mode finds its ink the same way.

use crate::classify::{classify, is_uneven_page};
use crate::color::luma;
use crate::error::Result;
use crate::memory::try_filled;

/// Side of the tiles the paper level is estimated on, in pixels.
const TILE: usize = 32;
/// Share of a tile's pixels that are darker than its paper level (the 90th percentile).
const PAPER_PERCENTILE: f32 = 0.9;

/// Each pixel's luma (pixels below `cutoff` alpha count as white paper).
pub fn luma_plane(rgba: &[u8], cutoff: u8) -> Result<Vec<u8>> {
    let mut plane = try_filled(rgba.len() / 4, 255u8)?;
    for (v, px) in plane.iter_mut().zip(rgba.chunks_exact(4)) {
        if px[3] >= cutoff {
            *v = luma(px[0], px[1], px[2]);
        }
    }
    Ok(plane)
}

/// The level below which `share` of the values lie.
fn percentile(values: &mut [u8], share: f32) -> u8 {
    let at = ((values.len() as f32 * share) as usize).min(values.len() - 1);
    *values.select_nth_unstable(at).1
}

/// The paper level of each tile (row-major, `tiles_x` × `tiles_y`), at least `floor`: a tile
/// with no paper in it (inside a large dark area) must not lift its dark pixels to white.
pub fn tile_paper_levels(
    plane: &[u8],
    width: usize,
    height: usize,
    floor: u8,
) -> (Vec<u8>, usize, usize) {
    let tiles_x = (width + TILE - 1) / TILE;
    let tiles_y = (height + TILE - 1) / TILE;
    let mut levels = Vec::with_capacity(tiles_x * tiles_y);
    let mut values = Vec::with_capacity(TILE * TILE);
    for ty in 0..tiles_y {
        for tx in 0..tiles_x {
            values.clear();
            for y in ty * TILE..((ty + 1) * TILE).min(height) {
                let row = &plane[y * width..(y + 1) * width];
                values.extend_from_slice(&row[tx * TILE..((tx + 1) * TILE).min(width)]);
            }
            levels.push(percentile(&mut values, PAPER_PERCENTILE).max(floor).max(1));
        }
    }
    (levels, tiles_x, tiles_y)
}

/// Interpolation weights of the two tile centres around pixel `i` along one axis.
fn between_centres(i: usize, tiles: usize) -> (usize, usize, f32) {
    let at = ((i as f32 + 0.5) / TILE as f32 - 0.5).clamp(0.0, (tiles - 1) as f32);
    let low = at.floor() as usize;
    (low, (low + 1).min(tiles - 1), at - low as f32)
}

/// The automatic threshold of a luma plane: `threshold_of(plane)`, or, on a page whose paper
/// is unevenly lit, the threshold of the plane divided by its paper (in place; see
/// `divide_by_paper`, floored at half the global threshold). `uneven_page` is what the caller
/// already knows of the page; when `None` the image is classified.
pub fn automatic_threshold(
    plane: &mut [u8],
    rgba: &[u8],
    width: usize,
    height: usize,
    uneven_page: Option<bool>,
    threshold_of: impl Fn(&[u8]) -> u8,
) -> u8 {
    let global = threshold_of(plane);
    if !uneven_page.unwrap_or_else(|| is_uneven_page(&classify(rgba, width, height))) {
        return global;
    }
    divide_by_paper(plane, width, height, global / 2);
    threshold_of(plane)
}

/// `plane` with each luma divided by the interpolated paper level (255 = paper), in place.
pub fn divide_by_paper(plane: &mut [u8], width: usize, height: usize, floor: u8) {
    let (levels, tiles_x, tiles_y) = tile_paper_levels(plane, width, height, floor);
    let level = |tx: usize, ty: usize| levels[ty * tiles_x + tx] as f32;
    let columns: Vec<(usize, usize, f32)> =
        (0..width).map(|x| between_centres(x, tiles_x)).collect();
    for y in 0..height {
        let (y0, y1, fy) = between_centres(y, tiles_y);
        for (x, &(x0, x1, fx)) in columns.iter().enumerate() {
            let top = level(x0, y0) * (1.0 - fx) + level(x1, y0) * fx;
            let bottom = level(x0, y1) * (1.0 - fx) + level(x1, y1) * fx;
            let paper = top * (1.0 - fy) + bottom * fy;
            let v = &mut plane[y * width + x];
            *v = (*v as f32 * 255.0 / paper).min(255.0) as u8;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A page lit from the right: paper from 90 (left) to 240 (right), with dark ink strokes
    /// (a third of the paper's level) every 16 columns.
    fn shadowed_page(width: usize, height: usize) -> Vec<u8> {
        let mut plane = vec![0u8; width * height];
        for y in 0..height {
            for x in 0..width {
                let paper = 90.0 + 150.0 * x as f32 / (width - 1) as f32;
                let ink = x % 16 < 2 && y % 8 != 0;
                plane[y * width + x] = if ink { paper / 3.0 } else { paper } as u8;
            }
        }
        plane
    }

    #[test]
    fn shadowed_paper_comes_out_near_white_and_ink_stays_dark() {
        let (width, height) = (256, 96);
        let mut plane = shadowed_page(width, height);
        divide_by_paper(&mut plane, width, height, 40);
        for y in 0..height {
            for x in 0..width {
                let v = plane[y * width + x];
                if x % 16 < 2 && y % 8 != 0 {
                    assert!(v < 100, "ink at {x},{y}: {v}");
                } else {
                    assert!(v > 200, "paper at {x},{y}: {v}");
                }
            }
        }
    }

    #[test]
    fn a_large_black_area_stays_black() {
        // White paper with a black square larger than a tile: its tiles hold no paper.
        let (width, height) = (160, 160);
        let mut plane: Vec<u8> = (0..width * height)
            .map(|i| {
                let (x, y) = (i % width, i / width);
                if (32..128).contains(&x) && (32..128).contains(&y) {
                    12
                } else {
                    250
                }
            })
            .collect();
        divide_by_paper(&mut plane, width, height, 100);
        for y in 32..128 {
            for x in 32..128 {
                assert!(
                    plane[y * width + x] < 40,
                    "{x},{y}: {}",
                    plane[y * width + x]
                );
            }
        }
    }

    #[test]
    fn tile_levels_are_the_brightest_tenth_and_at_least_the_floor() {
        // The left tile: a fifth of its columns at 200, the rest 0; the right one all 5.
        let (width, height) = (64, 32);
        let plane: Vec<u8> = (0..width * height)
            .map(|i| match i % width {
                x if x < 32 && x % 5 == 0 => 200,
                x if x < 32 => 0,
                _ => 5,
            })
            .collect();
        let (levels, tiles_x, tiles_y) = tile_paper_levels(&plane, width, height, 30);
        assert_eq!((tiles_x, tiles_y), (2, 1));
        assert_eq!(levels, vec![200, 30]);
    }

    #[test]
    fn transparent_pixels_read_as_paper() {
        let rgba = [0, 0, 0, 255, 0, 0, 0, 0, 255, 255, 255, 255];
        assert_eq!(luma_plane(&rgba, 128).unwrap(), vec![0, 255, 255]);
    }
}
