//! Work that a large document splits over the machine's cores: the derived
//! data of a structural edit (health checks beside the layout, the cards of
//! the scene in halves) and the old derived data dropped off the frame.
//!
//! On rayon's global pool, whose threads live as long as the program: the
//! per-thread memo of title fits ([`crate::layout::title`]) stays warm on
//! them from one edit to the next, as it would not on a thread made for
//! each edit.

/// From how many touchpoints work is split: below it, handing work to
/// another thread costs more than it saves.
pub const PARALLEL_FROM: usize = 2_000;

/// `a` and `b`, side by side when the document has `size` touchpoints or
/// more, one after the other on this thread otherwise.
pub fn both<A, B>(size: usize, a: impl FnOnce() -> A + Send, b: impl FnOnce() -> B + Send) -> (A, B)
where
    A: Send,
    B: Send,
{
    if size >= PARALLEL_FROM {
        rayon::join(a, b)
    } else {
        (a(), b())
    }
}

/// Drops `value` on another thread: the memory of a large scene or layout
/// is given back while the frame goes on.
pub fn drop_later<T: Send + 'static>(value: T) {
    rayon::spawn(move || drop(value));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_returns_each_side_in_order_small_or_large() {
        for size in [0, PARALLEL_FROM, PARALLEL_FROM * 10] {
            let v: Vec<u32> = (0..1000).collect();
            let (a, b) = both(size, || v.iter().sum::<u32>(), || v.len());
            assert_eq!((a, b), (499_500, 1000));
        }
    }
}
