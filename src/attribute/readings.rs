//! Cues whose verb reads as a noun: "the Paris attacks", "other Western states" and "Trump’s TV
//! shows" hold a speech-verb form, but name no speaker; nor does a comparison ("Like Ann Lee,
//! Bo Lind …, arguing") or the object of an opening "with" ("With Ann Lee worried, …").

use super::VERB_SET;
use super::cues::{NOUN_FORMS, NOUN_LEADS};
use super::patterns::Cue;

/// Whether a cue "X attacks" is the noun phrase "the X attacks": its verb is also a plural
/// noun, its speaker phrase a capitalised run, and the word before that run leads a noun
/// phrase (a determiner, a preposition, a possessive). After "the", only a single word that is
/// no acronym counts ("the Acme Times reports" and "the FBI claims" stay cues).
pub fn is_noun_reading(text: &str, cue: &Cue) -> bool {
    if cue.inverted || cue.agent {
        return false;
    }
    let (Some(verb), Some(subject)) = (
        text.get(cue.verb.0..cue.verb.1),
        text.get(cue.subject.0..cue.subject.1),
    ) else {
        return false;
    };
    if is_compound_noun(text, cue, subject, verb) {
        return true;
    }
    let pronoun = matches!(subject, "He" | "She" | "It" | "They" | "We" | "I" | "You");
    // "Like Ann Lee, Bo Lind …, arguing": a comparison names whom the speaker resembles.
    if subject.starts_with("Like ") || subject.starts_with("Unlike ") {
        return true;
    }
    // "With Acme leaders increasingly worried, Ann Lee said": the object of "with" in an
    // opening clause is no subject ("with Ann Lee saying" is a participle, read elsewhere).
    let lead = &text[..cue.subject.0];
    let after_with = lead.ends_with("ith ")
        && (lead.ends_with(" with ") || lead.ends_with("With ") || lead == "with ");
    if (after_with || subject.starts_with("With ")) && !verb.ends_with("ing") {
        return true;
    }
    if !NOUN_FORMS.contains(&verb) || !subject.starts_with(|c: char| c.is_uppercase()) || pronoun {
        return false;
    }
    // "anti-Acme remarks", "pro-Lee claims": the tail of a hyphenated modifier.
    if let Some(prefix) = text[..cue.subject.0].strip_suffix('-')
        && prefix.ends_with(|c: char| c.is_alphabetic())
    {
        return true;
    }
    let one_adjective = |w: &str| {
        !w.contains(' ')
            && w.chars().skip(1).any(char::is_lowercase)
            && w.ends_with(|c: char| c.is_alphabetic())
    };
    // "Most Southern states that …", "March 1 Southern states": after a quantifier or a
    // number, one capitalised word modifies the plural noun (no name takes "most").
    if let Some((first, rest)) = subject.split_once(' ')
        && QUANTIFIERS.contains(&first.to_lowercase().as_str())
        && one_adjective(rest)
    {
        return true;
    }
    if text[..cue.subject.0]
        .split_whitespace()
        .next_back()
        .is_some_and(|w| w.bytes().all(|b| b.is_ascii_digit()))
        && one_adjective(subject)
    {
        return true;
    }
    // The phrase may open with its determiner ("The Acme attacks").
    let (lead, subject) = match subject.split_once(' ') {
        Some((first, rest)) if NOUN_LEADS.contains(&first.to_lowercase().as_str()) => {
            (Some(first), rest)
        }
        _ => (
            text[..cue.subject.0].split_whitespace().next_back(),
            subject,
        ),
    };
    // "A Acme poll shows": a phrase ending in a common noun is a subject; "The Journal notes
    // that": a clause after the verb makes it one.
    let last_capitalised = subject
        .split_whitespace()
        .next_back()
        .is_some_and(|w| w.starts_with(|c: char| c.is_uppercase()));
    let clause_follows = text[cue.verb.1..].split_whitespace().next() == Some("that");
    if !last_capitalised || clause_follows {
        return false;
    }
    let possessive = |w: &str| w.ends_with("’s") || w.ends_with("'s");
    // "Ann Lee’s TV shows": a possessive inside the run or right before it.
    let words: Vec<&str> = subject.split_whitespace().collect();
    if words[..words.len().saturating_sub(1)]
        .iter()
        .any(|w| possessive(w))
    {
        return true;
    }
    let Some(lead) = lead else {
        return false;
    };
    if possessive(lead) {
        return true;
    }
    // "… in place. Ann Lee reports": a sentence or clause ended before the subject.
    if !lead.ends_with(|c: char| c.is_alphanumeric()) {
        return false;
    }
    let one_word = !subject.contains(char::is_whitespace);
    let acronym = subject
        .chars()
        .filter(|c| c.is_alphabetic())
        .all(char::is_uppercase);
    // "calm Russian fears", "Midwest and Western states": one capitalised word after a
    // lowercase word that opens no clause ("and Ann Lee attacks" has a plural subject, which
    // takes no "-s").
    let lowercase = lead.starts_with(|c: char| c.is_lowercase());
    let lead = lead.to_lowercase();
    if lead == "the" || (lowercase && !CLAUSE_OPENERS.contains(&lead.as_str())) {
        return one_word && !acronym;
    }
    NOUN_LEADS.contains(&lead.as_str())
}

/// "a reality TV show", "the XYZ claim": a verb in its plural form ("show", not "shows") right
/// after one singular word in capitals, or one capitalised word after a lowercase word, is a
/// compound noun: a singular subject would take "shows". "Democrats say", "They say",
/// "People say" at a sentence's start and "does Ann want" stay cues.
fn is_compound_noun(text: &str, cue: &Cue, subject: &str, verb: &str) -> bool {
    // The phrase may hold its determiner ("the XYZ claim").
    let (determiner, word) = match subject.split_once(' ') {
        Some(("the" | "a" | "an" | "The" | "A" | "An", rest)) => (true, rest),
        _ => (false, subject),
    };
    if word.contains(char::is_whitespace)
        || text.get(cue.subject.1..cue.verb.0) != Some(" ")
        || word.ends_with(['s', 'S'])
        || !word.starts_with(|c: char| c.is_uppercase())
        || matches!(word, "I" | "We" | "You" | "They")
    {
        return false;
    }
    let acronym = word.len() >= 2 && word.chars().all(|c| c.is_ascii_uppercase());
    let after_lowercase = determiner
        || text[..cue.subject.0]
            .split_whitespace()
            .next_back()
            .is_some_and(|w| {
                w.starts_with(|c: char| c.is_lowercase())
                    && !CLAUSE_OPENERS.contains(&w)
                    && !AUXILIARIES.contains(&w)
                    && w.ends_with(|c: char| c.is_alphanumeric())
            });
    if !(acronym || after_lowercase) {
        return false;
    }
    let plural_form = |v: &str| {
        [format!("{v}s"), format!("{v}es")]
            .iter()
            .any(|inflected| VERB_SET.contains(inflected.as_str()))
    };
    plural_form(verb)
}

/// Quantifiers before a plural noun: "Most Southern states".
const QUANTIFIERS: &[&str] = &[
    "most", "many", "some", "several", "both", "all", "few", "other",
];

/// Auxiliaries after which a singular subject takes the plain verb ("does Ann want").
const AUXILIARIES: &[&str] = &[
    "do",
    "does",
    "did",
    "will",
    "would",
    "can",
    "could",
    "should",
    "shall",
    "may",
    "might",
    "must",
    "let",
    "to",
    "not",
    "didn’t",
    "doesn’t",
    "didn't",
    "doesn't",
];

/// Lowercase words after which a capitalised subject may open a clause: "said that Ann Lee
/// claims", "while Ann Lee attacks".
const CLAUSE_OPENERS: &[&str] = &[
    "that", "but", "while", "when", "as", "because", "if", "so", "since", "although", "though",
    "where", "whereas", "now", "then", "also", "still", "yet", "after", "before", "until",
    "unless", "once", "how", "why", "what", "who", "which", "whether", "says", "said",
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::attribute::patterns::find_cues;

    /// The subjects of the cues in `text` that read as verbs.
    fn speaking(text: &str) -> Vec<&str> {
        find_cues(text)
            .iter()
            .filter(|c| !is_noun_reading(text, c))
            .map(|c| &text[c.subject.0..c.subject.1])
            .collect()
    }

    #[test]
    fn plural_nouns_after_a_determiner_preposition_or_possessive_are_no_cues() {
        assert!(speaking("It changed after the Dover attacks on the port.").is_empty());
        assert!(speaking("He did well in other Northern states last year.").is_empty());
        assert!(speaking("Many watch Ann Lee’s TV shows every night.").is_empty());
        assert!(speaking("It rose amid Acme worries about the cost.").is_empty());
        assert!(speaking("The Dover attacks were a shock.").is_empty());
        assert!(speaking("It may calm Northern fears about it.").is_empty());
        assert!(speaking("He did well in the Midwest and Western states.").is_empty());
        for text in [
            "Most Southern states that vote in March have large cities.",
            "Both Baltic states that border it were warned.",
            "Primaries on March 1 Southern states hold are key.",
            "It is a list of his anti-Acme remarks.",
        ] {
            assert!(speaking(text).is_empty(), "{text}");
        }
        // A dash opening a bullet is no prefix.
        assert_eq!(speaking("-Lind claims the tax will fall."), ["Lind"]);
        assert!(speaking("Most voters agree, and Lind claims that it works.").contains(&"Lind"));
    }

    #[test]
    fn a_plural_verb_form_after_one_singular_name_is_a_compound_noun() {
        assert!(speaking("He starred in a reality TV show, “Acme Nights,” for years.").is_empty());
        assert!(speaking("It was the XYZ claim that it was fake.").is_empty());
        assert!(speaking("It won wide Dover support for the plan.").is_empty());
        assert_eq!(speaking("XYZ reports that it failed."), ["XYZ"]);
        assert_eq!(speaking("Democrats say it failed."), ["Democrats"]);
        assert_eq!(speaking("They say it failed."), ["They"]);
        assert_eq!(speaking("What does Ann want from it?"), ["Ann"]);
    }

    #[test]
    fn a_comparison_names_no_speaker() {
        let text = "Like Ann Lee, Bo Lind also rejected the plan over the cost of it, arguing \
                    that it is late.";
        assert_eq!(speaking(text), ["Bo Lind"]);
    }

    #[test]
    fn the_object_of_an_opening_with_names_no_speaker() {
        let text = "With Acme leaders increasingly worried about it, Bo Lind said it was late.";
        assert_eq!(speaking(text), ["Bo Lind"]);
    }

    #[test]
    fn verbs_after_a_name_or_a_named_outlet_stay_cues() {
        assert_eq!(speaking("Ann Lee attacks the plan."), ["Ann Lee"]);
        assert_eq!(
            speaking("The Acme Times reports that the plan failed."),
            ["The Acme Times"]
        );
        assert_eq!(speaking("Then the FBI claims it was hacked."), ["FBI"]);
        assert_eq!(speaking("He left, while Acme attacks the plan."), ["Acme"]);
        assert_eq!(speaking("It was late. Lee reports: no."), ["Lee"]);
        assert_eq!(speaking("It was late.\u{a0}He calls it done."), ["He"]);
        assert_eq!(
            speaking("The Journal notes that it was late."),
            ["The Journal"]
        );
        assert_eq!(speaking("An Acme poll shows a tie."), ["An Acme poll"]);
        assert_eq!(
            speaking("Bo Lind said that Ann Lee questions the plan."),
            ["Bo Lind", "Ann Lee"]
        );
    }
}
