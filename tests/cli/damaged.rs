//! Issue 5: a damaged or foreign index directory gives a clear error saying what to do
//! (exit 2), never a panic and never silent data loss; `index --rebuild` recovers.

use std::path::Path;

use predicates::prelude::*;

use crate::support::{Scratch, assert_holds_exactly, index_cmd, pressdex, write_good_articles};

/// One way to damage an index directory, and what the error must say.
struct Damage {
    what: &'static str,
    /// Starts from a good index (true) or an empty folder (false).
    from_index: bool,
    damage: fn(&Path),
    message: &'static str,
    /// Whether a plain `index` run is refused too (false: it repairs the damage itself).
    index_refused: bool,
}

fn segment_files(dir: &Path, ext: &str) -> Vec<std::path::PathBuf> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == ext))
        .collect()
}

const DAMAGES: &[Damage] = &[
    Damage {
        what: "random files in the folder",
        from_index: false,
        damage: |dir| {
            std::fs::write(dir.join("notes.txt"), "my notes").unwrap();
            std::fs::write(dir.join("photo.jpg"), [0xFF, 0xD8, 0xFF, 0xE0]).unwrap();
        },
        message: "is not a pressdex index",
        index_refused: true,
    },
    Damage {
        what: "a newer schema version",
        from_index: true,
        damage: |dir| {
            let path = dir.join("pressdex.json");
            let text = std::fs::read_to_string(&path).unwrap();
            let mut marker: serde_json::Value = serde_json::from_str(&text).unwrap();
            marker["schema_version"] = 999.into();
            std::fs::write(&path, marker.to_string()).unwrap();
        },
        message: "was built by a newer pressdex (schema 999",
        index_refused: true,
    },
    Damage {
        what: "a tantivy index from another program",
        from_index: false,
        damage: |dir| {
            let mut builder = tantivy::schema::Schema::builder();
            let body = builder.add_text_field("content", tantivy::schema::TEXT);
            let foreign = tantivy::Index::create_in_dir(dir, builder.build()).unwrap();
            let mut writer: tantivy::IndexWriter = foreign.writer(15_000_000).unwrap();
            writer
                .add_document(tantivy::doc!(body => "someone else's data"))
                .unwrap();
            writer.commit().unwrap();
        },
        message: "did not build (no pressdex.json)",
        index_refused: true,
    },
    Damage {
        what: "pressdex.json copied into another program's index",
        from_index: false,
        damage: |dir| {
            let mut builder = tantivy::schema::Schema::builder();
            builder.add_text_field("content", tantivy::schema::TEXT);
            tantivy::Index::create_in_dir(dir, builder.build()).unwrap();
            std::fs::write(
                dir.join("pressdex.json"),
                r#"{"format":"pressdex-index","schema_version":SCHEMA,"created_by":"x"}"#.replace(
                    "SCHEMA",
                    &pressdex::index::schema::SCHEMA_VERSION.to_string(),
                ),
            )
            .unwrap();
        },
        message: "unexpected schema",
        index_refused: true,
    },
    Damage {
        what: "a truncated meta.json",
        from_index: true,
        damage: |dir| {
            let path = dir.join("meta.json");
            let text = std::fs::read(&path).unwrap();
            std::fs::write(&path, &text[..text.len() / 2]).unwrap();
        },
        message: "is damaged",
        index_refused: true,
    },
    Damage {
        what: "a garbled pressdex.json",
        from_index: true,
        damage: |dir| std::fs::write(dir.join("pressdex.json"), "{not json").unwrap(),
        message: "is damaged",
        index_refused: true,
    },
    Damage {
        what: "a deleted segment file",
        from_index: true,
        damage: |dir| {
            for p in segment_files(dir, "idx") {
                std::fs::remove_file(p).unwrap();
            }
        },
        message: "is damaged",
        index_refused: true,
    },
    Damage {
        what: "a truncated segment file",
        from_index: true,
        damage: |dir| {
            for ext in ["term", "store"] {
                for p in segment_files(dir, ext) {
                    let bytes = std::fs::read(&p).unwrap();
                    std::fs::write(&p, &bytes[..bytes.len().min(10)]).unwrap();
                }
            }
        },
        message: "is damaged",
        index_refused: true,
    },
    Damage {
        what: "a deleted meta.json",
        from_index: true,
        damage: |dir| std::fs::remove_file(dir.join("meta.json")).unwrap(),
        message: "is incomplete",
        index_refused: false,
    },
];

#[test]
fn damaged_or_foreign_index_folders_get_a_clear_error_and_rebuild_recovers() {
    for d in DAMAGES {
        let s = Scratch::new(0..4);
        let dir = &s.index;
        if d.from_index {
            index_cmd(&[], &s.root, dir).assert().code(0);
        } else {
            std::fs::create_dir(dir).unwrap();
        }
        (d.damage)(dir);
        let before = listing(dir);
        // The error names the damage and the way out, and is no panic.
        let clear_error = || {
            predicate::str::contains(d.message)
                .and(predicate::str::contains("--rebuild"))
                .and(predicate::str::contains("panicked").not())
        };
        for cmd in [&["search", "minister"][..], &["stats"], &["speakers"]] {
            pressdex()
                .args(cmd)
                .arg("--index")
                .arg(dir)
                .assert()
                .append_context("damage", d.what)
                .code(2)
                .stderr(clear_error());
        }
        if d.index_refused {
            index_cmd(&[], &s.root, dir)
                .assert()
                .append_context("damage", d.what)
                .code(2)
                .stderr(clear_error());
            // Refusing touched nothing.
            assert_eq!(listing(dir), before, "{}", d.what);
        }
        index_cmd(&["--rebuild"], &s.root, dir)
            .assert()
            .append_context("damage", d.what)
            .code(0);
        assert_holds_exactly(dir, &s.good, 4);
    }
}

/// File names and sizes in a folder, to check an error left it alone (tantivy's empty lock
/// files aside).
fn listing(dir: &Path) -> Vec<(String, u64)> {
    let mut out: Vec<(String, u64)> = std::fs::read_dir(dir)
        .unwrap()
        .filter(|e| {
            !e.as_ref()
                .unwrap()
                .file_name()
                .to_string_lossy()
                .starts_with(".tantivy-")
        })
        .map(|e| {
            let e = e.unwrap();
            (
                e.file_name().to_string_lossy().into_owned(),
                e.metadata().unwrap().len(),
            )
        })
        .collect();
    out.sort();
    out
}

#[test]
fn an_index_path_that_is_a_file_is_an_error() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("corpus");
    write_good_articles(&root, 0..1);
    let file = tmp.path().join("index");
    std::fs::write(&file, "not a folder").unwrap();
    index_cmd(&[], &root, &file)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("panicked").not());
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "not a folder");
}
