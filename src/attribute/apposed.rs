//! Long appositions: in "Ann Lee, a clerk from Dover, Del., who runs the shop, said" the name
//! that opens the clause speaks, however many commas its apposition holds. The cue patterns
//! allow one comma-free apposition; this finds the rest, cue by cue.

use std::sync::LazyLock;

use super::cues::{NOUN_LEADS, SPEECH_VERBS, TITLES};
use super::detect::sentence_start;
use super::patterns::Cue;
use crate::hash::HashSet;

/// The one-word finite speech verbs ("said", "argued"), for a lookup per comma.
pub static FINITE_VERBS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    SPEECH_VERBS
        .iter()
        .copied()
        .filter(|v| !v.contains(' ') && !v.ends_with("ing"))
        .collect()
});

/// Longest clause (name, apposition and all) read back from a verb.
const MAX_CLAUSE: usize = 250;

/// Capitalised words that open a clause without naming anyone ("In Dover, …", "When …").
const OPENERS: &[&str] = &[
    "and", "but", "or", "so", "yet", "then", "now", "also", "when", "while", "after", "before",
    "as", "if", "since", "although", "though", "because", "until", "once", "asked", "speaking",
];

/// Gives the cues of a (masked) paragraph the name opening their clause when a long
/// apposition stands between ("…, said"), and adds the cues the patterns missed for that
/// reason. Cues stay in text order.
pub fn widen(masked: &str, cues: &mut Vec<Cue>) {
    let bytes = masked.as_bytes();
    for comma in memchr::memchr_iter(b',', bytes) {
        if bytes.get(comma + 1) != Some(&b' ') {
            continue;
        }
        let at = comma + 2;
        let word_end = at + lowercase_len(&bytes[at..]);
        let verb = &masked[at..word_end];
        if verb.len() < 3 || !FINITE_VERBS.contains(verb) {
            continue;
        }
        // "…, said Ann Lee": the speaker follows.
        let next = masked[word_end..].trim_start();
        if next.starts_with(|c: char| c.is_uppercase()) {
            continue;
        }
        let Some(subject) = apposed_opening(masked, at) else {
            continue;
        };
        match cues.iter_mut().find(|c| c.verb.0 == at) {
            Some(c) if c.inverted || c.agent => {}
            Some(c) => c.subject = subject,
            None => {
                let i = cues.partition_point(|c| c.verb.0 < at);
                cues.insert(
                    i,
                    Cue {
                        subject,
                        verb: (at, word_end),
                        inverted: false,
                        agent: false,
                    },
                );
            }
        }
    }
}

/// How many ASCII lowercase letters open `bytes`.
pub fn lowercase_len(bytes: &[u8]) -> usize {
    bytes.iter().take_while(|b| b.is_ascii_lowercase()).count()
}

/// The name opening the clause that ends at `verb_at` (right after ", "), when what lies
/// between is an apposition with commas: byte range of the name. The clause opens the
/// sentence or follows a closing quote.
fn apposed_opening(masked: &str, verb_at: usize) -> Option<(usize, usize)> {
    let from = sentence_start(masked, verb_at, MAX_CLAUSE);
    // After a quote ("“…,” Ann Lee, …, said"): the clause starts past its closing mark.
    let from = match masked[from..verb_at].rfind(['_', '”', '"']) {
        Some(i) => from + i + masked[from + i..].chars().next().map_or(1, char::len_utf8),
        None => from,
    };
    let clause = &masked[from..verb_at - 2];
    let lead = clause.len()
        - clause
            .trim_start_matches([' ', ',', '.', '”', '"', '—', '–'])
            .len();
    let clause = &clause[lead..];
    if clause.len() > MAX_CLAUSE || clause.contains([';', '“', '(', ':']) {
        return None;
    }
    let (name, apposition) = clause.split_once(", ")?;
    let words: Vec<&str> = name.split_whitespace().collect();
    let first = words.first()?.to_lowercase();
    if OPENERS.contains(&first.as_str()) || NOUN_LEADS.contains(&first.as_str()) {
        return None;
    }
    let capitalised = |w: &&str| w.starts_with(|c: char| c.is_uppercase());
    // A name: capitalised words, short particles ("de", "van") between.
    let named = words.len() <= 5
        && capitalised(&words[0])
        && capitalised(words.last()?)
        && words.iter().all(|w| capitalised(w) || w.len() <= 3)
        && !words.iter().all(|w| TITLES.contains(w));
    if !named || !apposition.contains(|c: char| c.is_lowercase()) {
        return None;
    }
    // "Ann Lee, Bo Lind and Cy Hu, said", "Democrats, and independents, said": a list.
    // The apposition opens with a description ("a clerk", "who lost"), not another name.
    let conjunction = |w: &&str| matches!(*w, "and" | "or" | "&");
    let described = apposition.split(", ").next().is_some_and(|p| {
        p.split_whitespace()
            .any(|w| !capitalised(&w) && !conjunction(&w))
    });
    let listed = apposition.split(", ").any(|part| {
        let words: Vec<&str> = part.split_whitespace().collect();
        (words.len() >= 2 && conjunction(&words[0]) && capitalised(&words[1]))
            || (words.len() >= 2 && words.iter().all(|w| capitalised(w) || conjunction(w)))
    });
    if !described || listed {
        return None;
    }
    let start = from + lead;
    Some((start, start + name.len()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::attribute::patterns::find_cues;

    fn speakers(text: &str) -> Vec<&str> {
        let mut cues = find_cues(text);
        widen(text, &mut cues);
        cues.iter()
            .map(|c| &text[c.subject.0..c.subject.1])
            .collect()
    }

    #[test]
    fn the_name_before_an_apposition_with_commas_speaks() {
        assert_eq!(
            speakers("Ann Lee, a clerk from Dover, Del., who runs the shop, said it was late."),
            ["Ann Lee"]
        );
        assert_eq!(
            speakers("Bo Lind, who lost a son in Dover, Kent, in 2012, said he would stay."),
            ["Bo Lind"]
        );
        assert_eq!(
            speakers("“It is late,” Ann Lee, head of planning, roads, and parks, said on Monday."),
            ["Ann Lee"]
        );
    }

    #[test]
    fn lists_openers_and_inverted_verbs_are_left_alone() {
        // What the cue patterns find stays.
        let unchanged = |text: &str| {
            let plain: Vec<&str> = find_cues(text)
                .iter()
                .map(|c| &text[c.subject.0..c.subject.1])
                .collect();
            speakers(text) == plain
        };
        assert!(unchanged(
            "Ann Lee, Bo Lind, Cy Hu and Di Wu, said nothing."
        ));
        assert!(unchanged("Democrats, Republicans, and others, said no."));
        assert!(unchanged(
            "In Dover, the town of clerks, said to be old, it rained."
        ));
        assert_eq!(
            speakers("It was late, said Ann Lee, a clerk from Dover."),
            ["Ann Lee"]
        );
    }
}
