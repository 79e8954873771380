//! Fallible allocation (an over-large image is an error, never an abort) and heap accounting.

use crate::error::{Error, Result};
use std::sync::atomic::{AtomicUsize, Ordering};

/// Allocates a vector of `len` copies of `value`, or reports how much memory was missing.
pub fn try_filled<T: Clone>(len: usize, value: T) -> Result<Vec<T>> {
    let mut vec = Vec::new();
    vec.try_reserve_exact(len).map_err(|_| Error::OutOfMemory {
        bytes: len.saturating_mul(std::mem::size_of::<T>()) as u64,
    })?;
    vec.resize(len, value);
    Ok(vec)
}

/// An empty vector with room for `len` items.
pub fn try_with_capacity<T>(len: usize) -> Result<Vec<T>> {
    let mut vec = Vec::new();
    vec.try_reserve_exact(len).map_err(|_| Error::OutOfMemory {
        bytes: len.saturating_mul(std::mem::size_of::<T>()) as u64,
    })?;
    Ok(vec)
}

static CURRENT: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

/// Records `bytes` newly allocated (called by the wasm build's global allocator).
pub fn record_alloc(bytes: usize) {
    let now = CURRENT.fetch_add(bytes, Ordering::Relaxed) + bytes;
    PEAK.fetch_max(now, Ordering::Relaxed);
}

/// Records `bytes` released.
pub fn record_free(bytes: usize) {
    CURRENT.fetch_sub(bytes, Ordering::Relaxed);
}

/// Starts a new peak measurement from the current live heap.
pub fn reset_peak() {
    PEAK.store(CURRENT.load(Ordering::Relaxed), Ordering::Relaxed);
}

/// Peak live heap since the last `reset_peak`, in bytes (0 where the counter is not installed).
pub fn peak_bytes() -> usize {
    PEAK.load(Ordering::Relaxed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn impossible_allocation_is_an_error() {
        let result = try_filled::<u64>(usize::MAX / 4, 0);
        assert!(matches!(result, Err(Error::OutOfMemory { .. })));
    }

    #[test]
    fn filled_vector_has_the_value() {
        assert_eq!(try_filled(3, 7u8).unwrap(), vec![7, 7, 7]);
    }
}
