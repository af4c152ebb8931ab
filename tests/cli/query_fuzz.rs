//! Issue 5: the query parser on arbitrary and pathological input. No input panics; bad syntax
//! gets a positioned error; huge or deep queries are refused or answered quickly.
//!
//! Property tests run the parser (and the whole search) in-process on an in-RAM index; a few
//! pathological queries also go through the binary. `fuzz/` holds the `cargo fuzz` targets.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use predicates::prelude::*;
use proptest::prelude::*;
use tantivy::Index;

use pressdex::index::PressIndex;
use pressdex::index::document::{FileState, article_documents};
use pressdex::index::schema::{Fields, build_schema, register_analyzers};
use pressdex::query::parse::parse_user_query;
use pressdex::query::{SearchRequest, Target, search};

use crate::support::{Scratch, good_article, index_cmd, pressdex};

/// Longest a single parse plus search may take, to catch a hang or a blow-up (not a
/// benchmark: typical queries take well under a millisecond).
const SLOW: Duration = Duration::from_secs(10);

/// An in-RAM index of a few good articles.
fn press() -> PressIndex {
    let index = Index::create_in_ram(build_schema());
    register_analyzers(&index);
    let fields = Fields::new(&index.schema()).unwrap();
    let mut writer: tantivy::IndexWriter = index.writer(15_000_000).unwrap();
    for i in 0..6 {
        let (name, text) = good_article(i);
        let article = pressdex::pipeline::process_bytes(&name, text.as_bytes()).unwrap();
        let state = FileState {
            size: 1,
            mtime: 1,
            hash: i as u64,
        };
        for doc in article_documents(&fields, &article, state) {
            writer.add_document(doc).unwrap();
        }
    }
    writer.commit().unwrap();
    PressIndex {
        index,
        fields,
        dir: PathBuf::new(),
    }
}

thread_local! {
    static PRESS: PressIndex = press();
}

/// Parses and runs `text` as articles and as quotes; panics only on a property violation.
fn check_query(text: &str) {
    if std::env::var_os("PDX_DEBUG_Q").is_some() {
        eprintln!("Q {} {:.60}", text.len(), text);
    }
    PRESS.with(|press| {
        let searcher = press.index.reader().unwrap().searcher();
        for (target, quotes) in [(Target::Articles, false), (Target::Quotes, true)] {
            let start = Instant::now();
            match parse_user_query(&press.index, &press.fields, text, target) {
                Ok(_) => {
                    let req = SearchRequest {
                        query: Some(text.to_string()),
                        quotes,
                        limit: 5,
                        ..Default::default()
                    };
                    // Running may still refuse the query (a filter error), but never panics.
                    let _ = search(press, &searcher, &req);
                }
                Err(e) => {
                    assert!(e.pos <= text.len() && text.is_char_boundary(e.pos));
                    assert!(!e.message.is_empty());
                    let shown = e.to_string();
                    assert!(shown.starts_with("invalid query at column "), "{shown}");
                }
            }
            assert!(
                start.elapsed() < SLOW,
                "{text:?} took {:?}",
                start.elapsed()
            );
        }
    });
}

/// Pieces of query syntax, valid and not, to build query-like strings from.
fn token() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-z]{1,8}",
        "[A-Za-zÀ-ÿЀ-ӿ]{1,6}",
        Just("AND".to_string()),
        Just("OR".to_string()),
        Just("NOT".to_string()),
        Just("(".to_string()),
        Just(")".to_string()),
        Just("\"".to_string()),
        "[+-]",
        "[*?]",
        "[a-z]{1,5}[*?]",
        "[*?][a-z]{1,5}",
        "(title|author|speaker|source|quote|language|body|colour|by|lang):",
        "~[0-9]{1,12}",
        r"\^[0-9.\-]{1,6}",
        r"[\[{][a-z0-9*]{0,3} TO [a-z0-9*]{0,3}[\]}]",
        "IN \\[",
        "[:\\\\/!{}\\[\\]^~<>=]",
        "[<>]=?[0-9]{1,4}",
        "\\PC{1,3}",
    ]
}

fn query_like() -> impl Strategy<Value = String> {
    proptest::collection::vec((token(), prop_oneof![Just(""), Just(" ")]), 0..24)
        .prop_map(|parts| parts.into_iter().map(|(t, sep)| t + sep).collect())
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 256,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn any_text_is_parsed_or_refused_without_panicking(text in any::<String>()) {
        check_query(&text);
    }

    #[test]
    fn query_like_text_is_parsed_or_refused_without_panicking(text in query_like()) {
        check_query(&text);
    }
}

#[test]
fn pathological_queries_are_answered_or_refused_quickly() {
    let ten_thousand_terms: String = (0..10_000).map(|i| format!("w{i} ")).collect();
    let deep_parens = format!("{}peskov{}", "(".repeat(10_000), ")".repeat(10_000));
    let long_word = "a".repeat(1_000_000);
    for q in [
        "*ment",
        "*",
        "?",
        "\"a b\"~4294967295",
        "\"a b\"~4294967296",
        "\"a b\"~99999999999999999999999",
        "peskov^1e300",
        "peskov^-1",
        "[a TO z]",
        "\"\"",
        "\"*\"",
        &ten_thousand_terms,
        &deep_parens,
        &"\"a\" ".repeat(5_000),
        &"NOT ".repeat(5_000),
        &("NOT ".repeat(5_000) + "a"),
        &("+".repeat(5_000) + "a"),
        &("-".repeat(5_000) + "a"),
        &("a".to_string() + &"^2".repeat(5_000)),
        &("a".to_string() + &"~2".repeat(5_000)),
        &"title:".repeat(5_000),
        &format!("{}a{}", "[".repeat(5_000), "]".repeat(5_000)),
        &format!("{}a{}", "{".repeat(5_000), "}".repeat(5_000)),
        &"(a) ".repeat(5_000),
        &"\\".repeat(5_000),
        &"-a ".repeat(5_000),
        &long_word,
    ] {
        check_query(q);
    }
}

#[test]
fn bad_syntax_gets_a_positioned_error_through_the_binary() {
    let s = Scratch::new(0..3);
    index_cmd(&[], &s.root, &s.index).assert().code(0);
    let search = |q: &str| {
        let mut cmd = pressdex();
        cmd.arg("search")
            .arg("--index")
            .arg(&s.index)
            .arg("--")
            .arg(q)
            .timeout(Duration::from_secs(60));
        cmd
    };
    search("(peskov")
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "invalid query at column 1: '(' is never closed",
        ));
    search("kremlin AND")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("column 9"));
    let ten_thousand_terms: String = (0..10_000).map(|i| format!("w{i} ")).collect();
    search(&ten_thousand_terms)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("at most 1024 are allowed"));
    let deep = format!("{}minister{}", "(".repeat(10_000), ")".repeat(10_000));
    search(&deep)
        .assert()
        .code(predicate::in_iter([0, 2]))
        .stderr(predicate::str::contains("panicked").not());
    for q in ["*inister", "\"minister anna\"~4294967295", "minist*"] {
        search(q)
            .assert()
            .code(predicate::in_iter([0, 1, 2]))
            .stderr(predicate::str::contains("panicked").not());
    }
}
