//! Year over year in the TUI: a plan rolled over from FY令和5 shows each goal's earlier years
//! on the card with a trend, in the review, as the dashboard's 前年度 column, and in the plan
//! switcher by year.

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use rust_decimal::Decimal;
use tassei::engine::Status;
use tassei::model::rollover::{next_slug, roll_over};
use tassei::model::{CalendarDate, GoalRef, Value};
use tassei::store::{Edit, Store};
use tassei::strings::{Lang, PinnedLang, pin_thread};
use tassei::tui::app::App;
use tassei::tui::text::is_ambiguous;
use tassei::tui::theme::{Marks, Theme};
use unicode_width::UnicodeWidthStr;

#[path = "fixtures/times.rs"]
mod times;

/// The bundled FY2023 sheet rolled over to FY2024, ⑴-ア-1's FY2024 actual 9,500, in Japanese.
struct Fixture {
    dir: tempfile::TempDir,
    _lang: PinnedLang,
}

impl Fixture {
    fn new() -> Self {
        let fx = Self {
            _lang: pin_thread(Lang::Ja),
            dir: tempfile::tempdir().expect("temp dir"),
        };
        let mut store = fx.store();
        let first = store
            .load_plan(store.plan_id(None).expect("plan"))
            .expect("loads");
        let next = roll_over(&first, next_slug(&first.slug, first.fiscal_year)).plan;
        let id = store.roll_over(&first, &next).expect("rolled over");
        let fy2024 = store.load_plan(id).expect("loads");
        let r: GoalRef = "1-ア-1".parse().expect("code");
        let (_, goal) = fy2024.goal(r).expect("goal");
        let edit = Edit::Actual {
            goal: goal.id,
            value: Value::Number(Decimal::from(9_500)),
        };
        store.apply(&edit, None).expect("applied");
        fx
    }

    fn store(&self) -> Store {
        Store::open(&self.dir.path().join("tassei.db"), "clerk").expect("opens")
    }

    /// The app on the newest year, as of 1 June 2024.
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
            CalendarDate::new(2024, 6, 1).expect("date"),
            theme,
        )
    }
}

fn keys(app: &mut App, spec: &str) {
    for key in spec.split_whitespace() {
        let code = match key {
            "Enter" => KeyCode::Enter,
            "Esc" => KeyCode::Esc,
            k => KeyCode::Char(k.chars().next().expect("one char")),
        };
        app.handle_event(Event::Key(KeyEvent::new_with_kind(
            code,
            KeyModifiers::NONE,
            KeyEventKind::Press,
        )));
    }
}

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

fn render(app: &mut App, width: u16, height: u16) -> (String, Buffer) {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("terminal");
    terminal
        .draw(|frame| tassei::tui::view::draw(frame, app))
        .expect("draws");
    let buffer = terminal.backend().buffer().clone();
    (screen(&buffer), buffer)
}

/// Where `text` starts on screen: (column, row), counting cells.
fn find(buffer: &Buffer, text: &str) -> Option<(u16, u16)> {
    let first = text.chars().next()?.to_string();
    let area = buffer.area;
    for y in 0..area.height {
        for x in 0..area.width {
            if buffer[(x, y)].symbol() != first {
                continue;
            }
            let mut at = x;
            let mut rest = String::new();
            while at < area.width && rest.width() < text.width() {
                let symbol = buffer[(at, y)].symbol();
                rest.push_str(symbol);
                at += u16::try_from(symbol.width().max(1)).unwrap_or(1);
            }
            if rest == text {
                return Some((x, y));
            }
        }
    }
    None
}

fn has_style(cell: &ratatui::buffer::Cell, want: ratatui::style::Style) -> bool {
    want.fg.is_none_or(|c| cell.fg == c)
        && want.bg.is_none_or(|c| cell.bg == c)
        && cell.modifier.contains(want.add_modifier)
}

#[test]
fn the_card_shows_last_years_actual_and_achievement_with_a_trend() {
    let fx = Fixture::new();
    for (w, h) in [(80, 24), (120, 40)] {
        let mut app = fx.app();
        let (text, buffer) = render(&mut app, w, h);
        insta::assert_snapshot!(format!("years_card_{w}x{h}"), times::masked_times(&text));
        let theme = Theme::colored();
        let (x, y) =
            find(&buffer, "令和5年度 実績 9,016件 達成度 90% ~").expect("last year's line");
        assert!(
            has_style(&buffer[(x, y)], theme.status(Status::Near)),
            "last year's line in its band's style (概ね達成)"
        );
        let (x, y) = find(&buffer, "推移 ⣷⣿").expect("the trend");
        assert!(has_style(&buffer[(x, y)], theme.label()));
        assert!(!"⣷⣿".chars().any(is_ambiguous));
        // The dots change by one: the figures say by how much.
        assert!(text.contains("前年度比 +484件・+5ポイント"), "{text}");
    }
}

#[test]
fn the_review_shows_the_trend_and_the_year_before() {
    let fx = Fixture::new();
    for (w, h) in [(80, 24), (160, 48)] {
        let mut app = fx.app();
        keys(&mut app, "R o");
        let (text, buffer) = render(&mut app, w, h);
        insta::assert_snapshot!(format!("years_review_{w}x{h}"), times::masked_times(&text));
        let (x, y) = find(&buffer, "推移 ⣷⣿").expect("the trend");
        assert!(has_style(&buffer[(x, y)], Theme::colored().label()));
        assert!(
            text.contains("令和5年度 実績 9,016件 達成度 90% ~"),
            "{text}"
        );
        assert!(text.contains("評価会議 令和6年度 2024-06-01"), "{text}");
        if w == 160 {
            assert!(text.contains("前年度比 +484件・+5ポイント"), "{text}");
        }
    }
    // A goal without an actual: ー alone at the gauge's end; a composite's parts are broken
    // between parts, never mid-part at the screen's edge.
    let mut app = fx.app();
    keys(&mut app, "R");
    for _ in 0..26 {
        let (text, _) = render(&mut app, 80, 24);
        assert!(!text.contains("ー%"), "{text}");
        if text.contains("(1)-オ-1") {
            assert!(
                text.lines()
                    .any(|l| l.starts_with(" 開催回数 目標 6回  実績 ー")),
                "{text}"
            );
            assert!(
                text.lines()
                    .any(|l| l.contains("参加者数 目標 60名  実績 ー")),
                "{text}"
            );
        }
        keys(&mut app, "n");
    }
}

#[test]
fn the_dashboard_adds_last_years_achievement_beside_each_goal() {
    let fx = Fixture::new();
    for (w, h) in [(80, 24), (120, 40)] {
        let mut app = fx.app();
        keys(&mut app, "D");
        let (text, buffer) = render(&mut app, w, h);
        insta::assert_snapshot!(
            format!("years_dashboard_{w}x{h}"),
            times::masked_times(&text)
        );
        assert!(text.contains("右端の数字は前年度"), "{text}");
        let row = text
            .lines()
            .find(|l| l.starts_with(" (1)-ア-1"))
            .expect("⑴-ア-1's bar");
        assert!(row.contains("95    90"), "this year, then last year: {row}");
        // A one-decimal rate the year before is shown whole, not cut to 999+.
        let row = text
            .lines()
            .find(|l| l.contains("(1)-ウ-2"))
            .expect("⑴-ウ-2's bar");
        assert!(row.contains("100.8"), "last year's 100.8%: {row}");
        assert!(!text.contains("999+"), "{text}");
        let (x, y) = find(&buffer, "(1)-ア-1").expect("the row");
        let last = (x..w)
            .rev()
            .find(|&c| buffer[(c, y)].symbol() == "0" && buffer[(c - 1, y)].symbol() == "9")
            .expect("last year's 90");
        assert!(has_style(&buffer[(last, y)], Theme::colored().muted()));
        // Nothing drawn past the screen's edge, and every line within it.
        assert!(text.lines().all(|l| l.width() <= usize::from(w)));
    }
}

#[test]
fn the_plan_switcher_lists_the_years_newest_first_and_enter_opens_one() {
    let fx = Fixture::new();
    let mut app = fx.app();
    keys(&mut app, "P");
    for (w, h) in [(80, 24), (120, 40)] {
        let (text, buffer) = render(&mut app, w, h);
        insta::assert_snapshot!(format!("years_plans_{w}x{h}"), times::masked_times(&text));
        let (_, newer) = find(&buffer, "令和6年度  ibusuki-dx-r6").expect("FY2024's row");
        let (x, older) = find(&buffer, "令和5年度  ibusuki-dx-r5").expect("FY2023's row");
        assert!(newer < older, "newest first:\n{text}");
        assert!(
            has_style(&buffer[(x, newer)], Theme::colored().selected()),
            "the open plan is chosen"
        );
    }
    keys(&mut app, "j Enter");
    assert_eq!(app.plan.slug, "ibusuki-dx-r5");
    // Its first year: no earlier years on the card.
    let (text, _) = render(&mut app, 120, 40);
    assert!(!text.contains("過去の年度"), "{text}");
}

#[test]
fn with_ascii_marks_the_trend_is_drawn_in_ascii() {
    let fx = Fixture::new();
    let mut app = fx.app_with(Theme::colored().with_marks(Marks::ASCII));
    let (text, _) = render(&mut app, 80, 24);
    assert!(text.contains("推移 *#"), "{text}");
    assert!(!text.contains('⣿'), "{text}");
    for marks in [Marks::ASCII, Marks::UNICODE] {
        assert!(
            marks
                .trend
                .iter()
                .all(|c| !is_ambiguous(*c) && c.to_string().width() == 1)
        );
    }
}
