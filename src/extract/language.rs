//! Language detection of the article body, as ISO 639-1 codes.
//!
//! Most press text is in one of a few big languages whose short function words ("the", "der",
//! "les", "los" …) make up a third of running text. A vote over those words decides such a
//! text in one pass over its first thousand characters; whatlang's trigram detector, which
//! compares the text against dozens of language profiles and was 30% of indexing CPU on
//! English newswire, only runs when the vote is not clear-cut (other languages, other
//! scripts, mixed or short text).

/// Characters of the body that decide its language.
const SAMPLE_CHARS: usize = 1000;
/// Fewest words for a stop-word vote; shorter texts go to whatlang.
const VOTE_MIN_WORDS: usize = 40;

/// The body's language as an ISO 639-1 code, when the detector is reliable enough.
pub fn detect(body: &str) -> Option<String> {
    // A thousand characters decide the language as reliably as the whole text (trigram
    // statistics settle quickly), at a fraction of the cost: detection was a third of
    // extraction time on short newswire with 4,000.
    let sample = match body.char_indices().nth(SAMPLE_CHARS) {
        Some((i, _)) => &body[..i],
        None => body,
    };
    if let Some(code) = stop_word_vote(sample) {
        return Some(code.to_string());
    }
    detect_trigrams(sample)
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

/// The language whose stop words dominate `sample`, if one clearly does: at least a sixth of
/// the words are its stop words and it has at least four times the hits of any other voted
/// language. Otherwise `None`, and whatlang decides.
fn stop_word_vote(sample: &str) -> Option<&'static str> {
    let mut hits = [0usize; VOTED.len()];
    let mut words = 0usize;
    let mut buf = [0u8; 8];
    for word in sample
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
    {
        words += 1;
        if word.len() > buf.len() {
            continue;
        }
        let lower = &mut buf[..word.len()];
        lower.copy_from_slice(word.as_bytes());
        lower.make_ascii_lowercase();
        if let Some(lang) = std::str::from_utf8(lower).ok().and_then(stop_word_language) {
            hits[lang] += 1;
        }
    }
    if words < VOTE_MIN_WORDS {
        return None;
    }
    let (best, &top) = hits.iter().enumerate().max_by_key(|(_, h)| **h)?;
    let runner_up = hits
        .iter()
        .enumerate()
        .filter(|(i, _)| *i != best)
        .map(|(_, h)| *h)
        .max()
        .unwrap_or(0);
    (top * 6 >= words && top >= runner_up * 4).then_some(VOTED[best])
}

/// The voted language (index into [`VOTED`]) a lowercase word is a stop word of. Only words
/// frequent in that language and rare or absent in its close relatives (Dutch, Afrikaans and
/// the Scandinavian languages for English and German, Catalan, Latin and Portuguese for
/// French and Spanish), so a text in one of those gets no clear vote and goes to whatlang.
fn stop_word_language(word: &str) -> Option<usize> {
    Some(match word {
        "the" | "and" | "of" | "that" | "with" | "said" | "from" | "have" | "has" | "were"
        | "this" | "which" | "would" | "been" | "their" | "they" | "will" | "but" | "its"
        | "his" | "she" | "are" | "it" | "by" | "be" | "not" | "had" | "who" | "after"
        | "about" | "also" | "than" | "there" | "should" | "could" | "you" | "we" | "in" | "to"
        | "a" | "an" | "is" | "was" | "for" | "on" | "as" | "at" => 0,
        "der" | "und" | "das" | "nicht" | "ist" | "mit" | "sich" | "auf" | "dem" | "ein"
        | "eine" | "einen" | "zu" | "für" | "auch" | "wird" | "wurde" | "werden" | "bei"
        | "nach" | "über" | "dass" | "sind" | "hat" | "noch" | "sagte" | "sie" | "es" => 1,
        "le" | "des" | "du" | "une" | "dans" | "pour" | "sur" | "pas" | "au" | "avec" | "ce"
        | "il" | "elle" | "sont" | "ont" | "été" | "aux" | "mais" | "cette" | "plus" | "ses"
        | "leur" | "nous" | "vous" => 2,
        "los" | "las" | "y" | "con" | "su" | "sus" | "más" | "pero" | "fue" | "también" | "muy"
        | "hay" | "ha" | "han" | "una" | "está" | "entre" | "sobre" | "desde" | "el" | "del"
        | "lo" | "al" | "cuando" | "porque" | "sin" | "ya" | "dijo" | "años" => 3,
        _ => return None,
    })
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
            assert_eq!(stop_word_vote(text), voted, "{text}");
        }
    }
}
