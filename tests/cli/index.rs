//! `pressdex index`: incremental runs, file selection, index safety.

use std::io::Write;

use predicates::prelude::*;
use predicates::str::contains;

use crate::common::{TestEnv, corpus, fixtures};

fn write(path: &std::path::Path, text: &str) {
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

fn article(title: &str, word: &str) -> String {
    format!(
        "{title}\n\nBy Test Writer\n\nThe {word} committee met on Tuesday and agreed on a plan.\n"
    )
}

#[test]
fn reindexing_reads_only_what_changed_and_says_so() {
    let env = TestEnv::new();
    let docs = env.dir.path().join("docs");
    for i in 0..4 {
        write(
            &docs.join(format!("a{i}.txt")),
            &article(&format!("Title {i}"), &format!("word{i}")),
        );
    }
    env.cmd()
        .args(["index", "docs"])
        .assert()
        .success()
        .stderr(contains("added 4, updated 0, removed 0, unchanged 0"));
    env.cmd()
        .args(["index", "docs"])
        .assert()
        .success()
        .stderr(contains("added 0, updated 0, removed 0, unchanged 4"));
    // Change one file (size changes), delete one, add one.
    write(
        &docs.join("a0.txt"),
        &article("Title zero, revised", "revisedword"),
    );
    std::fs::remove_file(docs.join("a1.txt")).unwrap();
    write(&docs.join("a9.txt"), &article("Title nine", "word9"));
    env.cmd()
        .args(["index", "docs"])
        .assert()
        .success()
        .stderr(contains("added 1, updated 1, removed 1, unchanged 2"));
    let (hits, code) = env.search_json(&["revisedword"]);
    assert_eq!((hits.len(), code), (1, 0));
    let (hits, code) = env.search_json(&["word0"]);
    assert_eq!((hits.len(), code), (0, 1), "the old version is gone");
    let (hits, _) = env.search_json(&["word1"]);
    assert!(hits.is_empty(), "the deleted file is gone");
    let (hits, _) = env.search_json(&["committee", "--limit", "100"]);
    assert_eq!(hits.len(), 4);
}

#[test]
fn selects_article_files_and_skips_hidden_folders() {
    let env = TestEnv::new();
    let docs = env.dir.path().join("docs");
    write(&docs.join("keep.txt"), &article("Kept", "alpha"));
    write(
        &docs.join("page.HTML"),
        "<html><body><article><p>The beta report was published.</p></article></body></html>",
    );
    write(&docs.join("notes.csv"), "a,b\n1,2\n");
    write(&docs.join(".git/hidden.txt"), &article("Hidden", "gamma"));
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(article("Zipped", "delta").as_bytes()).unwrap();
    std::fs::write(docs.join("zipped.txt.gz"), gz.finish().unwrap()).unwrap();
    env.cmd()
        .args(["index", "docs"])
        .assert()
        .success()
        .stderr(contains("added 3").and(contains("ignored 1 other files")));
    for (word, n) in [("alpha", 1), ("beta", 1), ("delta", 1), ("gamma", 0)] {
        assert_eq!(env.search_json(&[word]).0.len(), n, "{word}");
    }
}

#[test]
fn skips_bad_files_with_a_reason_and_keeps_going() {
    let env = TestEnv::new();
    let docs = env.dir.path().join("docs");
    write(&docs.join("good.txt"), &article("Good", "epsilon"));
    write(&docs.join("empty.txt"), "");
    std::fs::write(docs.join("fake.html"), b"%PDF-1.4\n\x00\x01\x02binary").unwrap();
    env.cmd()
        .args(["index", "docs"])
        .assert()
        .success()
        .stderr(
            contains("skipped")
                .and(contains("empty.txt: empty file"))
                .and(contains("fake.html: binary file (PDF)")),
        )
        .stderr(contains("added 1"));
    assert_eq!(env.search_json(&["epsilon"]).0.len(), 1);
}

#[test]
fn refuses_an_index_from_another_schema_and_rebuild_recovers() {
    let env = TestEnv::indexed(&[&corpus()]);
    let marker = env.index_path().join("pressdex.json");
    let mut json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&marker).unwrap()).unwrap();
    json["schema_version"] = 999.into();
    std::fs::write(&marker, json.to_string()).unwrap();
    env.cmd()
        .args(["search", "kremlin"])
        .assert()
        .code(2)
        .stderr(contains("newer pressdex").and(contains("--rebuild")));
    env.cmd()
        .arg("index")
        .arg(corpus())
        .arg("--rebuild")
        .assert()
        .success();
    env.cmd().args(["search", "kremlin"]).assert().success();
}

#[test]
fn refuses_to_write_into_a_folder_that_is_not_an_index() {
    let env = TestEnv::new();
    write(&env.index_path().join("thesis.docx"), "precious");
    env.cmd()
        .arg("index")
        .arg(fixtures())
        .assert()
        .code(2)
        .stderr(contains("is not a pressdex index").and(contains("thesis.docx")));
    assert!(env.index_path().join("thesis.docx").exists());
}

#[test]
fn search_without_an_index_says_how_to_make_one() {
    let env = TestEnv::new();
    env.cmd()
        .args(["search", "kremlin"])
        .assert()
        .code(2)
        .stderr(contains("no index at").and(contains("pressdex index")));
}

#[test]
fn index_path_comes_from_the_environment() {
    let env = TestEnv::new();
    let custom = env.dir.path().join("elsewhere");
    env.cmd()
        .env("PRESSDEX_INDEX", &custom)
        .arg("index")
        .arg(corpus())
        .assert()
        .success();
    assert!(custom.join("meta.json").exists());
    env.cmd()
        .env("PRESSDEX_INDEX", &custom)
        .args(["search", "kremlin"])
        .assert()
        .success();
}

#[test]
fn indexes_real_press_text_including_a_non_utf8_file() {
    let Some(shared) = crate::common::shared() else {
        return;
    };
    let sport = shared.join("data/corpora/bbc/sport");
    let files = std::fs::read_dir(&sport).unwrap().count();
    let env = TestEnv::new();
    env.cmd()
        .arg("index")
        .arg(&sport)
        .assert()
        .success()
        .stderr(contains(format!(
            "added {files}, updated 0, removed 0, unchanged 0, skipped 0"
        )));
    // sport/199.txt holds a byte that is not UTF-8; it is decoded, not dropped.
    let out = env.cmd().args(["stats", "--json"]).output().unwrap();
    let stats: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(stats["articles"], files);
}
