//! Stage 4c — write: compact SVG. Coordinates are rounded once per edge to a grid of
//! 10^-precision pixels (both regions of a shared edge get the same numbers), then written as
//! relative commands in their shortest form.

use std::collections::HashSet;

use crate::edges::Chain;
use crate::fit::FittedEdge;
use crate::geometry::Segment;
use crate::layers::{PathPlan, Plan};
use crate::options::GroupBy;
use crate::primitive_svg::{self, GridPrimitive};
use crate::stroke_once::{unrepeated_runs, SegmentKey};
use crate::styles::{unkey, Look, Paint};
use crate::trace::{Graph, Step};

pub(crate) type Grid = [i64; 2];

#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum GridSegment {
    Line(Grid),
    Cubic(Grid, Grid, Grid),
    /// Radii on the grid, the rotation in hundredths of a degree, the sweep flag, the end.
    Arc([i64; 2], i64, bool, Grid),
}

impl GridSegment {
    fn end(&self) -> Grid {
        match *self {
            GridSegment::Line(p) | GridSegment::Cubic(_, _, p) | GridSegment::Arc(_, _, _, p) => p,
        }
    }

    /// The segment walked the other way, to `to`.
    fn reversed(&self, to: Grid) -> GridSegment {
        match *self {
            GridSegment::Line(_) => GridSegment::Line(to),
            GridSegment::Cubic(a, b, _) => GridSegment::Cubic(b, a, to),
            GridSegment::Arc(radii, angle, sweep, _) => GridSegment::Arc(radii, angle, !sweep, to),
        }
    }
}

/// An edge on the output grid.
pub struct GridEdge {
    start: Grid,
    segments: Vec<GridSegment>,
    /// A closed edge that is a whole circle, ellipse or rectangle: written as that.
    pub primitive: Option<GridPrimitive>,
}

pub fn to_grid(edge: &FittedEdge, precision: u8) -> GridEdge {
    let scale = 10f32.powi(precision as i32);
    GridEdge {
        start: grid_point(edge.start, scale),
        segments: edge
            .segments
            .iter()
            .map(|s| grid_segment(s, scale))
            .collect(),
        primitive: None,
    }
}

/// A point on the grid of `scale` steps per pixel.
pub(crate) fn grid_point(p: [f32; 2], scale: f32) -> Grid {
    [(p[0] * scale).round() as i64, (p[1] * scale).round() as i64]
}

/// A segment on the grid of `scale` steps per pixel (a circle's arc unrotated).
pub(crate) fn grid_segment(s: &Segment, scale: f32) -> GridSegment {
    let g = |p| grid_point(p, scale);
    match *s {
        Segment::Line(p) => GridSegment::Line(g(p)),
        Segment::Cubic(a, b, p) => GridSegment::Cubic(g(a), g(b), g(p)),
        Segment::Arc(a) => {
            let r = |v: f32| (v * scale).round() as i64;
            let angle = if a.radii[0] == a.radii[1] {
                0
            } else {
                (a.angle as f64 * primitive_svg::ANGLE_SCALE).round() as i64
            };
            GridSegment::Arc([r(a.radii[0]), r(a.radii[1])], angle, a.sweep, g(a.end))
        }
    }
}

/// Decimals that follow the image size, unless given.
pub fn auto_precision(width: usize, height: usize) -> u8 {
    match width.max(height) {
        0..=256 => 2,
        257..=2048 => 1,
        _ => 0,
    }
}

pub struct Writer {
    out: String,
    precision: u8,
    /// Whether the last thing written was a number, and whether it had a decimal point.
    after_number: bool,
    had_dot: bool,
    last_command: u8,
    pub segments: usize,
    pub paths: usize,
    /// The open `<g>` of grouped output (its layer and label), and the ids given so far.
    group: Option<(u32, u16)>,
    group_ids: Vec<String>,
    /// Gradient fill references (`url(#g0)`) by palette label; `None` for flat colours.
    gradient_refs: Vec<Option<String>>,
    /// Per cycle of more than one edge, the primitive its outline fitted (see `cycle_primitive`).
    cycle_primitives: Vec<Option<GridPrimitive>>,
}

impl Writer {
    pub fn new(width: usize, height: usize, precision: u8) -> Writer {
        let out = format!(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {w} {h}\" width=\"{w}\" height=\"{h}\">",
            w = width,
            h = height
        );
        Writer {
            out,
            precision,
            after_number: false,
            had_dot: false,
            last_command: 0,
            segments: 0,
            paths: 0,
            group: None,
            group_ids: Vec::new(),
            gradient_refs: Vec::new(),
            cycle_primitives: Vec::new(),
        }
    }

    /// The primitives of the cycles whose outline runs along several edges (by cycle index).
    pub fn with_cycle_primitives(mut self, primitives: Vec<Option<GridPrimitive>>) -> Writer {
        self.cycle_primitives = primitives;
        self
    }

    /// Writes `defs` (the gradients, see `gradient_svg`) and fills the labels that `refs`
    /// names with them.
    pub fn with_gradients(mut self, defs: &str, refs: Vec<Option<String>>) -> Writer {
        self.out.push_str(defs);
        self.gradient_refs = refs;
        self
    }

    /// The paint of a label: its gradient reference, or its colour.
    fn paint_of(&self, label: u16, rgba: [u8; 4]) -> String {
        match self.gradient_refs.get(label as usize) {
            Some(Some(url)) => url.clone(),
            _ => hex_color(rgba),
        }
    }

    fn number(&mut self, value: i64) {
        self.number_text(&format_number(value, self.precision));
    }

    fn number_text(&mut self, text: &str) {
        let needs_space =
            self.after_number && !text.starts_with('-') && !(text.starts_with('.') && self.had_dot);
        if needs_space {
            self.out.push(' ');
        }
        self.had_dot = text.contains('.');
        self.out.push_str(text);
        self.after_number = true;
    }

    fn command(&mut self, letter: u8) {
        if letter != self.last_command || letter == b'm' || letter == b'M' || letter == b'z' {
            self.out.push(letter as char);
            self.after_number = false;
        }
        self.last_command = letter;
    }

    fn segment(&mut self, from: Grid, segment: &GridSegment) {
        self.segments += 1;
        match *segment {
            GridSegment::Line(p) => {
                let (dx, dy) = (p[0] - from[0], p[1] - from[1]);
                if dy == 0 {
                    self.command(b'h');
                    self.number(dx);
                } else if dx == 0 {
                    self.command(b'v');
                    self.number(dy);
                } else {
                    self.command(b'l');
                    self.number(dx);
                    self.number(dy);
                }
            }
            GridSegment::Cubic(a, b, p) => {
                self.command(b'c');
                for q in [a, b, p].iter() {
                    self.number(q[0] - from[0]);
                    self.number(q[1] - from[1]);
                }
            }
            GridSegment::Arc([rx, ry], angle, sweep, p) => {
                self.arc(
                    from,
                    p,
                    (rx, ry, &primitive_svg::angle_text(angle)),
                    false,
                    sweep,
                );
            }
        }
    }

    /// One closed subpath; `pen` is where the previous subpath started (for a relative move).
    fn subpath(&mut self, segments: &[(Grid, GridSegment)], pen: &mut Option<Grid>) {
        let start = segments[0].0;
        match *pen {
            Some(p) => {
                self.command(b'm');
                self.number(start[0] - p[0]);
                self.number(start[1] - p[1]);
            }
            None => {
                self.command(b'M');
                self.number(start[0]);
                self.number(start[1]);
            }
        }
        *pen = Some(start);
        let last = segments.len() - 1;
        for (i, (from, segment)) in segments.iter().enumerate() {
            let zero = segment.end() == *from && matches!(segment, GridSegment::Line(_));
            let closing_line = i == last && matches!(segment, GridSegment::Line(_));
            if !zero && !closing_line {
                self.segment(*from, segment);
            }
        }
        self.command(b'z');
    }

    fn open_path(&mut self, rgba: [u8; 4], label: u16, paint: Paint) {
        if let Paint::Stroke { color, .. } = paint {
            return self.open_stroke(rgba, color);
        }
        self.paths += 1;
        self.out.push_str("<path");
        self.push_fill(label, rgba);
        self.out.push_str(" d=\"");
        self.after_number = false;
        self.last_command = 0;
    }

    /// ` fill="…"` (a label's gradient or its colour; nothing for black, the default) and its
    /// `fill-opacity`.
    fn push_fill(&mut self, label: u16, rgba: [u8; 4]) {
        let fill = self.paint_of(label, rgba);
        if fill != "#000" {
            self.out.push_str(" fill=\"");
            self.out.push_str(&fill);
            self.out.push('"');
        }
        self.push_opacity("fill-opacity", rgba[3]);
    }

    /// ` name="0.5"` for a translucent alpha; nothing for an opaque one.
    fn push_opacity(&mut self, name: &str, alpha: u8) {
        if alpha < 255 {
            self.out.push(' ');
            self.out.push_str(name);
            self.out.push_str("=\"");
            self.out
                .push_str(&format_number((alpha as i64 * 1000 + 127) / 255, 3));
            self.out.push('"');
        }
    }

    /// A stroked path (inside a group that sets `fill="none"` and the width).
    fn open_stroke(&mut self, rgba: [u8; 4], color: Option<u32>) {
        self.paths += 1;
        let rgba = color.map_or(rgba, |c| [(c >> 16) as u8, (c >> 8) as u8, c as u8, 255]);
        self.out.push_str("<path stroke=\"");
        self.out.push_str(&hex_color(rgba));
        self.out.push('"');
        self.push_opacity("stroke-opacity", rgba[3]);
        self.out.push_str(" d=\"");
        self.after_number = false;
        self.last_command = 0;
    }

    /// One open subpath: a move, then every segment; `pen` becomes its end.
    fn open_subpath(&mut self, segments: &[(Grid, GridSegment)], pen: &mut Option<Grid>) {
        let start = segments[0].0;
        self.move_to(start, pen);
        let mut end = start;
        for (from, segment) in segments {
            let zero = segment.end() == *from && matches!(segment, GridSegment::Line(_));
            if !zero {
                self.segment(*from, segment);
            }
            end = segment.end();
        }
        *pen = Some(end);
    }

    fn move_to(&mut self, to: Grid, pen: &Option<Grid>) {
        match *pen {
            Some(p) => {
                self.command(b'm');
                self.number(to[0] - p[0]);
                self.number(to[1] - p[1]);
            }
            None => {
                self.command(b'M');
                self.number(to[0]);
                self.number(to[1]);
            }
        }
    }

    /// Chains of edges as one stroked path in the colour of `label`. A segment already in `seen`
    /// (drawn by an earlier chain, either way round) is left out, so nothing is stroked twice.
    fn chain_path(
        &mut self,
        edges: &[GridEdge],
        chains: &[Chain],
        rgba: [u8; 4],
        color: Option<u32>,
        seen: &mut HashSet<SegmentKey>,
    ) {
        self.open_stroke(rgba, color);
        let mut pen = None;
        for chain in chains {
            let segments = Self::step_segments(edges, &chain.steps, false);
            let runs = unrepeated_runs(&segments, chain.closed, seen);
            if chain.closed && runs.len() == 1 && runs[0].len() == segments.len() {
                self.subpath(&segments, &mut pen);
                continue;
            }
            for run in &runs {
                self.open_subpath(run, &mut pen);
            }
        }
        self.close_path();
    }

    /// Opens the `<g>` a path of this layer and label belongs in, closing the previous one.
    fn enter_group(&mut self, group_by: GroupBy, layer: u32, rgba: [u8; 4], label: u16) {
        let key = match group_by {
            GroupBy::None => return,
            GroupBy::Color => (0, label),
            GroupBy::Layer => (layer, 0),
        };
        if self.group == Some(key) {
            return;
        }
        self.leave_group();
        let mut id = match group_by {
            GroupBy::Layer => format!("layer-{}", layer),
            _ if rgba[3] < 255 => format!(
                "c-{:02x}{:02x}{:02x}-a{:02x}",
                rgba[0], rgba[1], rgba[2], rgba[3]
            ),
            _ => format!("c-{:02x}{:02x}{:02x}", rgba[0], rgba[1], rgba[2]),
        };
        let base = id.clone();
        let mut n = 1;
        while self.group_ids.contains(&id) {
            n += 1;
            id = format!("{}-{}", base, n);
        }
        self.out.push_str("<g id=\"");
        self.out.push_str(&id);
        self.out.push_str("\">");
        self.group_ids.push(id);
        self.group = Some(key);
    }

    fn leave_group(&mut self) {
        if self.group.take().is_some() {
            self.out.push_str("</g>");
        }
    }

    fn close_path(&mut self) {
        self.out.push_str("\"/>");
    }

    /// The seams of a path: open strokes along the given edges, in the path's colour.
    /// `own_width`: the path sets the stroke width and join itself (not in the seal group).
    fn seams(&mut self, edges: &[GridEdge], seams: &[u32], paint: &str, own_width: bool) {
        self.out.push_str("<path fill=\"none\" stroke=\"");
        self.out.push_str(paint);
        if own_width {
            self.out
                .push_str("\" stroke-linejoin=\"round\" stroke-width=\"2");
        }
        self.out.push_str("\" d=\"");
        self.after_number = false;
        self.last_command = 0;
        let mut pen: Option<Grid> = None;
        for &e in seams {
            let edge = &edges[e as usize];
            match pen {
                Some(p) => {
                    self.command(b'm');
                    self.number(edge.start[0] - p[0]);
                    self.number(edge.start[1] - p[1]);
                }
                None => {
                    self.command(b'M');
                    self.number(edge.start[0]);
                    self.number(edge.start[1]);
                }
            }
            let mut from = edge.start;
            for segment in &edge.segments {
                self.segment(from, segment);
                from = segment.end();
            }
            pen = Some(from);
        }
        self.close_path();
    }

    /// A cycle as absolute (from, segment) pairs on the grid.
    fn cycle_segments(
        graph: &Graph,
        edges: &[GridEdge],
        cycle: u32,
        reversed: bool,
    ) -> Vec<(Grid, GridSegment)> {
        Self::step_segments(
            edges,
            graph.cycle_steps(&graph.cycles[cycle as usize]),
            reversed,
        )
    }

    /// Steps (edges walked forward or backward) as absolute (from, segment) pairs.
    fn step_segments(
        edges: &[GridEdge],
        steps: &[Step],
        reversed: bool,
    ) -> Vec<(Grid, GridSegment)> {
        let mut list = Vec::new();
        for step in steps {
            let edge = &edges[step.edge as usize];
            if step.forward {
                let mut from = edge.start;
                for s in &edge.segments {
                    list.push((from, *s));
                    from = s.end();
                }
            } else {
                for (i, s) in edge.segments.iter().enumerate().rev() {
                    let to = if i == 0 {
                        edge.start
                    } else {
                        edge.segments[i - 1].end()
                    };
                    list.push((s.end(), s.reversed(to)));
                }
            }
        }
        if reversed {
            list = list
                .iter()
                .rev()
                .map(|(from, s)| (s.end(), s.reversed(*from)))
                .collect();
        }
        list
    }

    fn path(
        &mut self,
        graph: &Graph,
        edges: &[GridEdge],
        plan: &PathPlan,
        color: [u8; 4],
        canvas: Option<Grid>,
        look: &Look,
    ) {
        // Cutouts write cycles canonically (see `Look::evenodd`); the underlay never is one.
        let canonical = look.evenodd && canvas.is_none();
        if let Some(elements) =
            primitive_elements(graph, edges, &self.cycle_primitives, plan, canvas, look)
        {
            for p in elements {
                self.primitive_element(&p, color, plan.label);
            }
            return;
        }
        self.open_path(color, plan.label, look.paint);
        if canonical && look.paint == Paint::Fill {
            // On each path, so that a path taken out of the file keeps its holes.
            self.out.truncate(self.out.len() - " d=\"".len());
            self.out.push_str(" fill-rule=\"evenodd\" d=\"");
        }
        let mut pen = None;
        if let Some([w, h]) = canvas {
            self.command(b'M');
            self.number(0);
            self.number(0);
            self.command(b'h');
            self.number(w);
            self.command(b'v');
            self.number(h);
            self.command(b'h');
            self.number(-w);
            self.command(b'z');
            self.segments += 4;
            pen = Some([0, 0]);
        }
        for &(cycle, reversed) in &plan.cycles {
            let segments = if canonical {
                Self::step_segments(edges, &canonical_steps(graph, cycle), false)
            } else {
                Self::cycle_segments(graph, edges, cycle, reversed)
            };
            if segments.is_empty() {
                continue;
            }
            match cycle_primitive(graph, edges, &self.cycle_primitives, cycle) {
                Some(p) => self.primitive_subpath(&p, clockwise(&segments), &mut pen),
                None => self.subpath(&segments, &mut pen),
            }
        }
        self.close_path();
    }

    /// A whole filled shape as `<circle>`, `<ellipse>` or `<rect>`.
    fn primitive_element(&mut self, p: &GridPrimitive, rgba: [u8; 4], label: u16) {
        self.paths += 1;
        self.segments += 1;
        self.out.push('<');
        self.out
            .push_str(&primitive_svg::element(p, self.precision));
        self.push_fill(label, rgba);
        self.out.push_str("/>");
    }

    /// A primitive as one closed subpath (two arcs; four lines; or four lines and four arcs),
    /// wound as asked.
    fn primitive_subpath(&mut self, p: &GridPrimitive, clockwise: bool, pen: &mut Option<Grid>) {
        let (start, (rx, ry, angle, other)) = match *p {
            GridPrimitive::Circle { c, r } => {
                ([c[0] + r, c[1]], (r, r, "0".to_string(), [c[0] - r, c[1]]))
            }
            GridPrimitive::Ellipse { c, rx, ry, angle } => {
                let [a, b] = primitive_svg::ellipse_ends(c, rx, angle);
                (a, (rx, ry, primitive_svg::angle_text(angle), b))
            }
            GridPrimitive::Rect { c, w, h, angle, r } => {
                // Sharp, its corners joined by lines; rounded, each side's two ends, a side
                // (line) then a corner (arc), either way round.
                let mut ends = if r > 0 {
                    primitive_svg::rounded_rect_ends(c, w, h, r, angle).to_vec()
                } else {
                    primitive_svg::rect_corners(c, w, h, angle).to_vec()
                };
                if !clockwise {
                    ends.reverse();
                }
                self.move_to(ends[0], pen);
                *pen = Some(ends[0]);
                let n = ends.len();
                for k in 1..=n {
                    let (from, to) = (ends[k - 1], ends[k % n]);
                    if r > 0 && k % 2 == 0 {
                        self.segment(from, &GridSegment::Arc([r, r], 0, clockwise, to));
                    } else if k < n {
                        self.segment(from, &GridSegment::Line(to));
                    }
                }
                self.command(b'z');
                return;
            }
        };
        self.move_to(start, pen);
        *pen = Some(start);
        self.arc(start, other, (rx, ry, &angle), true, clockwise);
        self.arc(other, start, (rx, ry, &angle), true, clockwise);
        self.segments += 2;
        self.command(b'z');
    }

    /// An elliptical arc from `from` to `to`: radii and rotation (as written), the large-arc
    /// flag and the sweep.
    fn arc(
        &mut self,
        from: Grid,
        to: Grid,
        (rx, ry, angle): (i64, i64, &str),
        large: bool,
        clockwise: bool,
    ) {
        self.command(b'a');
        self.number(rx);
        self.number(ry);
        self.number_text(angle);
        self.number_text(if large { "1" } else { "0" });
        self.number_text(if clockwise { "1" } else { "0" });
        self.number(to[0] - from[0]);
        self.number(to[1] - from[1]);
    }

    pub fn write(
        mut self,
        graph: &Graph,
        edges: &[GridEdge],
        plan: &Plan,
        palette: &[[u8; 4]],
        look: &Look,
    ) -> (String, usize, usize) {
        let scale = 10i64.pow(self.precision as u32);
        let canvas = [graph.width as i64 * scale, graph.height as i64 * scale];
        let by = look.group_by;
        if !look.filler.is_empty() {
            self.stroke_group(look.filler_width, Some("gap-filler"));
            self.chain_runs(edges, &look.filler, palette, GroupBy::None, None);
            self.out.push_str("</g>");
        }
        let stroke = match look.paint {
            Paint::Stroke { width, color } => {
                self.stroke_group(width, None);
                Some(color)
            }
            Paint::Fill => None,
        };
        if let (Some(chains), Some(color)) = (&look.edges, stroke) {
            self.chain_runs(edges, chains, palette, by, color);
        } else {
            if let Some(underlay) = &plan.underlay {
                let rgba = palette[underlay.label as usize];
                self.enter_group(by, underlay.layer, rgba, underlay.label);
                self.path(graph, edges, underlay, rgba, Some(canvas), look);
            }
            let seal = stroke.is_none() && plan.paths.iter().any(|p| !p.seams.is_empty());
            let seal_group = seal && by == GroupBy::None;
            if seal_group {
                // A seam stroke reaching 1 px past the boundary lies under every pixel that the
                // sibling's anti-aliased edge only partly covers (a 1 px stroke sealed almost none).
                self.out
                    .push_str("<g stroke-linejoin=\"round\" stroke-width=\"2\">");
            }
            for path in &plan.paths {
                let color = palette[path.label as usize];
                self.enter_group(by, path.layer, color, path.label);
                self.path(graph, edges, path, color, None, look);
                if seal && !path.seams.is_empty() {
                    let paint = self.paint_of(path.label, color);
                    self.seams(edges, &path.seams, &paint, !seal_group);
                }
            }
            if seal_group {
                self.out.push_str("</g>");
            }
        }
        self.leave_group();
        if stroke.is_some() {
            self.out.push_str("</g>");
        }
        self.out.push_str("</svg>");
        (self.out, self.paths, self.segments)
    }

    /// `<g fill="none" stroke-width=…>` with round joins and caps.
    fn stroke_group(&mut self, width: f32, id: Option<&str>) {
        self.out.push_str("<g");
        if let Some(id) = id {
            self.out.push_str(" id=\"");
            self.out.push_str(id);
            self.out.push('"');
        }
        self.out.push_str(" fill=\"none\" stroke-width=\"");
        let hundredths = (width as f64 * 100.0).round() as i64;
        self.out.push_str(&format_number(hundredths, 2));
        self.out
            .push_str("\" stroke-linejoin=\"round\" stroke-linecap=\"round\">");
    }

    /// Chains sorted by key: one stroked path per key, grouped as asked.
    fn chain_runs(
        &mut self,
        edges: &[GridEdge],
        chains: &[Chain],
        palette: &[[u8; 4]],
        by: GroupBy,
        color: Option<u32>,
    ) {
        let mut seen = HashSet::new();
        let mut from = 0;
        while from < chains.len() {
            let key = chains[from].key;
            let to = from + chains[from..].iter().take_while(|c| c.key == key).count();
            let (layer, label) = unkey(key);
            let rgba = palette[label as usize];
            self.enter_group(by, layer, rgba, label);
            self.chain_path(edges, &chains[from..to], rgba, color, &mut seen);
            from = to;
        }
    }
}

/// The primitive a cycle is: its closed edge's, or the one its several edges fitted together.
pub(crate) fn cycle_primitive(
    graph: &Graph,
    edges: &[GridEdge],
    cycle_primitives: &[Option<GridPrimitive>],
    cycle: u32,
) -> Option<GridPrimitive> {
    match graph.cycle_steps(&graph.cycles[cycle as usize]) {
        [step] => edges[step.edge as usize].primitive,
        _ => cycle_primitives.get(cycle as usize).copied().flatten(),
    }
}

/// A filled path whose every cycle is an outline (no hole) that is a primitive: one element
/// each (shapes of one colour at one depth never overlap, so drawing them apart is the same).
fn primitive_elements(
    graph: &Graph,
    edges: &[GridEdge],
    cycle_primitives: &[Option<GridPrimitive>],
    plan: &PathPlan,
    canvas: Option<Grid>,
    look: &Look,
) -> Option<Vec<GridPrimitive>> {
    if canvas.is_some() || look.paint != Paint::Fill || plan.cycles.is_empty() {
        return None;
    }
    plan.cycles
        .iter()
        .map(|&(cycle, _)| {
            (graph.cycles[cycle as usize].area2 > 0)
                .then(|| cycle_primitive(graph, edges, cycle_primitives, cycle))
                .flatten()
        })
        .collect()
}

/// Whether a closed run of segments turns clockwise on screen (y down): positive shoelace.
fn clockwise(segments: &[(Grid, GridSegment)]) -> bool {
    let twice_area: i128 = segments
        .iter()
        .map(|(from, s)| {
            let to = s.end();
            from[0] as i128 * to[1] as i128 - to[0] as i128 * from[1] as i128
        })
        .sum();
    twice_area > 0
}

/// A cycle's steps in outer orientation (a hole walked backward), from its lowest edge: the
/// same steps, in the same order, for a hole and for the outline of the one shape filling it.
fn canonical_steps(graph: &Graph, cycle: u32) -> Vec<Step> {
    let c = &graph.cycles[cycle as usize];
    let steps = graph.cycle_steps(c);
    let mut list: Vec<Step> = if c.area2 < 0 {
        steps
            .iter()
            .rev()
            .map(|s| Step {
                edge: s.edge,
                forward: !s.forward,
            })
            .collect()
    } else {
        steps.to_vec()
    };
    let first = (0..list.len()).min_by_key(|&i| list[i].edge).unwrap_or(0);
    list.rotate_left(first);
    list
}

/// `value / 10^precision` in its shortest form: no trailing zeros, no leading zero.
pub fn format_number(value: i64, precision: u8) -> String {
    let scale = 10i64.pow(precision as u32);
    let (sign, abs) = if value < 0 {
        ("-", -value)
    } else {
        ("", value)
    };
    let (whole, fraction) = (abs / scale, abs % scale);
    if fraction == 0 {
        return if whole == 0 {
            "0".to_string()
        } else {
            format!("{}{}", sign, whole)
        };
    }
    let digits = format!("{:0width$}", fraction, width = precision as usize);
    let digits = digits.trim_end_matches('0');
    if whole == 0 {
        format!("{}.{}", sign, digits)
    } else {
        format!("{}{}.{}", sign, whole, digits)
    }
}

/// `#rgb` when it says the same as `#rrggbb`.
pub fn hex_color(c: [u8; 4]) -> String {
    if c[..3].iter().all(|v| v >> 4 == v & 15) {
        format!("#{:x}{:x}{:x}", c[0] & 15, c[1] & 15, c[2] & 15)
    } else {
        format!("#{:02x}{:02x}{:02x}", c[0], c[1], c[2])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_take_their_shortest_form() {
        assert_eq!(format_number(15, 1), "1.5");
        assert_eq!(format_number(-5, 1), "-.5");
        assert_eq!(format_number(20, 1), "2");
        assert_eq!(format_number(0, 2), "0");
        assert_eq!(format_number(105, 2), "1.05");
        assert_eq!(format_number(7, 0), "7");
    }

    #[test]
    fn colours_shorten_when_they_can() {
        assert_eq!(hex_color([0xaa, 0xbb, 0xcc, 255]), "#abc");
        assert_eq!(hex_color([0xa8, 0x1d, 0x33, 255]), "#a81d33");
    }

    #[test]
    fn numbers_are_separated_only_when_needed() {
        let mut writer = Writer::new(1, 1, 1);
        writer.out.clear();
        writer.command(b'l');
        writer.number(5);
        writer.number(-5);
        writer.number(5);
        writer.number(15);
        writer.number(5);
        assert_eq!(writer.out, "l.5-.5.5 1.5.5");
    }

    #[test]
    fn a_rounded_rectangle_hole_is_four_sides_and_four_quarter_circles() {
        // 40 × 20 px about (100, 100), corners of 5 px, on a grid of tenths.
        let rect = GridPrimitive::Rect {
            c: [1000, 1000],
            w: 400,
            h: 200,
            angle: 0,
            r: 50,
        };
        let mut writer = Writer::new(200, 200, 1);
        writer.out.clear();
        writer.primitive_subpath(&rect, true, &mut None);
        assert_eq!(
            writer.out,
            "M85 90h30a5 5 0 0 1 5 5v10a5 5 0 0 1-5 5h-30a5 5 0 0 1-5-5v-10a5 5 0 0 1 5-5z"
        );
        writer.out.clear();
        writer.primitive_subpath(&rect, false, &mut None);
        assert_eq!(
            writer.out,
            "M80 95v10a5 5 0 0 0 5 5h30a5 5 0 0 0 5-5v-10a5 5 0 0 0-5-5h-30a5 5 0 0 0-5 5z"
        );
    }
}
