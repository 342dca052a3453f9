//! Work in the background: exports, Copy as image, Open, CSV import and the
//! recovery copy run on a thread of their own, on a snapshot of the document
//! as it was when the user asked, so the window keeps drawing and the
//! document stays editable meanwhile.
//!
//! Each job reports its progress (a fraction, or none where it cannot tell)
//! and its end through a channel the frame polls; the status bar shows a
//! progress bar for work that runs longer than [`SHOW_AFTER`] seconds, with
//! Cancel where cancelling is safe (nothing was written yet).

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU32, Ordering};
use std::sync::mpsc::{Receiver, TryRecvError, channel};
use std::time::Instant;

/// How long a job runs before the status bar shows it.
pub const SHOW_AFTER: f64 = 0.3;

/// How far a job has come, and whether it was asked to stop.
#[derive(Debug, Default)]
pub struct Progress {
    /// Thousandths done, or `u32::MAX` while the job cannot tell.
    permille: AtomicU32,
    cancelled: AtomicBool,
}

impl Progress {
    fn new() -> Self {
        Self {
            permille: AtomicU32::new(u32::MAX),
            cancelled: AtomicBool::new(false),
        }
    }

    /// Sets the fraction done (0 to 1).
    pub fn set(&self, done: f32) {
        let permille = (done.clamp(0.0, 1.0) * 1000.0).round() as u32;
        self.permille.store(permille, Ordering::Relaxed);
    }

    /// The fraction done, if the job can tell.
    pub fn fraction(&self) -> Option<f32> {
        match self.permille.load(Ordering::Relaxed) {
            u32::MAX => None,
            p => Some(p as f32 / 1000.0),
        }
    }

    /// Whether the user asked the job to stop: a job checks it between its
    /// stages and before it writes anything.
    pub fn cancelled(&self) -> bool {
        self.cancelled.load(Ordering::Relaxed)
    }

    fn cancel(&self) {
        self.cancelled.store(true, Ordering::Relaxed);
    }
}

/// A job's end, reported to the frame; `T` is what the job made.
pub enum End<T> {
    Done(T),
    /// The user cancelled it, and it stopped before writing anything.
    Cancelled,
}

/// One job on its thread.
struct Job<T> {
    /// What it does, as the status bar says it.
    label: String,
    progress: Arc<Progress>,
    cancellable: bool,
    started: Instant,
    rx: Receiver<End<T>>,
}

/// The jobs running, each ending with a `T` for the app to take in.
pub struct Jobs<T> {
    running: Vec<Job<T>>,
    /// The window's context, once a frame has run: a job that ends asks it
    /// to draw again.
    ctx: Option<egui::Context>,
}

impl<T> Default for Jobs<T> {
    fn default() -> Self {
        Self {
            running: Vec::new(),
            ctx: None,
        }
    }
}

/// A job's line in the status bar.
pub struct Shown<'a> {
    pub label: &'a str,
    pub fraction: Option<f32>,
    pub cancellable: bool,
    pub index: usize,
}

impl<T: Send + 'static> Jobs<T> {
    /// Starts `work` on a thread of its own. The window is asked to draw
    /// again when the job ends.
    pub fn start(
        &mut self,
        label: String,
        cancellable: bool,
        work: impl FnOnce(&Progress) -> End<T> + Send + 'static,
    ) {
        let (tx, rx) = channel();
        let progress = Arc::new(Progress::new());
        let theirs = Arc::clone(&progress);
        let ctx = self.ctx.clone();
        std::thread::spawn(move || {
            // The window keeps a core to draw its frames on.
            crate::render::png::leave_a_core_free();
            let end = work(&theirs);
            let _ = tx.send(end);
            if let Some(ctx) = ctx {
                ctx.request_repaint();
            }
        });
        self.running.push(Job {
            label,
            progress,
            cancellable,
            started: Instant::now(),
            rx,
        });
    }

    /// The jobs that ended since the last frame, in the order they started.
    /// While jobs run, the window draws again now and then for their
    /// progress.
    pub fn poll(&mut self, ctx: &egui::Context) -> Vec<End<T>> {
        if self.ctx.is_none() {
            self.ctx = Some(ctx.clone());
        }
        let mut ended = Vec::new();
        self.running.retain(|job| match job.rx.try_recv() {
            Ok(end) => {
                ended.push(end);
                false
            }
            Err(TryRecvError::Empty) => true,
            // The thread panicked: nothing to take in.
            Err(TryRecvError::Disconnected) => false,
        });
        if !self.running.is_empty() {
            ctx.request_repaint_after(std::time::Duration::from_millis(100));
        }
        ended
    }

    /// Whether any job runs.
    pub fn busy(&self) -> bool {
        !self.running.is_empty()
    }

    /// The jobs the status bar shows: those running longer than
    /// [`SHOW_AFTER`].
    pub fn shown(&self) -> impl Iterator<Item = Shown<'_>> {
        self.running
            .iter()
            .enumerate()
            .filter(|(_, j)| j.started.elapsed().as_secs_f64() >= SHOW_AFTER)
            .map(|(index, j)| Shown {
                label: &j.label,
                fraction: j.progress.fraction(),
                cancellable: j.cancellable && !j.progress.cancelled(),
                index,
            })
    }

    /// Asks a job to stop.
    pub fn cancel(&mut self, index: usize) {
        if let Some(j) = self.running.get(index)
            && j.cancellable
        {
            j.progress.cancel();
        }
    }

    /// Waits for every job to end, and gives what they made (closing the
    /// window, tests).
    pub fn wait_all(&mut self) -> Vec<End<T>> {
        let mut ended = Vec::new();
        for job in std::mem::take(&mut self.running) {
            if let Ok(end) = job.rx.recv() {
                ended.push(end);
            }
        }
        ended
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_job_reports_its_progress_and_its_end_and_can_be_cancelled() {
        let mut jobs: Jobs<u32> = Jobs::default();
        let (go_tx, go_rx) = channel::<()>();
        jobs.start("Exporting".into(), true, move |p| {
            p.set(0.5);
            let _ = go_rx.recv();
            if p.cancelled() {
                End::Cancelled
            } else {
                End::Done(7)
            }
        });
        assert!(jobs.busy());
        assert_eq!(jobs.shown().count(), 0, "not shown before 0.3 s");
        std::thread::sleep(std::time::Duration::from_secs_f64(SHOW_AFTER));
        // The first stage is done when the job says so.
        while jobs.shown().next().and_then(|s| s.fraction).is_none() {
            std::thread::yield_now();
        }
        let shown: Vec<_> = jobs
            .shown()
            .map(|s| (s.label.to_owned(), s.fraction))
            .collect();
        assert_eq!(shown, vec![("Exporting".to_owned(), Some(0.5))]);
        jobs.cancel(0);
        assert!(!jobs.shown().next().unwrap().cancellable, "asked once");
        go_tx.send(()).unwrap();
        let ended = jobs.wait_all();
        assert!(matches!(ended.as_slice(), [End::Cancelled]));
        assert!(!jobs.busy());
        // A job that ends is taken in by the next frame's poll.
        jobs.start("Opening".into(), false, |_| End::Done(3));
        let ctx = egui::Context::default();
        let mut got = Vec::new();
        while got.is_empty() {
            got = jobs.poll(&ctx);
        }
        assert!(matches!(got.as_slice(), [End::Done(3)]));
    }
}
