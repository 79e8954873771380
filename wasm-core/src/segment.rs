//! Stage 2b — segmentation: connected regions of one palette colour (4-connected), and speckles
//! smaller than `min_area` merged into the neighbouring region closest in colour.

use crate::color::{distance2, Lab};
use crate::error::Result;
use crate::label::TRANSPARENT;
use crate::memory::try_filled;

pub struct Regions {
    /// Region id per pixel, numbered in raster order of first appearance.
    pub ids: Vec<u32>,
    /// Palette label per region (`TRANSPARENT` for empty regions).
    pub label: Vec<u16>,
    /// Pixel count per region.
    pub area: Vec<u32>,
}

/// The root of `x` in a union-find forest (halving the path on the way).
pub(crate) fn find(parent: &mut [u32], mut x: u32) -> u32 {
    while parent[x as usize] != x {
        let next = parent[x as usize];
        parent[x as usize] = parent[next as usize];
        x = next;
    }
    x
}

/// Joins the sets of `a` and `b`; the lower root becomes the root.
pub(crate) fn union(parent: &mut [u32], a: u32, b: u32) {
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

/// The regions once every speckle (region smaller than `min_area`) is merged away.
pub fn regions_without_speckles(
    labels: &mut [u16],
    width: usize,
    palette: &[Lab],
    min_area: usize,
) -> Result<Regions> {
    let regions = components(labels, width)?;
    if merge_speckles(labels, &regions, width, palette, min_area)? {
        components(labels, width)
    } else {
        Ok(regions)
    }
}

/// Merges every region smaller than `min_area` into the neighbouring region closest in colour,
/// smallest first; a region that has grown past `min_area` by absorbing others stays. So the
/// grey levels of an anti-aliased glyph join each other instead of vanishing into the paper,
/// while a blotch joins what surrounds it. Returns whether any label changed.
fn merge_speckles(
    labels: &mut [u16],
    regions: &Regions,
    width: usize,
    palette: &[Lab],
    min_area: usize,
) -> Result<bool> {
    let count = regions.area.len();
    if min_area <= 1 || count < 2 || !regions.area.iter().any(|&a| (a as usize) < min_area) {
        return Ok(false);
    }
    let ids = &regions.ids;
    // Pixels of each region as linked lists, so regions can be spliced together.
    let mut next = try_filled(ids.len(), u32::MAX)?;
    let mut head = vec![u32::MAX; count];
    let mut tail = vec![u32::MAX; count];
    for i in (0..ids.len()).rev() {
        let r = ids[i] as usize;
        next[i] = head[r];
        head[r] = i as u32;
        if tail[r] == u32::MAX {
            tail[r] = i as u32;
        }
    }
    let lab = |label: u16| {
        if label == TRANSPARENT {
            [0.0; 4]
        } else {
            palette[label as usize]
        }
    };
    let mut owner: Vec<u32> = (0..count as u32).collect();
    let mut area = regions.area.clone();
    let mut order: Vec<usize> = (0..count)
        .filter(|&r| (area[r] as usize) < min_area)
        .collect();
    order.sort_by_key(|&r| (area[r], r));
    let mut changed = false;
    for r in order {
        if owner[r] != r as u32 || area[r] as usize >= min_area {
            continue;
        }
        let colour = lab(regions.label[r]);
        let mut best: Option<(f32, u32, usize)> = None;
        let mut p = head[r];
        while p != u32::MAX {
            let i = p as usize;
            let x = i % width;
            let around = [
                if x > 0 { Some(i - 1) } else { None },
                if x + 1 < width { Some(i + 1) } else { None },
                i.checked_sub(width),
                if i + width < ids.len() {
                    Some(i + width)
                } else {
                    None
                },
            ];
            for n in around.iter().flatten() {
                let s = find(&mut owner, ids[*n]) as usize;
                if s != r {
                    let d = distance2(&colour, &lab(regions.label[s]));
                    let better = match best {
                        None => true,
                        Some((bd, ba, bs)) => {
                            d < bd || (d == bd && (area[s] > ba || (area[s] == ba && s < bs)))
                        }
                    };
                    if better {
                        best = Some((d, area[s], s));
                    }
                }
            }
            p = next[i];
        }
        if let Some((_, _, s)) = best {
            owner[r] = s as u32;
            area[s] += area[r];
            next[tail[s] as usize] = head[r];
            tail[s] = tail[r];
            changed = true;
        }
    }
    if changed {
        for i in 0..ids.len() {
            let r = find(&mut owner, ids[i]) as usize;
            labels[i] = regions.label[r];
        }
    }
    Ok(changed)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::color::LinearTable;

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
    fn a_glyph_of_several_grey_levels_survives_as_one_region() {
        // A 3×3 glyph of three greys (each under min_area) on white.
        let width = 7;
        let mut labels = vec![0u16; 49];
        for (k, &label) in [1u16, 2, 3, 1, 2, 3, 1, 2, 3].iter().enumerate() {
            labels[(2 + k / 3) * width + 2 + k % 3] = label;
        }
        let table = LinearTable::new();
        let palette: Vec<Lab> = [255.0, 20.0, 60.0, 100.0]
            .iter()
            .map(|&v| table.lab(v, v, v, 255.0))
            .collect();
        let regions = regions_without_speckles(&mut labels, width, &palette, 8).unwrap();
        assert_eq!(regions.area.len(), 2);
        assert_eq!(regions.area[1], 9);
    }

    #[test]
    fn a_speckle_dissolves_into_its_surroundings() {
        let width = 5;
        let mut labels = vec![0u16; 25];
        labels[12] = 1;
        let table = LinearTable::new();
        let palette = vec![
            table.lab(0.0, 0.0, 0.0, 255.0),
            table.lab(255.0, 255.0, 255.0, 255.0),
        ];
        let regions = regions_without_speckles(&mut labels, width, &palette, 4).unwrap();
        assert!(labels.iter().all(|&l| l == 0));
        assert_eq!(regions.area, vec![25]);
    }
}
