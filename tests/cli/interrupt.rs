//! Issue 5: an indexing run killed at any point (SIGKILL early, mid-batch, during a commit)
//! leaves an index that searches without error and holds what its last commit held; the next
//! run completes it with every article exactly once. Ctrl-C and SIGTERM stop cleanly.

use std::time::Duration;

use pressdex::cmd::thousands;

use crate::support::{
    Running, Scratch, announced_commits, assert_holds_exactly, consistent_count, index_cmd,
};

/// Files per commit in these tests (`PRESSDEX_COMMIT_EVERY`).
const COMMIT_EVERY: usize = 150;

/// When to kill a run.
#[derive(Debug, Clone, Copy)]
enum KillAt {
    /// This long after starting it.
    After(Duration),
    /// As soon as it announces its n-th commit is starting (so, during the commit).
    DuringCommit(usize),
    /// This long after its n-th commit finished (so, mid-batch).
    AfterCommit(usize, Duration),
}

fn count_lines(lines: &[String], prefix: &str) -> usize {
    lines.iter().filter(|l| l.starts_with(prefix)).count()
}

#[test]
fn sigkill_at_any_point_keeps_the_last_commit_and_the_next_run_completes() {
    let s = Scratch::new(0..3000);
    let plan = [
        KillAt::After(Duration::from_millis(20)),
        KillAt::DuringCommit(1),
        KillAt::AfterCommit(1, Duration::from_millis(50)),
        KillAt::DuringCommit(2),
        KillAt::After(Duration::from_millis(400)),
        KillAt::AfterCommit(2, Duration::ZERO),
        KillAt::DuringCommit(1),
        KillAt::DuringCommit(3),
    ];
    let (mut tried, mut survived, mut during_commit) = (0, 0, 0);
    let mut held = 0;
    for kill in plan {
        let mut run = Running::index(&s.root, &s.index, COMMIT_EVERY);
        let reached = match kill {
            KillAt::After(d) => {
                std::thread::sleep(d);
                run.child.try_wait().unwrap().is_none()
            }
            KillAt::DuringCommit(n) => {
                run.wait_for(|l| count_lines(l, "pressdex: committing") >= n)
            }
            KillAt::AfterCommit(n, d) => {
                let ok = run.wait_for(|l| count_lines(l, "pressdex: committed ") >= n);
                std::thread::sleep(d);
                ok && run.child.try_wait().unwrap().is_none()
            }
        };
        run.child.kill().unwrap(); // SIGKILL
        let (status, lines) = run.finish();
        if !reached || status.code().is_some() {
            // The run finished (or failed) before the moment to kill it came.
            assert_eq!(status.code(), Some(0), "{kill:?}: {}", lines.join("\n"));
            eprintln!("{kill:?}: run ended before the kill");
            held = consistent_count(&s.index, &s.good);
            continue;
        }
        tried += 1;
        if lines
            .last()
            .is_some_and(|l| l.starts_with("pressdex: committing"))
        {
            during_commit += 1;
        }
        let announced = announced_commits(&lines);
        let now = consistent_count(&s.index, &s.good);
        // Nothing committed before is lost, everything this run announced as committed is
        // there, and at most one unannounced commit (under two batches) more.
        assert!(
            now >= held + announced,
            "{kill:?}: index holds {now}, had {held}, run committed {announced}"
        );
        assert!(
            now <= held + announced + 2 * COMMIT_EVERY,
            "{kill:?}: index holds {now}, more than was committed ({held} + {announced})"
        );
        eprintln!("{kill:?}: killed; index holds {now} (had {held}, announced {announced})");
        held = now;
        survived += 1;
    }
    eprintln!("SIGKILL: survived {survived} of {tried} kills, {during_commit} during a commit");
    assert!(tried >= 3, "too few runs were still going when killed");

    index_cmd(&[], &s.root, &s.index).assert().code(0);
    assert_eq!(consistent_count(&s.index, &s.good), s.good.len());
    assert_holds_exactly(&s.index, &s.good, 20);
}

/// The article count in the summary line of an index run.
fn summary_holds(lines: &[String]) -> usize {
    let last = lines.last().expect("a summary line");
    let rest = last
        .split(" holds ")
        .nth(1)
        .expect("summary names the count");
    rest.split(' ')
        .next()
        .unwrap()
        .replace(',', "")
        .parse()
        .unwrap()
}

#[test]
fn ctrl_c_and_sigterm_stop_cleanly_keeping_what_was_committed() {
    let s = Scratch::new(0..1500);
    let mut held = 0;
    for signal in [libc::SIGINT, libc::SIGTERM] {
        let mut run = Running::index(&s.root, &s.index, COMMIT_EVERY);
        assert!(run.wait_for(|l| l.iter().any(|l| l.starts_with("pressdex: committed "))));
        run.signal(signal);
        let (status, lines) = run.finish();
        let text = lines.join("\n");
        assert_eq!(status.code(), Some(130), "signal {signal}: {text}");
        let summary = lines.last().unwrap();
        assert!(
            summary.starts_with("interrupted; kept what was done: "),
            "{text}"
        );
        let now = consistent_count(&s.index, &s.good);
        assert_eq!(summary_holds(&lines), now, "{text}");
        assert!(now >= held + announced_commits(&lines), "{text}");
        assert!(now < s.good.len(), "the run was not interrupted: {text}");
        held = now;
    }
    index_cmd(&[], &s.root, &s.index)
        .assert()
        .code(0)
        .stderr(predicates::str::contains(format!(
            "added {}, updated 0, removed 0, unchanged {}",
            thousands(s.good.len() - held),
            thousands(held)
        )));
    assert_holds_exactly(&s.index, &s.good, 10);
}
