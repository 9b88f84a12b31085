//! Maps for the static site: Natural Earth 1:110m boundaries (public domain), projected once into SVG
//! paths (`reports/map/countries.json`, made by `reports/map/build_map.py`) and embedded, so a page
//! draws its map inline with no network access. The view is cropped to the states in focus.

use crate::eval::Status;
use serde::Serialize;
use std::collections::BTreeMap;
use std::sync::OnceLock;

static BOUNDARIES: &str = include_str!("../../reports/map/countries.json");

/// A country's outline and its bounding box in map units (x, y, x, y).
struct Outline {
    d: String,
    bbox: [f64; 4],
}

fn outlines() -> &'static BTreeMap<String, Outline> {
    static CELL: OnceLock<BTreeMap<String, Outline>> = OnceLock::new();
    CELL.get_or_init(|| {
        #[derive(serde::Deserialize)]
        struct File {
            paths: BTreeMap<String, String>,
        }
        let file: File = match serde_json::from_str(BOUNDARIES) {
            Ok(f) => f,
            Err(_) => return BTreeMap::new(),
        };
        file.paths
            .into_iter()
            .map(|(iso, d)| {
                let bbox = bounds(&d);
                (iso, Outline { d, bbox })
            })
            .collect()
    })
}

/// The bounding box of an `M x,y L x,y … Z` path.
fn bounds(d: &str) -> [f64; 4] {
    let mut b = [f64::MAX, f64::MAX, f64::MIN, f64::MIN];
    for pair in d.split(['M', 'L', 'Z']).filter(|s| !s.is_empty()) {
        let mut it = pair.split(',').filter_map(|n| n.trim().parse::<f64>().ok());
        if let (Some(x), Some(y)) = (it.next(), it.next()) {
            b = [b[0].min(x), b[1].min(y), b[2].max(x), b[3].max(y)];
        }
    }
    b
}

#[derive(Debug, Clone, Serialize)]
pub struct MapView {
    pub view_box: String,
    pub shapes: Vec<Shape>,
    /// States in focus with no outline at this scale (small islands, disputed areas).
    pub missing: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Shape {
    pub iso3: String,
    pub d: String,
    /// CSS classes: `focus m-<status>` for a state in focus, empty for context.
    pub class: String,
    pub title: String,
    pub href: Option<String>,
}

/// One state in focus: its status, the tooltip text and where a click leads.
pub struct Focus {
    pub iso3: String,
    pub status: Status,
    pub title: String,
    pub href: Option<String>,
}

/// A map cropped to the focus states; neighbours inside the frame are drawn as context. States whose
/// outline spans more than 70 units (Russia, China) do not stretch the frame, so a region stays legible.
pub fn map(focus: &[Focus]) -> Option<MapView> {
    let all = outlines();
    let mut frame = [f64::MAX, f64::MAX, f64::MIN, f64::MIN];
    for f in focus {
        let Some(o) = all.get(&f.iso3) else {
            continue;
        };
        if o.bbox[2] - o.bbox[0] > 70.0 {
            continue;
        }
        frame = [
            frame[0].min(o.bbox[0]),
            frame[1].min(o.bbox[1]),
            frame[2].max(o.bbox[2]),
            frame[3].max(o.bbox[3]),
        ];
    }
    if frame[0] > frame[2] {
        return None;
    }
    let pad = 4.0;
    let frame = [
        frame[0] - pad,
        frame[1] - pad,
        frame[2] + pad,
        frame[3] + pad,
    ];
    let overlaps =
        |b: &[f64; 4]| b[0] < frame[2] && b[2] > frame[0] && b[1] < frame[3] && b[3] > frame[1];
    let mut shapes: Vec<Shape> = all
        .iter()
        .filter(|(iso, o)| overlaps(&o.bbox) && !focus.iter().any(|f| &f.iso3 == *iso))
        .map(|(iso, o)| Shape {
            iso3: iso.clone(),
            d: o.d.clone(),
            class: String::new(),
            title: String::new(),
            href: None,
        })
        .collect();
    let mut missing = Vec::new();
    for f in focus {
        match all.get(&f.iso3) {
            Some(o) => shapes.push(Shape {
                iso3: f.iso3.clone(),
                d: o.d.clone(),
                class: format!("focus m-{}", f.status.as_str()),
                title: f.title.clone(),
                href: f.href.clone(),
            }),
            None => missing.push(f.iso3.clone()),
        }
    }
    Some(MapView {
        view_box: format!(
            "{:.1} {:.1} {:.1} {:.1}",
            frame[0],
            frame[1],
            frame[2] - frame[0],
            frame[3] - frame[1]
        ),
        shapes,
        missing,
    })
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn a_map_frames_its_focus_states_and_colours_them() {
        let focus = |iso: &str, status| Focus {
            iso3: iso.into(),
            status,
            title: iso.into(),
            href: None,
        };
        let m = map(&[focus("KEN", Status::Met), focus("TZA", Status::Gap)]).unwrap();
        let ken = m.shapes.iter().find(|s| s.iso3 == "KEN");
        assert_eq!(ken.map(|s| s.class.as_str()), Some("focus m-met"));
        // Neighbours inside the frame are context, and far-away states are left out.
        assert!(m
            .shapes
            .iter()
            .any(|s| s.iso3 == "UGA" && s.class.is_empty()));
        assert!(!m.shapes.iter().any(|s| s.iso3 == "BRA"));
    }

    #[test]
    fn no_focus_state_with_an_outline_means_no_map() {
        assert!(map(&[]).is_none());
    }
}
