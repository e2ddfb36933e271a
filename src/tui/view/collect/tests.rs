//! How the preview shares its lines: the rows, and the rows the reader left out.

use ratatui::text::Line;

use super::{left_out_lines, share};
use crate::strings::{Lang, pin_thread};
use crate::tui::theme::Theme;

/// `n` rows left out, each wrapped to `lines` lines.
fn problems(n: usize, lines: usize) -> Vec<Vec<String>> {
    (0..n)
        .map(|k| (0..lines).map(|l| format!("row {k} line {l}")).collect())
        .collect()
}

fn text(line: &Line) -> String {
    line.spans.iter().map(|s| s.content.as_ref()).collect()
}

#[test]
fn both_get_all_they_need_when_both_fit() {
    assert_eq!(share(20, 3, &problems(5, 2)), (3, 11));
    assert_eq!(share(20, 3, &[]), (3, 0));
}

#[test]
fn the_rows_left_out_take_what_the_rows_do_not_need() {
    // One row, at 80×24: everything else lists rows left out, not blank lines.
    assert_eq!(share(8, 1, &problems(5, 2)), (1, 7));
}

#[test]
fn many_rows_leave_the_rows_left_out_a_third_and_scroll() {
    assert_eq!(share(21, 40, &problems(5, 2)), (14, 7));
    assert_eq!(share(8, 40, &problems(5, 2)), (4, 4), "four lines at least");
    assert_eq!(share(1, 40, &problems(5, 2)), (1, 0), "a row before all");
}

#[test]
fn as_many_rows_left_out_as_fit_are_listed_whole_then_the_rest_counted() {
    let _lang = pin_thread(Lang::En);
    let theme = Theme::colored();
    let all = left_out_lines(&problems(5, 2), 11, theme);
    assert_eq!(all.len(), 11, "the heading and every row");
    assert!(text(&all[10]).contains("row 4 line 1"));

    let some = left_out_lines(&problems(5, 2), 7, theme);
    let texts: Vec<String> = some.iter().map(text).collect();
    assert_eq!(texts.len(), 6, "{texts:?}");
    assert!(texts[0].contains("5 rows"), "{texts:?}");
    assert!(texts[4].contains("row 1 line 1"), "two whole: {texts:?}");
    assert!(texts[5].contains("+3 more"), "{texts:?}");

    let none = left_out_lines(&problems(5, 3), 3, theme);
    let texts: Vec<String> = none.iter().map(text).collect();
    assert_eq!(texts.len(), 2, "no row cut in half: {texts:?}");
    assert!(texts[1].contains("+5 more"), "{texts:?}");
}
