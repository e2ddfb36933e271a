//! The editor's buffer, cursor and keys, and its rows against the card's line breaking.

use ratatui::crossterm::event::KeyEventKind;

use super::*;
use crate::text::control::shown_width;
use crate::tui::keymap::{Context, FIELD_KEYS};

fn key(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
    KeyEvent::new_with_kind(code, modifiers, KeyEventKind::Press)
}

fn press(edit: &mut TextEdit, code: KeyCode) {
    edit.key(key(code, KeyModifiers::NONE));
}

/// The rows as strings, at a width of `area` cells (one kept for the cursor).
fn rows(edit: &mut TextEdit, area: usize) -> Vec<String> {
    edit.fit(area, 100);
    let chars: Vec<char> = edit.text().chars().collect();
    edit.layout()
        .into_iter()
        .map(|r| chars[r].iter().collect())
        .collect()
}

#[test]
fn pasted_carriage_returns_become_line_breaks() {
    for pasted in ["一\r二\r三", "一\r\n二\r\n三", "一\r二\r\n三", "一\n二\r三"] {
        let mut edit = TextEdit::multi_line("");
        edit.paste(pasted);
        assert_eq!(edit.text(), "一\n二\n三", "{pasted:?}");
        assert_eq!(edit.cursor(), 5);
    }
    let mut edit = TextEdit::multi_line("前後");
    edit.left();
    edit.paste("\r\n中\r\n");
    assert_eq!(edit.text(), "前\n中\n後", "at the cursor, not at the end");
}

#[test]
fn a_crlf_split_between_two_pastes_breaks_once() {
    let mut edit = TextEdit::multi_line("");
    edit.paste("一\r");
    edit.paste("\n二");
    assert_eq!(edit.text(), "一\n二");
}

#[test]
fn a_typed_carriage_return_is_a_line_break() {
    let mut edit = TextEdit::multi_line("");
    for c in "一\r二\r\n三\n\n".chars() {
        edit.insert_char(c);
    }
    assert_eq!(
        edit.text(),
        "一\n二\n三\n\n",
        "CR LF typed as two is one break"
    );
}

#[test]
fn a_one_line_field_keeps_a_break_visible_but_drops_the_one_ending_a_paste() {
    let mut edit = TextEdit::one_line("");
    edit.paste("9500\r\n");
    assert_eq!(edit.text(), "9500", "one Excel cell");
    let mut edit = TextEdit::one_line("");
    edit.paste("9500\r");
    assert_eq!(edit.text(), "9500");
    let mut edit = TextEdit::one_line("");
    edit.paste("95\r\n00\r\n");
    assert_eq!(edit.text(), "95\n00", "a break inside stays, to be refused");
    let mut edit = TextEdit::one_line("");
    edit.paste("9500\n\n");
    assert_eq!(edit.text(), "9500\n", "only a single break is dropped");
    assert_eq!(
        rows(&mut edit, 20),
        ["9500\n"],
        "one row, however many breaks"
    );
    assert_eq!(shown_width('\n'), 2, "drawn as ^J");
    edit.insert_char('\r');
    assert_eq!(edit.text(), "9500\n\n", "a typed CR is a visible break too");
    edit.newline();
    assert_eq!(
        edit.text(),
        "9500\n\n",
        "Alt-Enter does nothing in one line"
    );
}

#[test]
fn the_cursor_steps_over_a_control_picture_as_one_character() {
    let mut edit = TextEdit::multi_line("a\u{1}b\u{7f}");
    edit.fit(20, 3);
    assert_eq!(edit.screen_cursor(), (0, 1 + 2 + 1 + 2), "a ^A b ^?");
    edit.left();
    assert_eq!((edit.cursor(), edit.screen_cursor()), (3, (0, 4)));
    edit.left();
    edit.left();
    assert_eq!(
        (edit.cursor(), edit.screen_cursor()),
        (1, (0, 1)),
        "before ^A"
    );
    edit.delete();
    assert_eq!(
        edit.text(),
        "ab\u{7f}",
        "one Delete removes the whole picture"
    );
    edit.text_end();
    edit.backspace();
    assert_eq!(edit.text(), "ab");
}

#[test]
fn backspace_at_the_start_of_a_line_joins_it_to_the_line_above() {
    let mut edit = TextEdit::multi_line("一行目\n二行目");
    edit.home();
    assert_eq!(edit.cursor(), 4);
    edit.backspace();
    assert_eq!((edit.text(), edit.cursor()), ("一行目二行目", 3));
    edit.key(key(KeyCode::Char('k'), KeyModifiers::CONTROL));
    assert_eq!(
        edit.text(),
        "一行目",
        "Ctrl-K deletes to the end of the line"
    );
    press(&mut edit, KeyCode::Enter);
    assert_eq!(
        edit.text(),
        "一行目\n",
        "an Enter the keymap left breaks the line"
    );
}

#[test]
fn rows_break_like_the_card_with_kinsoku() {
    // Area 9: rows of 8 cells, as `text::wrap("…", 8)`.
    let mut edit = TextEdit::multi_line("を通じて，講習会");
    assert_eq!(rows(&mut edit, 9), ["を通じ", "て，講習", "会"]);
    let mut edit = TextEdit::multi_line("年間総申請件数を10,000件以上にする");
    assert_eq!(
        rows(&mut edit, 21),
        ["年間総申請件数を", "10,000件以上にする"]
    );
    let mut edit = TextEdit::multi_line("abc\u{1}d");
    assert_eq!(
        rows(&mut edit, 5),
        ["abc", "\u{1}d"],
        "^A counts as two cells"
    );
    let mut edit = TextEdit::multi_line("⑴アイ");
    assert_eq!(rows(&mut edit, 5), ["⑴ア", "イ"], "⑴ counts as two");
}

#[test]
fn up_and_down_move_by_screen_rows_keeping_the_column() {
    // Rows of 8 cells: "abcdefgh" "ij", then "あいうえ" "お".
    let mut edit = TextEdit::multi_line("abcdefghij\nあいうえお");
    edit.fit(9, 10);
    edit.text_start();
    for _ in 0..3 {
        edit.right();
    }
    assert_eq!(edit.screen_cursor(), (0, 3));
    edit.down();
    assert_eq!(
        (edit.cursor(), edit.screen_cursor()),
        (10, (1, 2)),
        "ij is short"
    );
    edit.down();
    assert_eq!(
        (edit.cursor(), edit.screen_cursor()),
        (12, (2, 2)),
        "column 3 is inside い: the cursor stays before it"
    );
    edit.up();
    edit.up();
    assert_eq!(
        edit.screen_cursor(),
        (0, 3),
        "back at column 3: the goal column outlived the short rows"
    );
    edit.end();
    assert_eq!(edit.screen_cursor(), (1, 2), "End: the end of ij");
    edit.down();
    edit.down();
    assert_eq!(edit.screen_cursor(), (3, 2), "after お");
    edit.down();
    assert_eq!(
        edit.cursor(),
        edit.text().chars().count(),
        "last row: to the end"
    );
    edit.up();
    edit.up();
    edit.up();
    edit.up();
    assert_eq!(edit.cursor(), 0, "first row: to the start");
}

#[test]
fn a_row_that_wraps_on_keeps_the_cursor_before_its_last_glyph() {
    // Rows of 8 cells: "abcdefgh", then "あいうえ" "お".
    let mut edit = TextEdit::multi_line("abcdefgh\nあいうえお");
    edit.fit(9, 10);
    edit.text_start();
    edit.end();
    assert_eq!(edit.screen_cursor(), (0, 8));
    edit.down();
    assert_eq!(
        (edit.cursor(), edit.screen_cursor()),
        (12, (1, 6)),
        "column 8 of this row is the start of the next: the cursor stops before え"
    );
}

#[test]
fn a_wrapped_cursor_is_at_the_start_of_the_next_row() {
    let mut edit = TextEdit::multi_line("あいうえお");
    edit.fit(9, 5);
    edit.text_start();
    for _ in 0..4 {
        edit.right();
    }
    assert_eq!(edit.screen_cursor(), (1, 0));
    edit.home();
    edit.end();
    assert_eq!(
        edit.screen_cursor(),
        (1, 2),
        "End: the end of the line, not the row"
    );
}

#[test]
fn a_resize_keeps_the_cursor_in_view() {
    let text = (1..=30)
        .map(|n| format!("{n}行目"))
        .collect::<Vec<_>>()
        .join("\n");
    let mut edit = TextEdit::multi_line(&text);
    edit.fit(40, 10);
    assert_eq!(
        (edit.scroll(), edit.screen_cursor().0),
        (20, 9),
        "end in view"
    );
    edit.text_start();
    edit.fit(40, 10);
    assert_eq!(edit.scroll(), 0);
    for _ in 0..15 {
        edit.down();
    }
    edit.fit(40, 10);
    assert_eq!(
        (edit.scroll(), edit.screen_cursor().0),
        (6, 9),
        "scrolled as little as it could"
    );
    edit.fit(40, 4);
    assert_eq!((edit.scroll(), edit.screen_cursor().0), (12, 3), "shorter");
    edit.fit(6, 4);
    let (row, column) = edit.screen_cursor();
    assert!(
        row < 4 && column < 6,
        "narrower: rows wrap, cursor still shown"
    );
    edit.fit(40, 40);
    assert_eq!(
        edit.scroll(),
        0,
        "taller than the text: no blank rows below it"
    );
}

#[test]
fn one_line_scrolls_sideways_to_keep_the_cursor_in_view() {
    let mut edit = TextEdit::one_line("0123456789");
    edit.fit(5, 1);
    assert_eq!(
        (edit.scroll(), edit.screen_cursor()),
        (6, (0, 4)),
        "the end"
    );
    edit.home();
    edit.fit(5, 1);
    assert_eq!((edit.scroll(), edit.screen_cursor()), (0, (0, 0)));
    for _ in 0..5 {
        edit.right();
    }
    edit.fit(5, 1);
    assert_eq!(
        (edit.scroll(), edit.screen_cursor()),
        (1, (0, 4)),
        "one cell on"
    );
    edit.down();
    assert_eq!(edit.cursor(), 5, "Up and Down do nothing in one line");
    let mut edit = TextEdit::one_line("９，５００");
    edit.fit(6, 1);
    assert_eq!(edit.screen_cursor(), (0, 5), "ten cells, scrolled by five");
}

#[test]
fn control_keys_edit_the_line() {
    let mut edit = TextEdit::one_line("9016");
    edit.key(key(KeyCode::Char('u'), KeyModifiers::CONTROL));
    assert_eq!(edit.text(), "", "Ctrl-U");
    assert!(edit.key(key(KeyCode::Char('９'), KeyModifiers::NONE)));
    assert!(edit.key(key(KeyCode::Char('A'), KeyModifiers::SHIFT)));
    assert!(
        edit.key(key(
            KeyCode::Char('@'),
            KeyModifiers::CONTROL | KeyModifiers::ALT
        )),
        "AltGr types"
    );
    assert!(!edit.key(key(KeyCode::Char('a'), KeyModifiers::CONTROL)));
    assert_eq!((edit.text(), edit.cursor()), ("９A@", 0), "Ctrl-A: home");
    assert!(
        !edit.key(key(KeyCode::Tab, KeyModifiers::NONE)),
        "Tab types nothing"
    );
}

/// The help's "In a field" keys are keys a text field obeys: each one, pressed in the middle
/// of a multi-line text, moves the cursor or changes the text.
#[test]
fn every_field_key_the_help_lists_does_something() {
    let mut middle = TextEdit::multi_line("一行目\n二行目\n三行目");
    middle.up();
    middle.left();
    for field in FIELD_KEYS.iter().filter(|f| f.context == Context::Editor) {
        for k in field.keys {
            let mut edit = middle.clone();
            edit.key(key(k.code, k.modifiers));
            assert_ne!(
                (edit.text(), edit.cursor()),
                (middle.text(), middle.cursor()),
                "`{k}` ({}) did nothing",
                field.help_text()
            );
        }
    }
}
