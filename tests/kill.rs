//! The kill test: a process edits and saves a document in a loop and is
//! killed with SIGKILL at random moments. The process is this test binary
//! run again for its `save_loop` test, with the document's path in
//! `SERVUCTION_SAVE_LOOP` (the loop is no command of the shipped binary). After every kill the file must read
//! back whole (the old or the new version, never half of one), its backup
//! too, and the recovery copy must hold every edit made since the last save.
//!
//! `KILL_ROUNDS=1000 cargo test --release --test kill` runs a longer campaign.

#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests and benchmarks stop at the first surprise.

use servuction::format;
use servuction::recovery::RecoveryStore;
use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// A small deterministic random generator (xorshift), seeded from the clock.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

/// The variable that makes `save_loop` run: the document's path, a tab, the
/// recovery folder.
const SAVE_LOOP: &str = "SERVUCTION_SAVE_LOOP";

/// Run again by the kill test: edits and saves the document in a loop,
/// writing a recovery copy after every edit and saving over the file after
/// every second one, and prints each round's number; the kill test kills
/// it. Without the variable (an ordinary `cargo test`) it does nothing.
#[test]
fn save_loop() {
    use servuction::model::Touchpoint;
    use servuction::recovery::save_with_backup;
    use std::io::Write;
    let Some(args) = std::env::var_os(SAVE_LOOP) else {
        return;
    };
    let args = args.into_string().unwrap();
    let (file, recovery_dir) = args.split_once('\t').unwrap();
    let file = std::path::Path::new(file);
    let mut blueprint = format::read(file).unwrap();
    let store = RecoveryStore::at(recovery_dir);
    let lane = blueprint.lanes[0].id.clone();
    let step = blueprint.steps().next().unwrap().1.id.clone();
    let mut stdout = std::io::stdout();
    for round in 0.. {
        blueprint.title = format!("round {round}");
        blueprint.touchpoints.push(Touchpoint::new(
            lane.clone(),
            step.clone(),
            format!("edit {round}"),
        ));
        store.write("kill-test", Some(file), &blueprint).unwrap();
        if round % 2 == 0 {
            save_with_backup(file, &blueprint).unwrap();
        }
        writeln!(stdout, "{round}").unwrap();
        stdout.flush().unwrap();
    }
}

fn round_of(title: &str) -> Option<u64> {
    title.strip_prefix("round ")?.parse().ok()
}

#[test]
fn killed_saves_never_leave_a_half_written_file_and_recovery_keeps_the_edits() {
    let rounds: u32 = std::env::var("KILL_ROUNDS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(25);
    let seed = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_nanos() as u64
        | 1;
    println!("kill test: {rounds} rounds, seed {seed}");
    let mut rng = Rng(seed);
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("workshop.json");
    let recovery = dir.path().join("recovery");
    // Big enough that a save takes a while, so kills land inside writes.
    format::save(&file, &servuction::templates::synthetic(400)).unwrap();
    let original_title = format::read(&file).unwrap().title;
    let mut killed_mid_run = 0;
    for round in 0..rounds {
        let mut child = Command::new(std::env::current_exe().unwrap())
            .args(["--exact", "save_loop", "--nocapture", "--test-threads=1"])
            .env(
                SAVE_LOOP,
                format!("{}\t{}", file.display(), recovery.display()),
            )
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        // Wait for the first edit (past the test harness's own lines), then
        // kill at a random moment.
        let mut out = BufReader::new(child.stdout.take().unwrap());
        let mut line = String::new();
        while line.trim().parse::<u64>().is_err() {
            line.clear();
            assert_ne!(out.read_line(&mut line).unwrap(), 0, "the loop ended");
        }
        std::thread::sleep(Duration::from_micros(rng.next() % 150_000));
        child.kill().unwrap(); // SIGKILL on Unix
        let status = child.wait().unwrap();
        if status.code().is_none() {
            killed_mid_run += 1;
        }

        let doc = format::read(&file)
            .unwrap_or_else(|e| panic!("round {round} (seed {seed}): the file is damaged: {e}"));
        assert!(
            doc.title == original_title || round_of(&doc.title).is_some_and(|r| r % 2 == 0),
            "round {round}: unexpected title {}",
            doc.title
        );
        let mut backup = file.as_os_str().to_owned();
        backup.push(".bak");
        if std::path::Path::new(&backup).exists() {
            format::read(std::path::Path::new(&backup))
                .unwrap_or_else(|e| panic!("round {round}: the backup is damaged: {e}"));
        }
        let store = RecoveryStore::at(&recovery);
        let entries = store.list();
        assert_eq!(entries.len(), 1, "round {round}: {entries:?}");
        let recovered = store
            .load(&entries[0])
            .unwrap_or_else(|e| panic!("round {round}: recovery damaged: {e}"));
        // The recovery copy holds everything saved, and every edit after it.
        assert!(
            recovered.touchpoints.len() >= doc.touchpoints.len(),
            "round {round}"
        );
        assert_eq!(
            &recovered.touchpoints[..doc.touchpoints.len()],
            &doc.touchpoints[..],
            "round {round}"
        );
        assert!(
            round_of(&recovered.title) >= round_of(&doc.title),
            "round {round}"
        );
        assert_eq!(entries[0].original.as_deref(), Some(file.as_path()));
        // Next round starts from the last saved file, like a restarted editor.
        let leftovers: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .filter_map(|e| e.ok())
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".tmp"))
            .collect();
        // A kill inside a write leaves its temporary file; it never replaces the document.
        for name in leftovers {
            std::fs::remove_file(dir.path().join(name)).unwrap();
        }
    }
    println!("kill test: {rounds} rounds, {killed_mid_run} killed while running, 0 damaged files");
    assert!(killed_mid_run > 0);
}
