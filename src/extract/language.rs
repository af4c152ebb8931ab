//! Language detection of the article body, as ISO 639-1 codes.
//!
//! Most press text is in one of a few big languages whose short function words ("the", "der",
//! "les", "los" …) make up a third of running text. A vote over those words decides such a
//! text in one pass over its first thousand characters; whatlang's trigram detector, which
//! compares the text against dozens of language profiles and was 30% of indexing CPU on
//! English newswire, only runs when the vote is not clear-cut (other languages, other
//! scripts, mixed or short text). Tables of figures get no trigram guess either: their words
//! are labels, names and abbreviations, on which whatlang's answers are noise.

/// Characters of the body that decide its language.
const SAMPLE_CHARS: usize = 1000;
/// Fewest words for a stop-word vote; shorter texts go to whatlang.
const VOTE_MIN_WORDS: usize = 40;

/// The body's language as an ISO 639-1 code, when the detector is reliable enough.
pub fn detect(body: &str) -> Option<String> {
    // A thousand characters decide the language as reliably as the whole text (trigram
    // statistics settle quickly), at a fraction of the cost: detection was a third of
    // extraction time on short newswire with 4,000.
    let sample = &body[..prefix_len(body, SAMPLE_CHARS)];
    let tally = Tally::of(sample);
    if let Some(code) = stop_word_vote(&tally) {
        return Some(code.to_string());
    }
    if lenient_english(&tally) {
        return Some("en".to_string());
    }
    if is_figure_table(sample) {
        return table_english(&tally).then(|| "en".to_string());
    }
    detect_trigrams(sample)
}

/// Most words (runs of letters) on a line of figures, "Net 2,102,000 vs 1,415,000"; a line
/// with more is taken for prose.
const FIGURE_LINE_MAX_WORDS: usize = 7;

/// Whether a sample is a table of figures written in ASCII letters: at least half of its
/// non-blank lines hold a digit and at most [`FIGURE_LINE_MAX_WORDS`] words. The words of such
/// a text are labels, abbreviations and names, too few and too unlike prose for trigram
/// statistics: on the 2,388 such Reuters-21578 bodies (all English) the stop-word votes left
/// undecided, whatlang said English 38% of the time, French 22%, one of 30 other languages 11%,
/// and was unsure of the rest. A letter outside ASCII
/// is evidence of an alphabet (whatlang reads that well, even in a table), and scripts written
/// without spaces make few, long words, so those samples keep the trigram detector.
fn is_figure_table(sample: &str) -> bool {
    if sample.chars().any(|c| !c.is_ascii() && c.is_alphabetic()) {
        return false;
    }
    let (mut lines, mut figure_lines) = (0usize, 0usize);
    for line in sample.lines() {
        let bytes = line.as_bytes();
        if bytes.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        lines += 1;
        if bytes.iter().any(u8::is_ascii_digit) && ascii_words(bytes) <= FIGURE_LINE_MAX_WORDS {
            figure_lines += 1;
        }
    }
    lines > 0 && figure_lines * 2 >= lines
}

/// Runs of ASCII letters in `bytes`.
fn ascii_words(bytes: &[u8]) -> usize {
    let mut words = 0;
    let mut in_word = false;
    for b in bytes {
        let letter = b.is_ascii_alphabetic();
        words += usize::from(letter && !in_word);
        in_word = letter;
    }
    words
}

/// English for a table of figures, whose labels dilute the stop words [`lenient_english`]
/// counts: at least two English stop words, one of them [`ENGLISH_ONLY`], and four times any
/// other voted language's hits.
fn table_english(tally: &Tally) -> bool {
    let (best, top, runner_up) = tally.leader();
    VOTED[best] == "en" && top >= 2 && top >= runner_up * 4 && tally.english_only >= 1
}

/// Bytes of the first `chars` characters of `text` (all of it if shorter): counted over the
/// bytes that start a character, without decoding.
fn prefix_len(text: &str, chars: usize) -> usize {
    if text.len() <= chars {
        return text.len(); // no more characters than bytes
    }
    text.bytes()
        .enumerate()
        .filter(|&(_, b)| b & 0xC0 != 0x80)
        .nth(chars)
        .map_or(text.len(), |(i, _)| i)
}

/// whatlang's verdict on a sample: `None` when it is unsure about more than a line of text.
fn detect_trigrams(sample: &str) -> Option<String> {
    let info = whatlang::detect(sample)?;
    if !info.is_reliable() && sample.len() > 200 {
        return None;
    }
    Some(iso_639_1(info.lang()).to_string())
}

/// Languages the stop-word vote can decide, in the order of [`stop_word_language`]'s indexes.
const VOTED: [&str; 4] = ["en", "de", "fr", "es"];

/// Stop words of the voted languages, by [`VOTED`] index. Only words frequent in that
/// language and rare or absent in its close relatives (Dutch, Afrikaans and the Scandinavian
/// languages for English and German, Catalan, Latin and Portuguese for French and Spanish),
/// so a text in one of those gets no clear vote and goes to whatlang.
const STOP_WORDS: [&[&str]; 4] = [
    &[
        "the", "and", "of", "that", "with", "said", "from", "have", "has", "were", "this", "which",
        "would", "been", "their", "they", "will", "but", "its", "his", "she", "are", "it", "by",
        "be", "not", "had", "who", "after", "about", "also", "than", "there", "should", "could",
        "you", "we", "in", "to", "a", "an", "is", "was", "for", "on", "as", "at",
    ],
    &[
        "der", "und", "das", "nicht", "ist", "mit", "sich", "auf", "dem", "ein", "eine", "einen",
        "zu", "für", "auch", "wird", "wurde", "werden", "bei", "nach", "über", "dass", "sind",
        "hat", "noch", "sagte", "sie", "es",
    ],
    &[
        "le", "des", "du", "une", "dans", "pour", "sur", "pas", "au", "avec", "ce", "il", "elle",
        "sont", "ont", "été", "aux", "mais", "cette", "plus", "ses", "leur", "nous", "vous",
    ],
    &[
        "los", "las", "y", "con", "su", "sus", "más", "pero", "fue", "también", "muy", "hay", "ha",
        "han", "una", "está", "entre", "sobre", "desde", "el", "del", "lo", "al", "cuando",
        "porque", "sin", "ya", "dijo", "años",
    ],
];

/// English stop words that no close relative of English (Dutch, Afrikaans, the Scandinavian
/// languages) nor a Latin-script language with short function words like "a", "to", "on"
/// (Czech, Polish, Portuguese, Tagalog, Latin) uses: the evidence [`lenient_english`] asks for.
const ENGLISH_ONLY: &[&str] = &[
    "the", "and", "that", "with", "said", "from", "has", "were", "this", "which", "would", "been",
    "their", "they", "its", "his", "she", "who", "about", "also", "than", "there", "should",
    "could", "you",
];

/// Longest stop word in bytes; longer words are not looked up.
const MAX_STOP_WORD: usize = 8;

/// A word of up to [`MAX_STOP_WORD`] bytes as one integer (bytes in order, zero-padded), the
/// key of [`STOP_WORD_TABLE`].
const fn word_key(word: &[u8]) -> u64 {
    let mut key = 0u64;
    let mut i = 0;
    while i < MAX_STOP_WORD {
        key <<= 8;
        if i < word.len() {
            key |= word[i] as u64;
        }
        i += 1;
    }
    key
}

/// Number of stop words of all voted languages.
const STOP_WORD_COUNT: usize =
    STOP_WORDS[0].len() + STOP_WORDS[1].len() + STOP_WORDS[2].len() + STOP_WORDS[3].len();

/// Flag on a [`STOP_WORD_TABLE`] value: the word is in [`ENGLISH_ONLY`].
const ENGLISH_ONLY_FLAG: u8 = 0x80;

/// Slots of [`STOP_WORD_TABLE`]: a power of two, four times the stop words, so a lookup
/// mostly reads one slot.
const STOP_WORD_SLOTS: usize = 512;

/// The first [`STOP_WORD_TABLE`] slot of a [`word_key`] (Fibonacci hashing).
const fn slot_of(key: u64) -> usize {
    (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - STOP_WORD_SLOTS.trailing_zeros())) as usize
}

/// Every stop word's [`word_key`] with its [`VOTED`] index (and [`ENGLISH_ONLY_FLAG`]), in an
/// open-addressing hash table built at compile time (key 0 marks an empty slot): one or two
/// slots read per word instead of comparing it with a hundred strings (a binary search over
/// them was a tenth of language detection).
static STOP_WORD_TABLE: [(u64, u8); STOP_WORD_SLOTS] = {
    assert!(STOP_WORD_COUNT * 4 <= STOP_WORD_SLOTS);
    let mut table = [(0u64, 0u8); STOP_WORD_SLOTS];
    let mut lang = 0;
    while lang < STOP_WORDS.len() {
        let mut i = 0;
        while i < STOP_WORDS[lang].len() {
            let word = STOP_WORDS[lang][i].as_bytes();
            assert!(!word.is_empty() && word.len() <= MAX_STOP_WORD);
            let mut value = lang as u8;
            let mut j = 0;
            while j < ENGLISH_ONLY.len() {
                if lang == 0 && bytes_eq(ENGLISH_ONLY[j].as_bytes(), word) {
                    value |= ENGLISH_ONLY_FLAG;
                }
                j += 1;
            }
            let key = word_key(word);
            let mut slot = slot_of(key);
            while table[slot].0 != 0 {
                // A word listed twice would be counted for only one of its languages.
                assert!(table[slot].0 != key, "stop word listed twice");
                slot = (slot + 1) % STOP_WORD_SLOTS;
            }
            table[slot] = (key, value);
            i += 1;
        }
        lang += 1;
    }
    table
};

/// The [`STOP_WORD_TABLE`] value of a word's [`word_key`], if it is a stop word.
#[inline]
fn lookup_stop_word(key: u64) -> Option<u8> {
    let mut slot = slot_of(key);
    loop {
        let (k, value) = STOP_WORD_TABLE[slot];
        if k == key {
            return Some(value);
        }
        if k == 0 {
            return None;
        }
        slot = (slot + 1) % STOP_WORD_SLOTS;
    }
}

const fn bytes_eq(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

/// The [`STOP_WORD_TABLE`] value of a word, given ASCII-lowercased.
#[cfg(test)]
fn stop_word_entry(lower: &[u8]) -> Option<u8> {
    if lower.len() > MAX_STOP_WORD {
        return None;
    }
    lookup_stop_word(word_key(lower))
}

/// The voted language (index into [`VOTED`]) a lowercase word is a stop word of.
#[cfg(test)]
fn stop_word_language(word: &str) -> Option<usize> {
    stop_word_entry(word.as_bytes()).map(|v| (v & !ENGLISH_ONLY_FLAG) as usize)
}

/// Stop-word counts of a sample.
#[derive(Debug, Default, PartialEq)]
struct Tally {
    /// Words (runs of alphabetic characters).
    words: usize,
    /// Stop words of each voted language.
    hits: [usize; VOTED.len()],
    /// Words of [`ENGLISH_ONLY`].
    english_only: usize,
}

impl Tally {
    /// Counts words and stop words in one pass over the bytes: ASCII bytes are classified
    /// directly, other characters decoded one at a time. A word is a run of alphabetic
    /// characters, as `split(|c| !c.is_alphabetic())` makes them; stop words match
    /// ASCII-case-insensitively. A word's first [`MAX_STOP_WORD`] bytes are gathered into its
    /// [`word_key`] as it is read.
    fn of(sample: &str) -> Tally {
        let mut tally = Tally::default();
        let bytes = sample.as_bytes();
        let mut key = 0u64;
        let mut len = 0usize; // bytes of the current word, 0 outside a word
        let mut i = 0;
        while i < bytes.len() {
            let b = bytes[i];
            if b.is_ascii_alphabetic() {
                if len < MAX_STOP_WORD {
                    key = key << 8 | u64::from(b | 0x20);
                }
                len += 1;
                i += 1;
                continue;
            }
            let (alphabetic, width) = if b < 0x80 {
                (false, 1)
            } else {
                let c = sample[i..].chars().next().unwrap_or(' ');
                (c.is_alphabetic(), c.len_utf8())
            };
            if alphabetic {
                for &byte in &bytes[i..i + width] {
                    if len < MAX_STOP_WORD {
                        key = key << 8 | u64::from(byte);
                    }
                    len += 1;
                }
            } else if len > 0 {
                tally.word(key, len);
                key = 0;
                len = 0;
            }
            i += width;
        }
        if len > 0 {
            tally.word(key, len);
        }
        tally
    }

    /// Counts a word of `len` bytes whose first bytes are packed (unpadded) in `key`.
    #[inline]
    fn word(&mut self, key: u64, len: usize) {
        self.words += 1;
        if len > MAX_STOP_WORD {
            return;
        }
        let key = key << (8 * (MAX_STOP_WORD - len));
        if let Some(value) = lookup_stop_word(key) {
            self.hits[(value & !ENGLISH_ONLY_FLAG) as usize] += 1;
            if value & ENGLISH_ONLY_FLAG != 0 {
                self.english_only += 1;
            }
        }
    }

    /// The voted language with the most hits, its hits and the most hits of another.
    fn leader(&self) -> (usize, usize, usize) {
        let mut best = 0;
        for (i, &h) in self.hits.iter().enumerate() {
            if h > self.hits[best] {
                best = i;
            }
        }
        let runner_up = (0..self.hits.len())
            .filter(|&i| i != best)
            .map(|i| self.hits[i])
            .max()
            .unwrap_or(0);
        (best, self.hits[best], runner_up)
    }
}

/// The language whose stop words dominate the sample, if one clearly does: at least
/// [`VOTE_MIN_WORDS`] words, at least a sixth of them its stop words and at least four times
/// the hits of any other voted language. Otherwise `None`, and whatlang decides.
fn stop_word_vote(tally: &Tally) -> Option<&'static str> {
    if tally.words < VOTE_MIN_WORDS {
        return None;
    }
    let (best, top, runner_up) = tally.leader();
    (top > 0 && top * 6 >= tally.words && top >= runner_up * 4).then_some(VOTED[best])
}

/// English on weaker evidence than [`stop_word_vote`]'s, for short items and stories padded
/// with tables of figures or capitalised datelines, which whatlang labels erratically
/// (French, Afrikaans, Danish …) or not at all: at least three English stop words, a tenth
/// of the words, four times any other voted language's hits, and at least two of them
/// [`ENGLISH_ONLY`] words, which Dutch, Czech or Portuguese text does not have.
fn lenient_english(tally: &Tally) -> bool {
    let (best, top, runner_up) = tally.leader();
    VOTED[best] == "en"
        && top >= 3
        && top * 10 >= tally.words
        && top >= runner_up * 4
        && tally.english_only >= 2
}

/// ISO 639-1 code for the languages tantivy has stemmers for, ISO 639-3 otherwise.
fn iso_639_1(lang: whatlang::Lang) -> &'static str {
    use whatlang::Lang::*;
    match lang {
        Eng => "en",
        Deu => "de",
        Fra => "fr",
        Spa => "es",
        Ita => "it",
        Por => "pt",
        Nld => "nl",
        Rus => "ru",
        Ukr => "uk",
        Swe => "sv",
        Dan => "da",
        Nob => "no",
        Fin => "fi",
        Hun => "hu",
        Ron => "ro",
        Tur => "tr",
        Ell => "el",
        Ara => "ar",
        Pol => "pl",
        Ces => "cs",
        Jpn => "ja",
        Cmn => "zh",
        Kor => "ko",
        Heb => "he",
        Hin => "hi",
        Tam => "ta",
        other => other.code(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_common_press_languages() {
        for (text, expected) in [
            (
                "The president said on Tuesday that the talks had been useful and constructive.",
                "en",
            ),
            (
                "Der Bundeskanzler sagte am Dienstag, die Gespräche seien nützlich und konstruktiv gewesen.",
                "de",
            ),
            (
                "Представитель Кремля заявил во вторник, что переговоры были полезными и конструктивными.",
                "ru",
            ),
        ] {
            assert_eq!(detect(text).as_deref(), Some(expected), "{text}");
        }
    }

    /// Texts long enough for the stop-word vote, and close relatives that must not be won by
    /// it (they fall through to whatlang and keep their own language).
    #[test]
    fn long_texts_are_voted_right_and_relatives_are_not_taken() {
        for (text, expected) in [
            (
                "The minister said on Tuesday that the government would not change its plans. \
                 He added that the talks with the unions had been useful, but that there was \
                 still a long way to go before an agreement could be signed by both sides, and \
                 that the prime minister would meet them again after the summer.",
                "en",
            ),
            (
                "Der Bundeskanzler sagte am Dienstag, die Gespräche mit den Gewerkschaften seien \
                 nützlich gewesen. Es gebe aber noch viel zu tun, bevor eine Einigung \
                 unterzeichnet werden könne. Die Regierung werde ihre Pläne nicht ändern, sagte \
                 er nach dem Treffen in Berlin, und auch die Opposition sei zu Gesprächen bereit.",
                "de",
            ),
            (
                "Le ministre a déclaré mardi que le gouvernement ne changerait pas ses projets. \
                 Il a ajouté que les discussions avec les syndicats avaient été utiles, mais \
                 qu'il restait encore beaucoup à faire avant la signature d'un accord par les \
                 deux parties, et que le premier ministre les recevrait de nouveau après l'été.",
                "fr",
            ),
            (
                "El ministro dijo el martes que el gobierno no cambiará sus planes. Añadió que \
                 las conversaciones con los sindicatos habían sido útiles, pero que todavía \
                 queda mucho por hacer antes de que ambas partes firmen un acuerdo, y que el \
                 presidente se reunirá de nuevo con ellos después del verano en Madrid.",
                "es",
            ),
            (
                "Il ministro ha dichiarato martedì che il governo non cambierà i suoi piani. Ha \
                 aggiunto che i colloqui con i sindacati sono stati utili, ma che resta ancora \
                 molto da fare prima che le due parti firmino un accordo, e che il presidente \
                 del consiglio li incontrerà di nuovo dopo l'estate a Roma.",
                "it",
            ),
            (
                "De minister zei dinsdag dat de regering haar plannen niet zal wijzigen. Hij \
                 voegde eraan toe dat de gesprekken met de vakbonden nuttig waren geweest, maar \
                 dat er nog veel moet gebeuren voordat beide partijen een akkoord kunnen \
                 ondertekenen, en dat de premier hen na de zomer opnieuw zal ontmoeten.",
                "nl",
            ),
            (
                "Министр заявил во вторник, что правительство не будет менять свои планы. Он \
                 добавил, что переговоры с профсоюзами были полезными, но до подписания \
                 соглашения обеими сторонами ещё предстоит многое сделать, и что премьер-министр \
                 снова встретится с ними после лета в Москве.",
                "ru",
            ),
        ] {
            assert_eq!(detect(text).as_deref(), Some(expected), "{text}");
            let voted = VOTED.contains(&expected).then_some(expected);
            assert_eq!(stop_word_vote(&Tally::of(text)), voted, "{text}");
        }
    }

    /// Tally::of counts words and stop words as splitting at non-alphabetic characters does,
    /// non-ASCII letters and ASCII case included.
    #[test]
    fn tally_counts_words_like_a_split_at_non_letters() {
        for text in [
            "",
            "  ",
            "The end",
            "Über die Brücke, für DICH und das Été: más años.",
            "x1y2z 3.5% THE-and\tof\n—für—été's «les» naïve Zürich überhaupt",
            "αβγ δ the der",
            "un été très chaud dans les années",
        ] {
            let words = text
                .split(|c: char| !c.is_alphabetic())
                .filter(|w| !w.is_empty())
                .collect::<Vec<_>>();
            let mut hits = [0; VOTED.len()];
            for w in &words {
                let lower = w.to_ascii_lowercase();
                if let Some(lang) = stop_word_language(&lower) {
                    hits[lang] += 1;
                }
            }
            let tally = Tally::of(text);
            assert_eq!((tally.words, tally.hits), (words.len(), hits), "{text}");
        }
        for (text, chars) in [("", 3), ("abc", 3), ("abcd", 3), ("été…x", 2), ("été…x", 9)]
        {
            let expected = text
                .char_indices()
                .nth(chars)
                .map_or(text.len(), |(i, _)| i);
            assert_eq!(prefix_len(text, chars), expected, "{text}");
        }
        for (lang, words) in STOP_WORDS.iter().enumerate() {
            for word in *words {
                assert_eq!(stop_word_language(word), Some(lang), "{word}");
            }
        }
        for word in ["thee", "th", "ander", "ofthe", "x", "zz", "éte", "año"] {
            assert_eq!(stop_word_language(word), None, "{word}");
        }
        assert_eq!(stop_word_language("für"), Some(1));
        assert_eq!(stop_word_language("también"), Some(3));
        assert_eq!(stop_word_language("the"), Some(0));
        assert_eq!(stop_word_language("theory"), None);
    }

    /// Tables of figures in ASCII letters get no trigram guess: English when a few English
    /// stop words say so, else no language. Prose lines with figures, tables with accented
    /// words and scripts written without spaces are not tables.
    #[test]
    fn figure_tables_are_english_or_unjudged() {
        let english = "BERGEN, May 4 - Qtr shr 12 cts vs 9 cts\n  Net 1,250,000 vs 980,000\n  \
                       Revs 14.1 mln vs 12.7 mln\n  NOTE: Figures of the unit sold in May excluded.";
        let labels_only = "LYON, June 2 - Div 4 cts vs 4 cts\n  Pay July 15\n  Record June 30";
        // Dutch: "in" is an English stop word too, but not an English-only one. (whatlang says
        // "nl" here, and "en" for the table above it: no language is the price of not asking.)
        let dutch =
            "Omzet 3,2 mld in 2023\nWinst 1,1 mld in 2023\nDividend 0,5 per aandeel in 2024";
        for (text, expected) in [(english, Some("en")), (labels_only, None), (dutch, None)] {
            assert!(is_figure_table(text), "{text}");
            assert!(!lenient_english(&Tally::of(text)), "{text}");
            assert_eq!(detect(text).as_deref(), expected, "{text}");
        }
        for text in [
            "De omzet van het bedrijf steeg vorig jaar met 12 procent tot 3,2 miljard euro, \
             zei de topman dinsdag in Amsterdam tegen verslaggevers.",
            "Umsatz 3,2 Mrd\nGewinn 1,1 Mrd\nDividende für 2024: 0,50",
            "売上高は3200億円\n純利益は110億円\n配当は50円",
            "",
            "\n \n",
        ] {
            assert!(!is_figure_table(text), "{text}");
        }
        assert_eq!(ascii_words(b"Net 2,102,000 vs 1.4 mln-dlrs"), 4);
    }

    /// Short English items and stories padded with figures are English without whatlang;
    /// short texts in languages that share "a", "in", "is", "to" or "was" with English are not.
    #[test]
    fn short_or_figure_heavy_english_is_english_and_relatives_are_not() {
        for text in [
            "CHICAGO, May 4 - Shares of the company were higher at the open.",
            "OSLO, June 2 - Qtr shr 12 cts vs 9 cts\n  Net 1,250,000 vs 980,000\n  Revs 14.1 mln \
             vs 12.7 mln\n  NOTE: The company said results include a gain of 310,000 dlrs \
             from the sale of its trucking unit.",
        ] {
            let tally = Tally::of(text);
            assert_eq!(stop_word_vote(&tally), None, "{text}");
            assert!(lenient_english(&tally), "{text}");
            assert_eq!(detect(text).as_deref(), Some("en"), "{text}");
        }
        for text in [
            // Dutch: "is", "in", "was" are English stop words too, but none is English-only.
            "Het kabinet was in Den Haag en het is nog niet duidelijk wat er gebeurt.",
            // Czech: "a", "to", "on" likewise.
            "Vláda to schválila a on řekl, že je to dobrá zpráva pro celou zemi.",
            // Portuguese: "a", "as".
            "O governo disse que a proposta chega a tempo para as eleições de outubro.",
        ] {
            assert!(!lenient_english(&Tally::of(text)), "{text}");
        }
    }
}
