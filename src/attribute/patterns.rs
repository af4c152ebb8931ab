//! The cue patterns, compiled once from the word lists in `cues.rs`: who speaks next to a
//! quote ("X said", "said X", "X, a spokesman for Y, said", "according to X") and which
//! capitalised runs in the text are full names to remember.

use std::ops::Range;
use std::sync::LazyLock;

use regex::{Regex, RegexBuilder};

use super::detect::{ceil_char, floor_char, is_abbreviation, sentence_start};
use super::subject::{is_aux, is_plain_tail, phrase_end};
use super::verbs::{Verb, speech_verbs};
use crate::hash::HashSet;

use super::cues::{
    ABBREVIATIONS, GROUP_NOUNS, INVERTED_VERBS, IRREGULAR_PAST, KIN_NOUNS, NOT_SPEAKERS, ORG_NOUNS,
    PARTICIPLES, PASSIVE_PARTICIPLES, ROLE_NOUNS, SOURCE_NOUNS, TITLES, TITLES_WITH_OF,
};

/// One capitalised word of a name, an initial, or a particle inside a name.
/// Latin letters only (with Latin-1 accents): far smaller automata than `\p{L}`, and the
/// cue patterns are written for English prose anyway.
/// A period is kept only on initials, short words and known abbreviations ("F.", "Sen.",
/// "Capt."), so that a run of names never crosses a sentence end ("… Republic. Smith said").
/// Joined initials ("G.K.") are one word. Combining accents (decomposed text) and Latin-1
/// signs inside a word keep a name whole, also when it was decoded twice ("PeÃ±a").
static WORD_PATTERN: LazyLock<String> = LazyLock::new(|| {
    let long: Vec<&str> = ABBREVIATIONS
        .iter()
        .copied()
        .filter(|a| a.len() > 3 && a.starts_with(|c: char| c.is_ascii_uppercase()))
        .collect();
    format!(
        r"(?:(?:[A-Z]\.){{2,3}}|(?:{})\.|[A-Z][a-z]{{0,2}}\.|[A-ZÀ-ÖØ-Þ][A-Za-zÀ-ÖØ-öø-ÿ’'\-\x{{80}}-\x{{9F}}\x{{300}}-\x{{36F}}\x{{A1}}-\x{{AA}}\x{{AC}}-\x{{BA}}\x{{BC}}-\x{{BF}}]*)",
        long.join("|")
    )
});
pub(super) const PARTICLE: &str =
    r"(?:de|van|von|der|den|al|el|bin|ibn|la|le|du|da|di|del|dos|St\.)";

/// A run of capitalised words (a name or an organisation), one to five words.
fn name_run() -> String {
    let word = WORD_PATTERN.as_str();
    format!(r"{word}(?:\s+(?:{PARTICLE}\s+)?{word})*")
}

/// The words of an alternation in the order the patterns try them: longest first.
pub(super) fn alternation_order<'w>(words: &[&'w str]) -> Vec<&'w str> {
    let mut v: Vec<&str> = words.to_vec();
    v.sort_by_key(|s| std::cmp::Reverse(s.len()));
    v.dedup();
    v
}

fn alternation(words: &[&str]) -> String {
    alternation_order(words)
        .iter()
        .map(|w| regex::escape(w).replace(' ', r"\s+"))
        .collect::<Vec<_>>()
        .join("|")
}

/// A speaker phrase: a name (optionally "X’s campaign", "Ohio election officials"), a role ("the RNC member", "a
/// spokesman"), or a pronoun.
fn subject(group: &str) -> String {
    let run = name_run();
    let org = alternation(ORG_NOUNS);
    let role = alternation(ROLE_NOUNS);
    let groups = alternation(GROUP_NOUNS);
    format!(
        r"(?P<{group}>(?-u:\b)(?:{run}(?:(?:['’]s?)?\s+(?:{org})(?-u:\b)|\s+(?:[a-z\-]+\s+){{0,2}}?(?:{groups})(?-u:\b))?|(?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Tt]heir|[Oo]ne)\s+(?:[A-Za-z’'\-]+\s+){{0,3}}?(?:{role})s?(?-u:\b)|[Hh]e|[Ss]he))"
    )
}

/// An apposition or bracket between a speaker and the verb: ", a spokesman for Y," "(R-Texas)".
/// Before it, an age and a place may stand: "Ann Lee, 60, of Dover, Del., a clerk, said".
const APPOSITION: &str = r"(?:\s*\([^()]+\),?)?(?:,\s+(?:\d{1,3},\s+)?(?:(?:of|from)\s+[^,;:“”_\n]+,\s+(?:[A-Z][A-Za-z]*\.(?:[A-Z]\.)?,\s+)?)?(?P<a>[^,;:“”_\n]+),)?";

/// When, between a speaker and the verb: "Ann Lee on Sunday said", "Ann Lee late Tuesday said".
const WHEN: &str = r"(?:\s+(?:on|late|early|later|earlier|last|this)\s+(?:[A-Z][a-z]+day|week|night|morning)(?:\s+(?:morning|afternoon|evening|night))?)?";

/// Auxiliaries and adverbs between a speaker and the verb: "also said", "has repeatedly said".
const AUX: &str = r"(?:[ \t]+(?:also|later|then|again|once|previously|recently|earlier|has|had|have|was|is|would|will|could|did|does|do|already|simply|only|just|quickly|often|kept|keeps|went|goes|[a-z]+ly)){0,3}";

/// Builds a regex with room for a large lazy DFA (the cue patterns are big alternations).
/// `\s` is narrowed to ASCII spaces and the no-break space: Unicode `\s` multiplies states.
fn build(pattern: &str) -> Regex {
    let pattern = pattern.replace(r"\s", r"[ \t\r\n\x{a0}]");
    RegexBuilder::new(&pattern)
        .size_limit(64 << 20)
        .dfa_size_limit(64 << 20)
        .build()
        .expect("valid attribution pattern")
}

/// Any speech verb, as a whole word: the pattern [`speech_verbs`] matches like, which finds
/// them without an automaton (and does not compile one, a fixed cost of every run).
#[cfg(test)]
pub static VERB: LazyLock<Regex> = LazyLock::new(|| {
    build(&format!(
        r"(?-u:\b)(?:{})(?-u:\b)",
        alternation(super::cues::SPEECH_VERBS)
    ))
});

/// The speaker ending right before a verb: `Peskov `, `Peskov, an aide, `, `he also `.
static SUBJECT_BEFORE: LazyLock<Regex> =
    LazyLock::new(|| build(&format!(r"{}{APPOSITION}{WHEN}{AUX}\s+$", subject("s"))));

/// The speaker phrase alone, and what may follow it before the verb when there is no
/// apposition: the hand parsers of `subject.rs` ([`phrase_end`], [`is_plain_tail`]) read
/// them, and the tests hold those to these patterns.
#[cfg(test)]
pub(super) static SUBJECT_ALONE: LazyLock<Regex> = LazyLock::new(|| build(&subject("s")));
#[cfg(test)]
pub(super) static PLAIN_TAIL: LazyLock<Regex> =
    LazyLock::new(|| build(&format!(r"^{WHEN}{AUX}\s+$")));
/// What may follow the speaker phrase before the verb, apposition included.
static TAIL: LazyLock<Regex> = LazyLock::new(|| build(&format!(r"^{APPOSITION}{WHEN}{AUX}\s+$")));

/// `SUBJECT_ALONE`'s leftmost-first match starting at byte `at` of `text`, if one does: read
/// by the hand parser [`phrase_end`], which the tests hold to the pattern.
fn subject_at(text: &str, at: usize) -> Option<Range<usize>> {
    phrase_end(text, at).map(|end| at..end)
}

/// The groups `s` (speaker) and, for a role ("the nominee, Ann Lee,": the only speaker whose
/// apposition is read), `a` (apposition) of [`SUBJECT_BEFORE`] in `window`, as byte ranges.
///
/// Same spans as its capture search, which (a bounded backtracker over a large automaton) was
/// a tenth of attribution time, but mostly with DFA scans: the speaker is the phrase the
/// capture search tries first, i.e. `SUBJECT_ALONE`'s leftmost-first match at the match start,
/// as soon as the rest of the match is a tail (adverbs, a day) before the verb. When the match
/// holds no comma and no bracket, the apposition is empty; otherwise the tail's own capture
/// search (a small automaton over a few bytes) gives it, for a role only.
fn subject_before(window: &str) -> Option<(Range<usize>, Option<Range<usize>>)> {
    let start = SUBJECT_BEFORE.find(window)?.start();
    if let Some(s) = subject_at(window, start) {
        if !window[start..].contains([',', '(']) {
            if is_plain_tail(&window[s.end..]) {
                return Some((s, None));
            }
        } else if !is_role(&window[s.clone()]) {
            if TAIL.is_match(&window[s.end..]) {
                return Some((s, None));
            }
        } else if let Some(c) = TAIL.captures(&window[s.end..]) {
            let a = c.name("a").map(|a| s.end + a.start()..s.end + a.end());
            return Some((s, a));
        }
    }
    let c = SUBJECT_BEFORE.captures(window)?;
    let s = c.name("s")?.range();
    let a = c.name("a").filter(|_| is_role(&window[s.clone()]));
    Some((s, a.map(|a| a.range())))
}

/// The speaker right after an inverted verb: ` Peskov`, ` Sen. Ted Cruz`.
static SUBJECT_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    let titles = alternation(TITLES);
    let roles = alternation(ROLE_NOUNS);
    build(&format!(
        r"^\s+(?:(?:the|a|an|his|her|their)\s+(?:[a-z\-]+\s+){{0,3}}(?:of|from|by|at|for)\s+(?:the\s+)?|[a-z]+\s+(?:by|from)\s+(?:the\s+)?)?(?:(?:{titles})\s+|(?:[A-Za-z\-]+\s+){{0,3}}?(?:{roles})(?:\s+of\s+[Ss]tate)?\s+|the\s+)?{}",
        subject("s")
    ))
});

/// A speech cue found in (masked) text: a verb and the phrase naming its speaker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cue {
    /// Byte range of the speaker phrase.
    pub subject: (usize, usize),
    /// Byte range of the verb.
    pub verb: (usize, usize),
    /// The speaker comes after the verb ("said Peskov", "according to Peskov").
    pub inverted: bool,
    /// The agent of a passive ("reported by Acme News"): a source of the article, but no
    /// speaker for a quote nearby.
    pub agent: bool,
}

impl Cue {
    /// A speaker phrase before its verb ("Peskov said").
    fn before(subject: (usize, usize), verb: &Verb) -> Self {
        let verb = (verb.start(), verb.end());
        Self {
            subject,
            verb,
            inverted: false,
            agent: false,
        }
    }
    /// A speaker phrase after its verb ("said Peskov").
    fn after(subject: (usize, usize), verb: &Verb) -> Self {
        Self {
            inverted: true,
            ..Self::before(subject, verb)
        }
    }
    pub fn start(&self) -> usize {
        self.subject.0.min(self.verb.0)
    }
    pub fn end(&self) -> usize {
        self.subject.1.max(self.verb.1)
    }
}

/// How far before a verb its speaker may start, and after it for inverted cues.
const SUBJECT_WINDOW: usize = 160;
const INVERTED_WINDOW: usize = 80;

/// All speech cues of a (masked) paragraph, in text order. Each verb is looked at once, with
/// bounded windows on either side: linear in the paragraph's length.
pub fn find_cues(text: &str) -> Vec<Cue> {
    cues_of(text, speech_verbs(text))
}

/// [`find_cues`] given the speech verbs of `text` (left to right, as [`speech_verbs`] gives
/// them).
pub fn cues_of<'t>(text: &'t str, verbs: impl IntoIterator<Item = Verb<'t>>) -> Vec<Cue> {
    let mut cues: Vec<Cue> = Vec::new();
    for v in verbs {
        let from = ceil_char(text, v.start().saturating_sub(SUBJECT_WINDOW));
        let to = floor_char(text, v.end() + INVERTED_WINDOW);
        // "The plan was first reported by Acme News", "asked by Ann Lee": the agent after "by"
        // is the source.
        let after = &text[v.end()..to];
        if after.trim_start().starts_with("by ")
            && let Some(s) = AGENT_BY
                .captures(after)
                .and_then(|c| c.name("s"))
                .filter(|s| !matches!(s.as_str(), "he" | "she" | "He" | "She"))
        {
            let start = v.end() + s.start();
            cues.push(Cue {
                subject: (start, start + trim_period(s.as_str())),
                verb: (v.start(), v.end()),
                inverted: true,
                agent: true,
            });
            continue;
        }
        // "…, according to Ann Lee": the source always follows.
        let according = v.as_str().eq_ignore_ascii_case("according to");
        let window = &text[from..v.start()];
        // "Acme’s campaign manager, Ann Lee, said": the name set off after a role.
        if !according && let Some((a, b)) = apposed_name(window) {
            cues.push(Cue::before((from + a, from + b), &v));
            continue;
        }
        if !according && let Some((s, a)) = subject_before(window) {
            // "Ann Lee was asked": a passive subject is spoken to, not a speaker.
            if is_passive(&window[s.end..], v.as_str()) {
                continue;
            }
            // "statements by Ann Lee calling for a ban": a participle has no subject of its own
            // unless a form of "be" makes it a verb ("Ann Lee is calling for") or it opens a
            // clause of its own ("…, Ann Lee saying she was “…” and Bo Lind calling it …").
            let first = v.as_str().split_whitespace().next().unwrap_or("");
            let lead = text[..from + s.start].trim_end();
            let absolute = lead.is_empty()
                || lead.ends_with([',', ';', '—', '–', '-'])
                || lead.ends_with(" and")
                || lead.ends_with(" with");
            if first.ends_with("ing")
                && !absolute
                && !is_progressive(&text[from + s.end..v.start()])
            {
                continue;
            }
            // "the nominee, Ann Lee, said": the apposition is the name.
            let s = match a {
                Some(a) if is_role(&window[s.clone()]) && is_name(&window[a.clone()]) => a,
                _ => s,
            };
            let (start, end) = (from + s.start, from + s.end);
            if ends_possessive(&window[s.clone()]) || !plain_group(&window[s]) {
                // "Ann Lee’s remarks": a noun phrase, not a speaker and a verb.
                continue;
            }
            // "Ann Lee of Ohio said", "a clerk from Dover, Kent, said": the place is not the
            // speaker; the sentence's subject is, if it opens the sentence.
            // "Ann Lee, who is Muslim, said": a word inside a relative clause is not either.
            let subject =
                if follows_preposition(&text[..start]) || in_relative_clause(&text[..start]) {
                    sentence_subject(text, start).or_else(|| name_before_place(text, start, end))
                } else {
                    Some((start, end))
                };
            if let Some(subject) = subject {
                cues.push(Cue {
                    subject,
                    verb: (v.start(), v.end()),
                    inverted: false,
                    agent: false,
                });
            }
            continue;
        }
        // Right after a closing quote any speech verb may come first: "…,” mused Ann Lee.
        let after_quote = text[..v.start()]
            .trim_end()
            .trim_end_matches([',', '.', '!', '?'])
            .ends_with(['”', '"']);
        let loose = !INVERTED_VERBS
            .iter()
            .any(|w| w.eq_ignore_ascii_case(v.as_str()));
        // Not a participle ("…,” telling Acme News) nor a verb with an object ("…” thanked Ann
        // Lee for …): the name must end the clause.
        if loose && (!after_quote || v.as_str().ends_with("ing")) {
            continue;
        }
        // "Ann Lee came and said the senator can …": mid-clause, "said" names no speaker after
        // it; after a quote, a comma or a sentence end it does ("…,” said Ann Lee").
        let lead = text[..v.start()].trim_end();
        let clause_start = after_quote || lead.ends_with([',', '\'', '’', '“', '_']);
        let sentence_end = ['.', '!', '?', ':', ';', '—', '–', '('];
        if !according && !clause_start && !lead.is_empty() && !lead.ends_with(sentence_end) {
            continue;
        }
        let pushed = cues.len();
        if let Some((a, b)) = (!loose && clause_start)
            .then(|| role_then_name(&text[v.end()..to]))
            .flatten()
        {
            let start = v.end() + a;
            let end = start + trim_period(&text[start..v.end() + b]);
            cues.push(Cue::after((start, end), &v));
        } else if let Some(s) = DESCRIBED_SOURCE
            .captures(&text[v.end()..to])
            .and_then(|c| c.name("s"))
        {
            let start = v.end() + s.start();
            let end = start + trim_period(s.as_str());
            cues.push(Cue::after((start, end), &v));
        } else if let Some((a, b)) = described_name_end(&text[v.end()..to]) {
            let start = v.end() + a;
            let end = start + trim_period(&text[start..v.end() + b]);
            cues.push(Cue::after((start, end), &v));
        } else if let Some(s) = SUBJECT_AFTER
            .captures(&text[v.end()..to])
            .and_then(|c| c.name("s"))
            .filter(|s| !matches!(s.as_str(), "he" | "she" | "He" | "She"))
        {
            let end = v.end() + s.start() + trim_period(s.as_str());
            cues.push(Cue::after((v.end() + s.start(), end), &v));
        } else if let Some(s) = described_name(&text[v.end()..to]) {
            let start = v.end() + s.0;
            let end = start + trim_period(&text[start..v.end() + s.1]);
            cues.push(Cue::after((start, end), &v));
        } else if according
            && let Some(s) = ACCORDING_SOURCE
                .captures(&text[v.end()..to])
                .and_then(|c| c.name("s"))
        {
            // "according to a 2015 Acme Research survey": the name inside the source phrase.
            let start = v.end() + s.start();
            cues.push(Cue::after((start, start + trim_period(s.as_str())), &v));
        }
        if loose
            && cues.len() > pushed
            && !cues
                .last()
                .is_some_and(|c| ends_clause(&text[c.subject.1..]))
        {
            cues.pop();
        }
    }
    cues
}

/// After an inverted verb, a descriptor ending in a role, a comma and a full name that ends
/// the phrase: " Acme’s deputy campaign manager, Ann Lee, who", " the host, actress Ann Lee."
static ROLE_THEN_NAME: LazyLock<Regex> = LazyLock::new(|| {
    let word = WORD_PATTERN.as_str();
    build(&format!(
        r"^\s+(?P<d>(?:[A-Za-z0-9][A-Za-z0-9’'\-]*\s+){{0,5}}(?P<r>[a-z][a-z\-]*)),\s+(?:[a-z\-]+\s+){{0,2}}(?P<s>{word}(?:\s+(?:{PARTICLE}\s+)?{word}){{1,4}})(?:\s*[,;:()—–]|\.?\s*$|\.\s)"
    ))
});

/// The full name of " Acme’s deputy campaign manager, Ann Lee," after an inverted verb: the
/// descriptor ends in a role noun and opens with no preposition ("in an interview with the
/// host, Ann Lee"). Byte range of the name in `after`.
fn role_then_name(after: &str) -> Option<(usize, usize)> {
    let c = ROLE_THEN_NAME.captures(after)?;
    let (d, r, s) = (c.name("d")?, c.name("r")?, c.name("s")?);
    let role = r.as_str().rsplit('-').next().unwrap_or("");
    let first = d.as_str().split_whitespace().next().unwrap_or("");
    let role = ROLE_NOUNS.contains(&role) || KIN_NOUNS.contains(&role);
    (role && !PREPOSITIONS.contains(&first) && is_name(s.as_str())).then(|| (s.start(), s.end()))
}

/// A full name between commas right before a verb: ", Ann Lee, " (adverbs may follow).
static APPOSED_NAME: LazyLock<Regex> = LazyLock::new(|| {
    let word = WORD_PATTERN.as_str();
    build(&format!(
        r",\s+(?P<s>{word}(?:\s+(?:{PARTICLE}\s+)?{word}){{1,4}}),{AUX}\s+$"
    ))
});

/// "Acme’s campaign manager, Ann Lee, said", "The leader of the Acme League, Ann Lee, said": a
/// full name set off by commas before the verb, right after a role noun (or its "of" phrase) (not in a list: "aides and the manager, Ann Lee, said"). Byte
/// range of the name in `before`.
fn apposed_name(before: &str) -> Option<(usize, usize)> {
    // The pattern's last comma is the text's last: only adverbs and spaces may follow it;
    // another comma comes before it.
    let bytes = before.as_bytes();
    let last = memchr::memrchr(b',', bytes)?;
    if !aux_tail(&before[last + 1..]) || memchr::memrchr(b',', &bytes[..last]).is_none() {
        return None;
    }
    let s = APPOSED_NAME.captures(before)?.name("s")?;
    let head_end = before[..s.start()].trim_end_matches([' ', ',']).len();
    let from = sentence_start(before, head_end, head_end);
    let head = &before[from..head_end];
    let cut = [',', ';', ':', '”', '"', '_', '(', ')'];
    let head = head.rsplit(cut).next().unwrap_or(head);
    let words: Vec<&str> = head.split_whitespace().rev().take(8).collect();
    // The role ends the phrase ("Acme’s manager") or is followed by what it leads ("The
    // leader of the Acme League").
    let role = words
        .first()
        .is_some_and(|w| ROLE_NOUNS.contains(w) || KIN_NOUNS.contains(w))
        || words
            .windows(2)
            .any(|p| matches!(p[0], "of" | "for" | "at") && ROLE_NOUNS.contains(&p[1]));
    let listed = words
        .iter()
        .any(|w| matches!(*w, "including" | "like" | "and" | "or" | "as" | "with"));
    (role && !listed && is_name(s.as_str())).then(|| (s.start(), s.end()))
}

/// The words [`AUX`] names, besides any lowercase word ending in "ly" (`subject::is_aux`
/// matches them).
#[cfg(test)]
pub(super) const AUX_TAIL_WORDS: &[&str] = &[
    "also",
    "later",
    "then",
    "again",
    "once",
    "previously",
    "recently",
    "earlier",
    "has",
    "had",
    "have",
    "was",
    "is",
    "would",
    "will",
    "could",
    "did",
    "does",
    "do",
    "already",
    "simply",
    "only",
    "just",
    "quickly",
    "often",
    "kept",
    "keeps",
    "went",
    "goes",
];

/// Whether `rest` may be what `{AUX}\s+$` matches: at most three words, each an [`AUX`]
/// word, and a space at the end. A necessary condition, cheap to test, that turns away most
/// texts before a pattern ending in it is run.
fn aux_tail(rest: &str) -> bool {
    let space = |c: char| matches!(c, ' ' | '\t' | '\r' | '\n' | '\u{a0}');
    let mut words = rest.split(space).filter(|w| !w.is_empty());
    rest.ends_with(space) && words.by_ref().take(3).all(is_aux) && words.next().is_none()
}

/// Whether a speaker phrase ends its clause where `rest` begins: punctuation, the end, or a
/// relative pronoun or age ("Ann Lee, who", "Ann Lee, 30,").
fn ends_clause(rest: &str) -> bool {
    let rest = rest.trim_start();
    rest.is_empty() || rest.starts_with([',', ';', ':', '.', '(', '—', '–'])
}

/// Whether the words between a subject and an "-ing" verb hold a form of "be" ("is calling").
fn is_progressive(between: &str) -> bool {
    between.split_whitespace().any(|w| {
        matches!(
            w,
            "is" | "was" | "are" | "were" | "been" | "be" | "’s" | "'s" | "keeps" | "kept"
        )
    })
}

/// Whether the words between a subject and its verb make the verb passive ("was asked", "has
/// been told"): a form of "be", then a past participle.
pub fn is_passive(between: &str, verb: &str) -> bool {
    let participle = verb.ends_with("ed") || PASSIVE_PARTICIPLES.contains(&verb);
    // Walk back over adverbs ("was first reported", "has been repeatedly asked").
    let before = between.split_whitespace().rev().find(|w| {
        !(w.ends_with("ly")
            || matches!(
                *w,
                "also"
                    | "first"
                    | "later"
                    | "then"
                    | "again"
                    | "not"
                    | "never"
                    | "just"
                    | "already"
                    | "once"
                    | "since"
            ))
    });
    participle
        && before
            .is_some_and(|w| matches!(w, "was" | "were" | "is" | "are" | "been" | "being" | "be"))
}

/// The agent of a passive speech verb: " by Ann Lee", " by the Acme Times".
static AGENT_BY: LazyLock<Regex> = LazyLock::new(|| {
    build(&format!(
        r"^\s+by\s+(?:the\s+)?(?:(?:{})\s+)?{}",
        alternation(TITLES),
        subject("s")
    ))
});

/// A source phrase after "according to" that holds a name after lowercase words: " a 2015
/// Acme Research survey", " polling by the Acme Union". The phrase ends at punctuation.
static ACCORDING_SOURCE: LazyLock<Regex> = LazyLock::new(|| {
    build(&format!(
        r"^\s+(?:[a-z0-9][a-z0-9’'\-]*\s+){{0,6}}?(?P<s>{})",
        name_run()
    ))
});

/// A full name after a descriptor that ends in an agent noun: " retired neurosurgeon Ann
/// Lee", " Republican party boss Ann Lee". Byte range of the name in `after`.
fn described_name(after: &str) -> Option<(usize, usize)> {
    let c = DESCRIBED.captures(after)?;
    let (d, s) = (c.name("d")?, c.name("s")?);
    let words: Vec<&str> = d.as_str().split_whitespace().collect();
    let last = words.last()?;
    let agent = AGENT_SUFFIXES.iter().any(|x| last.ends_with(x));
    let plain = !words.iter().any(|w| FUNCTION_WORDS.contains(w));
    (agent && plain).then(|| (s.start(), s.end()))
}

/// A name that ends the speaker phrase after an inverted verb, behind a plain descriptor:
/// " Republican party boss Ann Lee", " Army Capt. Bo Lind, who", " the Kremlin." Byte range
/// of the name in `after`. A descriptor holding a function word ("in a statement") is none.
fn described_name_end(after: &str) -> Option<(usize, usize)> {
    let c = NAME_ENDING_PHRASE.captures(after)?;
    let (d, s) = (c.name("d")?, c.name("s")?);
    let mut words = d.as_str().split_whitespace().peekable();
    if words
        .peek()
        .is_some_and(|w| matches!(*w, "the" | "a" | "an"))
    {
        words.next();
    }
    let words: Vec<&str> = words.collect();
    let plain = words.iter().all(|w| {
        let bare = w.strip_suffix('.');
        !FUNCTION_WORDS.contains(&w.to_lowercase().as_str()) && bare.is_none_or(is_abbreviation)
    });
    // The descriptor ends in a title or an agent noun ("party boss"), not a verb ("hates"); a
    // title may also stand inside the run, before the name ("retired Army Lt. Gen. Ann Lee").
    let run: Vec<&str> = s.as_str().split_whitespace().collect();
    let run_titled = run
        .split_last()
        .is_some_and(|(_, head)| head.iter().any(|w| TITLES.contains(w)));
    let titled = run_titled
        || words.last().is_none_or(|w| {
            w.starts_with(|c: char| c.is_uppercase())
                || ROLE_NOUNS.contains(w)
                || w.rsplit_once('-')
                    .is_some_and(|(_, n)| ROLE_NOUNS.contains(&n))
                || AGENT_SUFFIXES.iter().any(|x| w.ends_with(x))
        });
    // "Acme ally Ann Lee": a lowercase noun after a capitalised word describes a full name.
    let tied = words.len() >= 2
        && words[words.len() - 2].starts_with(|c: char| c.is_uppercase())
        && words[words.len() - 1]
            .chars()
            .all(|c| c.is_ascii_lowercase())
        && s.as_str().split_whitespace().nth(1).is_some();
    (plain && (titled || tied)).then(|| (s.start(), s.end()))
}

/// Up to six descriptor words, then a name run that ends the phrase (punctuation, the end,
/// or a preposition or relative pronoun).
static NAME_ENDING_PHRASE: LazyLock<Regex> = LazyLock::new(|| {
    build(&format!(
        r"^\s+(?P<d>(?:[A-Za-z0-9][A-Za-z0-9’'\-]*\.?\s+){{0,6}}?)(?P<s>{})(?:\s*(?:[,.;:()\[\]—–]|$)|\s+(?:of|from|at|in|for|with|who|whose|which|and|when|while|after|before|as)(?-u:\b))",
        name_run()
    ))
});

/// An unnamed source tied to a name after an inverted verb: " a longtime adviser to Ann
/// Lee", " one Democrat familiar with the Acme campaign".
static DESCRIBED_SOURCE: LazyLock<Regex> = LazyLock::new(|| {
    let nouns = alternation(SOURCE_NOUNS);
    let org = alternation(ORG_NOUNS);
    build(&format!(
        r"^\s+(?P<s>(?:a|an|one|another)\s+(?:[A-Za-z’'\-]+\s+){{0,3}}?(?:{nouns})\s+(?:close\s+to|familiar\s+with|for|to|with|in)\s+(?:the\s+)?{run}(?:(?:['’]s?)?\s+(?:{org})(?-u:\b))?)",
        run = name_run()
    ))
});

/// Endings of agent nouns ("neurosurgeon", "strategist", "boss", "nominee").
const AGENT_SUFFIXES: &[&str] = &[
    "er", "or", "ist", "ian", "ant", "ent", "man", "woman", "eon", "oss", "ief", "ive", "ate",
    "ee", "ary", "ess",
];

/// Words that show a phrase after a verb is no descriptor of the speaker ("said in a
/// statement", "said after the vote", "said later").
const FUNCTION_WORDS: &[&str] = &[
    "in",
    "on",
    "at",
    "of",
    "to",
    "for",
    "from",
    "by",
    "with",
    "the",
    "a",
    "an",
    "and",
    "but",
    "or",
    "that",
    "this",
    "these",
    "those",
    "after",
    "before",
    "during",
    "when",
    "while",
    "as",
    "his",
    "her",
    "their",
    "its",
    "our",
    "your",
    "my",
    "is",
    "was",
    "were",
    "be",
    "been",
    "has",
    "had",
    "have",
    "also",
    "later",
    "then",
    "never",
    "ever",
    "over",
    "under",
    "whether",
    "other",
    "either",
    "rather",
    "neither",
    "per",
    "about",
    "into",
    "via",
    "since",
    "until",
    "than",
    "statement",
    "moment",
    "comment",
    "event",
    "interview",
    "letter",
];

/// One optional capitalised word, then one to three lowercase words, then a full name.
static DESCRIBED: LazyLock<Regex> = LazyLock::new(|| {
    let word = WORD_PATTERN.as_str();
    build(&format!(
        r"^\s+(?P<d>(?:[A-Z][a-z]+\s+)?(?:[a-z\-]+\s+){{1,3}})(?P<s>{word}(?:\s+(?:{PARTICLE}\s+)?{word})+)"
    ))
});

/// Length of a name without a sentence-final period ("said Ann Lee." → "Ann Lee"); an
/// initial or abbreviation ("John F.", "Jr.") keeps it.
pub fn trim_period(name: &str) -> usize {
    // Most names end in no period: the last word is looked at only for one that does.
    if !name.ends_with('.') {
        return name.len();
    }
    let last = name.rsplit(' ').next().unwrap_or(name);
    if last.chars().nth(3).is_some() && !last[..last.len() - 1].contains('.') {
        name.len() - 1
    } else {
        name.len()
    }
}

/// [`GROUP_NOUNS`] for a lookup per cue.
static GROUP_SET: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| GROUP_NOUNS.iter().copied().collect());

/// Whether the lowercase words of a subject before its group noun are modifiers ("Ohio
/// election officials"), not a verb phrase ("Ann Lee is assuring voters").
fn plain_group(subject: &str) -> bool {
    // The words before the last, without collecting them: this runs for every cue.
    let mut modifiers = subject.split_whitespace();
    let last = modifiers.next_back();
    let grouped = modifiers.clone().next().is_some()
        && subject.starts_with(|c: char| c.is_uppercase())
        && last.is_some_and(|w| GROUP_SET.contains(w));
    !grouped
        || modifiers.all(|w| {
            !w.starts_with(|c: char| c.is_ascii_lowercase())
                || !(FUNCTION_WORDS.contains(&w)
                    || w.ends_with("ing")
                    || w.ends_with("ed")
                    || w.ends_with("ly")
                    || AUX_WORDS.contains(&w))
        })
}

/// Auxiliaries and speech verbs that show a lowercase word is no modifier.
const AUX_WORDS: &[&str] = &[
    "are", "will", "would", "can", "could", "should", "may", "might", "must", "does", "did", "do",
    "said", "says", "told", "tells", "say", "tell",
];

/// Whether a phrase ends with a possessive word ("Ann Lee’s").
fn ends_possessive(phrase: &str) -> bool {
    phrase.ends_with("’s") || phrase.ends_with("'s") || phrase.ends_with('’')
}

const PREPOSITIONS: &[&str] = &[
    "of", "from", "in", "at", "for", "with", "to", "by", "on", "near", "outside", "inside",
];

/// A full name followed by the places it is from, ending right before `pos`: "Ann Lee of the
/// Acme Center for |Policy Studies said", "“…,” Ann Lee from |Ohio wrote".
static NAME_BEFORE_PLACE: LazyLock<Regex> = LazyLock::new(|| {
    let word = WORD_PATTERN.as_str();
    build(&format!(
        r"(?-u:\b)(?P<s>{word}(?:\s+(?:{PARTICLE}\s+)?{word}){{1,3}})(?:\s+(?:of|from|at|for)\s+(?:the\s+)?{word}(?:\s+{word})*)*\s+(?:of|from|at|for)\s+(?:the\s+)?$"
    ))
});

/// The full name before "of …"/"from …" when the subject `pos..end` follows such a word and
/// no sentence subject speaks: "Of course, as Ann Lee of Acme observed", "“…,” Ann Lee of the
/// Acme Center wrote". An organisation ("the Acme Society of Civil Engineers") is named whole.
fn name_before_place(text: &str, pos: usize, end: usize) -> Option<(usize, usize)> {
    let from = ceil_char(text, pos.saturating_sub(SUBJECT_WINDOW));
    let s = NAME_BEFORE_PLACE.captures(&text[from..pos])?.name("s")?;
    let first = s.as_str().split_whitespace().next()?;
    let last = s.as_str().split_whitespace().last()?;
    if !is_name(s.as_str()) || NOT_SPEAKERS.contains(&first) || TITLES.contains(&last) {
        return None;
    }
    let org = ORG_HEADS.contains(&last);
    Some((from + s.start(), if org { end } else { from + s.end() }))
}

/// Last words of organisations named "X of Y" ("Acme Society of Engineers").
const ORG_HEADS: &[&str] = &[
    "Association",
    "Society",
    "Chamber",
    "Directorate",
    "School",
    "University",
    "Institute",
    "Center",
    "Centre",
    "Council",
    "Committee",
    "Department",
    "Office",
    "Board",
    "Bureau",
    "Foundation",
    "College",
    "Union",
    "League",
    "Federation",
    "Academy",
    "Agency",
    "Commission",
    "Coalition",
    "Alliance",
    "Party",
    "Court",
    "Ministry",
    "Service",
    "Group",
    "Company",
];

/// Whether the text before a subject ends inside a describing clause: ", who is ".
fn in_relative_clause(before: &str) -> bool {
    let tail = &before[floor_char(before, before.len().saturating_sub(60))..];
    last_comma_space(tail).is_some_and(|i| {
        let clause = &tail[i + 2..];
        clause.starts_with("who is ") || clause.starts_with("who was ")
    })
}

/// Where the last ", " of `text` starts (as `rsplit_once(", ")` cuts it, with no searcher
/// to build for each call).
fn last_comma_space(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    memchr::memrchr_iter(b',', bytes).find(|&i| bytes.get(i + 1) == Some(&b' '))
}

/// Whether the text before a subject ends with a preposition ("… of Ohio", "… for the Acme
/// Party"), other than the "of" of a title ("Secretary of State Ann Lee").
fn follows_preposition(before: &str) -> bool {
    let tail = &before[floor_char(before, before.len().saturating_sub(28))..];
    let mut words = tail.split_whitespace().rev().skip_while(|w| *w == "the");
    match (words.next(), words.next()) {
        (Some("of"), Some(title)) if TITLES_WITH_OF.contains(&title) => false,
        (Some(w), _) => PREPOSITIONS.contains(&w),
        _ => false,
    }
}

/// The name opening the sentence that holds byte `pos`, as a byte range of `text`.
pub fn sentence_subject(text: &str, pos: usize) -> Option<(usize, usize)> {
    let from = sentence_start(text, pos, SUBJECT_WINDOW);
    let sentence = &text[from..pos];
    let s = opening_name(sentence);
    // Only a subject followed by lowercase words and a capital may be a descriptor.
    if s.as_ref()
        .is_none_or(|s| descriptor_follows(&sentence[s.end..]))
        && let Some((a, b)) = described_subject(sentence)
    {
        return Some((from + a, from + b));
    }
    let s = s?;
    // "At a forum in Aspen, Colo., the nominee": a place after a lead-in is no subject.
    if after_lead_in_place(&sentence[..s.start], &sentence[s.end..]) {
        return None;
    }
    let name = &sentence[s.clone()];
    let first = name.split_whitespace().next().unwrap_or(name);
    let named = name.starts_with(|c: char| c.is_uppercase())
        && !is_role(name)
        && !NOT_SPEAKERS.contains(&first);
    named.then(|| (from + s.start, from + s.end))
}

/// The subject opening `sentence` (lead-in allowed), unless it is the rest of a place.
pub fn opening_subject(sentence: &str) -> Option<&str> {
    let s = opening_name(sentence)?;
    (!after_lead_in_place(&sentence[..s.start], &sentence[s.end..])).then(|| &sentence[s])
}

/// The group `s` of [`SENTENCE_SUBJECT`] in `sentence`, as a byte range.
///
/// Same span as its capture search, mostly with DFA scans only: the capture search takes the
/// lead-in [`LEAD`] prefers first, then the subject `SUBJECT_ALONE` prefers right after it,
/// and keeps them when a word boundary follows (the pattern's last condition); otherwise it
/// backtracks, and so does this, by asking the capture search.
fn opening_name(sentence: &str) -> Option<Range<usize>> {
    // Lead-ins and subjects open with a letter (ASCII, or a Latin-1 capital: lead byte 0xC3).
    if !first_byte(sentence).is_some_and(|b| b.is_ascii_alphabetic() || b == 0xC3) {
        return None;
    }
    let lead = LEAD.find(sentence).map_or(0, |m| m.end());
    if let Some(s) = subject_at(sentence, lead)
        && word_boundary(sentence.as_bytes(), s.end)
    {
        return Some(s);
    }
    Some(SENTENCE_SUBJECT.captures(sentence)?.name("s")?.range())
}

/// The first byte of `text` after the spaces the patterns' `\s` matches (ASCII spaces and
/// the no-break space), if any.
fn first_byte(text: &str) -> Option<u8> {
    text.trim_start_matches([' ', '\t', '\r', '\n', '\u{a0}'])
        .bytes()
        .next()
}

/// Whether an ASCII word boundary (`(?-u:\b)`) is at byte `i` of `bytes`.
fn word_boundary(bytes: &[u8], i: usize) -> bool {
    let word = |b: Option<&u8>| b.is_some_and(|&b| b.is_ascii_alphanumeric() || b == b'_');
    word(i.checked_sub(1).and_then(|j| bytes.get(j))) != word(bytes.get(i))
}

/// Whether a subject between `before` and `after` is the rest of a place: "… in Town, " before
/// it and a comma after it ("in Aspen, Colo., the nominee").
fn after_lead_in_place(before: &str, after: &str) -> bool {
    if !after.trim_start_matches('.').starts_with(',') {
        return false;
    }
    let mut words = before.split_whitespace().rev();
    matches!(
        (words.next(), words.next()),
        (Some(town), Some("in")) if town.ends_with(',') && town.starts_with(|c: char| c.is_uppercase())
    )
}

/// Whether one to three lowercase words and then a capitalised word follow: " presidential
/// candidate Ann", ", retired surgeon Ann".
fn descriptor_follows(rest: &str) -> bool {
    let mut lowercase = 0;
    // "On Monday, retired surgeon Ann": a lead-in read as the subject ends at its comma.
    let rest = rest.trim_start_matches([',', ' ']);
    for w in rest.split_whitespace().take(4) {
        if w.starts_with(|c: char| c.is_lowercase()) {
            lowercase += 1;
        } else {
            return (1..=3).contains(&lowercase) && w.starts_with(|c: char| c.is_uppercase());
        }
    }
    false
}

/// Whether a subject phrase is a role ("the nominee", "a spokesman") rather than a name.
fn is_role(subject: &str) -> bool {
    let article = ["The ", "A ", "An ", "His ", "Her ", "Their ", "Its "]
        .iter()
        .find_map(|a| subject.strip_prefix(a));
    subject.starts_with(|c: char| c.is_lowercase())
        // "The Acme Chamber" is a name, "The senator" a role.
        || article.is_some_and(|rest| !rest.starts_with(|c: char| c.is_uppercase()))
}

/// Whether an apposition is just a name: capitalised words (and particles) only.
fn is_name(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    (2..=5).contains(&words.len())
        && words
            .first()
            .is_some_and(|w| w.starts_with(|c: char| c.is_uppercase()))
        && words
            .iter()
            .all(|w| w.starts_with(|c: char| c.is_uppercase()) || w.len() <= 3)
}

/// Whether `gap` (text between a closing quote and a cue) is only punctuation and spaces.
pub fn is_gap(gap: &str) -> bool {
    gap.chars().all(|c| {
        c.is_whitespace() || matches!(c, ',' | '.' | '!' | '?' | ';' | ':' | '—' | '–' | '-')
    })
}

/// Whether `gap` (text between a closing quote and a cue's subject) is punctuation and then a
/// short lowercase descriptor of the subject: "…,” his nephew Bo Lind added.
pub fn is_descriptor_gap(gap: &str) -> bool {
    let words_from = gap.find(|c: char| c.is_alphabetic()).unwrap_or(gap.len());
    if !is_gap(&gap[..words_from]) {
        return false;
    }
    let mut words = gap[words_from..].split_whitespace().peekable();
    if words
        .peek()
        .is_some_and(|w| matches!(*w, "his" | "her" | "their" | "its" | "the" | "a" | "an"))
    {
        words.next();
    }
    let words: Vec<&str> = words.collect();
    (1..=3).contains(&words.len())
        && words.iter().all(|w| {
            w.chars()
                .all(|c| c.is_ascii_lowercase() || matches!(c, '’' | '\'' | '-'))
                && !FUNCTION_WORDS.contains(w)
        })
}

/// A participle or colon that hangs a quote on its sentence's subject: "…, saying “".
pub static HANGING: LazyLock<Regex> = LazyLock::new(|| {
    let p = alternation(PARTICIPLES);
    build(&format!(r"(?:(?-u:\b)(?:{p})(?-u:\b)[^.!?]*|:\s*)$"))
});

/// Whether byte `end` lies within the lead-in ("On Monday, ") opening the sentence that holds
/// byte `pos` of `text`.
pub fn within_lead_in(text: &str, pos: usize, end: usize) -> bool {
    let from = sentence_start(text, pos, SUBJECT_WINDOW);
    end > from
        && text
            .get(from..pos)
            .and_then(|sentence| LEAD.find(sentence))
            .is_some_and(|m| from + m.end() >= end)
}

/// The space and lead-in opening a sentence, as [`SENTENCE_SUBJECT`] reads them.
static LEAD: LazyLock<Regex> = LazyLock::new(|| build(&format!(r"^\s*{LEAD_IN}")));

/// The subject at the start of a sentence: optional lead-in ("On Tuesday,", "Conversely,",
/// "After the attacks,", "Speaking in Ohio,", a dateline "CITY (Agency) –"), then a name.
pub static SENTENCE_SUBJECT: LazyLock<Regex> = LazyLock::new(|| {
    let s = subject("s");
    build(&format!(r"^\s*{LEAD_IN}{s}(?-u:\b)"))
});

/// What may open a sentence before its subject: "On Tuesday,", "Conversely,", a dateline,
/// "And then", a capitalised word and lowercase words ("Hours later,", "Here in Dover,"), and
/// after one of those a lowercase "after/before/during/while/despite …," ("On Monday, after a
/// week of silence,").
const LEAD_IN: &str = r"(?:(?:And|But|So)\s+(?:then|now|later|also)\s+|(?:On|In|At|Later|Earlier|Meanwhile|Then|But|And|Also|Still|Yet|However|Speaking|Asked|After|Before|During|When|While|With|Following|Despite|Unlike|Like|Reached|[A-Z][a-z]{3,}ing)(?-u:\b)[^,]{0,60}\s+in\s+[A-Z][a-z]+,\s*[A-Z][A-Za-z]*\.?(?:\s+[A-Z][a-z]+)?,\s*|[A-Z][a-z]+(?:\s+[a-z0-9][a-z0-9’'\-]*){1,5}(?:\s+[A-Z][a-z]+){0,2},\s*|(?:On|In|At|Later|Earlier|Meanwhile|Then|But|And|Also|Still|Yet|However|Speaking|Asked|After|Before|During|When|While|With|Following|Despite|Unlike|Like|Reached|[A-Z][a-z]{3,}ing|after|before|during|while|despite)(?-u:\b)[^,]{0,60},\s*|[A-Z][a-z]+ly,\s*|[A-Z]{3,}[A-Z ,.]*(?:[A-Z][a-z]{2,3}\.?\s+\d{1,2}\s*)?(?:\([^()]{1,20}\))?\s*[–—-]+\s*|[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?\s+\([A-Z]{2,10}\)\s*[–—-]+\s*){0,2}";

/// A sentence opened by a descriptor and a full name: "Republican presidential candidate Ann
/// Lee quickly took to Twitter".
static DESCRIBED_SUBJECT: LazyLock<Regex> = LazyLock::new(|| {
    let word = WORD_PATTERN.as_str();
    build(&format!(
        r"^\s*{LEAD_IN}(?P<d>(?:[A-Z][a-z]+\s+)?(?:[a-z\-]+\s+){{1,3}})(?P<s>{word}(?:\s+(?:{PARTICLE}\s+)?{word})+)"
    ))
});

/// The full name after a descriptor opening `text` (a sentence), as a byte range: the
/// descriptor holds no function word and ends in an agent noun or role.
pub fn described_subject(text: &str) -> Option<(usize, usize)> {
    // A lead-in or the descriptor opens it: a letter or a hyphen.
    if !first_byte(text).is_some_and(|b| b.is_ascii_alphabetic() || b == b'-') {
        return None;
    }
    if !agent_before_capital(text) {
        return None;
    }
    described_subject_matched(text)
}

/// [`described_subject`] without the test of [`agent_before_capital`].
fn described_subject_matched(text: &str) -> Option<(usize, usize)> {
    let c = DESCRIBED_SUBJECT.captures(text)?;
    let (d, s) = (c.name("d")?, c.name("s")?);
    let words: Vec<&str> = d.as_str().split_whitespace().collect();
    let last = words.last()?;
    let agent = ROLE_NOUNS.contains(last) || AGENT_SUFFIXES.iter().any(|x| last.ends_with(x));
    let plain = !words
        .iter()
        .any(|w| FUNCTION_WORDS.contains(&w.to_lowercase().as_str()));
    (agent && plain).then(|| (s.start(), s.start() + trim_period(s.as_str())))
}

/// Whether `text` holds a descriptor's last word as [`described_subject`] accepts it (a role
/// or agent noun) right before spaces and a capital: a run of lowercase letters and hyphens,
/// then the spaces `\s` matches, then an ASCII capital or a Latin-1 one (lead byte 0xC3).
/// Necessary for a described subject, and a scan of the bytes instead of a capture search.
fn agent_before_capital(text: &str) -> bool {
    let bytes = text.as_bytes();
    let lower = |b: u8| b.is_ascii_lowercase() || b == b'-';
    (1..bytes.len()).any(|i| {
        if !(bytes[i].is_ascii_uppercase() || bytes[i] == 0xC3) {
            return false;
        }
        let mut j = i;
        loop {
            match bytes[..j] {
                [.., b' ' | b'\t' | b'\r' | b'\n'] => j -= 1,
                [.., 0xC2, 0xA0] => j -= 2,
                _ => break,
            }
        }
        let k = bytes[..j]
            .iter()
            .rposition(|&b| !lower(b))
            .map_or(0, |k| k + 1);
        let word = &text[k..j];
        j < i
            && k < j
            && (ROLE_NOUNS.contains(&word) || AGENT_SUFFIXES.iter().any(|x| word.ends_with(x)))
    })
}

/// The subject opening a sentence when a past-tense (or progressive) verb follows it: "Ann
/// Lee (R) blamed", "Ann Lee, the nominee, also welcomed", "Ann Lee is questioning". Byte range of the subject in `text`; `pos` is in
/// the sentence.
pub fn acting_subject(text: &str, pos: usize) -> Option<(usize, usize)> {
    let (a, b) = sentence_subject(text, pos)?;
    let verb = ACTION.find(&text[b..pos])?.as_str();
    let word = verb.rsplit(|c: char| !c.is_ascii_lowercase()).next()?;
    // "Ann Lee was asked": a passive subject does not act.
    let past = (word.ends_with("ed") || IRREGULAR_PAST.contains(&word))
        && !is_passive(&verb[..verb.len() - word.len()], word);
    // "Ann Lee is questioning whether …": a progressive after a form of "be".
    let progressive = word.ends_with("ing")
        && [" is ", " was ", " has been "]
            .iter()
            .any(|be| verb.contains(be));
    (past || progressive).then_some((a, b))
}

/// What may follow a sentence's subject before its verb: a bracket, an apposition, adverbs.
static ACTION: LazyLock<Regex> =
    LazyLock::new(|| build(&format!(r"^{APPOSITION}{AUX}\s+[a-z]+(?-u:\b)")));

/// A name run ending right before a colon, after the start, a dash or a closed quote: "– Ann
/// Lee: ", "“…” Ann Lee: ".
pub static NAME_COLON: LazyLock<Regex> = LazyLock::new(|| {
    build(&format!(
        r#"(?:^|[―—–-][ \t\x{{a0}}]*|[”"][ \t\x{{a0}}]+)(?P<s>{}):\s*$"#,
        name_run()
    ))
});

/// A headline's lead before its colon that is a name of one to four words: "Ann Lee".
pub static HEADLINE_NAME: LazyLock<Regex> = LazyLock::new(|| {
    let word = WORD_PATTERN.as_str();
    build(&format!(r"^{word}(?:\s+{word}){{0,3}}$"))
});

/// A participle clause with its own subject before a quote: "…, with Ann Lee noting “".
pub static WITH_PARTICIPLE: LazyLock<Regex> = LazyLock::new(|| {
    build(&format!(
        r"(?-u:\b)[Ww]ith\s+(?P<s>[^,;:.!?“”_\n]{{1,60}}?)\s+(?:{})(?-u:\b)[^.!?]*$",
        alternation(PARTICIPLES)
    ))
});

/// A full name after an agent noun, right before a colon: "… pleased Acme pollster Ann Lee: ".
static DESCRIBED_COLON: LazyLock<Regex> = LazyLock::new(|| {
    build(&format!(
        r"(?-u:\b)(?P<d>[a-z][a-z\-]+)\s+(?P<s>{}):\s*$",
        name_run()
    ))
});

/// The name in a "… pollster Ann Lee: " lead-in, when the word before it is an agent noun.
pub fn described_colon(before: &str) -> Option<&str> {
    let c = DESCRIBED_COLON.captures(before)?;
    let d = c.name("d")?.as_str();
    let agent = ROLE_NOUNS.contains(&d) || AGENT_SUFFIXES.iter().any(|x| d.ends_with(x));
    (agent && !FUNCTION_WORDS.contains(&d)).then(|| c.name("s").map(|s| s.as_str()))?
}

/// A line that signs the quote above it: "- Ann Lee", "—Ann Lee, in a tweet."
pub static SIGNATURE: LazyLock<Regex> = LazyLock::new(|| {
    build(&format!(
        r"^[―—–-][ \t\x{{a0}}]*(?P<s>{})(?:\s*[,.(]|\s*$)",
        name_run()
    ))
});

/// A byline-style attribution after a closing quote: "“…” ― Ann Lee".
pub static DASH_NAME: LazyLock<Regex> = LazyLock::new(|| {
    build(&format!(
        r"^[ \t\x{{a0}}]*[―—–][ \t\x{{a0}}]*(?P<s>{})",
        name_run()
    ))
});

/// A full name in running text: two or more capitalised words. `names::full_names` finds its
/// matches without an automaton (and this is no longer compiled outside tests).
#[cfg(test)]
pub static FULL_NAME: LazyLock<Regex> = LazyLock::new(|| {
    let word = WORD_PATTERN.as_str();
    build(&format!(r"{word}(?:\s+(?:{PARTICLE}\s+)?{word})+"))
});

/// Compiles every cue pattern now, the last declared first. An indexing pass runs this on a
/// thread of its own as soon as it has an article to attribute: the feeder, which compiles
/// the patterns as its rules first need them, meets this thread half-way, so compiling them
/// (most of the work of a run that re-indexes a few files) takes about half the wall time.
/// The speaker phrase alone is read by a hand parser (see [`subject_at`]): no pattern.
pub fn compile_all() {
    let patterns: [&LazyLock<Regex>; 22] = [
        &SUBJECT_BEFORE,
        &TAIL,
        &SUBJECT_AFTER,
        &ROLE_THEN_NAME,
        &APPOSED_NAME,
        &AGENT_BY,
        &ACCORDING_SOURCE,
        &NAME_ENDING_PHRASE,
        &DESCRIBED_SOURCE,
        &DESCRIBED,
        &NAME_BEFORE_PLACE,
        &HANGING,
        &LEAD,
        &SENTENCE_SUBJECT,
        &DESCRIBED_SUBJECT,
        &ACTION,
        &NAME_COLON,
        &HEADLINE_NAME,
        &WITH_PARTICIPLE,
        &DESCRIBED_COLON,
        &SIGNATURE,
        &DASH_NAME,
    ];
    for pattern in patterns.into_iter().rev() {
        LazyLock::force(pattern);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_last_comma_and_space_is_where_rsplit_cuts() {
        for text in [
            "", ",", ", ", "a, b, c", "a, b,c", "a,, ", "é, ü,", " ,  , x",
        ] {
            let expected = text.rsplit_once(", ").map(|(head, _)| head.len());
            assert_eq!(last_comma_space(text), expected, "{text:?}");
        }
        assert!(in_relative_clause(
            "Ann Lee, who is Muslim, and Bo, who was "
        ));
        assert!(!in_relative_clause("Ann Lee, who is Muslim, or was "));
    }

    #[test]
    fn a_described_subject_needs_an_agent_noun_before_a_capital() {
        assert!(agent_before_capital("Republican pollster Ann Lee said"));
        assert!(agent_before_capital(
            "On Monday, retired spokesman\u{a0} Émile Zola"
        ));
        assert!(agent_before_capital("Later,-co-founder Ann"));
        assert!(!agent_before_capital("the party leader said Ann"));
        assert!(!agent_before_capital("Acme pollster"));
        assert!(!agent_before_capital("a pollster, Ann Lee"));
        assert!(described_subject("Republican pollster Ann Lee said").is_some());
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig { cases: 4000, ..Default::default() })]
        #[test]
        fn the_agent_test_keeps_every_described_subject(
            lead in proptest::sample::select(vec![
                "", " ", "On Monday, ", "Later,", "Speaking—", "Republican ", "AUSTIN (AP) — ",
            ]),
            words in proptest::collection::vec(proptest::sample::select(vec![
                "retired", "party", "pollster", "spokesman", "boss", "the", "and", "co-founder",
                "chief", "-", "2", "’s", "Acme",
            ]), 0..4),
            gap in proptest::sample::select(vec![" ", "  ", "\u{a0}", "\t", ",", "", " \n "]),
            name in proptest::sample::select(vec![
                "Ann Lee", "Émile Zola", "J. Lee", "Ann", "ann lee", "Ann de Lee", "U.S. Lee",
            ]),
            tail in proptest::sample::select(vec!["", " said", ".", " 2"]),
        ) {
            let text = format!("{lead}{}{gap}{name}{tail}", words.join(" "));
            if described_subject_matched(&text).is_some() {
                proptest::prop_assert!(agent_before_capital(&text), "{:?}", text);
            }
        }
    }

    #[test]
    fn aux_tail_holds_wherever_the_apposed_name_pattern_matches() {
        assert!(aux_tail(" also "));
        assert!(aux_tail(" "));
        assert!(aux_tail(" has quickly\u{a0}"));
        assert!(!aux_tail(" the company "));
        assert!(!aux_tail(" also"));
        assert!(!aux_tail(" also has then once "));
        assert!(!aux_tail(" Only "));
        // The words are the pattern's.
        let listed = format!(
            r"(?:[ \t]+(?:{}|[a-z]+ly)){{0,3}}",
            AUX_TAIL_WORDS.join("|")
        );
        assert_eq!(listed, AUX);
        for text in [
            "The manager, Ann Lee, ",
            "The manager, Ann Lee, also ",
            "The manager, Ann Lee,\thas recently ",
            "The manager, Ann Lee, has recently gladly then ",
            "The manager, Ann Lee, has been ",
            "The manager, Ann Lee, ly ",
            "The manager, Ann Lee, \n also ",
            "aides, 3, Ann Lee, simply",
        ] {
            let last = text.rfind(',').unwrap();
            if APPOSED_NAME.is_match(text) {
                assert!(aux_tail(&text[last + 1..]), "{text:?}");
            }
        }
        assert!(apposed_name("The manager, Ann Lee, also ").is_some());
        assert!(apposed_name("The manager, Ann Lee, the aide ").is_none());
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig { cases: 3000, ..Default::default() })]
        #[test]
        fn aux_tail_is_necessary_for_the_apposed_name_pattern(
            pieces in proptest::collection::vec(proptest::sample::select(vec![
                ",", ", ", " ", "  ", "\t", "\n", "\u{a0}", "Ann", "Lee", "Bo", "de", "manager",
                "also", "has", "had", "quickly", "ly", "only", "the", "aide", "Only", "2", "’s",
            ]), 0..14)
        ) {
            let text = pieces.concat();
            if APPOSED_NAME.is_match(&text) {
                let last = text.rfind(',').unwrap();
                proptest::prop_assert!(aux_tail(&text[last + 1..]), "{:?}", text);
            }
        }
    }

    #[test]
    fn subject_at_matches_the_unanchored_search_at_every_byte() {
        for text in [
            "Ann Lee said",
            "xÉmile Zola said",
            "the aide, Émile Zola and he said",
            "_Ann 2Bo théÉmile’s",
        ] {
            for at in (0..text.len()).filter(|&i| text.is_char_boundary(i)) {
                let unanchored = SUBJECT_ALONE
                    .find_at(text, at)
                    .filter(|s| s.start() == at)
                    .map(|s| s.range());
                assert_eq!(subject_at(text, at), unanchored, "{text:?} at {at}");
            }
        }
    }

    fn speakers(text: &str) -> Vec<&str> {
        find_cues(text)
            .iter()
            .map(|c| &text[c.subject.0..c.subject.1])
            .collect()
    }

    #[test]
    fn subject_before_gives_the_capture_spans() {
        let windows = [
            "In Dover, Ann Lee ",
            "Ann Lee also ",
            "Ann Lee on Tuesday again ",
            "the company spokesman ",
            "Ohio election officials ",
            "Acme Corp’s campaign ",
            "Ann Lee, a spokeswoman for Acme, ",
            "Ann Lee (R-Ohio) ",
            "the nominee, Ann Lee, ",
            "Bo Lind, 60, of Dover, Del., ",
            "Ann Lee, who heads Acme, also ",
            "Ann Lee (R-Ohio), the nominee, on Monday ",
            "the senator, 60, ",
            "the aide, of Dover, Del., Bo Lind, ",
            "Ann Lee, Bo Lind ",
            "xÉmile Zola, a writer, ",
            "and he quickly ",
            "She has ",
            "no subject here at all",
            "“______” ",
        ];
        for w in windows {
            let captured = SUBJECT_BEFORE.captures(w).map(|c| {
                let s = c.name("s").expect("s takes part in every match");
                let a = c.name("a").filter(|_| is_role(s.as_str()));
                (s.range(), a.map(|a| a.range()))
            });
            assert_eq!(subject_before(w), captured, "window: {w:?}");
        }
    }

    #[test]
    fn a_group_subject_needs_modifiers_not_a_verb_phrase() {
        assert!(plain_group("Ohio election officials"));
        assert!(plain_group("officials"));
        assert!(plain_group("Ann Lee"));
        assert!(!plain_group("Ann Lee is assuring voters"));
        assert!(!plain_group("Acme quickly told officials"));
        assert!(plain_group("the officials"));
    }

    #[test]
    fn subject_at_gives_the_match_that_starts_there() {
        let texts = [
            "“____,” he said, and Ann Lee (R-Ohio) agreed.",
            "x(The spokesman) said: Émile Zola, ÀB Cd and _Bo Lind_",
            "—Sen. Bo Lind; “the aide” 12 She",
        ];
        for text in texts {
            for at in (0..=text.len()).filter(|&i| text.is_char_boundary(i)) {
                let expected = SUBJECT_ALONE
                    .find_at(text, at)
                    .filter(|s| s.start() == at)
                    .map(|s| s.range());
                assert_eq!(subject_at(text, at), expected, "text: {text:?} at {at}");
            }
        }
    }

    #[test]
    fn opening_name_gives_the_capture_span() {
        let sentences = [
            "Ann Lee said",
            "  On Tuesday, Ann Lee said",
            "But then the spokesman told",
            "WASHINGTON (Acme) - Sen. Bo Lind",
            "Speaking in Dover, Del., the nominee",
            "Hours later in the city, he",
            "Acme Corp’s campaign ",
            "Ohio election officials said",
            "Bo Lind- and",
            "no capital here",
            "“____,” he",
            "\u{a0} Émile Zola said",
            "- the former aide Ann Lee",
            "(R) Ann Lee",
            "",
        ];
        for sentence in sentences {
            // The quick exit for sentences opened by no letter agrees with the regex.
            if !first_byte(sentence).is_some_and(|b| b.is_ascii_alphabetic() || b == b'-') {
                assert!(
                    DESCRIBED_SUBJECT.captures(sentence).is_none(),
                    "{sentence:?}"
                );
            }
            let captured = SENTENCE_SUBJECT
                .captures(sentence)
                .and_then(|c| c.name("s"))
                .map(|s| s.range());
            assert_eq!(opening_name(sentence), captured, "sentence: {sentence:?}");
        }
    }

    #[test]
    fn finds_cues() {
        let table: &[(&str, &[&str])] = &[
            (", Anna Berg said.", &["Anna Berg"]),
            (", said Anna Berg.", &["Anna Berg"]),
            (", said Sen. Anna Berg.", &["Sen. Anna Berg"]),
            (", said Republican party boss Bo Lind.", &["Bo Lind"]),
            (", said Army Capt. Bo Lind, who", &["Army Capt. Bo Lind"]),
            ("Some Ohio officials said", &["Some Ohio officials"]),
            ("which said Bo hates Ann Lee.", &[]),
            ("Bo Lind came and said the senator can go.", &[]),
            ("''____,'' said Ann Lee.", &["Ann Lee"]),
            (", Berg, a spokeswoman for the group, said.", &["Berg"]),
            (" he added.", &["he"]),
            (", the senator told reporters.", &["the senator"]),
            (", the Kremlin said.", &["Kremlin"]),
            (", the party’s nominee, Ann Lee, said.", &["Ann Lee"]),
            ("Ann Lee of Ohio said", &["Ann Lee"]),
            ("Ann Lee, a clerk from Dover, Kent, said", &["Ann Lee"]),
            ("The man from Dover said", &[]),
            (
                "”, Ann Lee of the Acme Center for Policy Studies wrote.",
                &["Ann Lee"],
            ),
            (
                "Of course, as Ann Lee of Acme News observed, ",
                &["Ann Lee"],
            ),
            (
                "”, the Acme Society of Civil Engineers wrote.",
                &["Acme Society of Civil Engineers"],
            ),
            ("” Said Ann Lee, “", &["Ann Lee"]),
            (", Berg’s campaign said.", &["Berg’s campaign"]),
            ("Anna Berg told reporters: ", &["Anna Berg"]),
            ("According to Anna Berg, ", &["Anna Berg"]),
            (
                "according to a new report from the Acme Group, ",
                &["Acme Group"],
            ),
            ("”, said spokesman Bo Lind.", &["Bo Lind"]),
            ("”, said former Utah governor Bo Lind.", &["Bo Lind"]),
            (
                "”, said retired Acme Lt. Gen. Bo Lind, who",
                &["Acme Lt. Gen. Bo Lind"],
            ),
            ("”, said former secretary of state Bo Lind.", &["Bo Lind"]),
            ("Bo Lind kept asking", &["Bo Lind"]),
            ("a ban by Bo Lind calling for more", &[]),
            ("it went well – Bo Lind saying so", &["Bo Lind"]),
            ("Bo Lind is calling for more", &["Bo Lind"]),
            ("“____,” mused Acme co-host Bo Lind.", &["Bo Lind"]),
            ("“____,” agrees Ann Lee, 30, of Dover.", &["Ann Lee"]),
            ("“____” thanked Ann Lee for it.", &[]),
            ("”, said A1 president Bo Lind, who", &["Bo Lind"]),
            ("Bo Lind endorsed Ann Lee on Monday", &["Bo Lind"]),
            ("He went to the Soviet Republic. Ann Lee said", &["Ann Lee"]),
            ("Sen. John F. Lee said", &["Sen. John F. Lee"]),
            ("Rep. J.R. Lind said", &["Rep. J.R. Lind"]),
            ("Ann PeÃ±a Lind said", &["Ann PeÃ±a Lind"]),
            ("Ann Pen\u{303}a Lind said", &["Ann Pen\u{303}a Lind"]),
            (
                "according to the Acme Policy Center, ",
                &["Acme Policy Center"],
            ),
            ("Bo Lind cited Ann Lee’s remarks on tax", &["Bo Lind"]),
            ("Bo Lind left and said he was tired", &[]),
            ("Berg (R-Texas) said that ", &["Berg"]),
            ("Gov. Bo Lind (R-Ohio), said, ", &["Gov. Bo Lind"]),
            ("Ann Lee, 60, a clerk, said", &["Ann Lee"]),
            ("Bo Lind, 30, of Dover, Del., who voted, said", &["Bo Lind"]),
            (
                "Ohio election officials also said",
                &["Ohio election officials"],
            ),
            ("In Ohio, Ann Lee, a clerk, said", &["Ann Lee"]),
            ("Bo Lind is assuring voters said", &[]),
            ("her rival, Bo Lind, wants", &[]),
            ("Acme’s campaign manager, Ann Lee, said", &["Ann Lee"]),
            ("aides and the rival, Ann Lee, also said", &[]),
            (
                "The leader of the Acme League, Ann Lee, warned",
                &["Ann Lee"],
            ),
            ("”, his wife, Ann Lee, wrote in a letter.", &["Ann Lee"]),
            ("”, said his son, Bo Lind.", &["Bo Lind"]),
            ("”, said the firm’s top strategist, Ann Lee.", &["Ann Lee"]),
            ("”, said in a call with the host, Ann Lee.", &[]),
            ("In a statement, Berg also said ", &["Berg"]),
            ("the rain fell in the report.", &[]),
            ("The plan was first reported by Acme News.", &["Acme News"]),
            ("When asked by Ann Lee about it, ", &["Ann Lee"]),
            ("Bo Lind was asked, ", &[]),
            (
                "the bill, according to a 2015 Acme Research survey.",
                &["Acme Research"],
            ),
            (
                "Bo Lind, an aide, said it rose, according to Acme News.",
                &["Bo Lind", "Acme News"],
            ),
        ];
        for (input, expected) in table {
            assert_eq!(speakers(input), *expected, "input: {input}");
        }
    }

    #[test]
    fn sentence_subjects() {
        let table: &[(&str, Option<&str>)] = &[
            ("Conversely, Acme Group rated it", Some("Acme Group")),
            ("On Monday, Ann Lee rated it", Some("Ann Lee")),
            ("After the Lyon attacks, Ann Lee rated it", Some("Ann Lee")),
            (
                "Reached by the Daily Post, Ann Lee rated it",
                Some("Ann Lee"),
            ),
            ("CITYVILLE (Agency) – Ann Lee rated it", Some("Ann Lee")),
            ("King rated it", Some("King")),
            (
                "Acme presidential candidate Ann Lee rated it",
                Some("Ann Lee"),
            ),
            (
                "On Monday, retired surgeon Ann Lee rated it",
                Some("Ann Lee"),
            ),
            ("Hours later, Ann Lee rated it", Some("Ann Lee")),
            ("Here in Dover, Ann Lee rated it", Some("Ann Lee")),
            ("And then Ann Lee rated it", Some("Ann Lee")),
            (
                "On Monday, after a week of silence, Ann Lee rated it",
                Some("Ann Lee"),
            ),
            (
                "Speaking at a fair in Salem, New Dover, Ann Lee rated it",
                Some("Ann Lee"),
            ),
            ("At a fair in Aspen, Colo., the engineer rated it", None),
            ("Here in Salem, Ann Lee rated it", Some("Ann Lee")),
            ("Dover (AFX) – Ann Lee rated it", Some("Ann Lee")),
            ("DOVER, Dec. 8 (AFX) — Ann Lee rated it", Some("Ann Lee")),
            ("In the end the Acme Group rated it", None),
            ("the group rated it", None),
        ];
        for (input, expected) in table {
            let got = sentence_subject(input, input.len()).map(|(a, b)| &input[a..b]);
            assert_eq!(got, *expected, "input: {input}");
        }
    }

    #[test]
    fn dash_names() {
        let c = DASH_NAME.captures(" ― Ann Lee").and_then(|c| c.name("s"));
        assert_eq!(c.map(|m| m.as_str()), Some("Ann Lee"));
        assert!(DASH_NAME.captures(" — and then").is_none());
    }

    #[test]
    fn gaps() {
        assert!(is_gap(", "));
        assert!(!is_gap(" in the report, "));
    }
}
