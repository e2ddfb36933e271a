use super::*;
use crate::strings::{Lang, pin_thread};

/// The bundled sheet's year: 令和5年度, April 2023 to March 2024.
const R5: FiscalYear = FiscalYear(2023);

fn date(y: i32, m: u32, d: u32) -> Option<CalendarDate> {
    CalendarDate::new(y, m, d)
}

fn dates(raw: &str) -> (Option<CalendarDate>, Option<CalendarDate>) {
    let p = Period::parse(raw, R5);
    assert_eq!(p.raw(), raw, "raw text is kept");
    assert!(
        p.is_parsed(),
        "{raw:?} should be read, got {:?}",
        p.reading()
    );
    (p.start(), p.end())
}

/// Each text in half and full width gives the same dates.
fn both_widths(half: &str, full: &str, want: (Option<CalendarDate>, Option<CalendarDate>)) {
    assert_eq!(dates(half), want, "{half:?}");
    assert_eq!(dates(full), want, "{full:?}");
}

fn problem(raw: &str) -> PeriodError {
    let p = Period::parse(raw, R5);
    assert!(
        p.is_unparsed(),
        "{raw:?} should be unreadable, got {:?}",
        p.reading()
    );
    assert_eq!(p.raw(), raw);
    p.problem().expect("an unreadable period says why")
}

#[test]
fn a_month_is_the_whole_month() {
    assert_eq!(dates("R５.５"), (date(2023, 5, 1), date(2023, 5, 31)));
    assert_eq!(dates("R5.10"), (date(2023, 10, 1), date(2023, 10, 31)));
    assert_eq!(dates("Ｒ６．２"), (date(2024, 2, 1), date(2024, 2, 29)));
    assert_eq!(dates("r5.5"), (date(2023, 5, 1), date(2023, 5, 31)));
    assert_eq!(dates("R5/5"), (date(2023, 5, 1), date(2023, 5, 31)));
}

#[test]
fn made_means_until_the_end_of() {
    assert_eq!(dates("R６.２まで"), (None, date(2024, 2, 29)));
    assert_eq!(dates("R５.12まで"), (None, date(2023, 12, 31)));
    assert_eq!(dates("R６.３まで"), (None, date(2024, 3, 31)));
    assert_eq!(dates("R６.１まで"), (None, date(2024, 1, 31)));
    assert_eq!(dates("～R6.2"), (None, date(2024, 2, 29)));
    assert_eq!(dates("～R6.2まで"), (None, date(2024, 2, 29)));
}

#[test]
fn ranges_in_either_width_and_either_tilde() {
    let want = (date(2023, 7, 1), date(2024, 2, 29));
    assert_eq!(dates("R５.７～Ｒ６．２"), want);
    assert_eq!(dates("R5.7~R6.2"), want);
    assert_eq!(dates("R5.7〜R6.2"), want);
    assert_eq!(dates("R5.7 ～ R6.2"), want);
    assert_eq!(dates("Ｒ５．７～Ｒ６．２"), want);
    assert_eq!(dates("R５.７～Ｒ６．２まで"), want);
    assert_eq!(dates("R5.7からR6.2まで"), want);
}

#[test]
fn open_ended_from() {
    both_widths("R5.4~", "Ｒ５．４～", (date(2023, 4, 1), None));
    assert_eq!(dates("R５.４～"), (date(2023, 4, 1), None));
    assert_eq!(dates("R５.６～"), (date(2023, 6, 1), None));
    assert_eq!(dates("R５.10～"), (date(2023, 10, 1), None));
    assert_eq!(dates("R5.7から"), (date(2023, 7, 1), None));
}

#[test]
fn day_ranges_may_leave_out_the_month() {
    assert_eq!(dates("R５.７.３～４"), (date(2023, 7, 3), date(2023, 7, 4)));
    assert_eq!(dates("R5.7.3~4日"), (date(2023, 7, 3), date(2023, 7, 4)));
    assert_eq!(dates("R5.7.30~8.2"), (date(2023, 7, 30), date(2023, 8, 2)));
    assert_eq!(dates("R5.7~9"), (date(2023, 7, 1), date(2023, 9, 30)));
    assert_eq!(dates("R5.7.3"), (date(2023, 7, 3), date(2023, 7, 3)));
}

#[test]
fn spelled_out_reiwa_dates() {
    assert_eq!(
        dates("令和5年7月～令和6年2月"),
        (date(2023, 7, 1), date(2024, 2, 29))
    );
    assert_eq!(dates("令和６年３月まで"), (None, date(2024, 3, 31)));
    assert_eq!(dates("令和5年7月3日"), (date(2023, 7, 3), date(2023, 7, 3)));
    assert_eq!(
        dates("令和5年7月～9月"),
        (date(2023, 7, 1), date(2023, 9, 30))
    );
}

#[test]
fn reiwa_gannen() {
    let may_2019 = (date(2019, 5, 1), date(2019, 5, 31));
    both_widths("令和元年5月", "令和元年５月", may_2019);
    assert_eq!(dates("R元.5"), may_2019);
    assert_eq!(dates("Ｒ元．５"), may_2019);
    assert_eq!(dates("令和元年度"), (date(2019, 4, 1), date(2020, 3, 31)));
}

#[test]
fn heisei_by_name_and_letter() {
    let march_2019 = (date(2019, 3, 1), date(2019, 3, 31));
    both_widths("H31.3", "Ｈ３１．３", march_2019);
    assert_eq!(dates("h31.3"), march_2019);
    both_widths("平成31年3月", "平成３１年３月", march_2019);
    assert_eq!(dates("H31.4まで"), (None, date(2019, 4, 30)));
    assert_eq!(dates("平成30年度"), (date(2018, 4, 1), date(2019, 3, 31)));
    assert_eq!(dates("平成元年4月"), (date(1989, 4, 1), date(1989, 4, 30)));
    // Across the change of era.
    assert_eq!(dates("H31.4～R1.6"), (date(2019, 4, 1), date(2019, 6, 30)));
    // 平成31年度 began under 平成: budgets were drawn up in its name.
    assert_eq!(dates("H31年度"), (date(2019, 4, 1), date(2020, 3, 31)));
}

#[test]
fn year_end_ranges_end_in_the_same_fiscal_year() {
    let winter = (date(2023, 12, 1), date(2024, 3, 31));
    both_widths("R5.12~3", "Ｒ５．１２～３", winter);
    assert_eq!(dates("R5.12～3月"), winter);
    assert_eq!(dates("令和5年12月～3月"), winter);
    assert_eq!(dates("R5.12～3まで"), winter);
    assert_eq!(dates("R5.4～3"), (date(2023, 4, 1), date(2024, 3, 31)));
    assert_eq!(dates("R5.10～R6.1"), (date(2023, 10, 1), date(2024, 1, 31)));
    assert_eq!(
        dates("R5.12.28～1.5"),
        (date(2023, 12, 28), date(2024, 1, 5))
    );
    assert_eq!(dates("R6.1～3"), (date(2024, 1, 1), date(2024, 3, 31)));
}

#[test]
fn a_fiscal_year_runs_april_to_march() {
    let r5 = (date(2023, 4, 1), date(2024, 3, 31));
    both_widths("令和5年度中", "令和５年度中", r5);
    assert_eq!(dates("令和5年度"), r5);
    assert_eq!(dates("令和5年度内"), r5);
    both_widths("R5年度", "Ｒ５年度", r5);
    assert_eq!(dates("R5年度中"), r5);
    assert_eq!(
        dates("R2年度～R4年度"),
        (date(2020, 4, 1), date(2023, 3, 31))
    );
    assert_eq!(dates("R5年度まで"), (None, date(2024, 3, 31)));
    assert_eq!(dates("年度内"), r5);
    assert_eq!(dates("年度中"), r5);
}

#[test]
fn tsuunen_is_the_plans_fiscal_year() {
    assert_eq!(dates("通年"), (date(2023, 4, 1), date(2024, 3, 31)));
    assert_eq!(dates(" 通年　"), (date(2023, 4, 1), date(2024, 3, 31)));
    let r6 = Period::parse("通年", FiscalYear(2024));
    assert_eq!(
        (r6.start(), r6.end()),
        (date(2024, 4, 1), date(2025, 3, 31))
    );
}

#[test]
fn zuiji_is_never_overdue_and_not_unreadable() {
    for raw in ["随時", " 随時 ", "随時　"] {
        let p = Period::parse(raw, R5);
        assert!(p.is_as_needed(), "{raw:?}");
        assert!(!p.is_parsed() && !p.is_unparsed(), "{raw:?}");
        assert_eq!(p.reading(), &Reading::AsNeeded);
        assert_eq!(p.problem(), None);
        assert!(!p.has_ended_before(CalendarDate::new(2200, 1, 1).expect("date")));
        assert_eq!(p.to_string(), "");
    }
}

#[test]
fn matsu_is_the_last_day_of_the_month() {
    let end_of_march = (date(2024, 3, 31), date(2024, 3, 31));
    both_widths("R6.3末", "Ｒ６．３末", end_of_march);
    assert_eq!(dates("R6.3月末"), end_of_march);
    assert_eq!(dates("令和6年3月末"), end_of_march);
    assert_eq!(dates("R6.2末"), (date(2024, 2, 29), date(2024, 2, 29)));
    assert_eq!(dates("R6.3末まで"), (None, date(2024, 3, 31)));
    assert_eq!(dates("R5.7～R6.3末"), (date(2023, 7, 1), date(2024, 3, 31)));
    assert_eq!(dates("R5.7～末"), (date(2023, 7, 1), date(2023, 7, 31)));
    assert_eq!(dates("年度末"), end_of_march);
    assert_eq!(dates("R5年度末"), end_of_march);
}

#[test]
fn jun_are_thirds_of_a_month() {
    both_widths(
        "R5.7上旬",
        "Ｒ５．７上旬",
        (date(2023, 7, 1), date(2023, 7, 10)),
    );
    both_widths(
        "R5.7中旬",
        "Ｒ５．７中旬",
        (date(2023, 7, 11), date(2023, 7, 20)),
    );
    both_widths(
        "R5.7下旬",
        "Ｒ５．７下旬",
        (date(2023, 7, 21), date(2023, 7, 31)),
    );
    assert_eq!(dates("R5.7初旬"), (date(2023, 7, 1), date(2023, 7, 10)));
    assert_eq!(dates("R6.2下旬"), (date(2024, 2, 21), date(2024, 2, 29)));
    assert_eq!(dates("R5.6下旬"), (date(2023, 6, 21), date(2023, 6, 30)));
    assert_eq!(
        dates("令和5年7月上旬"),
        (date(2023, 7, 1), date(2023, 7, 10))
    );
    assert_eq!(
        dates("R5.7上旬～中旬"),
        (date(2023, 7, 1), date(2023, 7, 20))
    );
    assert_eq!(
        dates("R5.7下旬～8上旬"),
        (date(2023, 7, 21), date(2023, 8, 10))
    );
    assert_eq!(
        dates("R5.7下旬～R5.8中旬"),
        (date(2023, 7, 21), date(2023, 8, 20))
    );
    assert_eq!(dates("R5.9中旬まで"), (None, date(2023, 9, 20)));
}

#[test]
fn halves_are_fiscal() {
    let first = (date(2023, 4, 1), date(2023, 9, 30));
    let second = (date(2023, 10, 1), date(2024, 3, 31));
    assert_eq!(dates("上半期"), first);
    assert_eq!(dates("下半期"), second);
    assert_eq!(dates("令和5年度上半期"), first);
    both_widths("R5下半期", "Ｒ５下半期", second);
    assert_eq!(dates("R6上半期"), (date(2024, 4, 1), date(2024, 9, 30)));
    assert_eq!(
        dates("上半期～下半期"),
        (date(2023, 4, 1), date(2024, 3, 31))
    );
    assert_eq!(dates("上半期中"), first);
}

#[test]
fn quarters_are_fiscal() {
    let quarters = [
        (date(2023, 4, 1), date(2023, 6, 30)),
        (date(2023, 7, 1), date(2023, 9, 30)),
        (date(2023, 10, 1), date(2023, 12, 31)),
        (date(2024, 1, 1), date(2024, 3, 31)),
    ];
    for (n, want) in (1..).zip(quarters) {
        assert_eq!(dates(&format!("第{n}四半期")), want, "第{n}四半期");
        let full = char::from_u32(0xFF10 + n).expect("a full-width digit");
        assert_eq!(dates(&format!("第{full}四半期")), want, "第{full}四半期");
    }
    assert_eq!(dates("第三四半期"), quarters[2]);
    assert_eq!(dates("令和5年度第4四半期"), quarters[3]);
    assert_eq!(dates("R5第2四半期"), quarters[1]);
    assert_eq!(
        dates("第1四半期～第2四半期"),
        (date(2023, 4, 1), date(2023, 9, 30))
    );
    assert_eq!(dates("第3四半期まで"), (None, date(2023, 12, 31)));
}

#[test]
fn a_month_without_a_year_is_in_the_plans_fiscal_year() {
    assert_eq!(dates("7月"), (date(2023, 7, 1), date(2023, 7, 31)));
    assert_eq!(dates("２月"), (date(2024, 2, 1), date(2024, 2, 29)));
    assert_eq!(dates("10月～3月"), (date(2023, 10, 1), date(2024, 3, 31)));
    assert_eq!(dates("7月上旬"), (date(2023, 7, 1), date(2023, 7, 10)));
}

#[test]
fn impossible_dates_are_refused_with_the_reason() {
    let _lang = pin_thread(Lang::En);
    let cases = [
        ("R5.13", "there is no month 13"),
        ("Ｒ５．１３", "there is no month 13"),
        ("R5.0", "there is no month 0"),
        ("R5.2.30", "2023年2月 has 28 days"),
        ("R5.4.31～5.2", "2023年4月 has 30 days"),
        (
            "令和0年5月",
            "there is no 令和0年: 令和 counts from 元年 (2019)",
        ),
        ("令和０年度", "there is no 令和0年"),
        ("R0.5", "there is no 令和0年"),
        ("H0.4", "there is no 平成0年: 平成 counts from 元年 (1989)"),
        ("平成31年5月", "平成 ended on 2019-04-30 (平成31年4月30日)"),
        (
            "平成３１年５月",
            "平成 ended on 2019-04-30 (平成31年4月30日)",
        ),
        ("H31.5", "平成 ended on 2019-04-30"),
        ("H32.1", "平成 ended on 2019-04-30"),
        ("H32年度", "平成 ended on 2019-04-30"),
        ("R1.4", "令和 began on 2019-05-01 (令和元年5月1日)"),
        ("令和元年4月", "令和 began on 2019-05-01"),
        ("R999.1", "tassei takes years from 1989 (平成元年) to 2200"),
        ("R99999999999.1", "tassei takes years from 1989"),
        ("第5四半期", "there is no 第5四半期"),
        ("第０四半期", "there is no 第0四半期"),
        ("R6.2~R5.7", "it ends before it starts"),
        ("R5.9～7", "it ends before it starts"),
        ("R6.2～1", "it ends before it starts"),
        ("R5.7.30～2", "it ends before it starts"),
    ];
    for (raw, reason) in cases {
        let e = problem(raw).to_string();
        assert!(e.contains(reason), "{raw:?}: {e}");
    }
}

#[test]
fn reasons_are_in_the_chosen_language() {
    let _lang = pin_thread(Lang::Ja);
    assert_eq!(
        problem("平成31年5月").to_string(),
        "平成は 2019-04-30（平成31年4月30日）までです"
    );
    assert_eq!(problem("R5.13").to_string(), "13月はありません");
    assert_eq!(
        problem("令和0年5月").to_string(),
        "令和0年はありません（令和元年は2019年です）"
    );
}

#[test]
fn unreadable_text_is_kept_and_marked() {
    for raw in [
        "R5",
        "R5年",
        "2023-07",
        "7",
        "R５.７～～",
        "R5.7～まで",
        "まで",
        "未定",
        "随時（R5.7～）",
        "第四半期",
        "S64.1",
        "R5.7頃",
    ] {
        assert_eq!(problem(raw), PeriodError::Unrecognised, "{raw:?}");
    }
    let empty = Period::parse("", R5);
    assert!(!empty.is_parsed() && !empty.is_unparsed() && !empty.is_as_needed());
    assert_eq!(Period::parse(" 　", R5).reading(), &Reading::Blank);
}

#[test]
fn r6_february_belongs_to_fiscal_r5() {
    let end = Period::parse("R６.２まで", R5).end().expect("parsed");
    assert_eq!(end.fiscal_year().reiwa(), 5);
    let start = Period::parse("R５.７～Ｒ６．２", R5)
        .start()
        .expect("parsed");
    assert_eq!(start.fiscal_year().reiwa(), 5);
}

#[test]
fn ended_before_compares_with_the_last_day() {
    let day = |y, m, d| CalendarDate::new(y, m, d).expect("date");
    let p = Period::parse("R６.２まで", R5);
    assert!(!p.has_ended_before(day(2024, 2, 29)));
    assert!(p.has_ended_before(day(2024, 3, 1)));
    assert!(!Period::parse("R５.６～", R5).has_ended_before(day(2030, 1, 1)));
    // The new forms feed the same judgement.
    assert!(Period::parse("H31.3", R5).has_ended_before(day(2019, 4, 1)));
    assert!(!Period::parse("R5.12～3", R5).has_ended_before(day(2024, 3, 31)));
    assert!(Period::parse("R5.12～3", R5).has_ended_before(day(2024, 4, 1)));
    assert!(Period::parse("R5.7上旬", R5).has_ended_before(day(2023, 7, 11)));
    assert!(!Period::parse("R5.7上旬", R5).has_ended_before(day(2023, 7, 10)));
    assert!(Period::parse("上半期", R5).has_ended_before(day(2023, 10, 1)));
    assert!(Period::parse("通年", R5).has_ended_before(day(2024, 4, 1)));
    assert!(!Period::parse("平成31年5月", R5).has_ended_before(day(2200, 1, 1)));
}

#[test]
fn a_stored_period_without_dates_is_read_again() {
    let day = CalendarDate::new(2024, 2, 29);
    let stored = Period::from_stored("R６.２まで".into(), None, day, R5);
    assert_eq!((stored.start(), stored.end()), (None, day));
    // Stored by a tassei that could not read these: read now.
    assert!(Period::from_stored("随時".into(), None, None, R5).is_as_needed());
    assert_eq!(
        Period::from_stored("H31.3".into(), None, None, R5).end(),
        CalendarDate::new(2019, 3, 31)
    );
    assert_eq!(
        Period::from_stored("平成31年5月".into(), None, None, R5).problem(),
        Some(PeriodError::AfterEra(
            Era::Heisei,
            CalendarDate::new(2019, 4, 30).expect("date")
        ))
    );
    assert_eq!(
        Period::from_stored(String::new(), None, None, R5).reading(),
        &Reading::Blank
    );
}

#[test]
fn dates_print_in_iso_form() {
    assert_eq!(
        Period::parse("R５.７～Ｒ６．２", R5).to_string(),
        "2023-07-01〜2024-02-29"
    );
    assert_eq!(Period::parse("R６.２まで", R5).to_string(), "〜2024-02-29");
    assert_eq!(Period::parse("R５.６～", R5).to_string(), "2023-06-01〜");
    assert_eq!(Period::parse("R6.3末", R5).to_string(), "2024-03-31");
    assert_eq!(Period::parse("R5.13", R5).to_string(), "");
}
