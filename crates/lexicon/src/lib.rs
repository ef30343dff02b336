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
    /// A word stands after a shorter word of its role that it starts with: a regular
    /// expression of the role's words would take the shorter one.
    #[error(
        "{file}:{line}: `{word}` must stand before `{shorter}` (line {first}), which it starts with"
    )]
    Shadowed {
        /// The file.
        file: &'static str,
        /// The line number of the longer word.
        line: usize,
        /// The longer word.
        word: &'static str,
        /// The shorter word listed before it.
        shorter: &'static str,
        /// The line number of the shorter word.
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
        /// A heading of its own line closing the report's parts (`结束语`).
        Closing = "closing",
        /// Opens a paragraph that closes a document after its last item: addressed to all
        /// (`各地区`, `请各`), about the document itself (`本通知`), a contact (`联系人`).
        SignOff = "sign-off",
    }
    exclusive [[Salutation, Opening, Seeing, Problem, Closing, SignOff]]
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
        /// The column names people, not bodies (`责任领导`, `责任人`): it gives the row none.
        People = "people",
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
        /// A cell of an HTML table's first row holding one shows that the row is the table's
        /// header, when every cell of the row is short (`序号`, `责任`, `分值`).
        HeaderRow = "header-row",
    }
    exclusive [
        [Label, People, Lead, Responsible, Deadline],
        [ScoringTable, TargetTable],
        [Lead, ResponsibleTable]
    ]
}

impl Cue {
    /// The roles a cue gives a header cell's column, in order of precedence: a column reads
    /// the first it holds (`序号` numbers the rows whatever else the cell says, `责任领导`
    /// names people before `责任` is responsible, `牵头` leads before `责任` is responsible).
    pub const CELL: &'static [Cue] = &[
        Cue::Label,
        Cue::People,
        Cue::Lead,
        Cue::Responsible,
        Cue::Deadline,
    ];
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
        /// Right after a month printed alone, the month is when the work is done
        /// (`7月试运营`, `12月取得明显成效`).
        Milestone = "milestone",
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
        /// Right after the period, an amount that flows or reaches each period, no duty done
        /// again (`每年减轻农民负担1335亿元`, `每年惠及3700多万学生`).
        Flow = "flow",
        /// Right after it, what there is or stays each period, a fact or a level, no duty
        /// done again (`每年有上千万农村人口转移到城镇`, `每年都保持在4%以上`).
        State = "state",
    }
    exclusive [[PerUnit, Change, Average, Flow, State]]
}

roles! {
    /// What a body word (`body_words.tsv`) tells of a name it ends or is.
    BodyWord {
        /// Ends the name of an organisation, also one opening a clause as its subject
        /// (`人民政府`, `办公室`, `委员会`).
        Ending = "ending",
        /// Ends the name of an organisation, but not a clause's subject: one character (`处`,
        /// `所`, `部`) ends too many words that open a clause (`管网薄弱处要…`), and documents
        /// report universities and hospitals built or counted more than they give them duties.
        NameEnding = "name-ending",
        /// Ends a clause's subject, but no name by itself: a level's bare `财政` (`区财政要…`);
        /// a name reads it only after a level, by rule.
        SubjectEnding = "subject-ending",
        /// A collective actor of national documents, a name by itself (`各地区`).
        Collective = "collective",
        /// The generic noun a list of fields shares (`审计、财政、监察部门`); where one ends
        /// another, the longer stands first.
        Head = "head",
        /// Ends like a body but names people, posts, documents or activities (`领导干部`,
        /// `座谈会`, `举办`): a phrase ending in it is no body.
        NotBody = "not-body",
        /// Ends the name of a body that issues documents, as a signature line or a page field
        /// prints it (`人民政府`, `办公厅`, `军区`): the cleaner's issuer.
        IssuerEnding = "issuer-ending",
        /// Opens a body's full name, so starts a second issuer run on after a first without a
        /// space (`国家发展改革委国家能源局`); a place name does too, by rule.
        NameStart = "name-start",
        /// A body's people or posts (`负责人`, `工作人员`): right after a body's name opening a
        /// clause, the subject is a person, no body (`行政机关负责人出庭应诉率…`).
        Post = "post",
        /// Opens a phrase naming an indefinite number of bodies (`一些企业`, `不同部门`,
        /// `多部门`): it names none of them.
        Indefinite = "indefinite",
        /// A field whose name joins two words with `和` (`人力资源和社会保障`, `工业和信息化`):
        /// one field of a list sharing a head (`财政、人力资源和社会保障等部门`), where another
        /// `和` joins two (`人力资源社会保障和教育等部门`).
        JoinedField = "joined-field",
    }
    exclusive [[Ending, NameEnding, SubjectEnding, Collective, NotBody], [Head, NotBody], [IssuerEnding, NotBody], [NameStart, NotBody]]
}

roles! {
    /// What a clause word (`clause_words.tsv`) shows of the phrase around it.
    ClauseWord {
        /// Right after a clause's subject, assigns it the duty (`要`, `应当`, `负责`); where one
        /// word starts another, the longer stands first.
        Duty = "duty",
        /// A verb or adverb showing that a clause-initial phrase is a predicate, not a body's
        /// name (`推动`, `积极`).
        Predicate = "predicate",
        /// A word of a subject phrase showing that it runs on into its predicate (`应当`, `是`).
        Modal = "modal",
        /// One character opening a phrase that is a preposition or conjunction, not a name
        /// (`对`, `由`).
        Preposition = "preposition",
        /// Joins two names of a list (`县政府法制办和有行政复议职能的部门`), tried in the file's
        /// order.
        Conjunction = "conjunction",
        /// Right after a subject (or its duty word), names a partner in the duty: `X会同Y…`
        /// gives Y too.
        Partner = "partner",
        /// Opens a clause before its subject and is no part of it (`同时`, `此外`), taken off
        /// in the file's order.
        LeadIn = "lead-in",
        /// Opens a `的` phrase that names a body by what it holds (`具有行政执法职能的部门`,
        /// `有解释权的部门`).
        Holder = "holder",
    }
    exclusive []
}

roles! {
    /// What a chrome word (`chrome_words.tsv`) is on a web page.
    ChromeWord {
        /// Opens a breadcrumb trail (`当前位置`), at a line's start or inside a flattened page.
        Breadcrumb = "breadcrumb",
        /// Opens a breadcrumb trail only at a line's start (`位置:`).
        BreadcrumbLine = "breadcrumb-line",
        /// A share, print or font-size link (`打印本页`, `微信`).
        Share = "share",
        /// A link that is chrome when it is the whole line (`返回首页`, `打印`).
        LinkAlone = "link-alone",
        /// Opens a chat widget's line (`智能客服`).
        Chat = "chat",
        /// Ends a site's name (`政府网`): a short line ending in one at a page's edge is its
        /// banner.
        BannerEnding = "banner-ending",
        /// A word of ad copy (`范文`, `下载`): a line holding one is no title.
        Ad = "ad",
    }
    exclusive [[Breadcrumb, BreadcrumbLine, Share, Chat, BannerEnding, Ad], [Breadcrumb, BreadcrumbLine, LinkAlone]]
}

roles! {
    /// What a page label (`field_labels.tsv`) names: the value after `label:`.
    FieldLabel {
        /// 发布日期, 发布时间, 时间, 日期.
        Published = "published",
        /// 成文日期.
        Signed = "signed",
        /// 来源, 信息来源.
        Source = "source",
        /// 访问量, 浏览次数: a view counter.
        Counter = "counter",
        /// 作者, 编辑, 责任编辑.
        Author = "author",
        /// 索引号.
        IndexNo = "index-no",
        /// 发文字号, 文号.
        DocNumber = "doc-number",
        /// 发文机关, 发布机构.
        Issuer = "issuer",
        /// 标题.
        Title = "title",
        /// 原文链接, 原文地址: where a crawler found the page.
        Url = "url",
        /// 主题分类, 公开方式 and other catalogue fields.
        Other = "other",
    }
    exclusive [[Published, Signed, Source, Counter, Author, IndexNo, DocNumber, Issuer, Title, Url, Other]]
}

roles! {
    /// What a genre word (`genres.tsv`) ending a document's title tells of the document.
    Genre {
        /// Ends a title and names no kind by itself (`通知`, `函`, `标准`).
        Genre = "genre",
        /// Rules: assessment rules and scoring rubrics (`考核办法`, `条例`).
        Rules = "rules",
        /// A year's plan of work (`工作要点`, `安排`).
        AnnualPlan = "annual-plan",
        /// An implementation plan (`方案`).
        ImplementationPlan = "implementation-plan",
        /// An opinion (`意见`).
        Opinion = "opinion",
        /// A report or summary (`报告`, `总结`).
        Report = "report",
        /// A multi-year plan (`规划`, `纲要`).
        Plan = "plan",
        /// A plan whose kind its period tells (`计划`: a five-year plan, a year's plan or an
        /// implementation plan).
        PlanByPeriod = "plan-by-period",
        /// A genre a document calls itself by in its text, after `本` (`本办法所称…`,
        /// `制定本方案`); the word's other role gives the kind.
        SelfName = "self-name",
    }
    exclusive [[Genre, Rules, AnnualPlan, ImplementationPlan, Opinion, Report, Plan, PlanByPeriod]]
}

roles! {
    /// What a region word (`region_words.tsv`) is to a division's name.
    RegionWord {
        /// An ethnic name dropped from an autonomous division's short name (`藏族`: 阿坝藏族羌族
        /// 自治州 → 阿坝州); one holding another stands first.
        Ethnic = "ethnic",
        /// A suffix whose removal gives a division's short name (`自治区`, `市`); one ending
        /// another stands first.
        Suffix = "suffix",
        /// A zone set up over a county and named after it (`综合实验区`).
        Zone = "zone",
        /// A city's short name that is a common word (`大同`): the city is found by its full
        /// name only.
        CommonWord = "common-word",
        /// An issuer opening with it is national (`国务院`, `国家`): its region is the country's.
        National = "national",
        /// A text speaks of itself as a province's with it (`全省`, `我省`).
        ProvinceSelf = "province-self",
        /// A text speaks of itself as a city's with it (`全市`, `市政府`).
        CitySelf = "city-self",
        /// A text speaks of itself as a county's or district's with it (`全县`, `我区`).
        CountySelf = "county-self",
    }
    exclusive [[Ethnic, Suffix, Zone, CommonWord, National, ProvinceSelf, CitySelf, CountySelf]]
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
        /// After `连续N年` (`个月`, `个季度`), what a streak keeps (`连续15年领跑全市`): the
        /// span ranks a record and counts no work.
        Streak = "streak",
    }
    exclusive [[Filler, Comparison, Period, Streak]]
}

roles! {
    /// Words trimmed from the phrase before a number to leave the measured quantity
    /// (`indicator_words.tsv`), besides the comparators.
    IndicatorWord {
        /// Trimmed from the end (`拟按`, `全年`, `累计`).
        Trailing = "trailing",
        /// Trimmed from the start (`确保`, `其中`, `截至`).
        Leading = "leading",
        /// Names the place or the levels a quantity covers, before it (`全市`, `各级`): kept by
        /// the extractor, left out where indicators are compared (`全市行政机关负责人出庭应诉率`
        /// and `行政机关负责人出庭应诉率` are one indicator of the comparison table).
        Scope = "scope",
        /// Opens the predicate a report gives a counted subject (`196个项目得以提速`,
        /// `24个项目因此受益`): left out of the indicator, which names the subject after the
        /// predicate (`提速项目数`).
        Result = "result",
        /// Ends a phrase that already names a time (`审批时限`, `办理时间`): a span after it is
        /// that time's value, not the limit of an act after the span.
        Time = "time",
        /// A one-character trailing or leading word trimmed wherever the segmenter puts it, not
        /// only as a word of its own: the mark of a result, a start or a date (`压减至`,
        /// `以到2015年底`) or a hedge (`推广至近`).
        Marker = "marker",
    }
    exclusive []
}
roles! {
    /// What a track word (`track_words.tsv`) tells `duban track` of a figure: whether it is a
    /// target, the year it is for, the key its indicator is matched on, and how a target is met.
    TrackWord {
        /// A sentence holding one states targets (`预期目标`).
        Target = "target",
        /// Names the year the document was delivered in (`今年`).
        ThisYear = "this-year",
        /// Names the year before it (`过去一年`, `去年`).
        LastYear = "last-year",
        /// Names the year after the one a report reviews (`下一年度`, `明年`).
        NextYear = "next-year",
        /// Taken out of an indicator's key: a time, place-wide or averaging word (`全年`, `全市`).
        Dropped = "dropped",
        /// The name a group of synonyms folds to; its synonyms follow it.
        Canonical = "canonical",
        /// Folds to the canonical word listed last before it (`GDP` → `国内生产总值`).
        Synonym = "synonym",
        /// Ends an indicator naming a change (`涨幅`, `增速`): its key is the change of its stem.
        Change = "change",
        /// An indicator holding one is better lower (`失业率`, `价格`).
        LowerBetter = "lower-better",
        /// After a target's number, the target is met within a tolerance (`左右`).
        Approximate = "approximate",
        /// After a target's number, the target is met at or above it (`以上`).
        AtLeast = "at-least",
        /// After a target's number, the target is met at or below it (`以内`).
        AtMost = "at-most",
    }
    exclusive [
        [Target, ThisYear, LastYear, NextYear, Dropped],
        [Canonical, Synonym, Change],
        [Approximate, AtLeast, AtMost]
    ]
}

impl TrackWord {
    /// The roles whose words say when a figure is and what it is, not what it measures: they
    /// are taken out of an indicator's key with the dropped words.
    pub const NOT_MEASURED: &'static [TrackWord] = &[
        TrackWord::Target,
        TrackWord::ThisYear,
        TrackWord::LastYear,
        TrackWord::NextYear,
        TrackWord::Dropped,
    ];

    /// The canonical word a synonym folds to: the last `canonical` entry before it in the file.
    ///
    /// ```
    /// use duban_lexicon::TrackWord;
    /// assert_eq!(TrackWord::canonical_of("GDP"), Some("国内生产总值"));
    /// assert_eq!(TrackWord::canonical_of("经济增速"), Some("国内生产总值增长"));
    /// assert_eq!(TrackWord::canonical_of("出庭应诉率"), None);
    /// ```
    pub fn canonical_of(synonym: &str) -> Option<&'static str> {
        let entries = track_words().entries();
        let at = entries
            .iter()
            .position(|e| e.role == TrackWord::Synonym && e.word == synonym)?;
        entries[..at]
            .iter()
            .rev()
            .find(|e| e.role == TrackWord::Canonical)
            .map(|e| e.word)
    }
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

    /// Body words: the endings of organisation names and subjects, collective actors, the
    /// generic nouns a list shares, and words that end like a body but are none.
    ///
    /// ```
    /// use duban_lexicon::{BodyWord, body_words};
    /// assert!(body_words().list(BodyWord::Ending).found_in("县市场监管局"));
    /// assert!(body_words().of(BodyWord::NameEnding).contains(&"处"));
    /// assert!(!body_words().of(BodyWord::Ending).contains(&"处"));
    /// ```
    body_words: BodyWord = "body_words.tsv";

    /// Clause words: what shows a clause's subject has a duty, or that a phrase is no name.
    ///
    /// ```
    /// use duban_lexicon::{ClauseWord, clause_words};
    /// assert!(clause_words().list(ClauseWord::Predicate).found_in("积极推动行政机关负责人出庭"));
    /// ```
    clause_words: ClauseWord = "clause_words.tsv";

    /// Chrome words: breadcrumb openers and share links of web pages.
    ///
    /// ```
    /// use duban_lexicon::{ChromeWord, chrome_words};
    /// assert!(chrome_words().list(ChromeWord::Share).found_in("打印本页 关闭窗口"));
    /// ```
    chrome_words: ChromeWord = "chrome_words.tsv";

    /// Field labels: the labels of a page's `label: value` fields, with what they name.
    ///
    /// ```
    /// use duban_lexicon::{FieldLabel, field_labels};
    /// assert_eq!(field_labels().role_of("发布时间"), Some(FieldLabel::Published));
    /// assert_eq!(field_labels().role_of("正文"), None);
    /// ```
    field_labels: FieldLabel = "field_labels.tsv";

    /// Genre words: the words ending a document's title, with the kind they name.
    ///
    /// ```
    /// use duban_lexicon::{Genre, genres};
    /// assert_eq!(genres().role_of("工作要点"), Some(Genre::AnnualPlan));
    /// assert_eq!(genres().role_of("通知"), Some(Genre::Genre));
    /// ```
    genres: Genre = "genres.tsv";

    /// Region words: what a division's short name drops, zones named after a county, and
    /// short names that are common words.
    ///
    /// ```
    /// use duban_lexicon::{RegionWord, region_words};
    /// assert!(region_words().of(RegionWord::CommonWord).contains(&"大同"));
    /// ```
    region_words: RegionWord = "region_words.tsv";

    /// Track words: what tells a target from a result, the year a figure is for, and the key
    /// two documents' figures are matched on.
    ///
    /// ```
    /// use duban_lexicon::{TrackWord, track_words};
    /// assert!(track_words().list(TrackWord::Target).found_in("今年发展主要预期目标是"));
    /// assert!(track_words().of(TrackWord::LowerBetter).contains(&"失业率"));
    /// ```
    track_words: TrackWord = "track_words.tsv";
}

#[cfg(test)]
mod tests;
