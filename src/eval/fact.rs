//! What an explanation says, as typed values: which fact, which rule, which dates. The evaluator builds
//! these and never words; `report::words` turns them into sentences, so the same evaluation can be
//! rendered in any language.

use super::facts::Standing;
use super::status::Status;
use crate::model::{Date, Extent, MeasureStatus, PartialDate, Period, ReservationKind};
use serde::Serialize;

/// How a reservation in force bears on what is being judged.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Effect {
    /// It covers every article of the obligation: the obligation does not bind.
    Excludes,
    /// It covers some of the articles, or is a geographic limitation: partial at best.
    Narrows,
    /// Its text was not read (or names no article), so what it touches is unknown.
    Unread,
    /// In force on the instrument, for the instrument's own row.
    InForce,
}

/// Why a law does not count on the evaluation date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "why", rename_all = "kebab-case")]
pub enum NotCounting {
    Repealed {
        #[serde(skip_serializing_if = "Option::is_none")]
        on: Option<Date>,
        #[serde(skip_serializing_if = "Option::is_none")]
        within: Option<Period>,
    },
    NotYetInForce {
        from: Date,
    },
    /// Enacted within this period, on a day not recorded, and the evaluation date falls within it.
    EnactedWithin {
        period: Period,
    },
    NotYetEnacted {
        period: Period,
    },
    NoDate,
}

/// The test a criterion leaf or combinator applies.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "test", rename_all = "kebab-case")]
pub enum Test {
    Party {
        instrument: String,
    },
    Signed {
        instrument: String,
    },
    NoReservations {
        instrument: String,
        /// The articles the item is about; empty means every reservation counts.
        articles: Vec<String>,
    },
    /// An obligation or measure kind is given effect at home.
    InPlace {
        target: String,
    },
    NoConflict {
        target: String,
    },
    MemberOf {
        body: String,
        /// `None` when no memberships are recorded for the state.
        member: Option<bool>,
    },
    Action {
        action: String,
    },
    ActionNotAssessed {
        action: String,
    },
    All,
    Any,
    /// k-of-n credit: `met` of `of` parts are met; `missing` names the rest.
    Each {
        met: usize,
        of: usize,
        missing: Vec<String>,
    },
    Not,
    /// The criterion nests, or reuses other items, beyond what the evaluator will follow.
    TooDeep,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "fact", rename_all = "kebab-case")]
pub enum Fact {
    /// The state's standing towards a treaty on the date.
    Standing {
        instrument: String,
        standing: Standing,
    },
    /// Heading: the state is party.
    Party {
        instrument: String,
    },
    /// Heading: nothing verified on record for the date.
    NoRecord {
        instrument: String,
        date: Date,
    },
    NotParty {
        instrument: String,
    },
    OutsideRegion {
        instrument: String,
        body: String,
    },
    /// Heading: the state cannot join before joining `missing`.
    MustJoinFirst {
        instrument: String,
        missing: Vec<String>,
    },
    /// Joining `instrument` requires party status to `target`, on the article given.
    JoinRequires {
        target: String,
        basis: String,
    },
    Reservation {
        instrument: String,
        kind: ReservationKind,
        articles: Vec<String>,
        summary: String,
        effect: Effect,
    },
    ReservationWithdrawn {
        articles: Vec<String>,
        on: Date,
    },
    /// Heading of an obligation's explanation.
    Obligation {
        obligation: String,
    },
    NotBinding {
        obligation: String,
        date: Date,
    },
    ExcludedByReservation {
        obligation: String,
        date: Date,
    },
    /// It binds through `instrument`; `incorporated` when that instrument incorporates it.
    BindsThrough {
        instrument: String,
        incorporated: bool,
    },
    NothingRecorded {
        looked_for: Vec<String>,
    },
    Prerequisite {
        obligation: String,
        status: Status,
    },
    /// A law's provision gives effect to `target` (or conflicts with it).
    Implements {
        law: String,
        title: String,
        #[serde(skip_serializing_if = "Option::is_none")]
        citation: Option<String>,
        #[serde(skip_serializing_if = "Option::is_none")]
        provision: Option<String>,
        extent: Extent,
        target: String,
        note: String,
    },
    LawNotCounting {
        law: String,
        title: String,
        #[serde(skip_serializing_if = "Option::is_none")]
        citation: Option<String>,
        date: Date,
        why: NotCounting,
    },
    Measure {
        kind: String,
        status: MeasureStatus,
        date: PartialDate,
        summary: String,
    },
    Test(Test),
    /// Heading of a plan action's explanation.
    Action {
        action: String,
    },
    NotAssessed {
        action: String,
        why: Option<String>,
    },
    /// A dated record of something done, for a regional target.
    Evidence {
        date: Date,
        summary: String,
    },
    /// A recorded search for regional evidence that found nothing.
    Searched {
        on: Date,
        place: String,
        terms: String,
        found: String,
    },
    /// Heading of a target's explanation on a date.
    Target {
        target: String,
        date: Date,
        status: Status,
        count: usize,
        of: usize,
        needed: usize,
    },
    /// How one participant counts towards a target.
    CountsAs {
        iso3: String,
        status: Status,
    },
}
