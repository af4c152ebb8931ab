//! Joint sources written with a slash: "a CNN/Acme poll", "the Acme Times/XYZ News survey".
//! The name patterns stop at the slash, which gave the source as its first name only; the
//! source is the whole phrase, with the poll or survey it names.

use super::patterns::Cue;

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

    #[test]
    fn a_slash_joins_two_names_into_one_source() {
        let text = "It fell, according to a new Acme Times/XYZ News poll released Monday.";
        assert_eq!(widened(text, "Acme Times"), "Acme Times/XYZ News poll");
        let text = "A recent QRS/Acme survey found that it fell.";
        assert_eq!(widened(text, "Acme survey"), "QRS/Acme survey");
    }

    #[test]
    fn a_name_without_a_slash_stays_as_it_is() {
        let text = "It fell, according to an Acme poll and/or others.";
        assert_eq!(widened(text, "Acme"), "Acme");
        let text = "It fell, according to Acme/ and others.";
        assert_eq!(widened(text, "Acme"), "Acme");
    }
}
