//! Speaker resolution: turns the raw phrase found next to a cue ("Peskov", "he", "the
//! spokesman", "Sen. Ted Cruz") into a canonical name, using what the article said earlier
//! (full names, roles, gender from titles and pronouns).

use crate::hash::{HashMap, HashSet};
use std::borrow::Cow;
use std::sync::LazyLock;

use super::cues::{
    DESCRIBING_PREPOSITIONS, FIRM_TAILS, FIRST_NAMES, GENDERED_TITLES, GENERIC_NOUNS, Gender,
    LABEL_NOUNS, NAME_SUFFIXES, NON_PERSON_HEADS, NOT_SPEAKERS, ORG_NOUNS, PRONOUNS, ROLE_NOUNS,
    TITLES, TITLES_WITH_OF,
};
use super::detect::{ceil_char, is_abbreviation};
use super::names::full_names;
use super::patterns::trim_period;

/// How many recent speakers a pronoun may reach back to.
const RECENT: usize = 6;

/// A resolved speaker and whether it came from a pronoun or role (less certain).
#[derive(Debug, Clone, PartialEq)]
pub struct Resolved {
    pub name: String,
    pub indirect: bool,
}

/// Keeps the names seen so far in an article and resolves cue phrases against them. The
/// names learnt are borrowed from the paragraphs where they stand in them as written (most
/// do), so learning a name allocates nothing (see [`Source`]).
#[derive(Default)]
pub struct Resolver<'a> {
    /// Surname → full name, from the latest full mention.
    full_names: HashMap<Cow<'a, str>, Cow<'a, str>>,
    /// Surname → the full names seen with it and how often, for surnames that several people
    /// share ("Bill Clinton", "Hillary Clinton").
    namesakes: HashMap<Cow<'a, str>, Vec<(Cow<'a, str>, usize)>>,
    /// Known first name → the one full name seen with it (`None` when several people share it).
    first_names: HashMap<Cow<'a, str>, Option<Cow<'a, str>>>,
    /// Role noun ("spokesman", "senator") → the person last given that role.
    /// Role noun → the people given it, the latest last.
    roles: HashMap<String, Vec<Cow<'a, str>>>,
    genders: HashMap<Cow<'a, str>, Gender>,
    /// Full names seen in the text (candidates for a pronoun).
    people: HashSet<Cow<'a, str>>,
    /// Most recent speakers, newest last.
    recent: Vec<String>,
    /// The article's text, where proper nouns are looked up.
    text: &'a str,
    /// Names already asked about, and whether the article writes them as things.
    things: HashMap<String, bool>,
    /// Single words already asked about, and whether they are proper nouns.
    proper_nouns: Vec<(String, bool)>,
    /// Single words already asked about, and the firm's name each opens, if any.
    firm_openers: Vec<(String, Option<String>)>,
    /// Paragraphs given to [`Self::learn_masked`] and not yet read (with the paragraph a masked one
    /// masks): they are read when the state is next used, so the paragraphs after an
    /// article's last cue are never read at all.
    unread: Vec<(Cow<'a, str>, Option<&'a str>)>,
}

/// `f` of `word` in lowercase; a short ASCII word (most) is lowercased on the stack, without
/// the allocation of `to_lowercase` (these lookups run for the words around every name).
fn with_lowercase<T>(word: &str, f: impl FnOnce(&str) -> T) -> T {
    let mut buf = [0u8; 32];
    match buf.get_mut(..word.len()) {
        Some(lower) if word.is_ascii() => {
            lower.copy_from_slice(word.as_bytes());
            lower.make_ascii_lowercase();
            f(std::str::from_utf8(lower).unwrap_or_default())
        }
        _ => f(&word.to_lowercase()),
    }
}

/// Maps abbreviated titles to the role noun a later mention would use.
fn role_of_title(word: &str) -> Option<&'static str> {
    let word = word.trim_end_matches('.');
    // An ASCII word whose first letter and length no key has is none (most words before a
    // name: "said", "the", "of").
    if let Some(&first) = word.as_bytes().first()
        && word.is_ascii()
        && ROLE_KEY_SHAPES[usize::from(first.to_ascii_lowercase())] & length_bit(word.len()) == 0
    {
        return None;
    }
    with_lowercase(word, role_of_lowercase)
}

/// Titles (lowercase, without their period) and the role noun each stands for, besides the
/// role nouns themselves.
const ROLE_TITLES: &[(&str, &str)] = &[
    ("sen", "senator"),
    ("senator", "senator"),
    ("gov", "governor"),
    ("governor", "governor"),
    ("rep", "congressman"),
    ("representative", "congressman"),
    ("congressman", "congressman"),
    ("congresswoman", "congressman"),
    ("president", "president"),
    ("mayor", "mayor"),
    ("gen", "general"),
    ("general", "general"),
    ("judge", "judge"),
    ("justice", "justice"),
];

/// Per first byte, the lengths ([`length_bit`]) of the ASCII words [`role_of_lowercase`]
/// knows that open with it (`ROLE_TITLES` and `ROLE_NOUNS`).
static ROLE_KEY_SHAPES: LazyLock<[u64; 128]> = LazyLock::new(|| {
    let mut shapes = [0u64; 128];
    for key in ROLE_TITLES.iter().map(|(t, _)| t).chain(ROLE_NOUNS) {
        if let Some(&first) = key.as_bytes().first()
            && key.is_ascii()
        {
            shapes[usize::from(first)] |= length_bit(key.len());
        }
    }
    shapes
});

/// A bit per word length (the last for every length from 63 on).
fn length_bit(len: usize) -> u64 {
    1 << len.min(63)
}

fn role_of_lowercase(w: &str) -> Option<&'static str> {
    match ROLE_TITLES.iter().find(|(t, _)| *t == w) {
        Some((_, role)) => Some(role),
        None => ROLE_NOUN_SET.get(w).copied(),
    }
}

pub fn gender_of_first_name(word: &str) -> Option<Gender> {
    FIRST_NAME_GENDERS.get(word).copied()
}

/// `FIRST_NAMES` as a map; the first entry of a name wins, as in a scan of the list.
static FIRST_NAME_GENDERS: LazyLock<HashMap<&'static str, Gender>> = LazyLock::new(|| {
    let mut map = HashMap::default();
    for (n, g) in FIRST_NAMES {
        map.entry(*n).or_insert(*g);
    }
    map
});

/// `TITLES`, `NOT_SPEAKERS` and `ROLE_NOUNS` as sets, for words looked up once per name.
static TITLE_SET: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| TITLES.iter().copied().collect());
static NOT_SPEAKER_SET: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| NOT_SPEAKERS.iter().copied().collect());
static ROLE_NOUN_SET: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| ROLE_NOUNS.iter().copied().collect());
/// `NON_PERSON_HEADS` as a set: the last word of every speaker noted is looked up.
static NON_PERSON_HEAD_SET: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| NON_PERSON_HEADS.iter().copied().collect());

fn gender_of_title(word: &str) -> Option<Gender> {
    GENDERED_TITLES
        .iter()
        .find(|(t, _)| *t == word)
        .map(|(_, g)| *g)
}

impl<'a> Resolver<'a> {
    /// A resolver for the article whose body is `text`.
    pub fn new(text: &'a str) -> Self {
        Self {
            text,
            ..Self::default()
        }
    }

    /// [`Self::learn_masked`] for a paragraph that masks nothing.
    #[cfg(test)]
    pub fn learn(&mut self, text: impl Into<Cow<'a, str>>) {
        self.unread.push((text.into(), None));
    }

    /// Learns full names, the roles and titles in front of them, from `masked`, the paragraph
    /// `para` with its quotes masked (as long as `para`, alike outside the quotes), when they
    /// are next needed: every other method reads the paragraphs learnt so far first. The
    /// names learnt borrow `para`.
    pub fn learn_masked(&mut self, para: &'a str, masked: Cow<'a, str>) {
        self.unread.push((masked, Some(para)));
    }

    /// Reads the paragraphs given to [`Self::learn_masked`] since the state was last used.
    fn catch_up(&mut self) {
        if self.unread.is_empty() {
            return;
        }
        let mut unread = std::mem::take(&mut self.unread);
        for (text, para) in unread.drain(..) {
            let origin = match &text {
                Cow::Borrowed(text) => Some(*text),
                Cow::Owned(_) => para,
            };
            self.read(Source::new(&text, origin));
        }
        self.unread = unread;
    }

    /// What [`Self::learn_masked`] does, now. Names seen before (most mentions) change no map and
    /// allocate nothing; the word lists are reused from one match to the next.
    fn read(&mut self, source: Source<'_, 'a>) {
        let text = source.text;
        let mut leading: Vec<&str> = Vec::new();
        let mut words: Vec<&str> = Vec::new();
        for m in full_names(text) {
            let lead_from = ceil_char(text, m.start().saturating_sub(40));
            let lead_text = &text[lead_from..m.start()];
            // Only titles and roles right before the name describe it ("senator told Ann
            // Lee" does not make Ann Lee the senator).
            leading.clear();
            leading.extend(
                lead_text
                    .split_whitespace()
                    .rev()
                    .take(2)
                    .take_while(|w| role_of_title(w).is_some() || gender_of_title(w).is_some()),
            );
            words.clear();
            words.extend(whitespace_words(&m.as_str()[..trim_period(m.as_str())]));
            // "Information Act. But Ann Lee": a run that crossed a sentence end keeps its
            // last part.
            if let Some(end) = words[..words.len().saturating_sub(1)]
                .iter()
                .rposition(|w| ends_sentence_word(w))
            {
                words.drain(..=end);
            }
            if let Some(p) = words[..words.len().saturating_sub(1)]
                .iter()
                .rposition(|w| is_subordinator(w))
            {
                words.drain(..=p);
            }
            // "Donald Trump’s accusation": a full name in the possessive still names him.
            if let Some(last) = words.last_mut()
                && let Some(bare) = last.strip_suffix("’s").or_else(|| last.strip_suffix("'s"))
            {
                *last = bare;
            }
            // "Minister of Finance Ann Lee": the body after a title's "of" is no part of the name.
            if ends_with_title_of(lead_text) {
                let body = department_words(&words);
                words.drain(..body);
            }
            let name_words = strip_titles(&words);
            leading.extend(&words[..words.len() - name_words.len()]);
            if name_words.len() < 2 || name_words.iter().any(|w| is_possessive(w)) {
                continue;
            }
            let full = source.joined(name_words);
            if let Some(&last) = name_words.iter().rev().find(|w| !NAME_SUFFIXES.contains(w)) {
                // Keys are borrowed (most) or copied once per mention: one lookup each.
                let latest = self.full_names.entry(source.held(last)).or_default();
                if *latest != full {
                    *latest = full.clone();
                }
                let seen = self.namesakes.entry(source.held(last)).or_default();
                match seen.iter_mut().find(|(n, _)| *n == full) {
                    Some((_, count)) => *count += 1,
                    None => seen.push((full.clone(), 1)),
                }
            }
            self.people.insert(full.clone());
            if let Some(g) = gender_of_first_name(name_words[0]) {
                self.genders.entry(full.clone()).or_insert(g);
                self.note_first_name(source.held(name_words[0]), full.clone());
            }
            for w in &leading {
                if let Some(role) = role_of_title(w) {
                    let holders = self.roles.entry(role.to_string()).or_default();
                    if holders.last() != Some(&full) {
                        holders.retain(|h| *h != full);
                        holders.push(full.clone());
                    }
                }
                if let Some(g) = gender_of_title(w) {
                    self.genders.insert(full.clone(), g);
                }
            }
        }
    }

    /// The full name a surname stands for: of the people sharing it, the one who spoke last,
    /// else the one named most often, else the one named last.
    fn surname_owner(&self, surname: &str) -> Option<String> {
        let latest = self.full_names.get(surname)?;
        let Some(seen) = self.namesakes.get(surname).filter(|s| s.len() > 1) else {
            return Some(latest.to_string());
        };
        if let Some(spoke) = self
            .recent
            .iter()
            .rev()
            .find(|r| seen.iter().any(|(n, _)| n == *r))
        {
            return Some(spoke.clone());
        }
        let most = seen.iter().map(|(_, c)| *c).max().unwrap_or(0);
        let tied: Vec<&Cow<str>> = seen
            .iter()
            .filter(|(_, c)| *c == most)
            .map(|(n, _)| n)
            .collect();
        Some(if tied.contains(&latest) {
            latest.to_string()
        } else {
            tied[0].to_string()
        })
    }

    /// Remembers that `first` opens the full name `full`; two people with that first name (not
    /// two spellings of one: "Ann Lee", "Ann B. Lee") make it ambiguous.
    fn note_first_name(&mut self, first: Cow<'a, str>, full: Cow<'a, str>) {
        let surname = |n: &str| {
            n.split_whitespace()
                .rev()
                .find(|w| !NAME_SUFFIXES.contains(w))
                .map(str::to_string)
        };
        match self.first_names.get_mut(&first) {
            None => {
                self.first_names.insert(first, Some(full));
            }
            Some(known) => {
                if known
                    .as_deref()
                    .is_some_and(|k| surname(k) != surname(&full))
                {
                    *known = None;
                }
            }
        }
    }

    /// Whether a single word may name a speaker: an acronym ("NATO") or a proper noun, i.e.
    /// written capitalised mid-sentence somewhere in the article (unlike a capitalised
    /// sentence opener: "Having", "Amid", "Four"). Answers are kept; past a bound on distinct
    /// words (hostile inputs) the answer is no.
    fn is_proper_noun(&mut self, word: &str) -> bool {
        let bare = word.trim_end_matches('.');
        if is_acronym(bare) {
            return true;
        }
        if let Some((_, known)) = self.proper_nouns.iter().find(|(w, _)| w == bare) {
            return *known;
        }
        if self.proper_nouns.len() >= MAX_PROPER_NOUN_LOOKUPS {
            return false;
        }
        let whole = |i: usize| {
            let alone_before = self.text[..i]
                .chars()
                .next_back()
                .is_none_or(|c| !c.is_alphanumeric());
            let alone_after = self.text[i + bare.len()..]
                .chars()
                .next()
                .is_none_or(|c| !c.is_alphanumeric());
            alone_before && alone_after
        };
        let mut mentions = 0;
        let mut proper = false;
        for i in occurrences(self.text, bare) {
            if written_mid_sentence(self.text, i, bare.len()) {
                proper = true;
                break;
            }
            mentions += usize::from(whole(i));
        }
        // A word that only opens sentences is a name when it does so more than once and is
        // never written in lowercase ("Bryne said … Bryne added"), unless it is a common noun
        // for people ("Organizers").
        if !proper && mentions >= 2 {
            let lower = bare.to_lowercase();
            proper = !GENERIC_NOUNS.contains(&lower.as_str())
                && !occurrences(self.text, &lower).any(whole);
        }
        self.proper_nouns.push((bare.to_string(), proper));
        proper
    }

    /// Whether `name` reads as a person's (a pronoun may stand for it): a full name, a
    /// surname of one, or someone whose gender a title or pronoun gave away.
    pub fn is_person(&mut self, name: &str) -> bool {
        // "The New York Times": an outlet or organisation is named, but is no person.
        let organisation = |name: &str| {
            name.rsplit(' ')
                .next()
                .is_some_and(|last| NON_PERSON_HEAD_SET.contains(last))
        };
        self.genders.contains_key(name)
            || (self.people.contains(name) && !organisation(name) && !self.named_as_thing(name))
    }

    /// Whether the article writes `name` after "the" as a whole phrase ("in the Middle East,",
    /// "the United States must"): a place or thing, which no pronoun stands for. A word after
    /// it other than a function word may make the name a modifier ("the Ann Lee campaign").
    /// Answers are kept per name.
    pub fn named_as_thing(&mut self, name: &str) -> bool {
        if let Some(&known) = self.things.get(name) {
            return known;
        }
        let thing = self.written_after_the(name);
        self.things.insert(name.to_string(), thing);
        thing
    }

    fn written_after_the(&self, name: &str) -> bool {
        memchr::memmem::find_iter(self.text.as_bytes(), name.as_bytes()).any(|i| {
            let before = self.text[..i].trim_end_matches(' ');
            let after_the = before.len() < i
                && (before.ends_with(" the")
                    || before.ends_with("The") && before.len() == 3
                    || before.ends_with(" The")
                    || before.ends_with("\nThe"));
            if !after_the {
                return false;
            }
            let rest = &self.text[i + name.len()..];
            // "in the Acme Weekly’s profile": no person is "the Ann Lee’s".
            if rest.starts_with("’s ") || rest.starts_with("'s ") {
                return true;
            }
            match rest.chars().next() {
                None => true,
                Some(c) if c.is_alphanumeric() || matches!(c, '’' | '\'' | '-') => false,
                Some(' ') => {
                    let next = rest[1..].split(' ').next().unwrap_or("");
                    FUNCTION_WORDS.contains(&next)
                }
                Some(_) => true,
            }
        })
    }

    /// Whether a first name, title or pronoun gave `name` a gender (it names a person).
    pub fn has_gender(&self, name: &str) -> bool {
        self.genders.contains_key(name)
    }

    /// The gender the article gives `name` (by title, first name or pronoun), if any.
    pub fn gender_of(&mut self, name: &str) -> Option<Gender> {
        self.catch_up();
        self.genders.get(name).copied()
    }

    /// Whether the article writes `words` as a whole word or words anywhere but right before
    /// one of `then` ("Zorbland's debt … Zorbland and Acme Bank said": Zorbland is named on
    /// its own).
    pub fn written_apart(&self, words: &str, then: &[&str]) -> bool {
        memchr::memmem::find_iter(self.text.as_bytes(), words.as_bytes()).any(|i| {
            let whole_before = self.text[..i]
                .chars()
                .next_back()
                .is_none_or(|c| !c.is_alphanumeric());
            let rest = &self.text[i + words.len()..];
            whole_before
                && rest.chars().next().is_none_or(|c| !c.is_alphanumeric())
                && !then.iter().any(|t| rest.starts_with(t))
        })
    }

    /// Whether `words`, opening with a possessive and ending with a firm's head, are one
    /// firm's name: "Zorb's Widget Stores Inc", when the article writes "Zorb" only as "Zorb's"
    /// (not "Acme Corp's Widget Inc" or "Zorbland's Widget Inc" beside "in Zorbland").
    fn possessive_firm_name(&self, words: &[&str]) -> bool {
        let (Some(first), Some(last)) = (words.first(), words.last()) else {
            return false;
        };
        let bare = first
            .strip_suffix("’s")
            .or_else(|| first.strip_suffix("'s"))
            .unwrap_or(first);
        FIRM_TAILS.contains(last)
            && !FIRM_TAILS.contains(&bare)
            && !NON_PERSON_HEADS.contains(&bare)
            && !self.written_apart(bare, &["'s", "’s"])
    }

    /// Whether the pronoun `raw` ("he", "she") may stand for `name`: no title, first name or
    /// earlier pronoun gave `name` the other gender.
    pub fn pronoun_fits(&mut self, raw: &str, name: &str) -> bool {
        self.catch_up();
        let Some((_, gender)) = PRONOUNS.iter().find(|(p, _)| *p == raw) else {
            return true;
        };
        self.genders.get(name).is_none_or(|g| g == gender)
    }

    /// The one person named with the surname `word` whose gender the pronoun `raw` gives
    /// ("Clinton said she …" → Hillary Clinton, of Bill and Hillary Clinton).
    pub fn namesake_for(&mut self, word: &str, raw: &str) -> Option<String> {
        self.catch_up();
        let (_, gender) = PRONOUNS.iter().find(|(p, _)| *p == raw)?;
        let seen = self.namesakes.get(word.trim())?;
        let mut fitting = seen
            .iter()
            .filter(|(n, _)| self.genders.get(n) == Some(gender));
        match (fitting.next(), fitting.next()) {
            (Some((n, _)), None) => Some(n.to_string()),
            _ => None,
        }
    }

    /// Records that `name` just spoke (so that a following pronoun can reach it).
    pub fn note_speaker(&mut self, name: &str) {
        self.catch_up();
        if !self.is_person(name) {
            return;
        }
        self.recent.retain(|n| n != name);
        self.recent.push(name.to_string());
        if self.recent.len() > RECENT {
            self.recent.remove(0);
        }
    }

    /// The canonical speaker for a raw phrase found next to a cue, if it can be told.
    pub fn resolve(&mut self, raw: &str) -> Option<Resolved> {
        self.catch_up();
        let raw = raw.trim();
        if let Some((_, g)) = PRONOUNS.iter().find(|(p, _)| *p == raw) {
            return self.resolve_pronoun(*g);
        }
        let first = raw.split_whitespace().next()?;
        if (first.starts_with(|c: char| c.is_lowercase())
            || matches!(first, "The" | "A" | "An" | "His" | "Her" | "Their" | "One"))
            && !outlet_before_name(raw)
        {
            return self.resolve_role(raw).filter(|r| !is_lone_letter(&r.name));
        }
        self.resolve_name(raw)
            .filter(|name| !is_lone_letter(name))
            .map(|name| Resolved {
                name,
                indirect: false,
            })
    }

    fn resolve_pronoun(&mut self, gender: Gender) -> Option<Resolved> {
        let pick = self
            .recent
            .iter()
            .rev()
            .find(|n| self.genders.get(n.as_str()).is_none_or(|g| *g == gender))?
            .clone();
        self.genders
            .entry(Cow::Owned(pick.clone()))
            .or_insert(gender);
        Some(Resolved {
            name: pick,
            indirect: true,
        })
    }

    /// "the spokesman" → the person last called spokesman; "the RNC member" stays as written
    /// (its capitalised word names it); "a source" resolves to nobody.
    fn resolve_role(&self, raw: &str) -> Option<Resolved> {
        let words: Vec<&str> = raw.split_whitespace().collect();
        let noun = words.last()?.trim_end_matches('s');
        let definite = matches!(words[0], "the" | "The");
        // "the Florida senator": of the senators, the latest the article describes with that
        // qualifier ("Florida Sen. Ann Lee", "Ann Lee of Florida"); else the role as written.
        let qualifiers = words.get(1..words.len() - 1).unwrap_or_default();
        let fits = |name: &Cow<str>| {
            qualifiers
                .iter()
                .filter(|w| w.starts_with(|c: char| c.is_uppercase()))
                .all(|q| self.mentioned_near(name, q))
        };
        if let Some(name) = self
            .roles
            .get(noun)
            .or_else(|| self.roles.get(*words.last()?))
            .and_then(|holders| holders.iter().rev().find(|h| fits(h)))
            && definite
        {
            return Some(Resolved {
                name: name.to_string(),
                indirect: true,
            });
        }
        // "The Acme Party’s": a possessor stands before what speaks, not for it.
        if is_possessive(words.last()?) {
            return None;
        }
        let named = words[1..].iter().any(|w| {
            w.starts_with(|c: char| c.is_uppercase()) && (!TITLES.contains(w) || is_acronym(w))
        });
        // "a longtime adviser to Ann Lee": an unnamed source described by whom it is close to;
        // it speaks, but is no reported speaker of its own.
        let described = words.iter().any(|w| DESCRIBING_PREPOSITIONS.contains(w));
        named.then(|| Resolved {
            name: words[1..].join(" "),
            indirect: described,
        })
    }

    /// Whether `word` describes a mention of `name`'s surname: it stands in the few words
    /// before it ("Florida Sen. Ann Lee") or right after it ("Lee of Florida"), with no comma
    /// or sentence end between ("… in Florida. Sen. Ann Lee" is no Florida senator).
    fn mentioned_near(&self, name: &str, word: &str) -> bool {
        const BEFORE: usize = 40;
        const AFTER: usize = 15;
        let Some(surname) = name.split_whitespace().next_back() else {
            return false;
        };
        let apart = |gap: &str| {
            !gap.contains([',', ';', ':'])
                && !gap.starts_with(['.', '!', '?'])
                && !gap.split_whitespace().any(ends_sentence_word)
        };
        self.text.match_indices(surname).any(|(i, _)| {
            let from = ceil_char(self.text, i.saturating_sub(BEFORE));
            let end = i + surname.len();
            let to = ceil_char(self.text, (end + AFTER).min(self.text.len()));
            let before = &self.text[from..i];
            let after = &self.text[end..to];
            before
                .rfind(word)
                .is_some_and(|k| apart(&before[k + word.len()..]))
                // "Ann Lee, of Maine,": an apposition may open with a comma.
                || after
                    .find(word)
                    .is_some_and(|k| apart(after[..k].trim_start_matches([',', ' '])))
        })
    }

    /// The firm whose name `word` opens, as the article first writes it: "Acme Widget Corp"
    /// for "Acme" — up to three more capitalised words, the last a firm's head ("Corp",
    /// "Inc", "Co" …), right after the word.
    fn firm_opened_by(&mut self, word: &str) -> Option<String> {
        if !word.starts_with(char::is_uppercase) {
            return None;
        }
        if let Some((_, known)) = self.firm_openers.iter().find(|(w, _)| w == word) {
            return known.clone();
        }
        let firm = self.find_firm_opened_by(word);
        self.firm_openers.push((word.to_string(), firm.clone()));
        firm
    }

    /// [`Self::firm_opened_by`], looked up in the text.
    fn find_firm_opened_by(&self, word: &str) -> Option<String> {
        const MAX_WORDS: usize = 3;
        memchr::memmem::find_iter(self.text.as_bytes(), word.as_bytes()).find_map(|i| {
            let whole = self.text[..i]
                .chars()
                .next_back()
                .is_none_or(|c| !c.is_alphanumeric());
            let rest = self.text[i + word.len()..].strip_prefix(' ')?;
            // It opens the name: no capitalised word of the name before it ("Big Acme Inc"),
            // nor "and", "&" or "of" ("Bo and Acme Co"); initials before it open the name
            // with it ("J.P. Acme Co").
            let prev = self.text[..i]
                .strip_suffix(' ')
                .and_then(|b| b.rsplit([' ', '\n']).next())
                .unwrap_or("");
            let initials = prev.len() >= 2
                && prev.len() <= 6
                && prev.ends_with('.')
                && prev.chars().all(|c| c.is_ascii_uppercase() || c == '.');
            let opens = initials
                || ((!prev.starts_with(char::is_uppercase)
                    || prev == "The"
                    || prev.ends_with(['.', ',', ';', ':']))
                    && !matches!(prev, "and" | "&" | "of"));
            if !whole || !opens {
                return None;
            }
            let word = if initials {
                format!("{prev} {word}")
            } else {
                word.to_string()
            };
            let mut len = 0;
            for w in rest.split(' ').take(MAX_WORDS) {
                let bare = w.trim_end_matches([',', '.', ';', ':']);
                if !bare.starts_with(|c: char| c.is_ascii_uppercase())
                    || !bare.chars().all(|c| c.is_alphanumeric() || c == '-')
                {
                    return None;
                }
                len += usize::from(len > 0) + bare.len();
                if FIRM_TAILS.contains(&bare) {
                    return Some(format!("{word} {}", &rest[..len]));
                }
                if bare.len() < w.len() {
                    return None;
                }
            }
            None
        })
    }

    /// The name whose capitalised words `word`, initials joined by slashes ("S/P"), abbreviates
    /// as the article writes it: "Standard and Poor's Corp" — the words in order, "and", "&",
    /// "of" or "the" between them, and a firm's head after them.
    fn slashed_initials(&self, word: &str) -> Option<String> {
        if !word.contains('/') {
            return None;
        }
        let letters: Vec<char> = word
            .split('/')
            .map(|p| p.chars().next())
            .collect::<Option<_>>()?;
        let initials = letters.len() >= 2
            && word
                .split('/')
                .all(|p| p.len() == 1 && p.starts_with(|c: char| c.is_ascii_uppercase()));
        if !initials {
            return None;
        }
        // ASCII word letters: a Unicode `\w` makes this per-call pattern costly to build.
        let words: Vec<String> = letters
            .iter()
            .map(|c| format!(r"{c}[0-9A-Za-z_'’.-]*"))
            .collect();
        let tails = FIRM_TAILS
            .iter()
            .map(|t| regex::escape(t))
            .collect::<Vec<_>>()
            .join("|");
        let pattern = format!(
            r"(?-u:\b){}(?: (?:{tails}))?(?-u:\b)",
            words.join(r" (?:(?:and|&|of|the) )?")
        );
        let re = regex::Regex::new(&pattern).ok()?;
        re.find(self.text)
            .map(|m| m.as_str().trim_end_matches('.').to_string())
    }

    /// The firm a title or label word and one word stand for ("General Acme" → "General Acme
    /// Corp", "Video Acme" → "Video Acme Corp"), when the article writes them before a firm's
    /// head ("Corp", "Inc", "Co" …).
    fn firm_behind_title(&self, words: &[&str]) -> Option<String> {
        let [.., title, one] = words else {
            return None;
        };
        if !TITLE_SET.contains(title) && !LABEL_NOUNS.contains(title) {
            return None;
        }
        let phrase = format!("{title} {one} ");
        self.text.match_indices(&phrase).find_map(|(i, _)| {
            let next = self.text[i + phrase.len()..]
                .split(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | ':' | '<' | '('))
                .next()?;
            let head = next
                .strip_suffix("’s")
                .or_else(|| next.strip_suffix("'s"))
                .unwrap_or(next);
            FIRM_TAILS
                .contains(&head)
                .then(|| format!("{title} {one} {head}"))
        })
    }

    fn resolve_name(&mut self, raw: &str) -> Option<String> {
        // The words of `raw`, on the stack when they fit; only leading words are dropped.
        let (mut stack, mut heap) = ([""; 12], Vec::new());
        let mut words = split_words(raw, &mut stack, &mut heap);
        // "Information Act. But Lind": a run that crossed a sentence end keeps its last part.
        if let Some(end) = words[..words.len().saturating_sub(1)]
            .iter()
            .rposition(|w| ends_sentence_word(w))
        {
            words = &words[end + 1..];
        }
        // "VOTERS LIKE THE PLAN Acme President Ann Lee": a headline in capitals is no part of
        // the name after it.
        let shouted = words
            .iter()
            .filter(|w| w.len() > 1 && is_all_caps(w))
            .count();
        if shouted >= 3 {
            let last = words.iter().rposition(|w| is_all_caps(w))?;
            words = &words[last + 1..];
            if words.is_empty() {
                return None;
            }
        }
        // "… the U.S. While Ann Lee has": a subordinate clause opens at its conjunction.
        if let Some(p) = words[..words.len().saturating_sub(1)]
            .iter()
            .rposition(|w| is_subordinator(w))
        {
            words = &words[p + 1..];
        }
        // "The Blaze’s Matt Walsh": the name after an outlet's possessive. But a firm's name
        // may open with a possessive ("Zorb's Widget Stores Inc"): one the article never
        // writes without its "'s" ("Zorb" alone would be another speaker, "Acme Corp's" too).
        if let Some(p) = words[..words.len().saturating_sub(2)]
            .iter()
            .rposition(|w| is_possessive(w))
            .filter(|&p| {
                words[p + 1..]
                    .iter()
                    .all(|w| w.starts_with(|c: char| c.is_uppercase()))
            })
            .filter(|&p| !(p == 0 && self.possessive_firm_name(words)))
        {
            words = &words[p + 1..];
        }
        // "Celebrities Ann Lee": a plural noun written before a full name is no part of it.
        if let [plural, first, _, ..] = words[..]
            && is_plural_noun(plural)
            && gender_of_first_name(first).is_some()
            && gender_of_first_name(plural).is_none()
        {
            words = &words[1..];
        }
        // "Read said", "From said": a common word is a speaker when it is written as a name
        // mid-sentence and is the surname of a person the article named in full ("Ian Read").
        // Not a pronoun or a plural group ("I", "They", "Democrats"); the full name opens with
        // a plain capitalised word ("Ann", not "A." or "No.").
        if let [one] = words[..]
            && NOT_SPEAKER_SET.contains(one)
            && one.len() >= 3
            && !one.ends_with('s')
            && !matches!(
                one,
                "They"
                    | "You"
                    | "Our"
                    | "Their"
                    | "Its"
                    | "His"
                    | "Her"
                    | "Him"
                    | "Them"
                    | "This"
                    | "That"
                    | "These"
                    | "Those"
            )
            && let Some(full) = self.surname_owner(one)
            && full.split_whitespace().next().is_some_and(|first| {
                !first.ends_with('.')
                    && !NOT_SPEAKER_SET.contains(first)
                    && first.chars().skip(1).any(char::is_lowercase)
            })
            && self.is_person(&full)
            && self.is_proper_noun(one)
        {
            return Some(full);
        }
        let gender = words.first().and_then(|w| gender_of_title(w));
        let mut name = strip_titles(words);
        // "State Department", "Senate Ethics Committee": an organisation keeps the capitalised
        // words a person's title would lose.
        // "Union Bank of Acme": so does one named "Head of Place", whose head stands before "of".
        let head_before_of = name
            .iter()
            .position(|w| *w == "of")
            .is_some_and(|k| k > 0 && NON_PERSON_HEAD_SET.contains(name[k - 1]));
        if name.len() < words.len()
            && (head_before_of || name.last().is_some_and(|w| NON_PERSON_HEAD_SET.contains(w)))
        {
            // "General Motors Corp", "Premier Widget Co": a firm keeps even a title word.
            let firm = name
                .last()
                .is_some_and(|w| FIRM_TAILS.contains(w) || *w == "Corporation");
            let from = words
                .iter()
                .position(|w| {
                    w.starts_with(|c: char| c.is_uppercase())
                        && (firm || !is_person_title(w))
                        // "Video Widget Corp": a firm keeps a label word opening its name.
                        && (!NOT_SPEAKER_SET.contains(w) || (firm && LABEL_NOUNS.contains(w)))
                        && !is_subordinator(w)
                        && !matches!(*w, "As" | "The" | "A" | "An")
                })
                .unwrap_or(0);
            name = &words[from..];
        }
        if name
            .first()
            .is_some_and(|w| w.starts_with(|c: char| c.is_lowercase()))
        {
            // A group ("Senate Republican leaders"): its capitalised words name it.
            let from = words
                .iter()
                .position(|w| !NOT_SPEAKER_SET.contains(w))
                .unwrap_or(words.len());
            name = &words[from..];
            // "It said supporters": a group opens with a capitalised word.
            let capitalised = name
                .first()
                .is_some_and(|w| w.starts_with(|c: char| c.is_uppercase()));
            if name.len() < 2 || !capitalised {
                return None;
            }
        }
        // "Ann Lee is assuring voters", "Ann Lee passionately rebuked critics": a verb or
        // adverb inside a run ends the name before it.
        if let Some(k) = name.iter().position(|w| {
            matches!(*w, "is" | "has" | "was" | "are" | "were" | "had")
                || (w.ends_with("ly") && w.chars().all(|c| c.is_ascii_lowercase()))
        }) {
            name = &name[..k];
            if let [rest @ .., "and"] = name {
                name = rest;
            }
        }
        let name = match name {
            [] => return None,
            [.., last] if is_possessive(last) || DAYS.contains(last) => return None,
            [one]
                if NOT_SPEAKER_SET.contains(one)
                    || is_dateline(one)
                    || is_place_abbreviation(one) =>
            {
                return None;
            }
            // "General Acme said" where the article names "General Acme Corp": the firm.
            [one] if let Some(firm) = self.firm_behind_title(words) => firm,
            // "S/P said" after "Standard and Poor's Corp said": the name it abbreviates.
            [one] if let Some(full) = self.slashed_initials(one) => full,
            [one] => match self.surname_owner(one) {
                Some(full) => full,
                // "Hillary said": the one person of the article with that first name.
                None if let Some(Some(full)) = self.first_names.get(*one) => full.to_string(),
                // "Acme said" after "Acme Widget Corp said": the firm it opens.
                None if let Some(firm) = self.firm_opened_by(one) => firm,
                None if self.is_proper_noun(one) => one.to_string(),
                None => return None,
            },
            many => many.join(" "),
        };
        if let Some(g) = gender {
            self.genders.insert(Cow::Owned(name.clone()), g);
        }
        Some(name)
    }
}

/// A paragraph being read and, when it is not the article's own slice (a copy with its
/// quotes masked), the paragraph it copies: names read from it borrow the latter.
struct Source<'t, 'a> {
    text: &'t str,
    /// `text` as the article writes it, alike outside masked quotes.
    origin: Option<&'a str>,
}

impl<'t, 'a> Source<'t, 'a> {
    fn new(text: &'t str, origin: Option<&'a str>) -> Self {
        let origin = origin.filter(|o| o.len() == text.len());
        Self { text, origin }
    }

    /// Where the bytes `from..to` of `text` stand in the origin, if they read the same there.
    fn origin_of(&self, from: *const u8, to: *const u8) -> Option<&'a str> {
        let base = self.text.as_ptr() as usize;
        let at = (from as usize).wrapping_sub(base);
        let end = (to as usize).wrapping_sub(base);
        self.origin?.get(at..end)
    }

    /// `s`, a slice of `text`, borrowed from the origin (else a copy).
    fn held(&self, s: &str) -> Cow<'a, str> {
        match self.origin_of(s.as_ptr(), s.as_ptr().wrapping_add(s.len())) {
            Some(o) if o == s => Cow::Borrowed(o),
            _ => Cow::Owned(s.to_string()),
        }
    }

    /// `words`, slices of `text`, joined by single spaces: borrowed from the origin when it
    /// writes them so (the words of a name, one space between them), else a new string.
    fn joined(&self, words: &[&str]) -> Cow<'a, str> {
        if let (Some(first), Some(last)) = (words.first(), words.last())
            && let Some(span) =
                self.origin_of(first.as_ptr(), last.as_ptr().wrapping_add(last.len()))
            && written_joined(span, words)
        {
            return Cow::Borrowed(span);
        }
        Cow::Owned(words.join(" "))
    }
}

/// Where `word` occurs in `text`, left to right and not overlapping (`match_indices`), found
/// with a vectorised search.
fn occurrences<'t>(text: &'t str, word: &'t str) -> impl Iterator<Item = usize> + 't {
    let bytes = (!word.is_empty()).then(|| memchr::memmem::find_iter(text.as_bytes(), word));
    // An empty word is at every char boundary, as `match_indices` gives them (not at every byte).
    let boundaries = word
        .is_empty()
        .then(|| text.match_indices(word).map(|(i, _)| i));
    bytes
        .into_iter()
        .flatten()
        .chain(boundaries.into_iter().flatten())
}

/// `split_whitespace` of `s`, read byte by byte when it is ASCII (most names).
fn whitespace_words(s: &str) -> impl Iterator<Item = &str> {
    let space = |b: u8| matches!(b, b'\t'..=b'\r' | b' ');
    let bytes = s.as_bytes();
    let mut i = 0;
    let ascii = s.is_ascii().then(|| {
        std::iter::from_fn(move || {
            while bytes.get(i).is_some_and(|&b| space(b)) {
                i += 1;
            }
            let start = i;
            while bytes.get(i).is_some_and(|&b| !space(b)) {
                i += 1;
            }
            (i > start).then(|| &s[start..i])
        })
    });
    let other = (!s.is_ascii()).then(|| s.split_whitespace());
    ascii
        .into_iter()
        .flatten()
        .chain(other.into_iter().flatten())
}

/// The words of `raw` (`split_whitespace`), kept in `stack` when they fit, else in `heap`.
fn split_words<'r, 'b>(
    raw: &'r str,
    stack: &'b mut [&'r str; 12],
    heap: &'b mut Vec<&'r str>,
) -> &'b [&'r str] {
    let mut n = 0;
    for w in raw.split_whitespace() {
        match stack.get_mut(n) {
            Some(slot) => *slot = w,
            None => {
                if heap.is_empty() {
                    heap.extend_from_slice(&stack[..]);
                }
                heap.push(w);
            }
        }
        n += 1;
    }
    if heap.is_empty() { &stack[..n] } else { heap }
}

/// Whether `span` is `words` joined by single spaces.
fn written_joined(span: &str, words: &[&str]) -> bool {
    let mut rest = span;
    for (i, word) in words.iter().enumerate() {
        let after_space = if i == 0 {
            Some(rest)
        } else {
            rest.strip_prefix(' ')
        };
        match after_space.and_then(|r| r.strip_prefix(word)) {
            Some(r) => rest = r,
            None => return false,
        }
    }
    rest.is_empty()
}

/// Whether `before` ends with a title and "of" ("Minister of ", "Chancellor of the "): the
/// capitalised words after it open with the body the title heads.
pub fn ends_with_title_of(before: &str) -> bool {
    let Some(before) = before.strip_suffix(' ') else {
        return false;
    };
    let before = before.strip_suffix(" the").unwrap_or(before);
    before
        .strip_suffix(" of")
        .and_then(|b| b.rsplit([' ', '\n']).next())
        .is_some_and(|title| TITLES_WITH_OF.contains(&title))
}

/// How many words open `words`, read after a title's "of", as the body the title heads:
/// "Finance" of "Finance Ann Lee", "Widgets" of "Widgets Zed Quill". The name starts at its
/// first known first name, else it is the last two words (three with an initial, "Zed Q.
/// Quill"); 0 for fewer than three words.
pub fn department_words(words: &[&str]) -> usize {
    let n = words.len();
    if n < 3 {
        return 0;
    }
    let initial = |w: &str| w.len() == 2 && w.ends_with('.');
    (1..n - 1)
        .find(|&k| gender_of_first_name(words[k]).is_some())
        .unwrap_or(if n > 3 && initial(words[n - 2]) {
            n - 3
        } else {
            n - 2
        })
}

/// A capitalised plural common noun: "Celebrities", "Voters" (not "Acme's", "ACMES", "Bs").
fn is_plural_noun(word: &str) -> bool {
    let mut chars = word.chars();
    word.len() >= 4
        && word.ends_with('s')
        && !word.ends_with("ss")
        && chars.next().is_some_and(char::is_uppercase)
        && chars.all(|c| c.is_ascii_lowercase())
}

/// A conjunction that opens a clause, capitalised after an abbreviation's period ("the U.S.
/// While …"), or an auxiliary that opens a question ("Does Ann Lee favor …?"): no part of a
/// name. ("Will" and "Can" are also first names.)
fn is_subordinator(word: &str) -> bool {
    matches!(
        word,
        "Does"
            | "Did"
            | "Is"
            | "Are"
            | "Was"
            | "Were"
            | "Would"
            | "Should"
            | "Could"
            | "Has"
            | "Have"
            | "Had"
            | "While"
            | "When"
            | "Whereas"
            | "Although"
            | "Though"
            | "Because"
            | "Since"
            | "After"
            | "Before"
            | "Unless"
            | "Until"
            | "If"
            | "But"
            | "And"
            | "Yet"
            | "So"
    )
}

/// Days that end a name run ("in Ohio Monday") and show it is no speaker.
const DAYS: &[&str] = &[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// A long all-capitals word standing alone ("WASHINGTON"): a dateline, not a speaker.
/// Acronyms of organisations are short ("NATO", "FBI") and stay.
fn is_dateline(word: &str) -> bool {
    word.len() > 5 && word.chars().all(|c| c.is_ascii_uppercase())
}

/// "U." of "The U.S. said", "P" of "S and P said": one letter, an initial or a piece of an
/// abbreviation, names nobody alone.
fn is_lone_letter(word: &str) -> bool {
    let mut letters = word.chars().filter(|c| c.is_alphabetic());
    letters.next().is_some() && letters.next().is_none()
}

/// "Tex.", "Calif.", "N.Y.": a place's abbreviation, not a speaker alone. Dotted acronyms of
/// three letters or more ("F.B.I.") stay.
fn is_place_abbreviation(word: &str) -> bool {
    let Some(bare) = word.strip_suffix('.') else {
        return false;
    };
    let letters = bare.chars().filter(|c| c.is_alphabetic()).count();
    let dotted = bare.contains('.');
    !(dotted && letters >= 3 && bare.chars().all(|c| c.is_ascii_uppercase() || c == '.'))
}

/// "The Blaze’s Ann Lee": a determiner, an outlet's possessive and a full name after it,
/// which names the person rather than a role.
fn outlet_before_name(raw: &str) -> bool {
    let words: Vec<&str> = raw.split_whitespace().collect();
    let capital = |w: &&str| w.starts_with(|c: char| c.is_uppercase());
    let possessive = words.iter().rposition(|w| is_possessive(w));
    possessive.is_some_and(|p| p >= 1 && words.len() - p > 2 && words[1..].iter().all(capital))
}

fn is_possessive(word: &str) -> bool {
    word.ends_with("’s") || word.ends_with("'s")
}

/// Drops leading titles and roles ("President", "Mr.") and sentence words ("The"), and a
/// descriptor that ends in a person's title inside the run ("Army Capt. Jeff Lee",
/// "Senate Judiciary Committee Chairman Bo Lind" → "Jeff Lee", "Bo Lind").
pub fn strip_titles<'w, 'a>(words: &'w [&'a str]) -> &'w [&'a str] {
    // Each word is looked up once (most runs are short): what `WORD_KINDS` says of it.
    let mut kinds = [0u8; 8];
    for (kind, w) in kinds.iter_mut().zip(words) {
        *kind = word_kind(w);
    }
    let kind = |i: usize| kinds.get(i).copied().unwrap_or_else(|| word_kind(words[i]));
    // A capitalised role opening the run goes too ("Actor Ann Lee"), if a full name is left.
    let role =
        |i: usize, w: &str| words.len() - i > 2 && with_lowercase(w, |w| ROLE_NOUN_SET.contains(w));
    let start = words
        .iter()
        .enumerate()
        .position(|(i, w)| kind(i) & (TITLE | NOT_SPEAKER) == 0 && !role(i, w))
        .unwrap_or(words.len());
    let rest = &words[start..];
    let inner = (0..rest.len())
        .rposition(|i| kind(start + i) & PERSON_TITLE != 0)
        .filter(|&i| rest.get(i + 1).is_some_and(|w| !NAME_SUFFIXES.contains(w)));
    match inner {
        Some(i) => &rest[i + 1..],
        None => rest,
    }
}

/// Words that may follow a whole noun phrase ("the Middle East is", "the United States and").
const FUNCTION_WORDS: &[&str] = &[
    "of", "in", "and", "or", "to", "for", "on", "at", "is", "was", "has", "had", "have", "will",
    "would", "must", "can", "could", "should", "as", "that", "which", "who", "where", "but",
    "after", "before", "with", "from", "by", "said", "says", "since", "than", "are", "were",
];

/// How many distinct single words `is_proper_noun` looks up in one article.
const MAX_PROPER_NOUN_LOOKUPS: usize = 256;

/// Whether the word at `text[at..at + len]` stands alone after a word that does not end a
/// sentence ("said Lind", "Mr. Lind", "“…,” Lind"), not at a paragraph start.
fn written_mid_sentence(text: &str, at: usize, len: usize) -> bool {
    let alone_after = text[at + len..]
        .chars()
        .next()
        .is_none_or(|c| !c.is_alphanumeric());
    // An opening mark or bracket may stand between ("said “Lind").
    let before = text[..at].trim_end_matches(['“', '"', '(', '‘', '\'']);
    let spaced = before.ends_with([' ', '\t', '\u{a0}']);
    let before = before.trim_end_matches([' ', '\t', '\u{a0}']);
    let previous = before.rsplit(char::is_whitespace).next().unwrap_or("");
    alone_after
        && spaced
        && !previous.is_empty()
        && (TITLES.contains(&previous)
            || previous.ends_with(|c: char| {
                c.is_alphanumeric() || matches!(c, ',' | '”' | '"' | '\'' | ')' | '_')
            }))
}

/// Whether a word ends with a period that ends a sentence: not an initial ("F."), an
/// abbreviation ("Capt.", "U.S.") or a title.
fn ends_sentence_word(word: &str) -> bool {
    word.strip_suffix('.')
        .is_some_and(|w| w.chars().count() > 1 && !is_abbreviation(w) && !TITLE_SET.contains(word))
}

/// A word whose letters are all capitals ("VOTERS", "U.S.").
fn is_all_caps(word: &str) -> bool {
    word.chars().any(char::is_alphabetic)
        && word.chars().all(|c| !c.is_alphabetic() || c.is_uppercase())
}

/// A word in capitals ("GOP", "NATO").
fn is_acronym(word: &str) -> bool {
    (2..=6).contains(&word.len()) && word.chars().all(|c| c.is_ascii_uppercase())
}

/// A title that only ever stands before a person's name: an abbreviation ("Capt.") or a
/// capitalised role ("Chairman", "Secretary").
fn is_person_title(word: &str) -> bool {
    PERSON_TITLES.contains(word)
}

/// The titles for which `is_person_title` holds, computed once.
/// [`WORD_KINDS`] bits: a word of `TITLES`, of `NOT_SPEAKERS`, of [`PERSON_TITLES`].
const TITLE: u8 = 1;
const NOT_SPEAKER: u8 = 2;
const PERSON_TITLE: u8 = 4;

/// The words of `TITLES` and `NOT_SPEAKERS`, and which of the sets each is in: one lookup for
/// the three questions [`strip_titles`] asks of every word of every name.
static WORD_KINDS: LazyLock<HashMap<&'static str, u8>> = LazyLock::new(|| {
    let mut kinds: HashMap<&'static str, u8> = HashMap::default();
    for w in TITLES.iter().chain(NOT_SPEAKERS) {
        let bit = |is: bool, bit: u8| if is { bit } else { 0 };
        let kind = bit(TITLE_SET.contains(w), TITLE)
            | bit(NOT_SPEAKER_SET.contains(w), NOT_SPEAKER)
            | bit(is_person_title(w), PERSON_TITLE);
        kinds.insert(w, kind);
    }
    kinds
});

#[inline]
fn word_kind(word: &str) -> u8 {
    WORD_KINDS.get(word).copied().unwrap_or(0)
}

static PERSON_TITLES: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    TITLES
        .iter()
        .copied()
        .filter(|w| w.ends_with('.') || role_of_title(w).is_some_and(|r| !ORG_NOUNS.contains(&r)))
        .collect()
});

#[cfg(test)]
mod tests {
    use super::*;

    fn resolved(context: &str, speakers: &[&str], raw: &str) -> Option<String> {
        let mut r = Resolver::new(context);
        r.learn(context);
        for s in speakers {
            r.note_speaker(s);
        }
        r.resolve(raw).map(|x| x.name)
    }

    #[test]
    fn lowercase_lookups_match_to_lowercase() {
        for w in [
            "Sen",
            "SENATOR",
            "spokesman",
            "Émile",
            "Spokeswoman",
            "",
            "x".repeat(40).as_str(),
        ] {
            assert_eq!(with_lowercase(w, str::to_string), w.to_lowercase());
        }
        assert_eq!(role_of_title("Sen."), Some("senator"));
        assert_eq!(
            role_of_title("SPOKESMAN"),
            ROLE_NOUN_SET.get("spokesman").copied()
        );
    }

    #[test]
    fn names_are_borrowed_from_the_paragraph_only_as_written() {
        let para = "Sen. Ann  Lee met Bo Lind’s aide “Al Ray” today.";
        let masked = para.replace("Al Ray", "______");
        let source = Source::new(&masked, Some(para));
        let words: Vec<&str> = masked.split_whitespace().collect();
        let joined = |ws: &[&str]| source.joined(ws);
        // One space between the words: the paragraph's own slice.
        assert!(matches!(joined(&words[3..5]), Cow::Borrowed("met Bo")));
        assert!(matches!(joined(&words[5..7]), Cow::Borrowed("Lind’s aide")));
        // Two spaces, words apart or out of order, a word from elsewhere, masked words: a copy.
        assert!(matches!(joined(&words[1..3]), Cow::Owned(s) if s == "Ann Lee"));
        assert!(matches!(joined(&[words[1], words[4]]), Cow::Owned(s) if s == "Ann Bo"));
        assert!(matches!(joined(&[words[4], words[3]]), Cow::Owned(s) if s == "Bo met"));
        assert!(matches!(joined(&["Bo", "Lind"]), Cow::Owned(s) if s == "Bo Lind"));
        assert!(matches!(joined(&words[6..8]), Cow::Owned(s) if s == "aide “______”"));
        assert!(matches!(source.held(&masked[5..8]), Cow::Borrowed("Ann")));
        assert!(matches!(source.held("Ann"), Cow::Owned(s) if s == "Ann"));
        let bare = words[5].strip_suffix("’s").unwrap_or_default();
        assert!(matches!(
            joined(&[words[4], bare]),
            Cow::Borrowed("Bo Lind")
        ));
        // Without the paragraph it masks, or with another of other length: copies.
        let alone = Source::new(&masked, None);
        assert!(matches!(alone.joined(&words[3..5]), Cow::Owned(s) if s == "met Bo"));
        let other = Source::new(&masked, Some("Sen. Ann"));
        assert!(matches!(other.held(&masked[5..8]), Cow::Owned(s) if s == "Ann"));
    }

    #[test]
    fn role_shapes_pass_every_role_word() {
        for key in ROLE_TITLES.iter().map(|(t, _)| t).chain(ROLE_NOUNS) {
            assert_eq!(role_of_title(key), role_of_lowercase(key), "{key}");
            let upper = key.to_uppercase();
            assert_eq!(role_of_title(&upper), role_of_lowercase(key), "{upper}");
        }
        for w in [
            "said",
            "the",
            "Mr.",
            "",
            ".",
            "Émile",
            "x".repeat(70).as_str(),
        ] {
            assert_eq!(
                role_of_title(w),
                role_of_lowercase(&w.trim_end_matches('.').to_lowercase())
            );
        }
    }

    #[test]
    fn whitespace_words_are_split_whitespace() {
        for s in [
            "",
            " ",
            "Ann Lee",
            "\tAnn\x0bLee\x0c Bo\r\n",
            "Ann\u{a0}Lee",
            "É Lee  ",
        ] {
            let expected: Vec<&str> = s.split_whitespace().collect();
            assert_eq!(whitespace_words(s).collect::<Vec<_>>(), expected, "{s:?}");
        }
    }

    #[test]
    fn split_words_are_split_whitespace() {
        let long = "w ".repeat(13) + "end";
        for raw in ["", "  ", "Ann Lee", " Sen.\u{a0}Ann\tLee ", long.as_str()] {
            let (mut stack, mut heap) = ([""; 12], Vec::new());
            let expected: Vec<&str> = raw.split_whitespace().collect();
            assert_eq!(split_words(raw, &mut stack, &mut heap), expected, "{raw}");
        }
    }

    #[test]
    fn occurrences_are_match_indices() {
        for (text, word) in [
            ("Lee, Leeds and Lee.", "Lee"),
            ("aaaa", "aa"),
            ("Émile é Émile", "Émile"),
            ("né", ""),
            ("", "Lee"),
        ] {
            let expected: Vec<usize> = text.match_indices(word).map(|(i, _)| i).collect();
            assert_eq!(
                occurrences(text, word).collect::<Vec<_>>(),
                expected,
                "{text}"
            );
        }
    }

    #[test]
    fn paragraphs_learnt_are_read_before_the_state_is_used() {
        let text = "Ann Lee arrived.\nBo Lind left.";
        let mut r = Resolver::new(text);
        r.learn("Ann Lee arrived.");
        // A speaker noted before any lookup must already count as a person.
        r.note_speaker("Ann Lee");
        r.learn("Bo Lind left.");
        assert_eq!(r.resolve("she").map(|x| x.name).as_deref(), Some("Ann Lee"));
        assert_eq!(
            r.resolve("Lind").map(|x| x.name).as_deref(),
            Some("Bo Lind")
        );
    }

    #[test]
    fn a_qualified_role_goes_to_the_holder_it_describes() {
        let text = "Florida Sen. Ann Lee spoke. Sen. Bo Lind of Ohio spoke. Rain fell in Texas. \
                    Sen. Al Ray spoke.";
        let the = |role: &str| resolved(text, &[], role);
        assert_eq!(the("the Florida senator").as_deref(), Some("Ann Lee"));
        assert_eq!(the("the Ohio senator").as_deref(), Some("Bo Lind"));
        assert_eq!(the("the senator").as_deref(), Some("Al Ray"));
        // "Texas. Sen. Al Ray": a sentence end stands between; no Texas senator is named.
        assert_eq!(the("the Texas senator").as_deref(), Some("Texas senator"));
    }

    #[test]
    fn an_institution_named_head_of_place_keeps_a_role_word_opening_it() {
        let text = "Union Bank of Zorbland said it fell.";
        assert_eq!(
            resolved(text, &[], "Union Bank of Zorbland").as_deref(),
            Some("Union Bank of Zorbland")
        );
        // A role before a person's name still goes; so does one before "of" and no head.
        let text = "Actor Ann Lee spoke. Actor Bo Lind of Zorbland spoke.";
        assert_eq!(
            resolved(text, &[], "Actor Ann Lee").as_deref(),
            Some("Ann Lee")
        );
        assert_eq!(
            resolved(text, &[], "Actor Bo Lind of Zorbland").as_deref(),
            Some("Bo Lind of Zorbland")
        );
    }

    #[test]
    fn a_plural_noun_before_a_full_name_is_no_part_of_it() {
        let text = "Celebrities Ann Lee and John Lind came.";
        assert_eq!(
            resolved(text, &[], "Celebrities Ann Lee").as_deref(),
            Some("Ann Lee")
        );
        assert_eq!(
            resolved(text, &[], "Voters John Lind").as_deref(),
            Some("John Lind")
        );
        // Not a surname ending in "s" before a first name, nor a plural before a lone name.
        assert_eq!(
            resolved(text, &[], "Rogers Ann").as_deref(),
            Some("Rogers Ann")
        );
        assert_eq!(
            resolved(text, &[], "Hastings Zed Lee").as_deref(),
            Some("Hastings Zed Lee")
        );
    }

    #[test]
    fn a_firm_name_may_open_with_a_possessive() {
        let text = "Zorb's Widget Stores Inc said sales rose. Zorb's said more.";
        assert_eq!(
            resolved(text, &[], "Zorb's Widget Stores Inc").as_deref(),
            Some("Zorb's Widget Stores Inc")
        );
        // A place or a parent firm written on its own owns the firm after it.
        let text = "Zorbland's Widget Inc said sales in Zorbland rose.";
        assert_eq!(
            resolved(text, &[], "Zorbland's Widget Inc").as_deref(),
            Some("Widget Inc")
        );
        let text = "Acme Corp's Widget Inc said sales rose.";
        assert_eq!(
            resolved(text, &[], "Corp's Widget Inc").as_deref(),
            Some("Widget Inc")
        );
    }

    #[test]
    fn a_word_opening_a_firms_name_is_that_firm() {
        let text = "B.F. Quill Co said no. Quill said yes.";
        assert_eq!(
            resolved(text, &[], "Quill").as_deref(),
            Some("B.F. Quill Co")
        );
        let text = "Zorb Widget Corp said sales rose. Zorb also said costs fell.";
        assert_eq!(
            resolved(text, &[], "Zorb").as_deref(),
            Some("Zorb Widget Corp")
        );
        // Not across punctuation or lowercase words, nor a firm the word does not open.
        let text = "Zorb, Acme Corp said. Zorb said no. Quill makes Big Quill Inc goods. Bo \
                    and Lind Co said. Lind said no.";
        assert_eq!(resolved(text, &[], "Zorb").as_deref(), Some("Zorb"));
        assert_eq!(resolved(text, &[], "Quill").as_deref(), Some("Quill"));
        assert_eq!(resolved(text, &[], "Lind").as_deref(), Some("Lind"));
    }

    #[test]
    fn initials_joined_by_slashes_name_what_they_abbreviate() {
        let text = "Widget and Zorb's Corp said it fell. W/Z said more.";
        assert_eq!(
            resolved(text, &[], "W/Z").as_deref(),
            Some("Widget and Zorb's Corp")
        );
        // Other initials abbreviate nothing written; longer parts are no initials.
        let text = "Widget and Zorb's Corp said it fell. Q/Z and WI/Z said more.";
        assert_ne!(
            resolved(text, &[], "Q/Z").as_deref(),
            Some("Widget and Zorb's Corp")
        );
        assert_ne!(
            resolved(text, &[], "WI/Z").as_deref(),
            Some("Widget and Zorb's Corp")
        );
    }

    #[test]
    fn a_participle_opening_sentences_is_no_name() {
        // Twice at a sentence's start and never in lowercase, yet a speech participle.
        let text =
            "Talking to reporters, Bo Lind said no.\n   Talking before his trip, he said more.";
        assert_eq!(resolved(text, &[], "Talking"), None);
    }

    #[test]
    fn a_firm_keeps_a_label_word_opening_its_name() {
        let text = "BORG - Video Widget Corp said sales rose.";
        assert_eq!(
            resolved(text, &[], "Video Widget Corp").as_deref(),
            Some("Video Widget Corp")
        );
        // Not a sentence word, nor a label before a person.
        assert_eq!(
            resolved(text, &[], "Then Widget Corp").as_deref(),
            Some("Widget Corp")
        );
        assert_eq!(
            resolved("Video Ann Lee said it.", &[], "Video Ann Lee").as_deref(),
            Some("Ann Lee")
        );
        for w in LABEL_NOUNS {
            assert!(NOT_SPEAKERS.contains(w), "{w}");
        }
        // The label word and one word, where the article writes the firm in full.
        let text = "Video Widget Corp said sales rose.\n\nVideo Widget said costs fell.";
        assert_eq!(
            resolved(text, &[], "Video Widget").as_deref(),
            Some("Video Widget Corp")
        );
    }

    #[test]
    fn a_common_word_is_the_surname_of_a_person_named_in_full() {
        let text = "Acme chief Zed Read spoke. “No,” Read said. From then on, it rained.";
        assert_eq!(resolved(text, &[], "Read").as_deref(), Some("Zed Read"));
        assert_eq!(resolved(text, &[], "From"), None);
        let text = "Why Do They go? They said no.";
        assert_eq!(resolved(text, &[], "They"), None);
    }

    #[test]
    fn an_organisation_keeps_its_title_words() {
        let text = "The State Department and the Senate Ethics Committee spoke.";
        assert_eq!(
            resolved(text, &[], "State Department").as_deref(),
            Some("State Department")
        );
        assert_eq!(
            resolved(text, &[], "Senate Ethics Committee").as_deref(),
            Some("Senate Ethics Committee")
        );
        assert_eq!(
            resolved(text, &[], "Sen. Ann Lee").as_deref(),
            Some("Ann Lee")
        );
    }

    #[test]
    fn a_question_opening_a_run_is_no_part_of_the_name() {
        let text = "Ann Lee spoke first. Does Lee, like Bo Lind, favor the plan?";
        assert_eq!(resolved(text, &[], "Lee").as_deref(), Some("Ann Lee"));
        assert_eq!(resolved(text, &[], "Does Lee").as_deref(), Some("Ann Lee"));
    }

    #[test]
    fn a_name_written_after_the_is_a_thing_no_pronoun_reaches() {
        let text = "Zorb Quill flew to the Acme Valley, and the Zorb Quill campaign went on. \
                    Rain in the Acme Valley is rare. In The Bree Weekly’s profile, Zorb Quill’s \
                    aide spoke.";
        let mut r = Resolver::new(text);
        r.learn(text);
        assert!(r.named_as_thing("Acme Valley"));
        assert!(r.named_as_thing("Bree Weekly"));
        assert!(!r.named_as_thing("Zorb Quill"));
        r.note_speaker("Zorb Quill");
        r.note_speaker("Acme Valley");
        assert_eq!(
            r.resolve("she").map(|x| x.name).as_deref(),
            Some("Zorb Quill")
        );
    }

    #[test]
    fn a_pronoun_picks_the_namesake_of_its_gender() {
        let text = "Mr. Bo Lee and Mrs. Ann Lee came. Mr. Al Ray left.";
        let mut r = Resolver::new(text);
        r.learn(text);
        assert!(!r.pronoun_fits("she", "Bo Lee"));
        assert!(r.pronoun_fits("she", "Ann Lee"));
        assert!(r.pronoun_fits("they", "Bo Lee"));
        assert_eq!(r.namesake_for("Lee", "she").as_deref(), Some("Ann Lee"));
        assert_eq!(r.namesake_for("Lee", "he").as_deref(), Some("Bo Lee"));
        assert_eq!(r.namesake_for("Ray", "she"), None);
    }

    #[test]
    fn a_role_with_a_place_needs_that_place_near_the_person() {
        let context = "Ohio Gov. Bo Lind spoke. Later Sen. Ann Lee, of Maine, left.";
        let table: &[(&str, Option<&str>)] = &[
            ("the Ohio governor", Some("Bo Lind")),
            ("the governor", Some("Bo Lind")),
            ("the Maine senator", Some("Ann Lee")),
            // Another state's senator is not the last senator named: the role as written.
            ("the Texas senator", Some("Texas senator")),
        ];
        for (raw, expected) in table {
            assert_eq!(
                resolved(context, &[], raw).as_deref(),
                *expected,
                "raw: {raw}"
            );
        }
    }

    #[test]
    fn a_pronoun_never_stands_for_an_outlet() {
        let text = "Bo Lind spoke. The Acme Daily Times reported it.";
        let mut r = Resolver::new(text);
        r.learn(text);
        r.note_speaker("Bo Lind");
        r.note_speaker("Acme Daily Times");
        assert!(!r.is_person("Acme Daily Times"));
        assert_eq!(r.resolve("he").map(|x| x.name).as_deref(), Some("Bo Lind"));
    }

    #[test]
    fn a_verb_ends_a_name_run() {
        let context = "Bo Lind spoke.";
        let table: &[(&str, Option<&str>)] = &[
            ("U.S. While Bo Lind", Some("Bo Lind")),
            ("The Acme Party’s", None),
            ("VOTERS LIKE THE PLAN", None),
            (
                "VOTERS LIKE THE PLAN Acme President Bo Lind",
                Some("Bo Lind"),
            ),
            ("AFL-CIO President Bo Lind", Some("Bo Lind")),
            ("Bo Lind is assuring voters", Some("Bo Lind")),
            ("Lind passionately rebuked critics", Some("Bo Lind")),
            ("Lind and has aides", Some("Bo Lind")),
            ("Ohio election officials", Some("Ohio election officials")),
        ];
        for (raw, expected) in table {
            assert_eq!(
                resolved(context, &[], raw).as_deref(),
                *expected,
                "raw: {raw}"
            );
        }
    }

    #[test]
    fn resolves_cue_phrases() {
        let table: &[(&str, &[&str], &str, Option<&str>)] = &[
            (
                "spokesman Dmitry Peskov spoke",
                &[],
                "Peskov",
                Some("Dmitry Peskov"),
            ),
            ("", &[], "Sen. Ted Bloom", Some("Ted Bloom")),
            ("", &[], "President Ann Lee", Some("Ann Lee")),
            (
                "spokesman Dmitry Peskov spoke",
                &[],
                "the spokesman",
                Some("Dmitry Peskov"),
            ),
            (
                "Sen. Ted Bloom spoke",
                &[],
                "the senator",
                Some("Ted Bloom"),
            ),
            (
                "Sen. Ted Bloom spoke. The senator told Acme News so.",
                &[],
                "the senator",
                Some("Ted Bloom"),
            ),
            ("", &[], "the RNC member", Some("RNC member")),
            ("", &[], "a source", None),
            ("", &[], "LONDONVILLE", None),
            ("", &[], "NATO", Some("NATO")),
            ("", &[], "Army Capt. Jeff Lee", Some("Jeff Lee")),
            ("", &[], "Actor Jeff Lee", Some("Jeff Lee")),
            ("", &[], "Chief Lee", None),
            ("", &[], "Acme Court Justice Ann Lee", Some("Ann Lee")),
            ("", &[], "Information Act. But Bo Lind", Some("Bo Lind")),
            ("", &[], "John F. Lee", Some("John F. Lee")),
            ("Rates fell on Feb 27 and rose on Oct 2.", &[], "Feb", None),
            ("", &[], "Acme General Corp", Some("Acme General Corp")),
            (
                "",
                &[],
                "Senate Judiciary Committee Chairman Bo Lind",
                Some("Bo Lind"),
            ),
            ("", &[], "Bob Casey Jr.", Some("Bob Casey Jr.")),
            (
                "",
                &[],
                "Senate Republican leaders",
                Some("Senate Republican leaders"),
            ),
            ("", &[], "Lind", None),
            ("They met Lind today", &[], "Lind", Some("Lind")),
            (
                "Joseph R. Biden Jr. spoke",
                &[],
                "Biden",
                Some("Joseph R. Biden Jr."),
            ),
            ("Ann Lee came", &["Ann Lee"], "she", Some("Ann Lee")),
            (
                "Tom Lind and Mary Ray came",
                &["Tom Lind", "Mary Ray"],
                "he",
                Some("Tom Lind"),
            ),
            (
                "Mary Ray and Tom Lind came",
                &["Mary Ray", "Tom Lind"],
                "she",
                Some("Mary Ray"),
            ),
            ("", &["Moscow"], "he", None),
            (
                "Ann Lee and Mr. Bob Ray came",
                &["Ann Lee", "Bob Ray"],
                "she",
                Some("Ann Lee"),
            ),
            (
                "Mrs. Ann Lee and Bob Ray came",
                &["Ann Lee", "Bob Ray"],
                "he",
                Some("Bob Ray"),
            ),
            ("", &[], "It said supporters", None),
            ("", &[], "The", None),
            ("", &[], "Ann Lee’s", None),
            ("", &[], "Acme’s Ann Lee", Some("Ann Lee")),
            ("", &[], "The Acme’s Ann Lee", Some("Ann Lee")),
            ("Ann Lee’s plan was new.", &[], "Lee", Some("Ann Lee")),
            (
                "Ann Lee's plan was new.",
                &["Ann Lee"],
                "she",
                Some("Ann Lee"),
            ),
            ("Acme’s Ann Lee spoke.", &[], "Acme", None),
            ("", &[], "the Acme’s top aide", Some("Acme’s top aide")),
            ("", &[], "he", None),
            (
                "Ann Lee came. Ann Lee spoke. Bo Lee left.",
                &[],
                "Lee",
                Some("Ann Lee"),
            ),
            (
                "Ann Lee came. Ann Lee spoke. Bo Lee left.",
                &["Bo Lee"],
                "Lee",
                Some("Bo Lee"),
            ),
            ("Ann Lee came.", &[], "Ann", Some("Ann Lee")),
            ("Ann Lee and Ann B. Lee came.", &[], "Ann", Some("Ann Lee")),
            (
                "Ann Lee and Ann Ray came. Ann left.",
                &[],
                "Ann",
                Some("Ann"),
            ),
            ("Lind spoke. Lind left.", &[], "Lind", Some("Lind")),
            ("Allies spoke. Allies left.", &[], "Allies", None),
            ("They left Dover, Tex., today.", &[], "Tex.", None),
            ("They left Dover, N.Y., today.", &[], "N.Y.", None),
            ("The F.B.I. said so.", &[], "F.B.I.", Some("F.B.I.")),
            ("Having spoke. Having left, having", &[], "Having", None),
            (
                "the Information Act. But Bo Lind came",
                &[],
                "Lind",
                Some("Bo Lind"),
            ),
        ];
        for (context, speakers, raw, expected) in table {
            assert_eq!(
                resolved(context, speakers, raw).as_deref(),
                *expected,
                "raw: {raw}, context: {context}"
            );
        }
    }
}
