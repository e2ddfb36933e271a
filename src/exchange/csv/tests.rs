use rust_decimal::Decimal;

use super::*;
use crate::model::{InitiativeCode, parse_number};
use crate::report::export::{records, write_csv};
use crate::sheet;
use crate::strings::{Lang, pin_thread};

fn goal(area: u8, kana: char, goal: u32) -> GoalRef {
    GoalRef {
        initiative: InitiativeCode { area, kana },
        goal,
    }
}

/// `text` as Excel's "CSV (カンマ区切り)" writes it on Japanese Windows.
fn cp932(text: &str) -> Vec<u8> {
    let (bytes, _, unmappable) = SHIFT_JIS.encode(text);
    assert!(!unmappable, "the test's text is in CP932: {text:?}");
    bytes.into_owned()
}

fn some(text: &str) -> Option<String> {
    Some(text.to_string())
}

#[test]
fn cp932_with_a_japanese_header_full_width_figures_and_crlf() {
    let text = "目標,実績値,状況,評価内容\r\n\
                1-ア-1,９，５００件,完了,計画どおり進んだ\r\n\
                （２）イ３,84.93％,実施中,\r\n";
    let bytes = cp932(text);
    assert!(str::from_utf8(&bytes).is_err(), "not UTF-8 by chance");
    let file = read(&bytes).expect("read");
    assert_eq!(file.encoding, Encoding::ShiftJis);
    assert_eq!(file.layout, Layout::Named);
    assert_eq!(file.problems, []);
    assert_eq!(
        file.rows,
        [
            CsvRow {
                line: 2,
                goal: "1-ア-1".into(),
                code: goal(1, 'ア', 1),
                actual: some("９，５００件"),
                status: some("完了"),
                evaluation: some("計画どおり進んだ"),
            },
            CsvRow {
                line: 3,
                goal: "（２）イ３".into(),
                code: goal(2, 'イ', 3),
                actual: some("84.93％"),
                status: some("実施中"),
                evaluation: some(""),
            },
        ]
    );
    // The figure is kept as typed, for the model's own reader.
    let actual = file.rows[0].actual.as_deref().unwrap_or_default();
    assert_eq!(parse_number(actual, "件"), Ok(Decimal::from(9500)));
}

#[test]
fn utf8_with_and_without_a_bom() {
    let text = "目標コード,実績値\n⑴-ア-1,28\n";
    let with_bom = [UTF8_BOM, text.as_bytes()].concat();
    for (bytes, encoding) in [
        (with_bom.as_slice(), Encoding::Utf8Bom),
        (text.as_bytes(), Encoding::Utf8),
    ] {
        let file = read(bytes).expect("read");
        assert_eq!(file.encoding, encoding);
        assert_eq!(file.problems, []);
        assert_eq!(file.rows.len(), 1);
        assert_eq!(file.rows[0].goal, "⑴-ア-1", "the BOM is not in the header");
        assert_eq!(file.rows[0].code, goal(1, 'ア', 1));
        assert_eq!(file.rows[0].actual, some("28"));
        assert_eq!(file.rows[0].status, None, "no 状況 column");
    }
    let decoded = decode(&with_bom).expect("decoded");
    assert!(
        matches!(decoded.text, Cow::Borrowed(_)),
        "UTF-8 is not copied"
    );
    assert_eq!(decoded.text, text);
}

#[test]
fn a_byte_that_is_not_shift_jis_is_an_error_with_its_line() {
    let _lang = pin_thread(Lang::En);
    // 0x85 0x40 is an unassigned row of CP932; 0xA0 and 0xFD–0xFF are no lead byte; a lead
    // byte before a line feed is cut short.
    for (bad, line) in [
        (&b"\x85\x40"[..], 3),
        (b"\xA0", 3),
        (b"\xFD", 3),
        (b"\x82\n", 3),
    ] {
        let mut bytes = cp932("目標,実績値\r\n1-ア-1,5\r\n2-イ-1,");
        bytes.extend_from_slice(bad);
        bytes.extend_from_slice(&cp932("\r\n3-ウ-1,6\r\n"));
        assert_eq!(
            read(&bytes),
            Err(DecodeError::NotShiftJis { line }),
            "{bad:?}"
        );
    }
    let err = decode(b"goal,actual\n1-a-1,\x81").expect_err("cut short at the end");
    assert_eq!(err, DecodeError::NotShiftJis { line: 2 });
    assert!(
        err.to_string()
            .starts_with("line 2: these bytes are neither UTF-8 nor Shift_JIS"),
        "{err}"
    );
    // After a BOM, the file said UTF-8: Shift_JIS is not tried.
    let mut bytes = [UTF8_BOM, "目標,実績値\n".as_bytes()].concat();
    bytes.extend_from_slice(&cp932("1-ア-1,５"));
    assert_eq!(decode(&bytes), Err(DecodeError::NotUtf8 { line: 2 }));
    assert_eq!(decode(b"\xFF\xFEg\0"), Err(DecodeError::Utf16));
}

#[test]
fn the_errors_are_said_in_japanese_too() {
    let _lang = pin_thread(Lang::Ja);
    let err = DecodeError::NotShiftJis { line: 4 };
    assert!(err.to_string().starts_with("4行目: "), "{err}");
    let file = read_str("1-ア-1\n");
    assert!(
        file.problems[0]
            .message
            .starts_with("セルが1個しかありません"),
        "{}",
        file.problems[0]
    );
    assert!(file.problems[0].to_string().starts_with("1行目: セルが"));
}

/// tassei's own export, as it wrote it: 26 rows, and the `'` it put before a cell that
/// starts like a formula is gone.
#[test]
fn the_export_reads_back_with_its_guard_stripped() {
    let mut plan = sheet::bundled().expect("bundled");
    let goals: Vec<&mut crate::model::Goal> = plan
        .initiatives
        .iter_mut()
        .flat_map(|i| i.goals.iter_mut())
        .collect();
    let guarded = ["=1+1 で計算", "-", "＋８１", "-5 は負の数ではない"];
    let mut evaluations = Vec::new();
    for (i, g) in goals.into_iter().enumerate() {
        if let Some(text) = guarded.get(i) {
            g.evaluation = (*text).to_string();
        }
        evaluations.push(g.evaluation.clone());
    }
    let mut bytes = Vec::new();
    write_csv(&mut bytes, records(&plan)).expect("written");
    let written = String::from_utf8(bytes.clone()).expect("utf-8");
    assert!(written.contains(",'=1+1 で計算"), "the export guarded it");
    let file = read(&bytes).expect("read");
    assert_eq!(file.encoding, Encoding::Utf8Bom);
    assert_eq!(file.layout, Layout::Export);
    assert_eq!(file.problems, []);
    assert_eq!(file.rows.len(), 26);
    let read_back: Vec<String> = file
        .rows
        .iter()
        .map(|r| r.evaluation.clone().unwrap_or_default())
        .collect();
    assert_eq!(read_back, evaluations);
    let first = &file.rows[0];
    assert_eq!(
        (first.line, first.goal.as_str(), first.code),
        (2, "1-ア-1", goal(1, 'ア', 1)),
        "found by its code column"
    );
    assert_eq!(
        first.status, None,
        "the export's status is a grade, not a 状況"
    );
    let codes: Vec<GoalRef> = file.rows.iter().map(|r| r.code).collect();
    let sheet_codes: Vec<GoalRef> = plan.goals().map(|(code, _)| code).collect();
    assert_eq!(codes, sheet_codes);
    let composite = file
        .rows
        .iter()
        .find(|r| r.code == goal(1, 'オ', 1))
        .expect("⑴-オ-1");
    assert_eq!(
        composite.actual,
        some("13回 / 263名"),
        "as the export wrote it"
    );
}

/// The export's columns this reader names by position are the record's fields of that name.
#[test]
fn the_export_columns_read_are_the_records_fields() {
    let plan = sheet::bundled().expect("bundled");
    let record = records(&plan).next().expect("a record");
    let json = serde_json::to_value(&record).expect("json");
    let field = |name: &str| json.get(name).cloned().expect(name);
    assert_eq!(field(CSV_HEADER[0]), serde_json::json!(record.initiative));
    assert_eq!(field(CSV_HEADER[2]), serde_json::json!(record.goal));
    assert_eq!(field(CSV_HEADER[8]), serde_json::json!(record.actual));
    assert_eq!(field(CSV_HEADER[10]), serde_json::json!(record.status));
    assert_eq!(field(CSV_HEADER[16]), serde_json::json!(record.evaluation));
    assert_eq!(field(CSV_HEADER[17]), serde_json::json!(record.code));
}

#[test]
fn english_headers_in_any_order_and_case() {
    let file = read_str(" Evaluation ,GOAL,actual,status\n順調,2-イ-7,15,完了\n");
    assert_eq!(file.layout, Layout::Named);
    assert_eq!(file.problems, []);
    assert_eq!(
        file.rows,
        [CsvRow {
            line: 2,
            goal: "2-イ-7".into(),
            code: goal(2, 'イ', 7),
            actual: some("15"),
            status: some("完了"),
            evaluation: some("順調"),
        }]
    );
}

/// データ saved as CSV: the initiative in a column of its own, the goal shown as `目標1`.
#[test]
fn an_initiative_column_joins_the_goal_number() {
    let file = read_str("取り組み事項,目標,実績値,評価,評価内容\n1-ア,目標1,28,達成,順調\n");
    assert_eq!(file.problems, []);
    assert_eq!(file.rows[0].goal, "1-ア-目標1");
    assert_eq!(file.rows[0].code, goal(1, 'ア', 1));
    assert_eq!(file.rows[0].status, None, "評価 is the grade, not 状況");
    assert_eq!(file.rows[0].evaluation, some("順調"));
}

#[test]
fn headerless_rows_with_and_without_the_optional_cells() {
    let file = read_str(
        "1-ア-1,9500\r\n\r\n,,,\r\n(1)ア2,'=A1,未着手\r\n⑴-ア-3,,中止,\"二行の\n評価\"\r\n1-ア-4,'5\r\n",
    );
    assert_eq!(file.layout, Layout::Headerless);
    assert_eq!(file.problems, []);
    type Seen<'a> = (
        usize,
        &'a str,
        Option<&'a str>,
        Option<&'a str>,
        Option<&'a str>,
    );
    let rows: Vec<Seen<'_>> = file
        .rows
        .iter()
        .map(|r| {
            (
                r.line,
                r.goal.as_str(),
                r.actual.as_deref(),
                r.status.as_deref(),
                r.evaluation.as_deref(),
            )
        })
        .collect();
    assert_eq!(
        rows,
        [
            (1, "1-ア-1", Some("9500"), None, None),
            (4, "(1)ア2", Some("=A1"), Some("未着手"), None),
            (5, "⑴-ア-3", Some(""), Some("中止"), Some("二行の\n評価")),
            (7, "1-ア-4", Some("'5"), None, None),
        ]
    );
}

#[test]
fn a_goal_that_is_no_code_is_left_out_and_the_others_read() {
    let _lang = pin_thread(Lang::En);
    let file = read_str("目標,実績値\n1-ア-1,5\nxyz,6\n1-ア,7\n,8\n1-ア-2,9\n");
    let lines: Vec<usize> = file.rows.iter().map(|r| r.line).collect();
    assert_eq!(lines, [2, 6]);
    let problems: Vec<String> = file.problems.iter().map(ToString::to_string).collect();
    assert_eq!(problems.len(), 3);
    assert!(
        problems[0].starts_with("line 3: \"xyz\" is not a goal code"),
        "{problems:?}"
    );
    assert!(problems[1].starts_with("line 4: \"1-ア\" is not a goal code"));
    assert!(problems[2].starts_with("line 5: \"\" is not a goal code"));
    // Joined with its initiative, the code is quoted as joined.
    let file = read_str("initiative,goal,actual\n9-ン,x,1\n");
    assert_eq!(file.problems.len(), 1);
    assert!(
        file.problems[0]
            .message
            .starts_with("\"9-ン-x\" is not a goal code")
    );
}

#[test]
fn a_row_with_too_few_cells_is_left_out() {
    let _lang = pin_thread(Lang::En);
    let file = read_str("1-ア-1,5\n1-ア-2\n1-ア-3,7\n");
    assert_eq!(file.rows.len(), 2);
    assert_eq!(
        file.problems,
        [CsvProblem {
            line: 2,
            message: "the row has 1 of the 2 cells it needs; it was left out".into(),
        }]
    );
    let file = read_str("評価内容,状況,実績値,目標\n順調,完了\n");
    assert_eq!(file.problems[0].line, 2);
    assert!(
        file.problems[0]
            .message
            .starts_with("the row has 2 of the 4 cells")
    );
}

#[test]
fn an_unknown_header_reads_nothing() {
    let _lang = pin_thread(Lang::En);
    for text in ["番号,値\n1-ア-1,5\n", "目標,評価内容\n1-ア-1,順調\n"] {
        let file = read_str(text);
        assert_eq!(file.rows, [], "{text:?}");
        assert_eq!(file.problems.len(), 1);
        let problem = file.problems[0].to_string();
        assert!(problem.starts_with("line 1: the first row ("), "{problem}");
        assert!(
            problem.contains("目標, 目標コード, コード, code, goal"),
            "{problem}"
        );
    }
    assert_eq!(read_str("").rows, []);
    assert_eq!(read_str("").problems, []);
}

#[test]
fn the_guard_is_stripped_only_where_the_export_puts_it() {
    for (cell, read) in [
        ("'=1+1", "=1+1"),
        ("'-", "-"),
        ("'＋８１", "＋８１"),
        ("'@SUM(A1)", "@SUM(A1)"),
        ("'-5", "'-5"),
        ("'5", "'5"),
        ("'", "'"),
        ("''=1", "''=1"),
        ("=1", "=1"),
        ("-5", "-5"),
        ("順調", "順調"),
    ] {
        assert_eq!(unguard(cell), read, "{cell:?}");
    }
}

#[test]
fn what_survives_cp932() {
    for (c, survives) in [
        ('⑴', false),
        ('〜', false), // U+301C WAVE DASH: CP932 has ～ in its place
        ('～', true),  // U+FF5E
        ('𠮷', false),
        ('①', true),  // NEC row 13
        ('髙', true), // IBM extension
        ('−', false), // U+2212 comes back as －
        ('ア', true),
        ('ｱ', true),
    ] {
        assert_eq!(
            survives_cp932(&c.to_string()),
            survives,
            "{c} U+{:04X}",
            c as u32
        );
    }
    assert!(survives_cp932("1-ア-1 ９，５００件 ～ 髙橋"));
    assert!(!survives_cp932("⑴-ア-1"));
    assert_eq!(not_in_cp932("⑴-ア-1 〜 ⑴ 𠮷野家 ～"), ['⑴', '〜', '𠮷']);
    assert_eq!(not_in_cp932("1-ア-1"), []);
}

#[test]
fn text_lost_to_question_marks() {
    assert!(lost_to_question_marks("⑴-ア-1 の評価", "?-ア-1 の評価"));
    assert!(lost_to_question_marks("𠮷野家 〜 ⑵", "?野家 ? ?"));
    assert!(
        lost_to_question_marks("𠮷野家", "??野家"),
        "two UTF-16 units"
    );
    assert!(
        lost_to_question_marks("𠮷?", "???"),
        "a ? of the text's own after"
    );
    assert!(!lost_to_question_marks("𠮷", "???"));
    assert!(!lost_to_question_marks("〜", "??"), "one unit, one ?");
    // Nothing to lose: a ? is a change, and the same text is no loss.
    assert!(!lost_to_question_marks("順調", "順?"));
    assert!(!lost_to_question_marks("順調", "順調"));
    assert!(
        !lost_to_question_marks("⑴ 順調", "⑴ 順調"),
        "not lost at all"
    );
    // Lost, and changed besides: a change.
    assert!(!lost_to_question_marks("⑴ 順調", "? 遅れ"));
    assert!(!lost_to_question_marks("⑴ 順調", "? 順調。"));
    assert!(!lost_to_question_marks("⑴ 順調", ""));
}

/// `text` as Excel on Japanese Windows saves it as "CSV (カンマ区切り)" (CP932): a character
/// CP932 lacks becomes `?`, one per UTF-16 unit (𠮷 becomes `??`).
fn cp932_lossy(text: &str) -> Vec<u8> {
    let mut encoder = SHIFT_JIS.new_encoder();
    let mut out = Vec::with_capacity(text.len() * 2);
    let mut rest = text;
    loop {
        let mut buffer = [0_u8; 4096];
        let (result, read, written) =
            encoder.encode_from_utf8_without_replacement(rest, &mut buffer, true);
        out.extend_from_slice(&buffer[..written]);
        rest = &rest[read..];
        match result {
            encoding_rs::EncoderResult::InputEmpty => return out,
            encoding_rs::EncoderResult::OutputFull => {}
            encoding_rs::EncoderResult::Unmappable(c) => {
                out.extend(std::iter::repeat_n(b'?', c.len_utf16()));
            }
        }
    }
}

/// The export saved again by Excel as "CSV (カンマ区切り)": `initiative` reads `?-ア`, and the
/// `code` column still finds every goal; the text CP932 lost reads as lost, not as a change.
#[test]
fn the_export_through_cp932_finds_every_goal_by_its_code() {
    let mut plan = sheet::bundled().expect("bundled");
    let wave = "〜𠮷野家と協議した";
    if let Some(g) = plan
        .initiatives
        .first_mut()
        .and_then(|i| i.goals.first_mut())
    {
        g.evaluation = wave.to_string();
    }
    let mut bytes = Vec::new();
    write_csv(&mut bytes, records(&plan)).expect("written");
    let text = String::from_utf8(bytes).expect("utf-8");
    let saved = cp932_lossy(text.trim_start_matches('\u{FEFF}'));
    let file = read(&saved).expect("read");
    assert_eq!(file.encoding, Encoding::ShiftJis);
    assert_eq!(file.layout, Layout::Export);
    assert_eq!(file.problems, [], "no row is lost to ?");
    let codes: Vec<GoalRef> = file.rows.iter().map(|r| r.code).collect();
    let sheet_codes: Vec<GoalRef> = plan.goals().map(|(code, _)| code).collect();
    assert_eq!(codes, sheet_codes);
    let evaluation = |code: GoalRef| {
        let row = file.rows.iter().find(|r| r.code == code).expect("a row");
        row.evaluation.clone().unwrap_or_default()
    };
    let first = evaluation(goal(1, 'ア', 1));
    assert_eq!(first, "???野家と協議した", "〜, and 𠮷 as two halves");
    assert!(lost_to_question_marks(wave, &first));
    let two_i_6 = plan
        .goal(goal(2, 'イ', 6))
        .map(|(_, g)| g.evaluation.clone())
        .expect("⑵-イ-6");
    assert!(two_i_6.contains('⑴'), "{two_i_6}");
    assert!(lost_to_question_marks(
        &two_i_6,
        &evaluation(goal(2, 'イ', 6))
    ));
}

/// An export made before it had a `code` column, edited and returned, is still the export.
#[test]
fn an_export_without_the_code_column_is_still_the_export() {
    let plan = sheet::bundled().expect("bundled");
    let mut bytes = Vec::new();
    write_csv(&mut bytes, records(&plan)).expect("written");
    let text = String::from_utf8(bytes).expect("utf-8");
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(text.trim_start_matches('\u{FEFF}').as_bytes());
    let mut writer = csv::Writer::from_writer(Vec::new());
    for record in reader.records() {
        let record = record.expect("csv");
        let before_code: Vec<&str> = record.iter().take(CSV_HEADER_BEFORE_CODE).collect();
        writer.write_record(before_code).expect("written");
    }
    let old = String::from_utf8(writer.into_inner().expect("flushed")).expect("utf-8");
    assert!(
        old.lines()
            .next()
            .is_some_and(|h| h.ends_with(",evaluation"))
    );
    let file = read_str(&old);
    assert_eq!(file.layout, Layout::Export);
    assert_eq!(file.problems, []);
    assert_eq!(file.rows.len(), 26);
    assert!(
        file.rows.iter().all(|r| r.status.is_none()),
        "the grade is not read"
    );
    assert_eq!(file.rows[0].goal, "⑴-ア-1");
}

#[test]
fn a_key_column_is_read_first_and_must_agree_with_the_goal_shown() {
    let _lang = pin_thread(Lang::En);
    let file = read_str(
        "取り組み事項,目標,実績値,目標コード\n\
         ?-ア,1,28,1-ア-1\n\
         ⑴-ア,2,30,1-ア-3\n\
         ⑴-ア,4,5,\n\
         ?-ア,5,5,\n",
    );
    let found: Vec<(usize, &str)> = file
        .rows
        .iter()
        .map(|r| (r.line, r.goal.as_str()))
        .collect();
    assert_eq!(found, [(2, "1-ア-1"), (4, "⑴-ア-4")]);
    let problems: Vec<String> = file.problems.iter().map(ToString::to_string).collect();
    assert_eq!(problems.len(), 2, "{problems:?}");
    assert_eq!(
        problems[0],
        "line 3: the code column says \"1-ア-3\" but the row shows the goal \"⑴-ア-2\"; \
         correct one of them (the row was left out)"
    );
    assert!(problems[1].starts_with("line 5: \"?-ア-5\" is not a goal code: saved as CSV"));
    assert!(problems[1].contains("write it with plain digits, as 1-ア-1"));
    // A key alone is a goal column.
    let file = read_str("code,actual\n1-ア-1,28\n");
    assert_eq!(file.problems, []);
    assert_eq!(file.rows[0].code, goal(1, 'ア', 1));
}

/// The previous year's columns come after `code`: an export with them filled reads its own
/// year's actual, and one made before they existed (ending at `code`) is still the export.
#[test]
fn the_previous_years_columns_are_not_read_and_an_export_without_them_still_is_one() {
    let plan = sheet::bundled().expect("bundled");
    let with_previous = records(&plan).map(|mut r| {
        r.previous_fiscal_year = Some(2022);
        r.previous_actual = Some("1".to_string());
        r.previous_achievement = Some("1".to_string());
        r
    });
    let mut bytes = Vec::new();
    write_csv(&mut bytes, with_previous).expect("written");
    let file = read(&bytes).expect("read");
    assert_eq!(file.layout, Layout::Export);
    assert_eq!(file.problems, []);
    assert_eq!(file.rows[0].actual, some("9016"), "this year's actual");

    let text = String::from_utf8(bytes).expect("utf-8");
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(text.trim_start_matches('\u{FEFF}').as_bytes());
    let mut writer = csv::Writer::from_writer(Vec::new());
    for record in reader.records() {
        let record = record.expect("csv");
        let to_code: Vec<&str> = record.iter().take(CSV_HEADER_BEFORE_CODE + 1).collect();
        writer.write_record(to_code).expect("written");
    }
    let old = String::from_utf8(writer.into_inner().expect("flushed")).expect("utf-8");
    assert!(old.lines().next().is_some_and(|h| h.ends_with(",code")));
    let file = read_str(&old);
    assert_eq!(file.layout, Layout::Export);
    assert_eq!(file.problems, []);
    assert_eq!(file.rows.len(), 26);
    assert_eq!(file.rows[0].code, goal(1, 'ア', 1));
}
