use super::*;

#[test]
fn copies_are_written_listed_loaded_and_discarded() {
    let dir = tempfile::tempdir().unwrap();
    let store = RecoveryStore::at(dir.path().join("recovery"));
    assert!(store.list().is_empty());
    let mut bp = crate::templates::blank(crate::model::Language::Es);
    bp.title = "Taller".into();
    store
        .write("window-a", Some(Path::new("/tmp/taller.json")), &bp)
        .unwrap();
    store
        .write("window-b", None, &crate::templates::synthetic(3))
        .unwrap();
    std::fs::write(store.dir().join("junk.json"), "not a copy").unwrap();
    let entries = store.list();
    assert_eq!(entries.len(), 2);
    let a = entries.iter().find(|e| e.key == "window-a").unwrap();
    assert_eq!(a.title, "Taller");
    assert_eq!(a.original.as_deref(), Some(Path::new("/tmp/taller.json")));
    assert!(a.written_at <= SystemTime::now());
    assert_eq!(store.load(a).unwrap(), bp);
    store.discard("window-a");
    assert_eq!(store.list().len(), 1);
}

#[test]
fn a_live_editors_copy_is_not_offered_and_a_discarded_one_is_kept() {
    let dir = tempfile::tempdir().unwrap();
    let store = RecoveryStore::at(dir.path().join("recovery"));
    let claim = store.claim("window-b").unwrap();
    assert!(store.claim("window-b").is_err(), "one editor per key");
    store
        .write("window-b", None, &crate::templates::synthetic(3))
        .unwrap();
    assert!(store.list().is_empty(), "window B still runs");
    drop(claim); // B is killed: the system releases its lock.
    let entries = store.list();
    assert_eq!(entries.len(), 1);
    store.set_aside(&entries[0]);
    assert!(store.list().is_empty());
    assert_eq!(store.discarded().len(), 1, "kept for some days");
    assert_eq!(
        store.load(&store.discarded()[0]).unwrap(),
        crate::templates::synthetic(3)
    );
}

use crate::testing::hotel;

#[cfg(unix)]
#[test]
fn a_copy_of_a_document_whose_path_is_not_utf8_is_written_and_listed() {
    use std::os::unix::ffi::OsStrExt as _;
    let dir = tempfile::tempdir().unwrap();
    let store = RecoveryStore::at(dir.path().join("recovery"));
    let odd = dir
        .path()
        .join(std::ffi::OsStr::from_bytes(b"caf\xe9.servuction"));
    let stamp = {
        format::save(&odd, &hotel()).unwrap();
        FileStamp::of(&odd)
    };
    store
        .write_stamped("window-a", Some(&odd), stamp.as_ref(), &hotel())
        .expect("the copy was not written");
    let entries = store.list();
    assert_eq!(entries.len(), 1);
    assert_eq!(entries[0].original.as_deref(), Some(odd.as_path()));
    assert_eq!(entries[0].original_stamp, stamp);
    assert_eq!(store.load(&entries[0]).unwrap(), hotel());
}

#[test]
fn a_discarded_copy_is_kept_for_days_from_when_it_was_discarded() {
    let dir = tempfile::tempdir().unwrap();
    let store = RecoveryStore::at(dir.path().join("recovery"));
    store.write("window-old", None, &hotel()).unwrap();
    // Written a month ago (an editor killed then, restarted now).
    let month_ago = SystemTime::now() - Duration::from_secs(30 * 24 * 3600);
    std::fs::File::options()
        .write(true)
        .open(store.dir().join("window-old.json"))
        .unwrap()
        .set_modified(month_ago)
        .unwrap();
    let entries = store.list();
    store.set_aside(&entries[0]);
    // Another copy set aside later prunes the old ones: not this one.
    store.write("window-new", None, &hotel()).unwrap();
    let entries = store.list();
    store.set_aside(&entries[0]);
    assert_eq!(
        store.discarded().len(),
        2,
        "the old copy was pruned at once"
    );
    // The same key set aside twice keeps both.
    store.write("window-new", None, &hotel()).unwrap();
    store.set_aside_key("window-new");
    assert_eq!(store.discarded().len(), 3);
}

#[test]
fn lock_files_go_with_their_editor_and_stale_ones_are_pruned() {
    let dir = tempfile::tempdir().unwrap();
    let store = RecoveryStore::at(dir.path().join("recovery"));
    let claim = store.claim("window-a").unwrap();
    assert!(store.dir().join("window-a.lock").exists());
    drop(claim);
    assert!(
        !store.dir().join("window-a.lock").exists(),
        "left by a clean exit"
    );
    // Left by killed editors of earlier runs, with no copy: pruned.
    for i in 0..5 {
        std::fs::write(store.dir().join(format!("window-{i}.lock")), "").unwrap();
    }
    // A killed editor's lock beside its copy stays with the copy.
    store.write("window-k", None, &hotel()).unwrap();
    std::fs::write(store.dir().join("window-k.lock"), "").unwrap();
    let live = store.claim("window-live").unwrap();
    assert_eq!(store.list().len(), 1);
    let mut locks: Vec<String> = std::fs::read_dir(store.dir())
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".lock"))
        .collect();
    locks.sort();
    assert_eq!(locks, ["window-k.lock", "window-live.lock"]);
    drop(live);
}

#[test]
fn the_header_keeps_the_start_of_a_huge_title() {
    let dir = tempfile::tempdir().unwrap();
    let store = RecoveryStore::at(dir.path().join("recovery"));
    let mut bp = hotel();
    bp.title = "Título enorme ".repeat(200_000);
    store.write("window-a", None, &bp).unwrap();
    let entries = store.list();
    assert!(entries[0].title.chars().count() <= HEADER_TITLE_CHARS + 1);
    assert_eq!(store.load(&entries[0]).unwrap().title, bp.title);
}

#[test]
fn a_save_with_no_change_keeps_the_backup_of_a_colleagues_version() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("stay.json");
    let bak = dir.path().join("stay.json.bak");
    let mine = hotel();
    save_with_backup(&path, &mine).unwrap();
    // A colleague saves their version; ours goes over it ("Save over it").
    let mut theirs = hotel();
    theirs.title = "Their version".into();
    format::save(&path, &theirs).unwrap();
    let mut edited = mine.clone();
    edited.title = "Mine, edited".into();
    save_with_backup(&path, &edited).unwrap();
    assert_eq!(format::read(&bak).unwrap(), theirs);
    // A second Ctrl+S with no change keeps their version in the backup.
    save_with_backup(&path, &edited).unwrap();
    assert_eq!(
        format::read(&bak).unwrap(),
        theirs,
        "the backup was overwritten"
    );
}

#[test]
fn a_save_that_fails_leaves_the_file_and_its_backup_as_they_were() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("stay.json");
    let bak = dir.path().join("stay.json.bak");
    let mut first = hotel();
    save_with_backup(&path, &first).unwrap();
    first.title = "Second".into();
    save_with_backup(&path, &first).unwrap();
    let (file_before, bak_before) = (std::fs::read(&path).unwrap(), std::fs::read(&bak).unwrap());
    first.title = "Third".into();
    FAIL_WRITE.with(|f| f.set(true));
    assert!(save_with_backup(&path, &first).is_err());
    FAIL_WRITE.with(|f| f.set(false));
    assert_eq!(std::fs::read(&path).unwrap(), file_before);
    assert_eq!(
        std::fs::read(&bak).unwrap(),
        bak_before,
        "the backup was replaced"
    );
}

#[cfg(unix)]
#[test]
fn a_document_opened_through_a_link_is_saved_to_its_target_and_the_link_stays() {
    let dir = tempfile::tempdir().unwrap();
    let shared = dir.path().join("shared");
    std::fs::create_dir(&shared).unwrap();
    let target = shared.join("stay.json");
    let link = dir.path().join("stay.json");
    let first = hotel();
    format::save(&target, &first).unwrap();
    std::os::unix::fs::symlink(&target, &link).unwrap();
    let mut edited = first.clone();
    edited.title = "Edited".into();
    save_with_backup(&link, &edited).unwrap();
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert_eq!(format::read(&target).unwrap(), edited);
    assert_eq!(format::read(&shared.join("stay.json.bak")).unwrap(), first);
}

#[test]
fn a_change_of_the_same_size_with_its_time_restored_is_noticed() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("stay.json");
    let mut bp = hotel();
    bp.title = "Version A".into();
    format::save(&path, &bp).unwrap();
    let stamp = FileStamp::of(&path).unwrap();
    let modified = std::fs::metadata(&path).unwrap().modified().unwrap();
    bp.title = "Version B".into();
    format::save(&path, &bp).unwrap();
    std::fs::File::options()
        .write(true)
        .open(&path)
        .unwrap()
        .set_modified(modified)
        .unwrap();
    assert_ne!(
        FileStamp::of(&path),
        Some(stamp),
        "the change went unnoticed"
    );
}

#[test]
fn saving_keeps_the_previous_version_as_a_backup() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("stay.json");
    let first = crate::templates::synthetic(2);
    save_with_backup(&path, &first).unwrap();
    assert!(!dir.path().join("stay.json.bak").exists());
    let stamp = FileStamp::of(&path).unwrap();
    let mut second = first.clone();
    second.title = "Second".into();
    save_with_backup(&path, &second).unwrap();
    assert_eq!(
        format::read(&dir.path().join("stay.json.bak")).unwrap(),
        first
    );
    assert_eq!(format::read(&path).unwrap(), second);
    assert_ne!(FileStamp::of(&path), Some(stamp));
}
