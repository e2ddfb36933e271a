//! The three-way and two-way rules, and how a returned value is read.

use rust_decimal::Decimal;

use super::*;

fn n(x: i64) -> FieldValue {
    FieldValue::Value(Value::Number(Decimal::from(x)))
}

#[test]
fn the_three_way_rule() {
    use Decision::*;
    // (base, current, returned) → decision.
    for (base, current, returned, want) in [
        (80, 80, 80, Unchanged),
        (80, 90, 80, Unchanged), // the section left it: the coordinator's change stays
        (80, 80, 85, Apply),
        (80, 85, 85, Already),
        (80, 90, 85, Conflict),
    ] {
        assert_eq!(
            three_way(&n(base), &n(current), &n(returned)),
            want,
            "{base} {current} {returned}"
        );
    }
    // Emptied by the section alone: a clear, not a change; emptied on both sides: already.
    let none = FieldValue::Value(Value::None);
    assert_eq!(three_way(&n(80), &n(80), &none), Cleared);
    assert_eq!(three_way(&n(80), &none, &none), Already);
    // Emptied where someone changed the value since (a second copy after the first was
    // collected): still a clear, confirmed on its own, never a conflict's returned side.
    assert_eq!(three_way(&n(80), &n(90), &none), Cleared);
    assert_eq!(three_way(&none, &none, &none), Unchanged);
    let text = |t: &str| FieldValue::Text(t.to_string());
    assert_eq!(three_way(&text("済"), &text("済"), &text("")), Cleared);
    assert_eq!(
        three_way(&text(""), &text(""), &text("  ")),
        Unchanged,
        "blank handed out, blank returned"
    );
    let status = FieldValue::Status;
    assert_eq!(
        three_way(
            &status(ActivityStatus::Done),
            &status(ActivityStatus::Done),
            &status(ActivityStatus::Unset)
        ),
        Cleared
    );
    // 75.0 = 75: compared by value.
    let seventy_five = FieldValue::Value(Value::Number(Decimal::new(750, 1)));
    assert_eq!(three_way(&n(75), &n(75), &seventy_five), Unchanged);
}

fn number(text: &str) -> FieldValue {
    FieldValue::Value(Value::Number(text.parse().expect("a number")))
}

/// The goal a code names in the bundled sheet, as a merge finds it.
fn goal<'a>(plan: &'a Plan, code: &str) -> Target<'a> {
    let r: GoalRef = code.parse().expect("a code");
    Target::Goal(r, plan.goal(r).expect("the goal").1)
}

#[test]
fn numbers_come_back_at_the_precision_shown_never_rounded() {
    let plan = crate::sheet::bundled().expect("bundled");
    // ⑴-ウ-1: ％, target 15.00, base 14.20.
    let shown = |target: &Target, returned: &str, base: &str| {
        at_precision(target, number(returned), &number(base)).to_string()
    };
    let percent = goal(&plan, "1-ウ-1");
    assert_eq!(shown(&percent, "14.2", "14.20"), "14.20");
    assert_eq!(shown(&percent, "14.5", "13.47"), "14.50");
    assert_eq!(
        shown(&percent, "14.123", "13.47"),
        "14.123",
        "typed digits kept"
    );
    assert_eq!(
        shown(&percent, "14.500", "13.47"),
        "14.50",
        "zeros past it dropped"
    );
    // ⑵-イ-7: 時間, target 216: 180.5 in a cell that shows 181 stays 180.5.
    let hours = goal(&plan, "2-イ-7");
    assert_eq!(shown(&hours, "180.5", "180"), "180.5");
    assert_eq!(shown(&hours, "190", "180.5"), "190.0");
    assert_eq!(
        three_way(&number("14.20"), &number("14.20"), &number("14.2")),
        Decision::Unchanged
    );
}

#[test]
fn a_fraction_for_a_percentage_is_told_from_a_small_figure() {
    let plan = crate::sheet::bundled().expect("bundled");
    let percent = goal(&plan, "1-ウ-1");
    let fraction = |returned: &str, base: &str| {
        percent_as_fraction(&percent, &number(returned), &number(base))
            .map(|(held, meant)| format!("{held} {meant}"))
    };
    assert_eq!(fraction("0.85", "13.47"), Some("0.85 85".into()));
    assert_eq!(fraction("0", "13.47"), None, "0％ is a figure");
    assert_eq!(fraction("1.5", "13.47"), None);
    // Not a ％ goal: ⑵-イ-7's 0.5 時間 is a figure.
    let hours = goal(&plan, "2-イ-7");
    assert_eq!(
        percent_as_fraction(&hours, &number("0.5"), &number("180.5")),
        None
    );
}

#[test]
fn without_a_base_the_rule_is_two_way() {
    use Decision::*;
    let seventy_five = FieldValue::Value(Value::Number(Decimal::new(750, 1)));
    assert_eq!(two_way(&n(75), &seventy_five), Already);
    assert_eq!(two_way(&n(75), &n(80)), Unbased);
    let text = |t: &str| FieldValue::Text(t.to_string());
    assert_eq!(two_way(&text("⑴の目標"), &text("?の目標")), LostText);
    assert_eq!(two_way(&text("⑴の目標"), &text("?の目標を達成")), Unbased);
    assert_eq!(
        two_way(&text("目標"), &text("?標")),
        Unbased,
        "nothing to lose"
    );
}
