//! The wasm ABI: the only place with `extern "C"`, raw pointers and `unsafe`.
//! Mirrors `src/engine/abi.ts`. One call at a time (wasm is single-threaded here).

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::RefCell;

use crate::memory;
use crate::options::Options;
use crate::progress::{Observer, Stage};

struct CountingAllocator;

unsafe impl GlobalAlloc for CountingAllocator {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let ptr = System.alloc(layout);
        if !ptr.is_null() {
            memory::record_alloc(layout.size());
        }
        ptr
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        System.dealloc(ptr, layout);
        memory::record_free(layout.size());
    }
}

#[global_allocator]
static ALLOCATOR: CountingAllocator = CountingAllocator;

extern "C" {
    fn vz_progress(stage: u32, fraction: f64);
    fn vz_now() -> f64;
}

struct Host;

impl Observer for Host {
    fn progress(&mut self, stage: Stage, fraction: f32) {
        unsafe { vz_progress(stage as u32, fraction as f64) }
    }
    fn now_ms(&self) -> f64 {
        unsafe { vz_now() }
    }
}

thread_local! {
    static OUTPUT: RefCell<Vec<u8>> = RefCell::new(Vec::new());
    static STATS: RefCell<Vec<f64>> = RefCell::new(Vec::new());
}

/// Allocates `len` bytes for the host to fill; 0 when memory cannot grow.
#[no_mangle]
pub extern "C" fn vz_alloc(len: usize) -> *mut u8 {
    let mut buffer: Vec<u8> = Vec::new();
    if buffer.try_reserve_exact(len).is_err() {
        return std::ptr::null_mut();
    }
    let ptr = buffer.as_mut_ptr();
    std::mem::forget(buffer);
    ptr
}

/// Frees what `vz_alloc(len)` returned.
#[no_mangle]
pub extern "C" fn vz_free(ptr: *mut u8, len: usize) {
    if !ptr.is_null() {
        unsafe { drop(Vec::from_raw_parts(ptr, 0, len)) }
    }
}

/// Runs the pipeline. Returns 0 on success (SVG in the output buffer, stats in the stats
/// buffer) or an `ErrorKind` code (message in the output buffer).
#[no_mangle]
pub extern "C" fn vz_vectorize(
    rgba_ptr: *mut u8,
    rgba_len: usize,
    width: u32,
    height: u32,
    options_ptr: *const f64,
    options_len: usize,
    palette_ptr: *const u32,
    palette_len: usize,
) -> u32 {
    let rgba: &mut [u8] = if rgba_ptr.is_null() {
        &mut []
    } else {
        unsafe { std::slice::from_raw_parts_mut(rgba_ptr, rgba_len) }
    };
    let block: &[f64] = if options_ptr.is_null() {
        &[]
    } else {
        unsafe { std::slice::from_raw_parts(options_ptr, options_len) }
    };
    let palette: &[u32] = if palette_ptr.is_null() {
        &[]
    } else {
        unsafe { std::slice::from_raw_parts(palette_ptr, palette_len) }
    };
    let result = Options::parse(block, palette)
        .and_then(|options| crate::vectorize(rgba, width, height, &options, &mut Host));
    match result {
        Ok(output) => {
            let s = &output.stats;
            let mut stats = vec![
                s.width as f64,
                s.height as f64,
                s.colors as f64,
                s.paths as f64,
                s.segments as f64,
                s.bytes as f64,
                s.stage_ms[0],
                s.stage_ms[1],
                s.stage_ms[2],
                s.stage_ms[3],
                s.peak_heap_bytes as f64,
            ];
            stats.extend(s.palette.iter().map(|&c| c as f64));
            OUTPUT.with(|o| *o.borrow_mut() = output.svg.into_bytes());
            STATS.with(|o| *o.borrow_mut() = stats);
            0
        }
        Err(error) => {
            OUTPUT.with(|o| *o.borrow_mut() = error.to_string().into_bytes());
            STATS.with(|o| o.borrow_mut().clear());
            error.kind() as u32
        }
    }
}

#[no_mangle]
pub extern "C" fn vz_output_ptr() -> *const u8 {
    OUTPUT.with(|o| o.borrow().as_ptr())
}

#[no_mangle]
pub extern "C" fn vz_output_len() -> usize {
    OUTPUT.with(|o| o.borrow().len())
}

#[no_mangle]
pub extern "C" fn vz_stats_ptr() -> *const f64 {
    STATS.with(|o| o.borrow().as_ptr())
}

#[no_mangle]
pub extern "C" fn vz_stats_len() -> usize {
    STATS.with(|o| o.borrow().len())
}

/// Releases the output and stats buffers.
#[no_mangle]
pub extern "C" fn vz_release() {
    OUTPUT.with(|o| *o.borrow_mut() = Vec::new());
    STATS.with(|o| *o.borrow_mut() = Vec::new());
}
