//! One home for each rule that instrument evaluation, obligations and plan criteria share: whether a
//! state can join a treaty now, and what its reservations in force do to what is being judged.

use super::fact::Effect;
use super::facts::{self, standing};
use crate::catalogue::Catalogue;
use crate::graph::{Edge, Node};
use crate::model::{same_article, Country, Date, Instrument, Participation, ReservationKind};

/// Whether a state that is not party could join a treaty on a date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Joinability {
    Open,
    /// A regional treaty and the state is not a member of its region: not expected to join.
    OutsideRegion {
        body: String,
    },
    /// Party status to these treaties comes first (UNTOC art. 37(2) for its protocols, OPCAT art. 27(2)).
    NeedsFirst(Vec<String>),
}

/// Whether `c` could join `inst` on `date`, read from the catalogue's graph of prerequisites.
pub fn joinability(cat: &Catalogue, c: &Country, inst: &Instrument, date: Date) -> Joinability {
    if inst.scope != "universal" {
        if let Some((false, _)) = facts::member_of(c, &inst.scope, date) {
            return Joinability::OutsideRegion {
                body: inst.scope.clone(),
            };
        }
    }
    let missing: Vec<String> = cat
        .graph()
        .targets_of(&Node::Instrument(inst.id.clone()), Edge::RequiresPartyTo)
        .into_iter()
        .filter(|t| !standing(c.participation_in(t), date).is_party())
        .collect();
    if missing.is_empty() {
        Joinability::Open
    } else {
        Joinability::NeedsFirst(missing)
    }
}

/// One reservation in force and what it does to the articles being judged.
#[derive(Debug, Clone, Copy)]
pub struct ReservationFinding {
    /// Position in the participation entry's `reservations`.
    pub index: usize,
    pub effect: Effect,
}

/// Reservations in force on `date` that bear on `articles` of `home` (`None`: the instrument as a
/// whole, where only the geographic limitation and, with `all`, every reservation are relevant).
///
/// A geographic limitation (1951 Convention art. 1B) narrows every article. A reservation whose text
/// was not read has an unknown effect on any article it may touch. Declarations never count here.
pub fn reservation_effects(
    p: &Participation,
    home: &Instrument,
    articles: Option<&[String]>,
    all: bool,
    date: Date,
) -> Vec<ReservationFinding> {
    let mut out = Vec::new();
    for (index, r) in facts::reservations_in_force(p, date) {
        let effect = if r.kind == ReservationKind::GeographicLimitation {
            Some(Effect::Narrows)
        } else {
            match articles {
                None if all && r.effect_known() => Some(Effect::InForce),
                None if all => Some(Effect::Unread),
                None => None,
                Some(arts) => {
                    let touches = |a: &String| {
                        r.articles
                            .iter()
                            .any(|x| same_article(&home.articles, a, x))
                    };
                    let some = arts.iter().any(touches);
                    if !r.effect_known() {
                        // Unread, or names no article: it may touch anything it does not rule out.
                        (r.articles.is_empty() || some).then_some(Effect::Unread)
                    } else if !arts.is_empty() && arts.iter().all(touches) {
                        Some(Effect::Excludes)
                    } else if some {
                        Some(Effect::Narrows)
                    } else {
                        None
                    }
                }
            }
        };
        if let Some(effect) = effect {
            out.push(ReservationFinding { index, effect });
        }
    }
    out
}
