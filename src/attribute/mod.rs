//! Attribution: finds the quotes in an article body and who said them.
//!
//! Owns the walk over an article's paragraphs: quote spans come from `detect`, cue patterns
//! from `patterns` (built from the word lists in `cues`), speaker names from `resolve`. For
//! each quote the speaker is, in order of preference: a cue right after it ("…,” X said), a cue
//! earlier in its sentence (X said: “…), the subject of a sentence that hangs the quote on a
//! participle or colon, the speaker of the previous quote of the same paragraph, or of a quote
//! continued from the previous paragraph or introduced by a line ending in a colon ("X released
//! this statement:"), or, for a paragraph that is one quote, the last speaker of the paragraph
//! before. Bullets under "X outlined several points:" are X's.
//! Reported speech ("X argued that …") adds X to the article's speakers without a quote.

mod apposed;
mod cues;
mod detect;
mod joined;
mod names;
mod participles;
mod patterns;
mod polls;
mod possessives;
mod readings;
mod resolve;
mod sources;
mod subject;
mod titles;
mod transcript;
mod verbs;

use crate::hash::HashMap;

use crate::article::{Article, Quote};
use cues::SPEECH_VERBS;
use detect::{Span, ceil_char, floor_char, mask, quote_spans, sentence_start};
use patterns::{
    Cue, DASH_NAME, HANGING, HEADLINE_NAME, NAME_COLON, SIGNATURE, WITH_PARTICIPLE, acting_subject,
    cues_of, described_colon, described_subject, find_cues, is_descriptor_gap, is_gap, is_passive,
    opening_subject, sentence_subject, trim_period,
};
use readings::is_noun_reading;
use resolve::{Resolved, Resolver};
use verbs::{Verb, speech_verbs};

/// How far (bytes) a cue may sit before an opening quote.
const BEFORE_WINDOW: usize = 300;
/// How far a cue later in the quote's sentence may sit ("“…” if it fails, said X").
const LATER_WINDOW: usize = 120;
/// How far back a cue of the previous sentence may end ("X said Tuesday. “…").
const NEAR_WINDOW: usize = 40;
const QUOTE_MARKS: &[char] = &['“', '”', '"', '«', '»', '„'];
/// A quote shorter than this (in words) is kept only when attributed.
const MIN_UNATTRIBUTED_WORDS: usize = 4;
/// A quote shorter than this is widened to the reported clause that holds it.
const MIN_QUOTE_WORDS: usize = 3;

/// Confidence of a speaker carried over to a paragraph that is one quote; a "- Ann Lee" line
/// after it overrides it.
const CARRIED_OVER: f32 = 0.5;

const BULLETS: &[char] = &['•', '*', '-', '–', '·', '▪', '◦', '●'];

/// Attributes quotes in an article's body, filling `quotes` and `speakers`.
pub fn attribute_article(article: &mut Article) {
    let analysis = analyse(&article.body, article.title.as_deref().unwrap_or(""));
    article.speakers =
        speakers_with_reported(&analysis.quotes, &analysis.reported, &analysis.joint);
    article.quotes = analysis.quotes;
}

/// Compiles the cue patterns before they are needed, from the other end of the list than
/// the rules first use them (see `patterns::compile_all`): run on a second thread, it halves
/// the wait for compiling them, the fixed cost of every indexing run.
pub fn compile_patterns() {
    patterns::compile_all();
}

/// Finds the quotes of a body text and their speakers.
pub fn find_quotes(body: &str) -> Vec<Quote> {
    analyse(body, "").quotes
}

/// Canonical speakers of a list of quotes, most quoted first.
pub fn speakers_of(quotes: &[Quote]) -> Vec<String> {
    speakers_with_reported(quotes, &[], &[])
}

/// Speakers of the quotes (most quoted first), then those only reported ("X argued that").
/// A joint speaker ("Ann Lee and Bo Lind", listed in `joint` with its two names) counts as
/// each of them.
fn speakers_with_reported<'a>(
    quotes: &'a [Quote],
    reported: &'a [String],
    joint: &'a [(String, [String; 2])],
) -> Vec<String> {
    let mut counts: Vec<(String, usize)> = Vec::new();
    // Names are borrowed from the arguments until first met (a name is copied once).
    let mut index: HashMap<&str, usize> = HashMap::default();
    let quoted = quotes.iter().filter_map(|q| q.speaker.as_deref());
    let named = quoted
        .map(|n| (n, 1000))
        .chain(reported.iter().map(|n| (n.as_str(), 1)));
    let mut add = |name: &'a str, weight: usize| match index.get(name) {
        Some(&i) => counts[i].1 += weight,
        None => {
            index.insert(name, counts.len());
            counts.push((name.to_string(), weight));
        }
    };
    for (name, weight) in named {
        match joint.iter().find(|(j, _)| j == name) {
            Some((_, [a, b])) => {
                add(a, weight);
                add(b, weight);
            }
            None => add(name, weight),
        }
    }
    merge_surnames(&mut counts);
    counts.sort_by_key(|c| std::cmp::Reverse(c.1));
    counts.into_iter().map(|(n, _)| n).collect()
}

/// Folds a one-word speaker ("Peskov") into the full name that ends with it, if unique.
fn merge_surnames(counts: &mut Vec<(String, usize)>) {
    let mut by_last: HashMap<&str, Vec<usize>> = HashMap::default();
    for (j, (name, _)) in counts.iter().enumerate() {
        if let Some((_, last)) = name.rsplit_once(' ') {
            by_last.entry(last).or_default().push(j);
        }
    }
    let mut moves: Vec<(usize, usize)> = Vec::new();
    for (i, (name, _)) in counts.iter().enumerate() {
        if let Some([j]) = by_last.get(name.as_str()).map(Vec::as_slice) {
            moves.push((i, *j));
        }
    }
    for &(i, j) in &moves {
        counts[j].1 += counts[i].1;
        counts[i].1 = 0;
    }
    let gone: std::collections::HashSet<usize> = moves.iter().map(|m| m.0).collect();
    let mut k = 0;
    counts.retain(|_| {
        k += 1;
        !gone.contains(&(k - 1))
    });
}

/// Whether the text after a closing mark goes on with a lowercase word ("…?” asked Ann Lee").
fn continues_lowercase(after: &str) -> bool {
    after
        .trim_start_matches(|c: char| c.is_whitespace() || matches!(c, ',' | '—' | '–' | '-'))
        .starts_with(|c: char| c.is_lowercase())
}

/// Whether a cue right after a quote ends in a colon ("“…,” Ann Lee said: “…"): it
/// introduces what follows it.
fn introduces_next(masked: &str, span: &Span, cue: &Cue) -> bool {
    cue.start() >= span.end
        && is_gap(&masked[span.end..cue.start()])
        && masked[cue.end()..].trim_start().starts_with(':')
}

/// Whether a cue's clause ends right after it ("Ann Lee said.", "said Ann Lee, …").
fn ends_clause(masked: &str, cue: &Cue) -> bool {
    masked[cue.end()..]
        .trim_start()
        .starts_with(['.', ',', ';', '!', '?'])
}

/// Longest rest of a reported clause after a fragment's closing mark ("called it a “bad
/// deal” for workers in Ohio, …").
const MAX_CLAUSE_REST: usize = 160;

/// How many bytes after a fragment's closing mark still belong to the clause that holds it:
/// lowercase-led words up to the next punctuation ("“pretty mild” compared to what others do");
/// none when the quote ended its clause inside the marks or a speech verb follows.
fn clause_rest(after: &str, quoted: &str) -> usize {
    if quoted.ends_with([',', '.', ';', ':', '!', '?']) {
        return 0;
    }
    let goes_on = after.starts_with(' ') && after[1..].starts_with(|c: char| c.is_lowercase());
    if !goes_on {
        return 0;
    }
    let end = after
        .char_indices()
        .find(|&(i, c)| {
            i >= MAX_CLAUSE_REST
                || !(c.is_alphanumeric() || matches!(c, ' ' | '’' | '\'' | '-' | '$' | '%'))
        })
        .map_or(after.len(), |(i, _)| i);
    // The clause must end at punctuation or the paragraph's end, not at the next quote
    // ("“fine” and “good”").
    let closes = after[end..]
        .chars()
        .next()
        .is_none_or(|c| matches!(c, ',' | '.' | ';' | ':' | '!' | '?' | ')' | '—' | '–'));
    if end >= MAX_CLAUSE_REST || !closes || speech_verbs(&after[..end]).next().is_some() {
        return 0;
    }
    after[..end].trim_end().len()
}

/// End of the last speech verb in the quote's sentence before it ("called the plan “…").
fn verb_end_before(masked: &str, span: &Span) -> Option<usize> {
    let from = sentence_start(masked, span.start, BEFORE_WINDOW);
    speech_verbs(&masked[from..span.start])
        .last()
        .map(|m| from + m.end())
}

/// Whether the words between a cue's verb and a quote make the quote part of a reported
/// clause ("said the goal was “…”"), rather than the whole of it ("said: “…", "said that “…",
/// "told Ann Lee of Acme News, “…": a comma right before the quote introduces it).
fn embeds(gap: &str) -> bool {
    !gap.contains(['.', '!', '?', ':', ';'])
        && !gap.trim_end().ends_with(',')
        && !gap.contains(QUOTE_MARKS)
        && gap
            .split_whitespace()
            .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
            .any(|w| !w.is_empty() && w != "that")
}

/// Whether the words between a cue's verb and the subject of a later cue are at most "that":
/// the later cue is the reported clause ("said that Bo Lind called").
fn nested_gap(gap: &str) -> bool {
    gap.split_whitespace().all(|w| w == "that")
}

/// The speech verbs, for looking up single words.
pub(super) static VERB_SET: std::sync::LazyLock<crate::hash::HashSet<&'static str>> =
    std::sync::LazyLock::new(|| SPEECH_VERBS.iter().copied().collect());

/// Longest "- Ann Lee, in a tweet" line taken for a signature.
const MAX_SIGNATURE: usize = 120;

/// Longest headline looked at for a speaker.
const MAX_HEADLINE: usize = 300;

/// A title with its capitalised speech verbs in lowercase ("Ann Lee Says" → "Ann Lee says"),
/// byte for byte as long.
fn lowercase_verbs(title: &str) -> String {
    let mut out = String::with_capacity(title.len());
    for (i, word) in title.split(' ').enumerate() {
        if i > 0 {
            out.push(' ');
        }
        let bare = word.trim_end_matches(|c: char| !c.is_alphanumeric());
        let lower = bare.to_ascii_lowercase();
        if i > 0 && bare.len() > 1 && VERB_SET.contains(lower.as_str()) {
            out.push_str(&lower);
            out.push_str(&word[bare.len()..]);
        } else {
            out.push_str(word);
        }
    }
    out
}

/// What attribution found in one body.
struct Analysis {
    quotes: Vec<Quote>,
    /// Named speakers of reported speech, in text order, repeats kept.
    reported: Vec<String>,
    /// Joint speakers ("Ann Lee and Bo Lind") and their two names.
    joint: Vec<(String, [String; 2])>,
}

/// A speaker found for a quote, with where its cue verb ended (to widen short quotes).
struct Found {
    speaker: Resolved,
    confidence: f32,
    verb_end: Option<usize>,
}

/// The walk over paragraphs, with what carries from one to the next.
struct Walker<'a> {
    resolver: Resolver<'a>,
    /// Where the subject of the last pronoun cue checked starts in the current paragraph, and
    /// whether it stands for someone unnamed ("a woman told him she …").
    unnamed: Option<(usize, bool)>,
    quotes: Vec<Quote>,
    reported: Vec<String>,
    /// Speaker for bullets under a "X outlined several points:" line.
    list_speaker: Option<String>,
    /// Speaker for a quote that opens the next paragraph (multi-paragraph quote, or "X said:").
    carry: Option<String>,
    /// Quotes of an unattributed multi-paragraph quote, waiting for a later cue.
    pending: Vec<usize>,
    /// Unattributed quotes of the previous paragraph when it held nothing but quotes: a
    /// "- Ann Lee" line or a cue right after the next paragraph's opening quote names them.
    standalone: Vec<usize>,
    /// Speaker of the previous paragraph's last quote or cue.
    previous_speaker: Option<String>,
    /// Speaker of the last cue of the current paragraph.
    last_cue_speaker: Option<String>,
    /// Joint speakers named so far and their two names.
    joint: Vec<(String, [String; 2])>,
    /// Transcript labels ("PENCE:") that opened a paragraph so far, in title case.
    labels: Vec<String>,
    /// The current quote's cue right after it names someone we cannot resolve ("…,” said a
    /// former U.S. official"): no weaker rule may give the quote to someone else.
    attached_nobody: bool,
    /// Where the current paragraph's nicknames in quotes open ("Ann “Bee” Lee").
    nicknames: Vec<usize>,
    /// Where the current paragraph's quotes that end a sentence inside their marks close
    /// ("… for “being right.” Ann Lee …"): masked, that sentence end is hidden.
    closing_sentences: Vec<usize>,
}

fn analyse(body: &str, title: &str) -> Analysis {
    let body = &typewriter_quotes(body);
    let mut w = Walker::new(body);
    // The lines of `body`, as `split('\n')` gives them, found with a vectorised search.
    let ends = memchr::memchr_iter(b'\n', body.as_bytes()).chain([body.len()]);
    let mut start = 0;
    for end in ends {
        let para = &body[start..end];
        start = end + 1;
        if !para.trim().is_empty() {
            w.paragraph(para);
        }
    }
    w.headline(title, body);
    share_repeated(&mut w.quotes);
    share_contained(&mut w.quotes);
    Analysis {
        quotes: w.quotes,
        reported: w.reported,
        joint: w.joint,
    }
}

/// A body whose double quotes are typed as two apostrophes (''…'', as some archives print
/// them) with `"` in their place; other bodies are borrowed as they are.
fn typewriter_quotes(body: &str) -> std::borrow::Cow<'_, str> {
    if memchr::memmem::find(body.as_bytes(), b"''").is_some() {
        std::borrow::Cow::Owned(body.replace("''", "\""))
    } else {
        std::borrow::Cow::Borrowed(body)
    }
}

/// A sentence less an opening "With …," clause, whose subject is not the sentence's: "With
/// Acme leaders worried, Ann Lee sent a message: “…”" is Ann Lee's. None when no comma ends
/// the clause.
fn main_clause(sentence: &str) -> Option<&str> {
    match sentence.trim_start().strip_prefix("With ") {
        Some(rest) => rest.split_once(", ").map(|(_, main)| main),
        None => Some(sentence),
    }
}

/// Whether the pronoun `raw` at `at` stands for someone unnamed earlier in its sentence: "a
/// woman in Dover told him she …" ("a"/"an"/"one", up to two words, a noun of its gender).
fn unnamed_before(masked: &str, at: usize, raw: &str) -> bool {
    let Some((_, gender)) = cues::PRONOUNS.iter().find(|(p, _)| *p == raw) else {
        return false;
    };
    let window = &masked[floor_char(masked, at.saturating_sub(BEFORE_WINDOW))..at];
    // Backwards over the words to the sentence's start, or at most 12 words (the unnamed person
    // is introduced close to the pronoun), keeping the three after each.
    let mut after = [""; 3];
    let words = window.rsplit(' ').filter(|w| !w.is_empty()).take(12);
    for (i, word) in words.enumerate() {
        if i > 0
            && word.ends_with(['.', '!', '?'])
            && !detect::is_abbreviation(&word[..word.len() - 1])
        {
            return false;
        }
        if matches!(word, "a" | "an" | "one" | "A" | "An" | "One")
            && after.iter().any(|w| {
                let w = w.trim_end_matches(|c: char| c.is_ascii_punctuation());
                cues::GENDERED_NOUNS
                    .iter()
                    .any(|(n, g)| *n == w && g == gender)
            })
        {
            return true;
        }
        after[i % 3] = word;
    }
    false
}

/// "…,” said 34-year-old Ann Lee" / "said 9/11 widow Ann Lee": right after a quote, an inverted
/// speech verb whose subject opens with a descriptor led by a number (which the subject
/// grammar does not read), then up to two lowercase words: the name after them.
fn numbered_subject_after(after: &str) -> Option<&str> {
    let rest = after.trim_start_matches([',', ' ']);
    let (verb, rest) = rest.split_once(' ')?;
    let number = rest.split(' ').next()?;
    if !cues::INVERTED_VERBS.contains(&verb)
        || !number.starts_with(|c: char| c.is_ascii_digit())
        || !number.contains(['-', '/'])
    {
        return None;
    }
    let mut at = number.len() + 1;
    for _ in 0..2 {
        let word = rest.get(at..)?.split(' ').next()?;
        if !word.starts_with(|c: char| c.is_ascii_lowercase())
            || matches!(
                word,
                "of" | "in" | "from" | "at" | "for" | "on" | "to" | "with" | "and"
            )
        {
            break;
        }
        at += word.len() + 1;
    }
    let name = opening_subject(rest.get(at..)?)?;
    // The name opens where the descriptor ends (not after a lead-in).
    (name.as_ptr() == rest[at..].as_ptr() && name.starts_with(|c: char| c.is_uppercase()))
        .then_some(name)
}

/// "…,” Ann Lee's former campaign aide said" / "…,” said Ann Lee's longtime aide.": right after
/// a quote, one to three capitalised words ending in a possessive, one to three lowercase
/// words ending in a role noun, and a speech verb after them (or an inverted one before): the
/// described phrase. `None` when a name follows the role ("… aide Bo Lind said").
fn possessed_role_after(after: &str) -> Option<&str> {
    let rest = after.trim_start_matches([',', ' ']);
    let inverted = rest
        .split_once(' ')
        .filter(|(verb, _)| cues::INVERTED_VERBS.contains(verb));
    let phrase_from = inverted.map_or(rest, |(_, tail)| tail);
    let mut words = phrase_from.split(' ');
    let mut len = 0;
    let mut possessed = false;
    for _ in 0..3 {
        let w = words.next()?;
        if !w.starts_with(|c: char| c.is_uppercase()) || w.contains([',', ';', ':', '.']) {
            return None;
        }
        len += w.len() + 1;
        if w.ends_with("'s") || w.ends_with("’s") || w.ends_with(['’', '\'']) {
            possessed = true;
            break;
        }
    }
    if !possessed {
        return None;
    }
    let mut role_end = None;
    for _ in 0..3 {
        let w = words.next()?;
        let bare = w.trim_end_matches([',', '.']);
        if !bare.starts_with(|c: char| c.is_ascii_lowercase()) || bare.contains('\'') {
            break;
        }
        len += bare.len() + 1;
        if cues::ROLE_NOUNS.contains(&bare) {
            role_end = Some(len - 1);
        }
        if bare.len() != w.len() {
            break;
        }
    }
    let end = role_end?;
    let phrase = &phrase_from[..end];
    let next = phrase_from[end..].trim_start();
    let closes = match inverted {
        // Not "said Ann Lee's aide, Bo Lind, …": the name after the comma speaks.
        Some(_) => {
            next.is_empty()
                || next.starts_with('.')
                || next
                    .strip_prefix(',')
                    .is_some_and(|n| n.trim_start().starts_with(|c: char| c.is_ascii_lowercase()))
        }
        None => next
            .split([' ', ',', '.'])
            .next()
            .is_some_and(|v| cues::SPEECH_VERBS.contains(&v)),
    };
    closes.then_some(phrase)
}

/// "Ann Lee met supporters" read as one subject (a name, lowercase words and a group noun, the
/// shape of "Acme union members"): when the first lowercase word after the name is a verb in
/// the past tense, the name alone is the subject.
fn without_acted_on_group(raw: &str) -> &str {
    // Most subjects hold no lowercase word after a space: a byte scan settles those.
    let bytes = raw.as_bytes();
    if !bytes
        .windows(2)
        .any(|w| w[0] == b' ' && w[1].is_ascii_lowercase())
    {
        return raw;
    }
    let first = raw.split(' ').next().unwrap_or(raw);
    if !first.starts_with(|c: char| c.is_uppercase())
        || matches!(
            first,
            "A" | "An" | "The" | "His" | "Her" | "Its" | "Their" | "One" | "This" | "That"
        )
    {
        return raw;
    }
    let mut at = 0;
    for word in raw.split(' ') {
        if word.starts_with(|c: char| c.is_lowercase()) {
            let past =
                (word.len() > 4 && word.ends_with("ed")) || cues::IRREGULAR_PAST.contains(&word);
            return if past && at > 0 {
                raw[..at - 1].trim_end()
            } else {
                raw
            };
        }
        at += word.len() + 1;
    }
    raw
}

/// Words that may open a sentence before its pronoun subject ("But now she said").
const CONNECTIVES: &[&str] = &[
    "and",
    "but",
    "now",
    "then",
    "so",
    "yet",
    "still",
    "later",
    "also",
    "instead",
    "meanwhile",
];

/// Words that may stand before a name in a clause-opening noun phrase ("state Senate leader
/// Ann Lee"), besides capitalised words.
const NAME_LEADS: &[&str] = &["former", "state", "then", "longtime"];

/// "Ann Lee and " before a speaker that opens its clause: the name run joined to the speaker
/// by "and", when it opens the clause itself (after the start, a comma, a closing mark or a
/// dash, with only a role or title before it). Lists of three ("A, B and C") are left alone.
fn conjoined_partner(before: &str) -> Option<&str> {
    let seg = before.trim_end().strip_suffix(" and")?.trim_end();
    if seg.ends_with(',') {
        return None;
    }
    let words: Vec<(usize, &str)> = seg
        .split_whitespace()
        .map(|w| (w.as_ptr() as usize - seg.as_ptr() as usize, w))
        .collect();
    let capital = |w: &str| w.starts_with(|c: char| c.is_uppercase());
    // A comma or a sentence's full stop ends the phrase ("Lee. Lind and", not "Sen.", "E.").
    let stop = |w: &str| {
        w.ends_with(',') || (w.ends_with('.') && w.len() > 2 && !cues::TITLES.contains(&w))
    };
    let run = words
        .iter()
        .rev()
        .take_while(|(_, w)| capital(w) && !stop(w))
        .count();
    if run == 0 || run > 4 {
        return None;
    }
    let name_from = words[words.len() - run].0;
    // Roles and titles before the name ("state Senate leader Ann Lee").
    let lead = words[..words.len() - run]
        .iter()
        .rev()
        .take(4)
        .take_while(|(_, w)| {
            !stop(w) && (capital(w) || NAME_LEADS.contains(w) || cues::ROLE_NOUNS.contains(w))
        })
        .count();
    let opens_at = words[words.len() - run - lead..]
        .first()
        .map_or(name_from, |(i, _)| *i);
    let opener = seg[..opens_at].trim_end();
    // "Bo Lind, Ann Lee and": a list, not a clause opening after a comma.
    let listed = opener
        .strip_suffix(',')
        .and_then(|o| o.split_whitespace().next_back())
        .is_some_and(capital);
    let opens_clause = opener.is_empty()
        || opener.ends_with([',', '”', '"', '—', '–', ':', ';', '(', '.', '?', '!', '-']);
    let opens_clause = opens_clause && !listed;
    (opens_clause && !seg[name_from..].ends_with(['.', ','])).then(|| &seg[name_from..])
}

/// Whether the subject at `subject` is a letter cut from a dotted abbreviation: "U" of
/// "said a former U.S. official", "F" or "F." of "according to F.A.A. records".
fn abbreviation_fragment(masked: &str, subject: (usize, usize)) -> bool {
    let raw = &masked[subject.0..subject.1];
    let letter = raw.trim_end_matches('.');
    let mut rest = masked[subject.1..].chars();
    letter.chars().count() == 1
        && (raw.ends_with('.') || rest.next() == Some('.'))
        && rest.next().is_some_and(char::is_alphabetic)
        && rest.next() == Some('.')
}

/// Whether the subject at `subject` is a state's abbreviation after its city: "Calif" of "in
/// Dover, Calif., a voice said" — one capitalised word after a comma, its period then a comma.
fn state_after_city(masked: &str, subject: (usize, usize)) -> bool {
    let raw = &masked[subject.0..subject.1];
    let city = masked[..subject.0]
        .strip_suffix(", ")
        .and_then(|b| b.rsplit(' ').next())
        .is_some_and(|w| w.starts_with(char::is_uppercase));
    let after = &masked[subject.1..];
    let dotted = match raw.strip_suffix('.') {
        Some(bare) => after.starts_with(',').then_some(bare),
        None => after.starts_with(".,").then_some(raw),
    };
    city && dotted.is_some_and(|w| {
        w.len() <= 5 && w.starts_with(char::is_uppercase) && w.chars().all(char::is_alphabetic)
    })
}

/// Whether the subject at `subject` is a dateline's place: words in capitals followed on the
/// same line by a comma and, within a few words, a dash ("PARIS, April 3 - ", "TROY, Mich.,
/// March 13 - "), or the capitals' tail when a window cut the place.
fn is_dateline_at(masked: &str, subject: (usize, usize)) -> bool {
    const WITHIN: usize = 40;
    let raw = &masked[subject.0..subject.1];
    let capitals = raw.chars().any(|c| c.is_ascii_uppercase())
        && raw
            .chars()
            .all(|c| c.is_ascii_uppercase() || matches!(c, ' ' | '.' | '-' | '\''));
    let Some(rest) = masked[subject.1..].strip_prefix(", ") else {
        return false;
    };
    let line = &rest[..floor_char(rest, WITHIN.min(rest.len()))];
    let line = line.split('\n').next().unwrap_or("");
    capitals && (line.contains(" - ") || line.contains(" — ") || line.contains(" – "))
}

/// The rest of a name split by a nickname in quotes, when `masked` goes on at `at` with a
/// short masked quote and capitalised words: ` “___” Lee Jr.,` → "Lee Jr.". At most three
/// words, up to the first punctuation that is not a word's period.
fn nickname_tail(masked: &str, at: usize) -> Option<&str> {
    const MAX_NICKNAME: usize = 16;
    let rest = masked[at..].strip_prefix(' ')?;
    let open = rest
        .chars()
        .next()
        .filter(|c| matches!(c, '"' | '“' | '‘'))?;
    let inner = &rest[open.len_utf8()..];
    let blanks = inner.bytes().take_while(|&b| b == b'_').count();
    let close = inner[blanks..].chars().next()?;
    if blanks == 0 || blanks > MAX_NICKNAME || !matches!(close, '"' | '”' | '’') {
        return None;
    }
    let after = inner[blanks + close.len_utf8()..].strip_prefix(' ')?;
    let (mut end, mut from) = (0, 0);
    for word in after.split(' ').take(3) {
        let bare = word.trim_end_matches([',', ';', ':', ')']);
        let capital = bare.starts_with(|c: char| c.is_uppercase())
            && bare
                .chars()
                .all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '\'' | '’'));
        if !capital {
            break;
        }
        end = from + bare.len();
        from += word.len() + 1;
        if bare.len() < word.len() {
            break;
        }
    }
    let name = &after[..end];
    (end > 0).then(|| &name[..trim_period(name)])
}

/// Where a closing mark that no opening mark in `para` precedes ends: the end of a quote
/// carried on from the paragraph before ("1988. The one thing …,” Ann Lee says.").
fn orphan_close(para: &str) -> Option<usize> {
    let close = para.find('”')?;
    (!para[..close].contains('“')).then_some(close + '”'.len_utf8())
}

/// The first part of a name split by a nickname in quotes, when `masked` before `at` ends with
/// a capitalised word and a quote that opens at one of `nicknames` (see
/// [`titles::is_nickname`]): `Ann “___” ` → "Ann".
fn nickname_head<'m>(masked: &'m str, at: usize, nicknames: &[usize]) -> Option<&'m str> {
    let before = masked[..at].strip_suffix(' ')?;
    let close = before
        .chars()
        .next_back()
        .filter(|c| matches!(c, '"' | '”' | '’'))?;
    let inner = &before[..before.len() - close.len_utf8()];
    let blanks = inner.bytes().rev().take_while(|&b| b == b'_').count();
    let inner = &inner[..inner.len() - blanks];
    let open = inner
        .chars()
        .next_back()
        .filter(|c| matches!(c, '"' | '“' | '‘'))?;
    let open_at = inner.len() - open.len_utf8();
    if blanks == 0 || !nicknames.contains(&open_at) {
        return None;
    }
    let head = inner[..open_at].strip_suffix(' ')?;
    let word = &head[head.rfind(' ').map_or(0, |k| k + 1)..];
    let name = word.starts_with(|c: char| c.is_uppercase())
        && word
            .chars()
            .all(|c| c.is_alphabetic() || matches!(c, '.' | '-'))
        && !cues::NOT_SPEAKERS.contains(&word);
    name.then_some(word)
}

/// The subject at `subject` without the body that opens it after a title's "of": "Ann Lee" of
/// "Minister of Finance Ann Lee" (see [`resolve::department_words`]).
fn after_department(masked: &str, subject: (usize, usize)) -> Option<&str> {
    if !resolve::ends_with_title_of(&masked[..subject.0]) {
        return None;
    }
    let raw = &masked[subject.0..subject.1];
    let words: Vec<&str> = raw.split(' ').collect();
    let skip: usize = words[..resolve::department_words(&words)]
        .iter()
        .map(|w| w.len() + 1)
        .sum();
    (skip > 0).then(|| &raw[skip..])
}

/// The whole name of a firm whose tail is the subject at `subject`: "Acme Lynch and Co Inc",
/// "J.P. Acme & Co", "Acme Securities Co (Europe) Ltd" — the tail all firm words, after "and",
/// "&" or a short part in brackets, and one to four capitalised words (or initials) that open
/// the name.
fn firm_name(masked: &str, subject: (usize, usize)) -> Option<&str> {
    let raw = &masked[subject.0..subject.1];
    let tails = raw.split(' ').all(|w| cues::FIRM_TAILS.contains(&w));
    // "Acme Gas and Electric Co": one capitalised word before the head may follow the "and".
    let one_word = matches!(raw.split_once(' '), Some((w, tail))
        if w.starts_with(char::is_uppercase)
            && !cues::FIRM_TAILS.contains(&w)
            && tail.split(' ').all(|t| cues::FIRM_TAILS.contains(&t)));
    if !(tails || one_word) {
        return None;
    }
    let before = &masked[..subject.0];
    let head = before
        .strip_suffix(" and ")
        .or_else(|| before.strip_suffix(" & "))
        .or_else(|| parenthesised_part(before).filter(|_| tails))?;
    // "Acme Corp and Zorb Inc said", "Ann Lee and Zorb Inc said": two speakers, not one firm.
    let mut back = head.rsplit(' ');
    let (last, first, before_first) = (back.next(), back.next(), back.next());
    let person = first.is_some_and(|w| resolve::gender_of_first_name(w).is_some())
        && !before_first.is_some_and(|w| w.starts_with(char::is_uppercase));
    if !tails && (person || last.is_some_and(|w| cues::FIRM_TAILS.contains(&w))) {
        return None;
    }
    let mut start = head.len();
    // Bytes of an "of" inside the name ("Bank of Zorb (Europe) Ltd"), kept once an
    // organisation's head word opens it.
    let mut of = 0;
    for (k, word) in head.rsplit(' ').enumerate() {
        let initials = word.len() <= 4 && word.ends_with('.');
        let plain = !word.ends_with([',', '.', ';', ':']);
        if word == "of" && of == 0 && k > 0 && k < 4 {
            of = word.len() + 1;
            continue;
        }
        // "Then Acme & Co said": a sentence adverb opens no name; "Ann Lee of Acme and Co":
        // only an organisation's head word ("Bank", "Union") comes before its "of".
        if k >= 4 + usize::from(of > 0)
            || (of > 0 && !cues::NON_PERSON_HEADS.contains(&word))
            || !word.starts_with(char::is_uppercase)
            || !(plain || initials)
            || cues::NOT_SPEAKERS.contains(&word)
        {
            break;
        }
        start -= word.len() + usize::from(start < head.len()) + std::mem::take(&mut of);
    }
    (start < head.len()).then(|| &masked[start..subject.1])
}

/// The text before a firm's parenthesised part that ends `before`: "Acme Securities Co
/// (Europe) " → "Acme Securities Co". One or two capitalised words in the brackets.
fn parenthesised_part(before: &str) -> Option<&str> {
    let inner_end = before.strip_suffix(") ")?;
    let open = inner_end.rfind('(')?;
    let inner = &inner_end[open + 1..];
    let words = inner.split(' ').count();
    let capitalised = inner.split(' ').all(|w| {
        w.starts_with(char::is_uppercase) && w.chars().all(|c| c.is_alphanumeric() || c == '.')
    });
    (words <= 2 && capitalised).then(|| inner_end[..open].strip_suffix(' '))?
}

/// The whole name of an institution whose head ends the subject at `subject` and whose name
/// runs on before "and" ("Acme Securities and Exchange Commission", "First Zorb Savings and
/// Loan Association"), with the words before "and" (one to three capitalised words, or
/// initials). Not when those words end in a head of their own ("Acme Corp and Zorb Board":
/// two speakers) or open with a first name.
fn institution_before_and(masked: &str, subject: (usize, usize)) -> Option<(&str, &str)> {
    const MAX_WORDS: usize = 3;
    let raw = &masked[subject.0..subject.1];
    let last = raw.rsplit(' ').next()?;
    if raw.split(' ').count() > MAX_WORDS
        || !cues::NON_PERSON_HEADS.contains(&last)
        || !raw.split(' ').all(|w| w.starts_with(char::is_uppercase))
    {
        return None;
    }
    let head = masked[..subject.0].strip_suffix(" and ")?;
    let mut start = head.len();
    for (k, word) in head.rsplit(' ').enumerate() {
        let initials = word.len() <= 4 && word.ends_with('.');
        let plain = word
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '-' | '&'));
        if k >= MAX_WORDS
            || !word.starts_with(char::is_uppercase)
            || !(plain || initials)
            || matches!(word, "The" | "A" | "An")
            || cues::NOT_SPEAKERS.contains(&word)
            || (k == 0 && (cues::NON_PERSON_HEADS.contains(&word) || initials))
        {
            break;
        }
        start -= word.len() + usize::from(start < head.len());
    }
    let partner = &head[start..];
    let first = partner.split(' ').next()?;
    (start < head.len() && resolve::gender_of_first_name(first).is_none())
        .then(|| (&masked[start..subject.1], partner))
}

/// Whether the text before a cue's subject ends in an earlier item of a list of speakers:
/// "Ann Lee and ", "Ann Lee & ", "Ann Lee, " (a name before the comma). A comma after a
/// lowercase word ends a lead-in, not a list item: "If anything, Ann Lee argued …", "The plan,
/// Ann Lee argued, …".
fn follows_list_item(before: &str) -> bool {
    if before.ends_with(" and ") {
        return true;
    }
    let before = before.trim_end();
    if before.ends_with('&') {
        return true;
    }
    before.strip_suffix(',').is_some_and(|seg| {
        seg.rsplit(char::is_whitespace)
            .next()
            .is_some_and(|w| !w.starts_with(|c: char| c.is_lowercase()))
    })
}

/// Whether `before` (the text before a subject) ends with a capitalised word and "and", with
/// no comma or sentence end between them: "… Disease Control and ".
fn after_capitalised_and(before: &str) -> bool {
    before
        .strip_suffix(" and ")
        .and_then(|seg| seg.rsplit(' ').next())
        .is_some_and(|w| w.starts_with(|c: char| c.is_uppercase()) && !w.ends_with([',', '.']))
}

/// Whether the described name `name`, a slice of `before`, is spoken to ("broke it down to
/// the Dutch newspaper Acme Daily:", "told reporter Ann Lee:"): the quote after the colon is
/// the sentence subject's.
fn addressed(before: &str, name: &str) -> bool {
    let at = (name.as_ptr() as usize)
        .saturating_sub(before.as_ptr() as usize)
        .min(before.len());
    before[..at]
        .split_whitespace()
        .rev()
        .skip(1)
        .take(3)
        .any(|w| matches!(w, "to" | "told" | "with"))
}

/// Whether a name run reads as a person's full name: two to four words, each a capital and
/// lowercase letters or an initial, none a title, role or group noun ("Ann Lee", not "Acme
/// Workers Caucus", "Senators Ann Lee" or "Chicago-based Acme").
fn reads_as_person(name: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    let word_ok = |w: &&str| {
        let initial = w.len() == 2 && w.ends_with('.');
        // Each part of a hyphenated name is capitalised ("Lee-Lind", not "Dover-based").
        let plain = w.split('-').all(|part| {
            let mut chars = part.chars();
            chars.next().is_some_and(char::is_uppercase)
                && chars.all(|c| c.is_alphabetic() || matches!(c, '’' | '\''))
        });
        let lower = w.to_lowercase();
        let noun = lower.trim_end_matches('s');
        initial
            || (plain
                && ![lower.as_str(), noun]
                    .iter()
                    .any(|n| cues::ROLE_NOUNS.contains(n) || cues::GROUP_NOUNS.contains(n))
                && !cues::TITLES.contains(w)
                && !cues::TITLES.contains(&w.trim_end_matches('s')))
    };
    (2..=4).contains(&words.len()) && words.iter().all(word_ok)
}

/// The quoted words of a quote, the key under which copies of it are found: one copy may end
/// in a comma, the other in a full stop; a copy widened to its reported clause ("the move as a
/// “breach”") is keyed by its quoted words.
fn key(text: &str) -> &str {
    let quoted = text
        .trim_end_matches([',', '.', ' '])
        .strip_suffix(['”', '"', '»'])
        .and_then(|t| t.rfind(['“', '"', '«']).map(|i| &t[i..]))
        .unwrap_or(text);
    quoted.trim_matches(|c: char| !c.is_alphanumeric())
}

/// A quote repeated in the article (a pull quote, a recap) without a speaker takes the
/// speaker of its attributed copy, if all its copies agree.
fn share_repeated(quotes: &mut [Quote]) {
    if quotes.iter().all(|q| q.speaker.is_some()) || quotes.iter().all(|q| q.speaker.is_none()) {
        return;
    }
    let mut by_text: HashMap<&str, Option<(&str, f32)>> = HashMap::default();
    for q in quotes.iter() {
        if let Some(s) = &q.speaker {
            by_text
                .entry(key(&q.text))
                .and_modify(|known| {
                    if known.is_some_and(|(k, _)| k != s) {
                        *known = None;
                    }
                })
                .or_insert(Some((s.as_str(), q.confidence)));
        }
    }
    let fills: Vec<(usize, String, f32)> = quotes
        .iter()
        .enumerate()
        .filter(|(_, q)| q.speaker.is_none())
        .filter_map(|(i, q)| match by_text.get(key(&q.text)) {
            Some(Some((s, c))) => Some((i, s.to_string(), c * 0.8)),
            _ => None,
        })
        .collect();
    for (i, s, c) in fills {
        quotes[i].speaker = Some(s);
        quotes[i].confidence = c;
    }
}

/// A quoted phrase of three or more words without a speaker that the article also prints
/// inside a longer attributed quote ("to make sure it is “on the up and up”" before the whole
/// sentence is given to its speaker) takes that speaker, if every longer quote holding the
/// phrase agrees, with a lower confidence. Shorter phrases ("stand down", a name in quote
/// marks) are too common to be anyone's words, and so is a phrase with words quoted inside it.
fn share_contained(quotes: &mut [Quote]) {
    if quotes.iter().all(|q| q.speaker.is_some()) || quotes.iter().all(|q| q.speaker.is_none()) {
        return;
    }
    let fills: Vec<(usize, String, f32)> = quotes
        .iter()
        .enumerate()
        .filter(|(_, q)| q.speaker.is_none())
        .filter_map(|(i, q)| {
            let phrase = key(&q.text);
            // Three words at least, none of them quoted apart ("of “B” shares" quotes one).
            phrase.split_whitespace().nth(2)?;
            if phrase.contains(['“', '”', '"', '«', '»']) {
                return None;
            }
            let mut holders = quotes.iter().filter(|h| {
                h.speaker.is_some() && h.text.len() > phrase.len() && holds_phrase(&h.text, phrase)
            });
            let first = holders.next()?;
            let speaker = first.speaker.clone()?;
            holders
                .all(|h| h.speaker.as_ref() == Some(&speaker))
                .then_some((i, speaker, first.confidence * 0.7))
        })
        .collect();
    for (i, s, c) in fills {
        quotes[i].speaker = Some(s);
        quotes[i].confidence = c;
    }
}

/// Whether `text` holds `phrase` as whole words.
fn holds_phrase(text: &str, phrase: &str) -> bool {
    text.match_indices(phrase).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + phrase.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

impl<'a> Walker<'a> {
    /// A walk over `body` with nothing carried yet. Written out field by field: a derived
    /// `Default` built a second, unused resolver (a dozen hash maps) per article.
    fn new(body: &'a str) -> Self {
        Self {
            resolver: Resolver::new(body),
            unnamed: None,
            quotes: Vec::new(),
            reported: Vec::new(),
            list_speaker: None,
            carry: None,
            pending: Vec::new(),
            standalone: Vec::new(),
            previous_speaker: None,
            last_cue_speaker: None,
            joint: Vec::new(),
            labels: Vec::new(),
            attached_nobody: false,
            nicknames: Vec::new(),
            closing_sentences: Vec::new(),
        }
    }

    fn paragraph(&mut self, para: &'a str) {
        let trimmed = para.trim();
        let is_bullet = trimmed.starts_with(BULLETS);
        if is_bullet && let Some(speaker) = self.list_speaker.clone() {
            self.push_bullet(trimmed, speaker);
            return;
        }
        self.list_speaker = None;
        // "“…” | - Ann Lee.": a line that is a dash and a name signs the quotes before it.
        if !self.standalone.is_empty()
            && trimmed.len() <= MAX_SIGNATURE
            && let Some(name) = SIGNATURE.captures(trimmed).and_then(|c| c.name("s"))
            && let Some(r) = self.resolver.resolve(name.as_str())
        {
            let name = r.name;
            let signed = std::mem::take(&mut self.standalone);
            for &i in &signed {
                if let Some(q) = self.quotes.get_mut(i) {
                    q.speaker = Some(name.clone());
                    q.confidence = 0.7;
                }
            }
            self.resolver.note_speaker(&name);
            self.previous_speaker = Some(name);
            return;
        }
        let standalone = std::mem::take(&mut self.standalone);
        self.unnamed = None;
        let spans = quote_spans(para);
        let masked = mask(para, &spans);
        self.nicknames.clear();
        self.nicknames.extend(
            spans
                .iter()
                .filter(|s| titles::is_nickname(para, s))
                .map(|s| s.start),
        );
        self.resolver.learn_masked(para, masked.clone());
        self.closing_sentences.clear();
        self.closing_sentences.extend(
            spans
                .iter()
                .filter(|s| {
                    para[s.text_start..s.text_end]
                        .trim_end()
                        .ends_with(['.', '?', '!'])
                })
                .map(|s| s.end),
        );
        let mut prev: Option<String> = None;
        let mut words = verbs::scan(&masked);
        let mut cues = cues_of(&masked, &mut words);
        let listed = words.listed();
        cues.retain(|c| !is_noun_reading(&masked, c));
        apposed::widen(&masked, &mut cues);
        participles::add_hanging(&masked, &listed.by, &mut cues);
        sources::add_sources(&masked, &listed.sources, &mut cues);
        if memchr::memchr(b'/', masked.as_bytes()).is_some() {
            joined::widen(&masked, &mut cues);
        }
        joined::widen_of(&masked, &listed.of, &mut cues);
        joined::widen_domain(&masked, &mut cues);
        self.reported.extend(
            polls::cited_polls(&masked, &listed.polls)
                .into_iter()
                .map(str::to_string),
        );
        // A transcript line names its own speaker, or none we know: it takes none carried over.
        let label = transcript::label(para);
        let labelled_line = label.is_some();
        let labelled = label.and_then(|l| self.transcript_speaker(l));
        if spans.is_empty()
            && let Some((_, name)) = &labelled
        {
            self.reported.push(name.clone());
        }
        let mut next_cue = 0;
        let starts_with_quote = spans
            .first()
            .is_some_and(|s| para[..s.start].trim().is_empty());
        // "… lies,” Ann Lee says." with no opening mark: the quote left open in the paragraph
        // before runs on to this closing mark, and the cue right after it speaks it.
        if !starts_with_quote
            && !labelled_line
            && !self.pending.is_empty()
            && let Some(close) = orphan_close(para)
            && let Some(cue) = cues.iter().find(|c| c.start() >= close)
            && is_gap(&masked[close..cue.start()])
            && let Some(f) = self.found(&masked, cue, 0.8, None)
        {
            self.fill_pending(&f.speaker.name);
        }
        // A quote left open before a transcript line was not continued by it.
        if !starts_with_quote || labelled_line {
            self.pending.clear();
        }
        let first_quote = self.quotes.len();
        for (k, span) in spans.iter().enumerate() {
            while next_cue < cues.len() && cues[next_cue].end() <= span.start {
                self.note_reported(&masked, &cues[next_cue]);
                next_cue += 1;
            }
            if titles::is_quoted_title(para, span) || titles::is_nickname(para, span) {
                continue;
            }
            // A quote closed by a full stop ends its sentence: a name right after it opens
            // the next sentence, so the cue before the quote comes first. A question or
            // exclamation ends it too, unless a lowercase word goes on ("…?” asked Ann Lee).
            let inside = para[span.text_start..span.text_end].trim_end();
            let closed = inside.ends_with('.')
                || (inside.ends_with(['?', '!']) && !continues_lowercase(&para[span.end..]));
            // "Ann Lee’s claim that taxes “…”": the possessor's words, whoever reports them.
            let owned = self.possessor_of(&masked, span);
            self.attached_nobody = false;
            // "“PENCE: Well, …": the label speaks the quote it opens or stands right before.
            let label_speaks = labelled.as_ref().filter(|(end, _)| {
                k == 0
                    && para
                        .get(*end..span.start)
                        .is_some_and(|gap| gap.trim().is_empty())
                    || span.start <= *end && *end <= span.text_end
            });
            let found = if let Some((_, name)) = label_speaks {
                Some(Found {
                    speaker: Resolved {
                        name: name.clone(),
                        indirect: false,
                    },
                    confidence: 0.9,
                    verb_end: None,
                })
            } else if let Some(f) = &owned {
                Some(Found {
                    speaker: f.speaker.clone(),
                    ..*f
                })
            } else if closed {
                // "… with pep talks like “We will win.” Ann Lee has also announced …": a
                // sentence that ends inside the quote began before it, and the next sentence's
                // cue has its own content; a bare "Ann Lee said." or a "― Ann Lee" line still signs it.
                let after = &cues[next_cue..];
                let embedded = masked
                    [sentence_start(&masked, span.start, BEFORE_WINDOW)..span.start]
                    .contains(char::is_alphanumeric);
                let next_sentence =
                    embedded && !after.first().is_some_and(|c| ends_clause(&masked, c));
                let after = if next_sentence { &[][..] } else { after };
                self.cue_in_sentence(&masked, span, &cues[..next_cue])
                    .or_else(|| self.speaker_after(&masked, span, after))
                    .or_else(|| self.before_unless_unnamed(&masked, span, &cues[..next_cue]))
            } else if cues
                .get(next_cue)
                .is_some_and(|c| introduces_next(&masked, span, c))
            {
                // "After Bo Lind said that it was “a mess,” Ann Lee said: “…”": a cue ending
                // in a colon introduces the next quote; one before this quote speaks it.
                self.cue_in_sentence(&masked, span, &cues[..next_cue])
                    .or_else(|| self.speaker_after(&masked, span, &cues[next_cue..]))
                    .or_else(|| self.before_unless_unnamed(&masked, span, &cues[..next_cue]))
            } else {
                self.speaker_after(&masked, span, &cues[next_cue..])
                    .or_else(|| self.before_unless_unnamed(&masked, span, &cues[..next_cue]))
            };
            // A cue right after the quote that names nobody we know leaves it unattributed.
            let found = if found.is_some() || !self.attached_nobody {
                found
                    .or_else(|| self.speaker_later(&masked, span, &cues[next_cue..]))
                    .or_else(|| self.sentence_closing_cue(&masked, span, &cues[next_cue..]))
                    .or_else(|| self.previous_sentence(&masked, span, &cues[..next_cue]))
                    .or_else(|| Self::carried(prev.as_deref(), 0.75))
                    .or_else(|| {
                        if k == 0 && starts_with_quote && !labelled_line {
                            Self::carried(self.carry.as_deref(), 0.7)
                        } else {
                            None
                        }
                    })
                    .or_else(|| {
                        // A paragraph that is one closed quote, right after a paragraph whose
                        // last speaker is known: that speaker goes on.
                        let standalone = spans.len() == 1
                            && !labelled_line
                            && starts_with_quote
                            && !span.open_at_end
                            && para[span.end..].trim().is_empty();
                        if standalone {
                            Self::carried(self.previous_speaker.as_deref(), CARRIED_OVER)
                        } else {
                            None
                        }
                    })
            } else {
                None
            };
            // The owner of possessed words does not speak on in the paragraph.
            if let Some(f) = found.as_ref().filter(|_| owned.is_none()) {
                self.resolver.note_speaker(&f.speaker.name);
                prev = Some(f.speaker.name.clone());
                if k == 0 && starts_with_quote {
                    self.fill_pending(&f.speaker.name);
                    // "“A.” | “B,” Ann Lee said.": a cue right after the next opening quote;
                    // but "“A.” | “B?” Ann Lee asked.": a question turns to another speaker.
                    if f.confidence >= 0.9 && !inside.ends_with('?') && label_speaks.is_none() {
                        self.fill(&standalone, &f.speaker.name, 0.6);
                    }
                }
            }
            let idx = self.quotes.len();
            // The quote's text starts after a label inside its marks.
            let unlabelled = label_speaks
                .filter(|(end, _)| span.text_start < *end && *end <= span.text_end)
                .map(|(end, _)| Span {
                    text_start: *end,
                    ..span.clone()
                });
            self.push_quote(para, &masked, unlabelled.as_ref().unwrap_or(span), found);
            if span.open_at_end
                && !labelled_line
                && self.quotes.len() > idx
                && self.quotes[idx].speaker.is_none()
            {
                self.pending.push(idx);
            }
        }
        for c in &cues[next_cue..] {
            self.note_reported(&masked, c);
        }
        // "Bo Lind rejected Ann Lee’s claim that …": the possessor of a statement is cited
        // (the speaker list only; a quote goes to it through `possessor_of`).
        for r in possessives::stated_by(&masked) {
            if let Some(s) = self.resolver.resolve(&masked[r])
                && !s.indirect
            {
                self.reported.push(s.name);
            }
        }
        let only_quotes = starts_with_quote
            && !labelled_line
            && spans
                .last()
                .is_some_and(|l| para[l.end..].trim().is_empty())
            && spans
                .windows(2)
                .all(|w| para[w[0].end..w[1].start].trim().is_empty());
        if only_quotes {
            // Quotes with no speaker, or one only carried over from the paragraph before.
            self.standalone = (first_quote..self.quotes.len())
                .filter(|&i| {
                    let q = &self.quotes[i];
                    q.speaker.is_none() || q.confidence <= CARRIED_OVER
                })
                .collect();
        }
        self.previous_speaker = prev.clone().or(self.last_cue_speaker.take());
        self.carry = match spans.last() {
            Some(s) if s.open_at_end => prev,
            _ => None,
        };
        if trimmed.ends_with(':') {
            self.colon_line(&masked, &cues);
        }
    }

    /// The speaker a transcript label opening `para` names, and where its text starts: someone
    /// the article named in full ("PENCE:" after "Mike Pence"), or a label that opened an
    /// earlier paragraph too (a transcript's host, named by surname only). "UPDATE:" or
    /// "VIDEO:", met once and naming nobody, speak nothing.
    fn transcript_speaker(&mut self, label: transcript::Label) -> Option<(usize, String)> {
        // "BERG:" after "ANN BERG:" is the same speaker, named in full.
        let seen = self
            .labels
            .iter()
            .filter(|l| {
                l.strip_suffix(label.name.as_str())
                    .is_some_and(|head| head.is_empty() || head.ends_with(' '))
            })
            .max_by_key(|l| l.len())
            .cloned();
        if seen.is_none() {
            self.labels.push(label.name.clone());
        }
        let name = seen.clone().unwrap_or(label.name);
        match self.resolver.resolve(&name) {
            Some(r) if r.indirect => None,
            Some(r) if seen.is_some() || r.name != name || self.resolver.is_person(&r.name) => {
                Some((label.end, r.name))
            }
            _ => seen.map(|name| (label.end, name)),
        }
    }

    /// The headline's speaker, as a reported speaker: "Ann Lee: …" or, in title case, "Ann Lee
    /// Says …". Kept only when the body names it too, in full.
    fn headline(&mut self, title: &str, body: &str) {
        let title = title.trim();
        // `"` is the one ASCII mark; the others start with byte 0xC2 or 0xE2, so a title
        // without those bytes is let through without decoding it char by char.
        let marked = memchr::memchr3(b'"', 0xC2, 0xE2, title.as_bytes()).is_some()
            && title.contains(QUOTE_MARKS);
        if title.is_empty() || title.len() > MAX_HEADLINE || marked {
            return;
        }
        let mut raws: Vec<String> = Vec::new();
        if let Some((head, _)) = title.split_once(':')
            && HEADLINE_NAME.is_match(head.trim())
            && !(head.starts_with("The ") || head.starts_with("A "))
        {
            raws.push(head.trim().to_string());
        }
        // Title case capitalises verbs too ("Says"): lowercased, they end the name before them.
        let lowered = lowercase_verbs(title);
        for cue in find_cues(&lowered) {
            if !cue.inverted && !cue.agent {
                raws.push(lowered[cue.subject.0..cue.subject.1].to_string());
            }
        }
        for raw in raws {
            if let Some(r) = self.resolver.resolve(&raw)
                && !r.indirect
                && body.contains(&r.name)
            {
                self.reported.push(r.name);
            }
        }
    }

    /// A cue in running text: remembers its speaker for pronouns and the speaker list.
    fn note_reported(&mut self, masked: &str, c: &Cue) {
        if let Some(r) = self.resolve_cue(masked, c) {
            self.resolver.note_speaker(&r.name);
            // "Ann Lee and Bo Lind argued": the last of a list speaks with others, and does not
            // go on alone into the next paragraph.
            // After a lead-in comma only a name goes on: "…, he said." may stand for someone
            // unnamed ("the aide") that a pronoun cannot reach.
            let before = &masked[..c.subject.0];
            let listed =
                follows_list_item(before) || (r.indirect && before.trim_end().ends_with(','));
            self.last_cue_speaker = (!listed).then(|| r.name.clone());
            // An unnamed source described by whom it speaks for ("a spokeswoman for Acme")
            // is reported as written, like the quotes it speaks; pronouns and roles are not.
            let described = r.indirect && r.name.starts_with(|c: char| c.is_lowercase());
            if !r.indirect || described {
                self.reported.push(r.name);
            }
        }
    }

    /// "…,” Peskov said" / "…,” said Peskov": the first cue after the quote, with nothing but
    /// punctuation between the closing mark and the cue.
    fn speaker_after(&mut self, masked: &str, span: &Span, cues: &[Cue]) -> Option<Found> {
        if span.open_at_end {
            return None;
        }
        // "…,” Ann Lee's former campaign aide said": someone described by whom they work for,
        // named as written (as "Acme's spokeswoman" is), not the possessor.
        if let Some(described) = possessed_role_after(&masked[span.end..]) {
            return Some(Found {
                speaker: Resolved {
                    name: described.to_string(),
                    indirect: true,
                },
                confidence: 0.8,
                verb_end: None,
            });
        }
        if let Some(cue) = cues.first()
            && cue.start() >= span.end
        {
            let gap = &masked[span.end..cue.start()];
            if is_gap(gap) || (!cue.inverted && is_descriptor_gap(gap)) {
                let found = self.found(masked, cue, 0.95, None);
                self.attached_nobody = found.is_none() && self.names_nobody(masked, cue);
                return found;
            }
        }
        if let Some(name) = numbered_subject_after(&masked[span.end..])
            && let Some(speaker) = self.resolver.resolve(name)
        {
            return Some(Found {
                speaker,
                confidence: 0.9,
                verb_end: None,
            });
        }
        let end = floor_char(masked, span.end + 80);
        let name = DASH_NAME.captures(&masked[span.end..end])?.name("s")?;
        let speaker = self.resolver.resolve(name.as_str())?;
        Some(Found {
            speaker,
            confidence: 0.8,
            verb_end: None,
        })
    }

    /// "“…” if it fails, said Ann Lee": a cue later in the quote's sentence, the gap between
    /// holding no sentence end.
    fn speaker_later(&mut self, masked: &str, span: &Span, cues: &[Cue]) -> Option<Found> {
        let cue = cues.first()?;
        if span.open_at_end || cue.start() < span.end || cue.start() - span.end > LATER_WINDOW {
            return None;
        }
        // Other quotes may stand between: "“a” and “b,” Ann Lee said" gives Ann Lee both.
        let gap = &masked[span.end..cue.start()];
        if sentence_start(gap, gap.len(), gap.len()) > 0 {
            return None;
        }
        self.found(masked, cue, 0.7, None)
    }

    /// "The promise to “…” appeals to voters who …, said Ann Lee, a pollster.": a sentence
    /// closed by ", said X" (an apposition may follow X) is X's, however far the quote stands
    /// before the cue (`speaker_later` reaches only `LATER_WINDOW`).
    fn sentence_closing_cue(&mut self, masked: &str, span: &Span, cues: &[Cue]) -> Option<Found> {
        let cue = cues.first()?;
        if span.open_at_end || !cue.inverted || cue.agent || cue.start() < span.end {
            return None;
        }
        let gap = &masked[span.end..cue.start()];
        if gap.len() > BEFORE_WINDOW
            || !gap.trim_end().ends_with(',')
            || sentence_start(gap, gap.len(), gap.len()) > 0
        {
            return None;
        }
        // After the speaker, the sentence ends, with at most an apposition before its end.
        let rest = &masked[cue.end()..];
        let end = rest.find(['.', '!', '?', ';', '\n']).unwrap_or(rest.len());
        let tail = rest[..end].trim();
        let apposition = tail.is_empty()
            || (tail.starts_with(',') && !tail.contains(QUOTE_MARKS) && !tail.contains('_'));
        if !apposition {
            return None;
        }
        self.found(masked, cue, 0.7, None)
    }

    /// The speaker a cue names. A pronoun in a sentence opened by a name of its gender is that
    /// name ("Ann Lee left and said she …"); otherwise it is carried to the last compatible
    /// speaker.
    fn resolve_cue(&mut self, masked: &str, cue: &Cue) -> Option<Resolved> {
        let raw = without_acted_on_group(&masked[cue.subject.0..cue.subject.1]);
        if abbreviation_fragment(masked, cue.subject)
            || is_dateline_at(masked, cue.subject)
            || state_after_city(masked, cue.subject)
        {
            return None;
        }
        // "said Ann “Bee” Lee": a nickname in quotes splits the name; the name is both parts.
        if let Some(rest) = nickname_tail(masked, cue.subject.1) {
            return self.resolver.resolve(&format!("{raw} {rest}"));
        }
        // "Ann “Bee” Lee said": the same, with the subject after the nickname.
        if let Some(head) = nickname_head(masked, cue.subject.0, &self.nicknames) {
            return self.resolver.resolve(&format!("{head} {raw}"));
        }
        // "Minister of Finance Ann Lee said": the body after a title's "of" is no part of the name.
        let raw = after_department(masked, cue.subject).unwrap_or(raw);
        // "Acme Lynch and Co Inc said": the firm's whole name speaks, not its tail.
        if !cue.inverted
            && let Some(firm) = firm_name(masked, cue.subject)
        {
            return Some(Resolved {
                name: firm.to_string(),
                indirect: false,
            });
        }
        // "Acme industries Inc said", "Acme Loans 2 Inc said": a firm's head cut from a name we
        // cannot read names nobody (not the last firm of the article with that head).
        if raw.split(' ').all(|w| cues::FIRM_TAILS.contains(&w)) {
            return None;
        }
        // "Bo Lind left after a woman told him she worries": someone unnamed speaks.
        if self.is_unnamed(masked, cue.subject.0, raw) {
            return None;
        }
        if matches!(raw, "he" | "she" | "He" | "She")
            && let Some((a, b)) = sentence_subject(masked, cue.subject.0)
            && let Some(r) = self.resolver.resolve(&masked[a..b])
            && !r.indirect
            // "… in the Middle East, and he may …": a place is no "he".
            && !self.resolver.named_as_thing(&r.name)
        {
            // "Lee told them she …": of the people named Lee, the one of the pronoun's gender;
            // "Ann Lee said a woman told him she worries": not a name of the other gender.
            let name = if self.resolver.pronoun_fits(raw, &r.name) {
                Some(r.name)
            } else {
                self.resolver.namesake_for(&masked[a..b], raw)
            };
            if let Some(name) = name {
                return Some(Resolved {
                    name,
                    indirect: true,
                });
            }
        }
        if matches!(raw, "he" | "she" | "He" | "She")
            && let Some(name) = self.subject_before(masked, cue.subject.0, raw)
        {
            return Some(Resolved {
                name,
                indirect: true,
            });
        }
        let r = self.resolver.resolve(raw)?;
        // "the Centers for Disease Control and Prevention estimates": one word after a
        // capitalised word and "and", left as written, is the tail of a name, not a speaker.
        if !cue.inverted
            && !r.indirect
            && r.name == raw
            && !raw.contains(' ')
            && after_capitalised_and(&masked[..cue.subject.0])
            && !self.resolver.is_person(&r.name)
        {
            return None;
        }
        // "the Securities and Exchange Commission said": an institution whose head follows a
        // capitalised word and "and" speaks by its whole name, unless what stands before "and"
        // is known as a person (a title, a pronoun) or is written on its own elsewhere
        // ("Zorbland's debt … Zorbland and Acme Bank said": two speakers).
        if !cue.inverted
            && !r.indirect
            && r.name == raw
            && let Some((whole, partner)) = institution_before_and(masked, cue.subject)
            && !self.resolver.has_gender(partner)
            && !self
                .resolver
                .written_apart(partner, &[&whole[partner.len()..]])
        {
            return Some(Resolved {
                name: whole.to_string(),
                indirect: false,
            });
        }
        // "Ann Lee and Bo Lind said": both speak; the quote is theirs, not the last one's.
        if !cue.inverted
            && !r.indirect
            && let Some(partner) = conjoined_partner(&masked[..cue.subject.0])
            && let Some(p) = self.resolver.resolve(partner)
            && !p.indirect
            && p.name != r.name
            && reads_as_person(&p.name)
            && self.resolver.is_person(&p.name)
            && self.resolver.is_person(&r.name)
            // One of them at least is known to be a person ("Ann", "Mr.", "she").
            && (self.resolver.has_gender(&p.name) || self.resolver.has_gender(&r.name))
        {
            let name = format!("{} and {}", p.name, r.name);
            if !self.joint.iter().any(|(j, _)| *j == name) {
                self.joint.push((name.clone(), [p.name, r.name]));
            }
            return Some(Resolved {
                name,
                indirect: false,
            });
        }
        Some(r)
    }

    /// "Ann Lee left early. But she said …": a pronoun opening its sentence (after at most a
    /// connective) stands for the person the sentence before opened with, in the same
    /// paragraph, when the article gives that person the pronoun's gender.
    fn subject_before(&mut self, masked: &str, at: usize, raw: &str) -> Option<String> {
        let from = sentence_start(masked, at, BEFORE_WINDOW);
        let lead = masked[from..at].trim();
        let opens = lead.is_empty()
            || lead.split(' ').count() <= 2
                && lead.split(' ').all(|w| {
                    CONNECTIVES.contains(&w.trim_end_matches(',').to_ascii_lowercase().as_str())
                });
        // The mark that ended the sentence before (maybe inside a closing quote mark).
        let end = masked[..from].rfind(['.', '!', '?'])?;
        if !opens || from - end > 4 {
            return None;
        }
        let (a, b) = sentence_subject(masked, end)?;
        let r = self.resolver.resolve(&masked[a..b])?;
        let (_, gender) = cues::PRONOUNS.iter().find(|(p, _)| *p == raw)?;
        (!r.indirect && self.resolver.gender_of(&r.name) == Some(*gender)).then_some(r.name)
    }

    /// [`unnamed_before`], remembered for the last pronoun checked (a cue is resolved from
    /// several rules).
    fn is_unnamed(&mut self, masked: &str, at: usize, raw: &str) -> bool {
        if !matches!(raw, "he" | "she" | "He" | "She") {
            return false;
        }
        match self.unnamed {
            Some((known, unnamed)) if known == at => unnamed,
            _ => {
                let unnamed = unnamed_before(masked, at, raw);
                self.unnamed = Some((at, unnamed));
                unnamed
            }
        }
    }

    /// The speaker of a cue, with a confidence lowered when it came from a pronoun or role.
    fn found(
        &mut self,
        masked: &str,
        cue: &Cue,
        confidence: f32,
        verb_end: Option<usize>,
    ) -> Option<Found> {
        // "reported by Acme News" names a source, but "asked by Ann Lee" the asker.
        if cue.agent && !masked[cue.verb.0..cue.verb.1].eq_ignore_ascii_case("asked") {
            return None;
        }
        let speaker = self.resolve_cue(masked, cue)?;
        let confidence = if speaker.indirect {
            confidence * 0.8
        } else {
            confidence
        };
        Some(Found {
            speaker,
            confidence,
            verb_end,
        })
    }

    /// "… with Ann Lee noting “…": the participle's own subject speaks, or nobody we know
    /// (`Some(None)`); `None` when the quote's sentence has no such clause.
    fn with_participle(&mut self, masked: &str, span: &Span) -> Option<Option<Found>> {
        let from = sentence_start(masked, span.start, BEFORE_WINDOW);
        let before = &masked[from..span.start];
        if !(before.contains("with ") || before.contains("With ")) {
            return None;
        }
        let caps = WITH_PARTICIPLE.captures(before)?;
        let raw = caps.name("s").map_or("", |s| s.as_str());
        // "with Ann Lee reportedly noting": the adverb is no part of the name.
        let raw = match raw.rsplit_once(' ') {
            Some((name, adverb)) if adverb.ends_with("ly") => name,
            _ => raw,
        };
        Some(self.resolver.resolve(raw).map(|speaker| Found {
            speaker,
            confidence: 0.6,
            verb_end: verb_end_before(masked, span),
        }))
    }

    /// "…, which an Acme inquiry said was “…”", "in what Ann Lee called a “…”": a relative
    /// clause right before the quote has its own subject and speech verb; the quote is that
    /// subject's, or nobody's we can name (`Some(None)`), never the sentence's subject. `None`
    /// when there is no such clause (or its subject is a pronoun, left to the other rules).
    fn relative_clause(&mut self, masked: &str, span: &Span) -> Option<Option<Found>> {
        let from = sentence_start(masked, span.start, BEFORE_WINDOW);
        let before = &masked[from..span.start];
        // The last " which ", " what " or " whom ", found from the rarer " wh".
        let at = memchr::memmem::rfind_iter(before.as_bytes(), b" wh").find_map(|i| {
            let rest = &before.as_bytes()[i + 3..];
            [&b"ich "[..], b"at ", b"om "]
                .iter()
                .find(|tail| rest.starts_with(tail))
                .map(|tail| i + 3 + tail.len())
        })?;
        let clause = &before[at..];
        let verb = speech_verbs(clause).next()?;
        // Between the verb and the quote: a few words, no punctuation ("said was", "called a").
        let tail = &clause[verb.end()..];
        if tail.contains(|c: char| c.is_ascii_punctuation()) || tail.split_whitespace().count() > 3
        {
            return None;
        }
        // The subject, before any apposition ("Ann Lee, the nominee, called"), without
        // trailing adverbs ("Acme now says").
        let (subject, apposed) = match clause[..verb.start()].split_once(',') {
            Some((subject, _)) => (subject.trim(), true),
            None => (clause[..verb.start()].trim(), false),
        };
        let words: Vec<&str> = subject.split_whitespace().collect();
        // Only a name takes an apposition: in "which Ann Lee unveiled, he said" the verb
        // after the comma is the main clause's.
        if apposed
            && !words
                .iter()
                .all(|w| w.starts_with(|c: char| c.is_uppercase()))
        {
            return None;
        }
        let adverb = |w: &&str| {
            (w.ends_with("ly") && w.starts_with(|c: char| c.is_lowercase()))
                || matches!(
                    *w,
                    "now" | "also" | "still" | "later" | "then" | "once" | "often"
                )
        };
        let keep = words.iter().rposition(|w| !adverb(w)).map_or(0, |k| k + 1);
        let subject = words[..keep].join(" ");
        // "in which a rival was found guilty": a passive names no speaker.
        if words
            .iter()
            .any(|w| matches!(*w, "is" | "was" | "are" | "were" | "be" | "been"))
        {
            return None;
        }
        // "which is airing, argues": the clause's verb is no subject.
        let opens = words.first().is_some_and(|w| {
            w.starts_with(|c: char| c.is_uppercase())
                || matches!(
                    *w,
                    "the" | "a" | "an" | "one" | "his" | "her" | "their" | "its"
                )
        });
        if !opens || words.len() > 6 || cues::PRONOUNS.iter().any(|(p, _)| *p == subject) {
            return None;
        }
        match self.resolver.resolve(&subject) {
            Some(speaker) => Some(Some(Found {
                confidence: if speaker.indirect { 0.5 } else { 0.7 },
                speaker,
                verb_end: Some(from + at + verb.end()),
            })),
            // "which Acme now says is": a name we cannot resolve still is not the sentence's
            // subject; an unnamed one ("what her team calls") is left to the other rules.
            None if subject.contains(char::is_uppercase) => Some(None),
            None => None,
        }
    }

    /// The possessor whose words the quote is ("Ann Lee’s claim that …"), see `possessives`.
    fn possessor_of(&mut self, masked: &str, span: &Span) -> Option<Found> {
        let from = sentence_start(masked, span.start, BEFORE_WINDOW);
        let before = &masked[from..span.start];
        let after = &masked[span.end..floor_char(masked, span.end + 40)];
        let (a, b) = possessives::possessor(before, after)?;
        let speaker = self.resolver.resolve(&before[a..b])?;
        Some(Found {
            confidence: if speaker.indirect { 0.6 } else { 0.75 },
            speaker,
            verb_end: None,
        })
    }

    /// The speaker of the last cue (that names one) in the quote's sentence before it.
    fn cue_in_sentence(&mut self, masked: &str, span: &Span, cues: &[Cue]) -> Option<Found> {
        if let Some(found) = self.relative_clause(masked, span) {
            return found;
        }
        if let Some(found) = self.with_participle(masked, span) {
            return found;
        }
        let from = sentence_start(masked, span.start, BEFORE_WINDOW);
        let in_sentence: Vec<&Cue> = cues
            .iter()
            .rev()
            .take_while(|c| c.start() >= from)
            .collect();
        // "Ann Lee said Bo Lind called it “…”": a cue inside the clause another cue reports
        // is reported speech; the outer speaker is the source.
        if let [.., inner, outer] = in_sentence.as_slice()
            && !outer.inverted
            && !inner.inverted
            && outer.verb.1 <= inner.subject.0
            && nested_gap(&masked[outer.verb.1..inner.subject.0])
            // "Ann Lee says she thinks": the pronoun already speaks for the sentence's subject.
            && !matches!(
                &masked[inner.subject.0..inner.subject.1],
                "he" | "she" | "they" | "He" | "She" | "They"
            )
            && let Some(found) = self.found(masked, outer, 0.85, Some(outer.end()))
        {
            return Some(found);
        }
        // A pronoun for someone unnamed ("a woman told him she …") hides the cues before it.
        for cue in in_sentence {
            if let Some(found) = self.found(masked, cue, 0.85, Some(cue.end())) {
                return Some(found);
            }
            if self.unnamed == Some((cue.subject.0, true)) {
                return None;
            }
        }
        None
    }

    /// "Peskov said: “…" / "according to Peskov, “…" / "Peskov left, saying “…": the last cue
    /// of the quote's sentence before it, else the sentence's subject when the sentence has a
    /// speech verb or ends on a colon, else a cue that ended just before (X said. “…).
    /// [`Self::speaker_before`], unless the cue right after the quote named someone we cannot
    /// resolve: then only a speech cue earlier in the sentence speaks it ("Ann Lee said it was
    /// “…,” according to U.S. data"), not the sentence's subject ("Ann Lee met them, as “…,”
    /// according to U.S. data").
    fn before_unless_unnamed(&mut self, masked: &str, span: &Span, cues: &[Cue]) -> Option<Found> {
        let from = sentence_start(masked, span.start, BEFORE_WINDOW);
        // "…,” said a former official who described it as “…”": the sentence's last cue before
        // the quote names nobody we know, so its opening subject is not the speaker either.
        if let Some(cue) = cues.last().filter(|c| c.start() >= from) {
            if let Some(found) = self.cue_in_sentence(masked, span, cues) {
                return Some(found);
            }
            // "Pollsters agree - Ann Lee: “…": a colon after the cue introduces its own speaker.
            if !masked[cue.end()..span.start].contains(':') && self.names_nobody(masked, cue) {
                self.attached_nobody = true;
            }
        }
        if self.attached_nobody {
            return None;
        }
        self.speaker_before(masked, span, cues)
    }

    /// Whether a cue's subject names someone we cannot resolve who is not someone named before:
    /// "a former official", "U" of "U.S.", an unknown name; not "he", "the judge", "his aide"
    /// (the weaker rules may find whom those point back to), nor the agent of a passive.
    fn names_nobody(&mut self, masked: &str, cue: &Cue) -> bool {
        let raw = &masked[cue.subject.0..cue.subject.1];
        let pronoun = cues::PRONOUNS.iter().any(|(p, _)| *p == raw);
        let definite = raw.split(' ').next().is_some_and(|w| {
            matches!(
                w.to_ascii_lowercase().as_str(),
                "the" | "his" | "her" | "their" | "its" | "it" | "this" | "that"
            )
        });
        !cue.agent && !pronoun && !definite && self.resolve_cue(masked, cue).is_none()
    }

    fn speaker_before(&mut self, masked: &str, span: &Span, cues: &[Cue]) -> Option<Found> {
        if let Some(found) = self.relative_clause(masked, span) {
            return found;
        }
        let from = self.after_quoted_sentence_end(masked, span.start);
        // A cue of the sentence that names nobody leaves the rules below but the last.
        let cue_named_nobody = cues.last().is_some_and(|c| c.start() >= from);
        if cue_named_nobody && let Some(found) = self.cue_in_sentence(masked, span, cues) {
            return Some(found);
        }
        // "Ann Lee left after a woman told her she worries “…”": someone unnamed speaks.
        if cues
            .last()
            .is_some_and(|c| c.start() >= from && self.unnamed == Some((c.subject.0, true)))
        {
            return None;
        }
        let before = &masked[from..span.start];
        // "… – Ann Lee: “…": a full name right before a colon introduces the quote.
        if let Some(name) = NAME_COLON.captures(before).and_then(|c| c.name("s"))
            && let Some(speaker) = self.resolver.resolve(name.as_str())
            && speaker.name.contains(' ')
        {
            return Some(Found {
                speaker,
                confidence: 0.6,
                verb_end: None,
            });
        }
        if let Some(found) = self.with_participle(masked, span) {
            return found;
        }
        // "… doesn’t surprise Acme pollster Ann Lee: “…": a described full name before a colon.
        if let Some(name) = described_colon(before)
            && !addressed(before, name)
            && let Some(speaker) = self.resolver.resolve(name)
            && speaker.name.contains(' ')
            && !speaker.indirect
        {
            return Some(Found {
                speaker,
                confidence: 0.6,
                verb_end: None,
            });
        }
        // "Ann Lee was asked, “…": a passive speech verb leaves its subject out, also when a
        // later clause holds another verb ("Ann Lee was asked by Bo Lind, who has dismissed
        // the story, “…"): a first verb that is passive and names its agent is the subject's
        // own verb. Without "by" it may be a lead-in ("Ann Lee has been criticized for it,
        // saying “…") and only the last verb counts.
        let is_passive_at = |v: &Verb| {
            let words_from = floor_char(before, v.start().saturating_sub(24));
            is_passive(&before[words_from..v.start()], v.as_str())
        };
        let mut verbs = speech_verbs(before);
        let first = verbs.next();
        let passive = first
            .is_some_and(|v| is_passive_at(&v) && before[v.end()..].starts_with(" by "))
            || verbs.last().or(first).is_some_and(|v| is_passive_at(&v));
        if !passive && (HANGING.is_match(before) || first.is_some()) {
            let main = main_clause(before)?;
            // "The Acme technology columnist Ann Lee went on to say": the name the outlet
            // and role describe, not the outlet.
            let described = described_subject(main)
                .map(|(a, b)| &main[a..b])
                .or_else(|| {
                    let rest = main.strip_prefix("The ")?;
                    described_subject(rest).map(|(a, b)| &rest[a..b])
                });
            let raw = match described {
                Some(raw) => raw,
                None => without_acted_on_group(opening_subject(main)?),
            };
            // "killed in San Dover, Dela., a voice praised it: “…”": no state speaks.
            let at = (raw.as_ptr() as usize).saturating_sub(masked.as_ptr() as usize);
            if masked.get(at..at + raw.len()) == Some(raw)
                && state_after_city(masked, (at, at + raw.len()))
            {
                return None;
            }
            let speaker = self.resolver.resolve(raw)?;
            return Some(Found {
                speaker,
                confidence: 0.6,
                verb_end: verb_end_before(masked, span),
            });
        }
        if let Some(cue) = cues
            .last()
            .filter(|c| span.start - c.end() <= NEAR_WINDOW && span.start >= c.end())
        {
            return self.found(masked, cue, 0.6, None);
        }
        // "Ann Lee (R) blamed the court’s “…”": a named subject acting in the quote's sentence.
        if cue_named_nobody {
            return None;
        }
        let (a, b) = acting_subject(masked, span.start)?;
        let speaker = self.resolver.resolve(&masked[a..b])?;
        Some(Found {
            speaker,
            confidence: 0.5,
            verb_end: None,
        })
    }

    /// Where the sentence holding byte `pos` starts, also when the sentence before ended
    /// inside a quote's marks, which masking hides: "He took credit for “being right.” Ann
    /// Lee went on the attack, saying “…": a closing mark after a full stop, question or
    /// exclamation mark, then a capital, when the sentence so opened names a person the
    /// article knows ("Giant screens showed: “…”" opens with no speaker).
    fn after_quoted_sentence_end(&mut self, masked: &str, pos: usize) -> usize {
        let from = sentence_start(masked, pos, BEFORE_WINDOW);
        let Some(opened) = self
            .closing_sentences
            .iter()
            .filter(|&&end| from < end && end < pos)
            .filter_map(|&end| {
                let rest = &masked[end..pos];
                let next = rest.trim_start();
                (next.len() < rest.len() && next.starts_with(|c: char| c.is_uppercase()))
                    .then(|| pos - next.len())
            })
            .next_back()
        else {
            return from;
        };
        let person = opening_subject(&masked[opened..pos])
            .and_then(|raw| self.resolver.resolve(raw))
            .is_some_and(|r| {
                !r.indirect && (r.name.contains(' ') || self.resolver.is_person(&r.name))
            });
        if person { opened } else { from }
    }

    /// "Ann Lee says she got a call from home. “…”": a quote opening the sentence right after
    /// one with a cue speaks for that cue's speaker.
    fn previous_sentence(&mut self, masked: &str, span: &Span, cues: &[Cue]) -> Option<Found> {
        let from = sentence_start(masked, span.start, BEFORE_WINDOW);
        let cue = cues.last()?;
        let opens = from > 0 && masked[from..span.start].trim().is_empty();
        if !opens
            || cue.end() > from
            || cue.start() < sentence_start(masked, from - 1, BEFORE_WINDOW)
        {
            return None;
        }
        self.found(masked, cue, 0.5, None)
    }

    fn carried(name: Option<&str>, confidence: f32) -> Option<Found> {
        name.map(|n| Found {
            speaker: Resolved {
                name: n.to_string(),
                indirect: true,
            },
            confidence,
            verb_end: None,
        })
    }

    /// Gives `name` to those of the quotes `at` that have no speaker yet.
    fn fill(&mut self, at: &[usize], name: &str, confidence: f32) {
        for &i in at {
            if let Some(q) = self.quotes.get_mut(i)
                && q.speaker.is_none()
            {
                q.speaker = Some(name.to_string());
                q.confidence = confidence;
            }
        }
    }

    /// Gives the speaker now found to the earlier paragraphs of the same quote.
    fn fill_pending(&mut self, name: &str) {
        for &i in &self.pending {
            if let Some(q) = self.quotes.get_mut(i) {
                q.speaker = Some(name.to_string());
                q.confidence = 0.7;
            }
        }
        self.pending.clear();
    }

    fn push_quote(&mut self, para: &str, masked: &str, span: &Span, found: Option<Found>) {
        let mut text = para[span.text_start..span.text_end].trim();
        let words = text.split_whitespace().count();
        let verb_before = match &found {
            None if words < MIN_QUOTE_WORDS => verb_end_before(masked, span),
            _ => None,
        };
        if words == 0
            || (found.is_none() && words < MIN_UNATTRIBUTED_WORDS && verb_before.is_none())
        {
            return;
        }
        // "X said the goal was “…”": the quote is part of the clause reported after the last
        // speech verb before it.
        let clause = found
            .as_ref()
            .and_then(|f| f.verb_end)
            .and_then(|_| verb_end_before(masked, span))
            .filter(|&v| embeds(&masked[ceil_char(masked, v)..span.start]));
        // "This is a “raw time,” said Ann Lee": with no verb before it, a fragment stands for
        // the clause it ends.
        let sentence = found
            .as_ref()
            .filter(|f| f.verb_end.is_none())
            .map(|_| sentence_start(masked, span.start, BEFORE_WINDOW))
            .filter(|&s| embeds(&masked[s..span.start]));
        if words < MIN_QUOTE_WORDS || clause.is_some() {
            // A fragment like “unhinged” stands for the reported clause that holds it.
            let from = clause
                .or(found.as_ref().and_then(|f| f.verb_end))
                .or(verb_before)
                .or(sentence)
                .filter(|&v| v <= span.start && span.start - v < BEFORE_WINDOW);
            // "said, “Probably.”": with no word between, the quote stays as it is.
            let worded = |v: usize| {
                masked[ceil_char(masked, v)..span.start].contains(|c: char| c.is_alphanumeric())
            };
            match from {
                Some(v) if worded(v) => {
                    let end = span.end + clause_rest(&masked[span.end..], text);
                    text = para[ceil_char(para, v)..end].trim();
                }
                // "said “local forces” must lead": the fragment opens the clause that goes on
                // after its closing mark.
                Some(_) => {
                    let rest = clause_rest(&masked[span.end..], text);
                    if rest > 0 {
                        text = para[span.start..span.end + rest].trim();
                    }
                }
                None if words < 2 => return,
                None => {}
            }
        }
        let (speaker, confidence) = match found {
            Some(f) => (Some(f.speaker.name), f.confidence),
            None => (None, 0.0),
        };
        self.quotes.push(Quote {
            speaker,
            text: text.trim_end_matches([',', ' ']).to_string(),
            confidence,
        });
    }

    fn push_bullet(&mut self, trimmed: &str, speaker: String) {
        let text = trimmed.trim_start_matches(BULLETS).trim();
        if text.is_empty() {
            return;
        }
        self.quotes.push(Quote {
            speaker: Some(speaker),
            text: text.to_string(),
            confidence: 0.8,
        });
    }

    /// A paragraph ending with a colon: its cue speaks the bullets or quote that follow.
    fn colon_line(&mut self, masked: &str, cues: &[Cue]) {
        if let Some(cue) = cues.last()
            && let Some(r) = self.resolve_cue(masked, cue)
        {
            self.resolver.note_speaker(&r.name);
            self.list_speaker = Some(r.name.clone());
            self.carry = Some(r.name);
            return;
        }
        // "Ann Lee released the following statement:": a full name opening the line speaks the
        // quote that opens the next paragraph (bullets stay unattributed; a single word such
        // as "Partial transcript:" is no speaker).
        let end = masked.trim_end().len();
        if let Some((a, b)) = sentence_subject(masked, end)
            && let Some(r) = self.resolver.resolve(&masked[a..b])
            && !r.indirect
            && r.name.contains(' ')
        {
            self.resolver.note_speaker(&r.name);
            self.carry = Some(r.name);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn attributed(body: &str) -> Vec<(Option<String>, String)> {
        find_quotes(body)
            .into_iter()
            .map(|q| (q.speaker, q.text))
            .collect()
    }

    fn speakers(body: &str) -> Vec<Option<String>> {
        attributed(body).into_iter().map(|(s, _)| s).collect()
    }

    #[test]
    fn a_pronoun_opening_its_sentence_is_the_person_the_sentence_before_opened_with() {
        let some = |s: &str| Some(s.to_string());
        // The last speaker is a man; the woman who opens the sentence before is "she".
        let body = "“We will win,” said Tom Reed.\n\nAnn Lee toured the plant on Monday. \
                    But she said, “The jobs are staying here.”";
        assert_eq!(speakers(body), vec![some("Tom Reed"), some("Ann Lee")]);
        let body = "“We will win,” said Tom Reed.\n\nAnn Lee toured the plant on Monday. \
                    He said, “The jobs are staying here.”";
        assert_eq!(speakers(body), vec![some("Tom Reed"), some("Tom Reed")]);
        // A subject of the other gender, or a sentence that does not open with the pronoun,
        // leaves it to the last speaker who fits.
        let body = "“We will win,” said Ann Lee.\n\nTom Reed toured the plant on Monday. \
                    But she said, “The jobs are staying here.”";
        assert_eq!(speakers(body), vec![some("Ann Lee"), some("Ann Lee")]);
        let body = "“We will win,” said Tom Reed.\n\nAnn Lee toured the plant on Monday. \
                    In the town square in the rain he said, “The jobs are staying here.”";
        assert_eq!(speakers(body), vec![some("Tom Reed"), some("Tom Reed")]);
    }

    #[test]
    fn a_subject_led_by_a_number_after_an_inverted_verb_speaks() {
        let some = |s: &str| Some(s.to_string());
        let body = "“It is a failure of policy,” said 34-year-old Ann Lee.";
        assert_eq!(speakers(body), vec![some("Ann Lee")]);
        let body = "“It is a failure of policy,” said 9/11 widow Ann Lee, who lives here.";
        assert_eq!(speakers(body), vec![some("Ann Lee")]);
        // A number of people, or no name after the descriptor, names nobody.
        let body = "“It is a failure of policy,” said 34 residents of Dover in a letter.";
        assert_eq!(speakers(body), vec![None]);
        let body = "“It is a failure of policy,” said 34-year-old residents of Dover.";
        assert_eq!(speakers(body), vec![None]);
        let body = "“It is a failure of policy,” said the 34-year-old nurse.";
        assert_eq!(speakers(body), vec![None]);
    }

    #[test]
    fn a_role_described_by_a_possessor_speaks_as_written() {
        let some = |s: &str| Some(s.to_string());
        let opening = "Ann Lee and Bo Lind met on Monday. ";
        let body = format!("{opening}“It was a bad idea,” Lee's former campaign manager said.");
        assert_eq!(speakers(&body), vec![some("Lee's former campaign manager")]);
        let body = format!("{opening}“It was a bad idea,” said Lee’s longtime spokeswoman.");
        assert_eq!(speakers(&body), vec![some("Lee’s longtime spokeswoman")]);
        // A name after the role speaks by that name; no speech verb, no speaker of this kind.
        let body = format!("{opening}“It was a bad idea,” Lee's campaign manager Jo Tate said.");
        assert_eq!(speakers(&body), vec![some("Jo Tate")]);
        let body = format!("{opening}“It was a bad idea,” said Lee's manager, Jo Tate, at noon.");
        assert_eq!(speakers(&body), vec![some("Jo Tate")]);
        let body = format!("{opening}“It was bad,” said Jo Tate, Lee's campaign manager.");
        assert_eq!(speakers(&body), vec![some("Jo Tate")]);
        let body = format!("{opening}“It was a bad idea,” Lee's former campaign manager left.");
        assert_ne!(speakers(&body), vec![some("Lee's former campaign manager")]);
    }

    #[test]
    fn a_group_acted_on_is_no_part_of_the_subject() {
        for verb in ["met", "rallied", "addressed"] {
            let body =
                format!("Ann Lee {verb} supporters in Ohio, saying it was “a failure of policy.”");
            assert_eq!(speakers(&body), vec![Some("Ann Lee".to_string())], "{verb}");
        }
        assert_eq!(
            without_acted_on_group("Acme union members"),
            "Acme union members"
        );
        assert_eq!(without_acted_on_group("Bank of England"), "Bank of England");
        assert_eq!(without_acted_on_group("Ann Lee met voters"), "Ann Lee");
        assert_eq!(
            without_acted_on_group("An unnamed Acme firm"),
            "An unnamed Acme firm"
        );
    }

    #[test]
    fn an_outlet_before_a_described_name_is_no_speaker() {
        let body = "The Acme technology columnist Ann Lee went so far as to say that the plan \
                    was “a complete and utter failure of policy.”";
        assert_eq!(speakers(body), vec![Some("Ann Lee".to_string())]);
    }

    #[test]
    fn a_described_name_spoken_to_before_a_colon_is_no_speaker() {
        let body = "Bo Lind explained what was wrong with it to the daily paper Acme Post: \
                    “It was a mistake from the very start.”";
        assert_ne!(speakers(body), [Some("Acme Post".to_string())]);
        let body = "The result did not surprise Acme pollster Ann Lee: “It was a mistake from \
                    the very start.”";
        assert_eq!(speakers(body), [Some("Ann Lee".to_string())]);
    }

    #[test]
    fn a_relative_clause_speaks_its_own_quote() {
        let body = "Bo Lind criticized the plan, which an Acme inquiry said was “far too costly” \
                    for the town.";
        assert_eq!(speakers(body), [Some("Acme inquiry".to_string())]);
        let body = "Bo Lind criticized the plan, which Zorbx now says is “far too costly for us.”";
        assert_eq!(speakers(body), [Some("Zorbx".to_string())]);
        let body = "It won in what Ann Lee, the mayor, called “a fight to the very end.”";
        assert_eq!(speakers(body), [Some("Ann Lee".to_string())]);
        let body = "During a debate on the plan which Ann Lee unveiled last week, he said that \
                    “it will be a very hard year for all.”";
        assert_ne!(
            speakers(body),
            [Some("Ann Lee unveiled last week".to_string())]
        );
        // A passive or a clause without its own subject leaves the sentence's subject.
        let body = "Bo Lind cited a case in which a Marine was found guilty of “gross \
                    negligence in the line of duty.”";
        assert_ne!(speakers(body), [Some("Marine".to_string())]);
    }

    #[test]
    fn attributes_quotes() {
        let s = |x: &str| Some(x.to_string());
        let table: &[(&str, Vec<Option<String>>)] = &[
            (
                "According to spokesman Dmitry Peskov, talks went on.\n\n“This was a normal working process,” Peskov said.",
                vec![s("Dmitry Peskov")],
            ),
            (
                "“We will talk again soon, of course,” said Anna Berg.\n\nShe added that she disliked what she called “megaphone diplomacy.”",
                vec![s("Anna Berg"), s("Anna Berg")],
            ),
            (
                "“One two three four,” Anna Berg said. “Five six seven eight.”",
                vec![s("Anna Berg"), s("Anna Berg")],
            ),
            (
                "Anna Berg told reporters: “We are ready for all of it.”",
                vec![s("Anna Berg")],
            ),
            (
                "Anna Berg said in a statement:\n“We are ready for all of it.”",
                vec![s("Anna Berg")],
            ),
            (
                "Anna Berg released the following text:\n“We are ready for all of it.”",
                vec![s("Anna Berg")],
            ),
            (
                "Stated Anna Berg:\n“We are ready for all of it.”",
                vec![s("Anna Berg")],
            ),
            (
                "The full text follows:\n“We are ready for all of it.”",
                vec![None],
            ),
            (
                "Partial transcript:\n“We are ready for all of it.”",
                vec![None],
            ),
            (
                "“First part of a long speech here.\n“Second part of it,” Anna Berg said.",
                vec![s("Anna Berg"), s("Anna Berg")],
            ),
            (
                "The sign read “no entry for anyone at all today” in red.",
                vec![None],
            ),
            (
                "“We are ready for all of it.” ― Ann Lee",
                vec![s("Ann Lee")],
            ),
            (
                "“We are not going anywhere soon,” the Kremlin said.",
                vec![s("Kremlin")],
            ),
            (
                "“We are ready for all of it,” said Navy Capt. Bo Lind, who served.",
                vec![s("Bo Lind")],
            ),
            (
                "“We are ready for all of it,” said Oversight ranking Democrat Bo Lind (D-Md.).",
                vec![s("Bo Lind")],
            ),
            (
                "The paper wrote on it. “We are ready for all of it,” his nephew Bo Lind added.",
                vec![s("Bo Lind")],
            ),
            (
                "Secretary of State Bo Lind said “we are ready for all of it.”",
                vec![s("Bo Lind")],
            ),
            (
                "Gov. Bo Lind (R) blamed the court’s “four liberal justices who blocked it.”",
                vec![s("Bo Lind")],
            ),
            (
                "Bo Lind, the director for the Acme Party said: “We are ready for all of it.”",
                vec![s("Bo Lind")],
            ),
            (
                "Bo Lind, president and CEO of Acme Group stated, “We are ready for all of it.”",
                vec![s("Bo Lind")],
            ),
            (
                "The Republican presidential nominee for the Nov. 8 election later said he was “sarcastic.”",
                vec![None],
            ),
            (
                "Bo Lind, who is Muslim, also decried the “hateful discourse of the others.”",
                vec![s("Bo Lind")],
            ),
            (
                "Bo Lind argued that taxes were high.\n“We need more of it now, and soon.”",
                vec![s("Bo Lind")],
            ),
            (
                "The rain fell on Bo Lind.\n“We need more of it now, and soon.”",
                vec![None],
            ),
            (
                "Ann Lee, Cy Ray and Bo Lind argued that taxes were high.\n“We need more of it now, and soon.”",
                vec![None],
            ),
            (
                "The promise to “take our country back” appeals to voters who wish for a return to \
                 an era when a college degree was not needed to earn a middle-class living and the \
                 town was much smaller than now, said Ann Lee, a pollster.",
                vec![s("Ann Lee")],
            ),
            (
                "He took credit for “being right on it.” Bo Lind went fully on the attack, saying, \
                 “Is Ann Lee going to mention it?”",
                vec![None, s("Bo Lind")],
            ),
            (
                "“The way I see it,” Ann Lee elaborated, “no one ever questioned his service.”",
                vec![s("Ann Lee"), s("Ann Lee")],
            ),
            (
                "Bo Lind was quick to add that the deal stands.\n“Building it? Not negotiable.”",
                vec![s("Bo Lind")],
            ),
            (
                "If anything, Bo Lind argued in his email, taxes were high.\n“We need more of it now, and soon.”",
                vec![s("Bo Lind")],
            ),
            (
                "The taxes, Bo Lind argued, were high.\n“We need more of it now, and soon.”",
                vec![s("Bo Lind")],
            ),
            (
                "“We are ready for all of it,” said a longtime adviser to Bo Lind, who asked not to be named.",
                vec![s("longtime adviser to Bo Lind")],
            ),
            (
                "“We are ready for all of it,” Twitter said in a statement.",
                vec![s("Twitter")],
            ),
            (
                "Bo Lind on Sunday said “we are ready for all of it.”",
                vec![s("Bo Lind")],
            ),
            (
                "“We are ready for all of it,” the Acme administration said.",
                vec![s("Acme administration")],
            ),
            (
                "The interplay mattered – Bo Lind: “We are ready for all of it.”",
                vec![s("Bo Lind")],
            ),
            (
                "Guns are “a public health crisis” and “stunt growth,” Bo Lind said.",
                vec![s("Bo Lind"), s("Bo Lind")],
            ),
            (
                "Pollsters agree - Bo Lind: “We are ready for all of it.”",
                vec![s("Bo Lind")],
            ),
            (
                "“We are ready for all of it,” Senate Republican leaders said.",
                vec![s("Senate Republican leaders")],
            ),
            (
                "Bo Lind was asked, “Are you ready for all of it?”",
                vec![None],
            ),
            (
                "Bo Lind was asked by a host, who has long dismissed the plan, “Are you ready for it?”",
                vec![None],
            ),
            (
                "Bo Lind also is reported to have called the plan “ready for all of it.”",
                vec![s("Bo Lind")],
            ),
            (
                "Bo Lind is assuring voters after a woman in Dover told him she worries he is “too soft.”",
                vec![None],
            ),
            (
                "Ann Lee is assuring voters after a young man told her he worries she is “too soft.”",
                vec![None],
            ),
            (
                "Ann Lee is assuring voters after a man in Dover told her she is “too soft.”",
                vec![s("Ann Lee")],
            ),
            (
                "The board met on Monday.\n\n“Ready? We are not ready yet.”\n\n“Would you be ready by May?” Ann Lee asked.",
                vec![None, s("Ann Lee")],
            ),
            (
                "The board met on Monday.\n\n“We are not ready yet.”\n\n“We will be ready by May,” Ann Lee said.",
                vec![s("Ann Lee"), s("Ann Lee")],
            ),
            (
                "Ann Lee exhorted the crowd to “turn out for all of it.”\n\n“We will win this time,” griped Bo Lind.",
                vec![s("Ann Lee"), s("Bo Lind")],
            ),
            (
                "Bo Lind was asked by Ann Lee whether “you are ready for all of it.”",
                vec![s("Ann Lee")],
            ),
            (
                "The plan was first reported by Acme News as “ready for all of it.”",
                vec![None],
            ),
            (
                "Ann Lee spoke first, with Bo Lind noting “we are ready for all of it.”",
                vec![s("Bo Lind")],
            ),
            (
                "Ann Lee spoke first, with aides noting “we are ready for all of it.”",
                vec![None],
            ),
            (
                "The result pleased Acme pollster Bo Lind: “We are ready for all of it.”",
                vec![s("Bo Lind")],
            ),
            (
                "Acme presidential candidate Bo Lind took to the web, writing: “We are ready for all of it.”",
                vec![s("Bo Lind")],
            ),
            (
                "Bo Lind, praised by Ann Lee, said that “we are ready for all of it.”",
                vec![s("Bo Lind")],
            ),
            (
                "“We are ready for all of it,” said Acme’s deputy campaign manager, Bo Lind, who served.",
                vec![s("Bo Lind")],
            ),
            (
                "Her campaign manager, Bo Lind, said that “we are ready for all of it.”",
                vec![s("Bo Lind")],
            ),
            (
                "Acme’s business manager, Bo Lind, stated: “We are ready for all of it.”",
                vec![s("Bo Lind")],
            ),
            (
                "A pupil wrote the local newspaper, The Acme Chief, that “we are ready for all of it.”",
                vec![None],
            ),
            (
                "Bo Lind later Thursday told Acme News: “We are ready for all of it.”",
                vec![s("Bo Lind")],
            ),
            (
                "Sen. Bo Lind left.\nThe senator told Acme News that “we are ready for all of it.”",
                vec![s("Bo Lind")],
            ),
            (
                "Bo Lind praised Ann Lee and said the Ohio senator can “bring all of it home.”",
                vec![s("Bo Lind")],
            ),
            (
                "Ann Lee and Bo Lind spoke.\nLee: “We are ready for all of it.” Lind: “We will stay ready for it.”",
                vec![s("Ann Lee"), s("Bo Lind")],
            ),
            (
                "Ann Lee and Bo Lind came. Like Ann Lee, Bo Lind left early, saying “we are ready for all of it.”",
                vec![s("Bo Lind")],
            ),
            (
                "Ann Lee said Bo Lind called the plan “a mess for all of us.”",
                vec![s("Ann Lee")],
            ),
            (
                "Ann Lee said that Bo Lind called the plan “a mess for all of us.”",
                vec![s("Ann Lee")],
            ),
            (
                "Ann Lee of Dover, Acme County says she thinks the plan is “a mess for all of us.”",
                vec![s("Ann Lee")],
            ),
            (
                "Ann Lee said no, but Bo Lind called the plan “a mess for all of us.”",
                vec![s("Bo Lind")],
            ),
            (
                "“We are ready for all of it,” said Acme ally Bo Lind.",
                vec![s("Bo Lind")],
            ),
            (
                "“We are ready for all of it,” said Acme constituent Bo Lind when asked.",
                vec![s("Bo Lind")],
            ),
            (
                "Ann Lee spoke first, with Bo Lind reportedly yelling “we are ready for all of it.”",
                vec![s("Bo Lind")],
            ),
            (
                "Ann Lee says she got a call from home. “We are ready for all of it.”",
                vec![s("Ann Lee")],
            ),
            (
                "Ann Lee says she got a call from home. The caller was upset. “We are ready for all of it.”",
                vec![None],
            ),
            (
                "Ann Lee answers Bo Lind with, “Why now? Are we ready?” Lind then writes, “Yes, we are.”",
                vec![s("Ann Lee"), s("Bo Lind")],
            ),
            (
                "If taxes rise, as Bo Lind warns, “why would we stay here at all?” asked Ann Lee.",
                vec![s("Ann Lee")],
            ),
            (
                "After Bo Lind said that the plan was “a mess for all of us,” Ann Lee said: “It is not.”",
                vec![s("Bo Lind"), s("Ann Lee")],
            ),
            (
                "“It is a mess for all of us,” Ann Lee said: “We are ready.”",
                vec![s("Ann Lee"), s("Ann Lee")],
            ),
            (
                "“We will look into all of it,” Dover police said.",
                vec![s("Dover police")],
            ),
            (
                "Mr. Bo Lee and Mrs. Ann Lee came.\n“We are here for all of it,” Bo Lee said.\nLee said she thinks it is “a mess for all of us.”",
                vec![s("Bo Lee"), s("Ann Lee")],
            ),
            (
                "“We will look into all of it,” Acme rights advocates said.",
                vec![s("Acme rights advocates")],
            ),
            (
                "Bo Lind cheered crowds with lines like “we will win all of it.” Ann Lee has also announced a plan.",
                vec![s("Bo Lind")],
            ),
            (
                "Bo Lind called the plan “a mess for all of us.” Ann Lee has also announced a plan.",
                vec![s("Bo Lind")],
            ),
            (
                "The plan is “a mess for all of us.” Ann Lee said.",
                vec![s("Ann Lee")],
            ),
        ];
        for (body, expected) in table {
            assert_eq!(&speakers(body), expected, "body: {body}");
        }
    }

    #[test]
    fn signs_quote_paragraphs_from_the_next_line() {
        let s = |x: &str| Some(x.to_string());
        let table: &[(&str, Vec<Option<String>>)] = &[
            (
                "“We are ready for all of it.”\n- Bo Lind, in a speech.",
                vec![s("Bo Lind")],
            ),
            (
                "“We are ready for all of it.”\n“And we will stay ready,” Bo Lind said.",
                vec![s("Bo Lind"), s("Bo Lind")],
            ),
            (
                "Ann Lee asked for it.\n“We are ready for all of it.”\n- Bo Lind.",
                vec![s("Bo Lind")],
            ),
            (
                "“We are ready for all of it.”\nThe crowd left.\n“And we will stay ready,” Bo Lind said.",
                vec![None, s("Bo Lind")],
            ),
        ];
        for (body, expected) in table {
            assert_eq!(&speakers(body), expected, "body: {body}");
        }
    }

    #[test]
    fn repeated_quotes_share_their_speaker() {
        let s = |x: &str| Some(x.to_string());
        let body = "“We are ready for all of it.”\nThe crowd left.\n“We are ready for all of it,” Bo Lind said.\n“We are ready for all of it!”";
        assert_eq!(
            speakers(body),
            vec![s("Bo Lind"), s("Bo Lind"), s("Bo Lind")]
        );
    }

    #[test]
    fn a_phrase_inside_an_attributed_quote_shares_its_speaker() {
        let s = |x: &str| Some(x.to_string());
        let held = "The vote must be “on the up and up.”\nThe crowd left.\n\
                    “We will make sure it is on the up and up,” Bo Lind said.";
        assert_eq!(speakers(held), vec![s("Bo Lind"), s("Bo Lind")]);
        // Two words are too common to be anyone's; two holders who disagree name nobody.
        let short = "The guards were told to “stand down.”\nThe crowd left.\n\
                     “Nobody told them to stand down,” Bo Lind said.";
        assert_eq!(speakers(short)[0], None);
        let split = "The vote must be “on the up and up.”\nThe crowd left.\n\
                     “We will make sure it is on the up and up,” Bo Lind said.\n\
                     “It was never on the up and up,” Cy Dunn said.";
        assert_eq!(speakers(split)[0], None);
        // A phrase quoting a word inside it ("of “B” shares") is a label, not the holder's words.
        let quote = |speaker: Option<&str>, text: &str| Quote {
            speaker: speaker.map(str::to_string),
            text: text.to_string(),
            confidence: 0.9,
        };
        let mut quotes = vec![
            quote(None, "of “B” shares"),
            quote(
                Some("Bo Lind"),
                "I do not like the concept of “B” shares at all",
            ),
        ];
        share_contained(&mut quotes);
        assert_eq!(quotes[0].speaker, None);
        // A phrase inside a word of the longer quote is not held by it.
        assert!(!holds_phrase(
            "it was on the up and upper",
            "on the up and up"
        ));
        assert!(holds_phrase("up and upper, up and up.", "up and up"));
    }

    #[test]
    fn widens_fragments_to_the_reported_clause() {
        let q = attributed("Bo Lind called the plan “unhinged.”");
        assert_eq!(q.len(), 1);
        assert_eq!(q[0].0.as_deref(), Some("Bo Lind"));
        assert!(q[0].1.contains("the plan"), "{:?}", q[0].1);
    }

    #[test]
    fn an_opening_with_clause_holds_no_speaker() {
        let q = attributed(
            "With Acme leaders increasingly worried about the race, Bo Lind sent a blunt \
             message: “We are not going anywhere.”",
        );
        assert_eq!(q[0].0.as_deref(), Some("Bo Lind"));
        // No cue in the sentence: the subject after the clause speaks, not the one inside it.
        let q = attributed(
            "With Acme leaders increasingly worried about the mood among young voters, \
             President Bo Lind is rolling out a new message: “We are staying here.”",
        );
        assert_eq!(q[0].0.as_deref(), Some("Bo Lind"));
    }

    #[test]
    fn a_widow_is_a_descriptor_before_a_name() {
        let q = attributed("“We never stopped looking for answers,” said local widow Ann Berg.");
        assert_eq!(q[0].0.as_deref(), Some("Ann Berg"));
    }

    #[test]
    fn reads_two_apostrophes_as_a_double_quote() {
        let q = attributed("''We will build the road this year,'' Bo Lind said.");
        assert_eq!(
            q,
            [(
                Some("Bo Lind".to_string()),
                "We will build the road this year".to_string()
            )]
        );
        // One apostrophe is no quote mark.
        assert!(attributed("The towns' plan, Bo Lind said, is to build the road.").is_empty());
    }

    #[test]
    fn widens_a_fragment_opening_the_reported_clause() {
        let q = attributed("On Monday, Bo Lind said “nearby towns” must pay for the road.");
        assert_eq!(q.len(), 1);
        assert_eq!(q[0].0.as_deref(), Some("Bo Lind"));
        assert_eq!(q[0].1, "“nearby towns” must pay for the road");
        // A fragment that ends its clause inside the marks stays as it is.
        let q = attributed("Bo Lind said “never again.” Then he left.");
        assert_eq!(q[0].1, "never again.");
    }

    #[test]
    fn widens_quotes_inside_a_reported_clause() {
        // (body, expected quote texts)
        let table: &[(&str, &[&str])] = &[
            (
                "Bo Lind said the goal was “to make the town whole again.”",
                &["the goal was “to make the town whole again.”"],
            ),
            (
                "Bo Lind said: “We will make the town whole again.”",
                &["We will make the town whole again."],
            ),
            (
                "Bo Lind said that “we will make the town whole again.”",
                &["we will make the town whole again."],
            ),
            (
                "Bo Lind said the plan “was fine for all” and “would work well for us.”",
                &["the plan “was fine for all”", "would work well for us."],
            ),
            (
                "This is a “raw time,” said Bo Lind.",
                &["This is a “raw time,”"],
            ),
            ("“Raw time,” said Bo Lind.", &["Raw time"]),
            ("Bo Lind said, “Probably.”", &["Probably."]),
            (
                "Bo Lind told Ann Lee of Acme News, “We will make the town whole again.”",
                &["We will make the town whole again."],
            ),
            (
                "Bo Lind spoke. Then the town was “made whole again for us.”",
                &["made whole again for us."],
            ),
            (
                "Bo Lind called the deal “pretty mild” compared to the old one, and left.",
                &["the deal “pretty mild” compared to the old one"],
            ),
            (
                "Bo Lind called the deal “pretty mild” and Ann Lee said so, too.",
                &["the deal “pretty mild”"],
            ),
        ];
        for (body, expected) in table {
            let texts: Vec<String> = attributed(body).into_iter().map(|(_, t)| t).collect();
            assert_eq!(&texts, expected, "body: {body}");
        }
    }

    #[test]
    fn a_widened_copy_shares_its_speaker() {
        let body = "“a major breach of trust.”\nBo Lind called the move “a major breach of trust.”";
        assert_eq!(
            speakers(body),
            vec![Some("Bo Lind".to_string()), Some("Bo Lind".to_string())]
        );
    }

    #[test]
    fn widens_unattributed_fragments_after_a_speech_verb() {
        // (body, expected quote texts)
        let table: &[(&str, &[&str])] = &[
            (
                "The board called the plan “a mess.”",
                &["the plan “a mess.”"],
            ),
            ("It was “a mess.”", &[]),
        ];
        for (body, expected) in table {
            let texts: Vec<String> = attributed(body).into_iter().map(|(_, t)| t).collect();
            assert_eq!(&texts, expected, "body: {body}");
        }
    }

    #[test]
    fn attributes_bullets_to_the_list_speaker() {
        let q = attributed(
            "Aide Yury Ushakov spoke.\nUshakov outlined several core points:\n• Both sides agreed to talk.\n• No date was set.\nThe end.",
        );
        assert_eq!(q.len(), 2);
        assert!(q.iter().all(|(s, _)| s.as_deref() == Some("Yury Ushakov")));
    }

    #[test]
    fn a_cue_naming_nobody_we_know_leaves_the_quote_unattributed() {
        // "U" of "U.S." is no speaker, and the sentence's subject did not say either quote.
        for body in [
            "Ann Berg \"was let off so lightly that there is little left to do,\" said a former \
             U.S. trade official who ran the talks and described the deal as \"a lesser set of terms.\"",
            "Ann Berg \"was let off so lightly that there is little left to do,\" said a former \
             official who ran the talks and described the deal as \"a lesser set of terms.\"",
            "Ann Berg met the board on Monday, as \"a total failure of the whole plan,\" according \
             to U.S. Census data.",
        ] {
            assert!(speakers(body).iter().all(Option::is_none), "{body}");
        }
        // A speech cue earlier in the sentence still speaks; so does a named source.
        assert_eq!(
            speakers(
                "Ann Berg said the deal was \"a total failure of the whole plan,\" according to \
                 U.S. Census data."
            ),
            [Some("Ann Berg".to_string())]
        );
        assert_eq!(
            speakers(
                "Ann Berg \"was let off so lightly that there is little left to do,\" said Bo \
                 Lind, who ran the talks and described the deal as \"a lesser set of terms.\""
            ),
            [Some("Bo Lind".to_string()), Some("Bo Lind".to_string())]
        );
    }

    #[test]
    fn a_firm_named_with_and_co_speaks_by_its_whole_name() {
        for (body, firm) in [
            (
                "NEW YORK - Zorb Lynch and Co Inc said it was confident.",
                "Zorb Lynch and Co Inc",
            ),
            (
                "Prices rose, brokers Bree Quill and Co Ltd said.",
                "Bree Quill and Co Ltd",
            ),
            ("Then J.P. Zorb & Co said it would sell.", "J.P. Zorb & Co"),
        ] {
            let mut a = Article {
                body: body.to_string(),
                ..Article::default()
            };
            attribute_article(&mut a);
            assert_eq!(a.speakers, [firm], "{body}");
        }
    }

    fn article_speakers(body: &str) -> Vec<String> {
        let mut a = Article {
            body: body.to_string(),
            ..Article::default()
        };
        attribute_article(&mut a);
        a.speakers
    }

    #[test]
    fn a_dateline_is_no_speaker() {
        for body in [
            "BORG, April 3 - The Bank of Zorb issued details of new bank capital rules due to \
             come into force in June, in a circular.",
            "EAST BORG, Ohio, May 9 - High labour costs could hinder growth after 1987, the \
             Council for Widget Trade, CWT, said.",
        ] {
            assert!(
                article_speakers(body).iter().all(|s| !s.contains("BORG")),
                "{body}: {:?}",
                article_speakers(body)
            );
        }
        // A firm in capitals still speaks when no dateline follows.
        assert_eq!(
            article_speakers("BORG, Oct 2 - Widgets will cost more, ZORB said."),
            ["ZORB"]
        );
    }

    #[test]
    fn one_letter_names_nobody() {
        // "The U." is the sentence subject cut at the abbreviation's first period.
        let body = "The U.K. still asks that “fair rules” be set for all, said the U.K. \
                    envoy, who asked not to be named.";
        assert_eq!(speakers(body), [None]);
    }

    #[test]
    fn a_nickname_in_quotes_neither_splits_the_name_nor_is_a_quote() {
        let body = "“The deal is off,” said Ann “Bee” Lee, the chair.";
        assert_eq!(speakers(body), [Some("Ann Lee".to_string())]);
        let body = "The deal is off, said Bo \"Zed\" Lind Jr. of the Acme board.";
        assert!(find_quotes(body).is_empty());
        assert_eq!(article_speakers(body), ["Bo Lind Jr."]);
    }

    #[test]
    fn a_firm_with_a_part_in_brackets_speaks_by_its_whole_name() {
        for (body, firm) in [
            (
                "The price was set at 974 yen, lead manager Zorb Securities Co (Europe) Ltd said.",
                "Zorb Securities Co (Europe) Ltd",
            ),
            (
                "BORG, June 19 - Union Bank of Zorbland (Securities) Ltd said it leads the sale.",
                "Union Bank of Zorbland (Securities) Ltd",
            ),
            (
                "Analyst Bo Lind of Zorb Lynch and Co said prices fell.",
                "Zorb Lynch and Co",
            ),
            (
                "BORG - Zorb (U.K.) Ltd said it would grow.",
                "Zorb (U.K.) Ltd",
            ),
        ] {
            assert_eq!(article_speakers(body), [firm], "{body}");
        }
    }

    #[test]
    fn an_institution_named_with_and_speaks_by_its_whole_name() {
        for (body, whole) in [
            (
                "BORG - The Widget and Gadget Commission said it would review the sale.",
                "Widget and Gadget Commission",
            ),
            (
                "BORG - First Zorb Savings and Loan Association said its board met.",
                "First Zorb Savings and Loan Association",
            ),
        ] {
            assert_eq!(article_speakers(body), [whole], "{body}");
        }
        // Two speakers, not one name: a person, or a body with its own head, before "and".
        for body in [
            "BORG - Ann Lee and Widget Commission said they would meet.",
            "BORG - Zorb Council and Widget Commission said they would meet.",
            "BORG - Zorbland's debt was cut, Zorbland and Acme Bank Plc said.",
        ] {
            assert!(
                article_speakers(body).iter().all(|s| !s.contains(" and ")),
                "{body}"
            );
        }
    }

    #[test]
    fn a_nickname_before_the_surname_keeps_the_whole_name() {
        let body = "“The deal is off,” Ann “Bee” Lee said.";
        assert_eq!(speakers(body), [Some("Ann Lee".to_string())]);
        // A short quote ending a sentence is no nickname of the name before it.
        let body = "Bo Lind praised Zed Quill. “Well done,” he said.";
        assert_eq!(speakers(body), [Some("Bo Lind".to_string())]);
        let body = "Later Bo \"Zed\" Lind told the board it was over.";
        assert_eq!(article_speakers(body), ["Bo Lind"]);
    }

    #[test]
    fn a_body_after_a_titles_of_is_no_part_of_the_name() {
        for (body, name) in [
            (
                "BORG - Minister of Widgets Ann Lee said prices would fall.",
                "Ann Lee",
            ),
            (
                "BORG - Chancellor of the Exchequer John Lind said prices would fall.",
                "John Lind",
            ),
            // No first name we know: the last two words, or three with an initial.
            (
                "BORG - Secretary of Widgets Zed Quill said prices would fall.",
                "Zed Quill",
            ),
            (
                "BORG - Secretary of Widgets Zed Q. Quill said prices would fall.",
                "Zed Q. Quill",
            ),
        ] {
            assert_eq!(article_speakers(body), [name], "{body}");
        }
        // The surname alone later names the same person, not "Exchequer Zed Quill".
        let body = "BORG - Chancellor of the Exchequer Zed Quill\nsaid prices would fall.\n\n\
                    Quill added that wages would rise.";
        assert_eq!(article_speakers(body), ["Zed Quill"]);
    }

    #[test]
    fn a_state_after_its_city_is_no_speaker() {
        let body = "In the hours after the storm hit San Dover, Dela., a familiar voice \
                    praised it: “We are back and we are strong.”";
        assert_eq!(speakers(body), [None]);
        // A name after a comma that ends its sentence still speaks.
        let body = "“We are back,” said the mayor, Ann Lee. Then she left.";
        assert_eq!(speakers(body), [Some("Ann Lee".to_string())]);
    }

    #[test]
    fn a_firm_head_cut_from_its_name_names_nobody() {
        for body in [
            "BORG - Ann Lee and Widget Inc said they would merge.",
            "BORG - Zorb Corp and Widget Inc said they would merge.",
        ] {
            assert!(
                article_speakers(body).iter().all(|s| !s.contains(" and ")),
                "{body}"
            );
        }
        // Neither a cut name ("Widget Corp") nor another firm with that head ("Zorb Corp").
        let body = "The deal went to Zorb Corp.\n\nLater 3Widget Corp said it would sell.";
        assert_eq!(article_speakers(body), Vec::<String>::new());
        let body = "BORG, June 1 - ZB widgets Inc said it would sell the unit.";
        assert!(article_speakers(body).iter().all(|s| s != "Inc"));
    }

    #[test]
    fn a_firm_keeps_a_title_word_that_opens_its_name() {
        assert_eq!(
            article_speakers("BORG, May 2 - General Widgets Corp said it would build a plant."),
            ["General Widgets Corp"]
        );
        assert_eq!(
            article_speakers("Premier Zorb Co said it would sell the unit."),
            ["Premier Zorb Co"]
        );
        // Named later without its head, the firm is still the firm.
        let body = "BORG, May 2 - General Widgets Corp’s unit grew fast.\n\n\
                    Later General Widgets said it would sell the unit.";
        assert_eq!(article_speakers(body), ["General Widgets Corp"]);
        // A person's title still goes.
        assert_eq!(
            article_speakers("General Ann Lee said the troops would stay."),
            ["Ann Lee"]
        );
        assert_eq!(
            article_speakers("General Lind said the troops would stay."),
            ["Lind"]
        );
    }

    #[test]
    fn a_quote_running_on_without_an_opening_mark_takes_the_cue_after_its_close() {
        let body = "Ann Berg spoke first.\n\n\
                    “The first thing you need to win this race is a party that stands together. \
                    It has not stood together since the last time we won.\n\n\
                    That was long ago. Now we can do it again,” Bo Lind says.\n\n\
                    Then the hall went quiet and a band played for the crowd.";
        assert_eq!(speakers(body), [Some("Bo Lind".to_string())]);
    }

    #[test]
    fn scolding_and_singing_are_speech() {
        let body = "Sen. Ann Berg scolded the panel: “You were told twice and did nothing.” \
                    Later, “Keep the lights on for me,” Bo Lind sang to the crowd.";
        assert_eq!(
            speakers(body),
            [Some("Ann Berg".to_string()), Some("Bo Lind".to_string())]
        );
    }

    #[test]
    fn a_pronoun_skips_an_outlet_named_with_the_and_a_possessive() {
        let body = "Acme Weekly reported that the plan failed. In The Acme Weekly’s profile, \
                    critics spoke at length.\n\n\
                    “The plan cannot work in any of its parts,” she said.";
        assert_eq!(speakers(body), [None]);
    }

    #[test]
    fn transcript_labels_speak_their_lines() {
        let body = "Anna Berg, the mayor, spoke to a radio host on Sunday.\n\n\
            \"QUIST: Why now, after all these months of waiting?\n\n\
            \"BERG: We were ready for all of it, and we still are.\n\n\
            \"QUIST: And what comes next for the town?\n\n\
            \"VIDEO: A clip of the rally was shown to the viewers.\n\n\
            ZED LIND: The town will vote in March, not before.";
        let got = attributed(body);
        let line = |start: &str| {
            got.iter()
                .find(|(_, t)| t.contains(start))
                .map(|(s, t)| (s.as_deref(), t.as_str()))
        };
        // The first "QUIST:" names nobody the article knows; the second is the same label.
        assert_eq!(line("Why now").map(|l| l.0), Some(None));
        assert_eq!(
            line("We were ready"),
            Some((
                Some("Anna Berg"),
                "We were ready for all of it, and we still are."
            ))
        );
        assert_eq!(line("what comes next").map(|l| l.0), Some(Some("Quist")));
        // A label met once that names nobody takes no speaker, carried or not.
        assert_eq!(line("A clip").map(|l| l.0), Some(None));
        let mut a = Article {
            body: format!(
                "{body}\n\nZed Lind said the vote was set.\n\nLIND: No later than March."
            ),
            ..Article::default()
        };
        attribute_article(&mut a);
        assert!(
            a.speakers.contains(&"Zed Lind".to_string()),
            "{:?}",
            a.speakers
        );
    }

    #[test]
    fn lists_reported_speakers_after_quoted_ones() {
        let mut a = Article {
            body: "Bo Lind argued that taxes were high. “We need more of it now,” Anna Berg said."
                .to_string(),
            ..Article::default()
        };
        attribute_article(&mut a);
        assert_eq!(a.speakers, vec!["Anna Berg", "Bo Lind"]);
    }

    #[test]
    fn sentence_adverbs_are_no_speakers() {
        for body in [
            // Opening two sentences and never written in lowercase, the word looks like a name.
            "Rather, the board met. The board voted. Rather, sources close to the mayor say she \
             backs the plan.",
            "Shortly after the fire, the board met. Shortly after it ruled last July in favor of \
             the merger, Sen. Bo Lind of Maine, now a mayoral contender, proposed a plan that would \
             cut the fees.",
        ] {
            let mut a = Article {
                body: body.to_string(),
                ..Article::default()
            };
            attribute_article(&mut a);
            assert!(
                a.speakers.iter().all(|s| s == "Bo Lind"),
                "{body}: {:?}",
                a.speakers
            );
        }
        // A surname that is such a word still names its person.
        let mut a = Article {
            body: "Anchor Dan Rather hosted the show. “We will be back,” Rather said.".to_string(),
            ..Article::default()
        };
        attribute_article(&mut a);
        assert_eq!(a.speakers, vec!["Dan Rather"]);
    }

    #[test]
    fn a_tail_after_and_is_no_speaker() {
        for body in [
            "A report issued by the Acme Union for Trade Growth and Renewal noted that more than \
             a fifth of the town was out of work.",
            "The Bureau of Roads and Bridges estimates that one in five bridges is unsafe.",
        ] {
            let mut a = Article {
                body: body.to_string(),
                ..Article::default()
            };
            attribute_article(&mut a);
            assert!(
                a.speakers.iter().all(|s| s.contains(' ')),
                "{body}: {:?}",
                a.speakers
            );
        }
    }

    #[test]
    fn a_title_with_of_before_a_body_keeps_its_speaker() {
        let q = attributed(
            "The vote is near. Speaker of the Acme Assembly Rep. Bo Lind (R-WI) said “taxes have \
             no place in this campaign.”",
        );
        assert_eq!(q[0].0.as_deref(), Some("Bo Lind"));
    }

    #[test]
    fn a_cue_glued_to_the_opening_mark_still_speaks() {
        for body in [
            "Asked about the plan, Bo Lind said,“We are ready for all of it and more.”",
            "The vote is near. “We are ready for all of it and more,”Bo Lind said.",
        ] {
            let q = attributed(body);
            assert_eq!(q[0].0.as_deref(), Some("Bo Lind"), "{body}");
        }
    }

    #[test]
    fn a_firm_keeps_a_title_word_inside_its_name() {
        let mut a = Article {
            body: "Acme General Corp said it would sell the unit, a move the board backed."
                .to_string(),
            ..Article::default()
        };
        attribute_article(&mut a);
        assert_eq!(a.speakers, vec!["Acme General Corp"]);
    }

    #[test]
    fn an_opening_participle_is_no_speaker() {
        let q = attributed(
            "Bo Lind, the plant's chief, spoke on Monday. Noting \"unit one is finished, and we \
             expect it to run by June,\" he said the report ignored it. Noting the delay, he said \
             \"we are ready for all of it.\"",
        );
        assert_eq!(q.len(), 2);
        assert!(
            q.iter().all(|(s, _)| s.as_deref() == Some("Bo Lind")),
            "{q:?}"
        );
    }

    #[test]
    fn joint_speakers_share_the_quote_and_count_as_each() {
        let mut a = Article {
            body: "Maria Holm met Bo Lind. Maria Holm and Bo Lind issued a statement describing it as \
                   “a big step for the town.” “It is a fine day for all of us,” Acme Trade and \
                   Port Works said. Berg Rolf, Maria Holm and Bo Lind said they were “happy with \
                   the result today.”"
                .to_string(),
            ..Article::default()
        };
        attribute_article(&mut a);
        let speakers: Vec<Option<&str>> = a.quotes.iter().map(|q| q.speaker.as_deref()).collect();
        // A list of three is left to its last name; firms are no joint speakers.
        assert_eq!(speakers[0], Some("Maria Holm and Bo Lind"));
        assert!(speakers[1].is_some_and(|s| !s.starts_with("Acme Trade and")));
        assert_eq!(speakers[2], Some("Bo Lind"));
        // The joint speaker counts as each of its two people.
        assert_eq!(a.speakers[..2], ["Bo Lind", "Maria Holm"]);
    }

    #[test]
    fn reports_described_sources_but_not_pronouns() {
        let mut a = Article {
            body: "Bo Lind left. He argued that taxes were high, said a longtime adviser to Acme \
                   Corp."
                .to_string(),
            ..Article::default()
        };
        attribute_article(&mut a);
        assert_eq!(a.speakers, vec!["longtime adviser to Acme Corp"]);
    }

    #[test]
    fn names_headline_speakers() {
        let body = "Bo Lind went home on Monday. Ann Lee left.";
        let table: &[(&str, &[&str])] = &[
            ("Lind: Taxes Are Too High", &["Bo Lind"]),
            ("Acme County Says Taxes Are Too High", &[]),
            ("Bo Lind Says Taxes Are Too High", &["Bo Lind"]),
            ("The Latest: Taxes are too high", &[]),
            ("Bo Lind Wades In, Says Taxes Are Too High", &[]),
            // A headline quoting someone is left alone, whatever its marks.
            ("Bo Lind Says “Taxes Are Too High”", &[]),
            ("Lind: \"Taxes Are Too High\"", &[]),
            ("Lind: «Taxes Are Too High»", &[]),
            ("Lind: Taxes Are Too High – Café Édition", &["Bo Lind"]),
        ];
        for (title, expected) in table {
            let mut a = Article {
                title: Some(title.to_string()),
                body: body.to_string(),
                ..Article::default()
            };
            attribute_article(&mut a);
            assert_eq!(&a.speakers, expected, "title: {title}");
        }
    }

    #[test]
    fn survives_hostile_inputs() {
        let inputs = [
            "“".repeat(5000),
            "\"".repeat(5001),
            "“open\n\n".repeat(10_000),
            "é said “x ".repeat(100_000),
            "Mr. ".repeat(50_000),
        ];
        let names: String = (0..20_000u32)
            .map(|i| {
                let a = char::from(b'a' + (i % 26) as u8);
                let b = char::from(b'a' + (i / 26 % 26) as u8);
                let c = char::from(b'a' + (i / 676 % 26) as u8);
                format!("Bo{a}{b}{c} said “one two three four.” ")
            })
            .collect();
        for body in inputs.iter().chain([&names]) {
            let mut a = Article {
                body: body.clone(),
                ..Article::default()
            };
            attribute_article(&mut a);
        }
    }
}
