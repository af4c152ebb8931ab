//! Plain-text and Markdown articles: the first line is the title, byline and dateline lines
//! near the top or bottom give authors and date, and boilerplate lines ("Subscribe to …",
//! "Share this") are dropped from the body.

use lazy_regex::{Lazy, lazy_regex};
use regex::Regex;

use super::byline::byline_names;
use crate::article::Article;
use crate::date::parse_date_text;

/// Short promotional or navigation lines that are not part of any article.
static BOILERPLATE: Lazy<Regex> = lazy_regex!(
    r"(?i)^\s*(?:subscribe\b|follow us\b|sign up\b|share (?:this|on)\b|like us on\b|join (?:us|our)\b|download (?:our|the) app\b|click here\b|read (?:also|more)\s*:|related\s*:|advertisement$|all rights reserved|copyright\b|©)"
);

/// Whether a line can match [`BOILERPLATE`]: it opens (after white space) with "©" or with
/// the first four letters of one of its phrases. An exact pre-check for the regex's ~315
/// instructions a line; non-ASCII among the first four bytes is left to the regex, whose case
/// folding matches "ſ" for "s" and the Kelvin sign for "k".
fn may_be_boilerplate(line: &str) -> bool {
    let rest = if line.starts_with(|c: char| c.is_ascii_graphic()) {
        line.as_bytes()
    } else {
        line.trim_start().as_bytes()
    };
    let Some(&first) = rest.first() else {
        return false;
    };
    let heads: &[&[u8; 4]] = match first | 0x20 {
        b's' => &[b"subs", b"sign", b"shar"],
        b'f' => &[b"foll"],
        b'l' => &[b"like"],
        b'j' => &[b"join"],
        b'd' => &[b"down"],
        b'c' => &[b"clic", b"copy"],
        b'r' => &[b"read", b"rela"],
        b'a' => &[b"adve", b"all "],
        _ => return !first.is_ascii(),
    };
    let head = &rest[..rest.len().min(4)];
    !head.is_ascii() || heads.iter().any(|h| head.eq_ignore_ascii_case(&h[..]))
}

/// A dateline: a line that is a date, optionally labelled ("Published: …", "Posted on …").
static DATELINE: Lazy<Regex> = lazy_regex!(
    r"(?i)^\s*(?:(?:published|posted|date|dated)(?:\s+on)?\s*:?\s*)?(?P<date>[\w ,./:+-]{6,60})\s*$"
);

/// How many lines at each end of a text are searched for bylines and datelines.
const EDGE_LINES: usize = 6;

/// Extracts an article from plain text or Markdown.
pub fn extract(text: &str) -> Article {
    // Each line trimmed once: its end (what the body keeps) and both sides (what is judged).
    let lines: Vec<Line> = split_lines(text)
        .map(|l| {
            let end = l.trim_end();
            Line {
                end,
                both: end.trim_start(),
            }
        })
        .collect();
    let content: Vec<usize> = (0..lines.len())
        .filter(|&i| !lines[i].both.is_empty())
        .collect();
    let mut article = Article::default();
    let Some((&title_idx, rest)) = content.split_first() else {
        return article;
    };
    article.title = Some(clean_title(lines[title_idx].both));
    let mut dropped = vec![false; lines.len()];
    dropped[title_idx] = true;
    let edge = |k: usize| k < EDGE_LINES || k + EDGE_LINES >= rest.len();
    for (k, &i) in rest.iter().enumerate() {
        let line = lines[i].both;
        if may_be_boilerplate(line)
            && BOILERPLATE.is_match(line)
            && line.split_whitespace().count() <= 20
        {
            dropped[i] = true;
            continue;
        }
        if !edge(k) {
            continue;
        }
        if let Some(names) = byline_names(line) {
            for name in names {
                if !article.authors.contains(&name) {
                    article.authors.push(name);
                }
            }
            dropped[i] = true;
        } else if article.published.is_none()
            && let Some(date) = dateline(line)
        {
            article.published = Some(date);
            article.published_source = Some("text".into());
            dropped[i] = true;
        }
    }
    let kept: Vec<Line> = lines
        .into_iter()
        .zip(dropped)
        .filter_map(|(line, dropped)| (!dropped).then_some(line))
        .collect();
    article.body = body_text(&kept);
    article
}

/// The lines of a text exactly as `str::lines` cuts them, found with SIMD `memchr` (the std
/// iterator's byte search and the growing vector it filled were a fifth of plain-text
/// extraction).
fn split_lines(text: &str) -> impl ExactSizeIterator<Item = &str> {
    let bytes = text.as_bytes();
    let mut ends: Vec<usize> = Vec::with_capacity(memchr::memchr_iter(b'\n', bytes).count() + 1);
    ends.extend(memchr::memchr_iter(b'\n', bytes));
    let tail = ends.last().map_or(0, |&nl| nl + 1) < bytes.len();
    if tail {
        ends.push(bytes.len());
    }
    let mut start = 0;
    ends.into_iter().map(move |end| {
        let line = &text[start..end];
        let newline = end < bytes.len();
        start = end + 1;
        if newline {
            line.strip_suffix('\r').unwrap_or(line)
        } else {
            line
        }
    })
}

/// A line of the text, trimmed at its end and on both sides.
#[derive(Clone, Copy)]
struct Line<'a> {
    end: &'a str,
    both: &'a str,
}

/// Widths a hard-wrapped text is wrapped at: wire copy and e-mail exports wrap at 60–80 columns.
const WRAP_WIDTHS: std::ops::RangeInclusive<usize> = 50..=100;
/// How much shorter than the wrap width a line cut by the wrapper may be (a long next word).
const WRAP_SLACK: usize = 20;

/// The body from the kept lines, in one pass: hard-wrapped lines joined back into paragraphs,
/// so that a sentence (and a quote with its speaker) is one line, as it is in a page's
/// paragraph; runs of blank lines collapsed to one; the text trimmed.
///
/// A text is hard-wrapped when most of its lines end close to one width; a line is joined to
/// the next only when it reaches that width, and the next line does not open a paragraph
/// (indented), a list item, a heading, a quote block or a table row. Other texts keep their
/// lines.
fn body_text(lines: &[Line]) -> String {
    let width = |l: &str| {
        if l.is_ascii() {
            l.len()
        } else {
            l.chars().count()
        }
    };
    let widths: Vec<usize> = lines.iter().map(|l| width(l.end)).collect();
    let content = || (0..lines.len()).filter(|&i| !lines[i].both.is_empty());
    let wrap = content().map(|i| widths[i]).max().unwrap_or(0);
    let near_wrap = content()
        .filter(|&i| widths[i] + WRAP_SLACK >= wrap)
        .count();
    let wrapped =
        WRAP_WIDTHS.contains(&wrap) && near_wrap >= 4 && near_wrap * 2 >= content().count();
    let opens_block = |l: &Line| {
        let t = l.both;
        l.end.len() - t.len() >= 2
            || t.is_empty()
            || t.starts_with(['-', '*', '+', '#', '>', '|', '•'])
            || numbered_item(t)
    };
    let mut out = String::with_capacity(lines.iter().map(|l| l.end.len() + 1).sum());
    let mut blank_before = false;
    // Whether the previous line may run on into this one: it reaches the wrap width and is no
    // table row.
    let mut prev_runs_on = false;
    for (line, &width) in lines.iter().zip(&widths) {
        if line.both.is_empty() {
            blank_before = true;
            prev_runs_on = false;
            continue;
        }
        let table_row = wrapped && has_three_spaces(line.both);
        if prev_runs_on && !table_row && !opens_block(line) {
            out.push(' ');
            out.push_str(line.both);
        } else if out.is_empty() {
            out.push_str(line.both);
        } else {
            out.push_str(if blank_before { "\n\n" } else { "\n" });
            out.push_str(line.end);
        }
        blank_before = false;
        prev_runs_on = wrapped && width + WRAP_SLACK >= wrap && !table_row;
    }
    out
}

/// Whether a line opens with a list number, "12. ": at most three ASCII digits (or none) and
/// then ". ". Read byte by byte: `str::split_once` sets up a substring searcher per call, which
/// was a fifth of plain-text extraction.
fn numbered_item(line: &str) -> bool {
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    digits <= 3 && line.as_bytes()[digits..].starts_with(b". ")
}

/// Whether a text holds three spaces in a row (columns of a table). Read byte by byte, with a
/// skip: a byte that is no space ends every run through it, so the next run can end no sooner
/// than three bytes on (the check was a fifth of the remaining line handling).
fn has_three_spaces(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut end = 2; // where a run of three could end
    while end < bytes.len() {
        // Spaces in a row ending at `end`, up to three.
        let run = bytes[end - 2..=end]
            .iter()
            .rev()
            .take_while(|&&b| b == b' ')
            .count();
        if run == 3 {
            return true;
        }
        end += 3 - run;
    }
    false
}

/// A line that holds a full publication date and little else.
fn dateline(line: &str) -> Option<crate::date::PublishedDate> {
    // Cheap exact pre-checks before the regex, whose captures search (a backtracker clearing
    // its visited set per line) was half the instructions of indexing plain text: every date
    // `parse_date_text` accepts has ASCII digits, and DATELINE allows no ASCII punctuation
    // but `,./:+-_`.
    let line = line.trim();
    let bytes = line.as_bytes();
    if !bytes.iter().any(u8::is_ascii_digit)
        || bytes
            .iter()
            .any(|b| b.is_ascii_punctuation() && !b",./:+-_".contains(b))
    {
        return None;
    }
    // An ASCII line is matched by hand (compiling DATELINE, its Unicode `\w` copied sixty
    // times, cost more than all the lines it would read); other lines go to the regex.
    let date = if line.is_ascii() {
        let (start, end) = ascii_date_group(bytes)?;
        parse_date_text(&line[start..end])?
    } else {
        let caps = DATELINE.captures(line)?;
        parse_date_text(&caps["date"])?
    };
    // A year is required (parse_date_text guarantees it); a bare month/day in prose never counts.
    date.day.is_some().then_some(date)
}

/// ASCII white space as the regex's `\s` reads it (with vertical tab, unlike
/// `u8::is_ascii_whitespace`).
fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | 0x0B | 0x0C | b'\r')
}

/// Where [`DATELINE`]'s `date` group lies in an ASCII line, found the way the regex finds it:
/// its pieces tried in the order of a backtracking match (an optional label — "published",
/// "posted", "date", "dated" in that order — an optional "on", white space and a colon, each
/// taking as much as it can first), and the first way that leaves a `date` of 6–60 bytes of
/// `[\w ,./:+-]` with only white space after it wins. Checked against the regex by a proptest.
fn ascii_date_group(line: &[u8]) -> Option<(usize, usize)> {
    let spaces = |i: usize| line[i..].iter().take_while(|&&b| is_space(b)).count();
    let starts_with = |i: usize, word: &str| {
        line.get(i..i + word.len())
            .is_some_and(|w| w.eq_ignore_ascii_case(word.as_bytes()))
    };
    // The date group from `s`: as long as it can be, with only white space after it, i.e.
    // reaching past the line's last other byte.
    let text_end = line.len() - line.iter().rev().take_while(|&&b| is_space(b)).count();
    let date_from = |s: usize| {
        let in_class = |b: &u8| b.is_ascii_alphanumeric() || b" ,./:+-_".contains(b);
        let longest = line[s..]
            .iter()
            .take(60)
            .take_while(|b| in_class(b))
            .count();
        (longest >= 6 && s + longest >= text_end).then_some((s, s + longest))
    };
    // `\s* :? \s* (?P<date>…)` from `r`, each piece as long as it can be first.
    let after_colon = |r: usize| {
        let colon = (line.get(r) == Some(&b':')).then_some(r + 1);
        colon
            .into_iter()
            .chain([r])
            .find_map(|c| (0..=spaces(c)).rev().find_map(|k| date_from(c + k)))
    };
    let after_on = |q: usize| (0..=spaces(q)).rev().find_map(|k| after_colon(q + k));
    (0..=spaces(0)).rev().find_map(|k0| {
        ["published", "posted", "date", "dated"]
            .iter()
            .filter(|label| starts_with(k0, label))
            .find_map(|label| {
                let p = k0 + label.len();
                (1..=spaces(p))
                    .rev()
                    .filter(|&k| starts_with(p + k, "on"))
                    .map(|k| p + k + 2)
                    .chain([p])
                    .find_map(after_on)
            })
            .or_else(|| date_from(k0))
    })
}

fn clean_title(line: &str) -> String {
    line.trim()
        .trim_start_matches('#')
        .trim()
        .trim_matches(|c| c == '*' || c == '_')
        .trim()
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    // The two-pass body building that `body_text` replaced, kept as the reference its
    // proptest checks against.
    /// Joins the lines of a hard-wrapped text back into paragraphs, so that a sentence (and a
    /// quote with its speaker) is one line, as it is in a page's paragraph. A text is hard-wrapped
    /// when most of its lines end close to one width; a line is joined to the next only when it
    /// reaches that width, and the next line does not open a paragraph (indented), a list item, a
    /// heading, a quote block or a table row. Other texts are returned as they are.
    fn unwrap_lines(lines: &[&str]) -> String {
        let width = |l: &str| l.chars().count();
        let content: Vec<usize> = lines
            .iter()
            .filter(|l| !l.trim().is_empty())
            .map(|l| width(l))
            .collect();
        let wrap = content.iter().copied().max().unwrap_or(0);
        let near_wrap = content.iter().filter(|&&w| w + WRAP_SLACK >= wrap).count();
        if !WRAP_WIDTHS.contains(&wrap) || near_wrap < 4 || near_wrap * 2 < content.len() {
            return lines.join("\n");
        }
        let opens_block = |l: &str| {
            let t = l.trim_start();
            l.len() - t.len() >= 2
                || t.is_empty()
                || t.starts_with(['-', '*', '+', '#', '>', '|', '•'])
                || numbered_item(t)
        };
        let is_table_row = |l: &str| has_three_spaces(l.trim());
        let mut out = String::with_capacity(lines.iter().map(|l| l.len() + 1).sum());
        for (i, line) in lines.iter().enumerate() {
            if i > 0 {
                let prev = lines[i - 1];
                let joins = width(prev) + WRAP_SLACK >= wrap
                    && !prev.trim().is_empty()
                    && !is_table_row(prev)
                    && !opens_block(line)
                    && !is_table_row(line);
                out.push(if joins { ' ' } else { '\n' });
            }
            out.push_str(if i > 0 && out.ends_with(' ') {
                line.trim_start()
            } else {
                line
            });
        }
        out
    }

    /// Collapses runs of blank lines (and lines of only spaces) to one blank line.
    fn collapse_blank_lines(text: &str) -> String {
        let mut out = String::with_capacity(text.len());
        let mut blank = 0;
        for line in text.lines() {
            if line.trim().is_empty() {
                blank += 1;
                continue;
            }
            if !out.is_empty() {
                out.push_str(if blank > 0 { "\n\n" } else { "\n" });
            }
            blank = 0;
            out.push_str(line.trim_end());
        }
        out
    }

    #[test]
    fn takes_title_byline_and_dateline() {
        let a = extract(
            "# Talks resume\n\nBy Ann Lee and Bo Chan\nPublished: 2025-12-03\n\nThe talks resumed on October 16.\n\nSubscribe to our newsletter!\n",
        );
        assert_eq!(a.title.as_deref(), Some("Talks resume"));
        assert_eq!(a.authors, vec!["Ann Lee", "Bo Chan"]);
        assert_eq!(
            a.published.map(|d| d.to_string()).as_deref(),
            Some("2025-12-03")
        );
        assert_eq!(a.body, "The talks resumed on October 16.");
    }

    #[test]
    fn joins_hard_wrapped_lines_into_paragraphs() {
        let text = "Talks resume\n\nMOSCOW, Dec 3 - The two delegations met again on Wednesday\nafter a pause of two weeks, officials in both capitals said,\nand agreed to meet again before the end of the month.\n    \"We are closer than before,\" said the chief negotiator,\nwho declined to give details of the draft under discussion.\n    Shr 10 cts vs 5 cts\n    Net 1.2 mln vs 600,000\n";
        let a = extract(text);
        assert_eq!(
            a.body.lines().collect::<Vec<_>>(),
            vec![
                "MOSCOW, Dec 3 - The two delegations met again on Wednesday after a pause of two weeks, officials in both capitals said, and agreed to meet again before the end of the month.",
                "    \"We are closer than before,\" said the chief negotiator, who declined to give details of the draft under discussion.",
                "    Shr 10 cts vs 5 cts",
                "    Net 1.2 mln vs 600,000",
            ]
        );
    }

    #[test]
    fn leaves_unwrapped_text_and_lists_alone() {
        let text = "Title\n\nFirst point of the plan:\n- lower tariffs on grain\n- a joint committee\nShort line.\nAnother short line.\n";
        assert_eq!(
            extract(text).body,
            "First point of the plan:\n- lower tariffs on grain\n- a joint committee\nShort line.\nAnother short line."
        );
    }

    #[test]
    fn datelines_read_directly_match_the_regex() {
        let by_regex = |line: &str| {
            let caps = DATELINE.captures(line)?;
            parse_date_text(&caps["date"]).filter(|d| d.day.is_some())
        };
        for line in [
            "Published: 2025-12-03",
            "posted on 3 December 2025",
            "Dated 3 Dec 2025",
            "DATE: 12/03/2025",
            "December 3, 2025",
            "Dec 3 2025",
            "Paris, December 3, 2025",
            "pension funds rose 3 pct in December 2025",
            "Postal rates, 3 Dec 2025",
        ] {
            assert_eq!(dateline(line), by_regex(line), "line: {line}");
        }
    }

    #[test]
    fn list_numbers_and_table_gaps_match_the_substring_searches() {
        for line in [
            "",
            ". x",
            "1. x",
            "123. x",
            "1234. x",
            "12.x",
            "a. b",
            "1 . x",
            "12",
            "3. ",
            "  4. x",
            "x   y",
            "x  y",
            "   ",
            "a    b",
            "\u{a0}   x",
            "é   é",
            "1.5. x",
        ] {
            let by_split = line
                .split_once(". ")
                .is_some_and(|(n, _)| n.len() <= 3 && n.bytes().all(|b| b.is_ascii_digit()));
            assert_eq!(numbered_item(line), by_split, "{line:?}");
            assert_eq!(has_three_spaces(line), line.contains("   "), "{line:?}");
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::test_runner::Config::with_cases(4000))]
        #[test]
        fn three_spaces_and_lines_match_std(text in "[ a\r\n\u{a0}]{0,40}") {
            proptest::prop_assert_eq!(has_three_spaces(&text), text.contains("   "));
            let by_std: Vec<&str> = text.lines().collect();
            let ours: Vec<&str> = split_lines(&text).collect();
            proptest::prop_assert_eq!(ours, by_std);
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::test_runner::Config::with_cases(4000))]
        /// The pre-check never turns away a line the regex takes.
        #[test]
        fn boilerplate_pre_check_keeps_every_regex_match(
            line in "[ \t]{0,2}(?:subscribe|Follow us|SIGN UP|share this|Share on|like us on|liKe us on|join our|Join us|download the app|click here|Read more:|read also :|related:|Advertisement|all rights reserved|Copyright|©|ſubscribe|Reuter|Shr|sub|all|x|é)?[ :\t]{0,2}[A-Za-z é’]{0,10}"
        ) {
            if BOILERPLATE.is_match(&line) {
                proptest::prop_assert!(may_be_boilerplate(&line), "{:?}", line);
            }
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::test_runner::Config::with_cases(6000))]
        /// The hand matcher finds the `date` group where the regex does, or no match as it does.
        #[test]
        fn ascii_date_group_matches_the_regex(
            line in "[ \t]{0,2}(?:[Pp]ublished|POSTED|posted|[Dd]ate|DATED|dated|Dates)?(?:[ \t\x0B]{0,2}(?:[Oo][Nn]|on))?[ \t:]{0,3}:?[ \t]{0,2}[a-zA-Z0-9 ,./:+_;-]{0,64}[ \t]{0,2}"
        ) {
            let by_regex = DATELINE.captures(&line).map(|c| c.name("date").unwrap().range());
            let by_hand = ascii_date_group(line.as_bytes()).map(|(s, e)| s..e);
            proptest::prop_assert_eq!(by_hand, by_regex, "{:?}", line);
        }
    }

    #[test]
    fn ascii_date_group_takes_labels_as_the_regex_does() {
        fn group(line: &str) -> Option<&str> {
            ascii_date_group(line.as_bytes()).map(|(s, e)| &line[s..e])
        }
        assert_eq!(group("Published: 3 Dec 2025"), Some("3 Dec 2025"));
        assert_eq!(group("posted on 3 Dec 2025"), Some("3 Dec 2025"));
        // "date" is tried before "dated", and the rest still fits the class.
        assert_eq!(group("Dated 3 Dec 2025"), Some("d 3 Dec 2025"));
        assert_eq!(group("date 2,700 head."), Some("2,700 head."));
        assert_eq!(group("date: 12"), Some("date: 12"));
        assert_eq!(group("Date; 3 Dec 2025"), None);
    }

    proptest::proptest! {
        #![proptest_config(proptest::test_runner::Config::with_cases(3000))]
        /// One pass builds the body the two passes built: wrapped or not, blank runs, indents,
        /// list items, table rows, white space that is not ASCII.
        #[test]
        fn body_text_matches_unwrap_then_collapse(
            raw in proptest::collection::vec(
                "[ \t]{0,3}(?:[-*#>|•]|12\\. |\u{a0})?(?:[a-zé]{1,9}[ ]{1,3}){0,12}[a-z]{0,5}[ \u{a0}\t]{0,2}",
                0..14,
            )
        ) {
            let lines: Vec<Line> = raw
                .iter()
                .map(|l| Line { end: l.trim_end(), both: l.trim() })
                .collect();
            let ends: Vec<&str> = lines.iter().map(|l| l.end).collect();
            let expected = collapse_blank_lines(unwrap_lines(&ends).trim());
            proptest::prop_assert_eq!(body_text(&lines), expected);
        }
    }

    #[test]
    fn boilerplate_pre_check_turns_away_prose() {
        for line in [
            "Reuter",
            "Shr 1.20 dlrs vs 1.10",
            "Sub",
            "",
            "Allied Corp said",
        ] {
            assert!(!may_be_boilerplate(line), "{line:?}");
        }
        for line in [
            "© 2025 Acme",
            "Subscribe now",
            "ALL RIGHTS RESERVED",
            "ſubscribe",
        ] {
            assert!(may_be_boilerplate(line), "{line:?}");
        }
    }

    #[test]
    fn never_takes_a_date_from_prose() {
        let a = extract("Title\n\nThe two leaders last spoke by telephone on October 16.\n");
        assert_eq!(a.published, None);
    }
}
