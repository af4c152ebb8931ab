//! Helpers of the robustness tests: a clean `pressdex` command, synthetic good articles with
//! unique marker words, and readers of `search --json` and `stats --json`.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::Duration;

use assert_cmd::Command;

/// Longest any single command may run before the test calls it a hang.
pub const HANG: Duration = Duration::from_secs(120);

/// Path of the built binary, for tests that must spawn and signal it themselves.
pub fn bin() -> PathBuf {
    assert_cmd::cargo::cargo_bin("pressdex")
}

/// `pressdex` with the tool's environment variables removed and a hang timeout.
pub fn pressdex() -> Command {
    let mut cmd = Command::new(bin());
    cmd.env_remove("PRESSDEX_INDEX")
        .env_remove("PRESSDEX_COMMIT_EVERY")
        .timeout(HANG);
    cmd
}

/// The unique word of good article `i`; one token whatever the analyzer does to it.
pub fn marker(i: usize) -> String {
    format!("pdxmark{i:05}q")
}

/// A word every good article contains, to list them all with one search.
pub const COMMON: &str = "pdxcorpusq";

const TOPICS: &[&str] = &[
    "grain exports through the Black Sea ports",
    "the new budget for regional hospitals",
    "a long-delayed bridge over the river",
    "talks on the price of natural gas",
    "flooding in the northern valleys",
];

/// A good plain-text article (`i` even) or HTML page (`i` odd) with marker `i`.
pub fn good_article(i: usize) -> (String, String) {
    let topic = TOPICS[i % TOPICS.len()];
    let m = marker(i);
    let body = format!(
        "Officials met on Tuesday to discuss {topic}, a subject reporters follow as {m} and {COMMON}.\n\n\
         “We are making progress, but much remains to be done,” Minister Anna Kovacs said after the meeting.\n\n\
         The next round of talks is expected later this month, according to people familiar with the plans."
    );
    if i.is_multiple_of(2) {
        (
            format!("good-{i:05}.txt"),
            format!("Report {i} on {topic}\n\n{body}\n"),
        )
    } else {
        let paragraphs: String = body
            .split("\n\n")
            .map(|p| format!("<p>{p}</p>\n"))
            .collect();
        (
            format!("good-{i:05}.html"),
            format!(
                "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Report {i}</title>\
                 <meta name=\"author\" content=\"Petra Novak\"></head><body><nav>Home | World</nav>\
                 <article><h1>Report {i} on {topic}</h1>{paragraphs}</article></body></html>\n"
            ),
        )
    }
}

/// Writes good articles `range` into `dir`, spread over a few subfolders; returns their paths
/// by marker.
pub fn write_good_articles(dir: &Path, range: std::ops::Range<usize>) -> HashMap<String, PathBuf> {
    let mut out = HashMap::new();
    for i in range {
        let sub = dir.join(format!("batch-{:02}", i / 500));
        std::fs::create_dir_all(&sub).unwrap();
        let (name, text) = good_article(i);
        let path = sub.join(name);
        std::fs::write(&path, text).unwrap();
        out.insert(marker(i), path);
    }
    out
}

/// A temporary folder holding good articles in `corpus/` and room for an index at `index/`
/// (not created); both go with it.
pub struct Scratch {
    _tmp: tempfile::TempDir,
    /// The corpus folder.
    pub root: PathBuf,
    /// Where the index goes.
    pub index: PathBuf,
    /// The good articles' paths by marker.
    pub good: HashMap<String, PathBuf>,
}

impl Scratch {
    /// A scratch folder whose corpus holds good articles `range`.
    pub fn new(range: std::ops::Range<usize>) -> Scratch {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path().join("corpus");
        std::fs::create_dir(&root).unwrap();
        let good = write_good_articles(&root, range);
        let index = tmp.path().join("index");
        Scratch {
            _tmp: tmp,
            root,
            index,
            good,
        }
    }
}

/// `pressdex index FLAGS… ROOT --index INDEX`, ready to run.
pub fn index_cmd(flags: &[&str], root: &Path, index: &Path) -> Command {
    let mut cmd = pressdex();
    cmd.arg("index")
        .args(flags)
        .arg(root)
        .arg("--index")
        .arg(index);
    cmd
}

/// A `pressdex index` run in the background whose stderr lines are collected as they come,
/// for tests that signal it at chosen moments.
pub struct Running {
    pub child: std::process::Child,
    lines: std::sync::Arc<std::sync::Mutex<Vec<String>>>,
    reader: Option<std::thread::JoinHandle<()>>,
}

impl Running {
    /// Starts `pressdex index CORPUS --index INDEX`, committing every `commit_every` files
    /// (`PRESSDEX_COMMIT_EVERY`, which also prints a line around each commit).
    pub fn index(corpus: &Path, index: &Path, commit_every: usize) -> Running {
        use std::io::BufRead;
        let mut child = std::process::Command::new(bin())
            .arg("index")
            .arg(corpus)
            .arg("--index")
            .arg(index)
            .env_remove("PRESSDEX_INDEX")
            .env("PRESSDEX_COMMIT_EVERY", commit_every.to_string())
            .stdin(std::process::Stdio::null())
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        let stderr = child.stderr.take().unwrap();
        let lines = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
        let sink = std::sync::Arc::clone(&lines);
        let reader = std::thread::spawn(move || {
            for line in std::io::BufReader::new(stderr).lines() {
                let Ok(line) = line else { break };
                sink.lock().unwrap().push(line);
            }
        });
        Running {
            child,
            lines,
            reader: Some(reader),
        }
    }

    /// The stderr lines so far.
    pub fn lines(&self) -> Vec<String> {
        self.lines.lock().unwrap().clone()
    }

    /// Waits until `seen` holds for the stderr lines so far; false if the process ended or
    /// [`HANG`] passed first.
    pub fn wait_for(&mut self, seen: impl Fn(&[String]) -> bool) -> bool {
        let start = std::time::Instant::now();
        loop {
            if seen(&self.lines.lock().unwrap()) {
                return true;
            }
            if self.child.try_wait().unwrap().is_some() || start.elapsed() > HANG {
                return false;
            }
            std::thread::sleep(Duration::from_millis(1));
        }
    }

    /// Sends a signal to the process.
    pub fn signal(&self, signal: i32) {
        let pid = self.child.id() as libc::pid_t;
        assert_eq!(unsafe { libc::kill(pid, signal) }, 0);
    }

    /// Waits for the process to end (killing it and failing after [`HANG`]); returns its exit
    /// status and all its stderr lines.
    pub fn finish(mut self) -> (std::process::ExitStatus, Vec<String>) {
        let start = std::time::Instant::now();
        let status = loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                break status;
            }
            if start.elapsed() > HANG {
                let _ = self.child.kill();
                panic!("pressdex index hung; stderr:\n{}", self.lines().join("\n"));
            }
            std::thread::sleep(Duration::from_millis(10));
        };
        self.reader.take().unwrap().join().unwrap();
        let lines = self.lines();
        (status, lines)
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Number of files the last `pressdex: committed N files` line of a run announced.
pub fn announced_commits(lines: &[String]) -> usize {
    lines
        .iter()
        .filter_map(|l| l.strip_prefix("pressdex: committed "))
        .filter_map(|rest| rest.strip_suffix(" files")?.parse().ok())
        .next_back()
        .unwrap_or(0)
}

/// Checks the index is in a consistent state holding only good articles, each once, and
/// returns how many. A run killed before its index was ever created leaves no index: that
/// must be reported clearly and counts as empty.
pub fn consistent_count(index: &Path, good: &HashMap<String, PathBuf>) -> usize {
    let (stats, search) = counts_seen(index, good);
    assert_eq!(stats, search, "search and stats disagree");
    search
}

/// Like [`consistent_count`] while a writer may commit between the `stats` and the `search`
/// it runs: each must see a consistent state, and the later search no fewer articles.
pub fn consistent_count_live(index: &Path, good: &HashMap<String, PathBuf>) -> usize {
    let (stats, search) = counts_seen(index, good);
    assert!(
        stats <= search,
        "stats saw {stats}, a later search only {search}"
    );
    search
}

/// The article counts `stats` and then a search for every good article see, after checking
/// the search found only good articles, each once.
fn counts_seen(index: &Path, good: &HashMap<String, PathBuf>) -> (usize, usize) {
    if !index.join("meta.json").exists() {
        pressdex()
            .arg("search")
            .arg("--index")
            .arg(index)
            .arg(COMMON)
            .assert()
            .code(2)
            .stderr(predicates::str::contains("pressdex index"));
        return (0, 0);
    }
    let count = article_count(index) as usize;
    let paths = hit_paths(index, COMMON, good.len() + 100);
    let want: std::collections::HashSet<String> = good
        .values()
        .map(|p| std::path::absolute(p).unwrap().display().to_string())
        .collect();
    let mut seen = std::collections::HashSet::new();
    for p in &paths {
        assert!(seen.insert(p), "{p} is indexed twice");
        assert!(want.contains(p), "{p} is not a good article");
    }
    (count, paths.len())
}

/// The paths of the article hits of `query` (`search --json`), in rank order; panics if the
/// search fails (exit 2) instead of finding something or nothing.
pub fn hit_paths(index: &Path, query: &str, limit: usize) -> Vec<String> {
    let out = pressdex()
        .arg("search")
        .arg("--index")
        .arg(index)
        .args(["--json", "-n", &limit.to_string()])
        .arg("--")
        .arg(query)
        .output()
        .unwrap();
    let code = out.status.code();
    assert!(
        code == Some(0) || code == Some(1),
        "search {query:?} failed ({:?}): {}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|line| {
            let hit: serde_json::Value = serde_json::from_str(line).unwrap();
            hit["path"].as_str().unwrap().to_string()
        })
        .collect()
}

/// The article count `stats --json` reports.
pub fn article_count(index: &Path) -> u64 {
    let out = pressdex()
        .arg("stats")
        .arg("--index")
        .arg(index)
        .arg("--json")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "stats failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stats: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    stats["articles"].as_u64().unwrap()
}

/// Checks the index holds each of `expected` exactly once and nothing else found by
/// [`COMMON`]; `sample` markers are also searched one by one.
pub fn assert_holds_exactly(index: &Path, expected: &HashMap<String, PathBuf>, sample: usize) {
    let paths = hit_paths(index, COMMON, expected.len() + 100);
    let mut seen = std::collections::HashSet::new();
    for p in &paths {
        assert!(seen.insert(p.as_str()), "{p} is indexed twice");
    }
    let want: std::collections::HashSet<String> = expected
        .values()
        .map(|p| std::path::absolute(p).unwrap().display().to_string())
        .collect();
    let missing: Vec<_> = want.iter().filter(|p| !seen.contains(p.as_str())).collect();
    assert!(missing.is_empty(), "not indexed: {missing:?}");
    let extra: Vec<_> = seen.iter().filter(|p| !want.contains(**p)).collect();
    assert!(extra.is_empty(), "unexpected articles: {extra:?}");
    let mut markers: Vec<&String> = expected.keys().collect();
    markers.sort();
    let step = (markers.len() / sample.max(1)).max(1);
    for m in markers.iter().step_by(step).take(sample) {
        let hits = hit_paths(index, m, 10);
        assert_eq!(hits.len(), 1, "search {m}: {hits:?}");
    }
}
