//! `pressdex search`, `stats` and `speakers` on the sample corpus and the fixtures.

use predicates::prelude::*;
use predicates::str::contains;

use crate::common::{TestEnv, corpus, fixtures, strings};

fn env() -> TestEnv {
    TestEnv::indexed(&[&corpus(), &fixtures()])
}

#[test]
fn phrase_search_finds_the_seed_first_with_the_phrase_highlighted() {
    let env = env();
    env.cmd()
        .args(["search", "\"megaphone diplomacy\""])
        .assert()
        .success()
        .stdout(contains(" 1. Kremlin: Putin Did Not Reject"))
        .stdout(contains("**megaphone diplomacy**"))
        .stdout(contains("by Pavel Morozov"))
        .stdout(contains("Dmitry Peskov"))
        .stdout(contains("corpus/000_2c7418d38772771f.txt"))
        .stderr(contains("1 article hit in"));
}

#[test]
fn filters_by_author_and_speaker() {
    let env = env();
    for flags in [
        ["--author", "morozov"],
        ["--speaker", "peskov"],
        ["--speaker", "USHAKOV"],
    ] {
        let (hits, code) = env.search_json(&flags);
        assert_eq!(code, 0, "{flags:?}");
        assert_eq!(hits.len(), 1, "{flags:?}");
        assert!(
            hits[0]["path"]
                .as_str()
                .unwrap()
                .ends_with("000_2c7418d38772771f.txt")
        );
    }
    let (hits, code) = env.search_json(&["--speaker", "witkoff"]);
    assert_eq!(
        (hits.len(), code),
        (0, 1),
        "Witkoff is mentioned, not quoted"
    );
}

#[test]
fn quote_search_returns_only_the_speakers_quotes() {
    let env = env();
    let (hits, code) = env.search_json(&["--quotes", "--speaker", "peskov", "diplomacy"]);
    assert_eq!(code, 0);
    assert!(!hits.is_empty());
    assert!(
        hits.iter()
            .all(|h| strings(&h["speakers"]) == vec!["Dmitry Peskov"]),
        "{hits:?}"
    );
    assert!(
        hits.iter()
            .any(|h| h["quote"].as_str().unwrap().contains("megaphone diplomacy"))
    );
    env.cmd()
        .args(["search", "--quotes", "--speaker", "peskov", "diplomacy"])
        .assert()
        .stdout(contains("Dmitry Peskov: “"));
}

#[test]
fn title_words_find_articles_and_quotes_each_in_their_own_search() {
    let env = env();
    // "Kremlin" is a word of the seed's title, which its quotes carry too.
    for query in [
        "kremlin",
        "title:kremlin",
        "kremlin putin",
        "kremlin OR nonexistentword",
    ] {
        let (hits, code) = env.search_json(&[query]);
        assert_eq!(code, 0, "{query}");
        assert!(!hits.is_empty(), "{query}");
        assert!(
            hits.iter().all(|h| h["kind"] == "article"),
            "{query}: {hits:?}"
        );
    }
    let (hits, code) = env.search_json(&["--quotes", "title:kremlin"]);
    assert_eq!(code, 0);
    assert!(!hits.is_empty());
    assert!(hits.iter().all(|h| h["kind"] == "quote"), "{hits:?}");
    assert!(
        hits.iter().all(|h| h["title"]
            .as_str()
            .is_some_and(|t| t.starts_with("Kremlin"))),
        "quote hits keep their article's title: {hits:?}"
    );
}

#[test]
fn json_hits_carry_the_schema_keys() {
    let env = env();
    let (hits, _) = env.search_json(&["harbour"]);
    assert_eq!(hits.len(), 1);
    let h = &hits[0];
    for key in [
        "rank",
        "kind",
        "score",
        "path",
        "url",
        "title",
        "authors",
        "published",
        "source",
        "language",
        "speakers",
        "snippet",
    ] {
        assert!(h.get(key).is_some(), "missing {key}: {h}");
    }
    assert_eq!(h["kind"], "article");
    assert!(h["score"].as_f64().unwrap() > 0.0);
    assert!(
        !h["snippet"].as_str().unwrap().contains("\u{1b}"),
        "no colour in JSON"
    );
}

#[test]
fn date_filters_and_newest_first() {
    let env = env();
    let (hits, _) = env.search_json(&["--since", "2023", "--sort", "newest"]);
    let dates: Vec<&str> = hits
        .iter()
        .map(|h| h["published"].as_str().unwrap())
        .collect();
    assert_eq!(
        dates.iter().map(|d| &d[..4]).collect::<Vec<_>>(),
        vec!["2024", "2023"]
    );
    let (hits, _) = env.search_json(&["--until", "2022-12"]);
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0]["published"], "2022-09-05");
    let (hits, code) = env.search_json(&["--since", "2025-01-01", "--until", "2025-12-31"]);
    assert_eq!((hits.len(), code), (0, 1));
}

#[test]
fn limit_and_offset_page_through_hits() {
    let env = env();
    let (all, _) = env.search_json(&["--since", "1900", "--sort", "oldest"]);
    let (page, _) = env.search_json(&[
        "--since", "1900", "--sort", "oldest", "--limit", "1", "--offset", "1",
    ]);
    assert!(all.len() >= 2);
    assert_eq!(page.len(), 1);
    assert_eq!(page[0]["path"], all[1]["path"]);
    assert_eq!(page[0]["rank"], 2);
}

#[test]
fn bad_query_exits_2_and_points_at_the_problem() {
    let env = env();
    env.cmd()
        .args(["search", "peskov AND (kremlin"])
        .assert()
        .code(2)
        .stderr(
            contains("column 12")
                .and(contains("never closed"))
                .and(contains("           ^")),
        );
    env.cmd()
        .args(["search", "colour:red"])
        .assert()
        .code(2)
        .stderr(contains("unknown field 'colour'"));
    env.cmd()
        .args(["search", "--since", "3/4/24", "x"])
        .assert()
        .code(2)
        .stderr(contains("expected YYYY"));
}

#[test]
fn absurd_limits_are_refused_not_crashed_on() {
    let env = env();
    env.cmd()
        .args(["search", "kremlin", "-n", "18446744073709551615"])
        .assert()
        .code(2)
        .stderr(contains("--limit"));
    env.cmd()
        .args(["search", "kremlin", "--offset", "18446744073709551615"])
        .assert()
        .code(2)
        .stderr(contains("--offset"));
}

#[test]
fn search_needs_a_query_or_a_filter() {
    env()
        .cmd()
        .arg("search")
        .assert()
        .code(2)
        .stderr(contains("give a QUERY or a filter"));
}

#[test]
fn stats_and_speakers_count_what_is_indexed() {
    let env = env();
    let out = env.cmd().args(["stats", "--json"]).output().unwrap();
    let stats: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(stats["articles"], 6);
    assert!(stats["quotes"].as_u64().unwrap() >= 8);
    assert_eq!(stats["first_published"], "2022-09-05");
    assert!(stats["top_speakers"][0]["name"] == "Yury Ushakov");
    assert!(stats["size_bytes"].as_u64().unwrap() > 0);
    env.cmd()
        .args(["speakers", "kremlin"])
        .assert()
        .success()
        .stdout(contains("Dmitry Peskov"))
        .stdout(contains("Lena Dahl").not());
}

#[test]
fn help_lists_subcommands_and_exit_codes() {
    env().cmd().arg("--help").assert().success().stdout(
        contains("index")
            .and(contains("search"))
            .and(contains("extract"))
            .and(contains("Exit codes")),
    );
}
