//! Duban's vocabulary as data: the word lists the cleaner and the extractor look for, each word
//! with its role, read from the TSV files of `corpora/lexicon/`.
//!
//! The files are compiled in (`include_str!`), so binaries need no data folder, and each is
//! parsed once, the first time it is asked for. Every file has a typed accessor whose roles are
//! an enum: [`sections()`] gives the words that tell what a section's items are,
//! [`event_words()`] the events a year names, and so on. [`Words::of`] gives a role's words,
//! [`Words::list`] their Aho–Corasick automaton (a [`WordList`], built once) and
//! [`Words::pattern`] a regular-expression group for rules that need a word in context.
//!
//! ```
//! use duban_lexicon::{Section, sections};
//! assert!(sections().list(Section::Problem).found_in("二、存在的不足和原因"));
//! assert!(sections().of(Section::Review).contains(&"工作回顾"));
//! ```
//!
//! The embedded files are the project's own: a malformed one is a bug that this crate's tests
//! catch (they parse and check every file), so the accessors never fail at run time. This
//! crate holds words, not rules: how a word is used (a heading holding it, a year followed by
//! it) is the caller's, and so are width folding and segmentation. `corpora/lexicon/README.md`
//! says what each file holds.

mod list;
mod words;

pub use list::{Entry, HEADER, Words};
pub use words::WordList;

use std::fmt::Debug;
use std::sync::LazyLock;

/// An error in a lexicon file.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LexiconError {
    /// The file does not open with the header line.
    #[error("{file}: the first line must be the header `word<TAB>role`, found `{found}`")]
    Header {
        /// The file.
        file: &'static str,
        /// The line found instead.
        found: String,
    },
    /// A line is not two tab-separated columns.
    #[error("{file}:{line}: expected `word<TAB>role`, found `{found}`")]
    Columns {
        /// The file.
        file: &'static str,
        /// The line number.
        line: usize,
        /// The line.
        found: String,
    },
    /// A word is empty or holds whitespace.
    #[error("{file}:{line}: the word `{word}` is empty or holds whitespace")]
    Word {
        /// The file.
        file: &'static str,
        /// The line number.
        line: usize,
        /// The word.
        word: String,
    },
    /// A role is not one the file knows.
    #[error("{file}:{line}: unknown role `{role}` (known: {known})")]
    UnknownRole {
        /// The file.
        file: &'static str,
        /// The line number.
        line: usize,
        /// The role found.
        role: String,
        /// The roles the file knows.
        known: String,
    },
    /// The same word is listed twice in the same role.
    #[error("{file}:{line}: `{word}` is listed as {role} already on line {first}")]
    Duplicate {
        /// The file.
        file: &'static str,
        /// The line number of the second entry.
        line: usize,
        /// The word.
        word: &'static str,
        /// Its role.
        role: &'static str,
        /// The line number of the first entry.
        first: usize,
    },
    /// A word holds two roles that exclude each other.
    #[error("{file}:{line}: `{word}` is {role} here but {other} on line {first}")]
    Conflict {
        /// The file.
        file: &'static str,
        /// The line number of the second entry.
        line: usize,
        /// The word.
        word: &'static str,
        /// Its role here.
        role: &'static str,
        /// Its role on the first line.
        other: &'static str,
        /// The line number of the first entry.
        first: usize,
    },
}

/// The roles of one lexicon file.
pub trait Role: Copy + Eq + Debug + Send + Sync + 'static {
    /// Every role, in the order of [`Role::index`].
    const ALL: &'static [Self];
    /// Groups of roles of which one word holds at most one (`review` and `plan`: a section
    /// cannot both review the past and plan the future). Roles of different groups may share a
    /// word (`主要目标` names a plan's section and is a goals heading).
    const EXCLUSIVE: &'static [&'static [Self]];
    /// Its name in the file's role column.
    fn name(self) -> &'static str;
    /// Its position in [`Role::ALL`].
    fn index(self) -> usize;
    /// The role of a name in the file's role column.
    fn from_name(name: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|r| r.name() == name)
    }
}

/// An enum of roles, their names in the file and their exclusive groups.
macro_rules! roles {
    (
        $(#[$meta:meta])*
        $name:ident {
            $( $(#[$vmeta:meta])* $variant:ident = $text:literal, )+
        }
        exclusive [ $( [ $($group:ident),+ ] ),* ]
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum $name {
            $( $(#[$vmeta])* $variant, )+
        }

        impl Role for $name {
            const ALL: &'static [Self] = &[$($name::$variant),+];
            const EXCLUSIVE: &'static [&'static [Self]] = &[$( &[$($name::$group),+] ),*];
            fn name(self) -> &'static str {
                match self {
                    $( $name::$variant => $text, )+
                }
            }
            fn index(self) -> usize {
                self as usize
            }
        }
    };
}

roles! {
    /// What a section word (`sections.tsv`) tells of the items under a heading holding it.
    Section {
        /// Its items are principles (`指导思想`, `基本原则`).
        Principle = "principle",
        /// An item heading naming work (`任务`, `目标`, `措施`): no principle even under a
        /// principle section.
        Work = "work",
        /// Its items review the past: achievements (`工作回顾`, `主要成效`).
        Review = "review",
        /// Its items plan the coming period: tasks (`下一步`, `重点任务`).
        Plan = "plan",
        /// Its items list problems and assign no work (`存在的问题`).
        Problem = "problem",
        /// Its numbered entries explain words and assign no work (`名词解释`).
        Glossary = "glossary",
        /// The whole heading (after a year) states a plan's goals, also when run on into its
        /// text (`总体目标`): its item is a target.
        Goals = "goals",
        /// The whole heading (after a year) states a plan's goals, only when alone (`目标`).
        GoalsAlone = "goals-alone",
    }
    exclusive [[Principle, Work, Review, Plan, Problem, Glossary], [Goals, GoalsAlone]]
}

roles! {
    /// How a report's paragraph turns from its items (`turns.tsv`).
    TurnWord {
        /// Opens a paragraph addressing the assembly (`各位代表`).
        Salutation = "salutation",
        /// Opens a paragraph turning from achievements to problems (`在肯定成绩的同时`).
        Opening = "opening",
        /// A phrase of seeing soberly, near the paragraph's start (`清醒地看到`).
        Seeing = "seeing",
        /// A word naming the problems seen (`困难`, `短板`).
        Problem = "problem",
    }
    exclusive [[Salutation, Opening, Seeing, Problem]]
}

roles! {
    /// The column a table header word (`table_headers.tsv`) heads.
    Column {
        /// The row's number (`序号`).
        Label = "label",
        /// The row's own text: its name, task or measure (`工作任务`).
        Item = "item",
        /// The bodies that lead the row's work (`牵头单位`).
        Lead = "lead",
        /// The bodies or people responsible or cooperating (`责任单位`, `配合部门`).
        Responsible = "responsible",
        /// The row's time limit (`完成时限`).
        Deadline = "deadline",
        /// An indicator or target value (`目标值`).
        Target = "target",
        /// Points or the scoring rule of a rubric (`分值`, `评分标准`).
        Score = "score",
        /// Remarks and classes (`备注`).
        Note = "note",
    }
    exclusive [[Label, Item, Lead, Responsible, Deadline, Target, Score, Note]]
}

roles! {
    /// The role a part of a header cell (`column_cues.tsv`) gives its column or its table.
    Cue {
        /// The column numbers the rows (`序号`).
        Label = "label",
        /// The column names lead bodies (`牵头`).
        Lead = "lead",
        /// The column names responsible or cooperating bodies (`责任`, `配合`).
        Responsible = "responsible",
        /// The column holds time limits (`时限`, `节点`).
        Deadline = "deadline",
        /// The table is a scoring rubric (`评分`).
        ScoringTable = "scoring-table",
        /// The table is a target table (`指标`).
        TargetTable = "target-table",
        /// The table's flattened rows name responsible bodies (`责任单位`).
        ResponsibleTable = "responsible-table",
    }
    exclusive [
        [Label, Lead, Responsible, Deadline],
        [ScoringTable, TargetTable],
        [Lead, ResponsibleTable]
    ]
}

impl Cue {
    /// The roles a cue gives a header cell's column, in order of precedence: a column reads
    /// the first it holds (`序号` numbers the rows whatever else the cell says, `牵头` leads
    /// before `责任` is responsible).
    pub const CELL: &'static [Cue] = &[Cue::Label, Cue::Lead, Cue::Responsible, Cue::Deadline];
}

roles! {
    /// What a word next to a date (`date_words.tsv`) shows: that the date dates no work.
    DateWord {
        /// Right after a bare year, the year names something (`2017年市级…`, `2016年度`).
        Name = "name",
        /// A verb of drafting just before a date (`制定2030年前…`).
        Draft = "draft",
        /// The plan or goal a drafted name ends in (`…行动方案`).
        Plan = "plan",
        /// Right after a date (or `起`), the document takes effect then (`施行`).
        InForce = "in-force",
        /// Right after a date, the document was issued or adopted then (`印发`).
        Issued = "issued",
    }
    exclusive [[InForce, Issued]]
}

roles! {
    /// Event words (`event_words.tsv`): events a year names, and the verbs that stage them.
    EventWord {
        /// An event named by its year (`2008年奥运会`).
        Event = "event",
        /// A verb of staging or attending an event (`举办`): the year is the work's time.
        Staging = "staging",
    }
    exclusive [[Event, Staging]]
}

roles! {
    /// Words that make a `每…` period a rate, not a recurrence (`rate_words.tsv`).
    Rate {
        /// A unit counted per period, right before or after it (`每人每月400元`).
        PerUnit = "per-unit",
        /// A change per period, right after it (`每年新增专利1万件`).
        Change = "change",
        /// Right before the period, it is an average's (`平均每年增长8%`).
        Average = "average",
    }
    exclusive [[PerUnit, Change, Average]]
}

roles! {
    /// What a comparator (`comparators.tsv`) tells of the number after it. Every comparator
    /// also leaves the indicator (it is trimmed from the phrase before the number).
    Comparator {
        /// A bound from below, op `>=` (`不低于`, `超过`).
        AtLeast = "at-least",
        /// A bound from above, op `<=` (`不超过`, `控制在`).
        AtMost = "at-most",
        /// A change up by the number (`增长`); followed by `到`/`至` it reaches a level.
        Increase = "increase",
        /// A change down by the number (`下降`, `压减`).
        Decrease = "decrease",
        /// Points added to a score, only right before points (`加5分`).
        PointsAdded = "points-added",
        /// Points taken off a score, only right before points (`扣3分`).
        PointsTaken = "points-taken",
        /// A level stated (`达到`, `为`): no operator of its own.
        Level = "level",
    }
    exclusive [[AtLeast, AtMost, Increase, Decrease, PointsAdded, PointsTaken, Level]]
}

roles! {
    /// What a unit (`units.tsv`) measures, and how it is used.
    Unit {
        /// A measure word counting things (`个`, `家`, `人次`): the indicator is the number of
        /// the thing counted (`…数`).
        Count = "count",
        /// A unit of measure (`%`, `元`, `公里`, `千瓦时`, `个工作日`).
        Measure = "measure",
        /// What a unit may be priced or measured per (`元/人/日`, `元/亩`).
        Per = "per",
        /// A span of time: a relative limit counts in it (`3个工作日内`).
        Time = "time",
    }
    exclusive [[Count, Measure]]
}

roles! {
    /// Words around a metric's number that are neither comparators nor units
    /// (`metric_words.tsv`).
    MetricWord {
        /// May stand between a comparator and its number (`增长约300%`, `分别增长2%`).
        Filler = "filler",
        /// Opens a comparison with a base (`比上年增加`, `同比增长`).
        Comparison = "comparison",
        /// The period of a recurrence (`每年至少召开一次`): a count of `次` after it is its times.
        Period = "period",
    }
    exclusive [[Filler, Comparison, Period]]
}

roles! {
    /// Words trimmed from the phrase before a number to leave the measured quantity
    /// (`indicator_words.tsv`), besides the comparators.
    IndicatorWord {
        /// Trimmed from the end (`拟按`, `全年`, `累计`).
        Trailing = "trailing",
        /// Trimmed from the start (`确保`, `其中`, `截至`).
        Leading = "leading",
    }
    exclusive []
}

/// The lexicon files compiled in: for each, its accessor, its roles and its name under
/// `corpora/lexicon/`.
macro_rules! files {
    ($( $(#[$meta:meta])* $fn:ident: $role:ty = $file:literal; )+) => {
        /// Every lexicon file compiled in: its name under `corpora/lexicon/` and its text.
        pub const FILES: &[(&str, &str)] = &[
            $( ($file, include_str!(concat!("../../../corpora/lexicon/", $file))), )+
        ];

        $(
            $(#[$meta])*
            pub fn $fn() -> &'static Words<$role> {
                static WORDS: LazyLock<Words<$role>> = LazyLock::new(|| {
                    Words::parse($file, include_str!(concat!("../../../corpora/lexicon/", $file)))
                        .expect("an embedded lexicon file parses (the crate's tests check each)")
                });
                &WORDS
            }
        )+

        /// Every file parsed with its roles, and what is wrong with it.
        #[cfg(test)]
        fn reports() -> Vec<tests::Report> {
            vec![$( tests::report::<$role>($file, include_str!(concat!("../../../corpora/lexicon/", $file))), )+]
        }
    };
}

files! {
    /// Section words: what a heading holding one tells of the items under it.
    ///
    /// ```
    /// use duban_lexicon::{Section, sections};
    /// let review = sections().list(Section::Review);
    /// assert!(review.found_in("一、2022年工作总结"));
    /// assert!(!review.found_in("三、2023年工作计划"));
    /// ```
    sections: Section = "sections.tsv";

    /// Turn words: how a report's paragraph turns from its items.
    ///
    /// ```
    /// use duban_lexicon::{TurnWord, turns};
    /// assert_eq!(turns().of(TurnWord::Salutation), ["各位代表", "各位委员"]);
    /// ```
    turns: TurnWord = "turns.tsv";

    /// Table header words: the whole text of a header cell, with the column it heads.
    ///
    /// ```
    /// use duban_lexicon::{Column, table_headers};
    /// assert_eq!(table_headers().get("牵头单位"), Some("牵头单位"));
    /// assert!(table_headers().of(Column::Deadline).contains(&"完成时限"));
    /// ```
    table_headers: Column = "table_headers.tsv";

    /// Column cues: parts of a header cell that give its column or its table a role.
    ///
    /// ```
    /// use duban_lexicon::{Cue, column_cues};
    /// assert!(column_cues().list(Cue::Lead).found_in("牵头单位（部门）"));
    /// ```
    column_cues: Cue = "column_cues.tsv";

    /// Date words: words next to a date showing that it dates no work.
    ///
    /// ```
    /// use duban_lexicon::{DateWord, date_words};
    /// // `2016~2020年规划`: the year range opens a plan's title.
    /// let names = date_words().of(DateWord::Name);
    /// assert!(names.iter().any(|w| "规划，制定年度计划".starts_with(w)));
    /// ```
    date_words: DateWord = "date_words.tsv";

    /// Event words: events a year names, and the verbs that stage them.
    ///
    /// ```
    /// use duban_lexicon::{EventWord, event_words};
    /// assert!(event_words().list(EventWord::Event).found_in("上海世博会服务保障工作"));
    /// ```
    event_words: EventWord = "event_words.tsv";

    /// Rate words: words around a `每…` period that make it a rate, not a recurrence.
    ///
    /// ```
    /// use duban_lexicon::{Rate, rate_words};
    /// assert!(rate_words().of(Rate::Change).iter().any(|w| "新增专利1万件".starts_with(w)));
    /// ```
    rate_words: Rate = "rate_words.tsv";

    /// Comparators: the words before a metric's number giving its operator, all of which leave
    /// the indicator.
    ///
    /// ```
    /// use duban_lexicon::{Comparator, comparators};
    /// assert!(comparators().of(Comparator::AtMost).contains(&"不大于"));
    /// assert!(comparators().of(Comparator::AtLeast).contains(&"不低于"));
    /// ```
    comparators: Comparator = "comparators.tsv";

    /// Units of a metric's number: measure words that count things, units of measure, what a
    /// unit may be per, and spans of time.
    ///
    /// ```
    /// use duban_lexicon::{Unit, units};
    /// assert!(units().of(Unit::Count).contains(&"人次"));
    /// assert!(units().of(Unit::Time).contains(&"个工作日"));
    /// ```
    units: Unit = "units.tsv";

    /// Metric words: fillers between a comparator and its number, words opening a comparison,
    /// and the periods of a recurrence.
    ///
    /// ```
    /// use duban_lexicon::{MetricWord, metric_words};
    /// assert!(metric_words().of(MetricWord::Comparison).contains(&"同比"));
    /// ```
    metric_words: MetricWord = "metric_words.tsv";

    /// Indicator words: words trimmed from the end or the start of the phrase before a number.
    ///
    /// ```
    /// use duban_lexicon::{IndicatorWord, indicator_words};
    /// assert!(indicator_words().of(IndicatorWord::Trailing).contains(&"拟按"));
    /// ```
    indicator_words: IndicatorWord = "indicator_words.tsv";
}

#[cfg(test)]
mod tests;
