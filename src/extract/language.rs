//! Language detection of the article body, as ISO 639-1 codes.

/// The body's language as an ISO 639-1 code, when the detector is reliable enough.
pub fn detect(body: &str) -> Option<String> {
    // A thousand characters decide the language as reliably as the whole text (trigram
    // statistics settle quickly), at a fraction of the cost: detection was a third of
    // extraction time on short newswire with 4,000.
    let sample = match body.char_indices().nth(1000) {
        Some((i, _)) => &body[..i],
        None => body,
    };
    let info = whatlang::detect(sample)?;
    if !info.is_reliable() && sample.len() > 200 {
        return None;
    }
    Some(iso_639_1(info.lang()).to_string())
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
}
