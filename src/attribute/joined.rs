//! Names the cue patterns cut where a slash or "of" joins their parts. A joint source
//! written with a slash ("a CNN/Acme poll", "the Acme Times/XYZ News survey") is the whole
//! phrase, with the poll or survey it names; an institution named with "of" ("the Department
//! of Acme", "the University of Dover") is its whole name, not the place or field after "of".

use super::apposed::FINITE_VERBS;
use super::cues::NON_PERSON_HEADS;
use super::patterns::Cue;

/// Words that may stand between an institution's name and its verb ("also", "has").
const BETWEEN: &[&str] = &["also", "has", "have", "had", "last", "week", "recently"];

/// Heads of institutions' names besides [`NON_PERSON_HEADS`]: "the Republic of Acme".
const OF_HEADS: &[&str] = &[
    "Republic",
    "Chamber",
    "School",
    "College",
    "Church",
    "Academy",
    "Federation",
    "Conference",
];

/// Nouns after a joint name that belong to the source ("a CNN/Acme poll").
const HEADS: &[&str] = &["poll", "polls", "polling", "survey", "surveys", "study"];
/// Most capitalised words read on either side of the slash.
const MAX_WORDS: usize = 5;

/// Widens each cue subject that a slash joins to another capitalised name.
pub fn widen(masked: &str, cues: &mut [Cue]) {
    for c in cues.iter_mut() {
        let (start, end) = c.subject;
        if masked[end..].starts_with('/')
            && let Some(run) = run_forward(&masked[end + 1..])
        {
            let mut new_end = end + 1 + run;
            if let Some(head) = masked[new_end..].strip_prefix(' ')
                && let Some(word) = HEADS.iter().find(|h| {
                    head.strip_prefix(**h)
                        .is_some_and(|rest| !rest.starts_with(|c: char| c.is_alphanumeric()))
                })
            {
                new_end += 1 + word.len();
            }
            c.subject.1 = new_end;
        }
        if let Some(head) = masked[..start].strip_suffix('/')
            && let Some(run) = run_back(head)
        {
            c.subject.0 = head.len() - run;
        }
    }
}

/// Endings of a web site's name: "according to Acmecheck.org" names "Acmecheck.org".
const DOMAINS: &[&str] = &[".com", ".org", ".net", ".gov", ".edu"];

/// Widens a cue whose subject is a web site's name cut at its dot ("according to
/// Acmecheck.org" read as "Acmecheck") to the whole address. A test per cue, no scan.
pub fn widen_domain(masked: &str, cues: &mut [Cue]) {
    for c in cues.iter_mut() {
        // Most subjects end before a space or a comma: one byte turns them away.
        if masked.as_bytes().get(c.subject.1) != Some(&b'.') {
            continue;
        }
        let rest = &masked[c.subject.1..];
        let word = |t: &str| t.starts_with(|c: char| c.is_alphanumeric());
        if let Some(ending) = DOMAINS.iter().find(|d| rest.starts_with(**d))
            && let after = &rest[ending.len()..]
            // Not "Acme.community", nor "Acme.com.au" (a country's ending, left alone).
            && !word(after)
            && !after.strip_prefix('.').is_some_and(word)
            && masked[..c.subject.1].ends_with(|c: char| c.is_alphabetic())
        {
            c.subject.1 += ending.len();
        }
    }
}

/// Adds or widens the cue of "the Department of Acme found": the institution's whole name
/// speaks, where the patterns read no subject after "of" ("the head of Acme said" is not
/// Acme's); `of` are where the paragraph's " of " start (see `verbs::scan`). Cues stay in
/// text order.
pub fn widen_of(masked: &str, of: &[usize], cues: &mut Vec<Cue>) {
    let bytes = masked.as_bytes();
    for &at in of {
        // The word before "of", read only when capitalised (most are not).
        let word_start = memchr::memrchr(b' ', &bytes[..at]).map_or(0, |i| i + 1);
        if !bytes.get(word_start).is_some_and(u8::is_ascii_uppercase) {
            continue;
        }
        let head = &masked[..at];
        let last = &masked[word_start..at];
        if !(NON_PERSON_HEADS.contains(&last) || OF_HEADS.contains(&last)) {
            continue;
        }
        let Some(run_start) = run_back(head).map(|run| head.len() - run) else {
            continue;
        };
        let mut from = at + 4;
        if masked[from..].starts_with("the ") {
            from += 4;
        }
        let Some(run) = run_forward(&masked[from..]) else {
            continue;
        };
        let name_end = from + run;
        // The verb right after the name, past "also", "has" and the like.
        let mut verb_at = name_end + 1;
        let mut verb = None;
        for word in masked.get(verb_at..).unwrap_or("").split(' ').take(3) {
            let bare = word.trim_end_matches(|c: char| !c.is_alphabetic());
            if FINITE_VERBS.contains(bare) {
                verb = Some((verb_at, verb_at + bare.len()));
                break;
            }
            if !BETWEEN.contains(&word) {
                break;
            }
            verb_at += word.len() + 1;
        }
        let Some(verb) = verb else {
            continue;
        };
        if !masked[name_end..].starts_with(' ') {
            continue;
        }
        let subject = (run_start, name_end);
        match cues.iter_mut().find(|c| c.verb == verb) {
            Some(c) if !c.inverted && !c.agent => c.subject = subject,
            Some(_) => {}
            None => {
                let k = cues.partition_point(|c| c.verb.0 < verb.0);
                cues.insert(
                    k,
                    Cue {
                        subject,
                        verb,
                        inverted: false,
                        agent: false,
                    },
                );
            }
        }
    }
}

/// Byte length of the run of capitalised words opening `text` ("ABC News" of "ABC News poll").
fn run_forward(text: &str) -> Option<usize> {
    let mut len = 0;
    for (i, word) in text.split(' ').enumerate().take(MAX_WORDS) {
        if !is_name_word(word) {
            break;
        }
        len += word.len() + usize::from(i > 0);
    }
    (len > 0).then_some(len)
}

/// Byte length of the run of capitalised words ending `text` ("The Acme Times" is cut to
/// "Acme Times": a leading "The" stays outside).
fn run_back(text: &str) -> Option<usize> {
    let mut len = 0;
    for (i, word) in text.rsplit(' ').enumerate().take(MAX_WORDS) {
        if !is_name_word(word) || matches!(word, "The" | "A" | "An") {
            break;
        }
        len += word.len() + usize::from(i > 0);
    }
    (len > 0).then_some(len)
}

/// A capitalised word of a name: "CNN", "Wall", "U.S.", "AT&T".
fn is_name_word(word: &str) -> bool {
    word.starts_with(|c: char| c.is_ascii_uppercase())
        && word
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '&' | '-' | '\''))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cue(text: &str, subject: &str) -> Cue {
        let at = text.find(subject).expect("subject in text");
        Cue {
            subject: (at, at + subject.len()),
            verb: (0, 0),
            inverted: true,
            agent: false,
        }
    }

    fn widened(text: &str, subject: &str) -> String {
        let mut cues = [cue(text, subject)];
        widen(text, &mut cues);
        text[cues[0].subject.0..cues[0].subject.1].to_string()
    }

    fn with_domain(text: &str, subject: &str) -> String {
        let mut cues = [cue(text, subject)];
        widen_domain(text, &mut cues);
        text[cues[0].subject.0..cues[0].subject.1].to_string()
    }

    #[test]
    fn a_web_site_speaks_by_its_whole_address() {
        let text = "It was false, according to Acmecheck.org, a site.";
        assert_eq!(with_domain(text, "Acmecheck"), "Acmecheck.org");
        assert_eq!(with_domain("It fell, Acme.com said.", "Acme"), "Acme.com");
        assert_eq!(
            with_domain("According to Acme.com.au, it fell.", "Acme"),
            "Acme"
        );
        assert_eq!(
            with_domain("According to Acme.community, it fell.", "Acme"),
            "Acme"
        );
        assert_eq!(
            with_domain("According to Acme Corp. Bo Lind left.", "Acme Corp"),
            "Acme Corp"
        );
    }

    #[test]
    fn a_slash_joins_two_names_into_one_source() {
        let text = "It fell, according to a new Acme Times/XYZ News poll released Monday.";
        assert_eq!(widened(text, "Acme Times"), "Acme Times/XYZ News poll");
        let text = "A recent QRS/Acme survey found that it fell.";
        assert_eq!(widened(text, "Acme survey"), "QRS/Acme survey");
    }

    #[test]
    fn an_institution_named_with_of_speaks_whole() {
        let speaking = |text: &str| {
            let mut cues = Vec::new();
            widen_of(
                text,
                &crate::attribute::verbs::scan(text).listed().of,
                &mut cues,
            );
            cues.iter()
                .map(|c| text[c.subject.0..c.subject.1].to_string())
                .collect::<Vec<_>>()
        };
        assert_eq!(
            speaking("Later, the Department of Acme Affairs found that it fell."),
            ["Department of Acme Affairs"]
        );
        assert_eq!(
            speaking("The Republic of Acmeland also denies it."),
            ["Republic of Acmeland"]
        );
        // A title or a role before "of" is no institution; nor is a name with no verb after.
        assert!(speaking("Secretary of State Ann Lee said it fell.").is_empty());
        assert!(speaking("The head of Acme Corp said it fell.").is_empty());
        assert!(speaking("The Department of Acme Affairs is large.").is_empty());
    }

    #[test]
    fn a_name_without_a_slash_stays_as_it_is() {
        let text = "It fell, according to an Acme poll and/or others.";
        assert_eq!(widened(text, "Acme"), "Acme");
        let text = "It fell, according to Acme/ and others.";
        assert_eq!(widened(text, "Acme"), "Acme");
    }
}
