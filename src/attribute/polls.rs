//! Polls cited by name: "in a new Acme News poll", "In the latest QRS/Acme survey" name the
//! poll a figure comes from, a source of the article as much as "according to an Acme poll".
//! For the article's speaker list only: a poll speaks no quote.

use std::sync::LazyLock;

use memchr::memmem::Finder;

/// Nouns that end a cited poll's name, less their first letter (either case), and that
/// letter: one scan for each finds them.
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
/// poll"), in text order.
pub fn cited_polls(masked: &str) -> Vec<&str> {
    let mut found = Vec::new();
    let bytes = masked.as_bytes();
    for (tail, first) in TAILS.iter() {
        for i in tail.find_iter(bytes) {
            if i == 0 || bytes[i - 1].to_ascii_lowercase() != *first {
                continue;
            }
            let at = i - 1;
            let end = i + tail.needle().len();
            // A whole word: "poll" or "polls", not "polling" or "pollster".
            let rest = &masked[end..];
            let rest = rest.strip_prefix('s').unwrap_or(rest);
            if rest.starts_with(|c: char| c.is_alphanumeric()) || !masked[..at].ends_with(' ') {
                continue;
            }
            if let Some(start) = name_start(&masked[..at - 1]) {
                found.push((start, end));
            }
        }
    }
    found.sort_unstable();
    found.into_iter().map(|(s, e)| &masked[s..e]).collect()
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

    #[test]
    fn reads_polls_cited_after_in() {
        assert_eq!(
            cited_polls("In a new Acme News poll, 50 percent agreed."),
            ["Acme News poll"]
        );
        assert_eq!(
            cited_polls("She led by 9 points in the latest QRS/Acme survey released Monday."),
            ["QRS/Acme survey"]
        );
        assert_eq!(
            cited_polls("He fell to 10 percent in a September Acme-XYZ News Poll."),
            ["Acme-XYZ News Poll"]
        );
        assert_eq!(
            cited_polls("She held a lead in a Acme national poll."),
            ["Acme national poll"]
        );
    }

    #[test]
    fn other_polls_are_no_citations() {
        assert!(cited_polls("In a new poll, 50 percent agreed.").is_empty());
        assert!(cited_polls("Ann Lee leads polls in Dover.").is_empty());
        assert!(cited_polls("An Acme poll found it.").is_empty());
        assert!(cited_polls("Ann Lee met Acme pollsters in a Dover polling place.").is_empty());
    }
}
