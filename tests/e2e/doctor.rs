//! `duban doctor` and damaged data folders: a truncated index segment, deleted exports, a
//! state file that is not Duban's — each named with advice, and what can be rebuilt from the
//! state rebuilt identical to before.

use crate::util::{assert_ok, duban_with_data, export_bytes, show};
use std::path::{Path, PathBuf};

/// The largest positions file of the index folder: a segment's data that opening the index
/// does not read, so that the damage shows in a search. (The largest file of any kind was
/// sometimes a segment's store, which opening reads: the server then refused to start instead
/// of answering 503, depending on how the ingest's threads laid the segments out.)
fn largest_index_file(data: &Path) -> PathBuf {
    let mut files: Vec<(u64, PathBuf)> = std::fs::read_dir(data.join("index"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file() && p.extension().is_some_and(|x| x == "pos"))
        .map(|p| (std::fs::metadata(&p).unwrap().len(), p))
        .collect();
    files.sort();
    files.pop().expect("an index segment file").1
}

/// Cuts the index's largest positions file in half.
fn truncate_a_segment(data: &Path) {
    let segment = largest_index_file(data);
    let len = std::fs::metadata(&segment).unwrap().len();
    std::fs::OpenOptions::new()
        .write(true)
        .open(&segment)
        .unwrap()
        .set_len(len / 2)
        .unwrap();
}

fn search(data: &Path) -> std::process::Output {
    duban_with_data(data, &["search", "加强", "--json", "--limit", "100"])
}

/// The total and the hit ids of a search's JSON, ids sorted (a rebuilt index lays its
/// segments out anew, so hits of equal score may come in another order).
fn found(out: &std::process::Output) -> (u64, Vec<String>) {
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let mut ids: Vec<String> = v["hits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["id"].as_str().unwrap().to_string())
        .collect();
    ids.sort();
    (v["total"].as_u64().unwrap(), ids)
}

#[test]
fn doctor_repair_rebuilds_a_corrupt_index_and_deleted_exports_identical_to_before() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    assert_ok(&duban_with_data(&data, &["ingest", "corpora/seeds"]));
    let exports = export_bytes(&data);
    let hits = search(&data);
    assert_ok(&hits);
    let clean = duban_with_data(&data, &["doctor"]);
    assert_ok(&clean);
    assert!(
        String::from_utf8_lossy(&clean.stdout).contains("consistent"),
        "{}",
        show(&clean)
    );

    // A segment cut in half, and the exports gone.
    truncate_a_segment(&data);
    std::fs::remove_dir_all(data.join("export")).unwrap();

    let broken = search(&data);
    assert!(!broken.status.success(), "{}", show(&broken));
    let err = String::from_utf8_lossy(&broken.stderr);
    assert!(
        err.contains("is damaged") && err.contains("duban doctor --repair"),
        "{err}"
    );

    let check = duban_with_data(&data, &["doctor"]);
    assert_eq!(check.status.code(), Some(1), "{}", show(&check));
    let told = String::from_utf8_lossy(&check.stdout);
    assert!(told.contains("found: index"), "{}", show(&check));
    assert!(told.contains("found: exports"), "{}", show(&check));

    let repair = duban_with_data(&data, &["doctor", "--repair"]);
    assert_ok(&repair);
    let said = String::from_utf8_lossy(&repair.stdout);
    assert!(said.contains("repaired: rebuilt the index"), "{said}");
    assert!(said.contains("repaired: rewrote the exports"), "{said}");
    assert_eq!(export_bytes(&data), exports);
    let again = search(&data);
    assert_ok(&again);
    assert_eq!(found(&again), found(&hits));
    assert_ok(&duban_with_data(&data, &["doctor"]));
}

#[test]
fn a_state_that_is_not_duban_s_is_named_with_advice_and_not_repaired() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    std::fs::create_dir_all(&data).unwrap();
    std::fs::write(
        data.join("state.sqlite"),
        "这是一份误放在数据目录中的会议纪要文本。\n".repeat(200),
    )
    .unwrap();
    for args in [&["ingest", "corpora/seeds"][..], &["runs"][..]] {
        let out = duban_with_data(&data, args);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", show(&out));
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.contains("damaged or not Duban's") && err.contains("restore it from a backup"),
            "{args:?}: {err}"
        );
    }
    let doctor = duban_with_data(&data, &["doctor", "--repair"]);
    assert_eq!(doctor.status.code(), Some(1), "{}", show(&doctor));
    assert!(
        String::from_utf8_lossy(&doctor.stderr).contains("not repaired: state"),
        "{}",
        show(&doctor)
    );
}

#[test]
fn the_server_answers_503_with_advice_over_a_damaged_index() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    assert_ok(&duban_with_data(&data, &["ingest", "corpora/seeds"]));
    truncate_a_segment(&data);
    let server = crate::serve::Server::start(&data);
    let (status, body) = server.get(&format!("/api/search?q={}", crate::serve::encode("加强")));
    assert_eq!(status, 503, "{body}");
    assert!(body.contains("duban doctor --repair"), "{body}");
    assert!(!body.contains("Data corrupted"), "{body}");
}
