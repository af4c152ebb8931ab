//! Quote detection: where the quoted spans of a paragraph are, a copy of the paragraph with
//! their words masked (so that cue patterns never match inside a quote), and sentence bounds.
//! Everything here is a single left-to-right scan over the paragraph.

use std::borrow::Cow;
use std::sync::LazyLock;

use super::cues::ABBREVIATIONS;
use crate::hash::HashSet;

/// [`ABBREVIATIONS`] for a lookup per word: a sentence end is tested against them.
static ABBREVIATION_SET: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| ABBREVIATIONS.iter().copied().collect());

/// A quoted span inside a paragraph, in byte offsets of the paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Span {
    /// Offset of the opening mark (or of the paragraph start for a continued quote).
    pub start: usize,
    /// Offset just past the closing mark (or the paragraph end when left open).
    pub end: usize,
    pub text_start: usize,
    pub text_end: usize,
    /// The quote was still open when the paragraph ended.
    pub open_at_end: bool,
}

const OPENERS: &[char] = &['“', '«', '„', '"'];

fn closes(open: char, c: char) -> bool {
    match open {
        // A straight opening mark closed by a curly one ("…”): mixed marks from an editor.
        '"' => matches!(c, '"' | '”'),
        '“' => matches!(c, '”' | '“' | '"'),
        '«' => c == '»',
        '„' => matches!(c, '“' | '”'),
        _ => false,
    }
}

/// Whether the mark at byte `i` of `para` reads as an opening mark: at the paragraph start or
/// after a space, bracket or dash.
fn opens_here(para: &str, i: usize) -> bool {
    para[..i]
        .chars()
        .next_back()
        .is_none_or(|p| p.is_whitespace() || matches!(p, '(' | '[' | '—' | '–' | '-' | ':'))
}

/// The quoted spans of a paragraph: curly “…”, guillemets «…», „…“ and straight "…" pairs.
/// A curly closing mark written as an opening one (“…“) still closes. An opening mark left
/// unclosed runs to the end of the paragraph (quotes spanning paragraphs).
pub fn quote_spans(para: &str) -> Vec<Span> {
    let mut spans = Vec::new();
    let mut open: Option<(usize, char)> = None;
    // Only marks open or close: a byte scan goes from one to the next. `"` is the only ASCII
    // mark; the others all start with byte 0xC2 (« ») or 0xE2 (“ ” „), never inside a char.
    let bytes = para.as_bytes();
    let mut from = 0;
    while let Some(k) = memchr::memchr3(b'"', 0xC2, 0xE2, &bytes[from..]) {
        let i = from + k;
        let c = para[i..].chars().next().unwrap_or_default();
        from = i + c.len_utf8();
        match open {
            None if OPENERS.contains(&c) || (c == '”' && opens_here(para, i)) => {
                open = Some((i, if c == '”' { '“' } else { c }));
            }
            Some((s, o)) if closes(o, c) => {
                // “ after a space is a new opening, not a closing, unless it is straight; so
                // is a doubled opening mark (““…).
                if c == '“' && o == '“' && (opens_here(para, i) || i == s + o.len_utf8()) {
                    open = Some((i, c));
                    continue;
                }
                spans.push(Span {
                    start: s,
                    end: i + c.len_utf8(),
                    text_start: s + o.len_utf8(),
                    text_end: i,
                    open_at_end: false,
                });
                open = None;
            }
            _ => {}
        }
    }
    if let Some((s, o)) = open
        && (o != '"' || opens_here(para, s))
    {
        spans.push(Span {
            start: s,
            end: para.len(),
            text_start: s + o.len_utf8(),
            text_end: para.len(),
            open_at_end: true,
        });
    }
    spans
}

/// `para` with the inside of every span replaced by `_` (same byte length), so that offsets
/// stay valid and patterns see neither names nor sentence ends inside quotes. A paragraph
/// without quotes is itself (most are: no copy).
pub fn mask<'p>(para: &'p str, spans: &[Span]) -> Cow<'p, str> {
    if spans.is_empty() {
        return Cow::Borrowed(para);
    }
    let mut out = String::with_capacity(para.len());
    let mut at = 0;
    for s in spans {
        out.push_str(&para[at..s.text_start]);
        out.extend(std::iter::repeat_n('_', s.text_end - s.text_start));
        at = s.text_end;
    }
    out.push_str(&para[at..]);
    Cow::Owned(out)
}

/// Whether `word` (without its period) is an abbreviation, an initial or holds a period.
pub fn is_abbreviation(word: &str) -> bool {
    let w = word.trim_start_matches(|c: char| !c.is_alphanumeric());
    ABBREVIATION_SET.contains(w) || w.contains('.') || w.chars().count() == 1
}

/// Whether byte `i` of `text` (a `.`, `!` or `?`) ends a sentence.
fn ends_sentence(text: &str, i: usize) -> bool {
    let b = text.as_bytes();
    if b[i] != b'.' {
        return true;
    }
    let from = floor_char(text, i.saturating_sub(12));
    let word_start = text[from..i]
        .char_indices()
        .rfind(|(_, c)| c.is_whitespace())
        .map_or(from, |(p, c)| from + p + c.len_utf8());
    !is_abbreviation(&text[word_start..i])
}

/// Start of the sentence that contains byte `pos`, looking back at most `max_back` bytes.
pub fn sentence_start(text: &str, pos: usize, max_back: usize) -> usize {
    let floor = ceil_char(text, pos.saturating_sub(max_back));
    let bytes = text.as_bytes();
    // The marks back from `pos`, found with a vectorised search.
    let Some(window) = bytes.get(floor..pos) else {
        return floor;
    };
    memchr::memrchr3_iter(b'.', b'!', b'?', window)
        .map(|k| floor + k)
        .find(|&i| {
            bytes.get(i + 1).is_some_and(|c| c.is_ascii_whitespace()) && ends_sentence(text, i)
        })
        .map_or(floor, |i| i + 1)
}

/// The largest char boundary of `s` not above `i`.
pub fn floor_char(s: &str, i: usize) -> usize {
    let mut i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The smallest char boundary of `s` not below `i`.
pub fn ceil_char(s: &str, i: usize) -> usize {
    let mut i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i += 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn abbreviations_initials_and_dotted_words() {
        for word in ["Sen", "(Sen", "Sept", "U.S", "x", "É", "“Gov"] {
            assert!(is_abbreviation(word), "{word}");
        }
        for word in ["Senate", "sen", "Ann", "", "—"] {
            assert!(!is_abbreviation(word), "{word}");
        }
    }

    fn texts(para: &str) -> Vec<&str> {
        quote_spans(para)
            .iter()
            .map(|s| &para[s.text_start..s.text_end])
            .collect()
    }

    #[test]
    fn finds_quote_spans() {
        let table: &[(&str, &[&str])] = &[
            ("“One two,” she said.", &["One two,"]),
            ("He said \"yes sir\" twice.", &["yes sir"]),
            ("“A b,” X said. “C d.”", &["A b,", "C d."]),
            ("“Open and never closed", &["Open and never closed"]),
            ("It is \"unbalanced", &["unbalanced"]),
            ("x\"y", &[]),
            ("“Mixed up marks“ here", &["Mixed up marks"]),
            (
                "language: ““Doubled opening,” he said.",
                &["Doubled opening,"],
            ),
            ("«Guillemets» too", &["Guillemets"]),
            ("“Outer ‘inner’ words”", &["Outer ‘inner’ words"]),
            ("\"\"\"\"", &["", ""]),
            (
                "\"Straight then curly,” he said.",
                &["Straight then curly,"],
            ),
        ];
        for (input, expected) in table {
            assert_eq!(texts(input), *expected, "input: {input}");
        }
    }

    #[test]
    fn masks_inside_quotes_only() {
        let para = "A “b c.” D";
        assert_eq!(mask(para, &quote_spans(para)), "A “____” D");
        // Without quotes the paragraph is not copied.
        assert!(matches!(mask("A b c.", &[]), Cow::Borrowed("A b c.")));
    }

    #[test]
    fn finds_sentence_bounds() {
        let table: &[(&str, usize, usize)] = &[
            ("One. Two three", 10, 4),
            ("Sen. Ted Cruz said", 15, 0),
            ("He left. Then U.S. officials", 25, 8),
            ("Why? Who! No.", 13, 9),
            ("Ok. “Hi.” Then", 18, 3),
            ("Done.", 5, 0),
        ];
        for (text, pos, start) in table {
            assert_eq!(sentence_start(text, *pos, 300), *start, "text: {text}");
        }
    }

    #[test]
    fn sentence_start_is_the_last_sentence_end_back_from_pos() {
        // The plain byte-by-byte scan backwards.
        let by_bytes = |text: &str, pos: usize, max_back: usize| {
            let floor = ceil_char(text, pos.saturating_sub(max_back));
            let bytes = text.as_bytes();
            (floor..pos)
                .rev()
                .find(|&i| {
                    matches!(bytes[i], b'.' | b'!' | b'?')
                        && bytes.get(i + 1).is_some_and(|c| c.is_ascii_whitespace())
                        && ends_sentence(text, i)
                })
                .map_or(floor, |i| i + 1)
        };
        for text in [
            "Ok. “Hi.” Then U.S. aid? Yes! é. No.",
            "Sen. Lee. A.B. x. Mr. y",
        ] {
            for pos in (0..=text.len()).filter(|&i| text.is_char_boundary(i)) {
                for max_back in [0, 3, 10, 300] {
                    assert_eq!(
                        sentence_start(text, pos, max_back),
                        by_bytes(text, pos, max_back),
                        "{text:?} {pos} {max_back}"
                    );
                }
            }
        }
    }

    #[test]
    fn never_slices_inside_a_char() {
        let text = "é“ü”é. ü";
        for i in 0..=text.len() {
            let _ = sentence_start(text, floor_char(text, i), 3);
        }
    }
}
