//! The document record of `documents.jsonl` (spec §1).

use serde::{Deserialize, Serialize};

/// Where a document came from and how its bytes were read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Source {
    /// The canonical URL of a fetched page.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub url: Option<String>,
    /// The path of a local file, relative to the corpus root.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub path: Option<String>,
    /// SHA-256 of the raw bytes, lower-case hex.
    pub sha256: String,
    /// The character encoding the bytes were decoded with (`UTF-8`, `GBK`, `GB18030`, `Big5`).
    pub encoding: String,
    /// When the page was fetched (RFC 3339, from the crawl state, never from export time).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub fetched_at: Option<String>,
}

/// An administrative region by its GB/T 2260 code.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Region {
    /// Six-digit GB/T 2260 code, e.g. `320500` for 苏州市.
    pub code: String,
    /// Province-level name, e.g. `江苏省`.
    pub province: Option<String>,
    /// Prefecture-level name, e.g. `苏州市`.
    pub city: Option<String>,
    /// County-level name, e.g. `昭化区`.
    pub county: Option<String>,
}

/// The kind of a document (spec §1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DocKind {
    /// 多年规划/纲要.
    Plan,
    /// 年度工作安排/要点/计划.
    AnnualPlan,
    /// 实施方案/工作方案.
    ImplementationPlan,
    /// 意见.
    Opinion,
    /// 工作报告/情况报告.
    Report,
    /// 考核办法/评分细则.
    Rules,
    /// Anything else.
    Other,
}

impl DocKind {
    /// Every kind, in the spec's order.
    pub const ALL: [DocKind; 7] = [
        DocKind::Plan,
        DocKind::AnnualPlan,
        DocKind::ImplementationPlan,
        DocKind::Opinion,
        DocKind::Report,
        DocKind::Rules,
        DocKind::Other,
    ];

    /// The snake_case name used in exports and queries.
    pub const fn as_str(self) -> &'static str {
        match self {
            DocKind::Plan => "plan",
            DocKind::AnnualPlan => "annual_plan",
            DocKind::ImplementationPlan => "implementation_plan",
            DocKind::Opinion => "opinion",
            DocKind::Report => "report",
            DocKind::Rules => "rules",
            DocKind::Other => "other",
        }
    }

    /// Parses the snake_case name.
    pub fn parse(s: &str) -> Option<Self> {
        DocKind::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

/// A calendar date, serialised `YYYY-MM-DD`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    /// Year.
    pub year: i32,
    /// Month, 1–12.
    pub month: u8,
    /// Day, 1–31.
    pub day: u8,
}

impl Date {
    /// A date when the parts make a real calendar date.
    pub fn new(year: i32, month: u8, day: u8) -> Option<Self> {
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
        let days = match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if leap => 29,
            2 => 28,
            _ => return None,
        };
        ((1..=days).contains(&day) && (1900..=2100).contains(&year)).then_some(Date {
            year,
            month,
            day,
        })
    }
}

impl Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&format!(
            "{:04}-{:02}-{:02}",
            self.year, self.month, self.day
        ))
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        let mut parts = s.splitn(3, '-').map(str::parse::<i64>);
        match (parts.next(), parts.next(), parts.next()) {
            (Some(Ok(y)), Some(Ok(m)), Some(Ok(dd))) => Date::new(y as i32, m as u8, dd as u8)
                .ok_or_else(|| serde::de::Error::custom(format!("not a calendar date: {s}"))),
            _ => Err(serde::de::Error::custom(format!("not YYYY-MM-DD: {s}"))),
        }
    }
}

/// The years a multi-year plan covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Period {
    /// First year.
    pub start: i32,
    /// Last year.
    pub end: i32,
}

/// A document record: one line of `documents.jsonl` (spec §1).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Document {
    /// Stable id, see [`crate::DocId`].
    pub id: String,
    /// Where the bytes came from.
    pub source: Source,
    /// The document's own title; null when it prints none.
    pub title: Option<String>,
    /// 发文字号 with brackets normalised to `〔〕`.
    pub doc_number: Option<String>,
    /// The issuing body.
    pub issuer: Option<String>,
    /// The region the issuer governs.
    pub region: Option<Region>,
    /// The document kind.
    pub kind: DocKind,
    /// The page's publication date.
    pub published: Option<Date>,
    /// The date under the signature.
    pub signed: Option<Date>,
    /// The years a multi-year plan covers.
    pub period: Option<Period>,
    /// The year the document is about.
    pub year: Option<i32>,
    /// The cleaned main text.
    pub text: String,
}

impl Document {
    /// A document known only by its id, kind, year and text, every other field empty: the
    /// start of a record built by hand in tests, benchmarks and examples.
    pub fn from_text(
        id: impl Into<String>,
        kind: DocKind,
        year: Option<i32>,
        text: impl Into<String>,
    ) -> Self {
        Document {
            id: id.into(),
            source: Source::default(),
            title: None,
            doc_number: None,
            issuer: None,
            region: None,
            kind,
            published: None,
            signed: None,
            period: None,
            year,
            text: text.into(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_serialise_as_iso_days() {
        let d = Date::new(2022, 1, 29).unwrap();
        assert_eq!(serde_json::to_string(&d).unwrap(), "\"2022-01-29\"");
        assert_eq!(serde_json::from_str::<Date>("\"2022-01-29\"").unwrap(), d);
    }

    #[test]
    fn impossible_dates_are_rejected() {
        assert!(Date::new(2021, 2, 29).is_none());
        assert!(Date::new(2020, 2, 29).is_some());
        assert!(Date::new(2022, 13, 1).is_none());
    }

    #[test]
    fn doc_kinds_round_trip_through_their_names() {
        for k in [
            "plan",
            "annual_plan",
            "implementation_plan",
            "opinion",
            "report",
            "rules",
            "other",
        ] {
            assert_eq!(DocKind::parse(k).unwrap().as_str(), k);
        }
    }
}
