//! Stage 2b — segmentation: connected regions of one palette colour (4-connected), and speckles
//! smaller than `min_area` dissolved pixel by pixel into the neighbour closest in colour.

use std::collections::VecDeque;

use crate::color::{distance2, Lab, LinearTable};
use crate::error::Result;
use crate::memory::try_filled;
use crate::quantize::TRANSPARENT;

pub struct Regions {
    /// Region id per pixel, numbered in raster order of first appearance.
    pub ids: Vec<u32>,
    /// Palette label per region (`TRANSPARENT` for empty regions).
    pub label: Vec<u16>,
    /// Pixel count per region.
    pub area: Vec<u32>,
}

fn find(parent: &mut [u32], mut x: u32) -> u32 {
    while parent[x as usize] != x {
        let next = parent[x as usize];
        parent[x as usize] = parent[next as usize];
        x = next;
    }
    x
}

fn union(parent: &mut [u32], a: u32, b: u32) {
    let (ra, rb) = (find(parent, a), find(parent, b));
    if ra != rb {
        let (low, high) = if ra < rb { (ra, rb) } else { (rb, ra) };
        parent[high as usize] = low;
    }
}

/// 4-connected components of equal labels, found run by run: each horizontal run of one label
/// gets a provisional id, joined with the runs of the same label that touch it from above.
pub fn components(labels: &[u16], width: usize) -> Result<Regions> {
    let mut ids = try_filled(labels.len(), 0u32)?;
    let mut parent: Vec<u32> = Vec::new();
    for row in (0..labels.len()).step_by(width) {
        let mut x = 0;
        while x < width {
            let label = labels[row + x];
            let mut end = x + 1;
            while end < width && labels[row + end] == label {
                end += 1;
            }
            let id = parent.len() as u32;
            parent.push(id);
            if row > 0 {
                let above = row - width;
                let mut last = u32::MAX;
                for px in x..end {
                    if labels[above + px] == label && ids[above + px] != last {
                        last = ids[above + px];
                        union(&mut parent, id, last);
                    }
                }
            }
            for v in &mut ids[row + x..row + end] {
                *v = id;
            }
            x = end;
        }
    }
    let mut final_id = vec![u32::MAX; parent.len()];
    let mut label = Vec::new();
    let mut area = Vec::new();
    let mut previous = (u32::MAX, 0u32);
    for i in 0..labels.len() {
        let provisional = ids[i];
        if provisional != previous.0 {
            let root = find(&mut parent, provisional) as usize;
            if final_id[root] == u32::MAX {
                final_id[root] = label.len() as u32;
                label.push(labels[i]);
                area.push(0);
            }
            previous = (provisional, final_id[root]);
        }
        ids[i] = previous.1;
        area[previous.1 as usize] += 1;
    }
    Ok(Regions { ids, label, area })
}

/// Colour of a pixel, or of a palette entry, with empty as all zeros.
fn pixel_lab(table: &LinearTable, px: &[u8], visible: bool) -> Lab {
    if visible {
        table.lab(px[0] as f32, px[1] as f32, px[2] as f32, px[3] as f32)
    } else {
        [0.0; 4]
    }
}

/// The regions once every region smaller than `min_area` is dissolved: each of its pixels takes
/// the label of the adjacent (already settled) pixel whose palette colour is closest to its own
/// colour, growing inward from the region's rim.
pub fn regions_without_speckles(
    labels: &mut [u16],
    rgba: &[u8],
    width: usize,
    palette: &[Lab],
    min_area: usize,
) -> Result<Regions> {
    let regions = components(labels, width)?;
    if dissolve(labels, &regions, rgba, width, palette, min_area)? {
        components(labels, width)
    } else {
        Ok(regions)
    }
}

/// Dissolves the speckles of `regions` in `labels`; returns whether anything changed.
fn dissolve(
    labels: &mut [u16],
    regions: &Regions,
    rgba: &[u8],
    width: usize,
    palette: &[Lab],
    min_area: usize,
) -> Result<bool> {
    if min_area <= 1 {
        return Ok(false);
    }
    let small: Vec<bool> = regions
        .area
        .iter()
        .map(|&a| (a as usize) < min_area)
        .collect();
    if small.iter().all(|&s| s) || !small.iter().any(|&s| s) {
        return Ok(false);
    }
    let height = labels.len() / width;
    let mut pending = try_filled(labels.len(), false)?;
    let mut queue = VecDeque::new();
    for (i, &id) in regions.ids.iter().enumerate() {
        pending[i] = small[id as usize];
    }
    let neighbours = |i: usize| {
        let (x, y) = (i % width, i / width);
        let mut list = [usize::MAX; 4];
        if x > 0 {
            list[0] = i - 1;
        }
        if x + 1 < width {
            list[1] = i + 1;
        }
        if y > 0 {
            list[2] = i - width;
        }
        if y + 1 < height {
            list[3] = i + width;
        }
        list
    };
    for i in 0..labels.len() {
        if pending[i]
            && neighbours(i)
                .iter()
                .any(|&n| n != usize::MAX && !pending[n])
        {
            queue.push_back(i);
        }
    }
    let table = LinearTable::new();
    let label_lab = |label: u16| {
        if label == TRANSPARENT {
            [0.0; 4]
        } else {
            palette[label as usize]
        }
    };
    while let Some(i) = queue.pop_front() {
        if !pending[i] {
            continue;
        }
        let own = pixel_lab(&table, &rgba[i * 4..i * 4 + 4], labels[i] != TRANSPARENT);
        let mut best = (TRANSPARENT, f32::INFINITY, false);
        for &n in neighbours(i)
            .iter()
            .filter(|&&n| n != usize::MAX && !pending[n])
        {
            let d = distance2(&own, &label_lab(labels[n]));
            if !best.2 || d < best.1 {
                best = (labels[n], d, true);
            }
        }
        labels[i] = best.0;
        pending[i] = false;
        for &n in neighbours(i)
            .iter()
            .filter(|&&n| n != usize::MAX && pending[n])
        {
            queue.push_back(n);
        }
    }
    Ok(true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn components_are_four_connected_and_numbered_in_raster_order() {
        // 1 0
        // 0 1   → four regions: diagonal pixels do not connect.
        let regions = components(&[1, 0, 0, 1], 2).unwrap();
        assert_eq!(regions.ids, vec![0, 1, 2, 3]);
        let u_shape = components(&[1, 0, 1, 1, 1, 1], 3).unwrap();
        assert_eq!(u_shape.ids, vec![0, 1, 0, 0, 0, 0]);
        assert_eq!(u_shape.area, vec![5, 1]);
    }

    #[test]
    fn a_speckle_dissolves_into_its_surroundings() {
        let width = 5;
        let mut labels = vec![0u16; 25];
        labels[12] = 1;
        let mut rgba = vec![0u8; 100];
        for (i, px) in rgba.chunks_exact_mut(4).enumerate() {
            let v = if i == 12 { 255 } else { 0 };
            px.copy_from_slice(&[v, v, v, 255]);
        }
        let table = LinearTable::new();
        let palette = vec![
            table.lab(0.0, 0.0, 0.0, 255.0),
            table.lab(255.0, 255.0, 255.0, 255.0),
        ];
        let regions = regions_without_speckles(&mut labels, &rgba, width, &palette, 4).unwrap();
        assert!(labels.iter().all(|&l| l == 0));
        assert_eq!(regions.area, vec![25]);
    }
}
