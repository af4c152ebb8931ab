//! Unnamed sources tied to a name before their verb: "A spokeswoman for Acme said", "an adviser
//! close to Ann Lee says". The cue patterns read such a source after an inverted verb only
//! ("said a spokeswoman for Acme"); this adds the cue when the source comes first.

use std::sync::LazyLock;

use regex::Regex;

use super::apposed::FINITE_VERBS;
use super::cues::SOURCE_NOUNS;
use super::patterns::Cue;

/// A source noun and the preposition that ties it to whom it speaks for: "spokeswoman for ",
/// "adviser close to ", "official with ". A literal alternation: one prefiltered scan.
static SOURCE_TIE: LazyLock<Regex> = LazyLock::new(|| {
    let nouns: Vec<String> = SOURCE_NOUNS.iter().map(|n| regex::escape(n)).collect();
    Regex::new(&format!(
        r"(?-u:\b)(?:{})(?: close| familiar)? (?:for|to|with|at) ",
        nouns.join("|")
    ))
    .expect("valid source pattern")
});
/// Words that may stand between a source's name and its verb ("also", "did not").
const BETWEEN: &[&str] = &[
    "also", "has", "had", "did", "not", "would", "could", "later",
];

/// Adds a cue for each "a spokeswoman for Acme said" in a (masked) paragraph that has none.
/// Cues stay in text order.
pub fn add_sources(masked: &str, cues: &mut Vec<Cue>) {
    let mut found: Vec<Cue> = Vec::new();
    for m in SOURCE_TIE.find_iter(masked) {
        // The tie is the match's last word, with the space before it.
        let tie_start = m.start() + m.as_str()[..m.len() - 1].rfind(' ').unwrap_or(0);
        let Some(cue) = source_cue(masked, tie_start, m.end()) else {
            continue;
        };
        // A cue the patterns found names a part of the source's name ("Acme Department").
        match cues.iter_mut().find(|c| c.verb == cue.verb) {
            Some(c) if !c.inverted && !c.agent && c.subject.0 >= cue.subject.0 => {
                c.subject = cue.subject;
            }
            Some(_) => {}
            None => found.push(cue),
        }
    }
    for cue in found {
        let k = cues.partition_point(|c| c.verb.0 < cue.verb.0);
        cues.insert(k, cue);
    }
}

/// The cue of "a spokeswoman for Acme said" whose tie (" for ") spans `tie_start..name_start`.
fn source_cue(masked: &str, tie_start: usize, name_start: usize) -> Option<Cue> {
    // Back: the source noun ("spokeswoman", "adviser close"), its adjectives, a determiner.
    let before: Vec<(usize, &str)> = words_back(&masked[..tie_start]).take(6).collect();
    let mut k = 0;
    if before
        .first()
        .is_some_and(|(_, w)| matches!(*w, "close" | "familiar"))
    {
        k = 1;
    }
    let (_, noun) = before.get(k)?;
    if !SOURCE_NOUNS.contains(noun) {
        return None;
    }
    let (start, _) = before[k + 1..].iter().take(4).find(|(_, w)| {
        matches!(
            *w,
            "a" | "an" | "A" | "An" | "one" | "One" | "another" | "Another" | "the" | "The"
        )
    })?;
    // "Ann Lee, a spokeswoman for Acme said": an apposition; the name before it speaks ("In a
    // speech, a top adviser for Ann Lee said" has none).
    if let Some(lead) = masked[..*start].trim_end().strip_suffix(',')
        && lead
            .rsplit(' ')
            .next()
            .map(|w| w.trim_start_matches(|c: char| !c.is_alphanumeric()))
            .is_some_and(|w| w.starts_with(|c: char| c.is_uppercase()))
    {
        return None;
    }
    // Forward: a capitalised name ("the Acme Parks and Recreation Department"), then the verb.
    let mut at = name_start;
    let rest = &masked[at..];
    if rest.starts_with("the ") {
        at += 4;
    }
    let mut name_end = None;
    let mut verb = None;
    for (offset, word) in words_forward(&masked[at..]).take(10) {
        let bare = word.trim_end_matches(',');
        if bare.starts_with(|c: char| c.is_uppercase()) {
            if verb.is_some() || bare.len() != word.len() {
                break;
            }
            name_end = Some(at + offset + word.len());
        } else if name_end.is_some()
            && let verb_word = word.trim_end_matches(|c: char| !c.is_alphabetic())
            && FINITE_VERBS.contains(verb_word)
        {
            verb = Some((at + offset, at + offset + verb_word.len()));
            break;
        } else if !(matches!(word, "and" | "of") || name_end.is_some() && BETWEEN.contains(&word)) {
            break;
        }
    }
    Some(Cue {
        subject: (*start, name_end?),
        verb: verb?,
        inverted: false,
        agent: false,
    })
}

/// The words of `text` from its end backwards, with their byte offsets; stops at punctuation.
fn words_back(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut end = text.len();
    std::iter::from_fn(move || {
        let head = text[..end].trim_end_matches(' ');
        let start = head.rfind(' ').map_or(0, |i| i + 1);
        let word = &head[start..];
        if word.is_empty() || !word.chars().all(|c| c.is_alphanumeric() || c == '-') {
            return None;
        }
        end = start;
        Some((start, word))
    })
}

/// The words of `text` from its start, with their byte offsets.
fn words_forward(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.split(' ')
        .scan(0, |at, w| {
            let here = *at;
            *at += w.len() + 1;
            Some((here, w))
        })
        .filter(|(_, w)| !w.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::attribute::patterns::find_cues;

    fn speakers(text: &str) -> Vec<&str> {
        let mut cues = find_cues(text);
        add_sources(text, &mut cues);
        cues.iter()
            .map(|c| &text[c.subject.0..c.subject.1])
            .collect()
    }

    #[test]
    fn a_source_tied_to_a_name_speaks_before_its_verb() {
        assert_eq!(
            speakers("A spokeswoman for Acme Video said it had rules."),
            ["A spokeswoman for Acme Video"]
        );
        assert_eq!(
            speakers("“It is late,” a senior adviser close to Ann Lee told us."),
            ["a senior adviser close to Ann Lee"]
        );
        assert_eq!(
            speakers("A spokesman for the Parks and Recreation Department also declined."),
            ["A spokesman for the Parks and Recreation Department"]
        );
    }

    #[test]
    fn other_phrases_with_a_tie_are_no_sources() {
        let unchanged = |text: &str| {
            let plain: Vec<&str> = find_cues(text)
                .iter()
                .map(|c| &text[c.subject.0..c.subject.1])
                .collect();
            speakers(text) == plain
        };
        assert!(unchanged("A letter for Ann Lee said nothing."));
        assert!(unchanged("“No,” Bo Lind, a spokesman for Ann Lee told us."));
        assert!(unchanged(
            "“No,” Bo \u{ad}Lind, a spokesman for Ann Lee told us."
        ));
        assert_eq!(
            speakers("In a speech, an adviser for Ann Lee explained why."),
            ["an adviser for Ann Lee"]
        );
        assert!(unchanged("He wrote to a lawyer for Acme Corp about it."));
        assert!(unchanged(
            "She gave a speech for Acme Corp said to be long."
        ));
    }
}
