//! The workbook's rows made into the plan file's types (`sheet::file`), each field's cell
//! remembered under the path the plan's validators name it by, so their every problem is said
//! at its cell. Only what a cell cannot hold at all (a formula, an inexact double, a date, a
//! goal no row names) is refused here; meaning is the validators'.

use std::collections::HashMap;

use unicode_normalization::UnicodeNormalization;

use super::table::{At, Table};
use crate::model::edit::definition::read_sections;
use crate::model::{GoalRef, InitiativeCode};
use crate::report::workbook::words;
use crate::sheet::FORMAT;
use crate::sheet::file::{
    ActivityFile, AreaFile, DerivationFile, FileValue, GoalFile, InitiativeFile, PartFile,
    PlanFile, TITLE_KEY, ThresholdsFile,
};
use crate::strings::strings;

/// What reading the sheets gathers: the plan file, where each of its fields came from, and
/// the cells that could not be read at all.
#[derive(Default)]
pub(super) struct Built {
    pub(super) initiatives: Vec<InitiativeFile>,
    /// Path in the plan file (`initiatives[0].goals[1].target`) → its cell.
    pub(super) cells: HashMap<String, At>,
    /// Lines already said, each naming its cell.
    pub(super) problems: Vec<(String, String)>,
    /// A goal's place by its code and by its uid, for the rows of the other sheets.
    by_code: HashMap<GoalRef, (usize, usize)>,
    by_uid: HashMap<String, (usize, usize)>,
}

impl Built {
    /// The plan file's path of the goal データ names `r`: `initiatives[0].goals[1]`.
    pub(super) fn path_of(&self, r: GoalRef) -> Option<String> {
        let (i, j) = self.by_code.get(&r)?;
        Some(format!("initiatives[{i}].goals[{j}]"))
    }

    /// A cell's text, or none and its problem noted.
    fn text(&mut self, t: &Table, row: u32, header: &'static str) -> String {
        match t.text(row, header) {
            Ok(s) => s,
            Err(line) => {
                self.problems.push((t.at(row, header).cell, line));
                String::new()
            }
        }
    }

    /// A cell's text, remembered as the field at `path`.
    fn field(&mut self, t: &Table, row: u32, header: &'static str, path: String) -> String {
        let text = self.text(t, row, header);
        self.cells.insert(path, t.at(row, header));
        text
    }

    /// A figure written with 万, 千 or 億 (`1万件`): refused with what to type instead.
    fn large_number_word(&mut self, t: &Table, row: u32, header: &'static str, raw: &str) {
        if let Some(word) = raw.chars().find(|c| ['万', '千', '億'].contains(c)) {
            let at = t.at(row, header);
            let line = (strings().exchange.plan_workbook.number_word)(&at.place(), raw, word);
            self.problems.push((at.cell, line));
        }
    }

    /// A whole number (小数桁, 記載ページ, 目標): `3`, `３`, `目標１`; `None` for empty.
    fn whole(&mut self, t: &Table, row: u32, header: &'static str, path: String) -> Option<u32> {
        let raw = self.field(t, row, header, path);
        if raw.is_empty() {
            return None;
        }
        let folded: String = raw.nfkc().collect();
        let digits = folded.trim().trim_start_matches(words::GOAL).trim();
        match digits.parse::<u32>() {
            Ok(n) => Some(n),
            Err(_) => {
                let at = t.at(row, header);
                let line = (strings().exchange.plan_workbook.not_whole)(&at.place(), &raw);
                self.problems.push((at.cell, line));
                None
            }
        }
    }

    /// The goal a row of 実施内容, 内訳 or 算出 belongs to: the one its 目標 names (`⑴-ア-1`:
    /// what the clerk sees wins, so a row moved to another goal in Excel moves), else, with
    /// 目標 left empty, its hidden 目標ID's; a row naming none on データ is refused at its cell.
    fn owner(&mut self, t: &Table, row: u32) -> Option<(usize, usize)> {
        let code = self.text(t, row, words::GOAL);
        let uid = self.text(t, row, words::GOAL_UID);
        let found = if code.is_empty() {
            self.by_uid.get(&uid).copied()
        } else {
            code.parse::<GoalRef>()
                .ok()
                .and_then(|c| self.by_code.get(&c).copied())
        };
        if found.is_none() {
            let at = t.at(row, words::GOAL);
            let shown = if code.is_empty() { uid } else { code };
            let line = (strings().exchange.plan_workbook.unknown_goal)(&at.place(), &shown);
            self.problems.push((at.cell, line));
        }
        found
    }
}

/// A figure as the plan file holds it: empty is none; a milestone's is its words, any other
/// goal's a number for the validators to read.
fn figure(raw: String, milestone: bool) -> FileValue {
    match (raw.is_empty(), milestone) {
        (true, _) => FileValue::Null,
        (false, true) => FileValue::Text(raw),
        (false, false) => FileValue::Number(raw),
    }
}

fn optional(raw: String) -> Option<String> {
    (!raw.is_empty()).then_some(raw)
}

/// データ: one goal a row, grouped into initiatives by 取り組み事項 in the order first met.
pub(super) fn goals(built: &mut Built, t: &Table) {
    let milestone_word = crate::model::FormulaKind::Milestone.word();
    let composite_word = crate::model::FormulaKind::Composite.word();
    let mut initiative_at: HashMap<String, usize> = HashMap::new();
    for row in t.rows().collect::<Vec<_>>() {
        let mut initiative = built.text(t, row, words::INITIATIVE);
        let number_cell = built.text(t, row, words::GOAL);
        let code_cell = built.text(t, row, words::GOAL_CODE);
        // A row whose ⑴-ア and 目標 are empty is named by its 目標コード alone (`1-ア-1`).
        let from_code = (initiative.is_empty() && number_cell.is_empty())
            .then(|| code_cell.parse::<GoalRef>().ok())
            .flatten();
        if let Some(r) = from_code {
            initiative = r.initiative.to_string();
        }
        // ⑴-ア, 1-ア and (1)-ア are one initiative.
        let key = initiative
            .parse::<InitiativeCode>()
            .map_or_else(|_| initiative.clone(), |c| c.to_string());
        let i = match initiative_at.get(&key) {
            Some(i) => {
                // One title per initiative: another typed on a later row is not dropped.
                let title = built.text(t, row, words::INITIATIVE_TITLE);
                let first = &built.initiatives[*i].title;
                if !title.is_empty() && title != *first {
                    let at = t.at(row, words::INITIATIVE_TITLE);
                    let line = (strings().exchange.plan_workbook.other_title)(&at.place(), first);
                    built.problems.push((at.cell, line));
                }
                *i
            }
            None => {
                let i = built.initiatives.len();
                let path = format!("initiatives[{i}]");
                built
                    .cells
                    .insert(format!("{path}.code"), t.at(row, words::INITIATIVE));
                built
                    .cells
                    .insert(path.clone(), t.at(row, words::INITIATIVE));
                let title = built.field(t, row, words::INITIATIVE_TITLE, format!("{path}.title"));
                let uid = built.field(t, row, words::INITIATIVE_UID, format!("{path}.uid"));
                built.initiatives.push(InitiativeFile {
                    previous_uid: None,
                    code: key.clone(),
                    uid: optional(uid),
                    title,
                    goals: Vec::new(),
                });
                initiative_at.insert(key.clone(), i);
                i
            }
        };
        let j = built.initiatives[i].goals.len();
        let g = format!("initiatives[{i}].goals[{j}]");
        built.cells.insert(g.clone(), t.at(row, words::GOAL));
        let number = match from_code {
            Some(r) => {
                built
                    .cells
                    .insert(format!("{g}.number"), t.at(row, words::GOAL_CODE));
                Some(r.goal)
            }
            None => built.whole(t, row, words::GOAL, format!("{g}.number")),
        };
        let formula = built.field(t, row, words::FORMULA_KIND, format!("{g}.formula"));
        let is_milestone = formula == milestone_word;
        let is_composite = formula == composite_word;
        // `field` is the path's last step, `.title`.
        let mut f = |header: &'static str, field: &str| -> String {
            built.field(t, row, header, format!("{g}{field}"))
        };
        let title = f(words::GOAL_TEXT, ".title");
        let unit = f(words::UNIT, ".unit");
        let note = f(words::NOTE, ".note");
        let direction = optional(f(words::DIRECTION, ".direction"));
        let allow_negative = !f(words::ALLOW_NEGATIVE, ".allow_negative").is_empty();
        let baseline_raw = f(words::BASELINE, ".baseline");
        // A composite goal's 目標値 and 実績値 are its parts' (内訳), shown joined.
        let (target_raw, actual_raw) = if is_composite {
            (String::new(), String::new())
        } else {
            (f(words::TARGET, ".target"), f(words::ACTUAL, ".actual"))
        };
        let milestone = optional(f(words::MILESTONE, ".milestone"));
        let printed_achievement = optional(f(words::PRINTED_RATE, ".printed_achievement"));
        let calc_method = f(words::CALC_METHOD, ".calc_method");
        let evaluation = f(words::EVALUATION, ".evaluation");
        let activities_from = optional(f(words::ACTIVITIES_FROM, ".activities_from"));
        let uid = optional(f(words::GOAL_UID, ".uid"));
        if !is_milestone {
            for (header, raw) in [
                (words::BASELINE, &baseline_raw),
                (words::TARGET, &target_raw),
                (words::ACTUAL, &actual_raw),
            ] {
                built.large_number_word(t, row, header, raw);
            }
        }
        if formula.is_empty() {
            let at = t.at(row, words::FORMULA_KIND);
            let line = (strings().exchange.plan_workbook.no_formula)(&at.place());
            built.problems.push((at.cell, line));
        }
        let baseline = figure(baseline_raw, is_milestone);
        let (target, actual) = if is_composite {
            (FileValue::Null, FileValue::Null)
        } else {
            (
                figure(target_raw, is_milestone),
                figure(actual_raw, is_milestone),
            )
        };
        let precision = built
            .whole(t, row, words::PRECISION, format!("{g}.precision"))
            .unwrap_or(0);
        let page = built.whole(t, row, words::PAGE, format!("{g}.page"));
        let number = number.unwrap_or(0);
        if let (Ok(code), true) = (key.parse::<InitiativeCode>(), number > 0) {
            built.by_code.insert(
                GoalRef {
                    initiative: code,
                    goal: number,
                },
                (i, j),
            );
        }
        if let Some(uid) = &uid {
            built.by_uid.insert(uid.clone(), (i, j));
        }
        built.initiatives[i].goals.push(GoalFile {
            previous_uid: None,
            number,
            uid,
            title,
            note,
            unit,
            formula,
            direction,
            precision,
            allow_negative,
            baseline,
            target,
            actual,
            milestone,
            parts: Vec::new(),
            printed_achievement,
            page,
            derivations: Vec::new(),
            calc_method,
            evaluation,
            activities_from,
            activities: Vec::new(),
            meeting_notes: Vec::new(),
        });
    }
}

/// 実施内容: each row under the goal it names, in the sheet's order.
pub(super) fn activities(built: &mut Built, t: &Table) {
    for row in t.rows().collect::<Vec<_>>() {
        let Some((i, j)) = built.owner(t, row) else {
            continue;
        };
        let k = built.initiatives[i].goals[j].activities.len();
        let a = format!("initiatives[{i}].goals[{j}].activities[{k}]");
        built.cells.insert(a.clone(), t.at(row, words::ACTIVITY));
        // `field` is the path's last step, `.title`.
        let mut f = |header: &'static str, field: &str| -> String {
            built.field(t, row, header, format!("{a}{field}"))
        };
        let content = f(words::ACTIVITY, ".content");
        let period = f(words::PERIOD, ".period");
        let sections = f(words::SECTIONS, ".sections");
        let status = optional(f(words::ACTIVITY_STATUS, ".status"));
        let uid = optional(f(words::ACTIVITY_UID, ".uid"));
        let sections = read_sections(&sections);
        built.initiatives[i].goals[j].activities.push(ActivityFile {
            previous_uid: None,
            content,
            uid,
            period,
            sections,
            status,
        });
    }
}

/// 内訳: a composite goal's parts, in the sheet's order.
pub(super) fn parts(built: &mut Built, t: &Table) {
    for row in t.rows().collect::<Vec<_>>() {
        let Some((i, j)) = built.owner(t, row) else {
            continue;
        };
        let k = built.initiatives[i].goals[j].parts.len();
        let p = format!("initiatives[{i}].goals[{j}].parts[{k}]");
        built.cells.insert(p.clone(), t.at(row, words::PART_LABEL));
        // `field` is the path's last step, `.title`.
        let mut f = |header: &'static str, field: &str| -> String {
            built.field(t, row, header, format!("{p}{field}"))
        };
        let label = f(words::PART_LABEL, ".label");
        let unit = f(words::UNIT, ".unit");
        let target = figure(f(words::TARGET, ".target"), false);
        let actual = figure(f(words::ACTUAL, ".actual"), false);
        let note = f(words::NOTE, ".note");
        let uid = optional(f(words::PART_UID, ".uid"));
        built.initiatives[i].goals[j].parts.push(PartFile {
            label,
            uid,
            unit,
            target,
            actual,
            note,
        });
    }
}

/// 算出: a figure's stated arithmetic, under its goal.
pub(super) fn derivations(built: &mut Built, t: &Table) {
    for row in t.rows().collect::<Vec<_>>() {
        let Some((i, j)) = built.owner(t, row) else {
            continue;
        };
        let k = built.initiatives[i].goals[j].derivations.len();
        let d = format!("initiatives[{i}].goals[{j}].derivations[{k}]");
        built.cells.insert(d.clone(), t.at(row, words::EXPRESSION));
        // The sheet says 基準値/目標値/実績値; the file, the figure's word.
        let figure = built.field(t, row, words::FIGURE, format!("{d}.figure"));
        let figure = figure
            .parse::<crate::model::Figure>()
            .map_or(figure, |f| f.word().to_string());
        let expression = built.field(t, row, words::EXPRESSION, format!("{d}.expression"));
        let precision = built
            .whole(t, row, words::PRECISION, format!("{d}.precision"))
            .unwrap_or(0);
        let stale = !built
            .field(t, row, words::STALE, format!("{d}.stale"))
            .is_empty();
        built.initiatives[i].goals[j]
            .derivations
            .push(DerivationFile {
                figure,
                expression,
                precision,
                stale,
            });
    }
}

/// 計画: the plan itself, `項目 | 値` a row; an item tassei does not know is refused, not
/// dropped.
pub(super) fn plan(built: &mut Built, t: &Table) -> PlanFile {
    let mut file = PlanFile {
        lineage: None,
        format: FORMAT.to_string(),
        id: String::new(),
        uid: None,
        municipality: String::new(),
        title: String::new(),
        fiscal_year: 0,
        source: String::new(),
        thresholds: None,
        policy_areas: Vec::new(),
        initiatives: Vec::new(),
    };
    let (mut achieved, mut near) = (FileValue::Null, FileValue::Null);
    for row in t.rows().collect::<Vec<_>>() {
        let item = built.text(t, row, words::ITEM);
        let at = t.at(row, words::ITEM_VALUE);
        let value = built.text(t, row, words::ITEM_VALUE);
        let mut keep = |path: &str| {
            built.cells.insert(path.to_string(), at.clone());
        };
        match item.as_str() {
            words::PLAN_ID => {
                keep("id");
                file.id = value;
            }
            words::PLAN_UID => {
                keep("uid");
                file.uid = optional(value);
            }
            words::MUNICIPALITY => {
                keep("municipality");
                file.municipality = value;
            }
            words::PLAN_TITLE => {
                keep(TITLE_KEY);
                file.title = value;
            }
            words::SOURCE => {
                keep("source");
                file.source = value;
            }
            words::ACHIEVED_FROM => {
                keep("thresholds.achieved");
                keep("thresholds");
                achieved = figure(value, false);
            }
            words::NEAR_FROM => {
                keep("thresholds.near");
                near = figure(value, false);
            }
            words::FISCAL_YEAR => {
                keep("fiscal_year");
                let folded: String = value.nfkc().collect();
                match folded.trim().parse::<i32>() {
                    Ok(year) => file.fiscal_year = year,
                    Err(_) => {
                        let line = (strings().exchange.plan_workbook.not_year)(
                            &at.place(),
                            &value,
                            reiwa_year(&folded).unwrap_or(2024),
                        );
                        built.problems.push((at.cell.clone(), line));
                    }
                }
            }
            other => {
                let folded: String = other.nfkc().collect();
                let area = folded
                    .strip_prefix(words::POLICY_AREA)
                    .and_then(|n| n.trim().parse::<u8>().ok());
                match area {
                    Some(number) => {
                        let path = format!("policy_areas[{}]", file.policy_areas.len());
                        keep(&format!("{path}.title"));
                        keep(&format!("{path}.number"));
                        file.policy_areas.push(AreaFile {
                            number,
                            title: value,
                        });
                    }
                    None => {
                        let at = t.at(row, words::ITEM);
                        let line =
                            (strings().exchange.plan_workbook.unknown_item)(&at.place(), other);
                        built.problems.push((at.cell, line));
                    }
                }
            }
        }
    }
    if !achieved.is_null() || !near.is_null() {
        file.thresholds = Some(ThresholdsFile { achieved, near });
    }
    file
}

/// The Western year a 令和 year names (`令和6年度` → 2024, `R6` → 2024), for the message.
fn reiwa_year(text: &str) -> Option<i32> {
    let rest = text
        .trim()
        .strip_prefix(crate::model::era::Era::Reiwa.name())
        .or_else(|| text.trim().strip_prefix(['R', 'r']))?;
    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
    let n: i32 = if rest.starts_with('元') {
        1
    } else {
        digits.parse().ok()?
    };
    Some(crate::model::date::REIWA_OFFSET + n)
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_reiwa_year_is_its_western_year() {
        assert_eq!(super::reiwa_year("令和6年度"), Some(2024));
        assert_eq!(super::reiwa_year("令和元年度"), Some(2019));
        assert_eq!(super::reiwa_year("R5"), Some(2023));
        assert_eq!(super::reiwa_year("来年"), None);
    }
}
