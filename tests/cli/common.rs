//! Test environment: a temporary folder with its own index, and a `pressdex` command isolated
//! from the user's environment.

use std::path::{Path, PathBuf};

use assert_cmd::Command;

pub use crate::support::pressdex;
use tempfile::TempDir;

/// The repository root.
pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The bundled sample corpus.
pub fn corpus() -> PathBuf {
    repo().join("corpus")
}

/// The synthetic fixture articles.
pub fn fixtures() -> PathBuf {
    repo().join("tests/fixtures/articles")
}

/// `../shared`, when present (CI has it; tests that need it skip with a message otherwise).
pub fn shared() -> Option<PathBuf> {
    let p = repo().join("../shared");
    if p.is_dir() {
        Some(p)
    } else {
        eprintln!("skipping: ../shared is absent");
        None
    }
}

/// A temporary working folder with an index inside it.
pub struct TestEnv {
    pub dir: TempDir,
}

impl TestEnv {
    pub fn new() -> Self {
        Self {
            dir: tempfile::tempdir().expect("temp dir"),
        }
    }

    /// A temp env whose index holds the given folders.
    pub fn indexed(folders: &[&Path]) -> Self {
        let env = Self::new();
        let mut cmd = env.cmd();
        cmd.arg("index");
        for f in folders {
            cmd.arg(f);
        }
        cmd.assert().success();
        env
    }

    pub fn index_path(&self) -> PathBuf {
        self.dir.path().join("index")
    }

    /// `pressdex` with no colour and no inherited settings, run inside the temp folder.
    pub fn cmd(&self) -> Command {
        let mut cmd = pressdex();
        cmd.current_dir(self.dir.path()).env("NO_COLOR", "1");
        cmd
    }

    /// `pressdex search ARGS… --json`, parsed into one JSON value per hit, with the exit code.
    pub fn search_json(&self, args: &[&str]) -> (Vec<serde_json::Value>, i32) {
        let out = self
            .cmd()
            .arg("search")
            .args(args)
            .arg("--json")
            .output()
            .expect("runs");
        let hits = String::from_utf8(out.stdout)
            .expect("utf-8 output")
            .lines()
            .map(|l| serde_json::from_str(l).expect("one JSON object per line"))
            .collect();
        (hits, out.status.code().unwrap_or(-1))
    }
}

/// `pressdex extract --json FILE`, parsed.
pub fn extract_json(file: &Path) -> serde_json::Value {
    extract_json_status(file).1
}

/// `pressdex extract --json FILE`: the exit code and the JSON, parsed.
pub fn extract_json_status(file: &Path) -> (Option<i32>, serde_json::Value) {
    let out = pressdex()
        .args(["extract", "--json"])
        .arg(file)
        .output()
        .expect("runs");
    let stdout = std::str::from_utf8(&out.stdout).expect("utf-8 output");
    let value = serde_json::from_str(stdout.trim())
        .unwrap_or_else(|e| panic!("{e}: {stdout}\n{}", String::from_utf8_lossy(&out.stderr)));
    (out.status.code(), value)
}

/// The string values of a JSON array.
pub fn strings(v: &serde_json::Value) -> Vec<String> {
    v.as_array()
        .map(|a| {
            a.iter()
                .filter_map(|s| s.as_str().map(String::from))
                .collect()
        })
        .unwrap_or_default()
}
