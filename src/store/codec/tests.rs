//! The codec's tests: words read back, damage named, and the scan that keeps stored words here.

use super::*;
use crate::strings::{Lang, pin_thread};

#[test]
fn an_origin_keeps_its_file_and_how_it_was_settled() {
    for settled in [
        None,
        Some(Settled::ReturnedPreferred),
        Some(Settled::ClearConfirmed),
    ] {
        let text = origin_text("市民係.xlsx", settled);
        assert_eq!(origin_of_text(&text), ("市民係.xlsx".to_string(), settled));
    }
    // A name written before the words were, line break and all, is a name.
    assert_eq!(origin_of_text("a\nb.csv"), ("a\nb.csv".to_string(), None));
}

#[test]
fn decimals_keep_their_scale_through_text() {
    for s in ["15.00", "9016", "-0.5", "79228162514264337593543950335"] {
        let d = decimal(s, "test").expect("valid");
        assert_eq!(decimal_text(&d), s);
    }
}

#[test]
fn damage_names_the_place() {
    // Asserts English words: English whatever the process chose.
    let _lang = pin_thread(Lang::En);
    let err = decimal("abc", "goal 3 target").expect_err("not a number");
    assert_eq!(
        err.to_string(),
        "the data file is damaged: goal 3 target holds \"abc\", which is not a number"
    );
}

#[test]
fn values_use_one_column_each() {
    let n = Value::Number(Decimal::from(5));
    assert_eq!(value_columns(&n), (Some("5".into()), None));
    let (a, b) = value_columns(&Value::Text("未導入".into()));
    assert_eq!(
        value(a, b, "x").expect("valid"),
        Value::Text("未導入".into())
    );
    assert_eq!(value(None, None, "x").expect("valid"), Value::None);
}

#[test]
fn a_goal_code_with_a_bad_letter_is_damage() {
    // Asserts English words: English whatever the process chose.
    let _lang = pin_thread(Lang::En);
    let code = goal_ref(1, "ア", 2, 7).expect("valid");
    assert_eq!(code.to_string(), "⑴-ア-2");
    for bad in ["", "アイ"] {
        let err = goal_ref(1, bad, 2, 7).expect_err("damaged");
        assert_eq!(
            err.to_string(),
            format!("the data file is damaged: initiative 7 has the code letter \"{bad}\"")
        );
    }
}

#[test]
fn every_field_word_reads_back_as_its_field() {
    for key in FieldKey::ALL {
        assert_eq!(logged_field(field_word(key)), LoggedField::Field(key));
        assert!(!stored(key).columns.is_empty(), "{key:?}");
    }
    assert_eq!(logged_field("import"), LoggedField::Import);
    assert_eq!(
        logged_field("budget"),
        LoggedField::Unknown("budget".into())
    );
    assert_eq!(entity_of_word("part"), Some(EntityKind::Part));
    assert_eq!(entity_of_word("plan"), None);
}

#[test]
fn logged_values_read_back_as_written() {
    let date = CalendarDate::from_stored("2026-11-28").expect("date");
    for (key, v) in [
        (
            FieldKey::Actual,
            FieldValue::Value(Value::Text("未導入".into())),
        ),
        (FieldKey::Actual, FieldValue::Value(Value::None)),
        (
            FieldKey::Target,
            FieldValue::Value(Value::Number(Decimal::new(9500, 2))),
        ),
        (
            FieldKey::Target,
            FieldValue::Value(Value::Text("稼働".into())),
        ),
        (FieldKey::Baseline, FieldValue::Value(Value::None)),
        (FieldKey::Title, FieldValue::Text("有効申請率".into())),
        (
            FieldKey::Precision,
            FieldValue::Number(Some(Decimal::from(2))),
        ),
        (FieldKey::Unit, FieldValue::Text(String::new())),
        (
            FieldKey::CalcMethod,
            FieldValue::Text("令和6年2月末時点".into()),
        ),
        (
            FieldKey::PartActual,
            FieldValue::Number(Some(Decimal::new(1550, 2))),
        ),
        (FieldKey::Evaluation, FieldValue::Text("順調".into())),
        (
            FieldKey::Note(NoteField::Due),
            FieldValue::Note {
                date,
                text: "2026-12-15".into(),
            },
        ),
    ] {
        let encoded = encode_value(&v);
        assert_eq!(decode_value(key, encoded.as_deref()), Some(v), "{key:?}");
    }
    assert_eq!(
        encode_value(&FieldValue::Number(Some(Decimal::new(1550, 2)))).as_deref(),
        Some("\"15.50\""),
        "the scale is kept"
    );
    assert_eq!(decode_value(FieldKey::Evaluation, Some("not json")), None);
}

/// A stored word spelled outside this file is a second vocabulary that can drift from
/// [`field_word`] and [`entity_word`]: every other layer names a field by [`FieldKey`] and a
/// row by [`EntityKind`]. Field words are looked for as Rust literals (`"actual"`), entity
/// words and the import row's words inside single-quoted SQL (`'goal'`).
/// Only where the same word is another format's key may it appear, each place named here
/// with why; an entry that excuses nothing is stale and fails too.
#[test]
fn field_words_are_spelled_only_in_the_codec() {
    const ALLOWED: &[(&str, &str, &str)] = &[
        // The plan file's JSON keys (a goal's "actual", "evaluation", "milestone"; a
        // derivation's figure "actual"): the file format clerks exchange, not the log's words.
        ("src/sheet/", "actual", "plan-file key"),
        ("src/sheet/", "evaluation", "plan-file key"),
        ("src/sheet/", "milestone", "plan-file key"),
        ("src/sheet/", "target", "plan-file key"),
        ("src/sheet/", "baseline", "plan-file key"),
        ("src/sheet/", "title", "plan-file key"),
        ("src/sheet/", "unit", "plan-file key"),
        ("src/sheet/", "calc_method", "plan-file key"),
        ("src/sheet/", "precision", "plan-file key"),
        // An English word a clerk reads ("title" in the finder and in `tassei find`), not a
        // stored one.
        ("src/strings/en/", "title", "English word"),
        ("src/model/plan.rs", "actual", "Figure's plan-file word"),
        ("src/model/plan.rs", "target", "Figure's plan-file word"),
        // `tassei set GOAL calc_method`: the command line's word for the field.
        ("src/cli/set.rs", "calc_method", "CLI field word"),
        // `tassei set GOAL part N unit|target VALUE`: the command line's words for a part's.
        ("src/cli/set.rs", "unit", "CLI field word"),
        ("src/cli/set.rs", "target", "CLI field word"),
        // `tassei set --plan-field title TEXT`: the command line's word for the plan's title.
        ("src/cli/set/outline.rs", "title", "CLI field word"),
        ("src/model/plan.rs", "baseline", "Figure's plan-file word"),
        ("src/model/plan.rs", "milestone", "FormulaKind's word"),
        // The export's column headers, a format of their own.
        ("src/report/export.rs", "actual", "export column"),
        ("src/report/export.rs", "evaluation", "export column"),
        ("src/report/export.rs", "target", "export column"),
        ("src/report/export.rs", "baseline", "export column"),
        ("src/report/export.rs", "title", "export column"),
        ("src/report/export.rs", "unit", "export column"),
        ("src/report/export.rs", "calc_method", "export column"),
        // Loading reads the tables' columns by name (some share a field's word), and its
        // damage messages name the column.
        ("src/store/load.rs", "actual", "SQL column"),
        ("src/store/load.rs", "milestone", "SQL column"),
        ("src/store/load.rs", "evaluation", "SQL column"),
        ("src/store/load.rs", "target", "SQL column"),
        ("src/store/load.rs", "title", "SQL column"),
        ("src/store/load.rs", "unit", "SQL column"),
        ("src/store/load.rs", "calc_method", "SQL column"),
        ("src/store/load.rs", "precision", "SQL column"),
        // The finder's label for a hit in a title: the search's own word.
        ("src/find/haystack.rs", "title", "finder place label"),
        ("src/store/load.rs", "baseline", "SQL column"),
        // A past upgrade step is history: its SQL must stay as it ran.
        ("src/store/migrate.rs", IMPORT_FIELD, "past migration"),
    ];
    let fields: Vec<&str> = FieldKey::ALL.iter().map(|k| field_word(*k)).collect();
    let entities = [EntityKind::Goal, EntityKind::Part, EntityKind::Activity].map(entity_word);
    // (what is looked for, the word an allow-list entry names). `"note_` finds every note
    // word; the others must be whole literals.
    let mut looked_for: Vec<(String, &str)> =
        fields.iter().map(|w| (format!("\"{w}\""), *w)).collect();
    looked_for.push(("\"note_".into(), "note_"));
    let rows = entities.iter().chain(&[PLAN_ENTITY, IMPORT_FIELD]);
    looked_for.extend(rows.map(|w| (format!("'{w}'"), *w)));
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = vec![root.join("src")];
    let mut found = Vec::new();
    let mut used = vec![false; ALLOWED.len()];
    while let Some(path) = files.pop() {
        if path.is_dir() {
            let entries = std::fs::read_dir(&path).expect("src is readable");
            files.extend(entries.map(|e| e.expect("entry").path()));
            continue;
        }
        let name = path
            .strip_prefix(root)
            .expect("under the crate")
            .to_string_lossy()
            .replace('\\', "/");
        if !name.ends_with(".rs")
            || name == "src/store/codec.rs"
            || name.starts_with("src/store/codec/")
        {
            continue;
        }
        let text = std::fs::read_to_string(&path).expect("a source file");
        for (n, line) in text.lines().enumerate() {
            for (literal, word) in &looked_for {
                if !line.contains(literal.as_str()) {
                    continue;
                }
                let allowed = ALLOWED
                    .iter()
                    .position(|(file, w, _)| name.starts_with(file) && w == word);
                match allowed {
                    Some(entry) => used[entry] = true,
                    None => found.push(format!("{name}:{}: {}", n + 1, line.trim())),
                }
            }
        }
    }
    assert!(
        found.is_empty(),
        "stored words outside store/codec.rs (name the field by FieldKey, the row by \
         EntityKind, and bind the word as an SQL parameter):\n{}",
        found.join("\n")
    );
    let stale: Vec<String> = ALLOWED
        .iter()
        .zip(&used)
        .filter(|(_, used)| !**used)
        .map(|((file, word, why), _)| format!("{file} {word:?} ({why})"))
        .collect();
    assert!(
        stale.is_empty(),
        "allow-list entries that excuse nothing (remove them):\n{}",
        stale.join("\n")
    );
}

#[test]
fn outline_words_and_values_read_back() {
    for field in OutlineField::ALL {
        assert_eq!(
            logged_field(outline_word(field)),
            LoggedField::Outline(field)
        );
        assert!(
            field_of_word(outline_word(field)).is_none(),
            "not a goal's field"
        );
    }
    let bands = OutlineValue::Thresholds(Thresholds {
        achieved: Decimal::new(955, 1),
        near: Decimal::from(80),
    });
    let encoded = encode_outline(&bands);
    assert_eq!(encoded, r#"{"achieved":"95.5","near":"80"}"#);
    assert_eq!(
        decode_outline(OutlineField::Thresholds, Some(&encoded)),
        Some(bands.clone())
    );
    assert_eq!(
        decode_outline(OutlineField::PlanTitle, Some(&encoded)),
        None
    );
    let title = OutlineValue::Text("指宿市DX推進計画".into());
    assert_eq!(
        decode_outline(OutlineField::InitiativeTitle, Some(&encode_outline(&title))),
        Some(title)
    );
    assert_eq!(
        outline_value(
            OutlineField::Thresholds,
            vec!["100".into(), "x".into()],
            "plan 1"
        )
        .map_err(|_| ()),
        Err(()),
        "a damaged band is reported, not guessed"
    );
}
