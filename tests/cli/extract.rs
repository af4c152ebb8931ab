//! `pressdex extract`: what the indexer sees for the seed article and the fixtures.

use crate::common::{corpus, extract_json, fixtures, strings};
use assert_cmd::Command;

#[test]
fn seed_article_gives_author_speakers_and_no_date() {
    let seed = corpus().join("000_2c7418d38772771f.txt");
    let a = extract_json(&seed);
    assert_eq!(strings(&a["authors"]), vec!["Pavel Morozov"]);
    let speakers = strings(&a["speakers"]);
    assert!(
        speakers.contains(&"Dmitry Peskov".to_string()),
        "{speakers:?}"
    );
    assert!(
        speakers.contains(&"Yury Ushakov".to_string()),
        "{speakers:?}"
    );
    assert!(
        !speakers.iter().any(|s| s.contains("Witkoff")),
        "{speakers:?}"
    );
    assert!(a["published"].is_null());
    let body = a["body"].as_str().unwrap();
    assert!(body.contains("megaphone diplomacy"));
    assert!(!body.contains("Subscribe to Pravda.Ru"));
    assert!(!body.contains("Author`s name"));
    assert!(
        a["title"]
            .as_str()
            .unwrap()
            .starts_with("Kremlin: Putin Did Not Reject")
    );
}

#[test]
fn extract_json_has_the_contract_keys() {
    let a = extract_json(&fixtures().join("plain_byline.txt"));
    for key in [
        "path",
        "title",
        "authors",
        "published",
        "source",
        "url",
        "language",
        "body",
        "quotes",
        "speakers",
    ] {
        assert!(a.get(key).is_some(), "missing key {key}: {a}");
    }
    for q in a["quotes"].as_array().unwrap() {
        assert!(q.get("speaker").is_some() && q["text"].is_string());
    }
}

#[test]
fn reads_json_ld_metadata_and_drops_boilerplate() {
    let a = extract_json(&fixtures().join("jsonld_two_authors.html"));
    assert_eq!(a["title"], "Harbour workers vote to strike over pay");
    assert_eq!(strings(&a["authors"]), vec!["Maria Olsen", "Tom Reyes"]);
    assert_eq!(
        a["published"].as_str().map(|d| &d[..10]),
        Some("2024-03-14")
    );
    assert_eq!(a["source"], "The Coastal Ledger");
    let body = a["body"].as_str().unwrap();
    assert!(body.contains("voted overwhelmingly"));
    for noise in ["cookies", "Related stories", "All rights reserved", "Sport"] {
        assert!(!body.contains(noise), "body keeps {noise:?}: {body}");
    }
    assert!(strings(&a["speakers"]).contains(&"Lena Dahl".to_string()));
}

#[test]
fn reads_meta_tags_and_cleans_the_author() {
    let a = extract_json(&fixtures().join("meta_tags_only.html"));
    assert_eq!(strings(&a["authors"]), vec!["Priya Natarajan"]);
    assert_eq!(
        a["published"].as_str().map(|d| &d[..10]),
        Some("2023-11-02")
    );
    assert_eq!(a["source"], "Valley Courier");
    let body = a["body"].as_str().unwrap();
    assert!(body.contains("tram line"));
    assert!(!body.contains("Share on Facebook"));
}

#[test]
fn plain_text_byline_and_dateline() {
    let a = extract_json(&fixtures().join("plain_byline.txt"));
    assert_eq!(a["title"], "Farmers warn of poor harvest after dry summer");
    assert_eq!(strings(&a["authors"]), vec!["Jonas Weber"]);
    assert_eq!(a["published"], "2022-09-05");
    assert!(!a["body"].as_str().unwrap().contains("Subscribe"));
    assert_eq!(strings(&a["speakers"]), vec!["Elke Brandt"]);
}

#[test]
fn never_invents_a_date() {
    let a = extract_json(&fixtures().join("no_date.md"));
    assert_eq!(a["title"], "Library reopens after flood repairs");
    assert_eq!(strings(&a["authors"]), vec!["Sam Okafor"]);
    assert!(a["published"].is_null(), "{}", a["published"]);
    assert_eq!(strings(&a["speakers"]), vec!["Ruth Mendel"]);
}

#[test]
fn decodes_windows_1251() {
    let a = extract_json(&fixtures().join("windows1251.html"));
    assert_eq!(a["language"], "ru");
    assert!(a["body"].as_str().unwrap().contains("Дмитрий Песков"));
    assert_eq!(a["title"], "Песков: переговоры были полезными");
}

#[test]
fn a_failing_file_does_not_stop_the_others() {
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("empty.html");
    std::fs::write(&empty, "").unwrap();
    let out = Command::cargo_bin("pressdex")
        .unwrap()
        .args(["extract", "--json"])
        .arg(&empty)
        .arg(fixtures().join("plain_byline.txt"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let lines: Vec<serde_json::Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["error"], "empty file");
    assert!(lines[1]["title"].is_string());
}

/// A wire story split into sections around an ad, with a kicker in the heading, a caption
/// and a dateline. Written to a temporary folder: the fixtures folder is indexed whole by the
/// search tests, whose counts it would change.
const WIRE_COPY_SECTIONS: &str = r#"<!DOCTYPE html>
<html lang="de">
<head>
<meta charset="utf-8">
<title>Hafenarbeiter legen Arbeit nieder | Nordkurier am Morgen</title>
<meta property="og:title" content="Hafenarbeiter legen Arbeit nieder">
<meta property="og:site_name" content="Nordkurier am Morgen">
<meta property="article:published_time" content="2024-05-06T08:15:00+02:00">
</head>
<body>
<main>
<article>
<h1><span class="kicker">Tarifstreit</span> <span>Hafenarbeiter legen Arbeit nieder</span></h1>
<p class="byline">Von Anna Berger und Jonas Keller, dpa, Hamburg</p>
<div class="stream">
  <div class="item text-block"><p>Im Hamburger Hafen haben am Montag mehrere tausend Beschäftigte die Arbeit niedergelegt, weil die Verhandlungen über höhere Löhne ins Stocken geraten sind.</p></div>
  <div class="item text-block"><p>Die Gewerkschaft fordert einen Inflationsausgleich, die Arbeitgeber bieten bisher deutlich weniger, und eine Einigung ist nicht in Sicht.</p></div>
  <div class="image-caption">Ein Containerschiff liegt am Kai, Foto: Archiv, aufgenommen im Winter.</div>
</div>
<div class="ad-slot">Anzeige</div>
<div class="stream">
  <div class="item text-block"><p>Nach Angaben der Hafenbetreiber stauen sich bereits die Schiffe auf der Elbe, manche Reedereien leiten ihre Frachter nach Rotterdam um.</p></div>
  <div class="item text-block"><p>Die nächste Verhandlungsrunde ist für Donnerstag angesetzt, teilte die Gewerkschaft mit, und bis dahin soll der Streik andauern.</p></div>
</div>
</article>
</main>
</body>
</html>
"#;

#[test]
fn wire_copy_split_into_sections() {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("wire_copy_sections.html");
    std::fs::write(&page, WIRE_COPY_SECTIONS).unwrap();
    let a = extract_json(&page);
    assert_eq!(a["title"], "Hafenarbeiter legen Arbeit nieder");
    // The agency is credited, the dateline's place is not an author.
    assert_eq!(
        strings(&a["authors"]),
        vec!["Anna Berger", "Jonas Keller", "dpa"]
    );
    let body = a["body"].as_str().unwrap();
    for part in [
        "mehrere tausend Beschäftigte",
        "nach Rotterdam",
        "für Donnerstag",
    ] {
        assert!(body.contains(part), "body lacks {part:?}: {body}");
    }
    for noise in ["Containerschiff liegt am Kai", "Anzeige"] {
        assert!(!body.contains(noise), "body keeps {noise:?}: {body}");
    }
}
