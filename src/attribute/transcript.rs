//! Transcript lines: "PENCE: Well, look, …" or "“WALLACE: Let’s start …" — a speaker label in
//! capitals before a colon opens the paragraph, and the labelled person speaks it. The label
//! is only read here; whether it names a speaker (someone the article knows, or a label that
//! opened an earlier paragraph too) is the walker's call.

/// Most words a label may have ("JAKE TAPPER", "SEN. ANN LEE").
const MAX_LABEL_WORDS: usize = 3;
/// Most bytes before a label's colon.
const MAX_LABEL_BYTES: usize = 48;

/// A speaker label opening a paragraph.
#[derive(Debug, PartialEq)]
pub struct Label {
    /// The label in title case ("Jake Tapper"), as a name is written in running text.
    pub name: String,
    /// Byte offset in the paragraph just past the colon and the spaces after it.
    pub end: usize,
}

/// The label that opens `para`, after its indent and at most one opening quote mark: one to
/// three words in capitals (each with two letters or more, or an initial), a colon, then
/// the line's text. "U.S.: …", "UPDATE 2: …" and a colon ending the line are no labels.
pub fn label(para: &str) -> Option<Label> {
    let indent = para.len() - para.trim_start().len();
    let mut at = indent;
    if let Some(mark) = para[at..].chars().next().filter(|c| matches!(c, '“' | '"')) {
        at += mark.len_utf8();
    }
    // Most lines open with no word in capitals: a label's first word opens with two capitals
    // (or ’, ', -) or is an initial ("A."), and shorter words are none (see `shouted`).
    let mut opening = para[at..].chars();
    if !(opening.next().is_some_and(char::is_uppercase)
        && opening
            .next()
            .is_some_and(|c| c.is_uppercase() || matches!(c, '’' | '\'' | '-' | '.')))
    {
        return None;
    }
    // Labels are short: the colon is looked for in the line's opening bytes only.
    let window = para
        .as_bytes()
        .get(at..)
        .map_or(&[][..], |b| &b[..b.len().min(MAX_LABEL_BYTES)]);
    let colon = at + memchr::memchr(b':', window)?;
    let head = &para[at..colon];
    let words: Vec<&str> = head.split(' ').collect();
    if words.is_empty() || words.len() > MAX_LABEL_WORDS || !words.iter().all(|w| shouted(w)) {
        return None;
    }
    // Some text follows on the line ("PENCE: Well"), not a time ("AT 10:30") or a URL.
    let rest = &para[colon + 1..];
    let text = rest.trim_start();
    if text.len() == rest.len() || !text.starts_with(|c: char| !c.is_ascii_digit()) {
        return None;
    }
    Some(Label {
        name: words
            .iter()
            .map(|w| title_case(w))
            .collect::<Vec<_>>()
            .join(" "),
        end: para.len() - text.len(),
    })
}

/// A word in capitals: two or more uppercase letters (with ’ ' - inside: "O’NEIL"), or an
/// initial ("J."). Periods inside ("U.S.") make an abbreviation, not a name.
fn shouted(word: &str) -> bool {
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    let initial = letters == 1 && word.len() == 2 && word.ends_with('.');
    let plain = letters >= 2
        && word.starts_with(char::is_uppercase)
        && word
            .chars()
            .all(|c| c.is_uppercase() || matches!(c, '’' | '\'' | '-'));
    plain || (initial && word.starts_with(char::is_uppercase))
}

/// "O’NEIL-LEE" → "O’Neil-Lee": a capital after each apostrophe or hyphen, lowercase elsewhere.
fn title_case(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    let mut upper = true;
    for c in word.chars() {
        if upper {
            out.push(c);
        } else {
            out.extend(c.to_lowercase());
        }
        upper = matches!(c, '’' | '\'' | '-');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn name(para: &str) -> Option<String> {
        label(para).map(|l| l.name)
    }

    #[test]
    fn reads_labels_in_capitals() {
        assert_eq!(name("BERG: Well, we tried."), Some("Berg".into()));
        assert_eq!(
            name("“ANN O’LEE-LIND: We tried."),
            Some("Ann O’Lee-Lind".into())
        );
        assert_eq!(name("\"ZED Q. BERG:  Yes."), Some("Zed Q. Berg".into()));
        // An initial, an apostrophe or a hyphen may come second.
        assert_eq!(name("Q. BERG: Yes."), Some("Q. Berg".into()));
        assert_eq!(name("O’LEE: Yes."), Some("O’Lee".into()));
        assert_eq!(name("D'LEE: Yes."), Some("D'Lee".into()));
        assert_eq!(name("É-LEE: Yes."), Some("É-Lee".into()));
        let l = label("  BERG: Yes.").unwrap();
        assert_eq!(&"  BERG: Yes."[l.end..], "Yes.");
    }

    #[test]
    fn other_openings_are_no_labels() {
        for para in [
            "Berg: Well, we tried.",
            "U.S.: a new plan.",
            "STAT OF THE WEEK: ten.",
            "AT 10:30 the hall opened.",
            "UPDATE:",
            "UPDATE 2: The vote was held.",
            "A: Yes.",
            "The BERG: plan.",
            "",
            "“",
        ] {
            assert_eq!(name(para), None, "{para}");
        }
    }
}
