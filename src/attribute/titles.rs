//! Quoted titles: "on NBC’s “Meet the Press”", "a star of “Broad City”". A short run of
//! capitalised words in quote marks right after a possessive or a preposition names a show,
//! book or film; nobody says it, so it is no quote. Nor is a nickname in quotes inside a name
//! ("Ann “Bee” Lee").

use super::detect::Span;

/// Longest title, in words.
const MAX_WORDS: usize = 8;

/// Words a title may keep in lowercase after its first word.
const SMALL_WORDS: &[&str] = &[
    "a", "an", "the", "of", "in", "on", "at", "to", "for", "and", "or", "with", "by", "from", "is",
    "as", "vs",
];

/// Prepositions after which a quoted capitalised run is a title ("appeared on “This Week”").
const BEFORE_TITLE: &[&str] = &["on", "in", "of", "from", "with", "at", "for", "by"];

/// Whether the quote `span` of `para` is a title: two to eight words, each capitalised but
/// small words, no question or exclamation, right after a possessive ("CNN’s") or a preposition.
pub fn is_quoted_title(para: &str, span: &Span) -> bool {
    // The word before the quote first: it rules out most quotes at once.
    let Some(last) = para[..span.start].split_whitespace().next_back() else {
        return false;
    };
    let possessive = ["’s", "'s", "s’", "s'"].iter().any(|p| last.ends_with(p));
    if !(possessive || BEFORE_TITLE.contains(&last)) {
        return false;
    }
    let text = para[span.text_start..span.text_end]
        .trim()
        .trim_end_matches(['.', ',']);
    if text.contains(['!', '?', '“', '”', '"', '.', ';']) {
        return false;
    }
    let mut words = 0;
    for (i, w) in text.split_whitespace().enumerate() {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        let capitalised = w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit());
        if !(capitalised || w.is_empty() || (i > 0 && SMALL_WORDS.contains(&w))) {
            return false;
        }
        words += 1;
    }
    (2..=MAX_WORDS).contains(&words)
}

/// Longest nickname, in bytes.
const MAX_NICKNAME: usize = 16;

/// Whether the quote `span` of `para` is a nickname inside a name: one capitalised word
/// between two capitalised words ("said Ann “Bee” Lee", "Ann \"Bee\" Lee said").
pub fn is_nickname(para: &str, span: &Span) -> bool {
    let text = &para[span.text_start..span.text_end];
    let word = |w: &str| {
        w.starts_with(|c: char| c.is_uppercase())
            && w.chars()
                .all(|c| c.is_alphabetic() || matches!(c, '.' | '-'))
    };
    let Some(before) = para[..span.start].strip_suffix(' ') else {
        return false;
    };
    let Some(after) = para[span.end..].strip_prefix(' ') else {
        return false;
    };
    text.len() <= MAX_NICKNAME
        && word(text)
        && before.rsplit(' ').next().is_some_and(word)
        && after
            .split(' ')
            .next()
            .is_some_and(|w| word(w.trim_end_matches([',', ';', ':', '.'])))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::attribute::detect::quote_spans;

    fn title(para: &str) -> bool {
        let spans = quote_spans(para);
        is_quoted_title(para, &spans[0])
    }

    #[test]
    fn tells_nicknames_from_quotes() {
        let table: &[(&str, bool)] = &[
            ("“No,” said Ann “Bee” Lee, the chair.", true),
            ("Ann \"Bee\" Lee Jr. said no.", true),
            ("Ann Lee said “Never” Bo Lind was wrong.", false),
            ("Ann Lee said “Never.” Bo Lind agreed.", false),
            ("Ann Lee said: “Never” and left.", false),
            ("Ann Lee called it “Disgraceful” Tuesday.", false),
        ];
        for (para, expected) in table {
            let spans = quote_spans(para);
            assert_eq!(
                is_nickname(para, &spans[spans.len() - 1]),
                *expected,
                "{para}"
            );
        }
    }

    #[test]
    fn tells_titles_from_quotes() {
        let table: &[(&str, bool)] = &[
            ("Ann Lee said on Acme’s “Meet the Town.”", true),
            ("She starred in “The Long Night Of Acme” last year.", true),
            (
                "Ann Lee called it “The Long Night Of Acme” last year.",
                false,
            ),
            ("Ann Lee said on Acme’s “we are ready for it.”", false),
            ("The crowd broke into chants of “Ann! Ann! Ann!”", false),
            ("Ann Lee said: “Meet The Town.”", false),
            ("He spoke of “Hope” again.", false),
        ];
        for (para, expected) in table {
            assert_eq!(title(para), *expected, "{para}");
        }
    }
}
