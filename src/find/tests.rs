use std::time::Instant;

use super::*;
use crate::model::GoalPos;
use crate::sheet;

fn codes(plan: &Plan, query: &str) -> Vec<String> {
    find(plan, query)
        .iter()
        .map(|f| f.goal.to_string())
        .collect()
}

#[test]
fn a_code_finds_exactly_that_goal() {
    let plan = sheet::bundled().expect("bundled");
    assert_eq!(codes(&plan, "2-イ-7"), ["⑵-イ-7"]);
    assert_eq!(codes(&plan, "2イ7"), ["⑵-イ-7"]);
    assert_eq!(codes(&plan, "（２）－イ－７"), ["⑵-イ-7"]);
    assert_eq!(codes(&plan, "1-ウ"), ["⑴-ウ-1", "⑴-ウ-2"]);
}

#[test]
fn titles_rank_above_methods_and_activities() {
    let plan = sheet::bundled().expect("bundled");
    let hits = find(&plan, "コンビニ");
    let top: Vec<String> = hits.iter().take(3).map(|f| f.goal.to_string()).collect();
    assert_eq!(top, ["⑴-ウ-1", "⑵-イ-7", "⑵-イ-8"]);
    assert!(hits[..3].iter().all(|f| f.place == Place::Title));
    assert!(
        hits[3..].iter().all(|f| f.place > Place::Title),
        "the rest mention it elsewhere: {hits:?}"
    );
}

#[test]
fn widths_and_kana_are_forgiven() {
    let plan = sheet::bundled().expect("bundled");
    let want = codes(&plan, "コンビニ");
    assert_eq!(codes(&plan, "ｺﾝﾋﾞﾆ"), want);
    assert_eq!(codes(&plan, "こんびに"), want);
    assert_eq!(codes(&plan, "ｓｎｓ"), codes(&plan, "SNS"));
    assert_eq!(search_fold("ﾊﾟﾌﾞｳﾞ"), "パブヴ");
}

#[test]
fn every_word_must_match_and_numbers_find_figures() {
    let plan = sheet::bundled().expect("bundled");
    assert_eq!(
        codes(&plan, "電子申請 400時間")[..1],
        ["⑵-イ-6".to_string()]
    );
    let by_number = find(&plan, "216");
    assert_eq!(by_number[0].goal.to_string(), "⑵-イ-7");
    assert_eq!(by_number[0].place, Place::Title);
    assert_eq!(codes(&plan, "55,016"), ["⑶-イ-1"]);
    assert!(find(&plan, "存在しない語").is_empty());
    assert!(find(&plan, "　").is_empty());
}

#[test]
fn electronic_applications_are_found_by_title_first() {
    let plan = sheet::bundled().expect("bundled");
    let hits = find(&plan, "電子申請");
    let titled: Vec<String> = hits
        .iter()
        .filter(|f| f.place == Place::Title)
        .map(|f| f.goal.to_string())
        .collect();
    assert_eq!(titled, ["⑴-ア-1", "⑴-ア-2", "⑵-イ-6"]);
    assert_eq!(
        hits[..3]
            .iter()
            .map(|f| f.goal.to_string())
            .collect::<Vec<_>>(),
        titled
    );
}

#[test]
fn typing_more_narrows_to_the_same_hits_as_a_fresh_search() {
    let plan = sheet::bundled().expect("bundled");
    for (previous, query) in [
        ("コ", "コンビニ"),
        ("電子", "電子申請 400"),
        ("ｺﾝﾋ", "ｺﾝﾋﾞ"),
        ("1-ウ", "1-ウ-2"),
        ("2", "216"),
        ("コンビニ", "コンビ"),
    ] {
        let mut first = Search::new(&plan, previous);
        first.run(&plan, None);
        let mut search = first.narrowed(&plan, query);
        search.run(&plan, None);
        assert_eq!(
            search.into_hits(),
            find(&plan, query),
            "{previous} → {query}"
        );
    }
}

#[test]
fn a_search_run_a_slice_at_a_time_finds_what_one_run_finds() {
    let plan = crate::scale::plan("slices", 10, 20, 7);
    for query in ["コンビニ", "研修 第2回", "電子申請の利用件数", "該当なし"] {
        let mut search = Search::new(&plan, query);
        let mut slices = 0;
        // A deadline already passed: each run looks at one batch of 64 goals.
        while !search.run(&plan, Some(Instant::now())) {
            slices += 1;
        }
        assert!(slices >= 3, "{query}: 200 goals take several slices");
        assert_eq!(search.into_hits(), find(&plan, query), "{query}");
    }
    // A search narrowed before it finished finds what a fresh one does.
    let mut first = Search::new(&plan, "研修");
    first.run(&plan, Some(Instant::now()));
    assert!(!first.is_done());
    let mut narrowed = first.narrowed(&plan, "研修 第2回");
    narrowed.run(&plan, None);
    assert_eq!(narrowed.into_hits(), find(&plan, "研修 第2回"));
}

#[test]
fn a_large_search_split_between_two_threads_finds_what_one_thread_finds() {
    let plan = crate::scale::plan("threads", 60, 100, 5);
    let positions: Vec<GoalPos> = plan.positions().collect();
    for query in ["コンビニ", "研修 第2回", "該当なし"] {
        let mut sliced = Search::new(&plan, query);
        while !sliced.run(&plan, Some(Instant::now())) {}
        // The reference: every goal looked at in order on this thread, ranked the same way.
        let mut reference = scan::scan(&Words::new(query), &plan, &positions, Want::All);
        reference.sort_by_key(|f| std::cmp::Reverse(f.score));
        assert_eq!(sliced.into_hits(), reference, "{query}");
    }
}

#[test]
fn a_scan_forced_onto_two_threads_finds_what_one_thread_finds() {
    let plan = crate::scale::plan("forced", 10, 30, 4);
    let positions: Vec<GoalPos> = plan.positions().collect();
    let scan_all = |parallel_from: usize, query: &str| {
        let mut scanner =
            Scanner::new(Words::new(query), positions.clone()).parallel_from(parallel_from);
        let mut hits = vec![];
        while !scanner.run(&plan, Some(Instant::now()), Want::All, |round| {
            hits.extend(round);
            std::ops::ControlFlow::Continue(())
        }) {}
        hits
    };
    for query in ["コンビニ", "研修 第2回", "該当なし"] {
        assert_eq!(scan_all(0, query), scan_all(usize::MAX, query), "{query}");
    }
}

// ---- the `/` search: a phrase in the code, title or 積算方法 -----------------------------------

#[test]
fn a_phrase_is_found_in_codes_titles_and_methods() {
    let plan = sheet::bundled().expect("bundled");
    let hits = |q: &str| -> Vec<String> {
        let Some(phrase) = Phrase::new(q) else {
            return vec![];
        };
        let positions: Vec<GoalPos> = plan.positions().collect();
        scan::scan(&phrase, &plan, &positions, Want::All)
            .into_iter()
            .filter_map(|at| at.goal_ref(&plan))
            .map(|r| format!("{}-{}", r.initiative, r.goal))
            .collect()
    };
    assert_eq!(hits("2-イ-7"), ["⑵-イ-7"]);
    assert_eq!(hits("（２）－イ－７"), ["⑵-イ-7"]);
    assert_eq!(hits("コンビニ"), ["⑴-ウ-1", "⑵-イ-7", "⑵-イ-8"]);
    assert_eq!(hits("ｓｎｓ"), ["⑶-イ-1"]);
    assert!(hits("").is_empty());
    assert!(Phrase::new(" \u{3000}").is_none());
}

/// The first match walking `order` one goal at a time on this thread.
fn reference(plan: &Plan, text: &str, order: impl Iterator<Item = GoalPos>) -> Option<GoalPos> {
    let phrase = Phrase::new(text).expect("a query");
    let mut haystacks = haystack::Haystacks::default();
    order
        .into_iter()
        .find(|p| phrase.look_at(plan, *p, &mut haystacks).is_some())
}

fn walk_to(plan: &Plan, text: &str, from: Option<GoalPos>, walk: Walk) -> Option<GoalPos> {
    let mut first = FirstMatch::new(plan, text, from, walk).expect("a query");
    loop {
        // A deadline already passed: one round per call.
        if let Some(answer) = first.run(plan, Some(Instant::now())) {
            return answer;
        }
    }
}

#[test]
fn counting_says_which_match_of_how_many() {
    let plan = sheet::bundled().expect("bundled");
    let count = |text: &str, at: Option<&str>| {
        let at = at.and_then(|code| plan.position(code.parse().expect("code")));
        let mut count = Count::new(&plan, text, at).expect("a query");
        loop {
            if let Some(answer) = count.run(&plan, Some(Instant::now())) {
                return answer;
            }
        }
    };
    assert_eq!(count("コンビニ", Some("2-イ-7")), (2, 3));
    assert_eq!(count("該当なし", None), (0, 0));
    assert!(Count::new(&plan, "  ", None).is_none());
}

#[test]
fn walks_wrap_around_the_sheet_both_ways() {
    let plan = sheet::bundled().expect("bundled");
    let at = |code: &str| plan.position(code.parse().expect("code"));
    let code = |p: Option<GoalPos>| {
        p.and_then(|at| at.goal_ref(&plan))
            .map(|r| format!("{}-{}", r.initiative, r.goal))
    };
    let from = at("2-イ-7");
    assert_eq!(
        code(walk_to(&plan, "コンビニ", from, Walk::Forward)).as_deref(),
        Some("⑵-イ-8")
    );
    assert_eq!(
        code(walk_to(&plan, "コンビニ", from, Walk::Backward)).as_deref(),
        Some("⑴-ウ-1")
    );
    assert_eq!(
        code(walk_to(&plan, "コンビニ", from, Walk::OnwardFrom)).as_deref(),
        Some("⑵-イ-7")
    );
    let last = at("2-イ-8");
    assert_eq!(
        code(walk_to(&plan, "コンビニ", last, Walk::Forward)).as_deref(),
        Some("⑴-ウ-1")
    );
    assert_eq!(
        code(walk_to(&plan, "コンビニ", at("1-ウ-1"), Walk::Backward)).as_deref(),
        Some("⑵-イ-8")
    );
    assert_eq!(
        walk_to(&plan, "コンビニ", at("3-イ-1"), Walk::OnwardFrom),
        None
    );
}

#[test]
fn rounds_split_between_threads_find_the_first_match_in_order() {
    // 6,000 goals: enough for rounds shared by two threads.
    let plan = crate::scale::plan("jump", 60, 100, 9);
    let all: Vec<GoalPos> = plan.positions().collect();
    let middle = all[3_000];
    let mut found = 0;
    for text in [
        "オープンデータの利用件数を9",
        "(2)-イ-7",
        "該当なし",
        "SNS発信の利用件数を19",
    ] {
        found += usize::from(reference(&plan, text, all.iter().copied()).is_some());
        assert_eq!(
            walk_to(&plan, text, None, Walk::Forward),
            reference(&plan, text, all.iter().copied()),
            "{text} forward"
        );
        assert_eq!(
            walk_to(&plan, text, None, Walk::Backward),
            reference(&plan, text, all.iter().rev().copied()),
            "{text} backward"
        );
        let after = all[3_001..].iter().chain(&all[..=3_000]).copied();
        assert_eq!(
            walk_to(&plan, text, Some(middle), Walk::Forward),
            reference(&plan, text, after),
            "{text} from the middle"
        );
        let backward = all[..3_000]
            .iter()
            .rev()
            .chain(all[3_000..].iter().rev())
            .copied();
        assert_eq!(
            walk_to(&plan, text, Some(middle), Walk::Backward),
            reference(&plan, text, backward),
            "{text} backward from the middle"
        );
        let onward = all[3_000..].iter().copied();
        assert_eq!(
            walk_to(&plan, text, Some(middle), Walk::OnwardFrom),
            reference(&plan, text, onward),
            "{text} onward"
        );
    }
    assert_eq!(found, 3, "all but 該当なし are in the plan");
}
