//! Finding goals by what people type in a meeting: a code (`2-イ-7`, `2イ7`), a number
//! (`216`), or Japanese words (`コンビニ`, `電子申請`). Matches are ranked by where they were
//! found — a title beats a figure, which beats a 積算方法, which beats the narrative or an
//! activity — and are tolerant of full-/half-width and of hiragana/katakana differences.
//! Shared by `tassei find` and the TUI's finder.

use crate::model::fold::fold_char;
use crate::model::{Goal, GoalRef, Grouped, InitiativeCode, Plan, Value};

/// Where a query word was found, best first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Place {
    Code,
    Title,
    Note,
    Figures,
    CalcMethod,
    Evaluation,
    Activities,
}

impl Place {
    fn weight(self) -> u32 {
        match self {
            Place::Code => 1000,
            Place::Title => 100,
            Place::Note => 70,
            Place::Figures => 60,
            Place::CalcMethod => 50,
            Place::Evaluation => 20,
            Place::Activities => 10,
        }
    }

    /// How a hit is labelled in the finder.
    pub fn label(self) -> &'static str {
        match self {
            Place::Code => "code",
            Place::Title => "title",
            Place::Note => "note",
            Place::Figures => "figures",
            Place::CalcMethod => "積算方法",
            Place::Evaluation => "評価内容",
            Place::Activities => "実施内容",
        }
    }
}

/// A goal that matches, with where its best match was.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub goal: GoalRef,
    /// Positions of the initiative and goal in the plan.
    pub position: (usize, usize),
    pub place: Place,
    pub score: u32,
}

/// Goals matching every word of `query`, best first, then in sheet order.
pub fn find(plan: &Plan, query: &str) -> Vec<Found> {
    let query = trimmed(query);
    if query.is_empty() {
        return vec![];
    }
    if let Some(found) = by_code(plan, query) {
        return found;
    }
    let all = plan
        .initiatives
        .iter()
        .enumerate()
        .flat_map(|(i, ini)| (0..ini.goals.len()).map(move |g| (i, g)));
    by_words(plan, query, all)
}

/// The hits for `query` when the previous query was `previous` with hits `previous_hits`:
/// typing one more character can only narrow a word search, so only the previous hits are
/// searched again. That keeps each keystroke in the finder cheap on a large plan.
pub fn refine(plan: &Plan, previous: &str, previous_hits: &[Found], query: &str) -> Vec<Found> {
    let (previous, query) = (trimmed(previous), trimmed(query));
    let narrowed = narrows(previous, query)
        && by_code(plan, previous).is_none()
        && by_code(plan, query).is_none();
    if !narrowed {
        return find(plan, query);
    }
    let mut candidates: Vec<(usize, usize)> = previous_hits.iter().map(|f| f.position).collect();
    candidates.sort_unstable();
    by_words(plan, query, candidates.into_iter())
}

/// True when every text containing `query` also contains `previous` (both folded): typing more
/// only narrows, except ﾞ and ﾟ, which change the kana before them.
pub fn narrows(previous: &str, query: &str) -> bool {
    let (previous, query) = (trimmed(previous), trimmed(query));
    !previous.is_empty()
        && query.starts_with(previous)
        && !query[previous.len()..].contains(['\u{FF9E}', '\u{FF9F}'])
}

fn trimmed(query: &str) -> &str {
    query.trim_matches(|c: char| c.is_whitespace() || c == '\u{3000}')
}

/// Goals among `positions` (in sheet order) that contain every word of `query`, best first.
fn by_words(
    plan: &Plan,
    query: &str,
    positions: impl Iterator<Item = (usize, usize)>,
) -> Vec<Found> {
    let words: Vec<String> = search_fold(query)
        .split_whitespace()
        .map(str::to_string)
        .collect();
    let mut haystacks = Haystacks::default();
    let mut found: Vec<Found> = Vec::new();
    for (i, g) in positions {
        let Some(ini) = plan.initiatives.get(i) else {
            continue;
        };
        let Some(goal) = ini.goals.get(g) else {
            continue;
        };
        haystacks.start(plan, goal);
        let best: Option<Vec<Place>> = words.iter().map(|w| haystacks.best_place(w)).collect();
        if let Some(best) = best {
            let score = best.iter().map(|p| p.weight()).sum();
            let place = best.iter().copied().min().unwrap_or(Place::Activities);
            found.push(Found {
                goal: GoalRef {
                    initiative: ini.code,
                    goal: goal.number,
                },
                position: (i, g),
                place,
                score,
            });
        }
    }
    // A stable sort keeps sheet order among equal scores.
    found.sort_by_key(|f| std::cmp::Reverse(f.score));
    found
}

/// A query that is a goal code finds exactly that goal; an initiative code, its goals.
fn by_code(plan: &Plan, query: &str) -> Option<Vec<Found>> {
    let hit = |i: usize, g: usize| {
        let ini = &plan.initiatives[i];
        Found {
            goal: GoalRef {
                initiative: ini.code,
                goal: ini.goals[g].number,
            },
            position: (i, g),
            place: Place::Code,
            score: Place::Code.weight(),
        }
    };
    if let Ok(r) = query.parse::<GoalRef>() {
        let (i, g) = plan.position(r)?;
        return Some(vec![hit(i, g)]);
    }
    if let Ok(code) = query.parse::<InitiativeCode>() {
        let i = plan.initiatives.iter().position(|ini| ini.code == code)?;
        return Some(
            (0..plan.initiatives[i].goals.len())
                .map(|g| hit(i, g))
                .collect(),
        );
    }
    None
}

/// One goal's searchable texts by place, folded only when a word is looked for there. The
/// buffers are reused from goal to goal: searching 100,000 goals allocates almost nothing.
#[derive(Default)]
struct Haystacks<'a> {
    goal: Option<(&'a Plan, &'a Goal)>,
    /// Folded text per place, in [`PLACES`] order, and whether it is filled for this goal.
    folded: [String; 6],
    filled: [bool; 6],
    raw: String,
}

const PLACES: [Place; 6] = [
    Place::Title,
    Place::Note,
    Place::Figures,
    Place::CalcMethod,
    Place::Evaluation,
    Place::Activities,
];

impl<'a> Haystacks<'a> {
    fn start(&mut self, plan: &'a Plan, goal: &'a Goal) {
        self.goal = Some((plan, goal));
        self.filled = [false; 6];
    }

    /// The best place that contains `word`, searching places best first.
    fn best_place(&mut self, word: &str) -> Option<Place> {
        (0..PLACES.len())
            .find(|k| self.folded(*k).contains(word))
            .map(|k| PLACES[k])
    }

    fn folded(&mut self, k: usize) -> &str {
        if !self.filled[k] {
            self.filled[k] = true;
            self.folded[k].clear();
            if let Some((plan, goal)) = self.goal {
                let raw: &str = match PLACES[k] {
                    Place::Title => &goal.title,
                    Place::Note => &goal.note,
                    Place::CalcMethod => &goal.calc_method,
                    Place::Evaluation => &goal.evaluation,
                    Place::Figures => {
                        figures(goal, &mut self.raw);
                        &self.raw
                    }
                    Place::Code | Place::Activities => {
                        activities(plan, goal, &mut self.raw);
                        &self.raw
                    }
                };
                search_fold_into(raw, &mut self.folded[k]);
            }
        }
        &self.folded[k]
    }
}

/// The goal's figures as text: each value plain and grouped (`9016 9,016`), parts, the unit.
fn figures(goal: &Goal, out: &mut String) {
    use std::fmt::Write;
    out.clear();
    for v in [&goal.baseline, &goal.target, &goal.actual] {
        match v {
            Value::Number(n) => {
                let _ = write!(out, "{n} {} ", Grouped(n));
            }
            Value::Text(t) => {
                out.push_str(t);
                out.push(' ');
            }
            Value::None => {}
        }
    }
    for p in &goal.parts {
        let _ = write!(out, "{} {} ", p.label, p.target);
        if let Some(actual) = p.actual {
            let _ = write!(out, "{actual}");
        }
        out.push(' ');
    }
    out.push_str(&goal.unit);
}

/// The goal's activities (its own or the ones it shares) as text, one per line.
fn activities(plan: &Plan, goal: &Goal, out: &mut String) {
    out.clear();
    for a in plan.activities_of(goal) {
        out.push_str(&a.content);
        out.push(' ');
        out.push_str(a.period.raw());
        for section in &a.sections {
            out.push(' ');
            out.push_str(section);
        }
        out.push('\n');
    }
}

/// The full-width forms of half-width katakana U+FF66 (ｦ) to U+FF9D (ﾝ), in code order.
const FULL_KANA: &str = "ヲァィゥェォャュョッーアイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワン";

/// Text folded for matching only (never stored): full-width ASCII to ASCII, half-width katakana
/// to full-width (with ﾞ ﾟ), hiragana to katakana, lower case, one kind of space.
pub fn search_fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    search_fold_into(text, &mut out);
    out
}

/// [`search_fold`] appending to `out`. Each character is classified by its range first, so
/// the common ones (ASCII, kanji, katakana) cost a comparison or two.
pub fn search_fold_into(text: &str, out: &mut String) {
    for c in text.chars() {
        match c {
            'A'..='Z' => out.push(c.to_ascii_lowercase()),
            '\0'..='\u{7F}' => out.push(c),
            'ぁ'..='ゖ' => out.push(char::from_u32(c as u32 + 0x60).unwrap_or(c)),
            '\u{FF9E}' | '\u{FF9F}' => {
                // ﾞ / ﾟ voice the kana before them: カ → ガ, ハ → パ, ウ → ヴ.
                let step = if c == '\u{FF9E}' { 1 } else { 2 };
                if let Some(last) = out.pop() {
                    out.push(voiced(last, step).unwrap_or(last));
                }
            }
            '\u{FF66}'..='\u{FF9D}' => {
                let at = (c as u32 - 0xFF66) as usize;
                out.push(FULL_KANA.chars().nth(at).unwrap_or(c));
            }
            'ー' => out.push(c),
            _ => {
                let c = fold_char(c);
                if c.is_ascii() {
                    out.push(c.to_ascii_lowercase());
                } else {
                    out.extend(c.to_lowercase());
                }
            }
        }
    }
}

/// The kana that ﾞ (step 1) or ﾟ (step 2) makes of `kana`: each voiced form follows its base.
fn voiced(kana: char, step: u32) -> Option<char> {
    const VOICEABLE: &str = "カキクケコサシスセソタチツテトハヒフヘホ";
    match (kana, step) {
        ('ウ', 1) => Some('ヴ'),
        (k, 1) if VOICEABLE.contains(k) => char::from_u32(k as u32 + 1),
        (k, 2) if "ハヒフヘホ".contains(k) => char::from_u32(k as u32 + 2),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sheet;

    fn codes(plan: &Plan, query: &str) -> Vec<String> {
        find(plan, query)
            .iter()
            .map(|f| f.goal.to_string())
            .collect()
    }

    #[test]
    fn a_code_finds_exactly_that_goal() {
        let plan = sheet::bundled().expect("bundled");
        assert_eq!(codes(&plan, "2-イ-7"), ["⑵-イ-7"]);
        assert_eq!(codes(&plan, "2イ7"), ["⑵-イ-7"]);
        assert_eq!(codes(&plan, "（２）－イ－７"), ["⑵-イ-7"]);
        assert_eq!(codes(&plan, "1-ウ"), ["⑴-ウ-1", "⑴-ウ-2"]);
    }

    #[test]
    fn titles_rank_above_methods_and_activities() {
        let plan = sheet::bundled().expect("bundled");
        let hits = find(&plan, "コンビニ");
        let top: Vec<String> = hits.iter().take(3).map(|f| f.goal.to_string()).collect();
        assert_eq!(top, ["⑴-ウ-1", "⑵-イ-7", "⑵-イ-8"]);
        assert!(hits[..3].iter().all(|f| f.place == Place::Title));
        assert!(
            hits[3..].iter().all(|f| f.place > Place::Title),
            "the rest mention it elsewhere: {hits:?}"
        );
    }

    #[test]
    fn widths_and_kana_are_forgiven() {
        let plan = sheet::bundled().expect("bundled");
        let want = codes(&plan, "コンビニ");
        assert_eq!(codes(&plan, "ｺﾝﾋﾞﾆ"), want);
        assert_eq!(codes(&plan, "こんびに"), want);
        assert_eq!(codes(&plan, "ｓｎｓ"), codes(&plan, "SNS"));
        assert_eq!(search_fold("ﾊﾟﾌﾞｳﾞ"), "パブヴ");
    }

    #[test]
    fn every_word_must_match_and_numbers_find_figures() {
        let plan = sheet::bundled().expect("bundled");
        assert_eq!(
            codes(&plan, "電子申請 400時間")[..1],
            ["⑵-イ-6".to_string()]
        );
        let by_number = find(&plan, "216");
        assert_eq!(by_number[0].goal.to_string(), "⑵-イ-7");
        assert_eq!(by_number[0].place, Place::Title);
        assert_eq!(codes(&plan, "55,016"), ["⑶-イ-1"]);
        assert!(find(&plan, "存在しない語").is_empty());
        assert!(find(&plan, "　").is_empty());
    }

    #[test]
    fn electronic_applications_are_found_by_title_first() {
        let plan = sheet::bundled().expect("bundled");
        let hits = find(&plan, "電子申請");
        let titled: Vec<String> = hits
            .iter()
            .filter(|f| f.place == Place::Title)
            .map(|f| f.goal.to_string())
            .collect();
        assert_eq!(titled, ["⑴-ア-1", "⑴-ア-2", "⑵-イ-6"]);
        assert_eq!(
            hits[..3]
                .iter()
                .map(|f| f.goal.to_string())
                .collect::<Vec<_>>(),
            titled
        );
    }

    #[test]
    fn typing_more_narrows_to_the_same_hits_as_a_fresh_search() {
        let plan = sheet::bundled().expect("bundled");
        for (previous, query) in [
            ("コ", "コンビニ"),
            ("電子", "電子申請 400"),
            ("ｺﾝﾋ", "ｺﾝﾋﾞ"),
            ("1-ウ", "1-ウ-2"),
            ("2", "216"),
            ("コンビニ", "コンビ"),
        ] {
            let hits = find(&plan, previous);
            assert_eq!(
                refine(&plan, previous, &hits, query),
                find(&plan, query),
                "{previous} → {query}"
            );
        }
    }

    #[test]
    fn every_half_width_katakana_has_its_full_width_form() {
        assert_eq!(FULL_KANA.chars().count(), 0xFF9D - 0xFF66 + 1);
        assert_eq!(search_fold("ｦｧｯｰｱﾝ"), "ヲァッーアン");
        assert_eq!(search_fold("ＡＢＣabcＸ"), "abcabcx");
    }
}
