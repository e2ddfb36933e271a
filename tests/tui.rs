//! The TUI without a terminal: key sequences → app state and store contents, and what the
//! screen shows (TestBackend buffers, with committed insta snapshots).

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use rust_decimal::Decimal;
use tassei::config::Markers;
use tassei::engine::Status;
use tassei::model::{ActivityStatus, CalendarDate, GoalRef, Plan, Value};
use tassei::store::{Edit, Store};
use tassei::strings::{Lang, PinnedLang, pin_thread};
use tassei::tui::app::{App, Mode, Pane, RunState};
use tassei::tui::keymap::{BINDINGS, Context, FIELD_KEYS, Key};
use tassei::tui::text::is_ambiguous;
use tassei::tui::theme::{Marks, Theme};
use unicode_width::UnicodeWidthStr;

#[path = "fixtures/damage.rs"]
mod damage;
#[path = "fixtures/returns.rs"]
mod returns;
#[path = "fixtures/times.rs"]
mod times;

/// A data file of the bundled sheet in a temporary folder, and English on this thread while it
/// lives: these tests read English words whatever language the process chose (the Japanese
/// screens are `tests/tui_ja.rs`).
struct Fixture {
    dir: tempfile::TempDir,
    _lang: PinnedLang,
}

impl Fixture {
    fn new() -> Self {
        Self {
            _lang: pin_thread(Lang::En),
            dir: tempfile::tempdir().expect("temp dir"),
        }
    }

    fn path(&self) -> std::path::PathBuf {
        self.dir.path().join("tassei.db")
    }

    fn store(&self) -> Store {
        Store::open(&self.path(), "clerk").expect("opens")
    }

    /// The app on the bundled sheet, as of 1 April 2024 (just after FY令和5).
    fn app(&self) -> App {
        self.app_with(Theme::colored())
    }

    fn app_with(&self, theme: Theme) -> App {
        let store = self.store();
        let plan = store
            .load_plan(store.plan_id(None).expect("plan"))
            .expect("loads");
        App::new(
            store,
            plan,
            CalendarDate::new(2024, 4, 1).expect("date"),
            theme,
        )
    }

    /// The plan as stored, read by a second connection.
    fn stored(&self) -> Plan {
        let store = self.store();
        store
            .load_plan(store.plan_id(None).expect("plan"))
            .expect("loads")
    }
}

fn press(app: &mut App, code: KeyCode) {
    app.handle_event(Event::Key(KeyEvent::new_with_kind(
        code,
        KeyModifiers::NONE,
        KeyEventKind::Press,
    )));
}

fn keys(app: &mut App, spec: &str) {
    for key in spec.split_whitespace() {
        let code = match key {
            "Enter" => KeyCode::Enter,
            "Esc" => KeyCode::Esc,
            "Tab" => KeyCode::Tab,
            "Down" => KeyCode::Down,
            "Up" => KeyCode::Up,
            "BkSp" => KeyCode::Backspace,
            k if k.chars().count() == 1 => KeyCode::Char(k.chars().next().expect("one char")),
            other => panic!("unknown key {other}"),
        };
        press(app, code);
    }
}

fn ctrl(app: &mut App, c: char) {
    app.handle_event(Event::Key(KeyEvent::new_with_kind(
        KeyCode::Char(c),
        KeyModifiers::CONTROL,
        KeyEventKind::Press,
    )));
}

fn alt_enter(app: &mut App) {
    app.handle_event(Event::Key(KeyEvent::new_with_kind(
        KeyCode::Enter,
        KeyModifiers::ALT,
        KeyEventKind::Press,
    )));
}

fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        press(app, KeyCode::Char(c));
    }
}

/// Empties the open one-line field.
fn clear_field(app: &mut App) {
    for _ in 0..30 {
        press(app, KeyCode::Backspace);
    }
}

fn actual(plan: &Plan, code: &str) -> Value {
    let r: GoalRef = code.parse().expect("code");
    plan.goal(r).expect("goal").1.actual.clone()
}

fn number(s: &str) -> Value {
    Value::Number(s.parse::<Decimal>().expect("decimal"))
}

fn message(app: &App) -> String {
    app.message
        .as_ref()
        .map(|m| m.text.clone())
        .unwrap_or_default()
}

// ---- update logic ----------------------------------------------------------------------------

#[test]
fn typing_an_actual_in_full_width_digits_saves_and_recomputes() {
    let fx = Fixture::new();
    let mut app = fx.app();
    assert_eq!(
        app.selected().map(|(_, g)| g.number),
        Some(1),
        "opens on ⑴-ア 目標1"
    );
    keys(&mut app, "Enter");
    assert!(matches!(app.mode, Mode::Editing(_)));
    clear_field(&mut app);
    type_text(&mut app, "９，５００");
    keys(&mut app, "Enter");
    assert!(matches!(app.mode, Mode::Normal));
    assert_eq!(message(&app), "saved ⑴-ア-1 実績値 9,016 → 9,500");
    assert_eq!(
        actual(&app.plan, "1-ア-1"),
        number("9500"),
        "the app's plan is patched"
    );
    assert_eq!(
        actual(&fx.stored(), "1-ア-1"),
        number("9500"),
        "and the file holds it"
    );
    assert_eq!(
        app.summary.counts,
        [16, 5, 4, 1, 0, 0],
        "still near: the counts are recomputed, not stale"
    );
}

/// Enter, then the new figure typed, as a clerk used to Excel does: it replaces 9,016 rather
/// than joining it (90,169,500 was saved before).
#[test]
fn typing_into_a_field_just_opened_replaces_its_value() {
    let fx = Fixture::new();
    let mut app = fx.app();
    keys(&mut app, "Enter");
    let (text, terminal) = render(&mut app, 80, 24);
    assert!(
        text.contains("typing replaces it"),
        "the field says so:\n{text}"
    );
    let row = text
        .lines()
        .position(|l| l.contains("| 9016"))
        .expect("field row") as u16;
    let x = text
        .lines()
        .nth(usize::from(row))
        .and_then(|l| l.find("9016").map(|b| l[..b].width()))
        .expect("x") as u16;
    assert!(
        has_style(
            &terminal.backend().buffer()[(x, row)],
            Theme::colored().replaced_value()
        ),
        "the value is marked as the one typing replaces"
    );
    type_text(&mut app, "9500");
    keys(&mut app, "Enter");
    assert_eq!(actual(&fx.stored(), "1-ア-1"), number("9500"));
    assert_eq!(message(&app), "saved ⑴-ア-1 実績値 9,016 → 9,500");
}

#[test]
fn a_bad_entry_keeps_the_field_open_with_the_reason() {
    let fx = Fixture::new();
    let mut app = fx.app();
    keys(&mut app, "Enter");
    clear_field(&mut app);
    type_text(&mut app, "9.0.1");
    keys(&mut app, "Enter");
    let Mode::Editing(editor) = &app.mode else {
        panic!("the field stays open")
    };
    assert_eq!(
        editor.error.as_deref(),
        Some("two decimal points: \"9.0.1\"")
    );
    assert_eq!(editor.typed(), Some("9.0.1"), "the text is kept");
    keys(&mut app, "Esc");
    assert_eq!(message(&app), "cancelled: nothing was saved");
    assert_eq!(actual(&fx.stored(), "1-ア-1"), number("9016"));
}

#[test]
fn an_activity_is_marked_done_from_the_card() {
    let fx = Fixture::new();
    let mut app = fx.app();
    // Card fields of ⑴-ア-1: 実績値, 評価内容, activity 1, activity 2. Its status choices run
    // 未記入 (the sheet states none), 未着手, 実施中, 完了, 中止.
    keys(&mut app, "Tab j j j j j j j Enter j j j Enter");
    assert_eq!(message(&app), "saved ⑴-ア-1 実施内容1 状況 未記入 → 完了");
    let plan = fx.stored();
    let (_, goal) = plan.goal("1-ア-1".parse().expect("code")).expect("goal");
    assert_eq!(goal.activities[0].status, ActivityStatus::Done);
}

#[test]
fn a_japanese_evaluation_line_with_alt_enter() {
    let fx = Fixture::new();
    let mut app = fx.app();
    keys(&mut app, "Tab j j j j j Enter");
    alt_enter(&mut app);
    type_text(&mut app, "追記：９月の会議で確認済み");
    keys(&mut app, "Enter");
    let plan = fx.stored();
    let (_, goal) = plan.goal("1-ア-1".parse().expect("code")).expect("goal");
    assert!(
        goal.evaluation
            .ends_with("検討していきたい。\n追記：９月の会議で確認済み"),
        "{}",
        goal.evaluation
    );
}

#[test]
fn a_multi_line_paste_with_carriage_returns_is_saved_as_lines() {
    let fx = Fixture::new();
    let mut app = fx.app();
    keys(&mut app, "Tab j j j j j Enter"); // the card's 評価内容 of ⑴-ア-1
    let old = app
        .selected()
        .map_or(0, |(_, g)| g.evaluation.chars().count());
    for _ in 0..old {
        press(&mut app, KeyCode::Backspace);
    }
    // tmux `paste-buffer -p` and many terminals send line breaks as CR, some as CRLF.
    app.handle_event(Event::Paste("一行目\r二行目\r\n三行目".into()));
    keys(&mut app, "Enter");
    assert!(matches!(app.mode, Mode::Normal), "saved: {}", message(&app));
    assert_eq!(
        message(&app).split(' ').take(3).collect::<Vec<_>>(),
        ["saved", "⑴-ア-1", "評価内容"]
    );
    let plan = fx.stored();
    let (_, goal) = plan.goal("1-ア-1".parse().expect("code")).expect("goal");
    assert_eq!(goal.evaluation, "一行目\n二行目\n三行目");
}

fn key_event(code: KeyCode) -> Event {
    Event::Key(KeyEvent::new_with_kind(
        code,
        KeyModifiers::NONE,
        KeyEventKind::Press,
    ))
}

/// A burst: keys that arrive together, as a Windows terminal types a paste.
fn burst(text: &str) -> Vec<Event> {
    text.chars()
        .map(|c| match c {
            '\r' => key_event(KeyCode::Enter),
            c => key_event(KeyCode::Char(c)),
        })
        .collect()
}

#[test]
fn keys_in_one_burst_are_a_paste_so_an_enter_inside_is_a_line_break() {
    let fx = Fixture::new();
    let mut app = fx.app();
    keys(&mut app, "Tab j j j j j Enter"); // 評価内容 of ⑴-ア-1
    let old = app
        .selected()
        .map_or(0, |(_, g)| g.evaluation.chars().count());
    for _ in 0..old {
        press(&mut app, KeyCode::Backspace);
    }
    app.handle_burst(burst("一行目\r二行目"));
    assert!(
        matches!(app.mode, Mode::Editing(_)),
        "the Enter inside the paste did not save"
    );
    keys(&mut app, "Enter");
    let plan = fx.stored();
    let (_, goal) = plan.goal("1-ア-1".parse().expect("code")).expect("goal");
    assert_eq!(goal.evaluation, "一行目\n二行目");

    // A one-line field: an Excel cell's copy ends with a line break, which is dropped.
    keys(&mut app, "Esc Enter");
    clear_field(&mut app);
    app.handle_burst(burst("9500\r"));
    assert!(
        matches!(app.mode, Mode::Editing(_)),
        "not saved by the paste"
    );
    keys(&mut app, "Enter");
    assert_eq!(actual(&fx.stored(), "1-ア-1"), number("9500"));

    // Outside a field, keys in a burst are keys: three moves down.
    let before = app.tree.selected();
    app.handle_burst(burst("jjj"));
    assert_eq!(app.tree.selected(), before + 3);
}

/// Windows reports each key's release, and a paste typed into the console comes as press,
/// release, press, release …: only the presses count, and the run stays one paste.
#[test]
fn releases_and_repeats_in_a_burst_count_for_nothing() {
    let with_kind =
        |code, kind| Event::Key(KeyEvent::new_with_kind(code, KeyModifiers::NONE, kind));
    let windows_paste = |text: &str| -> Vec<Event> {
        text.chars()
            .flat_map(|c| {
                let code = if c == '\r' {
                    KeyCode::Enter
                } else {
                    KeyCode::Char(c)
                };
                [
                    with_kind(code, KeyEventKind::Press),
                    with_kind(code, KeyEventKind::Release),
                ]
            })
            .collect()
    };
    let fx = Fixture::new();
    let mut app = fx.app();
    keys(&mut app, "Enter");
    clear_field(&mut app);
    let mut events = windows_paste("９５００\r");
    events.push(with_kind(KeyCode::Char('0'), KeyEventKind::Repeat));
    app.handle_burst(events);
    assert!(
        matches!(app.mode, Mode::Editing(_)),
        "not saved by the paste"
    );
    keys(&mut app, "Enter");
    assert_eq!(actual(&fx.stored(), "1-ア-1"), number("9500"));
    // Outside a field: one press, its release and a repeat move one row.
    let before = app.tree.selected();
    app.handle_burst(vec![
        with_kind(KeyCode::Char('j'), KeyEventKind::Press),
        with_kind(KeyCode::Char('j'), KeyEventKind::Release),
        with_kind(KeyCode::Char('j'), KeyEventKind::Repeat),
    ]);
    assert_eq!(app.tree.selected(), before + 1);
}

#[test]
fn a_control_character_is_refused_with_its_place_until_it_is_deleted() {
    let fx = Fixture::new();
    let mut app = fx.app();
    keys(&mut app, "Tab j j j j j Enter");
    alt_enter(&mut app);
    app.handle_event(Event::Paste("追記\u{1}".into()));
    keys(&mut app, "Enter");
    let Mode::Editing(editor) = &app.mode else {
        panic!("the field stays open")
    };
    let lines = fx
        .stored()
        .goal("1-ア-1".parse().expect("code"))
        .expect("goal")
        .1
        .evaluation
        .lines()
        .count();
    assert_eq!(
        editor.error,
        Some(format!(
            "delete the control character shown as ^A in line {}: it cannot be saved",
            lines + 1
        ))
    );
    keys(&mut app, "BkSp Enter");
    assert!(matches!(app.mode, Mode::Normal), "saved: {}", message(&app));
    let plan = fx.stored();
    let (_, goal) = plan.goal("1-ア-1".parse().expect("code")).expect("goal");
    assert!(goal.evaluation.ends_with("。\n追記"), "{}", goal.evaluation);
}

#[test]
fn composite_parts_and_milestones_are_edited_in_place() {
    let fx = Fixture::new();
    let mut app = fx.app();
    app.update(tassei::tui::action::Action::Search);
    type_text(&mut app, "1-オ-1");
    keys(&mut app, "Enter");
    keys(&mut app, "Enter"); // the first part, 開催回数
    clear_field(&mut app);
    type_text(&mut app, "１４回");
    keys(&mut app, "Enter");
    assert_eq!(message(&app), "saved ⑴-オ-1 開催回数 実績値 13 → 14");
    let (_, goal) = app.selected().expect("selected");
    assert_eq!(
        tassei::engine::evaluate(goal, &app.plan.thresholds).rate_text(),
        "336"
    );
    // The part's 目標値 is the line above its 実績値: 0 is refused, 8 regrades the goal.
    keys(&mut app, "Tab k Enter");
    clear_field(&mut app);
    type_text(&mut app, "0");
    keys(&mut app, "Enter");
    let (why, typed) = refused(&app);
    assert!(why.contains("cannot be 0"), "{why}");
    assert_eq!(typed, "0");
    clear_field(&mut app);
    type_text(&mut app, "８回");
    keys(&mut app, "Enter");
    assert_eq!(message(&app), "saved ⑴-オ-1 開催回数 目標値 6 → 8");
    let (_, goal) = app.selected().expect("selected");
    assert_eq!(
        tassei::engine::evaluate(goal, &app.plan.thresholds).rate_text(),
        "307"
    );
    // Its label, a line above.
    keys(&mut app, "k Enter");
    clear_field(&mut app);
    type_text(&mut app, "講習会の開催回数");
    keys(&mut app, "Enter");
    assert_eq!(
        stored_goal(&fx, "1-オ-1").parts[0].label,
        "講習会の開催回数"
    );
    keys(&mut app, "Esc");

    app.update(tassei::tui::action::Action::Search);
    type_text(&mut app, "2-イ-1");
    keys(&mut app, "Enter Enter j Enter");
    assert_eq!(message(&app), "saved ⑵-イ-1 達成状況 達成 → 未達成");
    assert_eq!(app.summary.counts, [15, 5, 5, 1, 0, 0]);
}

#[test]
fn undo_and_redo_restore_values_and_survive_a_restart() {
    let fx = Fixture::new();
    let mut app = fx.app();
    keys(&mut app, "Enter");
    clear_field(&mut app);
    type_text(&mut app, "9500");
    keys(&mut app, "Enter");
    drop(app);
    let mut app = fx.app();
    keys(&mut app, "u");
    assert_eq!(message(&app), "undone ⑴-ア-1 実績値 9,500 → 9,016");
    assert_eq!(actual(&app.plan, "1-ア-1"), number("9016"));
    ctrl(&mut app, 'r');
    assert_eq!(message(&app), "redone ⑴-ア-1 実績値 9,016 → 9,500");
    assert_eq!(actual(&fx.stored(), "1-ア-1"), number("9500"));
    ctrl(&mut app, 'r');
    assert_eq!(message(&app), "nothing of yours to redo");
}

/// Another clerk's store on the same file.
fn other_clerk(fx: &Fixture, name: &str) -> Store {
    Store::open(&fx.path(), name).expect("opens")
}

/// Another clerk (or program) saves `edit` to the same file.
fn edit_as(fx: &Fixture, name: &str, edit: &Edit) {
    other_clerk(fx, name)
        .apply(edit, None)
        .unwrap_or_else(|e| panic!("{name}'s edit: {e}"));
}

/// tanaka, another clerk, saves an actual for `goal` on the same file.
fn tanaka_sets_actual(fx: &Fixture, goal: tassei::model::GoalId, value: &str) {
    edit_as(
        fx,
        "tanaka",
        &Edit::Actual {
            goal,
            value: number(value),
        },
    );
}

/// The question on screen: its title, lines and choices as one text.
fn question_text(app: &App) -> String {
    match &app.mode {
        Mode::Asking(q) => format!(
            "{}\n{}\n{}",
            q.title,
            q.lines.join("\n"),
            q.choices.join("\n")
        ),
        _ => panic!("no question on screen: {}", message(app)),
    }
}

/// Item 3 of issue 10: with a field open, `tassei set` from a second shell; after the idle
/// reload, Enter saved over it with no prompt. The field now compares with the value it was
/// opened with, however many reloads come, and asks, naming who changed it.
#[test]
fn a_value_changed_by_another_clerk_while_open_is_never_overwritten_silently() {
    // `E` is Esc, which does what 3 does and says so.
    for answer in ['1', '2', '3', 'E'] {
        let fx = Fixture::new();
        let mut app = fx.app();
        keys(&mut app, "Enter");
        type_text(&mut app, "9500");
        let goal = app.selected().expect("selected").1.id;
        tanaka_sets_actual(&fx, goal, "7000");
        // The idle reload, twice: the field keeps what it was opened with.
        app.tick();
        app.tick();
        let Mode::Editing(editor) = &app.mode else {
            panic!("the field stays open")
        };
        let notice = editor.notice.clone().unwrap_or_default();
        assert!(
            notice.contains("tanaka") && notice.contains("7,000"),
            "the field says who changed it: {notice}"
        );
        assert_eq!(
            actual(&app.plan, "1-ア-1"),
            number("7000"),
            "the card shows theirs"
        );
        let (text, _) = render(&mut app, 80, 24);
        assert!(text.contains("tanaka"), "{text}");
        keys(&mut app, "Enter");
        let asked = question_text(&app);
        for needed in [
            "tanaka",
            "7,000",
            "9,500",
            "9,016",
            "save yours",
            "keep theirs",
        ] {
            assert!(asked.contains(needed), "{needed} in:\n{asked}");
        }
        assert_eq!(
            actual(&fx.stored(), "1-ア-1"),
            number("7000"),
            "nothing saved yet"
        );
        let (text, _) = render(&mut app, 80, 24);
        assert!(
            text.contains("1  save yours"),
            "the question is drawn:\n{text}"
        );
        assert!(
            text.contains("3  back to the field (nothing saved yet)")
                && text.contains("Esc  same as 3"),
            "Esc and 3 read as what they are, the same:\n{text}"
        );
        assert!(text.lines().all(|l| l.width() <= 80));
        if answer == 'E' {
            keys(&mut app, "Esc");
        } else {
            keys(&mut app, &answer.to_string());
        }
        match answer {
            '1' => {
                assert!(matches!(app.mode, Mode::Normal));
                assert_eq!(actual(&fx.stored(), "1-ア-1"), number("9500"));
                assert_eq!(message(&app), "saved ⑴-ア-1 実績値 7,000 → 9,500");
            }
            '2' => {
                assert!(matches!(app.mode, Mode::Normal));
                assert_eq!(actual(&fx.stored(), "1-ア-1"), number("7000"));
                assert!(message(&app).contains("yours was not saved"));
            }
            _ => {
                assert!(matches!(app.mode, Mode::Editing(_)), "back in the field");
                keys(&mut app, "Enter");
                assert_eq!(
                    actual(&fx.stored(), "1-ア-1"),
                    number("9500"),
                    "having seen theirs, Enter saves"
                );
            }
        }
    }
}

/// Two clerks add to the same 評価内容: the question shows what each added (not the common
/// start, which is all a cut-off value would show), and 4 merges: theirs, then yours.
#[test]
fn a_text_changed_by_two_clerks_shows_both_changes_and_can_be_merged() {
    let fx = Fixture::new();
    let mut app = fx.app();
    keys(&mut app, "Tab j j j j j Enter");
    press(&mut app, KeyCode::End);
    type_text(&mut app, "【佐藤追記】");
    let (goal, base) = app
        .selected()
        .map(|(_, g)| (g.id, g.evaluation.clone()))
        .expect("selected");
    edit_as(
        &fx,
        "tanaka",
        &Edit::Evaluation {
            goal,
            text: format!("{base}【田中追記】"),
        },
    );
    keys(&mut app, "Enter");
    let asked = question_text(&app);
    assert!(
        asked.contains("tanaka")
            && asked.contains("【田中追記】")
            && asked.contains("【佐藤追記】"),
        "each side's change is shown:\n{asked}"
    );
    let (text, _) = render(&mut app, 80, 24);
    assert!(text.contains("4  edit theirs"), "{text}");
    keys(&mut app, "4");
    let Mode::Editing(editor) = &app.mode else {
        panic!("back in the field")
    };
    assert!(editor.has_changes());
    keys(&mut app, "Enter");
    let plan = fx.stored();
    let (_, stored) = plan.goal("1-ア-1".parse().expect("code")).expect("goal");
    assert_eq!(
        stored.evaluation,
        format!("{base}【田中追記】【佐藤追記】"),
        "both kept"
    );
}

#[test]
fn enter_on_an_untouched_field_that_someone_changed_saves_nothing() {
    let fx = Fixture::new();
    let mut app = fx.app();
    keys(&mut app, "Enter");
    let goal = app.selected().expect("selected").1.id;
    tanaka_sets_actual(&fx, goal, "7000");
    app.tick();
    keys(&mut app, "Enter");
    assert!(matches!(app.mode, Mode::Normal), "{}", message(&app));
    assert!(message(&app).starts_with("nothing to save"));
    assert_eq!(
        actual(&fx.stored(), "1-ア-1"),
        number("7000"),
        "theirs stays"
    );
}

#[test]
fn an_activity_status_and_a_note_changed_elsewhere_ask_too() {
    let fx = Fixture::new();
    let mut app = fx.app();
    keys(&mut app, "Tab j j j j j j j Enter j"); // ⑴-ア-1 実施内容1, one choice down
    let activity = app.selected().expect("selected").1.activities[0].id;
    edit_as(
        &fx,
        "suzuki",
        &Edit::ActivityStatus {
            activity,
            status: ActivityStatus::Done,
        },
    );
    keys(&mut app, "Enter");
    let asked = question_text(&app);
    assert!(
        asked.contains("suzuki") && asked.contains("完了"),
        "{asked}"
    );
    keys(&mut app, "Esc");
    assert!(
        matches!(app.mode, Mode::Editing(_)),
        "Esc goes back to the field"
    );

    keys(&mut app, "Esc Esc R 1");
    type_text(&mut app, "次年度に持ち越す");
    let goal = app.selected().expect("selected").1.id;
    edit_as(
        &fx,
        "suzuki",
        &Edit::Note {
            goal,
            date: CalendarDate::new(2024, 4, 1).expect("date"),
            field: tassei::model::NoteField::Decision,
            text: "継続".into(),
            figures: None,
        },
    );
    keys(&mut app, "Enter");
    let asked = question_text(&app);
    assert!(
        asked.contains("suzuki") && asked.contains("継続"),
        "{asked}"
    );
}

#[test]
fn undo_takes_back_your_own_edit_and_asks_before_undoing_over_someone_elses() {
    let fx = Fixture::new();
    let mut app = fx.app();
    keys(&mut app, "Enter");
    type_text(&mut app, "9500");
    keys(&mut app, "Enter j Enter");
    type_text(&mut app, "300");
    keys(&mut app, "Enter"); // ⑴-ア-2 300
    let goal = app
        .plan
        .goal("1-ア-2".parse().expect("code"))
        .expect("goal")
        .1
        .id;
    tanaka_sets_actual(&fx, goal, "310");
    app.tick();
    keys(&mut app, "u");
    let asked = question_text(&app);
    assert!(
        asked.contains("tanaka") && asked.contains("310") && asked.contains("undo anyway"),
        "{asked}"
    );
    keys(&mut app, "2");
    assert_eq!(message(&app), "nothing was undone");
    assert_eq!(
        actual(&fx.stored(), "1-ア-2"),
        number("310"),
        "tanaka's value stays"
    );
    keys(&mut app, "u 1");
    assert_eq!(
        actual(&fx.stored(), "1-ア-2"),
        number("352"),
        "undone anyway, when asked to"
    );

    // Someone else's edit is never yours to undo: the next undo is your 9,500.
    edit_as(
        &fx,
        "tanaka",
        &Edit::Actual {
            goal: app
                .plan
                .goal("1-ア-3".parse().expect("code"))
                .expect("goal")
                .1
                .id,
            value: number("40"),
        },
    );
    app.tick();
    keys(&mut app, "u");
    assert_eq!(message(&app), "undone ⑴-ア-1 実績値 9,500 → 9,016");
    assert_eq!(actual(&fx.stored(), "1-ア-3"), number("40"));
}

#[test]
fn a_point_before_three_digits_in_a_count_asks_which_was_meant() {
    // The decimal reading is saved as 9.5: chosen, it must not read as 9,500 again.
    for (answer, stored) in [("1", "9,500"), ("2", "9.5")] {
        let fx = Fixture::new();
        let mut app = fx.app();
        keys(&mut app, "Enter");
        type_text(&mut app, "9.500");
        keys(&mut app, "Enter");
        let asked = question_text(&app);
        assert!(
            asked.contains("save 9,500\nsave 9.5") && !asked.contains("save 9.500"),
            "{asked}"
        );
        keys(&mut app, "Esc");
        assert!(
            matches!(app.mode, Mode::Editing(_)),
            "Esc goes back to the field"
        );
        keys(&mut app, "Enter");
        keys(&mut app, answer);
        // As displayed: the scale counts (9.500 and 9.5 are equal numbers).
        assert_eq!(actual(&fx.stored(), "1-ア-1").to_string(), stored);
    }
    // A unit with fractions (％) takes 84.930 as it is.
    let fx = Fixture::new();
    let mut app = fx.app();
    keys(&mut app, "/");
    type_text(&mut app, "1-ウ-2");
    keys(&mut app, "Enter Enter");
    type_text(&mut app, "84.930");
    keys(&mut app, "Enter");
    assert!(matches!(app.mode, Mode::Normal), "{}", message(&app));
}

#[test]
fn esc_on_typed_evaluation_text_asks_before_throwing_it_away() {
    let fx = Fixture::new();
    let mut app = fx.app();
    keys(&mut app, "Tab j j j j j Enter");
    type_text(&mut app, "追記");
    keys(&mut app, "Esc");
    assert!(question_text(&app).contains("throw it away"));
    keys(&mut app, "2");
    let Mode::Editing(editor) = &app.mode else {
        panic!("back in the field")
    };
    assert!(editor.has_typed_text(), "with the text");
    keys(&mut app, "Esc 1");
    assert!(matches!(app.mode, Mode::Normal));
    assert_eq!(message(&app), "cancelled: nothing was saved");
    keys(&mut app, "Enter Esc");
    assert!(
        matches!(app.mode, Mode::Normal),
        "nothing typed: Esc just closes"
    );
}

#[test]
fn the_app_reloads_when_another_program_writes() {
    let fx = Fixture::new();
    let mut app = fx.app();
    let mut cli = fx.store();
    let goal = app.selected().expect("selected").1.id;
    cli.apply(
        &Edit::Actual {
            goal,
            value: number("10000"),
        },
        None,
    )
    .expect("cli edit");
    app.tick();
    assert_eq!(
        message(&app),
        "reloaded: the data file was changed in another window or by another clerk"
    );
    assert_eq!(actual(&app.plan, "1-ア-1"), number("10000"));
    assert_eq!(app.summary.counts, [17, 4, 4, 1, 0, 0]);
    app.tick();
    assert_eq!(
        app.summary.counts,
        [17, 4, 4, 1, 0, 0],
        "no change, no reload"
    );
}

/// A target revised with `tassei set` while the TUI is open: the reload grades the goal with
/// it, and the card shows the new figures.
#[test]
fn a_target_revised_elsewhere_regrades_the_card() {
    let fx = Fixture::new();
    let mut app = fx.app();
    let goal = app.selected().expect("selected").1.id;
    let (before, _) = render(&mut app, 120, 40);
    assert!(
        before.contains("9,016 ÷ 10,000 × 100 = 90.16 → 90"),
        "{before}"
    );
    fx.store()
        .apply(
            &Edit::Target {
                goal,
                value: number("9016"),
            },
            None,
        )
        .expect("cli edit");
    app.tick();
    let target = |plan: &Plan| {
        plan.initiatives
            .iter()
            .flat_map(|i| &i.goals)
            .find(|g| g.id == goal)
            .map(|g| g.target.clone())
    };
    assert_eq!(target(&app.plan), Some(number("9016")));
    let (after, _) = render(&mut app, 120, 40);
    assert!(after.contains("9,016 ÷ 9,016 × 100 = 100"), "{after}");
    assert!(after.contains("目標値   9,016件"), "{after}");
}

#[test]
fn filters_cycle_and_search_moves_the_selection() {
    let fx = Fixture::new();
    let mut app = fx.app();
    keys(&mut app, "f");
    assert_eq!(message(&app), "filter: 未達成 shortfalls (4 goals)");
    keys(&mut app, "f");
    assert_eq!(
        message(&app),
        "filter: 期限超過 overdue (0 goals)",
        "the sheet records no status: nothing is overdue"
    );
    keys(&mut app, "f");
    assert_eq!(
        message(&app),
        "filter: 未記入 status not recorded (26 goals)",
        "they are 未記入 instead"
    );
    keys(&mut app, "f");
    assert!(
        message(&app).starts_with("filter: 担当 デジタル政策係"),
        "{}",
        message(&app)
    );
    for _ in 0..30 {
        if message(&app).starts_with("filter: all") {
            break;
        }
        keys(&mut app, "f");
    }
    assert_eq!(message(&app), "filter: all (26 goals)");

    keys(&mut app, "/");
    type_text(&mut app, "コンビニ");
    let code = |app: &App| {
        app.selected()
            .map(|(i, g)| format!("{}-{}", i.code, g.number))
    };
    assert_eq!(code(&app).as_deref(), Some("⑴-ウ-1"), "jumps as you type");
    keys(&mut app, "Enter n");
    assert_eq!(code(&app).as_deref(), Some("⑵-イ-7"));
    keys(&mut app, "n");
    assert_eq!(code(&app).as_deref(), Some("⑵-イ-8"));
    keys(&mut app, "N");
    assert_eq!(code(&app).as_deref(), Some("⑵-イ-7"));
    keys(&mut app, "/");
    type_text(&mut app, "ビッグデータ");
    assert_eq!(code(&app).as_deref(), Some("⑶-エ-1"));
    keys(&mut app, "Esc");
    assert_eq!(
        code(&app).as_deref(),
        Some("⑵-イ-7"),
        "Esc returns to where the search started"
    );
}

#[test]
fn search_as_you_type_lands_where_a_fresh_search_would() {
    let fx = Fixture::new();
    let code = |app: &App| {
        app.selected()
            .map(|(i, g)| format!("{}-{}", i.code, g.number))
    };
    let fresh = |query: &str| {
        let mut app = fx.app();
        keys(&mut app, "/");
        app.handle_event(Event::Paste(query.to_string()));
        code(&app)
    };
    // Typing resumes from the previous match, which moves on as the query grows.
    let mut typed = fx.app();
    keys(&mut typed, "/");
    let mut query = String::new();
    for c in "コンビニ交付".chars() {
        query.push(c);
        type_text(&mut typed, &c.to_string());
        assert_eq!(code(&typed), fresh(&query), "after typing {query}");
    }
    // A character that matches nothing leaves the selection; Backspace (the query shrank)
    // searches from the top again.
    let before = code(&typed);
    type_text(&mut typed, "X");
    assert_eq!(code(&typed), before);
    keys(&mut typed, "BkSp BkSp BkSp");
    assert_eq!(code(&typed), fresh("コンビニ"), "after Backspace");
}

#[test]
fn tree_keys_collapse_expand_and_move_between_panes() {
    let fx = Fixture::new();
    let mut app = fx.app();
    keys(&mut app, "h h");
    assert!(
        app.selected().is_none(),
        "on the initiative row, now collapsed"
    );
    keys(&mut app, "l l");
    assert_eq!(app.selected().map(|(_, g)| g.number), Some(1));
    keys(&mut app, "l");
    assert_eq!(app.focus, Pane::Card);
    keys(&mut app, "G");
    assert_eq!(app.card_field, 16, "the last field: activity 2's 担当係");
    keys(&mut app, "Esc");
    assert_eq!(app.focus, Pane::Tree);
    keys(&mut app, "G");
    assert_eq!(
        app.selected().map(|(i, g)| (i.code.to_string(), g.number)),
        Some(("⑶-エ".into(), 1))
    );
}

#[test]
fn only_key_presses_count_and_paste_goes_into_the_field() {
    let fx = Fixture::new();
    let mut app = fx.app();
    for kind in [KeyEventKind::Release, KeyEventKind::Repeat] {
        app.handle_event(Event::Key(KeyEvent::new_with_kind(
            KeyCode::Char('j'),
            KeyModifiers::NONE,
            kind,
        )));
    }
    assert_eq!(
        app.selected().map(|(_, g)| g.number),
        Some(1),
        "releases and repeats did not move"
    );
    keys(&mut app, "Enter");
    clear_field(&mut app);
    app.handle_event(Event::Paste("９，５００\r\n次の行".into()));
    keys(&mut app, "Enter");
    let Mode::Editing(editor) = &app.mode else {
        panic!("still open: two lines do not go in a one-line field")
    };
    assert_eq!(
        editor.typed(),
        Some("９，５００\n次の行"),
        "nothing pasted is lost: the break is kept (shown as ^J) for the clerk to delete"
    );
    assert_eq!(
        editor.error.as_deref(),
        Some("this field takes one line: delete the line break shown as ^J")
    );
    keys(&mut app, "Esc Enter");
    clear_field(&mut app);
    app.handle_event(Event::Paste("9500\r\n".into()));
    let Mode::Editing(editor) = &app.mode else {
        panic!("editing")
    };
    assert_eq!(
        editor.typed(),
        Some("9500"),
        "one Excel cell copies with a line break after it; it is dropped"
    );
    keys(&mut app, "Esc Enter");
    clear_field(&mut app);
    let huge = "9".repeat(100_000);
    app.handle_event(Event::Paste(huge));
    keys(&mut app, "Enter");
    let Mode::Editing(editor) = &app.mode else {
        panic!("still open: too many digits")
    };
    assert!(
        editor
            .error
            .as_deref()
            .is_some_and(|e| e.contains("too many digits"))
    );
}

#[test]
fn quitting_with_an_open_field_reports_what_was_not_saved() {
    let fx = Fixture::new();
    let mut app = fx.app();
    keys(&mut app, "Enter");
    clear_field(&mut app);
    type_text(&mut app, "95");
    keys(&mut app, "q");
    assert_eq!(app.state, RunState::Running, "q is typed into the field");
    // Ctrl-C is Windows' "copy": with typed text in the field it asks first.
    ctrl(&mut app, 'c');
    assert_eq!(app.state, RunState::Running);
    assert!(question_text(&app).contains("quit without saving"));
    keys(&mut app, "2");
    assert!(matches!(app.mode, Mode::Editing(_)), "2 keeps editing");
    ctrl(&mut app, 'c');
    keys(&mut app, "1");
    assert_eq!(app.state, RunState::Quit);
    assert_eq!(
        app.discarded.as_deref(),
        Some("the open field of ⑴-ア-1 was not saved (it held \"95q\")")
    );
    assert_eq!(actual(&fx.stored(), "1-ア-1"), number("9016"));

    // Nothing typed: Ctrl-C quits at once; a second Ctrl-C at the question quits too.
    let mut app = fx.app();
    keys(&mut app, "Enter");
    ctrl(&mut app, 'c');
    assert_eq!(app.state, RunState::Quit, "an untouched field does not ask");
    let mut app = fx.app();
    keys(&mut app, "Enter");
    type_text(&mut app, "1");
    ctrl(&mut app, 'c');
    ctrl(&mut app, 'c');
    assert_eq!(app.state, RunState::Quit, "Ctrl-C twice always quits");
}

// ---- rendering -------------------------------------------------------------------------------

/// The screen as text, one line per row, wide glyphs once (their blank second cell skipped).
fn screen(buffer: &Buffer) -> String {
    let area = buffer.area;
    let mut out = String::new();
    for y in 0..area.height {
        let mut x = 0;
        let mut line = String::new();
        while x < area.width {
            let symbol = buffer[(x, y)].symbol();
            line.push_str(symbol);
            x += u16::try_from(symbol.width().max(1)).unwrap_or(1);
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

fn render(app: &mut App, width: u16, height: u16) -> (String, Terminal<TestBackend>) {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("terminal");
    terminal
        .draw(|frame| tassei::tui::view::draw(frame, app))
        .expect("draws");
    let text = screen(terminal.backend().buffer());
    (text, terminal)
}

const SIZES: [(u16, u16); 2] = [(80, 24), (120, 40)];
/// The sizes review meetings are checked at: a laptop and a projector.
const MEETING_SIZES: [(u16, u16); 2] = [(80, 24), (160, 48)];

fn snapshot_at_both_sizes(name: &str, setup: impl FnMut(&mut App)) {
    snapshot_at(&SIZES, name, setup);
}

fn snapshot_at(sizes: &[(u16, u16)], name: &str, mut setup: impl FnMut(&mut App)) {
    for &(w, h) in sizes {
        let fx = Fixture::new();
        let mut app = fx.app();
        setup(&mut app);
        let (text, _) = render(&mut app, w, h);
        insta::assert_snapshot!(format!("{name}_{w}x{h}"), times::masked_times(&text));
    }
}

#[test]
fn drawing_an_open_field_moves_only_its_scroll() {
    let fx = Fixture::new();
    let mut app = fx.app();
    keys(&mut app, "Enter");
    assert!(matches!(app.mode, Mode::Editing(_)));
    let mut scroll = app.scroll;
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).expect("terminal");
    terminal
        .draw(|frame| tassei::tui::view::draw_with(frame, &app, &mut scroll))
        .expect("draws");
    assert_ne!(
        scroll.field, app.scroll.field,
        "the text was fitted to its box"
    );
    let (_, _) = render(&mut app, 80, 24);
    assert_eq!(
        app.scroll, scroll,
        "the app's entry keeps what the views moved"
    );
}

#[test]
fn main_screen() {
    snapshot_at_both_sizes("main", |_| {});
}

#[test]
fn goal_card_with_focus() {
    snapshot_at_both_sizes("card", |app| {
        app.update(tassei::tui::action::Action::Search);
        type_text(app, "2-イ-7");
        keys(app, "Enter Tab");
    });
}

#[test]
fn edit_with_an_error() {
    snapshot_at_both_sizes("edit_error", |app| {
        keys(app, "Enter");
        clear_field(app);
        type_text(app, "95回");
        keys(app, "Enter");
    });
}

#[test]
fn edit_with_a_live_preview() {
    snapshot_at_both_sizes("edit_preview", |app| {
        keys(app, "Enter");
        clear_field(app);
        type_text(app, "９，５００");
    });
}

/// Pasted into ⑴-ア-1's 評価内容: a CR for a line break, a 禁則 case at 80×24 (`，` would
/// start a row) and a control character.
const NARRATIVE_PASTE: &str =
    "\r追記：スマホ講習会とシニア向け教室を通じて，市民の利用が増えた\u{1}。";

#[test]
fn edit_an_evaluation() {
    snapshot_at_both_sizes("edit_narrative", |app| {
        keys(app, "Tab j j j j j Enter");
        app.handle_event(Event::Paste(NARRATIVE_PASTE.into()));
    });
}

#[test]
fn the_evaluation_editor_breaks_lines_like_the_card_and_shows_control_characters() {
    let fx = Fixture::new();
    let mut app = fx.app();
    keys(&mut app, "Tab j j j j j Enter");
    app.handle_event(Event::Paste(NARRATIVE_PASTE.into()));
    let (text, terminal) = render(&mut app, 80, 24);
    let editor_rows: Vec<&str> = text
        .lines()
        .filter_map(|l| l.split_once(" | ").map(|(_, row)| row))
        .map(|row| row.trim_end_matches('|').trim_end())
        .collect();
    let first = editor_rows
        .iter()
        .position(|row| row.starts_with("追記"))
        .expect("the pasted line starts a row");
    assert_eq!(
        editor_rows[first..first + 2],
        [
            "追記：スマホ講習会とシニア向け教室を通じ",
            "て，市民の利用が増えた^A。"
        ],
        "て goes down with the ，: the editor wraps as the card does"
    );
    let buffer = terminal.backend().buffer();
    let (x, y) = (0..24u16)
        .flat_map(|y| (0..79u16).map(move |x| (x, y)))
        .find(|&(x, y)| buffer[(x, y)].symbol() == "^" && buffer[(x + 1, y)].symbol() == "A")
        .expect("^A on screen");
    for cell in [&buffer[(x, y)], &buffer[(x + 1, y)]] {
        assert_eq!(
            (
                cell.fg,
                cell.modifier.contains(ratatui::style::Modifier::BOLD)
            ),
            (ratatui::style::Color::Red, true),
            "the picture is in the error style"
        );
    }
    assert_eq!(
        buffer[(x - 2, y)].fg,
        ratatui::style::Color::Reset,
        "た is not"
    );
    let cursor = terminal.backend().cursor_position();
    let row = text.lines().nth(usize::from(cursor.y)).expect("cursor row");
    let after = row.find("。").map(|b| row[..b + "。".len()].width());
    assert_eq!(
        Some(usize::from(cursor.x)),
        after,
        "the real cursor follows the wide glyphs and the picture: {row}"
    );
}

#[test]
fn help_overlay() {
    snapshot_at_both_sizes("help", |app| keys(app, "?"));
}

#[test]
fn shortfall_filter() {
    snapshot_at_both_sizes("filter_shortfalls", |app| keys(app, "f"));
}

#[test]
fn too_small() {
    let fx = Fixture::new();
    let mut app = fx.app();
    let (text, _) = render(&mut app, 79, 24);
    assert!(
        text.contains("terminal too small: 79x24. tassei needs at least 80x24"),
        "{text}"
    );
}

#[test]
fn shortfalls_stand_out_by_symbol_and_style_even_without_colour() {
    for theme in [Theme::colored(), Theme::monochrome()] {
        let fx = Fixture::new();
        let mut app = fx.app_with(theme);
        let (text, terminal) = render(&mut app, 80, 24);
        let row = text
            .lines()
            .position(|l| l.contains("ぴったりサービス"))
            .expect("⑴-ア-3 row");
        let buffer = terminal.backend().buffer();
        let marker = (0..80)
            .map(|x| &buffer[(x, row as u16)])
            .find(|c| c.symbol() == "✗")
            .expect("✗ marker");
        assert!(
            marker.modifier.contains(ratatui::style::Modifier::BOLD),
            "shortfall markers are bold in {theme:?}"
        );
        let near = text.lines().nth(3).expect("⑴-ア-1 row");
        assert!(near.contains(" ~ 1 "), "near goals are marked ~: {near}");
    }
}

/// The legacy Windows console (or `markers = "ascii"`): every mark is ASCII and keeps its
/// style, the help's legend says the same marks, and nothing of ✓ ✗ › ▸ ▾ is drawn.
#[test]
fn ascii_marks_are_drawn_with_the_styles_of_the_unicode_ones() {
    use ratatui::style::Modifier;
    let unicode = ["✓", "✗", "›", "▸", "▾", "⏎"];
    for theme in [Theme::colored(), Theme::monochrome()] {
        let theme = theme.with_marks(Marks::ASCII);
        let fx = Fixture::new();
        let mut app = fx.app_with(theme);
        let (text, terminal) = render(&mut app, 80, 24);
        for glyph in unicode {
            assert!(
                !text.contains(glyph),
                "{glyph} drawn in ASCII mode:\n{text}"
            );
        }
        let buffer = terminal.backend().buffer();
        // Tree rows: ⑴-ア-1 near, ⑴-ア-2 achieved, ⑴-ア-3 shortfall, each marked in column 4
        // in its status's style (bold for a shortfall, without colour too).
        let lines: Vec<&str> = text.lines().collect();
        for (row, mark, status) in [
            (" 1 鹿児島", "~", Status::Near),
            (" 2 鹿児島", "o", Status::Achieved),
            (" 3 ぴったり", "x", Status::Shortfall),
        ] {
            let y = lines
                .iter()
                .position(|l| l.contains(row))
                .unwrap_or_else(|| panic!("row {row}:\n{text}"));
            let cell = &buffer[(4, y as u16)];
            assert_eq!(cell.symbol(), mark, "row {y}: {}", lines[y]);
            // The selected row (⑴-ア-1) wears the selection's colours instead.
            if y != 1 + app.tree.selected() {
                assert!(has_style(cell, theme.status(status)), "{mark} in {theme:?}");
            }
        }
        let shortfall = lines
            .iter()
            .position(|l| l.contains("ぴったりサービス"))
            .expect("row");
        assert!(
            buffer[(4, shortfall as u16)]
                .modifier
                .contains(Modifier::BOLD)
        );
        // Branches show open with v (and + when folded), never -, 評価なし's mark; the card
        // points at its fields with >.
        assert!(lines[1].starts_with(" v (1)"), "{}", lines[1]);
        assert!(lines[2].starts_with("   v (1)-ア"), "{}", lines[2]);
        assert!(
            lines
                .iter()
                .any(|l| l.contains("実績値") && l.trim_end().ends_with('>')),
            "the field pointer:\n{text}"
        );
        // The status bar counts with the same marks.
        assert!(text.contains("o16 ~5 x4 -1"), "{text}");
        keys(&mut app, "h h");
        let (text, _) = render(&mut app, 80, 24);
        assert!(
            text.lines().any(|l| l.starts_with("   + (1)-ア")),
            "a folded branch:\n{text}"
        );
        // The help's legend, from the catalogue, in the same marks.
        keys(&mut app, "?");
        let (text, _) = render(&mut app, 80, 24);
        assert!(text.contains("o達成 ~概ね達成 x未達成"), "{text}");
        for glyph in unicode {
            assert!(!text.contains(glyph), "{glyph} in the help:\n{text}");
        }
    }
    // What the config asks for; `auto` asks the console only when it must.
    assert_eq!(
        Marks::for_setting(Some(Markers::Ascii), || unreachable!()),
        Marks::ASCII
    );
    assert_eq!(
        Marks::for_setting(Some(Markers::Unicode), || unreachable!()),
        Marks::UNICODE
    );
    assert_eq!(Marks::for_setting(None, || true), Marks::ASCII);
    assert_eq!(
        Marks::for_setting(Some(Markers::Auto), || false),
        Marks::UNICODE
    );
    assert_eq!(Marks::ASCII.respell("…です。⏎次 ✓ ✗ ›"), "…です。|次 o x >");
    for marks in [Marks::ASCII, Marks::UNICODE] {
        for status in Status::ALL {
            assert_eq!(tassei::text::width(marks.status(status)), 1, "{status:?}");
        }
        for mark in [marks.field, marks.expanded, marks.collapsed] {
            assert_eq!(tassei::text::width(mark), 1, "{mark}");
        }
    }
}

/// True when the cell carries every part of `want` (its colours and modifiers).
fn has_style(cell: &ratatui::buffer::Cell, want: ratatui::style::Style) -> bool {
    want.fg.is_none_or(|c| cell.fg == c)
        && want.bg.is_none_or(|c| cell.bg == c)
        && cell.modifier.contains(want.add_modifier)
}

/// The cells of row `y` from column `from` to `to` (exclusive), without the blank cell that
/// follows a wide glyph in the buffer (the terminal draws the glyph over it).
fn row_cells(buffer: &Buffer, y: u16, from: u16, to: u16) -> Vec<&ratatui::buffer::Cell> {
    let mut cells = Vec::new();
    let mut x = from;
    while x < to {
        let cell = &buffer[(x, y)];
        cells.push(cell);
        x += u16::try_from(cell.symbol().width().max(1)).unwrap_or(1);
    }
    cells
}

const THEMES: [fn() -> Theme; 4] = [
    Theme::colored,
    Theme::monochrome,
    || Theme::colored().high_contrast(),
    || Theme::monochrome().high_contrast(),
];

/// 37 render tests once passed while nothing was highlighted: these look at the styles of the
/// selected cells, in every theme, with the keyboard in the tree and then in the card.
#[test]
fn the_selection_is_visible_in_every_theme_and_weaker_without_focus() {
    for theme in THEMES.map(|t| t()) {
        assert_ne!(
            theme.selected(),
            theme.selected_unfocused(),
            "focused and unfocused differ in {theme:?}"
        );
        let fx = Fixture::new();
        let mut app = fx.app_with(theme);
        let (text, terminal) = render(&mut app, 80, 24);
        let buffer = terminal.backend().buffer();
        // The tree's header is row 0; ⑴-ア-1 is its third row.
        let tree_row = 1 + app.tree.selected() as u16;
        assert!(
            text.lines()
                .nth(usize::from(tree_row))
                .is_some_and(|l| l.contains(" 1 ")),
            "⑴-ア-1 on row {tree_row}:\n{text}"
        );
        // The separator: the one column blank from top to bottom of the panes.
        let separator = (20..60)
            .find(|x| {
                (1..21).all(|y| {
                    let cell = &buffer[(*x, y)];
                    cell.symbol() == " " && has_style(cell, theme.separator())
                })
            })
            .expect("separator column");
        for cell in row_cells(buffer, tree_row, 0, separator) {
            assert!(
                has_style(cell, theme.selected()),
                "the selected tree row is highlighted in {theme:?}: {cell:?}"
            );
        }
        for cell in row_cells(buffer, tree_row + 1, 0, separator) {
            assert!(
                !has_style(cell, theme.selected()),
                "the next row is not highlighted in {theme:?}"
            );
        }
        // From the tree, the card marks the field Enter will edit, weakly.
        let actual_row = text
            .lines()
            .position(|l| l.contains("実績値   9,016件"))
            .expect("実績値 row") as u16;
        let field_cells = row_cells(buffer, actual_row, separator + 1, 78);
        assert!(
            field_cells
                .iter()
                .all(|c| has_style(c, theme.selected_unfocused())),
            "the card shows which field Enter edits in {theme:?}: {:?}",
            field_cells
                .iter()
                .find(|c| !has_style(c, theme.selected_unfocused()))
        );

        keys(&mut app, "Tab");
        let (text, terminal) = render(&mut app, 80, 24);
        let buffer = terminal.backend().buffer();
        for cell in row_cells(buffer, tree_row, 0, separator) {
            assert!(
                has_style(cell, theme.selected_unfocused()) && !has_style(cell, theme.selected()),
                "the tree keeps a weaker mark without focus in {theme:?}: {cell:?}"
            );
        }
        for cell in row_cells(buffer, actual_row, separator + 1, 78) {
            assert!(
                has_style(cell, theme.selected()),
                "the card's selected field is highlighted in {theme:?}: {cell:?}"
            );
        }
        // 単位, 小数桁 (on 達成度), 算式, 積算方法, then 評価内容.
        keys(&mut app, "j j j j j");
        let (text2, terminal) = render(&mut app, 80, 24);
        let buffer = terminal.backend().buffer();
        let heading = text2
            .lines()
            .position(|l| l.contains("評価内容 ›"))
            .unwrap_or_else(|| panic!("評価内容 heading:\n{text2}")) as u16;
        assert!(
            row_cells(buffer, heading, separator + 1, 78)
                .iter()
                .all(|c| has_style(c, theme.selected())),
            "j moves the highlight to 評価内容 in {theme:?}:\n{text}"
        );
        // 実績値 may have scrolled off the card; where it is still drawn, it is not marked.
        if let Some(actual_row) = text2.lines().position(|l| l.contains("実績値   9,016件")) {
            assert!(
                !has_style(
                    &buffer[(separator + 2, actual_row as u16)],
                    theme.selected()
                ),
                "and off 実績値"
            );
        }
    }
}

#[test]
fn chrome_has_no_ambiguous_width_characters() {
    let fx = Fixture::new();
    let mut app = fx.app();
    keys(&mut app, "?");
    let (text, _) = render(&mut app, 80, 24);
    assert!(
        !text.chars().any(is_ambiguous),
        "the help popup is bordered and must be safe"
    );
    keys(&mut app, "Esc");
    let (_, terminal) = render(&mut app, 120, 40);
    let buffer = terminal.backend().buffer();
    // Everything but the card body (right of the separator, below its title row) is chrome.
    let separator = (0..120).find(|x| {
        buffer[(*x, 1)].symbol() == " " && buffer[(*x, 1)].bg != ratatui::style::Color::Reset
    });
    let card_x = separator.expect("the separator column") + 1;
    for y in 0..40 {
        for x in 0..120 {
            let in_card_body = x >= card_x && (1..38).contains(&y);
            let symbol = buffer[(x, y)].symbol();
            assert!(
                in_card_body || !symbol.chars().any(is_ambiguous),
                "ambiguous {symbol:?} in chrome at {x},{y}"
            );
        }
    }
}

#[test]
fn the_cursor_sits_where_the_clerk_types() {
    let fx = Fixture::new();
    let mut app = fx.app();
    keys(&mut app, "Enter");
    clear_field(&mut app);
    type_text(&mut app, "９，５");
    let (text, mut terminal) = render(&mut app, 80, 24);
    let row = text
        .lines()
        .position(|l| l.contains("９，５"))
        .expect("the field row");
    let line = text.lines().nth(row).expect("row");
    let field_start = line
        .find("９")
        .map(|byte| line[..byte].width())
        .expect("typed text shown");
    let cursor = terminal.get_cursor_position().expect("cursor");
    assert_eq!(
        (cursor.x as usize, cursor.y as usize),
        (field_start + 6, row),
        "after three wide glyphs"
    );
}

/// The README's screen capture is the `edit_preview` snapshot at 80x24: when the screen
/// changes, the README changes with it.
#[test]
fn the_readme_shows_the_screen_as_it_is() {
    let readme = include_str!("../README.md");
    let snapshot = include_str!("snapshots/tui__edit_preview_80x24.snap");
    let screen = snapshot.splitn(3, "---\n").nth(2).expect("a snapshot body");
    assert!(
        readme.contains(&format!("```text\n{screen}```")),
        "README's capture differs from tests/snapshots/tui__edit_preview_80x24.snap"
    );
}

/// The README's key table: its rows as (keys, places), the keys in backticks in the first
/// column, the places in the second split at ` / ` (`tree / card`).
fn readme_key_rows(readme: &str) -> Vec<(Vec<String>, Vec<String>)> {
    let table = readme
        .split_once("| keys | where | what |")
        .expect("README has a key table")
        .1;
    table
        .lines()
        .skip(2) // the rest of the header line and the |---| row
        .take_while(|line| line.starts_with('|'))
        .map(|line| {
            let cells: Vec<&str> = line.split(" | ").collect();
            let keys = cells[0]
                .split('`')
                .skip(1)
                .step_by(2)
                .map(str::to_string)
                .collect();
            let places = cells[1].split(" / ").map(str::to_string).collect();
            (keys, places)
        })
        .collect()
}

/// Where the README's key table says a context's keys work. A new context fails to compile
/// here until the README says where it is.
fn readme_places(context: Context) -> &'static [&'static str] {
    match context {
        // The panes see the global keys, so a global key may be told under the pane.
        Context::Global => &["anywhere", "tree", "card"],
        Context::Tree => &["tree"],
        Context::Card => &["card"],
        Context::Editor => &["field", "評価内容"],
        Context::Search => &["search"],
        Context::Finder => &["finder"],
        Context::Review => &["review"],
        Context::Dashboard => &["dashboard"],
        Context::Ask => &["a question"],
        Context::List => &["plans", "log"],
        Context::Help => &["help"],
        Context::Method => &["積算方法"],
        Context::Choice => &["a choice"],
        Context::CollectFile => &["collect file"],
        Context::Collect => &["collect preview"],
        Context::NewRow => &["new goal or activity"],
    }
}

/// Every key bound in each context, with the field's own keys in the `Editor` and `Choice`
/// contexts.
fn bound_keys() -> Vec<(Context, Key)> {
    let bindings = BINDINGS
        .iter()
        .flat_map(|b| b.keys.iter().map(|k| (b.context, *k)));
    let field = FIELD_KEYS
        .iter()
        .flat_map(|f| f.keys.iter().map(|k| (f.context, *k)));
    bindings.chain(field).collect()
}

#[test]
fn the_readme_lists_every_key_the_keymap_binds() {
    let rows = readme_key_rows(include_str!("../README.md"));
    assert!(rows.len() > 20, "the key table was read: {rows:?}");
    for (context, key) in bound_keys() {
        let places = readme_places(context);
        let told = rows.iter().any(|(keys, where_)| {
            keys.contains(&key.to_string()) && where_.iter().any(|w| places.contains(&w.as_str()))
        });
        assert!(
            told,
            "README's key table lacks `{key}` where {context:?} keys are ({places:?})"
        );
    }
}

#[test]
fn the_readme_lists_no_key_the_keymap_does_not_bind() {
    let rows = readme_key_rows(include_str!("../README.md"));
    let bound = bound_keys();
    for (keys, where_) in &rows {
        let contexts: Vec<Context> = Context::ALL
            .into_iter()
            .filter(|c| {
                where_
                    .iter()
                    .any(|w| readme_places(*c).contains(&w.as_str()))
            })
            .collect();
        assert!(
            !contexts.is_empty(),
            "README's key table: no such place {where_:?}"
        );
        for label in keys {
            let key = Key::parse(label).unwrap_or_else(|e| panic!("README's key table: {e}"));
            assert!(
                bound.iter().any(|(c, k)| *k == key && contexts.contains(c)),
                "README's key table says `{label}` works in {where_:?}, but it is bound in none of {contexts:?}"
            );
        }
    }
}

#[test]
fn method_lookup_popup() {
    snapshot_at(&MEETING_SIZES, "method", |app| {
        keys(app, "/");
        type_text(app, "2-イ-7");
        keys(app, "Enter m");
    });
}

#[test]
fn finder_with_a_japanese_query() {
    snapshot_at(&MEETING_SIZES, "finder", |app| {
        ctrl(app, 'f');
        type_text(app, "コンビニ");
    });
}

#[test]
fn the_finder_jumps_to_the_chosen_goal_and_shows_its_method() {
    let fx = Fixture::new();
    let mut app = fx.app();
    keys(&mut app, "f"); // a filter that hides ⑵-イ-7 is cleared when the finder jumps there
    keys(&mut app, ":");
    type_text(&mut app, "ｺﾝﾋﾞﾆ");
    let Mode::Finding(tassei::tui::finder::Finder { hits, .. }) = &app.mode else {
        panic!("finder open")
    };
    let found: Vec<String> = hits.iter().map(|h| h.goal.to_string()).collect();
    assert_eq!(found[..3], ["⑴-ウ-1", "⑵-イ-7", "⑵-イ-8"]);
    keys(&mut app, "Down Enter");
    assert!(
        matches!(app.mode, Mode::Method(_)),
        "the method popup is open"
    );
    assert_eq!(
        app.selected()
            .map(|(i, g)| format!("{}-{}", i.code, g.number))
            .as_deref(),
        Some("⑵-イ-7")
    );
    keys(&mut app, "x");
    assert!(matches!(app.mode, Mode::Normal), "any key closes it");
    ctrl(&mut app, 'f');
    type_text(&mut app, "存在しない");
    keys(&mut app, "Enter");
    assert_eq!(
        message(&app),
        "no goal matches; type a code (2-イ-7), a number or words"
    );
    // A code typed key by key: "2-イ" is an initiative, "2-イ-" words, "2-イ-7" the goal.
    keys(&mut app, "Esc");
    ctrl(&mut app, 'f');
    type_text(&mut app, "2-イ-7");
    keys(&mut app, "Enter");
    assert_eq!(
        app.selected()
            .map(|(i, g)| format!("{}-{}", i.code, g.number))
            .as_deref(),
        Some("⑵-イ-7")
    );
}

#[test]
fn on_a_large_plan_searches_finish_over_frames_and_enter_waits_for_them() {
    let fx = Fixture::new();
    let mut store = fx.store();
    let id = store
        .import(&tassei::scale::plan("large", 40, 50, 3))
        .expect("imports");
    let plan = store.load_plan(id).expect("loads");
    let today = CalendarDate::new(2024, 4, 1).expect("date");
    let expected = tassei::find::find(&plan, "コンビニ 研修");
    let mut app = App::new(store, plan, today, Theme::colored());

    keys(&mut app, ":");
    type_text(&mut app, "コンビニ 研修");
    while app.busy() {
        app.work();
    }
    let Mode::Finding(tassei::tui::finder::Finder { hits, .. }) = &app.mode else {
        panic!("finder open")
    };
    assert_eq!(hits, &expected);

    // Enter straight after typing goes to the best match, however far the search had got.
    // With no time per slice, each key looks at one round of goals: the search is running.
    app.search_slice = std::time::Duration::ZERO;
    keys(&mut app, "Esc :");
    type_text(&mut app, "コンビニ 研修");
    assert!(app.busy(), "still searching");
    keys(&mut app, "Enter");
    let best = expected.first().expect("a hit").goal;
    assert_eq!(
        app.selected().map(|(i, g)| GoalRef {
            initiative: i.code,
            goal: g.number
        }),
        Some(best)
    );

    // Esc while a `/` scan is still running: back where the search started, and it stays so.
    // The scan for the last goal, (1)-リ-50, is still running when Esc comes.
    keys(&mut app, "x");
    let origin = app.tree.selected_goal();
    keys(&mut app, "/");
    app.handle_event(Event::Paste("(1)-リ-50".to_string()));
    assert!(app.busy(), "still scanning");
    keys(&mut app, "Esc");
    while app.busy() {
        app.work();
    }
    assert_eq!(app.tree.selected_goal(), origin);
    // Left to finish, the same scan lands on the last goal.
    keys(&mut app, "/");
    app.handle_event(Event::Paste("(1)-リ-50".to_string()));
    while app.busy() {
        app.work();
    }
    assert_eq!(
        app.selected()
            .map(|(i, g)| format!("{}-{}", i.code, g.number))
            .as_deref(),
        Some("⑴-リ-50")
    );
    keys(&mut app, "Esc");
    app.search_slice = std::time::Duration::from_millis(8);

    // `/` on a query that matches nothing: the scan ends and the selection stays.
    keys(&mut app, "x Esc");
    let before = app.tree.selected_goal();
    keys(&mut app, "/");
    type_text(&mut app, "該当なし");
    while app.busy() {
        app.work();
    }
    assert_eq!(app.tree.selected_goal(), before);
}

// ---- review meetings -----------------------------------------------------------------------

fn on_screen(app: &App) -> Option<String> {
    let tassei::tui::app::Screen::Review(review) = &app.screen else {
        return None;
    };
    let r = review.current()?.goal_ref(&app.plan)?;
    Some(format!("{}-{}", r.initiative, r.goal))
}

#[test]
fn a_review_walks_the_shortfalls_and_takes_notes() {
    let fx = Fixture::new();
    let mut app = fx.app();
    keys(&mut app, "R");
    assert_eq!(
        on_screen(&app).as_deref(),
        Some("⑴-ア-1"),
        "starts at the selected goal"
    );
    keys(&mut app, "o");
    assert_eq!(message(&app), "agenda: 未達成 first (26 goals)");
    assert_eq!(
        on_screen(&app).as_deref(),
        Some("⑴-ア-1"),
        "a new order keeps the goal under discussion"
    );
    keys(&mut app, "g");
    assert_eq!(
        on_screen(&app).as_deref(),
        Some("⑶-ウ-2"),
        "the worst shortfall is first"
    );
    keys(&mut app, "n");
    assert_eq!(on_screen(&app).as_deref(), Some("⑴-オ-4"));
    keys(&mut app, "p 1");
    type_text(&mut app, "IT企業との連携は次年度に持ち越す");
    keys(&mut app, "Enter 4");
    type_text(&mut app, "来月");
    keys(&mut app, "Enter");
    let Mode::Editing(editor) = &app.mode else {
        panic!("a bad 期限 keeps the field open")
    };
    assert!(
        editor
            .error
            .as_deref()
            .is_some_and(|e| e.contains("\"来月\" is not a date"))
    );
    clear_field(&mut app);
    type_text(&mut app, "２０２６－１２－１５");
    keys(&mut app, "Enter Esc");
    assert!(
        matches!(app.screen, tassei::tui::app::Screen::Main),
        "Esc leaves the review"
    );
    drop(app);

    // The notes are in the file, with the figures of the day, and make the minutes.
    let plan = fx.stored();
    let (_, goal) = plan.goal("3-ウ-2".parse().expect("code")).expect("goal");
    let note = goal.notes.first().expect("a note");
    assert_eq!(
        (note.decision.as_str(), note.due.as_str()),
        ("IT企業との連携は次年度に持ち越す", "2026-12-15")
    );
    assert_eq!(
        (
            note.figures.achievement.as_str(),
            note.figures.status.as_str()
        ),
        ("0", "未達成")
    );
    let minutes = tassei::report::minutes::minutes(&plan, note.date).expect("minutes");
    assert!(
        minutes.contains(
            "### ⑶-ウ-2 IT企業１社以上と連携する体制を構築する\n\n- 実績値 0社 / 目標値 1社"
        ),
        "{minutes}"
    );
    assert!(minutes.contains("- 決定事項: IT企業との連携は次年度に持ち越す"));
}

/// Removes a policy area's initiatives and goals with a second connection, as a restore or
/// another program might.
fn remove_area(fx: &Fixture, area: u8) {
    let conn = rusqlite::Connection::open(fx.path()).expect("opens");
    conn.execute_batch(&format!(
        "PRAGMA foreign_keys = ON;
         UPDATE goal SET activities_from = NULL WHERE activities_from IN
             (SELECT g.id FROM goal g JOIN initiative i ON g.initiative_id = i.id WHERE i.area = {area});
         DELETE FROM initiative WHERE area = {area};"
    ))
    .expect("removes the area");
}

#[test]
fn a_review_survives_goals_removed_under_it() {
    let fx = Fixture::new();
    let mut app = fx.app();
    keys(&mut app, "R G");
    let last = on_screen(&app).expect("on screen");
    assert!(last.starts_with('⑶'), "{last}");
    let agenda = |app: &App| {
        let tassei::tui::app::Screen::Review(review) = &app.screen else {
            panic!("still in the review")
        };
        assert!(
            review
                .agenda
                .iter()
                .all(|at| at.goal_in(&app.plan).is_some()),
            "every item is a goal of the plan"
        );
        (review.agenda.len(), review.index)
    };

    // The goal on screen stays, at its new place.
    remove_area(&fx, 1);
    app.tick();
    render(&mut app, 80, 24);
    assert_eq!(on_screen(&app), Some(last));
    let (len, index) = agenda(&app);
    assert_eq!(index + 1, len, "still the last item");

    // The goal on screen is gone: the last item left takes its place.
    remove_area(&fx, 3);
    app.tick();
    let (text, _) = render(&mut app, 80, 24);
    assert_eq!(agenda(&app), (len - 7, len - 8));
    let now = on_screen(&app).expect("on screen");
    assert!(now.starts_with('⑵'), "{now}");
    assert!(text.contains(&format!("{}/{}", len - 7, len - 7)), "{text}");
}

#[test]
fn review_item_at_meeting_sizes() {
    snapshot_at(&MEETING_SIZES, "review", |app| keys(app, "R o"));
}

#[test]
fn review_item_in_high_contrast_keeps_the_text_and_changes_the_colours() {
    for (w, h) in MEETING_SIZES {
        let fx = Fixture::new();
        let mut normal = fx.app();
        keys(&mut normal, "R o");
        normal.message = None;
        let (normal_text, normal_terminal) = render(&mut normal, w, h);
        let mut contrast = fx.app();
        keys(&mut contrast, "R o T");
        assert_eq!(message(&contrast), "high contrast on");
        contrast.message = None;
        let (contrast_text, contrast_terminal) = render(&mut contrast, w, h);
        let hints = |t: &str| {
            t.lines()
                .take(t.lines().count() - 1)
                .collect::<Vec<_>>()
                .join("\n")
        };
        assert_eq!(hints(&contrast_text), hints(&normal_text), "the same words");
        let buffer = contrast_terminal.backend().buffer();
        assert_eq!(
            buffer[(0, 2)].bg,
            ratatui::style::Color::Black,
            "white on black under everything"
        );
        assert_ne!(
            buffer,
            normal_terminal.backend().buffer(),
            "different colours"
        );
        insta::assert_snapshot!(
            format!("review_high_contrast_{w}x{h}"),
            format!("{buffer:?}")
        );
    }
}

// ---- dashboard -------------------------------------------------------------------------------

#[test]
fn dashboard_at_meeting_sizes() {
    snapshot_at(&MEETING_SIZES, "dashboard", |app| {
        // The sheet states no activity status (all 未記入, none overdue): as if each had been
        // recorded as 未着手, so the overdue panel has sections to list.
        let mut cli = Store::open(app.store.path(), "clerk").expect("opens");
        let activities: Vec<_> = app
            .plan
            .goals()
            .flat_map(|(_, g)| g.activities.iter().map(|a| a.id))
            .collect();
        for activity in activities {
            cli.apply(
                &Edit::ActivityStatus {
                    activity,
                    status: ActivityStatus::Todo,
                },
                None,
            )
            .expect("recorded");
        }
        app.tick();
        app.message = None; // "reloaded": not what this snapshot is about
        keys(app, "D");
    });
}

#[test]
fn the_dashboard_updates_when_a_value_changes() {
    let fx = Fixture::new();
    let mut app = fx.app();
    keys(&mut app, "D");
    let (before, _) = render(&mut app, 80, 24);
    assert!(
        before
            .lines()
            .any(|l| l.starts_with(" 計") && l.contains("16      5      4      1    26")),
        "{before}"
    );
    // Another program raises ⑶-ウ-2 to its target: one shortfall fewer.
    let mut cli = fx.store();
    let (_, goal) = app
        .plan
        .goal("3-ウ-2".parse().expect("code"))
        .expect("goal");
    cli.apply(
        &Edit::Actual {
            goal: goal.id,
            value: number("1"),
        },
        None,
    )
    .expect("cli edit");
    app.tick();
    let (after, _) = render(&mut app, 80, 24);
    assert!(
        after
            .lines()
            .any(|l| l.starts_with(" 計") && l.contains("17      5      3      1    26")),
        "{after}"
    );
    assert!(!after.contains("✗ (3)-ウ-2"), "no longer among the worst");
    keys(&mut app, "Esc");
    assert!(matches!(app.screen, tassei::tui::app::Screen::Main));
}

#[test]
fn the_help_scrolls_to_every_key_on_a_small_screen() {
    let fx = Fixture::new();
    let mut app = fx.app();
    keys(&mut app, "?");
    let (first, _) = render(&mut app, 80, 24);
    assert!(
        first.contains("j/k scroll, any other key closes"),
        "{first}"
    );
    assert!(!first.contains("Dashboard (D)"));
    for _ in 0..40 {
        keys(&mut app, "j");
    }
    let (last, _) = render(&mut app, 80, 24);
    assert!(
        last.contains("Dashboard (D)") && last.contains("leave the dashboard"),
        "{last}"
    );
    keys(&mut app, "x");
    assert!(matches!(app.mode, Mode::Normal), "any other key closes it");
}

#[test]
fn notes_from_the_meeting_show_on_the_card_afterwards() {
    let fx = Fixture::new();
    let mut app = fx.app();
    keys(&mut app, "R o g 1");
    type_text(&mut app, "次年度に持ち越す");
    keys(&mut app, "Enter Esc /");
    type_text(&mut app, "3-ウ-2");
    keys(&mut app, "Enter Tab G");
    let (text, _) = render(&mut app, 120, 40);
    assert!(text.contains("評価会議 2024-04-01"), "{text}");
    assert!(
        text.lines()
            .any(|l| l.contains("決定事項") && l.contains("次年度に持ち越す")),
        "{text}"
    );
    keys(&mut app, "D m");
    let (dashboard, _) = render(&mut app, 80, 24);
    assert!(
        dashboard.contains("how it is counted"),
        "the lookup works over the dashboard too:\n{dashboard}"
    );
}

#[test]
fn escape_sequences_in_the_file_are_drawn_as_text() {
    let fx = Fixture::new();
    drop(fx.store());
    let conn = rusqlite::Connection::open(fx.path()).expect("open");
    conn.execute("UPDATE goal SET title = 'クリア\u{1b}[2J', evaluation = 'ベル\u{7}' WHERE number = 1 AND initiative_id = 1", [])
        .expect("hostile text");
    drop(conn);
    let mut app = fx.app();
    let (text, terminal) = render(&mut app, 120, 40);
    assert!(
        text.contains("クリア^[[2J") && text.contains("ベル^G"),
        "{text}"
    );
    let buffer = terminal.backend().buffer();
    assert!(
        buffer
            .content()
            .iter()
            .all(|cell| !cell.symbol().chars().any(|c| c.is_control())),
        "no control character in any cell"
    );
}

#[test]
fn every_tiny_size_draws_without_a_panic() {
    let fx = Fixture::new();
    let mut app = fx.app();
    for (w, h) in [
        (1, 1),
        (2, 1),
        (1, 2),
        (3, 3),
        (10, 2),
        (79, 23),
        (80, 23),
        (79, 24),
        (200, 5),
        (5, 200),
    ] {
        let (text, _) = render(&mut app, w, h);
        assert!(text.lines().count() == usize::from(h), "{w}x{h}");
    }
    for key in ["?", "Esc", "R", "D", "Enter"] {
        keys(&mut app, key);
        for (w, h) in [(1, 1), (12, 4), (80, 24)] {
            render(&mut app, w, h);
        }
    }
}

// ---- lists, counts, widths, messages ----------------------------------------------------------

#[test]
fn the_plan_switcher_opens_another_plan_of_the_file() {
    let fx = Fixture::new();
    let mut other = tassei::sheet::bundled().expect("bundled");
    other.slug = "ibusuki-dx-r6".into();
    other.fiscal_year = tassei::model::FiscalYear(2024);
    fx.store().import(&other).expect("imports");
    let mut app = fx.app();
    keys(&mut app, "P");
    let (text, terminal) = render(&mut app, 80, 24);
    assert!(text.contains("plans in this file (2)"), "{text}");
    assert!(
        text.contains("令和5年度  ibusuki-dx-r5  26 goals"),
        "year, id and size before the title:\n{text}"
    );
    assert!(
        text.contains("* 令和5年度  ibusuki-dx-r5"),
        "the open plan is marked:\n{text}"
    );
    let chosen = text
        .lines()
        .position(|l| l.contains("* 令和5年度  ibusuki-dx-r5"))
        .expect("row") as u16;
    assert!(
        has_style(
            &terminal.backend().buffer()[(6, chosen)],
            Theme::colored().selected()
        ),
        "the chosen plan is highlighted"
    );
    keys(&mut app, "j Enter");
    assert!(matches!(app.mode, Mode::Normal));
    assert_eq!(app.plan.slug, "ibusuki-dx-r6");
    assert_eq!(
        message(&app),
        "opened 指宿市 DX推進計画 取り組み事項 評価 令和6年度"
    );
    let (text, _) = render(&mut app, 80, 24);
    assert!(text.contains("令和6年度"), "{text}");
    keys(&mut app, "P Esc");
    assert!(matches!(app.mode, Mode::Normal), "Esc closes the switcher");
}

#[test]
fn the_change_log_shows_who_changed_what_and_goes_to_the_goal() {
    let fx = Fixture::new();
    let mut app = fx.app();
    keys(&mut app, "Enter");
    clear_field(&mut app);
    type_text(&mut app, "9500");
    keys(&mut app, "Enter");
    keys(&mut app, "j j Enter");
    clear_field(&mut app);
    type_text(&mut app, "30");
    keys(&mut app, "Enter");
    keys(&mut app, "L");
    let (text, _) = render(&mut app, 120, 40);
    assert!(
        text.contains("change log: all goals (3 changes)"),
        "two edits and the import of the sheet:\n{text}"
    );
    let first = text
        .lines()
        .position(|l| l.contains("(1)-ア-3 実績値  28 -> 30"))
        .expect("the newest change first");
    let second = text
        .lines()
        .position(|l| l.contains("(1)-ア-1 実績値  9,016 -> 9,500"))
        .expect("then the older one");
    assert!(first < second && text.contains("clerk"), "{text}");
    keys(&mut app, "f");
    let (text, _) = render(&mut app, 120, 40);
    assert!(
        text.contains("change log: (1)-ア-3 only (1 change)"),
        "f narrows to the selected goal:\n{text}"
    );
    keys(&mut app, "Esc u L");
    let (text, _) = render(&mut app, 120, 40);
    assert!(
        text.lines()
            .any(|l| l.contains("元に戻す (1)-ア-3 実績値  30 -> 28")),
        "an undo shows as an undo:\n{text}"
    );
    keys(&mut app, "j j Enter");
    assert!(matches!(app.mode, Mode::Normal));
    assert_eq!(
        app.selected()
            .map(|(i, g)| format!("{}-{}", i.code, g.number))
            .as_deref(),
        Some("⑴-ア-1"),
        "Enter goes to the goal of the chosen change"
    );
}

#[test]
fn search_says_which_match_of_how_many_and_when_nothing_matches() {
    let fx = Fixture::new();
    let mut app = fx.app();
    keys(&mut app, "/");
    type_text(&mut app, "コンビニ");
    while app.busy() {
        app.work();
    }
    assert_eq!(app.search_count, Some((1, 3)));
    let (text, _) = render(&mut app, 80, 24);
    assert!(
        text.lines()
            .any(|l| l.contains("/ コンビニ") && l.contains("1/3")),
        "{text}"
    );
    type_text(&mut app, "ではない");
    while app.busy() {
        app.work();
    }
    let (text, terminal) = render(&mut app, 80, 24);
    let row = text
        .lines()
        .position(|l| l.contains("no match"))
        .unwrap_or_else(|| panic!("no match is said:\n{text}")) as u16;
    let x = text
        .lines()
        .nth(usize::from(row))
        .and_then(|l| l.find("no match"))
        .expect("x");
    let x = text
        .lines()
        .nth(usize::from(row))
        .map(|l| l[..x].width())
        .expect("w") as u16;
    assert!(
        has_style(
            &terminal.backend().buffer()[(x, row)],
            Theme::colored().error()
        ),
        "in the error style"
    );
    keys(&mut app, "Esc");
    keys(&mut app, "/");
    type_text(&mut app, "コンビニ");
    keys(&mut app, "Enter n");
    while app.busy() {
        app.work();
    }
    assert_eq!(message(&app), "match 2/3 for \"コンビニ\"");
}

#[test]
fn the_tree_can_be_widened_so_titles_tell_goals_apart() {
    let fx = Fixture::new();
    let mut app = fx.app();
    let (narrow, _) = render(&mut app, 80, 24);
    for _ in 0..3 {
        keys(&mut app, ">");
    }
    assert_eq!(app.tree_width, 57);
    let (wide, _) = render(&mut app, 80, 24);
    let row = |text: &str| {
        text.lines()
            .find(|l| l.contains("~ 1 鹿児島"))
            .map(str::to_string)
            .expect("⑴-ア-1 row")
    };
    assert!(!row(&narrow).contains("システムの年間"), "{narrow}");
    assert!(
        row(&wide).contains("鹿児島県電子申請システムの年間"),
        "{wide}"
    );
    for _ in 0..20 {
        keys(&mut app, ">");
    }
    assert_eq!(app.tree_width, 70, "at most 70%: the card keeps room");
    for _ in 0..20 {
        keys(&mut app, "<");
    }
    assert_eq!(app.tree_width, 25);
}

#[test]
fn a_long_message_wraps_with_its_reason_whole() {
    let fx = Fixture::new();
    let mut app = fx.app();
    app.say_error(format!(
        "⑴-ア-1: too many digits (at most 28): {}",
        tassei::model::Quoted(&"1".repeat(10_000))
    ));
    let (text, _) = render(&mut app, 80, 24);
    let bottom: Vec<&str> = text.lines().rev().take(4).collect();
    let joined = bottom
        .iter()
        .rev()
        .map(|l| l.trim())
        .collect::<Vec<_>>()
        .join(" ");
    assert!(
        joined.contains("too many digits (at most 28)") && joined.contains("(10,000 characters)"),
        "the message wraps inside the status bar:\n{text}"
    );
    assert!(text.lines().all(|l| l.width() <= 80));
}

#[test]
fn the_tree_width_is_remembered_in_the_config_file() {
    let fx = Fixture::new();
    let config_path = fx.dir.path().join("config.toml");
    std::fs::write(&config_path, "# my settings\nactor = \"佐藤\"\n").expect("writes");
    let mut app = fx.app();
    app.remember_in(
        Some(config_path.clone()),
        &tassei::config::Config::load_from(&config_path).expect("reads"),
    );
    keys(&mut app, "> >");
    assert_eq!(message(&app), "tree width 52% (remembered)");
    let text = std::fs::read_to_string(&config_path).expect("reads");
    assert!(
        text.contains("tree_width = 52") && text.contains("# my settings") && text.contains("佐藤"),
        "saved beside the clerk's own keys and comments:\n{text}"
    );
    drop(app);
    let mut again = fx.app();
    again.remember_in(
        Some(config_path.clone()),
        &tassei::config::Config::load_from(&config_path).expect("reads"),
    );
    assert_eq!(again.tree_width, 52, "the next start uses it");
}

/// A typo with extra zeros gives a rate of 901,600: the tree's column says it is too big
/// rather than losing digits (it showed 90160), and the card shows it whole.
#[test]
fn a_huge_rate_never_loses_digits() {
    let fx = Fixture::new();
    let mut app = fx.app();
    keys(&mut app, "Enter");
    type_text(&mut app, "90160000");
    keys(&mut app, "Enter");
    let (text, _) = render(&mut app, 80, 24);
    let row = text
        .lines()
        .find(|l| l.contains("✓ 1 鹿児島"))
        .expect("⑴-ア-1 row");
    assert!(row.contains("9999+"), "{row}");
    assert!(text.contains("達成度   901,600 ✓ 達成"), "{text}");
    keys(&mut app, "D");
    let (text, _) = render(&mut app, 120, 40);
    let bar = text
        .lines()
        .find(|l| l.contains("(1)-ア-1 "))
        .expect("bar row");
    assert!(
        bar.ends_with("# 9999+"),
        "the bar and the rate stay apart: {bar}"
    );
}

/// 評価なし, 未入力 and 計算不可 are three things: a goal still waiting for its actual and a
/// goal whose figures cannot give a rate are marked and counted apart from the ungraded one.
#[test]
fn no_actual_and_not_computable_are_told_apart_from_not_graded() {
    let fx = Fixture::new();
    let mut plan = tassei::sheet::bundled().expect("bundled");
    plan.slug = "zero".into();
    plan.initiatives[0].goals[0].actual = Value::None; // ⑴-ア-1: no actual yet
    plan.initiatives[0].goals[1].target = number("0"); // ⑴-ア-2: a target of 0
    let mut store = fx.store();
    let id = store.import(&plan).expect("imports");
    let plan = store.load_plan(id).expect("loads");
    let mut app = App::new(
        store,
        plan,
        CalendarDate::new(2024, 4, 1).expect("date"),
        Theme::colored(),
    );
    assert_eq!(app.summary.counts, [15, 4, 4, 1, 1, 1]);
    let (text, _) = render(&mut app, 80, 24);
    assert!(text.contains("✓15 ~4 ✗4 -1 ?1 !1"), "{text}");
    assert!(text.lines().any(|l| l.contains("? 1 鹿児島")), "{text}");
    assert!(text.lines().any(|l| l.contains("! 2 鹿児島")), "{text}");
    assert!(text.contains("未入力"), "the card says 未入力:\n{text}");
    keys(&mut app, "j");
    let (text, _) = render(&mut app, 80, 24);
    assert!(
        text.contains("計算不可") && text.contains("target (目標値) is 0"),
        "the card says 計算不可 and why:\n{text}"
    );
    keys(&mut app, "D");
    let (text, _) = render(&mut app, 120, 40);
    assert!(text.contains("?未入") && text.contains("!不可"), "{text}");
}

/// A damaged file found by the check that runs beside the TUI is said at once, naming what to
/// do, and no edit is written to it.
#[test]
fn a_damaged_file_is_said_at_once_and_never_written() {
    let fx = Fixture::new();
    drop(fx.store());
    let damaged = fx.dir.path().join("damaged.db");
    damage::with_broken_page(&fx.path(), &damaged);
    let before = std::fs::read(&damaged).expect("read");
    let store = Store::open(&damaged, "clerk").expect("a damaged file opens for reading");
    let background = store.check_in_background(None);
    let plan = store
        .load_plan(store.plan_id(None).expect("plan"))
        .expect("loads");
    let mut app = App::new(
        store,
        plan,
        CalendarDate::new(2024, 4, 1).expect("date"),
        Theme::colored(),
    );
    let said = background.finish();
    app.tick();
    let told = message(&app);
    assert!(
        told.contains("is damaged") && told.contains("nothing can be saved"),
        "{told} ({said:?})"
    );
    keys(&mut app, "Enter");
    type_text(&mut app, "9500");
    keys(&mut app, "Enter");
    let Mode::Editing(editor) = &app.mode else {
        panic!("the field stays open with the reason")
    };
    assert!(
        editor
            .error
            .as_deref()
            .is_some_and(|e| e.contains("damaged")),
        "{:?}",
        editor.error
    );
    assert!(
        std::fs::read(&damaged).expect("read") == before,
        "nothing written"
    );
}

/// The card pane's sentence under its title, whole: from where it starts on the second row,
/// the pane's lines joined (with a space, as English wraps at one) until a blank one.
fn card_sentence(text: &str, starts_with: &str) -> String {
    let second = text.lines().nth(1).expect("a second row");
    let x = second
        .find(starts_with)
        .map(|b| second[..b].width())
        .unwrap_or_else(|| panic!("{starts_with:?} on the second row:\n{text}"));
    text.lines()
        .skip(1)
        .map(|line| {
            let mut at = 0;
            let mut out = String::new();
            for c in line.chars() {
                if at >= x {
                    out.push(c);
                }
                at += c.to_string().width();
            }
            out.trim().to_string()
        })
        .take_while(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// With a heading selected the card says how to pick a goal, whole; with a filter that leaves
/// no goal, it says so and which key changes the filter, not to select a goal.
#[test]
fn the_card_says_what_to_do_whole_when_no_goal_is_selected() {
    snapshot_at(&[(80, 24)], "heading_selected", |app| keys(app, "g"));
    snapshot_at(&[(80, 24)], "filter_empty", |app| keys(app, "f f"));
    for (w, h) in SIZES {
        let fx = Fixture::new();
        let mut app = fx.app();
        keys(&mut app, "g");
        let (text, _) = render(&mut app, w, h);
        assert_eq!(
            card_sentence(&text, "select"),
            "select a goal in the tree (j/k), then Enter",
            "at {w}x{h}:\n{text}"
        );
        keys(&mut app, "f f");
        let (text, _) = render(&mut app, w, h);
        assert_eq!(
            card_sentence(&text, "no goal"),
            "no goal matches the filter 期限超過 overdue f changes the filter",
            "two lines at {w}x{h}:\n{text}"
        );
        let footer = text.lines().last().unwrap_or_default();
        assert!(footer.starts_with(" f filter  ? help  q quit"), "{footer}");
    }
}

/// The footer at 80×24 puts what a new clerk needs first: what Enter does, the card, the key
/// table, how to quit, undo; the rest drops from the end.
#[test]
fn the_footer_keeps_help_and_quit_on_a_small_screen() {
    let fx = Fixture::new();
    let mut app = fx.app();
    let (text, _) = render(&mut app, 80, 24);
    assert_eq!(
        text.lines().last().unwrap_or_default(),
        " Enter 実績値を入力  Tab card  ? help  q quit  u undo  Ctrl-F find  / search"
    );
    keys(&mut app, "Tab");
    let (text, _) = render(&mut app, 80, 24);
    assert_eq!(
        text.lines().last().unwrap_or_default(),
        " Enter 実績値を入力  j/k field  Esc tree  ? help  q quit  u undo  Ctrl-F find"
    );
}

/// What the config file said on stderr before the TUI covered it opens the status bar: the
/// first warning, with how many more.
#[test]
fn the_config_files_warnings_open_the_status_bar() {
    let path = std::path::Path::new("/home/clerk/.config/tassei/config.toml");
    snapshot_at(&[(80, 24)], "config_warning", |app| {
        let config = tassei::config::Config::parse(path, "colour = \"red\"\nfont = 1\n")
            .expect("a config with unknown keys");
        app.warn_of_config(&config.warnings);
    });
    let fx = Fixture::new();
    let mut app = fx.app();
    let config = tassei::config::Config::parse(path, "colour = \"red\"\nfont = 1\n")
        .expect("a config with unknown keys");
    app.warn_of_config(&config.warnings);
    let told = message(&app);
    assert!(
        told.starts_with("warning: the config file /home/clerk/.config/tassei/config.toml, line 1")
            && told.contains("\"colour\"")
            && told.contains("and 1 more"),
        "{told}"
    );
    assert!(app.message.as_ref().is_some_and(|m| m.is_error));
}

/// A data file made from the bundled sheet (a mistyped `--db`) is said in the TUI before
/// anything is typed into it, ahead of the config's warnings, with how many more lines stderr
/// holds.
#[test]
fn a_data_file_made_on_opening_is_said_first_in_the_status_bar() {
    let fx = Fixture::new();
    let mut app = fx.app();
    let path = std::path::Path::new("/tmp/typo/tassei.db");
    let created = (tassei::strings::EN.errors.store.created)(path);
    app.warn_of_config(&["the config file …, line 1: unknown key \"colour\"".to_string()]);
    app.note_on_opening(std::slice::from_ref(&created), 1);
    let told = message(&app);
    assert!(told.starts_with("note: "), "{told}");
    assert!(told.contains("/tmp/typo/tassei.db"), "{told}");
    assert!(told.contains("and 1 more"), "{told}");
    assert!(
        app.message.as_ref().is_some_and(|m| m.is_error),
        "shown as a warning is"
    );
}

/// Enter in the finder goes to the goal and opens its 積算方法 (the README's finder row), and
/// the footer's hint says both.
#[test]
fn the_finders_enter_hint_names_the_method_it_opens() {
    let fx = Fixture::new();
    let mut app = fx.app();
    ctrl(&mut app, 'f');
    type_text(&mut app, "コンビニ");
    let (text, _) = render(&mut app, 80, 24);
    let footer = text.lines().last().unwrap_or_default();
    assert!(footer.starts_with(" Enter go there, 積算方法"), "{footer}");
    keys(&mut app, "Enter");
    assert!(matches!(app.mode, Mode::Method(_)));
}

// ---- collecting a returned file (I) -----------------------------------------------------------

fn paste(app: &mut App, text: &str) {
    app.handle_event(Event::Paste(text.to_string()));
}

/// Opens the collect's prompt, pastes the path as Explorer's パスのコピー gives it (quoted, and
/// the terminal's CR after it) and reads it.
fn open_preview(app: &mut App, path: &std::path::Path) {
    keys(app, "I");
    assert!(matches!(app.mode, Mode::CollectFile(_)));
    paste(app, &format!("\"{}\"\r", path.display()));
    keys(app, "Enter");
    assert!(
        matches!(app.mode, Mode::Collecting(_)),
        "the preview opens: {}",
        message(app)
    );
}

/// 市民係 returns ⑴-ウ-1 at 15.2 with its first activity 完了, and ⑵-イ-7 at 200 after tanaka
/// saved 190 there (a conflict).
fn section_returns(app: &mut App) -> std::path::PathBuf {
    use returns::Typed::{Actual, Status};
    let path = returns::workbook(
        app,
        &[
            Actual("1-ウ-1", 15.2),
            Status("1-ウ-1", 0, "完了"),
            Actual("2-イ-7", 200.0),
        ],
    );
    returns::tanaka_sets(app, "2-イ-7", 190);
    app.tick();
    path
}

fn status_of(plan: &Plan, code: &str) -> ActivityStatus {
    let r: GoalRef = code.parse().expect("code");
    plan.goal(r).expect("goal").1.activities[0].status
}

#[test]
fn a_return_is_chosen_row_by_row_collected_in_one_batch_and_undone_whole() {
    let fx = Fixture::new();
    let mut app = fx.app();
    let path = section_returns(&mut app);
    open_preview(&mut app, &path);
    let (text, _) = render(&mut app, 120, 40);
    let rows: Vec<&str> = text.lines().collect();
    let first = rows
        .iter()
        .position(|l| {
            l.contains("conflict (2)-イ-7 実績値  190 (tanaka) -> 200.0  (handed out 180.5)")
        })
        .unwrap_or_else(|| panic!("the conflict, with the value handed out:\n{text}"));
    assert!(rows[first].contains("choose"), "undecided: {}", rows[first]);
    assert!(
        rows[first + 1].contains("take")
            && rows[first + 1].contains("(1)-ウ-1 実績値  13.47 -> 15.20"),
        "then the changes, taken:\n{text}"
    );
    assert!(rows[first + 2].contains("(1)-ウ-1 実施内容1 状況  未記入 -> 完了"));
    assert!(text.contains("市民係's return, handout 1"), "{text}");
    assert!(
        text.contains("1 conflict (1 undecided), 2 changes"),
        "{text}"
    );
    // Take the conflict's returned value (on to the next row), skip the figure, keep the rest.
    keys(&mut app, "a s Enter");
    assert!(matches!(app.mode, Mode::Normal));
    assert_eq!(
        message(&app),
        "collected 2 from 市民係_回答.xlsx; left 1; u takes it back"
    );
    let stored = fx.stored();
    assert_eq!(actual(&stored, "2-イ-7"), number("200"));
    assert_eq!(actual(&stored, "1-ウ-1"), number("13.47"), "skipped");
    assert_eq!(status_of(&stored, "1-ウ-1"), ActivityStatus::Done);
    assert_eq!(
        actual(&app.plan, "2-イ-7"),
        number("200"),
        "the plan reloaded"
    );
    assert_eq!(
        app.tree
            .selected_goal()
            .and_then(|at| at.goal_ref(&app.plan)),
        "1-ウ-1".parse().ok(),
        "the first goal collected (in the file's order) is shown"
    );
    // The log names the section and the file; u takes the whole file back.
    keys(&mut app, "u");
    let stored = fx.stored();
    assert_eq!(
        actual(&stored, "2-イ-7"),
        number("190"),
        "tanaka's value again"
    );
    assert_eq!(status_of(&stored, "1-ウ-1"), ActivityStatus::Unset);
    assert_eq!(actual(&app.plan, "2-イ-7"), number("190"));
    // Said as `tassei undo` says it: the file and the section, not one field and "N more".
    assert_eq!(
        message(&app),
        "undid the collect of 市民係_回答.xlsx from 市民係: 2 values taken back"
    );
    ctrl(&mut app, 'r');
    assert_eq!(
        message(&app),
        "redid the collect of 市民係_回答.xlsx from 市民係: 2 values put back"
    );
    assert_eq!(actual(&fx.stored(), "2-イ-7"), number("200"));
}

#[test]
fn undecided_conflicts_are_left_out_and_said() {
    let fx = Fixture::new();
    let mut app = fx.app();
    let path = section_returns(&mut app);
    open_preview(&mut app, &path);
    keys(&mut app, "A");
    assert_eq!(
        message(&app),
        "collected 2 from 市民係_回答.xlsx; left 1 (1 undecided); u takes it back"
    );
    assert_eq!(actual(&fx.stored(), "2-イ-7"), number("190"), "not taken");
    assert_eq!(actual(&fx.stored(), "1-ウ-1"), number("15.2"));
}

#[test]
fn keeping_the_current_value_settles_a_conflict_and_esc_writes_nothing() {
    let fx = Fixture::new();
    let mut app = fx.app();
    let path = section_returns(&mut app);
    open_preview(&mut app, &path);
    keys(&mut app, "Esc");
    assert!(matches!(app.mode, Mode::Normal));
    assert_eq!(
        message(&app),
        "closed the preview of 市民係_回答.xlsx: nothing was collected"
    );
    assert_eq!(actual(&fx.stored(), "1-ウ-1"), number("13.47"));
    open_preview(&mut app, &path);
    keys(&mut app, "c s s Enter");
    assert_eq!(
        message(&app),
        "collected 0 from 市民係_回答.xlsx; kept 1 unchanged; left 2"
    );
    assert_eq!(actual(&fx.stored(), "2-イ-7"), number("190"));
}

/// The preview was made against 13.47; tanaka saves 14 before Enter: the store refuses the
/// whole file, the preview is made again against 14 (now a conflict) and says why.
#[test]
fn a_field_changed_after_the_preview_refuses_the_file_and_the_preview_is_made_again() {
    let fx = Fixture::new();
    let mut app = fx.app();
    let path = returns::workbook(&mut app, &[returns::Typed::Actual("1-ウ-1", 15.2)]);
    open_preview(&mut app, &path);
    returns::tanaka_sets(&app, "1-ウ-1", 14);
    keys(&mut app, "Enter");
    let Mode::Collecting(preview) = &app.mode else {
        panic!("the preview stays: {}", message(&app));
    };
    let note = preview.note.clone().unwrap_or_default();
    assert!(
        note.starts_with(
            "nothing was collected from 市民係_回答.xlsx: ⑴-ウ-1 実績値 was changed by tanaka at "
        ) && note.contains("to 14 after the preview (it showed 13.47)"),
        "{note}"
    );
    assert_eq!(
        message(&app),
        note,
        "and the status bar says it, as an error"
    );
    assert!(app.message.as_ref().is_some_and(|m| m.is_error));
    let (_, change) = preview.selected_change().expect("a row");
    assert_eq!(change.decision, tassei::exchange::Decision::Conflict);
    assert_eq!(
        actual(&fx.stored(), "1-ウ-1"),
        number("14"),
        "nothing written"
    );
    let (text, _) = render(&mut app, 120, 40);
    assert!(
        text.contains("nothing was collected from 市民係_回答.xlsx"),
        "on screen:\n{text}"
    );
    assert!(
        text.contains("choose conflict (1)-ウ-1 実績値  14 (tanaka) -> 15.20  (handed out 13.47)"),
        "now a conflict:\n{text}"
    );
    keys(&mut app, "a Enter");
    assert_eq!(
        actual(&fx.stored(), "1-ウ-1"),
        number("15.2"),
        "chosen over 14"
    );
}

#[test]
fn a_refused_file_keeps_the_path_typed_with_its_reason() {
    let fx = Fixture::new();
    let mut app = fx.app();
    keys(&mut app, "I Enter");
    assert_eq!(
        message(&app),
        "type or paste the path of a returned file first"
    );
    type_text(&mut app, "~/回答/ないファイル.xlsx");
    keys(&mut app, "Enter");
    let Mode::CollectFile(prompt) = &app.mode else {
        panic!("the prompt stays");
    };
    assert_eq!(prompt.path.value(), "~/回答/ないファイル.xlsx", "as typed");
    let refused = prompt.refused.clone().unwrap_or_default();
    assert!(
        refused.contains("ないファイル.xlsx: there is no such file"),
        "{refused}"
    );
    assert_eq!(message(&app), refused);
    let (text, _) = render(&mut app, 80, 24);
    assert!(text.contains("file> ~/回答/ないファイル.xlsx"), "{text}");
    assert!(
        text.contains("ないファイル.xlsx: there is no such file"),
        "{text}"
    );
    // The path is put right in place: BkSp, then the file that is there.
    for _ in 0.."ないファイル.xlsx".chars().count() {
        keys(&mut app, "BkSp");
    }
    let csv = returns::csv(
        &app,
        "市民係.csv",
        "goal,actual\r\n1-ア-1,9500\r\n".as_bytes(),
    );
    let Mode::CollectFile(prompt) = &mut app.mode else {
        panic!("the prompt stays");
    };
    prompt.path = tui_input::Input::new(String::new());
    paste(&mut app, &csv.display().to_string());
    keys(&mut app, "Enter");
    assert!(matches!(app.mode, Mode::Collecting(_)), "{}", message(&app));
    keys(&mut app, "Esc I Esc");
    assert!(matches!(app.mode, Mode::Normal), "Esc closes the prompt");
}

#[test]
fn a_csv_return_is_previewed_as_changes_to_check() {
    let fx = Fixture::new();
    let mut app = fx.app();
    let csv = returns::csv(
        &app,
        "市民係.csv",
        "目標,実績値\r\n1-ア-1,\"９，５００\"\r\n9-ン-9,1\r\n".as_bytes(),
    );
    open_preview(&mut app, &csv);
    let (text, _) = render(&mut app, 80, 24);
    assert!(text.contains("CSV (UTF-8), no handout"), "{text}");
    assert!(
        text.contains("check (1)-ア-1 実績値  9,016 -> 9,500"),
        "{text}"
    );
    assert!(
        text.contains("left out: 1 row the file could not give"),
        "{text}"
    );
    assert!(
        text.contains("市民係.csv line 3: no goal 9-ン-9 in this plan"),
        "{text}"
    );
    keys(&mut app, "q ?");
    assert!(
        matches!(app.mode, Mode::Collecting(_)),
        "q does not quit here"
    );
    assert_eq!(
        message(&app),
        "?: no such key in the preview (its keys are on the bottom line; Esc closes it)"
    );
    // Undecided until the clerk looks: Enter alone would take nothing.
    assert!(text.contains("choose check (1)-ア-1"), "{text}");
    keys(&mut app, "a Enter");
    assert_eq!(actual(&fx.stored(), "1-ア-1"), number("9500"));
    assert_eq!(
        message(&app),
        "collected 1 from 市民係.csv; u takes it back"
    );
}

/// A handout collected before says when, in the clerk's local time (no "UTC" after it), and
/// the time is never cut in two: on the first line when it fits, else on a line of its own.
#[test]
fn a_return_collected_before_says_when_whole_in_local_time() {
    let fx = Fixture::new();
    let mut app = fx.app();
    let path = section_returns(&mut app);
    open_preview(&mut app, &path);
    keys(&mut app, "a Enter");
    open_preview(&mut app, &path);
    for (w, h) in [(80, 24), (120, 40)] {
        let (text, _) = render(&mut app, w, h);
        assert!(!text.contains("UTC"), "{text}");
        let line = text
            .lines()
            .find(|l| l.contains("collected before ("))
            .unwrap_or_else(|| panic!("said at {w}x{h}:\n{text}"));
        let at = line
            .split("collected before (")
            .nth(1)
            .and_then(|rest| rest.split(')').next())
            .unwrap_or_default();
        assert_eq!(at.len(), "2026-11-28 21:19".len(), "whole: {line}");
        assert!(
            line.contains("市民係's return, handout 1  collected before ("),
            "on the first line at {w}x{h}: {line}"
        );
    }
}

/// A conflict names who made the value now, as `tassei collect` does: who in its row, who and
/// when in the detail below the rows.
#[test]
fn a_conflict_names_who_made_the_value_now() {
    let fx = Fixture::new();
    let mut app = fx.app();
    let path = section_returns(&mut app);
    open_preview(&mut app, &path);
    let Mode::Collecting(preview) = &app.mode else {
        panic!("the preview");
    };
    let (_, change) = preview.selected_change().expect("the conflict, first");
    let by = change.by.clone().expect("attributed from the change log");
    assert_eq!(by.actor, "tanaka");
    let (text, _) = render(&mut app, 80, 24);
    assert!(
        text.contains("choose conflict (2)-イ-7 実績値  190 (tanaka) -> 200.0"),
        "{text}"
    );
    let now = text
        .lines()
        .find(|l| l.contains("| now "))
        .unwrap_or_else(|| panic!("the detail's value now:\n{text}"));
    assert!(
        now.contains(&format!("190 (set by tanaka, {})", by.at)),
        "{now}"
    );
    // A change nobody made here since the handout names nobody.
    keys(&mut app, "j");
    let (text, _) = render(&mut app, 80, 24);
    assert!(!text.contains("13.47 ("), "{text}");
}

#[test]
fn collect_preview() {
    snapshot_at_both_sizes("collect_preview", |app| {
        let path = section_returns(app);
        open_preview(app, &path);
    });
}

#[test]
fn collect_prompt_refused() {
    snapshot_at(&[(80, 24)], "collect_prompt_refused", |app| {
        keys(app, "I");
        type_text(app, "\"C:\\Users\\clerk\\市民係.xlsx\"");
        keys(app, "Enter");
    });
}

/// The selected row is highlighted and a conflict stands out, in every theme: a text snapshot
/// would pass without either.
#[test]
fn the_preview_highlights_the_selected_row_and_colours_conflicts() {
    for theme in THEMES.map(|t| t()) {
        let fx = Fixture::new();
        let mut app = fx.app_with(theme);
        let path = section_returns(&mut app);
        open_preview(&mut app, &path);
        let row_of = |text: &str, needle: &str| {
            text.lines()
                .position(|l| l.contains(needle))
                .unwrap_or_else(|| panic!("{needle} on screen:\n{text}")) as u16
        };
        let (text, terminal) = render(&mut app, 80, 24);
        let buffer = terminal.backend().buffer();
        let conflict = row_of(&text, "conflict (2)-イ-7");
        let change = row_of(&text, "(1)-ウ-1 実績値  13.47");
        // Inside the frame: from column 3 to the last before its right edge.
        for cell in row_cells(buffer, conflict, 3, 77) {
            assert!(
                has_style(cell, theme.selected()),
                "the selected conflict is highlighted in {theme:?}: {cell:?}"
            );
        }
        assert!(
            row_cells(buffer, change, 3, 77)
                .iter()
                .all(|c| !has_style(c, theme.selected())),
            "the next row is not highlighted in {theme:?}"
        );
        keys(&mut app, "j");
        let (_, terminal) = render(&mut app, 80, 24);
        let buffer = terminal.backend().buffer();
        for cell in row_cells(buffer, change, 3, 77) {
            assert!(
                has_style(cell, theme.selected()),
                "j moves the highlight in {theme:?}: {cell:?}"
            );
        }
        let subject = text
            .lines()
            .nth(usize::from(conflict))
            .and_then(|l| l.find("conflict").map(|b| l[..b].width()))
            .expect("the conflict's kind") as u16;
        for cell in row_cells(buffer, conflict, subject, subject + 20) {
            assert!(
                has_style(cell, theme.conflict()) && !has_style(cell, theme.selected()),
                "a conflict not selected keeps its colour in {theme:?}: {cell:?}"
            );
        }
        let choice = text
            .lines()
            .nth(usize::from(conflict))
            .and_then(|l| l.find("choose").map(|b| l[..b].width()))
            .expect("its choice") as u16;
        assert!(
            has_style(&buffer[(choice, conflict)], theme.error()),
            "an undecided conflict's choice stands out in {theme:?}"
        );
    }
}

/// Nothing of the tree or the card shows beside the collect's popups: the rows they take are
/// cleared from edge to edge, the tree's selection bar and markers too, in every theme.
#[test]
fn the_collect_popups_cover_what_they_overlap() {
    for theme in THEMES.map(|t| t()) {
        let fx = Fixture::new();
        let mut app = fx.app_with(theme);
        // The tree's selection bar under the popup: the second goal is selected.
        keys(&mut app, "j j");
        let path = section_returns(&mut app);
        for open in ["prompt", "preview"] {
            keys(&mut app, "I");
            if open == "preview" {
                paste(&mut app, &path.display().to_string());
                keys(&mut app, "Enter");
            }
            for (w, h) in [(80, 24), (120, 40)] {
                let (text, terminal) = render(&mut app, w, h);
                let buffer = terminal.backend().buffer();
                let rows: Vec<&str> = text.lines().collect();
                let top = rows
                    .iter()
                    .position(|l| l.contains("+ "))
                    .expect("the frame") as u16;
                let bottom = rows
                    .iter()
                    .skip(usize::from(top) + 1)
                    .position(|l| l.trim_start().starts_with('+'))
                    .map(|k| top + 1 + k as u16)
                    .expect("its bottom edge");
                let frame_x = rows[usize::from(top)].find('+').expect("its corner") as u16;
                for y in top..=bottom {
                    for x in (0..frame_x).chain(w - frame_x..w) {
                        let cell = &buffer[(x, y)];
                        assert!(
                            cell.symbol() == " " && !has_style(cell, theme.selected()),
                            "{open} at {w}x{h} in {theme:?}: {cell:?} at {x},{y}\n{text}"
                        );
                    }
                }
            }
            keys(&mut app, "Esc");
        }
    }
}

#[test]
fn the_collect_popups_have_no_ambiguous_width_characters() {
    let fx = Fixture::new();
    let mut app = fx.app();
    let path = section_returns(&mut app);
    open_preview(&mut app, &path);
    let (_, terminal) = render(&mut app, 80, 24);
    let buffer = terminal.backend().buffer();
    // The popup: columns 2 to 77, rows 1 to 20 (above the status bar).
    for y in 1..21 {
        for x in 2..78 {
            let symbol = buffer[(x, y)].symbol();
            assert!(
                !symbol.chars().any(is_ambiguous),
                "ambiguous {symbol:?} in the preview at {x},{y}"
            );
        }
    }
}

// ---- a section's handout opened as the data file (the laptop) ---------------------------------

/// 市民係's exchange file as sato opens it on the laptop (`tassei --db 市民係.tassei`), in
/// `theme`.
fn on_laptop(fx: &Fixture, theme: Theme) -> App {
    let mut coordinator = fx.app();
    let path = returns::laptop(&mut coordinator, &[]);
    let store = Store::open(&path, "sato").expect("the laptop opens it");
    let plan = store
        .load_plan(store.plan_id(None).expect("a plan"))
        .expect("loads");
    App::new(
        store,
        plan,
        CalendarDate::new(2024, 4, 1).expect("date"),
        theme,
    )
}

/// The laptop's file says whose it is and opens on that section's goals (`f`'s 担当 filter).
#[test]
fn a_handout_opens_on_its_sections_goals_and_says_whose_it_is() {
    let fx = Fixture::new();
    let mut app = on_laptop(&fx, Theme::colored());
    assert_eq!(app.filter.label(), "担当 市民係");
    assert_eq!(
        app.selected().map(|(_, g)| g.title.clone()),
        app.plan
            .goal("1-ウ-1".parse().expect("code"))
            .map(|(_, g)| g.title.clone()),
        "its first goal selected"
    );
    let (text, _) = render(&mut app, 120, 40);
    let first = text.lines().next().unwrap_or_default();
    assert!(
        first.starts_with(" handout 1 for 市民係  指宿市 令和5年度"),
        "{first}"
    );
    assert!(text.contains("filter: 担当 市民係"), "{text}");
}

/// A laptop edit the collect would leave out says so as it is saved, as an error in the status
/// bar; the section's own field says it was saved, as any edit does.
#[test]
fn a_laptop_edit_that_will_not_travel_back_is_said_when_saved() {
    for theme in THEMES.map(|t| t()) {
        let fx = Fixture::new();
        let mut app = on_laptop(&fx, theme);
        keys(&mut app, "Enter");
        clear_field(&mut app);
        type_text(&mut app, "14");
        keys(&mut app, "Enter");
        assert_eq!(message(&app), "saved ⑴-ウ-1 実績値 13.47 → 14");
        assert!(app.message.as_ref().is_some_and(|m| !m.is_error));

        keys(&mut app, "/");
        type_text(&mut app, "1-ア-1");
        keys(&mut app, "Enter Enter");
        clear_field(&mut app);
        type_text(&mut app, "9500");
        keys(&mut app, "Enter");
        assert_eq!(
            message(&app),
            "⑴-ア-1 実績値 is saved here, but it is not one of 市民係's fields in this handout: \
             the collect will leave it out"
        );
        let (text, terminal) = render(&mut app, 80, 24);
        let y = text
            .lines()
            .position(|l| l.contains("is saved here"))
            .unwrap_or_else(|| panic!("in the status bar:\n{text}")) as u16;
        let x = text
            .lines()
            .nth(usize::from(y))
            .and_then(|l| l.find("is saved"))
            .unwrap_or(0);
        let x = text
            .lines()
            .nth(usize::from(y))
            .map_or(0, |l| l[..x].width()) as u16;
        assert!(
            has_style(&terminal.backend().buffer()[(x, y)], theme.error()),
            "a warning, in the error's colour in {theme:?}"
        );
    }
}

// ---- the goal's definition, edited where the card draws it ----------------------------------

/// The goal `code` of the stored plan.
fn stored_goal(fx: &Fixture, code: &str) -> tassei::model::Goal {
    let plan = fx.stored();
    let r: GoalRef = code.parse().expect("code");
    plan.goal(r).expect("goal").1.clone()
}

/// The open field's reason for not saving, and its text.
fn refused(app: &App) -> (String, String) {
    let Mode::Editing(editor) = &app.mode else {
        panic!("the field stays open: {}", message(app))
    };
    (
        editor.error.clone().unwrap_or_default(),
        editor.typed().unwrap_or_default().to_string(),
    )
}

/// The issue's "done when": ⑴-ウ 目標2's target revised in the TUI, and its 達成度 follows.
#[test]
fn a_target_revised_on_the_card_regrades_the_goal_at_once() {
    let fx = Fixture::new();
    let theme = Theme::colored();
    let mut app = fx.app_with(theme);
    keys(&mut app, "j j j j j");
    assert_eq!(
        app.selected().map(|(i, g)| (i.code.to_string(), g.number)),
        Some(("⑴-ウ".into(), 2))
    );
    // The card opens at 実績値; 目標値 is the line above it.
    keys(&mut app, "Tab k");
    let (text, terminal) = render(&mut app, 80, 24);
    insta::assert_snapshot!("definition_target_selected_80x24", text);
    let row = |text: &str, needle: &str| {
        text.lines()
            .position(|l| l.contains(needle))
            .unwrap_or_else(|| panic!("{needle:?} on the card:\n{text}"))
    };
    let line_of = |text: &str, y: usize| text.lines().nth(y).unwrap_or_default().to_string();
    let target_row = row(&text, "目標値   84.23％ ›");
    let line = line_of(&text, target_row);
    let x = line[..line.find("目標値").expect("label")].width() as u16;
    let buffer = terminal.backend().buffer();
    for cell in row_cells(buffer, target_row as u16, x, 78) {
        assert!(
            has_style(cell, theme.selected()),
            "目標値 is highlighted: {cell:?}"
        );
    }
    let actual_row = row(&text, "実績値   84.93％ ›");
    assert!(
        !has_style(&buffer[(x, actual_row as u16)], theme.selected()),
        "and 実績値 is not"
    );
    // Every editable line of the definition is marked, 基準値 too.
    let baseline = line_of(&text, row(&text, "基準値   80.86％ ›"));
    let mark_x = baseline[..baseline.find('›').expect("mark")].width() as u16;
    assert!(
        has_style(&buffer[(mark_x, target_row as u16 - 1)], theme.key()),
        "the › mark is drawn as a key"
    );

    // A ratio's target of 0 is refused with the CLI's words, and the typed text stays.
    keys(&mut app, "Enter");
    clear_field(&mut app);
    type_text(&mut app, "0");
    keys(&mut app, "Enter");
    let (why, typed) = refused(&app);
    assert!(why.contains("cannot be 0"), "{why}");
    assert_eq!(typed, "0");
    clear_field(&mut app);
    type_text(&mut app, "８５");
    keys(&mut app, "Enter");
    assert_eq!(message(&app), "saved ⑴-ウ-2 目標値 84.23 → 85");
    assert_eq!(stored_goal(&fx, "1-ウ-2").target, number("85"));
    let (text, _) = render(&mut app, 80, 24);
    assert!(
        text.contains("84.93 ÷ 85 × 100 = 99.918 → 99.9"),
        "達成度 follows the new target:\n{text}"
    );
    assert!(text.contains("達成度   99.9"), "{text}");

    // `u` takes it back.
    keys(&mut app, "u");
    assert_eq!(stored_goal(&fx, "1-ウ-2").target, number("84.23"));
}

#[test]
fn title_precision_unit_and_method_are_edited_in_place() {
    let fx = Fixture::new();
    let mut app = fx.app();
    // ⑴-ア-1: 目標名 is three lines above 実績値.
    keys(&mut app, "Tab k k k Enter");
    clear_field(&mut app);
    keys(&mut app, "Enter");
    let (why, _) = refused(&app);
    assert!(why.contains("must not be empty"), "{why}");
    type_text(&mut app, "電子申請を10,000件にする");
    keys(&mut app, "Enter");
    assert_eq!(stored_goal(&fx, "1-ア-1").title, "電子申請を10,000件にする");

    // 単位 under 実績値, then 小数桁 on the 達成度 line.
    keys(&mut app, "j j j j Enter");
    clear_field(&mut app);
    type_text(&mut app, "回");
    keys(&mut app, "Enter");
    assert_eq!(stored_goal(&fx, "1-ア-1").unit, "回");
    keys(&mut app, "j Enter");
    clear_field(&mut app);
    type_text(&mut app, "二");
    keys(&mut app, "Enter");
    let (why, typed) = refused(&app);
    assert!(why.contains("not a number of decimals"), "{why}");
    assert_eq!(typed, "二", "the text is kept");
    clear_field(&mut app);
    type_text(&mut app, "5");
    keys(&mut app, "Enter");
    let (why, _) = refused(&app);
    assert!(why.contains('4'), "at most 4 decimals: {why}");
    clear_field(&mut app);
    type_text(&mut app, "２");
    keys(&mut app, "Enter");
    assert_eq!(stored_goal(&fx, "1-ア-1").precision, 2);
    let (text, _) = render(&mut app, 80, 24);
    assert!(text.contains("達成度   90.16"), "{text}");

    // 積算方法 (past 算式) is several lines, as 評価内容 is.
    keys(&mut app, "j j Enter");
    alt_enter(&mut app);
    type_text(&mut app, "※R6から集計方法を変更");
    keys(&mut app, "Enter");
    assert!(
        stored_goal(&fx, "1-ア-1")
            .calc_method
            .ends_with("】\n※R6から集計方法を変更"),
        "{:?}",
        stored_goal(&fx, "1-ア-1").calc_method
    );
}

#[test]
fn an_activity_s_content_period_and_sections_are_edited_in_place() {
    let fx = Fixture::new();
    let mut app = fx.app();
    // ⑴-ア-1 from 実績値: 単位, 小数桁, 算式, 積算方法, 評価内容, then activity 1's 実施内容.
    keys(&mut app, "Tab j j j j j j Enter");
    clear_field(&mut app);
    type_text(&mut app, "職員研修を２回実施する");
    keys(&mut app, "Enter");
    let activity = |fx: &Fixture| stored_goal(fx, "1-ア-1").activities[0].clone();
    assert_eq!(activity(&fx).content, "職員研修を２回実施する");

    // 時期, two lines down (past 状況): an impossible date is refused with the parser's reason.
    keys(&mut app, "j j Enter");
    clear_field(&mut app);
    type_text(&mut app, "平成31年5月");
    keys(&mut app, "Enter");
    let (why, typed) = refused(&app);
    assert!(why.contains("2019-04-30"), "{why}");
    assert_eq!(typed, "平成31年5月", "the text is kept");
    clear_field(&mut app);
    type_text(&mut app, "年度内のどこか");
    keys(&mut app, "Enter");
    assert_eq!(activity(&fx).period.raw(), "年度内のどこか");
    let (text, _) = render(&mut app, 80, 24);
    assert!(
        text.contains("時期を読めません"),
        "flagged on the card:\n{text}"
    );
    keys(&mut app, "Enter");
    clear_field(&mut app);
    type_text(&mut app, "R５.６～Ｒ６．２");
    keys(&mut app, "Enter");
    assert_eq!(
        activity(&fx).period.end(),
        CalendarDate::new(2024, 2, 29),
        "read in FY2023"
    );

    // 担当係, typed as a list.
    keys(&mut app, "j Enter");
    clear_field(&mut app);
    type_text(&mut app, "市民係、総務係");
    keys(&mut app, "Enter");
    assert_eq!(activity(&fx).sections, ["市民係", "総務係"]);
    let (text, _) = render(&mut app, 80, 24);
    assert!(text.contains("担当係 市民係・総務係 ›"), "{text}");
    keys(&mut app, "u");
    assert_eq!(activity(&fx).sections, ["デジタル政策係"]);
}

#[test]
fn the_note_under_the_title_is_edited_where_it_is_drawn() {
    let fx = Fixture::new();
    let mut app = fx.app();
    keys(&mut app, "j j j j");
    assert_eq!(
        app.selected().map(|(i, g)| (i.code.to_string(), g.number)),
        Some(("⑴-ウ".into(), 1))
    );
    // From 実績値 up: 目標値, 基準値, then the note under the title.
    keys(&mut app, "Tab k k k Enter");
    type_text(&mut app, "（R5.4時点）");
    keys(&mut app, "Enter");
    assert_eq!(
        stored_goal(&fx, "1-ウ-1").note,
        "※参考:令和４年度総取扱件数 28,787件（R5.4時点）"
    );
    let (text, _) = render(&mut app, 80, 24);
    assert!(
        text.contains("28,787件 ›") && text.contains("（R5.4時点）"),
        "{text}"
    );
}

#[test]
fn a_formula_chosen_on_the_card_regrades_the_goal_and_is_refused_where_figures_do_not_fit() {
    let fx = Fixture::new();
    let mut app = fx.app();
    // ⑴-ア-1 from 実績値: 単位, 小数桁, then 算式; its choices run ratio, lower_is_better,
    // from_baseline (higher), from_baseline (lower), milestone.
    keys(&mut app, "Tab j j j Enter j j Enter");
    let goal = stored_goal(&fx, "1-ア-1");
    assert_eq!(
        (goal.formula.word(), goal.direction.word()),
        ("from_baseline", "higher")
    );
    let (text, _) = render(&mut app, 80, 24);
    assert!(
        text.contains("達成度   78 ✗") && text.contains("(9,016 - 5,527) ÷ (10,000 - 5,527)"),
        "graded again at once:\n{text}"
    );
    // A milestone's figures are words: ⑴-ア-1's are numbers, so the choice is refused and
    // the field stays open with the reason.
    keys(&mut app, "Enter j j Enter");
    let Mode::Editing(editor) = &app.mode else {
        panic!("the field stays open: {}", message(&app))
    };
    let why = editor.error.clone().unwrap_or_default();
    assert!(why.contains("a milestone's figures are words"), "{why}");
    keys(&mut app, "Esc");
    keys(&mut app, "u");
    assert_eq!(stored_goal(&fx, "1-ア-1").formula.word(), "ratio");
}
