//! Polls cited by name: "in a new Acme News poll", "In the latest QRS/Acme survey" name the
//! poll a figure comes from, a source of the article as much as "according to an Acme poll".
//! For the article's speaker list only: a poll speaks no quote. The word scan of `verbs`
//! finds the poll nouns.

use std::sync::LazyLock;

use memchr::memmem::Finder;

/// The nouns that end a cited poll's name, as whole words: what the word scan of `verbs`
/// reports for [`cited_polls`]. The first letter may be a capital, the rest is lowercase.
pub const POLL_NOUNS: [&str; 8] = [
    "poll", "polls", "Poll", "Polls", "survey", "surveys", "Survey", "Surveys",
];
/// The same nouns less their first letter (either case), and that letter: one search for
/// each finds them in a paragraph the word scan cannot read (see [`cited_polls`]).
static TAILS: LazyLock<[(Finder<'static>, u8); 2]> =
    LazyLock::new(|| [(Finder::new(b"oll"), b'p'), (Finder::new(b"urvey"), b's')]);
/// Lowercase words that may stand between the article and a poll's name.
const ADJECTIVES: &[&str] = &[
    "new",
    "latest",
    "recent",
    "most",
    "national",
    "statewide",
    "nationwide",
    "early",
    "last",
];
/// Capitalised words that date a poll rather than name it ("a May Acme poll").
const DATES: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];
/// Most words of a poll's name.
const MAX_WORDS: usize = 7;

/// The polls a (masked) paragraph cites after "in a"/"in the", as written ("Acme News
/// poll"), in text order; `nouns` are the starts of its poll nouns (see `verbs::scan`).
pub fn cited_polls<'t>(masked: &'t str, nouns: &[usize]) -> Vec<&'t str> {
    // A masked quote glued to a poll noun ("poll_") makes one word with it, which the word
    // scan cannot tell: such a paragraph is searched for the nouns.
    let underscore = memchr::memchr(b'_', masked.as_bytes()).is_some();
    if nouns.is_empty() && !underscore {
        return Vec::new();
    }
    let mut found: Vec<(usize, usize)> = if underscore {
        searched_polls(masked)
    } else {
        nouns.iter().filter_map(|&at| poll_at(masked, at)).collect()
    };
    found.sort_unstable();
    found.into_iter().map(|(s, e)| &masked[s..e]).collect()
}

/// The cited polls of `masked` (byte ranges) found by a search for each noun's tail.
fn searched_polls(masked: &str) -> Vec<(usize, usize)> {
    let bytes = masked.as_bytes();
    let mut found = Vec::new();
    for (tail, first) in TAILS.iter() {
        for i in tail.find_iter(bytes) {
            if i > 0 && bytes[i - 1].to_ascii_lowercase() == *first {
                found.extend(poll_at(masked, i - 1));
            }
        }
    }
    found
}

/// The cited poll (byte range) whose noun starts at byte `at` of `masked`, if its noun is a
/// whole word ("poll" or "polls", not "polling" or "pollster") after a space and a name
/// cited after "in a"/"in the" ends before it.
fn poll_at(masked: &str, at: usize) -> Option<(usize, usize)> {
    let bytes = masked.as_bytes();
    let tail: &[u8] = match bytes.get(at)?.to_ascii_lowercase() {
        b'p' => b"oll",
        b's' => b"urvey",
        _ => return None,
    };
    if !bytes[at + 1..].starts_with(tail) {
        return None;
    }
    let end = at + 1 + tail.len();
    let rest = &masked[end..];
    let rest = rest.strip_prefix('s').unwrap_or(rest);
    if rest.starts_with(|c: char| c.is_alphanumeric()) || !masked[..at].ends_with(' ') {
        return None;
    }
    name_start(&masked[..at - 1]).map(|start| (start, end))
}

/// Where the name of a poll ending `before` starts, when "in a"/"in the" (and adjectives)
/// open the phrase: "in a new Acme News" → at "Acme". The name holds a capitalised word.
fn name_start(before: &str) -> Option<usize> {
    let words: Vec<&str> = before.rsplit(' ').take(MAX_WORDS + 4).collect();
    let mut start = before.len();
    let mut capitalised = 0;
    let mut k = 0;
    // The name: capitalised words, and lowercase ones inside it ("Acme national").
    while let Some(w) = words.get(k) {
        let capital = w.starts_with(|c: char| c.is_uppercase());
        if capital && !DATES.contains(w) && !w.ends_with([',', '.', ';', ':']) {
            capitalised += 1;
        } else if !ADJECTIVES.contains(w) {
            break;
        }
        start -= w.len() + usize::from(k > 0);
        k += 1;
        if k > MAX_WORDS {
            return None;
        }
    }
    // Lowercase words read past the name belong to the lead, not the name.
    while k > 0 && !words[k - 1].starts_with(|c: char| c.is_uppercase()) {
        k -= 1;
        start += words[k].len() + 1;
    }
    if capitalised == 0 {
        return None;
    }
    // The lead: adjectives and dates, a determiner, then "in".
    let mut j = k;
    while words
        .get(j)
        .is_some_and(|w| ADJECTIVES.contains(w) || DATES.contains(w))
    {
        j += 1;
    }
    let determiner = words
        .get(j)
        .is_some_and(|w| matches!(*w, "a" | "an" | "the"));
    let preposition = words.get(j + 1).is_some_and(|w| matches!(*w, "in" | "In"));
    (determiner && preposition).then_some(start)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::attribute::verbs::scan;
    use proptest::prelude::*;

    fn cited(text: &str) -> Vec<&str> {
        cited_polls(text, &scan(text).listed().polls)
    }

    /// The cited polls of `text` as the search for each noun's tail finds them.
    fn searched(text: &str) -> Vec<&str> {
        let mut found = searched_polls(text);
        found.sort_unstable();
        found.into_iter().map(|(s, e)| &text[s..e]).collect()
    }

    #[test]
    fn reads_polls_cited_after_in() {
        assert_eq!(
            cited("In a new Acme News poll, 50 percent agreed."),
            ["Acme News poll"]
        );
        assert_eq!(
            cited("She led by 9 points in the latest QRS/Acme survey released Monday."),
            ["QRS/Acme survey"]
        );
        assert_eq!(
            cited("He fell to 10 percent in a September Acme-XYZ News Poll."),
            ["Acme-XYZ News Poll"]
        );
        assert_eq!(
            cited("She held a lead in a Acme national poll."),
            ["Acme national poll"]
        );
    }

    #[test]
    fn other_polls_are_no_citations() {
        assert!(cited("In a new poll, 50 percent agreed.").is_empty());
        assert!(cited("Ann Lee leads polls in Dover.").is_empty());
        assert!(cited("An Acme poll found it.").is_empty());
        assert!(cited("Ann Lee met Acme pollsters in a Dover polling place.").is_empty());
    }

    #[test]
    fn a_noun_glued_to_a_masked_quote_is_searched() {
        assert_eq!(
            cited("In a new Acme poll___ 50 percent agreed."),
            ["Acme poll"]
        );
        assert_eq!(cited("in the Acme Polls_"), ["Acme Poll"]);
        assert_eq!(cited("in the Acme Polls_"), searched("in the Acme Polls_"));
    }

    fn piece() -> impl Strategy<Value = String> {
        let mut pieces: Vec<String> = POLL_NOUNS.iter().map(|n| n.to_string()).collect();
        pieces.extend(
            [
                "oll", "p", "P", "s", "urvey", "pollster", "_", " ", "in a ", "in the ", "In a ",
                "Acme ", "News ", "new ", "May ", "é", "2", ",", "’", "-",
            ]
            .map(String::from),
        );
        proptest::sample::select(pieces)
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 3000, ..ProptestConfig::default() })]
        #[test]
        fn the_scan_finds_what_the_search_finds(pieces in proptest::collection::vec(piece(), 0..12)) {
            let text = pieces.concat();
            prop_assert_eq!(cited(&text), searched(&text));
        }
    }
}
