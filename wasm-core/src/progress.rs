//! Progress reporting: the pipeline tells an observer which stage runs and how far it is.

/// The four stages, in the order they run (indices match `STAGES` in `src/engine/abi.ts`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stage {
    Prepare = 0,
    Segment = 1,
    Trace = 2,
    Fit = 3,
}

/// Receives progress and supplies a clock (the wasm build forwards both to its host).
pub trait Observer {
    fn progress(&mut self, stage: Stage, fraction: f32);
    fn now_ms(&self) -> f64;
}

/// An observer that ignores progress and measures nothing.
pub struct Silent;

impl Observer for Silent {
    fn progress(&mut self, _stage: Stage, _fraction: f32) {}
    fn now_ms(&self) -> f64 {
        0.0
    }
}

/// Reports a loop's progress every `step` iterations, so that the host hears of it often
/// enough without paying a call per pixel.
pub struct Ticker {
    stage: Stage,
    total: usize,
    step: usize,
    next: usize,
    /// Fraction of the stage covered before this loop and by it.
    from: f32,
    span: f32,
}

impl Ticker {
    pub fn new(stage: Stage, total: usize, from: f32, span: f32) -> Self {
        let step = (total / 64).max(1);
        Ticker {
            stage,
            total: total.max(1),
            step,
            next: step,
            from,
            span,
        }
    }

    #[inline]
    pub fn tick(&mut self, done: usize, observer: &mut dyn Observer) {
        if done >= self.next {
            self.next = done + self.step;
            observer.progress(
                self.stage,
                self.from + self.span * done as f32 / self.total as f32,
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Recorder(Vec<f32>);
    impl Observer for Recorder {
        fn progress(&mut self, _stage: Stage, fraction: f32) {
            self.0.push(fraction);
        }
        fn now_ms(&self) -> f64 {
            0.0
        }
    }

    #[test]
    fn ticker_reports_monotonic_fractions_within_its_span() {
        let mut recorder = Recorder(Vec::new());
        let mut ticker = Ticker::new(Stage::Segment, 1000, 0.5, 0.25);
        for i in 0..1000 {
            ticker.tick(i, &mut recorder);
        }
        assert!(recorder.0.len() >= 60);
        assert!(recorder.0.windows(2).all(|w| w[0] <= w[1]));
        assert!(recorder.0.iter().all(|&f| (0.5..=0.75).contains(&f)));
    }
}
