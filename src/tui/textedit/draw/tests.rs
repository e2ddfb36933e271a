//! What the editor draws: the replaced value's style, control pictures, wide and ambiguous glyphs, and where the real cursor goes.

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::layout::{Position, Rect};
use ratatui::style::{Color, Modifier, Style};

use super::*;

/// Draws `edit` into a `width` × `height` terminal at (1, 1) and returns the terminal.
fn draw(edit: &mut TextEdit, width: u16, height: u16, look: Look) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(width + 2, height + 2)).expect("terminal");
    terminal
        .draw(|frame| {
            let area = Rect::new(1, 1, width, height);
            let mut view = edit.view();
            if let Some(cursor) = edit.render(&mut view, area, frame.buffer_mut(), look) {
                frame.set_cursor_position(cursor);
            }
            edit.set_view(view);
        })
        .expect("draws");
    terminal
}

#[test]
fn typing_replaces_a_one_line_value_as_in_an_excel_cell() {
    let mut edit = TextEdit::one_line("9016");
    assert!(edit.replaces_on_type());
    edit.insert_char('9');
    edit.insert_char('5');
    assert_eq!(edit.text(), "95", "not 901695");
    let mut edit = TextEdit::one_line("9016");
    edit.paste("9500\r\n");
    assert_eq!(edit.text(), "9500", "a paste replaces it too");
    let mut edit = TextEdit::one_line("9016");
    edit.left();
    edit.insert_char('5');
    assert_eq!(
        edit.text(),
        "90156",
        "a move starts editing the value: 901|6, then 5"
    );
    let mut edit = TextEdit::one_line("9016");
    edit.backspace();
    assert_eq!((edit.text(), edit.replaces_on_type()), ("", false));
    let mut edit = TextEdit::multi_line("前の文。");
    assert!(
        !edit.replaces_on_type(),
        "評価内容 is added to, never replaced"
    );
    edit.insert_char('後');
    assert_eq!(edit.text(), "前の文。後");
    assert!(!TextEdit::one_line("").replaces_on_type());
}

#[test]
fn a_value_typing_will_replace_is_drawn_in_its_own_style() {
    let look = Look {
        text: Style::new().add_modifier(Modifier::REVERSED),
        ..error_look()
    };
    let mut edit = TextEdit::one_line("9016");
    let terminal = draw(&mut edit, 8, 1, look);
    let buffer = terminal.backend().buffer();
    assert!(
        buffer[(1, 1)].modifier.contains(Modifier::UNDERLINED),
        "9 is marked"
    );
    assert!(
        !buffer[(6, 1)].modifier.contains(Modifier::UNDERLINED),
        "the blank is not"
    );
    edit.right();
    let terminal = draw(&mut edit, 8, 1, look);
    assert!(
        !terminal.backend().buffer()[(1, 1)]
            .modifier
            .contains(Modifier::UNDERLINED),
        "once editing, the mark goes"
    );
}

fn error_look() -> Look {
    Look {
        text: Style::new(),
        picture: Style::new().fg(Color::Red).add_modifier(Modifier::BOLD),
        replaced: Style::new().add_modifier(Modifier::UNDERLINED),
    }
}

#[test]
fn a_control_character_is_drawn_as_its_picture_in_its_own_style() {
    let mut edit = TextEdit::multi_line("前\u{1}後");
    let mut terminal = draw(&mut edit, 10, 2, error_look());
    let buffer = terminal.backend().buffer();
    let symbols: Vec<&str> = (1..7).map(|x| buffer[(x, 1)].symbol()).collect();
    assert_eq!(symbols, ["前", " ", "^", "A", "後", " "]);
    for x in [3, 4] {
        assert_eq!(buffer[(x, 1)].fg, Color::Red, "the picture is red");
        assert!(buffer[(x, 1)].modifier.contains(Modifier::BOLD));
    }
    for x in [1, 5] {
        assert_eq!(buffer[(x, 1)].fg, Color::Reset, "the text is not");
    }
    assert_eq!(
        terminal.get_cursor_position().expect("cursor"),
        Position::new(1 + 2 + 2 + 2, 1),
        "after 前 ^A 後"
    );
}

#[test]
fn the_real_cursor_follows_wide_and_ambiguous_glyphs() {
    let mut edit = TextEdit::multi_line("あいう\n⑴ア");
    let mut terminal = draw(&mut edit, 10, 3, Look::default());
    assert_eq!(
        terminal.get_cursor_position().expect("cursor"),
        Position::new(1 + 4, 2),
        "⑴ takes two cells, ア two"
    );
    let buffer = terminal.backend().buffer();
    assert_eq!(
        buffer[(1, 2)].symbol(),
        "⑴ ",
        "⑴ with its blank: either terminal fits"
    );
    assert_eq!(buffer[(3, 2)].symbol(), "ア");
    assert_eq!(
        buffer[(3, 2)].diff_option,
        CellDiffOption::AlwaysUpdate,
        "sent again after a terminal that drew ⑴ wide pushed the blank there"
    );
    edit.up();
    let terminal = draw(&mut edit, 10, 3, Look::default());
    assert_eq!(
        terminal.backend().cursor_position(),
        Position::new(1 + 4, 1),
        "up: after あい"
    );
}

#[test]
fn a_combining_mark_joins_the_glyph_before_it() {
    // が as か and a combining dakuten, as file names from a Mac come.
    let mut edit = TextEdit::one_line("か\u{3099}※\u{20dd}");
    let terminal = draw(&mut edit, 10, 1, Look::default());
    let buffer = terminal.backend().buffer();
    assert_eq!(buffer[(1, 1)].symbol(), "か\u{3099}");
    assert_eq!(buffer[(3, 1)].symbol(), "※\u{20dd} ", "inside the blank");
    assert_eq!(terminal.backend().cursor_position(), Position::new(5, 1));
}

#[test]
fn the_one_line_box_is_filled_in_its_style_and_scrolled() {
    let look = Look {
        text: Style::new().add_modifier(Modifier::REVERSED),
        ..error_look()
    };
    let mut edit = TextEdit::one_line("あいうえお\n");
    let terminal = draw(&mut edit, 6, 1, look);
    let buffer = terminal.backend().buffer();
    let shown: String = (1..7).map(|x| buffer[(x, 1)].symbol()).collect();
    assert_eq!(shown, " お ^J ", "the end in view, the cut え left blank");
    // Cell 3 is the second half of お: a terminal is never sent it, the glyph covers it.
    assert!(
        [1, 2, 4, 5, 6].map(|x| buffer[(x, 1)].modifier.contains(Modifier::REVERSED)) == [true; 5],
        "the whole box"
    );
    assert_eq!(buffer[(4, 1)].fg, Color::Red, "the break's picture");
    assert_eq!(terminal.backend().cursor_position(), Position::new(6, 1));
}
