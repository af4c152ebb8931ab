//! Participle clauses: in "Ann Lee left the room, saying she was tired" or "Ann Lee answered by
//! calling it a mistake" the participle has no subject of its own; the sentence's named
//! subject, acting in a past-tense verb, speaks.

use super::cues::PARTICIPLES;
use super::patterns::{Cue, acting_subject};

/// What may stand right before a participle that hangs on the sentence's subject.
const LEADS: &[&str] = &[", ", "– ", "— ", " by "];

/// Adds to the cues of a (masked) paragraph a cue for each participle after a comma, a dash
/// or "by" that has none, naming the sentence's acting subject. Cues stay in text order.
pub fn add_hanging(masked: &str, cues: &mut Vec<Cue>) {
    for lead in LEADS {
        for (i, _) in masked.match_indices(lead) {
            let at = i + lead.len();
            let end = masked[at..]
                .find(|c: char| !c.is_ascii_lowercase())
                .map_or(masked.len(), |n| at + n);
            let word = &masked[at..end];
            if !word.ends_with("ing")
                || !PARTICIPLES.contains(&word)
                || cues.iter().any(|c| c.verb.0 == at)
            {
                continue;
            }
            // A cue of the subject's own ("Ann Lee said …, adding") already names it.
            let Some(subject) =
                acting_subject(masked, i).filter(|s| cues.iter().all(|c| c.subject != *s))
            else {
                continue;
            };
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
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::attribute::patterns::find_cues;

    fn speakers(text: &str) -> Vec<&str> {
        let mut cues = find_cues(text);
        add_hanging(text, &mut cues);
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
