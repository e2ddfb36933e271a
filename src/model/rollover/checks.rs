//! What the preview asks the coordinator to look at before carrying a goal into the new year:
//! a carried actual that already meets the target (the new year's goal would be met on day
//! one), a milestone whose new baseline is its target's text, and a title or 積算方法 naming a
//! year (`R5`, `令和５年`), which the new year's plan may need rewritten.

use super::super::plan::{Direction, FormulaKind, Goal, Value};

/// One reason to look at a goal again.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Check {
    /// The new baseline is at or beyond the target: (baseline, target).
    ReachesTarget(Value, Value),
    /// A milestone's new baseline is its target's text.
    SameAsTarget(Value),
    /// The title names a year: (the years as written).
    TitleYear(Vec<String>),
    /// 積算方法 names a year: (the years as written).
    MethodYear(Vec<String>),
}

/// The checks of `goal` as it is in the new year, its baseline `carried` from last year's actual
/// or not.
pub fn checks(goal: &Goal, carried: bool) -> Vec<Check> {
    let mut out = Vec::new();
    if carried {
        match (&goal.baseline, &goal.target) {
            (Value::Number(b), Value::Number(t))
                if goal.formula != FormulaKind::Milestone
                    && match goal.direction {
                        Direction::Higher => b >= t,
                        Direction::Lower => b <= t,
                    } =>
            {
                out.push(Check::ReachesTarget(
                    goal.baseline.clone(),
                    goal.target.clone(),
                ));
            }
            (b, t) if goal.formula == FormulaKind::Milestone && !b.is_none() && b == t => {
                out.push(Check::SameAsTarget(t.clone()));
            }
            _ => {}
        }
    }
    let years = years_named(&goal.title);
    if !years.is_empty() {
        out.push(Check::TitleYear(years));
    }
    let years = years_named(&goal.calc_method);
    if !years.is_empty() {
        out.push(Check::MethodYear(years));
    }
    out
}

/// At most this many years quoted from one text.
const QUOTED: usize = 3;

/// The years a text names, as written and each once: `R2年度`, `令和５年`, `R4.1.1`.
pub fn years_named(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let digit = |c: char| c.is_ascii_digit() || ('０'..='９').contains(&c);
    let mut found: Vec<String> = Vec::new();
    let mut at = 0;
    while at < chars.len() && found.len() < QUOTED {
        let c = chars[at];
        let letter = matches!(c, 'R' | 'Ｒ' | 'H' | 'Ｈ')
            && chars.get(at + 1).is_some_and(|n| digit(*n))
            && (at == 0 || !chars[at - 1].is_ascii_alphabetic());
        let era = matches!(
            (c, chars.get(at + 1)),
            ('令', Some('和')) | ('平', Some('成'))
        ) && chars.get(at + 2).is_some_and(|n| digit(*n) || *n == '元');
        if !letter && !era {
            at += 1;
            continue;
        }
        let mut end = at + if era { 2 } else { 1 };
        while end < chars.len() {
            let c = chars[end];
            let dotted = matches!(c, '.' | '．') && chars.get(end + 1).is_some_and(|n| digit(*n));
            if digit(c) || c == '元' || dotted {
                end += 1;
            } else {
                break;
            }
        }
        for suffix in [['年', '度'].as_slice(), ['年'].as_slice()] {
            if chars.get(end..end + suffix.len()) == Some(suffix) {
                end += suffix.len();
                break;
            }
        }
        let year: String = chars[at..end].iter().collect();
        if !found.contains(&year) {
            found.push(year);
        }
        at = end;
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn years_are_found_as_written() {
        assert_eq!(
            years_named("【基準値→R2年度～R4年度の平均，目標値･実績値→R5年度】"),
            ["R2年度", "R4年度", "R5年度"]
        );
        assert_eq!(years_named("令和６年度当初予算に"), ["令和６年度"]);
        assert_eq!(years_named("令和５年ふるさと納税額"), ["令和５年"]);
        assert_eq!(years_named("人口基準日がR4.1.1"), ["R4.1.1"]);
        assert_eq!(years_named("令和元年"), ["令和元年"]);
        assert!(years_named("HR担当 10,000件 CSR2").is_empty());
    }

    #[test]
    fn the_bundled_sheet_flags_what_a_coordinator_should_look_at() {
        let plan = crate::sheet::bundled().expect("bundled");
        let rolled = super::super::roll_over(&plan, "r6".into());
        let of = |code: &str| {
            rolled
                .goals
                .iter()
                .find(|g| g.goal == code.parse().expect("code"))
                .map(|g| g.checks.clone())
                .expect("goal")
        };
        // ⑴-ウ-2: 84.93 carried against a target of 84.23.
        assert!(
            of("1-ウ-2")
                .iter()
                .any(|c| matches!(c, Check::ReachesTarget(..))),
            "{:?}",
            of("1-ウ-2")
        );
        assert!(of("2-イ-1").contains(&Check::TitleYear(vec!["令和６年度".into()])));
        assert!(
            of("1-ア-1")
                .iter()
                .any(|c| matches!(c, Check::MethodYear(y) if y[0] == "R2年度"))
        );
    }
}
