//! Text analysed ahead of the index writer, so tantivy's one indexing thread does not run
//! the analyzer itself.
//!
//! That thread is the indexing pipeline's critical path (see [`super::writer`]), and running
//! the prose analyzers over article bodies (word splitting, lowercasing, stemming, folding)
//! was ~39% of its instructions on Reuters-21578. [`pre_analyse`] runs the same analyzer
//! elsewhere (on the extraction threads) and writes its terms into a string that
//! [`PreAnalysedOr`] turns back into the same tokens with a split on a separator.
//!
//! An encoded text starts with [`SEPARATOR`]; every term is followed by one, and a position
//! the analyzer skipped (a word too long to index) is an empty term. Only what tantivy indexes
//! survives: each term's text and position (tantivy records no offsets in postings, and our
//! analyzers give every token a position length of 1). Any other text, a query for one, goes
//! through the wrapped analyzer as before, so one analyzer serves both. tantivy's own
//! `PreTokenizedString` would do the same job, but it copies every token three times (into
//! the document, out of it, and once more before indexing), each in its own allocation.

use std::borrow::Cow;

use tantivy::tokenizer::{BoxTokenStream, TextAnalyzer, Token, TokenStream, Tokenizer};

/// Opens an encoded text and ends each of its terms. No analysed term holds it: the
/// tokenizer keeps only letters and digits, and lowercasing, stemming and ASCII folding
/// turn those into letters, digits and ASCII punctuation (tested over every character).
pub const SEPARATOR: char = '\0';

/// `text`'s terms under `analyzer` (a [`PreAnalysedOr`] or the analyzer it wraps), encoded
/// for [`PreAnalysedOr`]; `None` when the tokens cannot be encoded (a position going back or
/// spanning several, an empty term, a term holding the separator): index [`as_text`] then.
pub fn pre_analyse(analyzer: &mut TextAnalyzer, text: &str) -> Option<String> {
    let mut out = String::with_capacity(text.len() + 1);
    out.push(SEPARATOR);
    let text = as_text(text);
    let mut stream = analyzer.token_stream(&text);
    let mut next = 0;
    while let Some(token) = stream.next() {
        let term = &token.text;
        if token.position < next
            || token.position_length != 1
            || term.is_empty()
            || term.contains(SEPARATOR)
        {
            return None;
        }
        out.extend(std::iter::repeat_n(SEPARATOR, token.position - next));
        out.push_str(&token.text);
        out.push(SEPARATOR);
        next = token.position + 1;
    }
    Some(out)
}

/// `text` to index as it is, analysed by the writer: a text that happens to open with the
/// separator gets a space in front so it is not read as an encoding. The prose analyzers
/// skip the space like the separator itself: the same terms at the same positions.
pub fn as_text(text: &str) -> Cow<'_, str> {
    if text.starts_with(SEPARATOR) {
        Cow::Owned(format!(" {text}"))
    } else {
        Cow::Borrowed(text)
    }
}

/// A tokenizer that reads the terms of a text encoded by [`pre_analyse`] and hands any other
/// text to the analyzer it wraps.
#[derive(Clone)]
pub struct PreAnalysedOr(pub TextAnalyzer);

impl Tokenizer for PreAnalysedOr {
    type TokenStream<'a> = PreAnalysedStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> PreAnalysedStream<'a> {
        match text.strip_prefix(SEPARATOR) {
            Some(terms) => PreAnalysedStream::Encoded(Terms {
                rest: terms,
                at: SEPARATOR.len_utf8(),
                token: Token {
                    position: usize::MAX,
                    ..Token::default()
                },
            }),
            None => PreAnalysedStream::Text(self.0.token_stream(text)),
        }
    }
}

/// The tokens of a [`PreAnalysedOr`].
pub enum PreAnalysedStream<'a> {
    Encoded(Terms<'a>),
    Text(BoxTokenStream<'a>),
}

/// The terms of an encoded text, as tokens. Offsets are those of the terms in the encoding.
pub struct Terms<'a> {
    /// What is left to read.
    rest: &'a str,
    /// Where `rest` starts in the encoded text.
    at: usize,
    token: Token,
}

impl TokenStream for PreAnalysedStream<'_> {
    fn advance(&mut self) -> bool {
        match self {
            PreAnalysedStream::Text(stream) => stream.advance(),
            PreAnalysedStream::Encoded(terms) => terms.advance(),
        }
    }

    fn token(&self) -> &Token {
        match self {
            PreAnalysedStream::Text(stream) => stream.token(),
            PreAnalysedStream::Encoded(terms) => &terms.token,
        }
    }

    fn token_mut(&mut self) -> &mut Token {
        match self {
            PreAnalysedStream::Text(stream) => stream.token_mut(),
            PreAnalysedStream::Encoded(terms) => &mut terms.token,
        }
    }
}

impl Terms<'_> {
    fn advance(&mut self) -> bool {
        while !self.rest.is_empty() {
            // Terms are short: a plain byte loop beats `str::find`'s searcher (a third of the
            // decoding's instructions).
            let end = (self.rest.bytes())
                .position(|b| b == SEPARATOR as u8)
                .unwrap_or(self.rest.len());
            let term = &self.rest[..end];
            let from = self.at;
            let step = (end + SEPARATOR.len_utf8()).min(self.rest.len());
            self.rest = &self.rest[step..];
            self.at += step;
            self.token.position = self.token.position.wrapping_add(1);
            if !term.is_empty() {
                self.token.text.clear();
                self.token.text.push_str(term);
                self.token.offset_from = from;
                self.token.offset_to = from + term.len();
                return true;
            }
        }
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tantivy::tokenizer::{
        AsciiFoldingFilter, LowerCaser, RawTokenizer, RemoveLongFilter, SimpleTokenizer,
        WhitespaceTokenizer,
    };

    fn words(long: usize) -> TextAnalyzer {
        TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(RemoveLongFilter::limit(long))
            .filter(LowerCaser)
            .filter(AsciiFoldingFilter)
            .build()
    }

    /// Text, position and position length of every token.
    fn indexed(mut analyzer: TextAnalyzer, text: &str) -> Vec<(String, usize, usize)> {
        let mut stream = analyzer.token_stream(text);
        let mut out = Vec::new();
        while let Some(t) = stream.next() {
            out.push((t.text.clone(), t.position, t.position_length));
        }
        out
    }

    #[test]
    fn encoded_terms_read_back_as_the_analyzer_tokens() {
        let texts = [
            "",
            "   ",
            "Ünïcödé Wörds, and a verylongword at the start",
            "verylongword first, then short ones",
            "ends with verylongword verylongword",
            "two verylongword verylongword in the middle",
            "ﬁne ½ Æsir ΣΊΣΥΦΟΣ 東京 x\u{0}y",
        ];
        for text in texts {
            let analyzer = words(10);
            let encoded = pre_analyse(&mut analyzer.clone(), text).unwrap();
            let wrapped = TextAnalyzer::from(PreAnalysedOr(analyzer.clone()));
            assert_eq!(
                indexed(wrapped.clone(), &encoded),
                indexed(analyzer.clone(), text),
                "{text:?} as {encoded:?}"
            );
            // Text that is not encoded goes through the wrapped analyzer.
            assert_eq!(indexed(wrapped, text), indexed(analyzer, text), "{text:?}");
        }
    }

    #[test]
    fn a_text_opening_with_the_separator_is_not_read_as_an_encoding() {
        let text = "\u{0}Raw text\u{0}\u{0}with separators";
        let analyzer = words(20);
        let wrapped = TextAnalyzer::from(PreAnalysedOr(analyzer.clone()));
        let expected = indexed(analyzer, text);
        assert_eq!(expected.len(), 4);
        assert_eq!(indexed(wrapped.clone(), &as_text(text)), expected);
        let encoded = pre_analyse(&mut wrapped.clone(), text).unwrap();
        assert_eq!(indexed(wrapped, &encoded), expected);
        assert_eq!(as_text("plain"), "plain");
    }

    #[test]
    fn tokens_it_cannot_encode_leave_the_text_as_it_is() {
        // Whitespace splitting keeps the separator inside a term.
        let mut analyzer = TextAnalyzer::from(WhitespaceTokenizer::default());
        assert_eq!(pre_analyse(&mut analyzer, "a b\u{0}c"), None);
        assert!(pre_analyse(&mut analyzer, "a bc").is_some());
        // An empty term would read back as a skipped position.
        let mut analyzer = TextAnalyzer::from(RawTokenizer::default());
        assert_eq!(pre_analyse(&mut analyzer, ""), None);
        assert!(pre_analyse(&mut analyzer, "a").is_some());
    }

    #[test]
    fn no_analysed_character_holds_the_separator() {
        let mut analyzer = words(40);
        for c in (1..=char::MAX as u32).filter_map(char::from_u32) {
            let text = c.to_string();
            let mut stream = analyzer.token_stream(&text);
            while let Some(token) = stream.next() {
                assert!(!token.text.contains(SEPARATOR), "{c:?}");
            }
        }
    }

    #[test]
    fn odd_encodings_do_not_panic() {
        let wrapped = TextAnalyzer::from(PreAnalysedOr(words(10)));
        for odd in [
            "\u{0}",
            "\u{0}\u{0}\u{0}",
            "\u{0}a",
            "\u{0}é\u{0}\u{0}ß",
            "\u{0}a b\u{0}",
        ] {
            let tokens = indexed(wrapped.clone(), odd);
            assert!(tokens.iter().all(|(t, ..)| !t.is_empty()), "{odd:?}");
        }
        assert_eq!(
            indexed(wrapped, "\u{0}a\u{0}\u{0}b"),
            [("a".to_string(), 0, 1), ("b".to_string(), 2, 1)]
        );
    }
}
