//! The binary's memory allocator: the system's until a run over many drafts
//! switches to mimalloc for the rest of the process.
//!
//! Why two. A directory run allocates and frees thousands of small objects
//! per draft on every worker thread, and mimalloc's per-thread free lists
//! take about 8-10% off its CPU time against glibc's malloc (BENCHMARKS.md).
//! The language server keeps the system allocator: under mimalloc its peak
//! memory on a 50,000-word draft went from 28 to 53 MiB (66 with mimalloc
//! v3), and a one-file `check` started about a millisecond slower.
//!
//! Every block is freed or resized by the allocator that made it. Blocks
//! from before the switch are the system's; mimalloc tells its own apart by
//! address (`mi_is_in_heap_region`, the test its own `mi_cfree` makes), so
//! the switch is safe at any moment, with any number of blocks alive.

use libmimalloc_sys::mi_is_in_heap_region;
use mimalloc::MiMalloc;
use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicBool, Ordering};

pub struct Allocator;

/// Set once, never cleared: new blocks come from mimalloc.
static MIMALLOC: AtomicBool = AtomicBool::new(false);

/// From now on, allocate with mimalloc (blocks made before stay with the
/// system allocator until freed).
pub fn switch_to_mimalloc() {
    MIMALLOC.store(true, Ordering::Release);
}

/// Whether `ptr` is a mimalloc block. Before the switch there are none, and
/// mimalloc is not asked (the language server never pays for the test).
fn from_mimalloc(ptr: *mut u8) -> bool {
    // SAFETY: a lookup in mimalloc's map of its own memory; any address may
    // be asked about.
    MIMALLOC.load(Ordering::Acquire) && unsafe { mi_is_in_heap_region(ptr.cast()) }
}

// SAFETY: each method forwards to one of two allocators that uphold
// `GlobalAlloc`'s contract, and a block is only ever handed back to the one
// that made it (see `from_mimalloc`).
unsafe impl GlobalAlloc for Allocator {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        if MIMALLOC.load(Ordering::Acquire) {
            MiMalloc.alloc(layout)
        } else {
            System.alloc(layout)
        }
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        if MIMALLOC.load(Ordering::Acquire) {
            MiMalloc.alloc_zeroed(layout)
        } else {
            System.alloc_zeroed(layout)
        }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        if from_mimalloc(ptr) {
            MiMalloc.dealloc(ptr, layout)
        } else {
            System.dealloc(ptr, layout)
        }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        if from_mimalloc(ptr) {
            MiMalloc.realloc(ptr, layout, new_size)
        } else {
            System.realloc(ptr, layout, new_size)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Blocks made before the switch are freed and resized by the system
    /// allocator after it, and mimalloc's own blocks by mimalloc; the test
    /// binary runs on this allocator too, so every other test exercises it.
    #[test]
    fn blocks_made_before_the_switch_outlive_it() {
        let before: Vec<Vec<u64>> = (0..2_000u64)
            .map(|i| vec![i; (i % 97) as usize + 1])
            .collect();
        let text_before = "x".repeat(100_000);
        switch_to_mimalloc();
        let after: Vec<Vec<u64>> = (0..2_000u64)
            .map(|i| vec![i; (i % 89) as usize + 1])
            .collect();
        assert!(after.iter().all(|v| from_mimalloc(v.as_ptr() as *mut u8)));
        assert!(!before.iter().any(|v| from_mimalloc(v.as_ptr() as *mut u8)));
        // Grown across the switch: still the system's block, resized.
        let mut grown = before;
        for (i, v) in grown.iter_mut().enumerate() {
            v.extend(std::iter::repeat_n(i as u64, 300));
            assert_eq!(v[0], i as u64);
        }
        let mut text = text_before;
        text.push_str(&"y".repeat(1_000_000));
        assert_eq!(text.len(), 1_100_000);
        // Freed on other threads than the one that made them.
        let handles: Vec<_> = [grown, after]
            .into_iter()
            .map(|vs| std::thread::spawn(move || drop(vs)))
            .collect();
        for h in handles {
            h.join().unwrap();
        }
    }
}
