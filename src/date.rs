//! Publication dates: partial calendar dates (`2025`, `2025-12`, `2025-12-03`), their parsing
//! from the many shapes pages and users write them in, and their span as timestamps.
//!
//! A date that is only partly known stays partial: `--since 2025-12` and a page dated
//! "December 2025" must both work without inventing a day.

use std::fmt;
use std::str::FromStr;

use chrono::{Datelike, NaiveDate};
use lazy_regex::{Lazy, lazy_regex};
use regex::Regex;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A calendar date known to the year, the month or the day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PublishedDate {
    pub year: i32,
    pub month: Option<u32>,
    pub day: Option<u32>,
}

impl PublishedDate {
    /// A full date, checked against the calendar.
    pub fn ymd(year: i32, month: u32, day: u32) -> Option<Self> {
        NaiveDate::from_ymd_opt(year, month, day)?;
        Some(Self {
            year,
            month: Some(month),
            day: Some(day),
        })
    }

    /// A year and month, checked.
    pub fn ym(year: i32, month: u32) -> Option<Self> {
        (1..=12).contains(&month).then_some(Self {
            year,
            month: Some(month),
            day: None,
        })
    }

    /// True when years this early or late are certainly not a news publication date.
    pub fn is_plausible(&self) -> bool {
        (1800..=2100).contains(&self.year)
    }

    /// First day covered by this date.
    pub fn first_day(&self) -> NaiveDate {
        NaiveDate::from_ymd_opt(self.year, self.month.unwrap_or(1), self.day.unwrap_or(1))
            .expect("components were validated on construction")
    }

    /// Last day covered by this date.
    pub fn last_day(&self) -> NaiveDate {
        match (self.month, self.day) {
            (Some(m), Some(d)) => NaiveDate::from_ymd_opt(self.year, m, d),
            (Some(m), None) => {
                let (y, m) = if m == 12 {
                    (self.year + 1, 1)
                } else {
                    (self.year, m + 1)
                };
                NaiveDate::from_ymd_opt(y, m, 1).and_then(|d| d.pred_opt())
            }
            _ => NaiveDate::from_ymd_opt(self.year, 12, 31),
        }
        .expect("components were validated on construction")
    }

    /// Seconds since the Unix epoch at the start (00:00 UTC) of the first day.
    pub fn start_timestamp(&self) -> i64 {
        day_timestamp(self.first_day())
    }

    /// Seconds since the Unix epoch at the end (23:59:59 UTC) of the last day.
    pub fn end_timestamp(&self) -> i64 {
        day_timestamp(self.last_day()) + 86_399
    }

    /// The date from a timestamp in seconds (UTC), to the day.
    pub fn from_timestamp(secs: i64) -> Option<Self> {
        let d = chrono::DateTime::from_timestamp(secs, 0)?.date_naive();
        Self::ymd(d.year(), d.month(), d.day())
    }
}

fn day_timestamp(d: NaiveDate) -> i64 {
    d.and_hms_opt(0, 0, 0)
        .expect("midnight exists")
        .and_utc()
        .timestamp()
}

impl fmt::Display for PublishedDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
            if let Some(d) = self.day {
                write!(f, "-{d:02}")?;
            }
        }
        Ok(())
    }
}

/// The error for a date a user typed that is not `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
#[derive(Debug, thiserror::Error)]
#[error("expected YYYY, YYYY-MM or YYYY-MM-DD, got '{0}'")]
pub struct DateParseError(String);

impl FromStr for PublishedDate {
    type Err = DateParseError;

    /// Parses the strict forms users type on the command line.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let err = || DateParseError(s.to_string());
        let parts: Vec<&str> = s.trim().split('-').collect();
        let num = |p: &str, len: usize| -> Result<u32, DateParseError> {
            if p.len() == len && p.bytes().all(|b| b.is_ascii_digit()) {
                p.parse().map_err(|_| err())
            } else {
                Err(err())
            }
        };
        match parts.as_slice() {
            [y] => Ok(Self {
                year: num(y, 4)? as i32,
                month: None,
                day: None,
            }),
            [y, m] => Self::ym(num(y, 4)? as i32, num(m, 2)?).ok_or_else(err),
            [y, m, d] => Self::ymd(num(y, 4)? as i32, num(m, 2)?, num(d, 2)?).ok_or_else(err),
            _ => Err(err()),
        }
    }
}

impl Serialize for PublishedDate {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for PublishedDate {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

const MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

/// Full month names in the other languages of the news the index sees most, lowercase:
/// German, French, Spanish, Italian, Portuguese, Dutch, the Scandinavian languages,
/// Indonesian, Hungarian, Romanian, Turkish, and the genitive forms dates take in Polish, Czech
/// and Russian ("12 marca 2024", "12. března 2024", "12 марта 2024"). English is handled with
/// its abbreviations.
#[rustfmt::skip]
const OTHER_MONTHS: [&[&str]; 12] = [
    &["januar", "jänner", "janvier", "enero", "gennaio", "janeiro", "januari", "január", "ianuarie", "ocak", "stycznia", "ledna", "января"],
    &["februar", "février", "febrero", "febbraio", "fevereiro", "februari", "február", "februarie", "şubat", "lutego", "února", "февраля"],
    &["märz", "mars", "marzo", "março", "maart", "maret", "március", "martie", "mart", "marca", "března", "марта"],
    &["avril", "abril", "aprile", "április", "aprilie", "nisan", "kwietnia", "dubna", "апреля"],
    &["mai", "mayo", "maggio", "maio", "mei", "maj", "május", "mayıs", "maja", "května", "мая"],
    &["juni", "juin", "junio", "giugno", "junho", "június", "iunie", "haziran", "czerwca", "června", "июня"],
    &["juli", "juillet", "julio", "luglio", "julho", "július", "iulie", "temmuz", "lipca", "července", "июля"],
    &["août", "agosto", "augustus", "augusti", "agustus", "augusztus", "ağustos", "sierpnia", "srpna", "августа"],
    &["septembre", "septiembre", "setiembre", "settembre", "setembro", "szeptember", "septembrie", "eylül", "września", "září", "сентября"],
    &["oktober", "octobre", "octubre", "ottobre", "outubro", "október", "octombrie", "ekim", "października", "října", "октября"],
    &["novembre", "noviembre", "novembro", "noiembrie", "kasım", "listopada", "listopadu", "ноября"],
    &["dezember", "décembre", "diciembre", "dicembre", "dezembro", "desember", "decembrie", "aralık", "grudnia", "prosince", "декабря"],
];

/// Month number from an English month name or its abbreviation ("Sept." included), or from
/// a full month name in one of [`OTHER_MONTHS`]' languages ("Mai", "juillet").
pub fn month_from_name(word: &str) -> Option<u32> {
    let w = word.trim_end_matches('.').to_lowercase();
    english_month(&w).or_else(|| {
        OTHER_MONTHS
            .iter()
            .position(|names| names.contains(&w.as_str()))
            .map(|idx| idx as u32 + 1)
    })
}

/// Month number from a lowercase English month name or abbreviation.
fn english_month(w: &str) -> Option<u32> {
    if w.len() < 3 {
        return None;
    }
    let idx = MONTHS.iter().position(|m| w.starts_with(m))?;
    let full = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ][idx];
    (full.starts_with(w) || w == "sept").then_some(idx as u32 + 1)
}

/// Parses a date as pages write it in metadata or datelines: ISO 8601 and RFC 3339
/// (`2025-12-03T10:00:00Z`), RFC 2822, `2025/12/03`, `12/03/2025` (US order), `26.04.2024`
/// (day first), `3 December 2025`, `December 3, 2025`, `Dec. 3 2025`, `December 2025`,
/// `21. Mai 2026`.
/// Returns `None` for anything else rather than guessing.
pub fn parse_date_text(text: &str) -> Option<PublishedDate> {
    parse_date_text_in(text, SlashOrder::MonthFirst)
}

/// Which number comes first in a numeric date written with slashes and the year last:
/// `05/04/2025` is May 4 in the United States and 5 April in most other places.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SlashOrder {
    #[default]
    MonthFirst,
    DayFirst,
}

/// Regions whose English writes the day first (`en-GB`); `en` and `en-US` write the month first.
const DAY_FIRST_ENGLISH: &[&str] = &[
    "gb", "uk", "au", "nz", "ie", "in", "za", "sg", "pk", "ng", "ke",
];

impl SlashOrder {
    /// The order of a page in `lang` (a language tag such as `de`, `en-GB` or `fr_FR`): the
    /// month first only in English outside the regions of [`DAY_FIRST_ENGLISH`].
    pub fn of_language(lang: &str) -> Self {
        let lower = lang.trim().to_ascii_lowercase();
        let mut parts = lower.split(['-', '_']);
        let primary = parts.next().unwrap_or("");
        let region = parts.next().unwrap_or("");
        if primary.is_empty() || (primary == "en" && !DAY_FIRST_ENGLISH.contains(&region)) {
            SlashOrder::MonthFirst
        } else {
            SlashOrder::DayFirst
        }
    }
}

/// [`parse_date_text`] for a page whose numeric dates with slashes come in `order`; the
/// other order is still tried when the first is no calendar date (`25/12/2024` anywhere).
pub fn parse_date_text_in(text: &str, order: SlashOrder) -> Option<PublishedDate> {
    let s = text.trim();
    if s.is_empty() || s.len() > 200 || !may_hold_date(s) {
        return None;
    }
    if let Some(d) = parse_timestamp_local(s) {
        return Some(d);
    }
    let bytes = s.as_bytes();
    // ISO-like prefix: YYYY-MM-DD, YYYY/MM/DD, YYYY.MM.DD, YYYYMMDD
    if bytes.len() >= 10 && bytes[..4].iter().all(u8::is_ascii_digit) {
        let sep = bytes[4];
        if matches!(sep, b'-' | b'/' | b'.') && bytes[7] == sep {
            let y = s[..4].parse().ok()?;
            let m = s.get(5..7)?.parse().ok()?;
            let d = s.get(8..10)?.parse().ok()?;
            if bytes.get(10).is_none_or(|b| !b.is_ascii_digit()) {
                return PublishedDate::ymd(y, m, d).filter(PublishedDate::is_plausible);
            }
        }
    }
    if bytes.len() >= 7 && bytes[..4].iter().all(u8::is_ascii_digit) && bytes[4] == b'-' {
        let y = s[..4].parse().ok()?;
        let m = s.get(5..7)?.parse().ok()?;
        if bytes.get(7).is_none_or(|b| !b.is_ascii_digit()) {
            return PublishedDate::ym(y, m).filter(PublishedDate::is_plausible);
        }
    }
    // YYYYMMDD, alone or as the ISO 8601 basic format's date part (`20180619T055000+0900`).
    if (bytes.len() == 8 || bytes.get(8) == Some(&b'T'))
        && bytes[..8].iter().all(u8::is_ascii_digit)
    {
        return PublishedDate::ymd(
            s[..4].parse().ok()?,
            s[4..6].parse().ok()?,
            s[6..8].parse().ok()?,
        )
        .filter(PublishedDate::is_plausible);
    }
    parse_ymd_anywhere(s)
        .or_else(|| parse_dmy_dotted(s))
        .or_else(|| parse_words(s, order))
}

/// Whether `s` has what every date [`parse_date_text`] accepts has: a plausible year written
/// with four ASCII digits, or a two-digit year, which comes only in `1/2/24` or before a time
/// of day (`25.04.24 14:07`, RFC 2822's obsolete years). A cheap exact pre-check: most lines
/// asked about are tables of figures ("Shr 1.20 dlrs vs 1.10"), which have neither.
fn may_hold_date(s: &str) -> bool {
    let mut run = 0;
    for &b in s.as_bytes() {
        match b {
            b'/' | b':' => return true,
            b'0'..=b'9' if run == 3 => return true,
            b'0'..=b'9' => run += 1,
            _ => run = 0,
        }
    }
    false
}

/// A timestamp with a UTC offset, as the calendar day where it was written (the publisher's
/// local date): RFC 3339, RFC 2822 and ISO 8601 with a space or a colon-less offset.
fn parse_timestamp_local(s: &str) -> Option<PublishedDate> {
    // Every one of these forms writes a time of day with a colon (RFC 2822's too): without
    // one, six parsers need not fail one after the other.
    if !s.contains(':') {
        return None;
    }
    let dt = chrono::DateTime::parse_from_rfc3339(s)
        .or_else(|_| chrono::DateTime::parse_from_rfc2822(s))
        .or_else(|_| chrono::DateTime::parse_from_str(s, "%Y-%m-%dT%H:%M:%S%.f%z"))
        .or_else(|_| chrono::DateTime::parse_from_str(s, "%Y-%m-%dT%H:%M%z"))
        .or_else(|_| chrono::DateTime::parse_from_str(s, "%Y-%m-%d %H:%M:%S%.f%z"))
        .or_else(|_| chrono::DateTime::parse_from_str(s, "%Y-%m-%d %H:%M:%S%.f %z"))
        .ok()?;
    PublishedDate::ymd(dt.year(), dt.month(), dt.day()).filter(PublishedDate::is_plausible)
}

/// Year-first numeric dates anywhere in a short text: `2019.3.4`, `2019/03/04`, `2019年3月4日`.
static YMD_ANYWHERE: Lazy<Regex> = lazy_regex!(
    r"(?:^|[^\d])((?:19|20)\d{2})\s*(?:[-/.]|年)\s*(\d{1,2})\s*(?:[-/.]|月)\s*(\d{1,2})(?:$|[^\d])"
);

fn parse_ymd_anywhere(s: &str) -> Option<PublishedDate> {
    let c = YMD_ANYWHERE.captures(s)?;
    PublishedDate::ymd(c[1].parse().ok()?, c[2].parse().ok()?, c[3].parse().ok()?)
        .filter(PublishedDate::is_plausible)
}

/// Day-first numeric dates with dots, as most of Europe writes them: `26.04.2024`,
/// `06. 01. 2026, 14:59 Uhr`. The year must have four digits.
static DMY_DOTTED: Lazy<Regex> =
    lazy_regex!(r"(?:^|[^\d.])(\d{1,2})\.\s?(\d{1,2})\.\s?((?:19|20)\d{2})(?:$|[^\d])");

/// The same with a two-digit year, only when a time of day follows: `Do 25.04.24 | 14:07 Uhr`.
/// Without the time, `1.2.24` is as likely a version or a score.
static DMY_DOTTED_SHORT: Lazy<Regex> = lazy_regex!(
    r"(?:^|[^\d.])(\d{1,2})\.(\d{1,2})\.(\d{2})[\s,|/-]+(?:um\s+)?\d{1,2}:\d{2}(?:$|[^\d])"
);

fn parse_dmy_dotted(s: &str) -> Option<PublishedDate> {
    if let Some(c) = DMY_DOTTED.captures(s) {
        return PublishedDate::ymd(c[3].parse().ok()?, c[2].parse().ok()?, c[1].parse().ok()?)
            .filter(PublishedDate::is_plausible);
    }
    let c = DMY_DOTTED_SHORT.captures(s)?;
    let year: i32 = c[3].parse().ok()?;
    PublishedDate::ymd(2000 + year, c[2].parse().ok()?, c[1].parse().ok()?)
}

/// Dates written with words or slashes: "December 3, 2025", "3 Dec 2025", "12/03/2025".
fn parse_words(s: &str, order: SlashOrder) -> Option<PublishedDate> {
    let tokens: Vec<&str> = s
        .split(|c: char| c.is_whitespace() || c == ',' || c == '|')
        .filter(|t| !t.is_empty())
        .collect();
    let mut year = None;
    let mut month = None;
    let mut day = None;
    // A month named in another language counts only with a day: "Mai 2022" alone is as
    // often a phrase ("seit Mai 2022") as a date.
    let mut foreign_month = false;
    for t in tokens.iter().take(12) {
        let t = t.trim_matches(|c: char| !c.is_alphanumeric() && c != '/');
        if let Some((a, rest)) = t.split_once('/')
            && let Some((b, c)) = rest.split_once('/')
        {
            let (a, b, c): (u32, u32, i32) = (a.parse().ok()?, b.parse().ok()?, c.parse().ok()?);
            let y = if c < 100 { 2000 + c } else { c };
            let (a, b) = match order {
                SlashOrder::MonthFirst => (a, b),
                SlashOrder::DayFirst => (b, a),
            };
            return PublishedDate::ymd(y, a, b)
                .or_else(|| PublishedDate::ymd(y, b, a))
                .filter(PublishedDate::is_plausible);
        }
        let digits = t.trim_end_matches(|c: char| c.is_ascii_alphabetic());
        if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) {
            let n: i64 = digits.parse().ok()?;
            if digits.len() == 4 && year.is_none() {
                year = Some(n as i32);
            } else if digits.len() <= 2 && day.is_none() && (1..=31).contains(&n) {
                day = Some(n as u32);
            }
        } else if month.is_none()
            && let Some(m) = month_from_name(t)
        {
            month = Some(m);
            foreign_month = english_month(&t.trim_end_matches('.').to_lowercase()).is_none();
        }
    }
    let (year, month) = (year?, month?);
    let date = match day {
        Some(d) => PublishedDate::ymd(year, month, d)?,
        None if foreign_month => return None,
        None => PublishedDate::ym(year, month)?,
    };
    date.is_plausible().then_some(date)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timestamps_need_a_colon() {
        for s in [
            "2025-12-03T10:00:00Z",
            "Wed, 03 Dec 2025 10:00:00 +0000",
            "2025-12-03 10:00:00+01:00",
        ] {
            assert!(parse_timestamp_local(s).is_some(), "{s}");
        }
        assert_eq!(parse_timestamp_local("2025-12-03T1000Z"), None);
    }

    #[test]
    fn parses_user_dates_strictly() {
        for (input, expected) in [
            ("2025", Some("2025")),
            ("2025-12", Some("2025-12")),
            ("2025-12-03", Some("2025-12-03")),
            ("2025-13", None),
            ("2025-02-30", None),
            ("3/4/24", None),
            ("25", None),
        ] {
            let got = input.parse::<PublishedDate>().ok().map(|d| d.to_string());
            assert_eq!(got.as_deref(), expected, "input {input:?}");
        }
    }

    #[test]
    fn parses_dates_as_pages_write_them() {
        for (input, expected) in [
            ("2025-12-03T10:00:00+01:00", Some("2025-12-03")),
            ("2025-12-03", Some("2025-12-03")),
            ("2025/12/03 10:00", Some("2025-12-03")),
            ("Wed, 03 Dec 2025 10:00:00 GMT", Some("2025-12-03")),
            ("December 3, 2025", Some("2025-12-03")),
            ("3 December 2025", Some("2025-12-03")),
            ("Dec. 3, 2025 5:00 PM", Some("2025-12-03")),
            ("Sept 9, 2015", Some("2015-09-09")),
            ("December 2025", Some("2025-12")),
            ("12/03/2025", Some("2025-12-03")),
            ("20251203", Some("2025-12-03")),
            ("20251203T055000+0900", Some("2025-12-03")),
            ("20251203X", None),
            ("2025-12-03T01:00:00+09:00", Some("2025-12-03")),
            ("2025-12-03T23:30:00-0500", Some("2025-12-03")),
            ("2019年3月4日 10:00", Some("2019-03-04")),
            ("Posted 2019.3.4", Some("2019-03-04")),
            ("Stand: 26.04.2024, 20:44 Uhr", Some("2024-04-26")),
            ("06. 01. 2026, 14:59 Uhr", Some("2026-01-06")),
            ("21. Mai 2026", Some("2026-05-21")),
            ("3 juillet 2024", Some("2024-07-03")),
            ("5 de mayo de 2024", Some("2024-05-05")),
            ("14. März 2023", Some("2023-03-14")),
            ("12 marca 2024, 10:15", Some("2024-03-12")),
            ("12. března 2024", Some("2024-03-12")),
            ("12 марта 2024 г.", Some("2024-03-12")),
            ("5 Ağustos 2024 Pazartesi", Some("2024-08-05")),
            ("17 Agustus 2024", Some("2024-08-17")),
            ("Ekim 2024", None),
            ("Seit Mai 2022 Chefkontrolleur", None),
            ("1.2.3.2024", None),
            ("26.04.24", None),
            ("Do 25.04.24 | 14:07 Uhr", Some("2024-04-25")),
            ("25.04.24, 14:07", Some("2024-04-25")),
            ("Version 1.2.24 build 7", None),
            ("October 16", None),
            ("yesterday", None),
            ("", None),
        ] {
            let got = parse_date_text(input).map(|d| d.to_string());
            assert_eq!(got.as_deref(), expected, "input {input:?}");
        }
    }

    #[test]
    fn lines_of_figures_are_refused_before_parsing_and_short_years_still_parse() {
        for line in [
            "Shr 1.20 dlrs vs 1.10 dlrs",
            "Net 12,345 vs 9,876",
            "Oct 3 986",
        ] {
            assert!(!may_hold_date(line), "{line:?}");
            assert_eq!(parse_date_text(line), None, "{line:?}");
        }
        for (input, expected) in [
            ("3/4/24", "2024-03-04"),
            ("Wed, 3 Dec 25 10:00:00 GMT", "2025-12-03"),
            ("Oct 3 1986", "1986-10-03"),
        ] {
            assert!(may_hold_date(input), "{input:?}");
            let got = parse_date_text(input).map(|d| d.to_string());
            assert_eq!(got.as_deref(), Some(expected), "input {input:?}");
        }
    }

    #[test]
    fn slashed_dates_follow_the_page_language() {
        for (lang, input, expected) in [
            ("en-US", "05/04/2025", "2025-05-04"),
            ("en", "05/04/2025", "2025-05-04"),
            ("", "05/04/2025", "2025-05-04"),
            ("en-GB", "05/04/2025", "2025-04-05"),
            ("fr", "Publié le 05/04/2025 à 10h", "2025-04-05"),
            ("pt_BR", "05/04/25", "2025-04-05"),
            // Only one order is a calendar date.
            ("de", "12/25/2024", "2024-12-25"),
            ("en-US", "25/12/2024", "2024-12-25"),
            // Dates without slashes read as before.
            ("de", "2025/04/05", "2025-04-05"),
            ("en-US", "05.04.2025", "2025-04-05"),
        ] {
            let order = SlashOrder::of_language(lang);
            let got = parse_date_text_in(input, order).map(|d| d.to_string());
            assert_eq!(got.as_deref(), Some(expected), "{lang} {input:?}");
        }
    }

    #[test]
    fn partial_dates_span_their_whole_period() {
        let month: PublishedDate = "2024-02".parse().unwrap();
        assert_eq!(month.last_day().to_string(), "2024-02-29");
        let year: PublishedDate = "2025".parse().unwrap();
        assert_eq!(
            year.end_timestamp() - year.start_timestamp(),
            365 * 86_400 - 1
        );
    }
}
