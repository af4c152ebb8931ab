//! Issue 5: one writer at a time. A second `pressdex index` (or `--rebuild`) on an index being
//! written is refused with the writer's pid; searches during the run all succeed and see a
//! consistent, growing index.

use predicates::prelude::*;

use crate::support::{Running, Scratch, assert_holds_exactly, consistent_count_live, index_cmd};

#[test]
fn a_second_writer_is_refused_and_searches_during_indexing_succeed() {
    let s = Scratch::new(0..2500);
    let mut first = Running::index(&s.root, &s.index, 100);
    assert!(
        first.wait_for(|l| l.iter().any(|l| l.starts_with("pressdex: committed "))),
        "{:?}",
        first.lines()
    );
    let pid = first.child.id();
    let refused = format!("is being written by another pressdex (pid {pid})");
    for flags in [&[][..], &["--rebuild"]] {
        index_cmd(flags, &s.root, &s.index)
            .assert()
            .code(2)
            .stderr(predicate::str::contains(&refused));
    }

    let mut seen = Vec::new();
    while first.child.try_wait().unwrap().is_none() {
        let now = consistent_count_live(&s.index, &s.good);
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
    assert_holds_exactly(&s.index, &s.good, 10);
    assert!(
        !s.index.join("writer.pid").exists(),
        "the writer left its pid file behind"
    );
}

#[test]
fn a_stale_pid_file_from_a_killed_writer_does_not_block_the_next_run() {
    let s = Scratch::new(0..20);
    index_cmd(&[], &s.root, &s.index).assert().code(0);
    // What a SIGKILLed writer leaves: its pid file, naming a process that is gone.
    let mut gone = std::process::Command::new("true").spawn().unwrap();
    let gone_pid = gone.id();
    gone.wait().unwrap();
    std::fs::write(s.index.join("writer.pid"), gone_pid.to_string()).unwrap();
    index_cmd(&["--rebuild"], &s.root, &s.index)
        .assert()
        .code(0);
    assert_holds_exactly(&s.index, &s.good, 5);
}
