//! The core's rasteriser: a scene (see `scene`) painted to a PNG, anti-aliased with exact area
//! coverage. Each fill and each stroke is a layer (a stroke as the outline of `stroke`), filled
//! with the non-zero rule and painted in the scene's order. Rows are painted one at a time,
//! every layer's edges brought in at the row they start, and written straight to the PNG (see
//! `png`): memory is the edges, one row and the file, whatever the size of the picture.

pub mod bitset;
pub mod coverage;
pub mod edges;
pub mod gradient;
pub mod png;
pub mod row;
pub mod scene;
pub mod stroke;

use crate::error::Error;
use coverage::RowCoverage;
use edges::{EdgeTableBuilder, Pen};
use png::PngRunWriter;
use row::RowPixels;
use scene::{read_scene, Scene};
use stroke::stroke_outline;

fn edge_table(scene: &Scene) -> edges::EdgeTable {
    let mut edges = EdgeTableBuilder::new(scene.height);
    for (index, layer) in scene.layers.iter().enumerate() {
        edges.set_layer(index as u32);
        for (points, closed) in &layer.lines {
            match &layer.stroke {
                Some(style) => stroke_outline(points, *closed, style, &mut edges),
                None => {
                    edges.move_to(points[0].0, points[0].1);
                    for &(x, y) in &points[1..] {
                        edges.line_to(x, y);
                    }
                }
            }
        }
    }
    edges.build()
}

/// The scene's picture as PNG bytes.
pub fn render_png(values: &[f64]) -> Result<Vec<u8>, Error> {
    let scene = read_scene(values)?;
    let (width, height) = (scene.width, scene.height);
    let table = edge_table(&scene);
    let mut coverage = RowCoverage::new(width);
    let mut row = RowPixels::new(width);
    let mut writer = PngRunWriter::new(width, height);
    let mut active_edges: Vec<Vec<usize>> = vec![Vec::new(); scene.layers.len()];
    // Layers with edges in the current row, in paint order.
    let mut active_layers: Vec<usize> = Vec::new();
    for y in 0..height {
        for e in table.row_start[y]..table.row_start[y + 1] {
            let layer = table.edges[e].layer as usize;
            if active_edges[layer].is_empty() {
                let at = active_layers.partition_point(|&l| l < layer);
                active_layers.insert(at, layer);
            }
            active_edges[layer].push(e);
        }
        row.reset();
        let mut emptied = false;
        for &layer in &active_layers {
            let list = &mut active_edges[layer];
            for &e in list.iter() {
                coverage.add_edge(&table.edges[e], y as f64);
            }
            let bottom = (y + 1) as f64;
            list.retain(|&e| table.edges[e].bottom > bottom);
            emptied |= list.is_empty();
            coverage.finish();
            row.paint(&coverage, &scene.layers[layer].paint, y);
        }
        if emptied {
            active_layers.retain(|&layer| !active_edges[layer].is_empty());
        }
        writer.row(&mut row);
    }
    Ok(writer.finish())
}
