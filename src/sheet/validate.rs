//! The second pass over a plan file: the plan built from it, and every problem of meaning
//! (numbers, codes, duplicates, thresholds, shared activities) reported with its path. Each
//! goal is checked in `goal`.

use std::collections::{HashMap, HashSet};

use super::file::{FileValue, PlanFile, ThresholdsFile};
use super::goal::goal;
use super::links::links;
use super::problems::Problems;
use super::{FORMAT, FORMAT_1, SheetErrors};
use crate::model::date::{FIRST_YEAR, LAST_YEAR};
use crate::model::{
    FiscalYear, GoalRef, Initiative, InitiativeCode, InitiativeId, Plan, PlanId, PolicyArea,
    Thresholds, Uid,
};
use crate::strings::strings;
use crate::text::control::is_invisible;

/// What reading one file keeps as it goes: running row numbers for a plan that has not been
/// stored yet, the file's version, and every uid met so far.
#[derive(Default)]
pub(super) struct Ids {
    pub(super) initiative: i64,
    pub(super) goal: i64,
    pub(super) part: i64,
    pub(super) activity: i64,
    /// The file says `tassei-plan/1`: the fields new in /2 are refused.
    pub(super) first_version: bool,
    /// A set, not a map to paths: at 100,000 goals the file has 320,000 uids.
    uids: HashSet<Uid>,
}

impl Ids {
    /// A field new in `tassei-plan/2` in a file that says /1 is refused: a /1 reader would
    /// refuse it too, and the file should say what it is.
    pub(super) fn only_in_2(&self, p: &mut Problems, path: &str, present: bool) {
        if present && self.first_version {
            p.add(path, (strings().errors.sheet.newer_field)(FORMAT_1, FORMAT));
        }
    }

    /// A row's uid as the file gives it (/2), or none: the store draws one. Each uid names one
    /// row of the file.
    pub(super) fn uid(&mut self, p: &mut Problems, path: &str, raw: Option<&str>) -> Uid {
        let Some(raw) = raw else { return Uid::NONE };
        let path = if path.is_empty() {
            "uid".to_string()
        } else {
            format!("{path}.uid")
        };
        self.only_in_2(p, &path, true);
        match raw.parse::<Uid>() {
            Err(e) => p.add(path, e.to_string()),
            Ok(uid) if uid.is_none() => p.add(path, strings().errors.sheet.uid_zero),
            Ok(uid) if !self.uids.insert(uid) => {
                p.add(path, (strings().errors.sheet.duplicate_uid)(raw));
            }
            Ok(uid) => return uid,
        }
        Uid::NONE
    }
}

/// The next row number of a kind.
pub(super) fn next(counter: &mut i64) -> i64 {
    *counter += 1;
    *counter
}

/// The second pass: what the plan means (numbers, codes, duplicates, formula rules), every
/// problem reported with its path. The file is taken, and each initiative of it dropped once it
/// is built, so a large file and its plan are not held whole side by side.
pub(super) fn validate(mut file: PlanFile) -> Result<Plan, SheetErrors> {
    let mut p = Problems::default();
    let mut ids = Ids {
        first_version: file.format == FORMAT_1,
        ..Ids::default()
    };
    if file.format != FORMAT && file.format != FORMAT_1 {
        p.add(
            "format",
            (strings().errors.sheet.format)(FORMAT_1, FORMAT, &file.format),
        );
    }
    let plan_uid = ids.uid(&mut p, "", file.uid.as_deref());
    let links = links(&mut p, &ids, &file);
    if let Some(why) = id_refusal(&file.id) {
        p.add("id", why);
    }
    p.required("municipality", &file.municipality);
    p.required("title", &file.title);
    p.text("source", &file.source);
    // The years a typed date may name (平成元年 to 2200): one range for the file and the CLI.
    if !(FIRST_YEAR..=LAST_YEAR).contains(&file.fiscal_year) {
        p.add(
            "fiscal_year",
            (strings().errors.sheet.fiscal_year)(file.fiscal_year),
        );
    }
    let thresholds = thresholds(&mut p, file.thresholds.as_ref());
    let mut areas: Vec<PolicyArea> = Vec::new();
    for (i, a) in file.policy_areas.iter().enumerate() {
        let path = format!("policy_areas[{i}]");
        p.text(&format!("{path}.title"), &a.title);
        if a.number == 0 || areas.iter().any(|x| x.number == a.number) {
            p.add(
                format!("{path}.number"),
                (strings().errors.sheet.area)(a.number),
            );
        }
        areas.push(PolicyArea {
            number: a.number,
            title: a.title.clone(),
        });
    }
    if file.initiatives.is_empty() {
        p.add("initiatives", strings().errors.sheet.no_initiatives);
    }

    let mut seen_codes: HashMap<InitiativeCode, usize> = HashMap::new();
    let initiative_files = std::mem::take(&mut file.initiatives);
    let mut initiatives = Vec::with_capacity(initiative_files.len());
    for (i, ini) in initiative_files.into_iter().enumerate() {
        let path = format!("initiatives[{i}]");
        p.required(&format!("{path}.title"), &ini.title);
        let uid = ids.uid(&mut p, &path, ini.uid.as_deref());
        let code = match ini.code.parse::<InitiativeCode>() {
            Ok(code) => {
                if let Some(first) = seen_codes.insert(code, i) {
                    p.add(
                        format!("{path}.code"),
                        (strings().errors.sheet.duplicate_initiative)(&code, first),
                    );
                }
                code
            }
            Err(e) => {
                p.add(format!("{path}.code"), e.to_string());
                InitiativeCode { area: 0, kana: '?' }
            }
        };
        if !areas.iter().any(|a| a.number == code.area) && code.area > 0 {
            areas.push(PolicyArea {
                number: code.area,
                title: String::new(),
            });
        }
        let mut seen_numbers: HashMap<u32, usize> = HashMap::new();
        let goals = ini
            .goals
            .iter()
            .enumerate()
            .map(|(j, g)| {
                let gpath = format!("{path}.goals[{j}]");
                if let Some(first) = seen_numbers.insert(g.number, j) {
                    p.add(
                        format!("{gpath}.number"),
                        (strings().errors.sheet.duplicate_goal)(g.number, &path, first),
                    );
                }
                goal(&mut p, &mut ids, &gpath, g, FiscalYear(file.fiscal_year))
            })
            .collect();
        initiatives.push(Initiative {
            id: InitiativeId(next(&mut ids.initiative)),
            uid,
            code,
            title: ini.title,
            goals,
        });
    }
    areas.sort_by_key(|a| a.number);
    let plan = Plan {
        id: PlanId(1),
        uid: plan_uid,
        slug: file.id,
        municipality: file.municipality,
        title: file.title,
        fiscal_year: FiscalYear(file.fiscal_year),
        thresholds,
        source: file.source,
        areas,
        initiatives,
        links,
    };
    check_shared_activities(&mut p, &plan);
    if p.0.is_empty() {
        Ok(plan)
    } else {
        Err(SheetErrors(p.0))
    }
}

fn thresholds(p: &mut Problems, file: Option<&ThresholdsFile>) -> Thresholds {
    let mut t = Thresholds::default();
    let Some(file) = file else { return t };
    if let FileValue::Number(raw) = &file.achieved {
        t.achieved = p.number("thresholds.achieved", raw).unwrap_or(t.achieved);
    }
    if let FileValue::Number(raw) = &file.near {
        t.near = p.number("thresholds.near", raw).unwrap_or(t.near);
    }
    if t.near > t.achieved || t.near.is_sign_negative() {
        p.add(
            "thresholds",
            (strings().errors.sheet.near)(&t.near, &t.achieved),
        );
    }
    t
}

/// A goal that takes another's activities must name an existing goal that has its own.
fn check_shared_activities(p: &mut Problems, plan: &Plan) {
    for (i, ini) in plan.initiatives.iter().enumerate() {
        for (j, g) in ini.goals.iter().enumerate() {
            let Some(source) = g.activities_from else {
                continue;
            };
            let path = format!("initiatives[{i}].goals[{j}].activities_from");
            let own = GoalRef {
                initiative: ini.code,
                goal: g.number,
            };
            match plan.goal(source) {
                _ if source == own => p.add(path, strings().errors.sheet.activities_from_itself),
                None => p.add(
                    path,
                    (strings().errors.sheet.activities_from_missing)(&source),
                ),
                Some((_, s)) if s.activities_from.is_some() => p.add(
                    path,
                    (strings().errors.sheet.activities_from_chained)(&source),
                ),
                // The plan's activities are the file's own: a shared list is not copied in.
                Some(_) if !g.activities.is_empty() => {
                    p.add(path, strings().errors.sheet.activities_from_and_own)
                }
                Some(_) => {}
            }
        }
    }
}

/// Why a plan's id (the file's `id`, `import --id`, `rollover --id`) cannot be one, in words:
/// empty, a space or control character in it, or an invisible character — `--plan` must be
/// able to name it, and a name that looks like another cannot be typed.
pub fn id_refusal(id: &str) -> Option<String> {
    if id.trim().is_empty() || id.chars().any(|c| c.is_whitespace() || c.is_control()) {
        Some(strings().errors.sheet.id.to_string())
    } else {
        id.chars()
            .find(|c| is_invisible(*c))
            .map(|c| (strings().errors.sheet.invisible)(c as u32))
    }
}
