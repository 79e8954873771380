//! Strokes drawn once on the output grid: a segment already stroked, either way round, is left
//! out of a later chain, which opens there. For `strokeEdges` (and the gap filler), so that a
//! plotter or a laser never goes over one line twice.

use std::collections::HashSet;

use crate::svg::{Grid, GridSegment};

/// A segment as its kind (0: line, 1: cubic, 2 and 3: arc swept either way) and points
/// (start, controls, end; a line's middle two are its ends, an arc's its radii and rotation),
/// the same whichever way round it is walked.
pub(crate) type SegmentKey = (u8, [Grid; 4]);

fn segment_key(from: Grid, segment: &GridSegment) -> SegmentKey {
    match *segment {
        GridSegment::Line(p) => (0, [from, from, p, p].min([p, p, from, from])),
        GridSegment::Cubic(a, b, p) => (1, [from, a, b, p].min([p, b, a, from])),
        GridSegment::Arc(radii, angle, sweep, p) => {
            let shape = [radii, [angle, 0]];
            let forward = (2 + sweep as u8, [from, shape[0], shape[1], p]);
            let backward = (2 + !sweep as u8, [p, shape[0], shape[1], from]);
            forward.min(backward)
        }
    }
}

/// The runs of consecutive segments not in `seen` (which then holds them). Two boundaries of a
/// region one pixel thin can both be placed on its centre line by the sub-pixel step: on the
/// output grid they are one line, and a plotter must not go over it twice. A closed chain's run
/// that reaches its end continues into its first run.
pub(crate) fn unrepeated_runs(
    segments: &[(Grid, GridSegment)],
    closed: bool,
    seen: &mut HashSet<SegmentKey>,
) -> Vec<Vec<(Grid, GridSegment)>> {
    let mut runs: Vec<Vec<(Grid, GridSegment)>> = Vec::new();
    let mut open = false;
    let mut first_kept = false;
    for (i, &(from, segment)) in segments.iter().enumerate() {
        if seen.insert(segment_key(from, &segment)) {
            if !open {
                runs.push(Vec::new());
                open = true;
            }
            if let Some(run) = runs.last_mut() {
                run.push((from, segment));
            }
            first_kept |= i == 0;
        } else {
            open = false;
        }
    }
    if closed && open && first_kept && runs.len() > 1 {
        let first = runs.remove(0);
        if let Some(run) = runs.last_mut() {
            run.extend(first);
        }
    }
    runs
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A polyline as (from, segment) pairs.
    fn polyline(points: &[Grid]) -> Vec<(Grid, GridSegment)> {
        points
            .windows(2)
            .map(|w| (w[0], GridSegment::Line(w[1])))
            .collect()
    }

    #[test]
    fn segments_already_stroked_either_way_round_are_left_out() {
        let mut seen = HashSet::new();
        // A one-pixel-thin region's two sides, both on its centre line [0,5]–[4,5].
        let first = polyline(&[[0, 0], [0, 5], [4, 5], [4, 9]]);
        assert_eq!(
            unrepeated_runs(&first, false, &mut seen),
            vec![first.clone()]
        );
        let second = polyline(&[[8, 5], [4, 5], [0, 5], [0, 9]]);
        let runs = unrepeated_runs(&second, false, &mut seen);
        assert_eq!(
            runs,
            [polyline(&[[8, 5], [4, 5]]), polyline(&[[0, 5], [0, 9]])]
        );
        // Drawn again whole: nothing is left.
        assert!(unrepeated_runs(&first, false, &mut seen).is_empty());
    }

    #[test]
    fn a_closed_chain_with_a_repeat_opens_there_and_keeps_one_run() {
        let mut seen = HashSet::new();
        unrepeated_runs(&polyline(&[[4, 0], [4, 4]]), false, &mut seen);
        let square = polyline(&[[0, 0], [4, 0], [4, 4], [0, 4], [0, 0]]);
        let runs = unrepeated_runs(&square, true, &mut seen);
        // [4,0]–[4,4] was drawn: the loop becomes one run from [4,4] round to [4,0].
        assert_eq!(runs, [polyline(&[[4, 4], [0, 4], [0, 0], [4, 0]])]);
        let whole = polyline(&[[10, 0], [14, 0], [14, 4], [10, 0]]);
        assert_eq!(
            unrepeated_runs(&whole, true, &mut seen),
            vec![whole.clone()]
        );
    }
}
