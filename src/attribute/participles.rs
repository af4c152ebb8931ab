//! Participle clauses: in "Ann Lee left the room, saying she was tired" or "Ann Lee answered by
//! calling it a mistake" the participle has no subject of its own; the sentence's named
//! subject, acting in a past-tense verb, speaks.

use std::sync::LazyLock;

use super::apposed::lowercase_len;
use super::cues::PARTICIPLES;
use super::patterns::{Cue, acting_subject, within_lead_in};
use crate::hash::HashSet;

/// The one-word participles, for a lookup per candidate.
static SINGLE: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    PARTICIPLES
        .iter()
        .copied()
        .filter(|p| !p.contains(' '))
        .collect()
});

/// Adds to the cues of a (masked) paragraph a cue for each participle after a comma, a dash
/// or "by" that has none, naming the sentence's acting subject; `by` are where the
/// paragraph's " by " start (see `verbs::scan`). Cues stay in text order.
pub fn add_hanging(masked: &str, by: &[usize], cues: &mut Vec<Cue>) {
    let bytes = masked.as_bytes();
    // (end of the clause before, start of the participle): ", saying", "– saying" (dashes
    // are three bytes from 0xE2), " by saying".
    let after_marks = memchr::memchr2_iter(b',', 0xE2, bytes).filter_map(|i| {
        let mark = if bytes[i] == b',' {
            1
        } else if matches!(bytes.get(i..i + 3), Some([0xE2, 0x80, 0x93 | 0x94])) {
            3
        } else {
            return None;
        };
        (bytes.get(i + mark) == Some(&b' ')).then_some((i, i + mark + 1))
    });
    let after_by = by.iter().map(|&i| (i, i + 4));
    let mut found: Vec<(usize, usize, (usize, usize))> = Vec::new();
    let mut relabelled: Vec<(usize, (usize, usize))> = Vec::new();
    for (clause_end, at) in after_marks.chain(after_by) {
        let end = at + lowercase_len(&bytes[at..]);
        let word = &masked[at..end];
        if !word.ends_with("ing") || !SINGLE.contains(word) {
            continue;
        }
        // "On Monday, Ann Lee walked out, saying": a cue that took the lead-in for its subject
        // and the clause after it for an apposition gets the clause's acting subject instead.
        if let Some(k) = cues.iter().position(|c| c.verb.0 == at) {
            if within_lead_in(masked, at, cues[k].subject.1)
                && let Some(subject) =
                    acting_subject(masked, clause_end).filter(|s| s.0 >= cues[k].subject.1)
            {
                relabelled.push((k, subject));
            }
            continue;
        }
        // A cue of the subject's own ("Ann Lee said …, adding") already names it.
        if let Some(subject) =
            acting_subject(masked, clause_end).filter(|s| cues.iter().all(|c| c.subject != *s))
        {
            found.push((at, end, subject));
        }
    }
    for (k, subject) in relabelled {
        cues[k].subject = subject;
    }
    for (at, end, subject) in found {
        let k = cues.partition_point(|c| c.verb.0 < at);
        cues.insert(
            k,
            Cue {
                subject,
                verb: (at, end),
                inverted: false,
                agent: false,
            },
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::attribute::patterns::cues_of;
    use crate::attribute::verbs::scan;

    /// The subject of the cue at `verb` from the patterns alone, and after `add_hanging`.
    fn speaker_before<'a>(text: &'a str, verb: &str) -> Option<&'a str> {
        let mut words = scan(text);
        let at = text.find(verb)?;
        let cues = cues_of(text, &mut words);
        let c = cues.iter().find(|c| c.verb.0 == at)?;
        Some(&text[c.subject.0..c.subject.1])
    }

    fn speaker_of<'a>(text: &'a str, verb: &str) -> Option<&'a str> {
        let mut words = scan(text);
        let at = text.find(verb)?;
        let mut cues = cues_of(text, &mut words);
        add_hanging(text, &words.listed().by, &mut cues);
        let c = cues.iter().find(|c| c.verb.0 == at)?;
        Some(&text[c.subject.0..c.subject.1])
    }

    fn speakers(text: &str) -> Vec<&str> {
        let mut words = scan(text);
        let mut cues = cues_of(text, &mut words);
        add_hanging(text, &words.listed().by, &mut cues);
        cues.iter()
            .map(|c| &text[c.subject.0..c.subject.1])
            .collect()
    }

    #[test]
    fn the_acting_subject_speaks_a_hanging_participle() {
        assert_eq!(
            speakers("Ann Lee left the room early, saying she was tired."),
            ["Ann Lee"]
        );
        assert_eq!(
            speakers("Bo Lind met the charge by calling it a mistake."),
            ["Bo Lind"]
        );
        assert_eq!(
            speakers("Ann Lee changed her mind – arguing the plan would fail."),
            ["Ann Lee"]
        );
    }

    #[test]
    fn a_lead_in_before_the_acting_subject_does_not_speak() {
        // The lead-in is taken for a subject and "Ann Lee walked out" for its apposition.
        assert_eq!(
            speakers("On Monday, Ann Lee walked out, saying it was late."),
            ["Ann Lee"]
        );
        // A cue subject that is no lead-in keeps its cue.
        let text = "Ann Lee, Acme chief, walked out, saying it was late.";
        assert_eq!(speaker_of(text, "saying"), speaker_before(text, "saying"));
    }

    #[test]
    fn passive_or_subjectless_sentences_name_nobody() {
        assert!(speakers("Ann Lee was asked to leave, saying nothing.").is_empty());
        assert!(speakers("The plan changed late, saying little.").is_empty());
        assert!(speakers("Ann Lee likes the plan, saying it is time.").is_empty());
        assert_eq!(
            speakers("Ann Lee said no, adding that it was late."),
            ["Ann Lee"]
        );
    }
}
