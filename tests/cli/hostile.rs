//! Issue 5: `pressdex index` on a hostile corpus (empty, binary, mis-encoded, huge, deeply
//! nested, looping and vanishing files) finishes, indexes every good article, and reports each
//! skipped file on one line of stderr.
//!
//! The corpus is generated here, deterministically, into a temporary folder; nothing hostile is
//! committed to the repository.

use std::collections::HashMap;
use std::ffi::OsString;
use std::io::Write;
use std::os::unix::ffi::OsStringExt;
use std::path::{Path, PathBuf};

use predicates::prelude::*;

use crate::common::extract_json_status as extract_json;
use crate::support::{
    COMMON, Scratch, article_count, assert_holds_exactly, hit_paths, index_cmd, marker,
    write_good_articles,
};

/// What indexing a hostile file must do.
#[derive(Debug, Clone)]
enum Expect {
    /// Indexed as an article findable by this word.
    Indexed(String),
    /// Skipped with a reason on stderr containing this text.
    Skipped(&'static str),
    /// Either, as long as it neither stops the run nor counts as an internal error.
    Either,
}

/// One file (or link, or folder) of the hostile corpus.
struct Hostile {
    path: PathBuf,
    what: &'static str,
    expect: Expect,
}

/// A deterministic byte stream (xorshift), for "random" binary content.
fn noise(len: usize, mut seed: u64) -> Vec<u8> {
    (0..len)
        .map(|_| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed >> 24) as u8
        })
        .collect()
}

/// Marker words of hostile files, numbered apart from the good articles'.
fn hmark(i: usize) -> String {
    marker(90_000 + i)
}

fn prose(m: &str) -> String {
    format!(
        "The council voted on the harbour plan, recorded here as {m}. \
         “It is a good day for the town,” the mayor said.\n"
    )
}

/// Writes the hostile corpus into `dir` and returns what each entry must do.
fn write_hostile(dir: &Path) -> Vec<Hostile> {
    let mut out = Vec::new();
    let add = |name: &str, what: &'static str, bytes: &[u8], expect: Expect| {
        let path = dir.join(name);
        std::fs::write(&path, bytes).unwrap();
        Hostile { path, what, expect }
    };
    out.push(add(
        "empty.html",
        "0-byte file",
        b"",
        Expect::Skipped("empty file"),
    ));
    out.push(add(
        "line\nbreak.html",
        "a newline in the file name",
        b"",
        Expect::Skipped("empty file"),
    ));
    out.push(add(
        "blank.txt",
        "only whitespace",
        b" \n\n\t  \r\n",
        Expect::Skipped("empty file"),
    ));
    out.push(add(
        "random.html",
        "binary noise named .html",
        &noise(64 * 1024, 7),
        Expect::Skipped("binary file"),
    ));
    let mut pdf = b"%PDF-1.7\n".to_vec();
    pdf.extend(noise(8 * 1024, 11));
    out.push(add(
        "report.pdf.html",
        "a PDF named .html",
        &pdf,
        Expect::Skipped("binary file (PDF)"),
    ));
    let mut bad_utf8 = prose(&hmark(1)).into_bytes();
    bad_utf8.extend_from_slice(b"Broken bytes \xFF\xFE\xC3\x28 \xE2\x82 in the middle.\n");
    bad_utf8.extend(prose("harbour").into_bytes());
    out.push(add(
        "invalid-utf8.txt",
        "invalid UTF-8",
        &bad_utf8,
        Expect::Indexed(hmark(1)),
    ));
    let latin1 = format!(
        "<html><head><meta charset=\"iso-8859-1\"><title>Déclaration</title></head><body><article>\
         <p>Le président a déclaré que les négociations étaient utiles, {}.</p></article></body></html>",
        hmark(2)
    );
    let (latin1, _, _) = encoding_rs::WINDOWS_1252.encode(&latin1);
    out.push(add(
        "latin1-declared.html",
        "Latin-1 with a charset declaration",
        &latin1,
        Expect::Indexed(hmark(2)),
    ));
    let cp1251 = format!(
        "Пресс-секретарь президента Дмитрий Песков заявил журналистам, что переговоры были полезными. {}\n",
        hmark(3)
    );
    let (cp1251, _, _) = encoding_rs::WINDOWS_1251.encode(&cp1251);
    out.push(add(
        "cp1251-undeclared.txt",
        "Windows-1251 without a declaration",
        &cp1251,
        Expect::Indexed(hmark(3)),
    ));
    let mut mixed = format!(
        "<html><head><meta charset=\"utf-8\"></head><body><p>Café crème, {}.</p><p>",
        hmark(4)
    )
    .into_bytes();
    mixed.extend_from_slice(b"Le pr\xe9sident a d\xe9clar\xe9 ceci.</p></body></html>");
    out.push(add(
        "mixed-declared-utf8.html",
        "UTF-8 and Latin-1 mixed, declared UTF-8",
        &mixed,
        Expect::Indexed(hmark(4)),
    ));
    let mut mixed = format!("Café crème, {}. ", hmark(5)).into_bytes();
    mixed.extend(encoding_rs::WINDOWS_1251.encode("Песков заявил.").0.iter());
    out.push(add(
        "mixed-undeclared.txt",
        "UTF-8 and Windows-1251 mixed, undeclared",
        &mixed,
        Expect::Indexed(hmark(5)),
    ));
    let mut utf16 = vec![0xFF, 0xFE];
    for unit in prose(&hmark(6)).encode_utf16() {
        utf16.extend_from_slice(&unit.to_le_bytes());
    }
    out.push(add(
        "utf16le-bom.txt",
        "UTF-16LE with a byte-order mark",
        &utf16,
        Expect::Indexed(hmark(6)),
    ));
    let mut utf16 = vec![0xFE, 0xFF];
    let page = format!(
        "<html><body><article><p>{}</p></article></body></html>",
        prose(&hmark(7))
    );
    for unit in page.encode_utf16() {
        utf16.extend_from_slice(&unit.to_be_bytes());
    }
    out.push(add(
        "utf16be-bom.html",
        "UTF-16BE HTML with a byte-order mark",
        &utf16,
        Expect::Indexed(hmark(7)),
    ));
    // 50 MB, over the default 32 MiB --max-file-size.
    {
        let path = dir.join("huge.html");
        let mut f = std::io::BufWriter::new(std::fs::File::create(&path).unwrap());
        f.write_all(b"<html><body><article>").unwrap();
        let para = format!("<p>{}</p>\n", prose("filler"));
        let mut written = 0;
        while written < 50_000_000 {
            f.write_all(para.as_bytes()).unwrap();
            written += para.len();
        }
        f.write_all(b"</article></body></html>").unwrap();
        out.push(Hostile {
            path,
            what: "50 MB HTML",
            expect: Expect::Skipped("over the 33554432-byte limit (--max-file-size)"),
        });
    }
    let deep = format!(
        "<html><body>{}<p>{}</p>{}</body></html>",
        "<div>".repeat(100_000),
        prose(&hmark(8)),
        "</div>".repeat(100_000)
    );
    out.push(add(
        "deep.html",
        "HTML nested 100,000 levels",
        deep.as_bytes(),
        Expect::Indexed(hmark(8)),
    ));
    let deep = format!(
        "<html><body><p>{}</p>{}</body></html>",
        prose(&hmark(9)),
        "<b><i><u><font><span>".repeat(20_000)
    );
    out.push(add(
        "deep-unclosed.html",
        "100,000 unclosed inline tags",
        deep.as_bytes(),
        Expect::Indexed(hmark(9)),
    ));
    let flat = format!(
        "<html><body><article>{}<p>{}</article></body></html>",
        "<p>A short paragraph left open by a sloppy template.".repeat(20_000),
        prose(&hmark(10))
    );
    out.push(add(
        "many-open-paragraphs.html",
        "20,000 unclosed <p> (flat, not deep)",
        flat.as_bytes(),
        Expect::Indexed(hmark(10)),
    ));
    let busy = format!(
        "<html><body><p>{}</p>{}</body></html>",
        prose("busy"),
        "<p>The mayor “spoke”<b>x<i>y".repeat(100_000)
    );
    out.push(add(
        "many-tags.html",
        "300,000 tags (parsing would take ~50x the file in memory)",
        busy.as_bytes(),
        Expect::Skipped("more than 250000 tags, over the per-file work limit"),
    ));
    let mut line = prose(&hmark(11)).replace('\n', " ");
    while line.len() < 1024 * 1024 {
        line.push_str("the harbour plan was discussed again at length without a break ");
    }
    out.push(add(
        "one-line.txt",
        "1 MB on a single line",
        line.as_bytes(),
        Expect::Indexed(hmark(11)),
    ));
    out.push(add(
        "only-quotes.txt",
        "nothing but quote marks",
        "\"“”«»'’„‹›".repeat(20_000).as_bytes(),
        Expect::Either,
    ));
    let mut unbalanced = prose(&hmark(12));
    for n in 0..10_000 {
        unbalanced.push_str(&format!(
            "\n“Paragraph {n} opens a quote and never closes it, Kovacs said\n"
        ));
    }
    out.push(add(
        "unbalanced-quotes.txt",
        "unbalanced quotes across 10,000 paragraphs",
        unbalanced.as_bytes(),
        Expect::Indexed(hmark(12)),
    ));
    let mut nul = prose(&hmark(13)).into_bytes();
    nul.insert(20, 0);
    nul.insert(40, 0);
    nul.extend_from_slice(b"\0 trailing NUL\0\n");
    out.push(add(
        "nul-sprinkled.txt",
        "text with a few NUL bytes",
        &nul,
        Expect::Indexed(hmark(13)),
    ));
    out.push(add(
        "nul-only.html",
        "only NUL bytes",
        &[0u8; 4096],
        Expect::Skipped("binary file"),
    ));
    // A gzip bomb: 1 GiB of zeros in 64 gzip members of 16 MiB each (about 1 MB on disk).
    {
        let mut member = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
        member.write_all(&vec![0u8; 16 * 1024 * 1024]).unwrap();
        let member = member.finish().unwrap();
        out.push(add(
            "bomb.html.gz",
            "gzip bomb (1 GiB of zeros)",
            &member.repeat(64),
            Expect::Skipped("limit"),
        ));
    }
    let mut bad_gz = vec![0x1F, 0x8B, 8, 0, 0, 0, 0, 0, 0, 3];
    bad_gz.extend(noise(4096, 3));
    out.push(add(
        "corrupt.html.gz",
        "corrupt gzip",
        &bad_gz,
        Expect::Skipped("corrupt gzip"),
    ));
    out.push(add(
        &format!("{}.txt", "long-name-".repeat(24)),
        "a 244-byte file name",
        prose(&hmark(14)).as_bytes(),
        Expect::Indexed(hmark(14)),
    ));
    {
        let mut deep_dir = dir.join("nest");
        for _ in 0..100 {
            deep_dir.push("d");
        }
        std::fs::create_dir_all(&deep_dir).unwrap();
        let path = deep_dir.join("bottom.txt");
        std::fs::write(&path, prose(&hmark(15))).unwrap();
        out.push(Hostile {
            path,
            what: "article 100 folders deep",
            expect: Expect::Indexed(hmark(15)),
        });
    }
    // Two names that are not UTF-8 and would be the same name if decoded lossily.
    for (i, name) in [
        (16, b"bad-\xFF.html".to_vec()),
        (17, b"bad-\xFE.html".to_vec()),
    ] {
        let path = dir.join(OsString::from_vec(name));
        std::fs::write(
            &path,
            format!("<html><body><p>{}</p></body></html>", prose(&hmark(i))),
        )
        .unwrap();
        out.push(Hostile {
            path,
            what: "file name not valid UTF-8",
            expect: Expect::Indexed(hmark(i)),
        });
    }
    let link = |target: &str, name: &str| {
        let path = dir.join(name);
        std::os::unix::fs::symlink(target, &path).unwrap();
        path
    };
    out.push(Hostile {
        path: link(".", "loop"),
        what: "symlink to its own folder",
        expect: Expect::Skipped("symbolic link loop"),
    });
    out.push(Hostile {
        path: link("self-loop.html", "self-loop.html"),
        what: "symlink to itself",
        expect: Expect::Skipped("evels of symbolic links"),
    });
    out.push(Hostile {
        path: link("does-not-exist.html", "dangling.html"),
        what: "dangling symlink",
        expect: Expect::Skipped("No such file"),
    });
    {
        let path = dir.join("fifo.txt");
        let c = std::ffi::CString::new(path.as_os_str().as_encoded_bytes()).unwrap();
        assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o644) }, 0);
        out.push(Hostile {
            path,
            what: "named pipe (reading it would block)",
            expect: Expect::Skipped("not a regular file"),
        });
    }
    if is_root() {
        eprintln!("running as root: skipping the unreadable-folder case");
    } else {
        use std::os::unix::fs::PermissionsExt;
        let locked = dir.join("locked");
        std::fs::create_dir(&locked).unwrap();
        std::fs::write(locked.join("inside.txt"), prose("locked")).unwrap();
        std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
        out.push(Hostile {
            path: locked,
            what: "folder that cannot be read",
            expect: Expect::Skipped("ermission denied"),
        });
    }
    out
}

/// The peak resident memory of the largest child process waited for so far, in KiB.
fn max_child_rss_kib() -> i64 {
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    assert_eq!(
        unsafe { libc::getrusage(libc::RUSAGE_CHILDREN, &mut usage) },
        0
    );
    usage.ru_maxrss
}

fn is_root() -> bool {
    unsafe { libc::geteuid() == 0 }
}

/// Builds the corpus: good articles interleaved with the hostile files.
fn corpus(dir: &Path) -> (HashMap<String, PathBuf>, Vec<Hostile>) {
    // Good articles both beside the hostile files and in subfolders around them.
    let mut good = write_good_articles(dir, 0..150);
    for i in 150..200 {
        let (name, text) = crate::support::good_article(i);
        let path = dir.join(name);
        std::fs::write(&path, text).unwrap();
        good.insert(marker(i), path);
    }
    let hostile = write_hostile(dir);
    (good, hostile)
}

fn skip_lines(stderr: &str) -> Vec<&str> {
    stderr
        .lines()
        .filter(|l| l.starts_with("pressdex: skipped "))
        .collect()
}

#[test]
fn index_survives_a_hostile_corpus_and_keeps_every_good_article() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("corpus");
    std::fs::create_dir(&root).unwrap();
    let (good, hostile) = corpus(&root);
    let index = tmp.path().join("index");

    let out = index_cmd(&["--follow-links"], &root, &index)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    eprintln!("{stderr}");
    assert_eq!(out.status.code(), Some(0), "index failed:\n{stderr}");
    assert!(!stderr.contains("internal error"), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    // Bounded memory: the largest child so far (this run included) stayed far below what
    // reading the 1 GiB gzip bomb or parsing the 50 MB page would take.
    let peak_kib = max_child_rss_kib();
    eprintln!("peak RSS of a pressdex child so far: {peak_kib} KiB");
    assert!(peak_kib < 1024 * 1024, "a pressdex run used {peak_kib} KiB");

    // Every line is a skip report or the summary: one line per skipped file.
    for line in stderr.lines() {
        assert!(
            line.starts_with("pressdex: skipped ") || line.starts_with("added "),
            "stray stderr line: {line:?}"
        );
    }
    let skips = skip_lines(&stderr);
    // Every skip line is one known hostile file; no good article is ever skipped.
    for line in &skips {
        assert!(
            hostile
                .iter()
                .any(|h| line.contains(&h.path.to_string_lossy().replace('\n', "\\n"))),
            "unexpected skip: {line}"
        );
    }
    let mut indexed_hostile = 0;
    for h in &hostile {
        let name = h.path.to_string_lossy().replace('\n', "\\n");
        let line = skips
            .iter()
            .find(|l| l.starts_with(&format!("pressdex: skipped {name}: ")));
        match &h.expect {
            Expect::Skipped(reason) => {
                let line =
                    line.unwrap_or_else(|| panic!("{} ({name}) not reported:\n{stderr}", h.what));
                assert!(line.contains(reason), "{}: {line}", h.what);
            }
            Expect::Indexed(m) => {
                assert!(line.is_none(), "{} skipped: {line:?}", h.what);
                let hits = hit_paths(&index, m, 10);
                assert_eq!(hits.len(), 1, "{} ({m}) not indexed once: {hits:?}", h.what);
                indexed_hostile += 1;
            }
            Expect::Either => indexed_hostile += usize::from(line.is_none()),
        }
    }
    assert_holds_exactly(&index, &good, 10);
    assert_eq!(article_count(&index), (good.len() + indexed_hostile) as u64);
    assert!(
        stderr.contains(&format!("skipped {}", skips.len())),
        "summary does not count the skips:\n{stderr}"
    );

    // A second run changes nothing, reports the same skips again and still exits 0.
    let again = index_cmd(&["--follow-links"], &root, &index)
        .output()
        .unwrap();
    let stderr2 = String::from_utf8_lossy(&again.stderr);
    assert_eq!(again.status.code(), Some(0), "{stderr2}");
    assert!(
        stderr2.contains("added 0, updated 0, removed 0"),
        "{stderr2}"
    );
    assert_eq!(skip_lines(&stderr2).len(), skips.len(), "{stderr2}");
    assert_eq!(hit_paths(&index, COMMON, 1000).len(), good.len());
}

#[test]
fn symlinks_are_not_followed_unless_asked() {
    let s = Scratch::new(0..3);
    std::os::unix::fs::symlink(".", s.root.join("loop")).unwrap();
    std::os::unix::fs::symlink("nowhere.html", s.root.join("dangling.html")).unwrap();
    index_cmd(&[], &s.root, &s.index)
        .assert()
        .code(0)
        .stderr(predicate::str::contains("pressdex: skipped").not());
    assert_holds_exactly(&s.index, &s.good, 3);
}

#[test]
fn extract_handles_deep_huge_and_mis_encoded_files() {
    let tmp = tempfile::tempdir().unwrap();
    let hostile = write_hostile(tmp.path());
    let find = |what: &str| {
        &hostile
            .iter()
            .find(|h| h.what.starts_with(what))
            .unwrap()
            .path
    };
    // The 100,000-level pages would overflow a default 2 MiB thread stack.
    for what in ["HTML nested 100,000", "100,000 unclosed inline"] {
        let (code, json) = extract_json(find(what));
        assert_eq!(code, Some(0), "{what}: {json}");
        let body = json["body"].as_str().unwrap();
        assert!(body.contains("harbour plan"), "{what}: {body:.200}");
    }
    let (code, json) = extract_json(find("50 MB HTML"));
    assert_eq!(code, Some(2));
    assert!(
        json["error"]
            .as_str()
            .unwrap()
            .contains("over the 33554432-byte limit (--max-file-size)"),
        "{json}"
    );
    let (code, json) = extract_json(find("Latin-1 with a charset"));
    assert_eq!(code, Some(0));
    assert!(
        json["body"]
            .as_str()
            .unwrap()
            .contains("président a déclaré"),
        "{json}"
    );
    // One-line text files are all headline.
    let (_, json) = extract_json(find("Windows-1251 without"));
    assert!(
        json["title"].as_str().unwrap().contains("Дмитрий Песков"),
        "{json}"
    );
    let (_, json) = extract_json(find("UTF-16LE"));
    assert!(
        json["title"].as_str().unwrap().contains(&hmark(6)),
        "{json}"
    );
    let (code, json) = extract_json(find("gzip bomb"));
    assert_eq!(code, Some(2));
    assert!(json["error"].as_str().unwrap().contains("limit"), "{json}");
}

#[test]
fn max_file_size_is_honoured_and_named() {
    let s = Scratch::new(0..2);
    let big = prose("big").repeat(200);
    std::fs::write(s.root.join("big.txt"), &big).unwrap();
    index_cmd(&["--max-file-size", "10000"], &s.root, &s.index)
        .assert()
        .code(0)
        .stderr(predicate::str::contains(format!(
            "big.txt: file is {} bytes, over the 10000-byte limit (--max-file-size)",
            big.len()
        )));
    assert_holds_exactly(&s.index, &s.good, 2);
}
