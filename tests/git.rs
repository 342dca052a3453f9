//! Blueprints kept in git, set up as docs/git.md says: `servuction merge`
//! as the merge driver and `servuction show` as the diff's textconv, run by
//! a real git in a temporary repository.

#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests and benchmarks stop at the first surprise.

use servuction::format;
use servuction::model::*;
use std::path::PathBuf;
use std::process::{Command, Output};

mod documents;
use documents::hotel;

const FILE: &str = "stay.servuction";

/// A repository in a temporary folder, with git's user settings left out.
struct Repo {
    dir: tempfile::TempDir,
}

impl Repo {
    /// A repository with the driver set up and `base` committed on `main`;
    /// None (and the reason printed) where git is not installed.
    fn new(base: &Blueprint) -> Option<Self> {
        if Command::new("git").arg("--version").output().is_err() {
            eprintln!("skipped: git is not installed (scripts/test.sh installs it)");
            return None;
        }
        let repo = Self {
            dir: tempfile::tempdir().unwrap(),
        };
        let exe = env!("CARGO_BIN_EXE_servuction");
        repo.git(&["init", "-q", "-b", "main"]);
        for (key, value) in [
            ("user.name", "Tester"),
            ("user.email", "tester@example.invalid"),
            ("commit.gpgsign", "false"),
            ("merge.servuction.name", "Servuction blueprint merge"),
            (
                "merge.servuction.driver",
                &format!("'{exe}' merge %O %A %B"),
            ),
            ("diff.servuction.textconv", &format!("'{exe}' show")),
        ] {
            repo.git(&["config", key, value]);
        }
        std::fs::write(
            repo.path(".gitattributes"),
            "*.servuction merge=servuction diff=servuction\n",
        )
        .unwrap();
        repo.commit(base, "base");
        Some(repo)
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// Runs git; its output whatever the exit.
    fn run(&self, args: &[&str]) -> Output {
        Command::new("git")
            .args(args)
            .current_dir(self.dir.path())
            .env("GIT_CONFIG_GLOBAL", "/dev/null")
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("HOME", self.dir.path())
            .env("LANG", "C")
            .env_remove("LC_ALL")
            .env_remove("LANGUAGE")
            .output()
            .expect("git runs")
    }

    /// Runs git, which must succeed.
    fn git(&self, args: &[&str]) -> String {
        let o = self.run(args);
        assert!(o.status.success(), "git {args:?}: {}", text(&o));
        String::from_utf8_lossy(&o.stdout).into_owned()
    }

    fn commit(&self, bp: &Blueprint, message: &str) {
        format::save(&self.path(FILE), bp).unwrap();
        self.git(&["add", "-A"]);
        self.git(&["commit", "-q", "-m", message]);
    }

    fn read(&self) -> Blueprint {
        format::read(&self.path(FILE)).unwrap()
    }

    /// Commits `ours` on a branch `ours` and `theirs` on `theirs`, both
    /// from main, and merges theirs into ours.
    fn merge(&self, ours: &Blueprint, theirs: &Blueprint) -> Output {
        self.git(&["checkout", "-q", "-b", "theirs", "main"]);
        self.commit(theirs, "theirs");
        self.git(&["checkout", "-q", "-b", "ours", "main"]);
        self.commit(ours, "ours");
        self.run(&["merge", "--no-edit", "theirs"])
    }
}

fn text(o: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

fn measure(bp: &mut Blueprint, date: &str, value: f64) {
    bp.standards[0].measurements.push(Measurement {
        date: date.parse().unwrap(),
        value,
    });
}

#[test]
fn branches_editing_different_touchpoints_and_adding_measurements_merge_cleanly() {
    let base = hotel();
    let Some(repo) = Repo::new(&base) else { return };
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    ours.touchpoints[0].title = "Arrives on foot".into();
    measure(&mut ours, "2030-01-01", 1.0);
    theirs.touchpoints[1].owner = "Front office".into();
    measure(&mut theirs, "2030-02-01", 2.0);
    let o = repo.merge(&ours, &theirs);
    assert!(o.status.success(), "{}", text(&o));
    let merged = repo.read();
    assert_eq!(merged.touchpoints[0].title, "Arrives on foot");
    assert_eq!(merged.touchpoints[1].owner, "Front office");
    let dates: Vec<String> = merged.standards[0]
        .measurements
        .iter()
        .map(|m| m.date.to_string())
        .collect();
    assert!(dates.contains(&"2030-01-01".to_owned()) && dates.contains(&"2030-02-01".to_owned()));
    assert!(merged.conflicts.is_empty());
    // Nothing is left to commit: git took the driver's result.
    assert_eq!(repo.git(&["status", "--porcelain"]), "");
}

#[test]
fn the_same_title_changed_on_both_branches_is_a_conflict_with_both_titles_kept() {
    let base = hotel();
    let Some(repo) = Repo::new(&base) else { return };
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    ours.touchpoints[0].title = "Ours".into();
    theirs.touchpoints[0].title = "Theirs".into();
    let o = repo.merge(&ours, &theirs);
    assert!(!o.status.success(), "{}", text(&o));
    let said = text(&o);
    assert!(said.contains("CONFLICT"), "{said}");
    assert!(said.contains("ours \"Ours\", theirs \"Theirs\""), "{said}");
    // The file in the work tree opens: ours in place, theirs recoverable.
    let merged = repo.read();
    assert_eq!(merged.touchpoints[0].title, "Ours");
    let c = &merged.conflicts[0];
    assert_eq!(
        (c.field.as_str(), c.theirs.clone()),
        ("title", Some("Theirs".into()))
    );
    assert!(
        !std::fs::read_to_string(repo.path(FILE))
            .unwrap()
            .contains("<<<<<<<")
    );
    assert!(
        repo.git(&["status", "--porcelain"])
            .contains(&format!("UU {FILE}"))
    );
}

#[test]
fn git_diff_shows_the_changes_of_a_blueprint_as_text() {
    let base = hotel();
    let Some(repo) = Repo::new(&base) else { return };
    let mut new = base.clone();
    new.touchpoints[0].title = "Arrives on foot".into();
    new.touchpoints[1].owner = "Front office".into();
    format::save(&repo.path(FILE), &new).unwrap();
    let diff = repo.git(&["diff"]);
    let old = &base.touchpoints[0];
    for line in [
        format!("-touchpoint {} \"{}\"", old.id, old.title),
        format!("+touchpoint {} \"Arrives on foot\"", old.id),
        "+  owner: \"Front office\"".to_owned(),
    ] {
        assert!(diff.contains(&line), "{line:?} not in:\n{diff}");
    }
    // Only the lines of what changed, and their context.
    assert!(!diff.contains("\"format\""), "{diff}");
    let changed = diff
        .lines()
        .filter(|l| {
            (l.starts_with('+') || l.starts_with('-'))
                && !l.starts_with("+++")
                && !l.starts_with("---")
        })
        .count();
    assert_eq!(changed, 3, "{diff}");
}
