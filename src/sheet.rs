//! The JSON plan format (`tassei-plan/1`): the bundled sheet and what `tassei import` reads.
//!
//! Reading happens in two passes. Serde checks the shape and types, naming the path of the first
//! mismatch (`initiatives[2].goals[0].target`); then [`validate`] checks meaning (numbers, codes,
//! duplicates, formula rules) and reports every problem with its path. Numbers are written as
//! strings (`"9,016"`, `"13.47"`) so they stay exact; whole JSON numbers are accepted too.

use std::collections::HashMap;
use std::fmt;

use rust_decimal::Decimal;
use serde::Deserialize;
use serde::de::{self, Deserializer, MapAccess, Visitor};

use crate::engine::work_out;
use crate::model::date::{FIRST_YEAR, LAST_YEAR};
use crate::model::expression::Expression;
use crate::model::fold::is_invisible;
use crate::model::{
    Activity, ActivityId, ActivityStatus, Derivation, Direction, EntryError, Figure, FiscalYear,
    FormulaKind, Goal, GoalId, GoalRef, Initiative, InitiativeCode, InitiativeId, MilestoneState,
    Part, PartId, Period, Plan, PlanId, PolicyArea, Thresholds, Uid, Value, parse_number,
};

/// The format tag every plan file starts with.
pub const FORMAT: &str = "tassei-plan/1";

/// 指宿市's FY令和5 DX plan evaluation, loaded into every new data file.
pub const BUNDLED: &str = include_str!("../assets/plans/ibusuki-dx-r5.json");

/// The most digits after the decimal point an achievement may be shown with.
pub const MAX_PRECISION: u32 = 4;

/// Everything wrong with a plan file, each with the path where it was found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SheetErrors(pub Vec<SheetError>);

/// One problem in a plan file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SheetError {
    /// Where in the file: `initiatives[2].goals[0].target`, or empty for the whole file.
    pub path: String,
    pub message: String,
}

impl fmt::Display for SheetError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            f.write_str(&self.message)
        } else {
            write!(f, "{}: {}", self.path, self.message)
        }
    }
}

impl SheetErrors {
    /// At most this many problems are listed; the rest are counted.
    pub const SHOWN: usize = 20;

    /// The problems to show, one self-contained line each: the first [`Self::SHOWN`], then
    /// `…and K more problems`.
    pub fn lines(&self) -> Vec<String> {
        let mut lines: Vec<String> = self
            .0
            .iter()
            .take(Self::SHOWN)
            .map(ToString::to_string)
            .collect();
        if self.0.len() > Self::SHOWN {
            lines.push(format!("…and {} more problems", self.0.len() - Self::SHOWN));
        }
        lines
    }
}

impl fmt::Display for SheetErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.lines().join("\n"))
    }
}

impl std::error::Error for SheetErrors {}

/// Reads and validates a plan file. Ids in the returned plan are positions (from 1); the store
/// assigns its own when the plan is imported.
pub fn parse(text: &str) -> Result<Plan, SheetErrors> {
    // Windows editors (Notepad, Excel's "UTF-8 CSV" habit) start a UTF-8 file with a BOM;
    // it is not part of the JSON.
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let file = read_shape(text)?;
    validate(&file)
}

/// The bundled 指宿市 sheet.
pub fn bundled() -> Result<Plan, SheetErrors> {
    parse(BUNDLED)
}

fn read_shape(text: &str) -> Result<PlanFile, SheetErrors> {
    let mut json = serde_json::Deserializer::from_str(text);
    let file: PlanFile = serde_path_to_error::deserialize(&mut json).map_err(|e| {
        let path = e.path().to_string();
        let path = if path == "." { String::new() } else { path };
        let inner = e.into_inner();
        let message = match inner.classify() {
            serde_json::error::Category::Syntax => format!("the file is not valid JSON ({inner})"),
            serde_json::error::Category::Eof => {
                format!("the file ends too early: it is cut short ({inner})")
            }
            _ => inner.to_string(),
        };
        SheetErrors(vec![SheetError { path, message }])
    })?;
    json.end().map_err(|e| {
        SheetErrors(vec![SheetError {
            path: String::new(),
            message: e.to_string(),
        }])
    })?;
    Ok(file)
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PlanFile {
    format: String,
    id: String,
    municipality: String,
    title: String,
    fiscal_year: i32,
    #[serde(default)]
    source: String,
    #[serde(default)]
    thresholds: Option<ThresholdsFile>,
    #[serde(default)]
    policy_areas: Vec<AreaFile>,
    initiatives: Vec<InitiativeFile>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ThresholdsFile {
    #[serde(default)]
    achieved: FileValue,
    #[serde(default)]
    near: FileValue,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AreaFile {
    number: u8,
    #[serde(default)]
    title: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct InitiativeFile {
    code: String,
    title: String,
    goals: Vec<GoalFile>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct GoalFile {
    number: u32,
    title: String,
    #[serde(default)]
    note: String,
    #[serde(default)]
    unit: String,
    #[serde(default)]
    calc_method: String,
    formula: String,
    #[serde(default)]
    direction: Option<String>,
    #[serde(default)]
    precision: u32,
    #[serde(default)]
    allow_negative: bool,
    #[serde(default)]
    baseline: FileValue,
    #[serde(default)]
    target: FileValue,
    #[serde(default)]
    actual: FileValue,
    #[serde(default)]
    milestone: Option<String>,
    #[serde(default)]
    parts: Vec<PartFile>,
    #[serde(default)]
    evaluation: String,
    #[serde(default)]
    printed_achievement: Option<String>,
    #[serde(default)]
    page: Option<u32>,
    #[serde(default)]
    activities: Vec<ActivityFile>,
    #[serde(default)]
    activities_from: Option<String>,
    #[serde(default)]
    derivations: Vec<DerivationFile>,
}

/// `{"figure": "actual", "expression": "3,609 × 3分 ÷ 60", "precision": 1}`
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DerivationFile {
    figure: String,
    expression: String,
    #[serde(default)]
    precision: u32,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PartFile {
    label: String,
    #[serde(default)]
    unit: String,
    target: FileValue,
    #[serde(default)]
    actual: FileValue,
    #[serde(default)]
    note: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ActivityFile {
    content: String,
    #[serde(default)]
    period: String,
    #[serde(default)]
    sections: Vec<String>,
    #[serde(default)]
    status: Option<String>,
}

/// A value as written in the file: `null`, a number as a string or whole number, or `{"text": …}`.
#[derive(Default)]
enum FileValue {
    #[default]
    Null,
    Number(String),
    Text(String),
}

impl<'de> Deserialize<'de> for FileValue {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(FileValueVisitor)
    }
}

struct FileValueVisitor;

impl<'de> Visitor<'de> for FileValueVisitor {
    type Value = FileValue;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(r#"a number as a string ("9,016"), a whole number, {"text": "…"} or null"#)
    }

    fn visit_unit<E: de::Error>(self) -> Result<FileValue, E> {
        Ok(FileValue::Null)
    }

    fn visit_none<E: de::Error>(self) -> Result<FileValue, E> {
        Ok(FileValue::Null)
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<FileValue, E> {
        Ok(FileValue::Number(v.to_string()))
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<FileValue, E> {
        Ok(FileValue::Number(v.to_string()))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<FileValue, E> {
        Ok(FileValue::Number(v.to_string()))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<FileValue, E> {
        Err(E::custom(format!(
            "{v} is a JSON number with a fraction, which is not exact; write it as a string, e.g. \"{v}\""
        )))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<FileValue, A::Error> {
        let mut text = None;
        while let Some(key) = map.next_key::<String>()? {
            if key != "text" || text.is_some() {
                return Err(de::Error::custom(format!(
                    "unexpected key \"{key}\"; a text value is {{\"text\": \"…\"}}"
                )));
            }
            text = Some(map.next_value::<String>()?);
        }
        text.map(FileValue::Text)
            .ok_or_else(|| de::Error::custom(r#"a text value is {"text": "…"}"#))
    }
}

/// Collects problems with their paths while the plan is built.
#[derive(Default)]
struct Problems(Vec<SheetError>);

impl Problems {
    fn add(&mut self, path: impl Into<String>, message: impl Into<String>) {
        self.0.push(SheetError {
            path: path.into(),
            message: message.into(),
        });
    }

    /// Free text must not carry control characters: they would act on the clerk's terminal.
    fn text(&mut self, path: &str, text: &str) {
        if let Some((i, c)) = text
            .chars()
            .enumerate()
            .find(|(_, c)| c.is_control() && !matches!(c, '\n' | '\t'))
        {
            self.add(
                path,
                format!(
                    "contains the control character U+{:04X} at character {}; remove it",
                    c as u32,
                    i + 1
                ),
            );
        }
    }

    fn required(&mut self, path: &str, text: &str) {
        if text.trim().is_empty() {
            self.add(path, "must not be empty");
        }
        self.text(path, text);
    }

    fn number(&mut self, path: &str, raw: &str) -> Option<Decimal> {
        match parse_number(raw, "") {
            Ok(n) => Some(n),
            Err(e) => {
                self.add(path, e.to_string());
                None
            }
        }
    }

    /// A figure as written. A number is read here without complaint: whether it is right for
    /// its goal (unit, sign, `9.500`) is checked once the goal is built, by [`check_figures`].
    fn value(&mut self, path: &str, v: &FileValue, unit: &str) -> Value {
        match v {
            FileValue::Null => Value::None,
            FileValue::Number(raw) => parse_number(raw, unit).map_or(Value::None, Value::Number),
            FileValue::Text(t) => {
                self.required(path, t);
                Value::Text(t.clone())
            }
        }
    }

    /// A figure its goal refuses; a negative one says how a file allows it.
    fn figure(&mut self, path: String, e: EntryError) {
        match e {
            EntryError::Negative(_) => self.add(
                path,
                format!("{e}; if they may be, add \"allow_negative\": true to the goal"),
            ),
            _ => self.add(path, e.to_string()),
        }
    }

    fn word<T: std::str::FromStr<Err = crate::model::UnknownWord>>(
        &mut self,
        path: &str,
        raw: &str,
    ) -> Option<T> {
        raw.parse()
            .map_err(|e: crate::model::UnknownWord| self.add(path, e.to_string()))
            .ok()
    }
}

/// Running row numbers for a plan that has not been stored yet.
#[derive(Default)]
struct Ids {
    initiative: i64,
    goal: i64,
    part: i64,
    activity: i64,
}

fn next(counter: &mut i64) -> i64 {
    *counter += 1;
    *counter
}

fn validate(file: &PlanFile) -> Result<Plan, SheetErrors> {
    let mut p = Problems::default();
    if file.format != FORMAT {
        p.add(
            "format",
            format!("expected \"{FORMAT}\", found \"{}\"", file.format),
        );
    }
    if file.id.trim().is_empty() || file.id.chars().any(|c| c.is_whitespace() || c.is_control()) {
        p.add(
            "id",
            "must be a non-empty name without spaces, e.g. ibusuki-dx-r5",
        );
    } else if let Some(c) = file.id.chars().find(|c| is_invisible(*c)) {
        // `--plan` must be able to name it: a name that looks like another cannot be typed.
        p.add(
            "id",
            format!(
                "contains the invisible character U+{:04X}; remove it",
                c as u32
            ),
        );
    }
    p.required("municipality", &file.municipality);
    p.required("title", &file.title);
    p.text("source", &file.source);
    // The years a typed date may name (平成元年 to 2200): one range for the file and the CLI.
    if !(FIRST_YEAR..=LAST_YEAR).contains(&file.fiscal_year) {
        p.add("fiscal_year", format!("{} is not a fiscal year; write the western year it starts in, e.g. 2023 for 令和5年度", file.fiscal_year));
    }
    let thresholds = thresholds(&mut p, file.thresholds.as_ref());
    let mut areas: Vec<PolicyArea> = Vec::new();
    for (i, a) in file.policy_areas.iter().enumerate() {
        let path = format!("policy_areas[{i}]");
        p.text(&format!("{path}.title"), &a.title);
        if a.number == 0 || areas.iter().any(|x| x.number == a.number) {
            p.add(
                format!("{path}.number"),
                format!("policy area {} is zero or listed twice", a.number),
            );
        }
        areas.push(PolicyArea {
            number: a.number,
            title: a.title.clone(),
        });
    }
    if file.initiatives.is_empty() {
        p.add("initiatives", "a plan needs at least one initiative");
    }

    let mut ids = Ids::default();
    let mut seen_codes: HashMap<InitiativeCode, usize> = HashMap::new();
    let mut initiatives = Vec::with_capacity(file.initiatives.len());
    for (i, ini) in file.initiatives.iter().enumerate() {
        let path = format!("initiatives[{i}]");
        p.required(&format!("{path}.title"), &ini.title);
        let code = match ini.code.parse::<InitiativeCode>() {
            Ok(code) => {
                if let Some(first) = seen_codes.insert(code, i) {
                    p.add(
                        format!("{path}.code"),
                        format!("duplicate initiative {code} (also initiatives[{first}])"),
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
                        format!(
                            "duplicate goal number {} (also {path}.goals[{first}])",
                            g.number
                        ),
                    );
                }
                goal(&mut p, &mut ids, &gpath, g)
            })
            .collect();
        initiatives.push(Initiative {
            id: InitiativeId(next(&mut ids.initiative)),
            uid: Uid::NONE,
            code,
            title: ini.title.clone(),
            goals,
        });
    }
    areas.sort_by_key(|a| a.number);
    let plan = Plan {
        id: PlanId(1),
        uid: Uid::NONE,
        slug: file.id.clone(),
        municipality: file.municipality.clone(),
        title: file.title.clone(),
        fiscal_year: FiscalYear(file.fiscal_year),
        thresholds,
        source: file.source.clone(),
        areas,
        initiatives,
    };
    check_shared_activities(&mut p, &plan, file);
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
            format!(
                "near ({}) must be between 0 and achieved ({})",
                t.near, t.achieved
            ),
        );
    }
    t
}

fn goal(p: &mut Problems, ids: &mut Ids, path: &str, g: &GoalFile) -> Goal {
    let at = |field: &str| format!("{path}.{field}");
    if g.number == 0 {
        p.add(at("number"), "goal numbers start at 1");
    }
    p.required(&at("title"), &g.title);
    for (field, text) in [
        ("note", &g.note),
        ("unit", &g.unit),
        ("calc_method", &g.calc_method),
        ("evaluation", &g.evaluation),
    ] {
        p.text(&at(field), text);
    }
    let formula = p
        .word::<FormulaKind>(&at("formula"), &g.formula)
        .unwrap_or(FormulaKind::Ratio);
    let implied = if formula == FormulaKind::LowerIsBetter {
        Direction::Lower
    } else {
        Direction::Higher
    };
    let direction = match &g.direction {
        None => implied,
        Some(raw) => p
            .word::<Direction>(&at("direction"), raw)
            .unwrap_or(implied),
    };
    let direction_fits = match formula {
        FormulaKind::Ratio | FormulaKind::Composite => direction == Direction::Higher,
        FormulaKind::LowerIsBetter => direction == Direction::Lower,
        FormulaKind::FromBaseline | FormulaKind::Milestone => true,
    };
    if !direction_fits {
        p.add(
            at("direction"),
            format!("a {formula} goal cannot have direction \"{direction}\""),
        );
    }
    if g.precision > MAX_PRECISION {
        p.add(
            at("precision"),
            format!(
                "{} decimals is too many; at most {MAX_PRECISION}",
                g.precision
            ),
        );
    }
    let milestone = match (&g.milestone, formula) {
        (Some(raw), FormulaKind::Milestone) => p.word::<MilestoneState>(&at("milestone"), raw),
        (None, FormulaKind::Milestone) => {
            p.add(
                at("milestone"),
                "a milestone goal needs a state: achieved, not_achieved or not_graded",
            );
            None
        }
        (Some(_), _) => {
            p.add(
                at("milestone"),
                format!("only milestone goals have a milestone state, not {formula} goals"),
            );
            None
        }
        (None, _) => None,
    };
    let parts = parts(p, ids, path, g, formula);
    let activities = g
        .activities
        .iter()
        .enumerate()
        .map(|(k, a)| activity(p, ids, &format!("{path}.activities[{k}]"), a))
        .collect();
    let derivations = derivations(p, path, g);
    let activities_from = g.activities_from.as_deref().and_then(|raw| {
        raw.parse::<GoalRef>()
            .map_err(|e| p.add(at("activities_from"), e.to_string()))
            .ok()
    });
    if let Some(printed) = &g.printed_achievement {
        p.text(&at("printed_achievement"), printed);
    }
    let goal = Goal {
        id: GoalId(next(&mut ids.goal)),
        uid: Uid::NONE,
        number: g.number,
        title: g.title.clone(),
        note: g.note.clone(),
        unit: g.unit.clone(),
        calc_method: g.calc_method.clone(),
        formula,
        direction,
        precision: g.precision.min(MAX_PRECISION),
        allow_negative: g.allow_negative,
        baseline: p.value(&at("baseline"), &g.baseline, &g.unit),
        target: p.value(&at("target"), &g.target, &g.unit),
        actual: p.value(&at("actual"), &g.actual, &g.unit),
        milestone,
        parts,
        evaluation: g.evaluation.clone(),
        printed_achievement: g.printed_achievement.clone(),
        page: g.page,
        activities,
        activities_from,
        derivations,
        notes: vec![],
    };
    check_figures(p, path, g, &goal);
    goal
}

/// Every figure of a goal and of its parts, read by the goal's own rules as `tassei set` reads
/// a typed actual: what `set` refuses (a negative figure, another unit, `9.500` in whole
/// things) a file cannot bring in either.
fn check_figures(p: &mut Problems, path: &str, g: &GoalFile, goal: &Goal) {
    for (field, v) in [
        ("baseline", &g.baseline),
        ("target", &g.target),
        ("actual", &g.actual),
    ] {
        if let FileValue::Number(raw) = v
            && let Err(e) = goal.read_figure(raw)
        {
            p.figure(format!("{path}.{field}"), e);
        }
    }
    for (k, part) in g.parts.iter().enumerate() {
        for (field, v) in [("target", &part.target), ("actual", &part.actual)] {
            if let FileValue::Number(raw) = v
                && let Err(e) = goal.read_part_figure(k + 1, raw)
            {
                p.figure(format!("{path}.parts[{k}].{field}"), e);
            }
        }
    }
}

/// Each stated derivation must parse and work out to the figure the sheet states.
fn derivations(p: &mut Problems, path: &str, g: &GoalFile) -> Vec<Derivation> {
    let mut out: Vec<Derivation> = Vec::new();
    for (k, d) in g.derivations.iter().enumerate() {
        let at = |field: &str| format!("{path}.derivations[{k}].{field}");
        let Some(figure) = p.word::<Figure>(&at("figure"), &d.figure) else {
            continue;
        };
        if out.iter().any(|o| o.figure == figure) {
            p.add(at("figure"), format!("the {figure} has two derivations"));
            continue;
        }
        if d.precision > MAX_PRECISION {
            p.add(
                at("precision"),
                format!(
                    "{} decimals is too many; at most {MAX_PRECISION}",
                    d.precision
                ),
            );
            continue;
        }
        let expression = match Expression::parse(&d.expression) {
            Ok(e) => e,
            Err(e) => {
                p.add(at("expression"), e.to_string());
                continue;
            }
        };
        let stated = match figure {
            Figure::Baseline => &g.baseline,
            Figure::Target => &g.target,
            Figure::Actual => &g.actual,
        };
        let stated = match stated {
            FileValue::Number(raw) => parse_number(raw, &g.unit).ok(),
            _ => None,
        };
        match (work_out(&expression, d.precision), stated) {
            (Err(e), _) => p.add(at("expression"), format!("\"{}\": {e}", d.expression)),
            (Ok(_), None) => p.add(at("figure"), format!("the {figure} is not a number, so there is nothing to check the arithmetic against")),
            (Ok(w), Some(s)) if w.value != s => {
                p.add(at("expression"), format!("{} works out to {}, but the {figure} is {s}", w.text, w.value))
            }
                        (Ok(_), Some(_)) => out.push(Derivation { figure, expression, precision: d.precision }),
        }
    }
    out.sort_by_key(|d| d.figure);
    out
}

fn parts(
    p: &mut Problems,
    ids: &mut Ids,
    path: &str,
    g: &GoalFile,
    formula: FormulaKind,
) -> Vec<Part> {
    if formula == FormulaKind::Composite && g.parts.is_empty() {
        p.add(
            format!("{path}.parts"),
            "a composite goal needs at least one part",
        );
    }
    if formula != FormulaKind::Composite && !g.parts.is_empty() {
        p.add(
            format!("{path}.parts"),
            format!("only composite goals have parts, not {formula} goals"),
        );
    }
    g.parts
        .iter()
        .enumerate()
        .map(|(k, part)| {
            let at = |field: &str| format!("{path}.parts[{k}].{field}");
            p.required(&at("label"), &part.label);
            p.text(&at("unit"), &part.unit);
            p.text(&at("note"), &part.note);
            // Numbers are checked with the goal's rules by check_figures.
            let target = match &part.target {
                FileValue::Number(raw) => parse_number(raw, &part.unit).ok(),
                _ => {
                    p.add(at("target"), "a part needs a numeric target");
                    None
                }
            };
            let actual = match &part.actual {
                FileValue::Null => None,
                FileValue::Number(raw) => parse_number(raw, &part.unit).ok(),
                FileValue::Text(_) => {
                    p.add(at("actual"), "a part's actual must be a number or null");
                    None
                }
            };
            Part {
                id: PartId(next(&mut ids.part)),
                uid: Uid::NONE,
                label: part.label.clone(),
                unit: part.unit.clone(),
                target: target.unwrap_or_default(),
                actual,
                note: part.note.clone(),
            }
        })
        .collect()
}

fn activity(p: &mut Problems, ids: &mut Ids, path: &str, a: &ActivityFile) -> Activity {
    p.required(&format!("{path}.content"), &a.content);
    p.text(&format!("{path}.period"), &a.period);
    for (s, section) in a.sections.iter().enumerate() {
        p.required(&format!("{path}.sections[{s}]"), section);
    }
    // A file that states no status says nothing about progress: 未記入, never overdue.
    let status = match &a.status {
        None => ActivityStatus::Unset,
        Some(raw) => p
            .word(&format!("{path}.status"), raw)
            .unwrap_or(ActivityStatus::Unset),
    };
    Activity {
        id: ActivityId(next(&mut ids.activity)),
        uid: Uid::NONE,
        content: a.content.clone(),
        period: Period::parse(&a.period),
        sections: a.sections.clone(),
        status,
    }
}

/// A goal that takes another's activities must name an existing goal that has its own.
fn check_shared_activities(p: &mut Problems, plan: &Plan, file: &PlanFile) {
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
                _ if source == own => p.add(path, "a goal cannot take its activities from itself"),
                None => p.add(path, format!("{source} is not a goal in this file")),
                Some((_, s)) if s.activities_from.is_some() => {
                    p.add(path, format!("{source} itself takes its activities from another goal; name that goal instead"))
                }
                Some(_) if !file.initiatives[i].goals[j].activities.is_empty() => {
                    p.add(path, "a goal with activities_from must not list activities of its own")
                }
                Some(_) => {}
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const MINIMAL: &str = r#"{
      "format": "tassei-plan/1", "id": "t", "municipality": "市", "title": "計画", "fiscal_year": 2023,
      "initiatives": [{ "code": "1-ア", "title": "取組", "goals": [
        { "number": 1, "title": "目標", "unit": "件", "formula": "ratio", "target": "10,000", "actual": 9016 }
      ]}]
    }"#;

    fn errors(text: &str) -> Vec<String> {
        match parse(text) {
            Ok(_) => vec![],
            Err(e) => e.0.iter().map(ToString::to_string).collect(),
        }
    }

    fn with_goal(goal_json: &str) -> String {
        MINIMAL.replace(
            r#"{ "number": 1, "title": "目標", "unit": "件", "formula": "ratio", "target": "10,000", "actual": 9016 }"#,
            goal_json,
        )
    }

    #[test]
    fn minimal_plan_reads() {
        let plan = parse(MINIMAL).expect("valid");
        let (_, g) = plan.goals().next().expect("one goal");
        assert_eq!(g.target, Value::Number(Decimal::from(10000)));
        assert_eq!(g.actual, Value::Number(Decimal::from(9016)));
        assert_eq!(
            plan.areas,
            vec![PolicyArea {
                number: 1,
                title: String::new()
            }]
        );
        assert_eq!(plan.thresholds, Thresholds::default());
    }

    #[test]
    fn a_bom_is_not_json_and_a_figure_may_carry_its_goals_unit() {
        let text = format!("\u{FEFF}{}", MINIMAL.replace("\"10,000\"", "\"10,000件\""));
        let plan = parse(&text).expect("valid");
        let (_, g) = plan.goals().next().expect("one goal");
        assert_eq!(g.target, Value::Number(Decimal::from(10000)));
        assert_eq!(
            errors(&MINIMAL.replace("\"10,000\"", "\"10,000回\"")),
            [
                "initiatives[0].goals[0].target: the unit 回 is not this goal's unit (件): \"10,000回\""
            ]
        );
    }

    #[test]
    fn more_than_twenty_problems_are_counted_after_the_twentieth() {
        let problems = SheetErrors(
            (0..23)
                .map(|i| SheetError {
                    path: format!("initiatives[{i}].title"),
                    message: "must not be empty".into(),
                })
                .collect(),
        );
        let lines = problems.lines();
        assert_eq!(lines.len(), 21);
        assert_eq!(lines[19], "initiatives[19].title: must not be empty");
        assert_eq!(lines[20], "…and 3 more problems");
    }

    #[test]
    fn shape_errors_name_the_path() {
        let text =
            with_goal(r#"{ "number": 1, "title": "目標", "formula": "ratio", "target": true }"#);
        let errs = errors(&text);
        assert_eq!(errs.len(), 1);
        assert!(
            errs[0].starts_with("initiatives[0].goals[0].target: invalid type: boolean"),
            "{errs:?}"
        );
        let errs = errors(&with_goal(
            r#"{ "number": 1, "title": "目標", "formula": "ratio", "target": 13.47 }"#,
        ));
        assert!(
            errs[0].contains("write it as a string, e.g. \"13.47\""),
            "{errs:?}"
        );
        assert!(errors(r#"{"format": "tassei-plan/1"}"#)[0].contains("missing field"));
        assert!(errors("not json")[0].contains("expected"));
        let errs =
            errors(&MINIMAL.replace("\"title\": \"計画\"", "\"title\": \"計画\", \"colour\": 1"));
        assert!(errs[0].contains("unknown field `colour`"), "{errs:?}");
    }

    #[test]
    fn meaning_errors_name_the_path_and_are_all_reported() {
        let text = with_goal(
            r#"{ "number": 1, "title": "", "formula": "ratio", "target": "abc", "actual": "9.0.1" }"#,
        );
        assert_eq!(
            errors(&text),
            vec![
                "initiatives[0].goals[0].title: must not be empty",
                "initiatives[0].goals[0].target: not a number: \"abc\"",
                "initiatives[0].goals[0].actual: two decimal points: \"9.0.1\"",
            ]
        );
    }

    #[test]
    fn duplicates_are_refused() {
        let dup_goal = with_goal(
            r#"{ "number": 1, "title": "a", "formula": "ratio" }, { "number": 1, "title": "b", "formula": "ratio" }"#,
        );
        assert_eq!(
            errors(&dup_goal),
            vec![
                "initiatives[0].goals[1].number: duplicate goal number 1 (also initiatives[0].goals[0])"
            ]
        );
        let dup_code = MINIMAL.replace(
            r#""initiatives": ["#,
            r#""initiatives": [{ "code": "⑴-ア", "title": "x", "goals": [] }, "#,
        );
        assert_eq!(
            errors(&dup_code),
            vec!["initiatives[1].code: duplicate initiative ⑴-ア (also initiatives[0])"]
        );
    }

    #[test]
    fn formula_rules_are_checked() {
        let composite = with_goal(r#"{ "number": 1, "title": "a", "formula": "composite" }"#);
        assert_eq!(
            errors(&composite),
            vec!["initiatives[0].goals[0].parts: a composite goal needs at least one part"]
        );
        let milestone = with_goal(r#"{ "number": 1, "title": "a", "formula": "milestone" }"#);
        assert!(errors(&milestone)[0].contains("a milestone goal needs a state"));
        let wrong_dir =
            with_goal(r#"{ "number": 1, "title": "a", "formula": "ratio", "direction": "lower" }"#);
        assert_eq!(
            errors(&wrong_dir),
            vec!["initiatives[0].goals[0].direction: a ratio goal cannot have direction \"lower\""]
        );
        let unknown = with_goal(r#"{ "number": 1, "title": "a", "formula": "average" }"#);
        assert!(
            errors(&unknown)[0]
                .starts_with("initiatives[0].goals[0].formula: unknown formula kind \"average\"")
        );
        let lower = with_goal(
            r#"{ "number": 1, "title": "a", "formula": "lower_is_better", "target": "5" }"#,
        );
        let plan = parse(&lower).expect("valid");
        assert_eq!(
            plan.goals().next().map(|(_, g)| g.direction),
            Some(Direction::Lower)
        );
    }

    #[test]
    fn control_characters_in_text_are_refused() {
        let text = with_goal(r#"{ "number": 1, "title": "a\u001b[2Jb", "formula": "ratio" }"#);
        assert_eq!(
            errors(&text),
            vec![
                "initiatives[0].goals[0].title: contains the control character U+001B at character 2; remove it"
            ]
        );
    }

    #[test]
    fn derivations_must_work_out_to_the_stated_figure() {
        let good = with_goal(
            r#"{ "number": 1, "title": "a", "unit": "時間", "formula": "ratio", "target": "216", "actual": "180.5",
                 "derivations": [{ "figure": "actual", "expression": "3,609 × 3分 ÷ 60", "precision": 1 }] }"#,
        );
        let plan = parse(&good).expect("valid");
        assert_eq!(
            plan.goals().next().map(|(_, g)| g.derivations.len()),
            Some(1)
        );
        let wrong = good.replace("\"180.5\"", "\"180.4\"");
        assert_eq!(
            errors(&wrong),
            [
                "initiatives[0].goals[0].derivations[0].expression: 3,609 × 3分 ÷ 60 = 180.45 → 180.5 works out to 180.5, but the actual is 180.4"
            ]
        );
        let broken = good.replace("3,609 × 3分 ÷ 60", "3,609 × ");
        assert_eq!(
            errors(&broken),
            ["initiatives[0].goals[0].derivations[0].expression: \"3,609 ×\": a number is missing"]
        );
        let text = good.replace(
            "\"actual\": \"180.5\"",
            "\"actual\": {\"text\": \"集計中\"}",
        );
        assert!(errors(&text)[0].ends_with(
            "the actual is not a number, so there is nothing to check the arithmetic against"
        ));
    }

    #[test]
    fn shared_activities_must_point_at_a_goal_with_its_own() {
        let missing = with_goal(
            r#"{ "number": 1, "title": "a", "formula": "ratio", "activities_from": "1-ア-9" }"#,
        );
        assert_eq!(
            errors(&missing),
            vec!["initiatives[0].goals[0].activities_from: ⑴-ア-9 is not a goal in this file"]
        );
        let own = with_goal(
            r#"{ "number": 1, "title": "a", "formula": "ratio", "activities_from": "1-ア-1" }"#,
        );
        assert_eq!(
            errors(&own),
            vec![
                "initiatives[0].goals[0].activities_from: a goal cannot take its activities from itself"
            ]
        );
    }
}
