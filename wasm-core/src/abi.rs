//! The wasm ABI: the only place with `extern "C"`, raw pointers and `unsafe`.
//! Mirrors `src/engine/abi.ts`. One call at a time (wasm is single-threaded here).

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::RefCell;

use crate::error::Error;
use crate::memory;
use crate::option_table::ABI_VERSION;
use crate::options::Options;
use crate::progress::{Observer, Stage};

struct CountingAllocator;

// SAFETY: every method forwards to `System` with the caller's arguments unchanged, so the
// `GlobalAlloc` contract holds as it does for `System`; the counters are plain atomics.
unsafe impl GlobalAlloc for CountingAllocator {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let ptr = System.alloc(layout);
        if !ptr.is_null() {
            memory::record_alloc(layout.size());
        }
        ptr
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        let ptr = System.alloc_zeroed(layout);
        if !ptr.is_null() {
            memory::record_alloc(layout.size());
        }
        ptr
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        System.dealloc(ptr, layout);
        memory::record_free(layout.size());
    }

    /// Forwarded, so a growing `Vec` can grow in place; counts only the change in size.
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let new_ptr = System.realloc(ptr, layout, new_size);
        if !new_ptr.is_null() {
            if new_size >= layout.size() {
                memory::record_alloc(new_size - layout.size());
            } else {
                memory::record_free(layout.size() - new_size);
            }
        }
        new_ptr
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
        // SAFETY: an import the engine provides (`env.vz_progress`); plain numbers, no memory.
        unsafe { vz_progress(stage as u32, fraction as f64) }
    }
    fn now_ms(&self) -> f64 {
        // SAFETY: an import the engine provides (`env.vz_now`); returns a number, no memory.
        unsafe { vz_now() }
    }
}

thread_local! {
    static OUTPUT: RefCell<Vec<u8>> = RefCell::new(Vec::new());
    static STATS: RefCell<Vec<f64>> = RefCell::new(Vec::new());
}

/// Alignment of every `vz_alloc` block: enough for the f64 options and u32 palette views.
const ALIGN: usize = 8;

/// The layout `vz_alloc(len)` allocates with and `vz_free(ptr, len)` frees with.
fn host_layout(len: usize) -> Option<Layout> {
    Layout::from_size_align(len, ALIGN).ok()
}

/// The ABI version word (`option_table::ABI_VERSION`); the engine refuses a core with another.
#[no_mangle]
pub extern "C" fn vz_abi_version() -> u32 {
    ABI_VERSION
}

/// Allocates `len` bytes, aligned to 8, for the host to fill; 0 when memory cannot grow.
#[no_mangle]
pub extern "C" fn vz_alloc(len: usize) -> *mut u8 {
    match host_layout(len) {
        // An empty block needs no memory: a dangling, aligned pointer (never read or freed).
        Some(_) if len == 0 => ALIGN as *mut u8,
        // SAFETY: the layout has a non-zero size, as `alloc` requires.
        Some(layout) => unsafe { std::alloc::alloc(layout) },
        None => std::ptr::null_mut(),
    }
}

/// Frees what `vz_alloc(len)` returned.
#[no_mangle]
pub extern "C" fn vz_free(ptr: *mut u8, len: usize) {
    if ptr.is_null() || len == 0 {
        return;
    }
    if let Some(layout) = host_layout(len) {
        // SAFETY: the host passes back a pointer `vz_alloc(len)` returned, with the same `len`,
        // so it was allocated with this very layout and is freed once.
        unsafe { std::alloc::dealloc(ptr, layout) }
    }
}

/// The three host blocks as slices (empty for a null pointer).
///
/// # Safety
/// Each non-null pointer must come from `vz_alloc` (so it is aligned to 8) and hold at least
/// `len` elements the host wrote; nothing else may use them during the call.
unsafe fn slice<'a, T>(ptr: *const T, len: usize) -> &'a [T] {
    if ptr.is_null() {
        &[]
    } else {
        std::slice::from_raw_parts(ptr, len)
    }
}

/// Puts an error in the output buffer; the stats buffer gets the rejected option's slot for an
/// `InvalidOption` (see `OptionSlot::code`), else nothing. Returns the status code.
fn fail(error: Error) -> u32 {
    let slot = error.option_slot().map(|slot| slot.code());
    OUTPUT.with(|o| *o.borrow_mut() = error.to_string().into_bytes());
    STATS.with(|o| *o.borrow_mut() = slot.into_iter().collect());
    error.kind() as u32
}

/// Parses an options block and a palette as `vz_vectorize` does, and runs nothing. Returns 0
/// with the values read in the stats buffer (the block as Rust understood it, the palette, then
/// the remap pairs), or an `ErrorKind` code as `vz_vectorize` reports one.
#[no_mangle]
pub extern "C" fn vz_read_options(
    options_ptr: *const f64,
    options_len: usize,
    palette_ptr: *const u32,
    palette_len: usize,
    remap_ptr: *const u32,
    remap_len: usize,
) -> u32 {
    // SAFETY: the three blocks come from `vz_alloc` with the lengths given (see `slice`).
    let (block, palette, remap) = unsafe {
        (
            slice(options_ptr, options_len),
            slice(palette_ptr, palette_len),
            slice(remap_ptr, remap_len),
        )
    };
    match Options::parse(block, palette, remap) {
        Ok(options) => {
            let mut values = options.to_block().to_vec();
            values.extend(options.palette.iter().map(|&c| c as f64));
            values.extend(options.palette_remap.iter().flat_map(|e| {
                [e.from, e.to.unwrap_or(crate::remap::TRANSPARENT_WORD)].map(|w| w as f64)
            }));
            OUTPUT.with(|o| o.borrow_mut().clear());
            STATS.with(|o| *o.borrow_mut() = values);
            0
        }
        Err(error) => fail(error),
    }
}

/// `vz_vectorize`'s `page`: what the host knows of the page from `vz_classify` (its
/// uneven-page flag); anything else is unknown.
const PAGE_EVEN: u32 = 1;
const PAGE_UNEVEN: u32 = 2;

/// Runs the pipeline; `page` is `PAGE_EVEN`, `PAGE_UNEVEN` or 0 (not known). Returns 0 on success (SVG in the output buffer, stats in the stats
/// buffer) or an `ErrorKind` code (message in the output buffer; for an invalid option the
/// stats buffer holds its slot).
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
    remap_ptr: *const u32,
    remap_len: usize,
    page: u32,
) -> u32 {
    let rgba: &mut [u8] = if rgba_ptr.is_null() {
        &mut []
    } else {
        // SAFETY: the pixels come from `vz_alloc(rgba_len)`, written by the host, and nothing
        // else touches them during this call (wasm is single-threaded here).
        unsafe { std::slice::from_raw_parts_mut(rgba_ptr, rgba_len) }
    };
    // SAFETY: the three blocks come from `vz_alloc` with the lengths given (see `slice`).
    let (block, palette, remap) = unsafe {
        (
            slice(options_ptr, options_len),
            slice(palette_ptr, palette_len),
            slice(remap_ptr, remap_len),
        )
    };
    let uneven_page = match page {
        PAGE_EVEN => Some(false),
        PAGE_UNEVEN => Some(true),
        _ => None,
    };
    let result = Options::parse(block, palette, remap).and_then(|options| {
        let options = Options {
            uneven_page,
            ..options
        };
        crate::vectorize(rgba, width, height, &options, &mut Host)
    });
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
                s.strokes_left_out as f64,
            ];
            stats.extend(s.palette.iter().map(|&c| c as f64));
            OUTPUT.with(|o| *o.borrow_mut() = output.svg.into_bytes());
            STATS.with(|o| *o.borrow_mut() = stats);
            0
        }
        Err(error) => fail(error),
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

/// Classifies an image for automatic settings (see `classify`). Returns 0 with, in the stats
/// buffer: the kind's index in `Kind::ALL`, alpha, noisy, keeps-bw and uneven page (0/1), then
/// the features
/// flat, exact, grey, extreme, translucent, border, midtones, inked, paper spread, ink, paper,
/// block; or an `ErrorKind` code with the message in the output.
#[no_mangle]
pub extern "C" fn vz_classify(
    rgba_ptr: *const u8,
    rgba_len: usize,
    width: u32,
    height: u32,
) -> u32 {
    // SAFETY: the pixels come from `vz_alloc(rgba_len)`, written by the host (see `slice`).
    let rgba = unsafe { slice(rgba_ptr, rgba_len) };
    if let Err(error) = crate::prepare::check_input(rgba.len(), width, height, u64::MAX) {
        return fail(error);
    }
    let c = crate::classify::classify(rgba, width as usize, height as usize);
    let kind = crate::classify::Kind::ALL
        .iter()
        .position(|&k| k == c.kind)
        .unwrap_or(0);
    let f = c.features;
    let flags = [
        c.alpha,
        c.noisy,
        c.keeps_bw,
        crate::classify::is_uneven_page(&c),
    ]
    .map(|b| b as u8 as f64);
    let features = [
        f.flat,
        f.exact,
        f.grey,
        f.extreme,
        f.translucent,
        f.border,
        f.midtones,
        f.inked,
        f.paper_spread,
        f.ink,
        f.paper,
        f.block,
    ]
    .map(|v| v as f64);
    let values: Vec<f64> = std::iter::once(kind as f64)
        .chain(flags)
        .chain(features)
        .collect();
    OUTPUT.with(|o| o.borrow_mut().clear());
    STATS.with(|o| *o.borrow_mut() = values);
    0
}

/// A scene (see `raster::scene`, `scene_len` numbers) painted to a PNG: 0 with the PNG's bytes
/// in the output buffer, or an `ErrorKind` code with the message there.
#[no_mangle]
pub extern "C" fn vz_render_png(scene_ptr: *const f64, scene_len: usize) -> u32 {
    // SAFETY: the block comes from `vz_alloc` (aligned to 8) with `scene_len` numbers written.
    let scene = unsafe { slice(scene_ptr, scene_len) };
    match crate::raster::render_png(scene) {
        Ok(png) => {
            OUTPUT.with(|o| *o.borrow_mut() = png);
            STATS.with(|o| o.borrow_mut().clear());
            0
        }
        Err(error) => fail(error),
    }
}

/// The pixels of a plain PNG from its inflated image data (see `png_rows`): 0 with
/// `width * height * 4` bytes of straight RGBA in the output buffer, or an `ErrorKind` code with
/// the message there. `palette` is the PLTE chunk, `alpha` the tRNS chunk of a palette image.
#[no_mangle]
pub extern "C" fn vz_png_rgba(
    data_ptr: *const u8,
    data_len: usize,
    width: u32,
    height: u32,
    bit_depth: u32,
    colour_type: u32,
    palette_ptr: *const u8,
    palette_len: usize,
    alpha_ptr: *const u8,
    alpha_len: usize,
) -> u32 {
    // SAFETY: the three blocks come from `vz_alloc` with the lengths given (see `slice`).
    let (data, palette, alpha) = unsafe {
        (
            slice(data_ptr, data_len),
            slice(palette_ptr, palette_len),
            slice(alpha_ptr, alpha_len),
        )
    };
    let layout = crate::png_rows::PngLayout {
        width: width as usize,
        height: height as usize,
        bit_depth: bit_depth.min(255) as u8,
        colour_type: colour_type.min(255) as u8,
    };
    match crate::png_rows::png_rgba(data, layout, palette, alpha) {
        Ok(rgba) => {
            OUTPUT.with(|o| *o.borrow_mut() = rgba);
            STATS.with(|o| o.borrow_mut().clear());
            0
        }
        Err(error) => fail(error),
    }
}
