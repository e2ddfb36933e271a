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
    let query = query.trim_matches(|c: char| c.is_whitespace() || c == '\u{3000}');
    if query.is_empty() {
        return vec![];
    }
    if let Some(found) = by_code(plan, query) {
        return found;
    }
    let words: Vec<String> = search_fold(query)
        .split_whitespace()
        .map(str::to_string)
        .collect();
    let mut found: Vec<Found> = Vec::new();
    for (i, ini) in plan.initiatives.iter().enumerate() {
        for (g, goal) in ini.goals.iter().enumerate() {
            let places = haystacks(plan, goal);
            let best: Option<Vec<Place>> = words
                .iter()
                .map(|w| {
                    places
                        .iter()
                        .filter(|(_, text)| text.contains(w.as_str()))
                        .map(|(p, _)| *p)
                        .min()
                })
                .collect();
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

/// The goal's searchable texts, folded, by place.
fn haystacks(plan: &Plan, goal: &Goal) -> Vec<(Place, String)> {
    let mut figures = String::new();
    for v in [&goal.baseline, &goal.target, &goal.actual] {
        if let Value::Number(n) = v {
            figures.push_str(&format!("{n} {} ", Grouped(n)));
        } else if let Value::Text(t) = v {
            figures.push_str(t);
            figures.push(' ');
        }
    }
    for p in &goal.parts {
        figures.push_str(&format!(
            "{} {} {} ",
            p.label,
            p.target,
            p.actual.map(|a| a.to_string()).unwrap_or_default()
        ));
    }
    figures.push_str(&goal.unit);
    let activities: String = plan
        .activities_of(goal)
        .iter()
        .map(|a| {
            format!(
                "{} {} {}\n",
                a.content,
                a.period.raw(),
                a.sections.join(" ")
            )
        })
        .collect();
    [
        (Place::Title, goal.title.as_str()),
        (Place::Note, goal.note.as_str()),
        (Place::Figures, figures.as_str()),
        (Place::CalcMethod, goal.calc_method.as_str()),
        (Place::Evaluation, goal.evaluation.as_str()),
        (Place::Activities, activities.as_str()),
    ]
    .into_iter()
    .map(|(p, t)| (p, search_fold(t)))
    .collect()
}

const HALF_KANA: &str = "ｦｧｨｩｪｫｬｭｮｯｰｱｲｳｴｵｶｷｸｹｺｻｼｽｾｿﾀﾁﾂﾃﾄﾅﾆﾇﾈﾉﾊﾋﾌﾍﾎﾏﾐﾑﾒﾓﾔﾕﾖﾗﾘﾙﾚﾛﾜﾝ";
const FULL_KANA: &str = "ヲァィゥェォャュョッーアイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワン";

/// Text folded for matching only (never stored): full-width ASCII to ASCII, half-width katakana
/// to full-width (with ﾞ ﾟ), hiragana to katakana, lower case, one kind of space.
pub fn search_fold(text: &str) -> String {
    let mut out: Vec<char> = Vec::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\u{FF9E}' | '\u{FF9F}' => {
                // ﾞ / ﾟ voice the kana before them: カ → ガ, ハ → パ, ウ → ヴ.
                let step = if c == '\u{FF9E}' { 1 } else { 2 };
                if let Some(last) = out.last_mut() {
                    *last = voiced(*last, step).unwrap_or(*last);
                }
            }
            _ => {
                let c = HALF_KANA
                    .chars()
                    .position(|h| h == c)
                    .and_then(|i| FULL_KANA.chars().nth(i))
                    .unwrap_or(c);
                let c = if ('ぁ'..='ゖ').contains(&c) {
                    char::from_u32(c as u32 + 0x60).unwrap_or(c)
                } else {
                    c
                };
                let c = if c == 'ー' { c } else { fold_char(c) };
                out.extend(c.to_lowercase());
            }
        }
    }
    out.into_iter().collect()
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
}
