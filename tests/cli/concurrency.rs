//! Issue 5: one writer at a time. A second `pressdex index` (or `--rebuild`) on an index being
//! written is refused with the writer's pid; searches during the run all succeed and see a
//! consistent, growing index.

use predicates::prelude::*;

use crate::support::{
    Running, assert_holds_exactly, consistent_count_live, pressdex, write_good_articles,
};

#[test]
fn a_second_writer_is_refused_and_searches_during_indexing_succeed() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("corpus");
    let good = write_good_articles(&root, 0..2500);
    let index = tmp.path().join("index");
    let mut first = Running::index(&root, &index, 100);
    assert!(
        first.wait_for(|l| l.iter().any(|l| l.starts_with("pressdex: committed "))),
        "{:?}",
        first.lines()
    );
    let pid = first.child.id();
    let refused = format!("is being written by another pressdex (pid {pid})");
    pressdex()
        .arg("index")
        .arg(&root)
        .arg("--index")
        .arg(&index)
        .assert()
        .code(2)
        .stderr(predicate::str::contains(&refused));
    pressdex()
        .arg("index")
        .arg("--rebuild")
        .arg(&root)
        .arg("--index")
        .arg(&index)
        .assert()
        .code(2)
        .stderr(predicate::str::contains(&refused));

    let mut seen = Vec::new();
    while first.child.try_wait().unwrap().is_none() {
        let now = consistent_count_live(&index, &good);
        assert!(
            seen.last().is_none_or(|&last| now >= last),
            "the index shrank during the run: {seen:?} then {now}"
        );
        seen.push(now);
    }
    let (status, lines) = first.finish();
    assert_eq!(status.code(), Some(0), "{}", lines.join("\n"));
    eprintln!("searches during the run saw {seen:?}");
    assert!(!seen.is_empty());
    assert_holds_exactly(&index, &good, 10);
    assert!(
        !index.join("writer.pid").exists(),
        "the writer left its pid file behind"
    );
}

#[test]
fn a_stale_pid_file_from_a_killed_writer_does_not_block_the_next_run() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("corpus");
    let good = write_good_articles(&root, 0..20);
    let index = tmp.path().join("index");
    pressdex()
        .arg("index")
        .arg(&root)
        .arg("--index")
        .arg(&index)
        .assert()
        .code(0);
    // What a SIGKILLed writer leaves: its pid file, naming a process that is gone.
    let mut gone = std::process::Command::new("true").spawn().unwrap();
    let gone_pid = gone.id();
    gone.wait().unwrap();
    std::fs::write(index.join("writer.pid"), gone_pid.to_string()).unwrap();
    pressdex()
        .arg("index")
        .arg("--rebuild")
        .arg(&root)
        .arg("--index")
        .arg(&index)
        .assert()
        .code(0);
    assert_holds_exactly(&index, &good, 5);
}
