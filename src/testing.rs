//! Helpers for the unit tests.

/// A small xorshift generator of numbers below `n`: random-looking inputs
/// that repeat from run to run, with no seed to keep.
pub(crate) fn numbers(seed: u64) -> impl FnMut(usize) -> usize {
    let mut state = seed;
    move |n: usize| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state % n as u64) as usize
    }
}
