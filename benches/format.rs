//! Time to write and read large documents. Run with `cargo bench --bench format`.

#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests and benchmarks stop at the first surprise.

use servuction::format;
use servuction::templates::synthetic;
use std::time::{Duration, Instant};

fn median(mut runs: Vec<Duration>) -> Duration {
    runs.sort();
    runs[runs.len() / 2]
}

fn time<T>(rounds: usize, mut f: impl FnMut() -> T) -> Duration {
    median(
        (0..rounds)
            .map(|_| {
                let t = Instant::now();
                std::hint::black_box(f());
                t.elapsed()
            })
            .collect(),
    )
}

fn main() {
    println!(
        "{:>12} {:>10} {:>12} {:>12} {:>12}",
        "touchpoints", "bytes", "to_string", "from_str", "save (disk)"
    );
    let dir = std::env::temp_dir().join("servuction-bench");
    let _ = std::fs::create_dir_all(&dir);
    for n in [1_000, 10_000] {
        let bp = synthetic(n);
        let text = format::to_string(&bp).expect("valid");
        let write = time(11, || format::to_string(&bp).expect("valid"));
        let read = time(11, || format::from_str(&text).expect("readable"));
        let path = dir.join(format!("bench-{n}.json"));
        let save = time(5, || format::save(&path, &bp).expect("saved"));
        println!(
            "{:>12} {:>10} {:>10.2}ms {:>10.2}ms {:>10.2}ms",
            n,
            text.len(),
            write.as_secs_f64() * 1e3,
            read.as_secs_f64() * 1e3,
            save.as_secs_f64() * 1e3
        );
    }
}
