//! The edges of every layer of a scene, in device pixels (y down), sorted by the pixel row where
//! each starts: what the scanline needs to bring edges in row by row. A layer is one paint (a
//! fill or a stroke outline) filled with the non-zero rule.
//!
//! Per edge: its top and bottom y (top < bottom), its x at the top, its slope dx/dy, its winding
//! (+1 drawn downwards, −1 upwards) and its layer. Horizontal edges cover no height and are left
//! out, as are edges wholly above or below the picture. Outlines are closed: `close` (or the next
//! `move_to`) joins the last point to the first.

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Edge {
    pub top: f64,
    pub bottom: f64,
    pub x: f64,
    pub slope: f64,
    pub winding: f64,
    pub layer: u32,
}

/// Where outlines are drawn: closed outlines, each started with `move_to`.
pub trait Pen {
    fn move_to(&mut self, x: f64, y: f64);
    fn line_to(&mut self, x: f64, y: f64);
}

pub struct EdgeTableBuilder {
    height: f64,
    edges: Vec<Edge>,
    layer: u32,
    first: (f64, f64),
    last: (f64, f64),
    open: bool,
}

impl EdgeTableBuilder {
    pub fn new(height: usize) -> Self {
        EdgeTableBuilder {
            height: height as f64,
            edges: Vec::new(),
            layer: 0,
            first: (0.0, 0.0),
            last: (0.0, 0.0),
            open: false,
        }
    }

    /// The layer the next outlines belong to.
    pub fn set_layer(&mut self, layer: u32) {
        self.close();
        self.layer = layer;
    }

    fn edge(&mut self, (x0, y0): (f64, f64), (x1, y1): (f64, f64)) {
        if y0 == y1 {
            return;
        }
        let down = y1 > y0;
        let (top, bottom) = if down { (y0, y1) } else { (y1, y0) };
        if bottom <= 0.0 || top >= self.height || !(top.is_finite() && bottom.is_finite()) {
            return;
        }
        self.edges.push(Edge {
            top,
            bottom,
            x: if down { x0 } else { x1 },
            slope: (x1 - x0) / (y1 - y0),
            winding: if down { 1.0 } else { -1.0 },
            layer: self.layer,
        });
    }

    /// Joins the outline's last point to its first.
    pub fn close(&mut self) {
        if self.open {
            self.edge(self.last, self.first);
            self.open = false;
        }
    }

    /// The edges grouped by the row each starts in (`row_start[r]..row_start[r + 1]`).
    pub fn build(mut self) -> EdgeTable {
        self.close();
        let rows = self.height as usize;
        let first_row = |e: &Edge| (e.top.max(0.0) as usize).min(rows.saturating_sub(1));
        let mut row_start = vec![0usize; rows + 1];
        for e in &self.edges {
            row_start[first_row(e) + 1] += 1;
        }
        for r in 0..rows {
            row_start[r + 1] += row_start[r];
        }
        let mut next = row_start.clone();
        let mut edges = vec![
            Edge {
                top: 0.0,
                bottom: 0.0,
                x: 0.0,
                slope: 0.0,
                winding: 0.0,
                layer: 0
            };
            self.edges.len()
        ];
        for e in &self.edges {
            let row = first_row(e);
            edges[next[row]] = *e;
            next[row] += 1;
        }
        EdgeTable { edges, row_start }
    }
}

impl Pen for EdgeTableBuilder {
    fn move_to(&mut self, x: f64, y: f64) {
        self.close();
        self.first = (x, y);
        self.last = (x, y);
        self.open = true;
    }

    fn line_to(&mut self, x: f64, y: f64) {
        self.edge(self.last, (x, y));
        self.last = (x, y);
    }
}

pub struct EdgeTable {
    pub edges: Vec<Edge>,
    pub row_start: Vec<usize>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edges_are_grouped_by_their_first_row_and_wind_by_direction() {
        let mut b = EdgeTableBuilder::new(10);
        b.move_to(1.0, 5.5);
        b.line_to(4.0, 5.5); // horizontal: left out
        b.line_to(4.0, 8.0);
        b.line_to(1.0, 2.0);
        let table = b.build();
        // Rows 2 (the slanted edge, then the closing one) and 5.
        assert_eq!(table.edges.len(), 3);
        assert_eq!(table.row_start, vec![0, 0, 0, 2, 2, 2, 3, 3, 3, 3, 3]);
        let up = table.edges[0];
        assert_eq!((up.top, up.bottom, up.x, up.winding), (2.0, 8.0, 1.0, -1.0));
        assert_eq!(up.slope, 0.5);
        let closing = table.edges[1];
        assert_eq!(
            (closing.top, closing.bottom, closing.winding),
            (2.0, 5.5, 1.0)
        );
        let down = table.edges[2];
        assert_eq!(
            (down.top, down.bottom, down.x, down.winding),
            (5.5, 8.0, 4.0, 1.0)
        );
    }

    #[test]
    fn edges_outside_the_rows_are_left_out() {
        let mut b = EdgeTableBuilder::new(4);
        b.move_to(0.0, -3.0);
        b.line_to(1.0, -1.0);
        b.line_to(1.0, 6.0);
        b.line_to(0.0, 9.0);
        let table = b.build();
        assert_eq!(table.edges.len(), 2);
        assert_eq!(table.row_start, vec![0, 2, 2, 2, 2]);
    }
}
