//! Attribution: finds the quotes in an article body and who said them.
//!
//! Owns quote detection (curly and straight marks, bulleted lists under an attribution) and
//! speaker resolution (a name next to a speech verb, a pronoun carried to the last speaker, a
//! surname resolved to the full name used earlier). It reads only the body text.

mod cues;

use std::collections::HashMap;
use std::sync::LazyLock;

use regex::Regex;

use crate::article::{Article, Quote};
use cues::{NOT_SPEAKERS, PRONOUNS, SPEECH_VERBS, TITLES};

/// A capitalised name of one to four words, or a pronoun.
const NAME: &str = r"(?:\p{Lu}[\p{L}’'\-]*\.?(?:\s+(?:de|van|von|der|al|bin|la|le|\p{Lu}[\p{L}’'\-]*\.?)){0,3}|[Hh]e|[Ss]he|[Tt]hey)";

fn verbs() -> String {
    let mut v: Vec<&str> = SPEECH_VERBS.to_vec();
    v.sort_by_key(|s| std::cmp::Reverse(s.len()));
    v.join("|")
}

/// After a closing quote: `, Peskov said` or `, said Peskov`.
static AFTER: LazyLock<Regex> = LazyLock::new(|| {
    let v = verbs();
    Regex::new(&format!(
        r"^[\s,.!?;:—–-]*(?:(?P<a>{NAME})(?:,[^,]{{1,60}},)?\s+(?:\w+ly\s+)?(?:{v})\b|(?:{v})\s+(?P<b>{NAME}))"
    ))
    .expect("valid regex")
});

/// Before an opening quote, within its sentence: `Peskov said:` or `what he called`.
static BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    let v = verbs();
    Regex::new(&format!(
        r"(?:(?P<a>{NAME})(?:,[^,]{{1,60}},)?\s+(?:\w+ly\s+)?(?:{v})\b|(?:according to|{v})\s+(?:[a-z]+\s+){{0,3}}(?P<b>{NAME}))"
    ))
    .expect("valid regex")
});

/// A full name mentioned in the text: two to four capitalised words.
static FULL_NAME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\p{Lu}[\p{Ll}’'\-]+(?:\s+\p{Lu}[\p{Ll}’'\-]+){1,3}").expect("valid regex")
});

/// Attributes quotes in an article's body, filling `quotes` and `speakers`.
pub fn attribute_article(article: &mut Article) {
    article.quotes = find_quotes(&article.body);
    article.speakers = speakers_of(&article.quotes);
}

/// Canonical speakers of a list of quotes, most quoted first.
pub fn speakers_of(quotes: &[Quote]) -> Vec<String> {
    let mut counts: Vec<(String, usize)> = Vec::new();
    for q in quotes {
        if let Some(s) = &q.speaker {
            match counts.iter_mut().find(|(n, _)| n == s) {
                Some((_, c)) => *c += 1,
                None => counts.push((s.clone(), 1)),
            }
        }
    }
    counts.sort_by_key(|c| std::cmp::Reverse(c.1));
    counts.into_iter().map(|(n, _)| n).collect()
}

/// A quoted span inside a paragraph, in byte offsets of the paragraph.
struct Span {
    start: usize,
    end: usize,
    text_start: usize,
    text_end: usize,
}

/// Finds the quotes of a body text and their speakers.
pub fn find_quotes(body: &str) -> Vec<Quote> {
    let mut resolver = Resolver::default();
    let mut quotes = Vec::new();
    let mut list_speaker: Option<String> = None;
    for para in body.split('\n') {
        let trimmed = para.trim();
        if trimmed.is_empty() {
            continue;
        }
        let is_bullet = trimmed.starts_with(['•', '*', '-', '–', '·', '▪']);
        if !is_bullet {
            list_speaker = None;
        }
        resolver.learn_names(para);
        if is_bullet && let Some(speaker) = &list_speaker {
            let text = trimmed
                .trim_start_matches(['•', '*', '-', '–', '·', '▪'])
                .trim();
            quotes.push(Quote {
                speaker: Some(speaker.clone()),
                text: text.to_string(),
                confidence: 0.8,
            });
            continue;
        }
        for span in quote_spans(para) {
            let text = para[span.text_start..span.text_end].trim();
            let words = text.split_whitespace().count();
            let after = &para[span.end..];
            let sentence_start = para[..span.start]
                .char_indices()
                .rfind(|(_, c)| matches!(c, '.' | '!' | '?' | '”' | '"'))
                .map_or(0, |(i, c)| i + c.len_utf8());
            let before = &para[sentence_start..span.start];
            let raw = speaker_after(after).or_else(|| speaker_before(before));
            let speaker = raw.and_then(|(name, named)| resolver.resolve(&name, named));
            if words < 2 || (words < 4 && speaker.is_none()) {
                continue;
            }
            let confidence = match &speaker {
                Some(_) => 0.9,
                None => 0.0,
            };
            if let Some(s) = &speaker {
                resolver.last_speaker = Some(s.clone());
            }
            quotes.push(Quote {
                speaker,
                text: text.trim_end_matches([',', ' ']).to_string(),
                confidence,
            });
        }
        if trimmed.ends_with(':')
            && let Some(caps) = BEFORE.captures_iter(trimmed).last()
        {
            let name = caps
                .name("a")
                .or(caps.name("b"))
                .map(|m| m.as_str().to_string());
            list_speaker = name.and_then(|n| {
                let named = !PRONOUNS.contains(&n.as_str());
                resolver.resolve(&n, named)
            });
            if let Some(s) = &list_speaker {
                resolver.last_speaker = Some(s.clone());
            }
        }
    }
    quotes
}

/// The quoted spans of a paragraph: curly “…”, guillemets «…» and straight "…" pairs.
/// An opening mark left unclosed runs to the end of the paragraph (multi-paragraph quotes).
fn quote_spans(para: &str) -> Vec<Span> {
    let mut spans = Vec::new();
    let mut open: Option<(usize, char)> = None;
    for (i, c) in para.char_indices() {
        match (open, c) {
            (None, '“' | '«' | '„') => open = Some((i, c)),
            (None, '"') => open = Some((i, c)),
            (Some((s, o)), '”' | '»' | '"' | '“')
                if (o == '"' && c == '"')
                    || (o == '“' && c == '”')
                    || (o == '«' && c == '»')
                    || (o == '„' && (c == '“' || c == '”')) =>
            {
                spans.push(Span {
                    start: s,
                    end: i + c.len_utf8(),
                    text_start: s + o.len_utf8(),
                    text_end: i,
                });
                open = None;
            }
            _ => {}
        }
    }
    if let Some((s, o)) = open
        && o != '"'
    {
        spans.push(Span {
            start: s,
            end: para.len(),
            text_start: s + o.len_utf8(),
            text_end: para.len(),
        });
    }
    spans
}

/// The speaker named right after a closing quote, and whether it is a name (not a pronoun).
fn speaker_after(after: &str) -> Option<(String, bool)> {
    let window = &after[..floor_char(after, 120)];
    let caps = AFTER.captures(window)?;
    let name = caps.name("a").or(caps.name("b"))?.as_str().to_string();
    let named = !PRONOUNS.contains(&name.as_str());
    Some((name, named))
}

/// The speaker of a cue earlier in the quote's sentence (`Peskov said: “…`).
fn speaker_before(before: &str) -> Option<(String, bool)> {
    let caps = BEFORE.captures_iter(before).last()?;
    let name = caps.name("a").or(caps.name("b"))?.as_str().to_string();
    let named = !PRONOUNS.contains(&name.as_str());
    Some((name, named))
}

fn floor_char(s: &str, max: usize) -> usize {
    let mut i = max.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Keeps the names seen so far in an article and resolves surnames and pronouns against them.
#[derive(Default)]
struct Resolver {
    /// Surname → full name, from the latest full mention.
    full_names: HashMap<String, String>,
    last_speaker: Option<String>,
}

impl Resolver {
    fn learn_names(&mut self, text: &str) {
        for m in FULL_NAME.find_iter(text) {
            let name = strip_titles(m.as_str());
            let words: Vec<&str> = name.split_whitespace().collect();
            if words.len() >= 2
                && let Some(last) = words.last()
            {
                self.full_names.insert(last.to_string(), words.join(" "));
            }
        }
    }

    /// The canonical speaker for a raw name or pronoun found next to a cue.
    fn resolve(&self, raw: &str, named: bool) -> Option<String> {
        if !named {
            return self.last_speaker.clone();
        }
        let name = strip_titles(raw);
        let words: Vec<&str> = name.split_whitespace().collect();
        match words.as_slice() {
            [] => None,
            [one] if NOT_SPEAKERS.contains(one) => None,
            [one] => Some(
                self.full_names
                    .get(*one)
                    .cloned()
                    .unwrap_or_else(|| one.to_string()),
            ),
            _ => Some(words.join(" ")),
        }
    }
}

/// Removes leading titles and roles ("President", "Mr.") and leading sentence words.
fn strip_titles(name: &str) -> String {
    let words: Vec<&str> = name.split_whitespace().collect();
    let start = words
        .iter()
        .position(|w| !TITLES.contains(w) && !NOT_SPEAKERS.contains(w))
        .unwrap_or(words.len());
    words[start..].join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn attributed(body: &str) -> Vec<(Option<String>, String)> {
        find_quotes(body)
            .into_iter()
            .map(|q| (q.speaker, q.text))
            .collect()
    }

    #[test]
    fn attributes_name_after_quote_and_resolves_surname() {
        let q = attributed(
            "According to spokesman Dmitry Peskov, talks went on.\n\n“This was a normal working process and the search for compromise,” Peskov said.",
        );
        assert_eq!(q.len(), 1);
        assert_eq!(q[0].0.as_deref(), Some("Dmitry Peskov"));
    }

    #[test]
    fn carries_pronoun_to_last_speaker() {
        let q = attributed(
            "“We will talk again soon, of course,” said Anna Berg.\n\nShe added that she disliked what she called “megaphone diplomacy.”",
        );
        assert_eq!(q.len(), 2);
        assert_eq!(q[1].0.as_deref(), Some("Anna Berg"));
        assert_eq!(q[1].1, "megaphone diplomacy.");
    }

    #[test]
    fn attributes_bullets_to_the_list_speaker() {
        let q = attributed(
            "Aide Yury Ushakov spoke.\nUshakov outlined several core points:\n• Both sides agreed to talk.\n• No date was set.\nThe end.",
        );
        assert_eq!(q.len(), 2);
        assert!(q.iter().all(|(s, _)| s.as_deref() == Some("Yury Ushakov")));
    }

    #[test]
    fn leaves_unattributable_quotes_without_speaker() {
        let q = attributed("The sign read “no entry for anyone at all today” in red.");
        assert_eq!(
            q,
            vec![(None, "no entry for anyone at all today".to_string())]
        );
    }
}
