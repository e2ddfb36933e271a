//! Finding goals by what people type in a meeting: a code (`2-イ-7`, `2イ7`), a number
//! (`216`), or Japanese words (`コンビニ`, `電子申請`). Matches are ranked by where they were
//! found — a title beats a figure, which beats a 積算方法, which beats the narrative or an
//! activity — and are tolerant of full-/half-width and of hiragana/katakana differences.
//! Shared by `tassei find` and the TUI's finder.

use std::time::Instant;

use crate::model::fold::fold_char;
use crate::model::{Goal, GoalRef, Grouped, InitiativeCode, Plan, Value};

/// Where a query word was found, best first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Place {
    Code,
    Title,
    Note,
    Figures,
    CalcMethod,
    Evaluation,
    Activities,
}

impl Place {
    fn weight(self) -> u32 {
        match self {
            Place::Code => 1000,
            Place::Title => 100,
            Place::Note => 70,
            Place::Figures => 60,
            Place::CalcMethod => 50,
            Place::Evaluation => 20,
            Place::Activities => 10,
        }
    }

    /// How a hit is labelled in the finder.
    pub fn label(self) -> &'static str {
        match self {
            Place::Code => "code",
            Place::Title => "title",
            Place::Note => "note",
            Place::Figures => "figures",
            Place::CalcMethod => "積算方法",
            Place::Evaluation => "評価内容",
            Place::Activities => "実施内容",
        }
    }
}

/// A goal that matches, with where its best match was.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub goal: GoalRef,
    /// Positions of the initiative and goal in the plan.
    pub position: (usize, usize),
    pub place: Place,
    pub score: u32,
}

/// Goals matching every word of `query`, best first, then in sheet order.
pub fn find(plan: &Plan, query: &str) -> Vec<Found> {
    let mut search = Search::new(plan, query);
    search.run(plan, None);
    search.into_hits()
}

/// A finder query worked through a slice at a time: on a plan of 100,000 goals a full scan
/// takes a few hundred milliseconds, so the TUI runs it for a few milliseconds per frame and
/// a keystroke never waits for it. [`find`] runs one to the end.
#[derive(Debug, Clone)]
pub struct Search {
    query: String,
    words: Vec<String>,
    /// The goals to look at, in sheet order, and how far the search has got.
    positions: Vec<(usize, usize)>,
    next: usize,
    found: Vec<Found>,
    done: bool,
}

impl Search {
    /// A search of every goal (a code query is answered at once).
    pub fn new(plan: &Plan, query: &str) -> Self {
        let all = plan.positions().collect();
        Self::among(plan, query, all)
    }

    /// The search for `query` typed after this one's. Typing one more character can only
    /// narrow a word search, so only this search's hits so far and the goals it has not yet
    /// looked at are searched; anything else starts afresh.
    pub fn narrowed(&self, plan: &Plan, query: &str) -> Self {
        let narrowed = narrows(&self.query, query)
            && by_code(plan, &self.query).is_none()
            && by_code(plan, trimmed(query)).is_none();
        if !narrowed {
            return Self::new(plan, query);
        }
        // Hits so far are all before the goals not yet seen, so the order stays sheet order.
        let mut positions: Vec<(usize, usize)> = self.found.iter().map(|f| f.position).collect();
        positions.sort_unstable();
        positions.extend_from_slice(self.positions.get(self.next..).unwrap_or_default());
        Self::among(plan, query, positions)
    }

    fn among(plan: &Plan, query: &str, positions: Vec<(usize, usize)>) -> Self {
        let query = trimmed(query);
        let mut search = Self {
            query: query.to_string(),
            words: search_fold(query)
                .split_whitespace()
                .map(str::to_string)
                .collect(),
            positions,
            next: 0,
            found: vec![],
            done: false,
        };
        if query.is_empty() {
            search.done = true;
        } else if let Some(found) = by_code(plan, query) {
            search.found = found;
            search.done = true;
        }
        search
    }

    pub fn is_done(&self) -> bool {
        self.done
    }

    /// Looks at goals until every one has been seen or `deadline` passes; true when done.
    ///
    /// Goals are taken in rounds, and the clock read between them. While many goals remain, a
    /// round is split between this thread and a second one: on two cores a search of 100,000
    /// goals is done in about half the time.
    pub fn run(&mut self, plan: &Plan, deadline: Option<Instant>) -> bool {
        const ROUND: usize = 64;
        const PARALLEL_ROUND: usize = 1024;
        while !self.done {
            let rest = self.positions.get(self.next..).unwrap_or_default();
            if rest.is_empty() {
                // A stable sort keeps sheet order among equal scores.
                self.found.sort_by_key(|f| std::cmp::Reverse(f.score));
                self.done = true;
                break;
            }
            let (round, hits) = if rest.len() >= 4 * PARALLEL_ROUND {
                let (first, second) = rest[..PARALLEL_ROUND].split_at(PARALLEL_ROUND / 2);
                let hits = std::thread::scope(|scope| {
                    let other = scope.spawn(|| self.scan(plan, second));
                    let mut hits = self.scan(plan, first);
                    // A worker that failed is made up for here.
                    hits.extend(other.join().unwrap_or_else(|_| self.scan(plan, second)));
                    hits
                });
                (PARALLEL_ROUND, hits)
            } else {
                let round = rest.len().min(ROUND);
                (round, self.scan(plan, &rest[..round]))
            };
            self.next += round;
            self.found.extend(hits);
            if deadline.is_some_and(|d| Instant::now() >= d) {
                break;
            }
        }
        self.done
    }

    /// The hits among `positions`, in their order.
    fn scan(&self, plan: &Plan, positions: &[(usize, usize)]) -> Vec<Found> {
        let mut haystacks = Haystacks::default();
        positions
            .iter()
            .filter_map(|&position| self.look_at(plan, position, &mut haystacks))
            .collect()
    }

    /// The hits, best first, then in sheet order (complete once the search is done).
    pub fn hits(&self) -> &[Found] {
        &self.found
    }

    pub fn into_hits(self) -> Vec<Found> {
        self.found
    }

    fn look_at<'p>(
        &self,
        plan: &'p Plan,
        (i, g): (usize, usize),
        haystacks: &mut Haystacks<'p>,
    ) -> Option<Found> {
        let ini = plan.initiatives.get(i)?;
        let goal = ini.goals.get(g)?;
        haystacks.start(plan, goal);
        let best: Vec<Place> = self
            .words
            .iter()
            .map(|w| haystacks.best_place(w))
            .collect::<Option<_>>()?;
        Some(Found {
            goal: GoalRef {
                initiative: ini.code,
                goal: goal.number,
            },
            position: (i, g),
            place: best.iter().copied().min().unwrap_or(Place::Activities),
            score: best.iter().map(|p| p.weight()).sum(),
        })
    }
}

/// True when every text containing `query` also contains `previous` (both folded): typing more
/// only narrows, except ﾞ and ﾟ, which change the kana before them.
pub fn narrows(previous: &str, query: &str) -> bool {
    let (previous, query) = (trimmed(previous), trimmed(query));
    !previous.is_empty()
        && query.starts_with(previous)
        && !query[previous.len()..].contains(['\u{FF9E}', '\u{FF9F}'])
}

fn trimmed(query: &str) -> &str {
    query.trim_matches(|c: char| c.is_whitespace() || c == '\u{3000}')
}

/// A query that is a goal code finds exactly that goal; an initiative code, its goals.
fn by_code(plan: &Plan, query: &str) -> Option<Vec<Found>> {
    let hit = |i: usize, g: usize| {
        let ini = &plan.initiatives[i];
        Found {
            goal: GoalRef {
                initiative: ini.code,
                goal: ini.goals[g].number,
            },
            position: (i, g),
            place: Place::Code,
            score: Place::Code.weight(),
        }
    };
    if let Ok(r) = query.parse::<GoalRef>() {
        let (i, g) = plan.position(r)?;
        return Some(vec![hit(i, g)]);
    }
    if let Ok(code) = query.parse::<InitiativeCode>() {
        let i = plan.initiatives.iter().position(|ini| ini.code == code)?;
        return Some(
            (0..plan.initiatives[i].goals.len())
                .map(|g| hit(i, g))
                .collect(),
        );
    }
    None
}

/// One goal's searchable texts by place, folded only when a word is looked for there. The
/// buffers are reused from goal to goal: searching 100,000 goals allocates almost nothing.
#[derive(Default)]
struct Haystacks<'a> {
    goal: Option<(&'a Plan, &'a Goal)>,
    /// Folded text per place, in [`PLACES`] order, and whether it is filled for this goal.
    folded: [String; 6],
    filled: [bool; 6],
    raw: String,
}

const PLACES: [Place; 6] = [
    Place::Title,
    Place::Note,
    Place::Figures,
    Place::CalcMethod,
    Place::Evaluation,
    Place::Activities,
];

impl<'a> Haystacks<'a> {
    fn start(&mut self, plan: &'a Plan, goal: &'a Goal) {
        self.goal = Some((plan, goal));
        self.filled = [false; 6];
    }

    /// The best place that contains `word`, searching places best first.
    fn best_place(&mut self, word: &str) -> Option<Place> {
        (0..PLACES.len())
            .find(|k| self.folded(*k).contains(word))
            .map(|k| PLACES[k])
    }

    fn folded(&mut self, k: usize) -> &str {
        if !self.filled[k] {
            self.filled[k] = true;
            self.folded[k].clear();
            if let Some((plan, goal)) = self.goal {
                let raw: &str = match PLACES[k] {
                    Place::Title => &goal.title,
                    Place::Note => &goal.note,
                    Place::CalcMethod => &goal.calc_method,
                    Place::Evaluation => &goal.evaluation,
                    Place::Figures => {
                        figures(goal, &mut self.raw);
                        &self.raw
                    }
                    Place::Code | Place::Activities => {
                        activities(plan, goal, &mut self.raw);
                        &self.raw
                    }
                };
                search_fold_into(raw, &mut self.folded[k]);
            }
        }
        &self.folded[k]
    }
}

/// The goal's figures as text: each value plain and grouped (`9016 9,016`), parts, the unit.
fn figures(goal: &Goal, out: &mut String) {
    use std::fmt::Write;
    out.clear();
    for v in [&goal.baseline, &goal.target, &goal.actual] {
        match v {
            Value::Number(n) => {
                let _ = write!(out, "{n} {} ", Grouped(n));
            }
            Value::Text(t) => {
                out.push_str(t);
                out.push(' ');
            }
            Value::None => {}
        }
    }
    for p in &goal.parts {
        let _ = write!(out, "{} {} ", p.label, p.target);
        if let Some(actual) = p.actual {
            let _ = write!(out, "{actual}");
        }
        out.push(' ');
    }
    out.push_str(&goal.unit);
}

/// The goal's activities (its own or the ones it shares) as text, one per line.
fn activities(plan: &Plan, goal: &Goal, out: &mut String) {
    out.clear();
    for a in plan.activities_of(goal) {
        out.push_str(&a.content);
        out.push(' ');
        out.push_str(a.period.raw());
        for section in &a.sections {
            out.push(' ');
            out.push_str(section);
        }
        out.push('\n');
    }
}

/// The full-width forms of half-width katakana U+FF66 (ｦ) to U+FF9D (ﾝ), in code order.
const FULL_KANA: &str = "ヲァィゥェォャュョッーアイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワン";

/// Text folded for matching only (never stored): full-width ASCII to ASCII, half-width katakana
/// to full-width (with ﾞ ﾟ), hiragana to katakana, lower case, one kind of space.
pub fn search_fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    search_fold_into(text, &mut out);
    out
}

/// [`search_fold`] appending to `out`. Each character is classified by its range first, so
/// the common ones (ASCII, kanji, katakana) cost a comparison or two.
pub fn search_fold_into(text: &str, out: &mut String) {
    for c in text.chars() {
        match c {
            'A'..='Z' => out.push(c.to_ascii_lowercase()),
            '\0'..='\u{7F}' => out.push(c),
            'ぁ'..='ゖ' => out.push(char::from_u32(c as u32 + 0x60).unwrap_or(c)),
            '\u{FF9E}' | '\u{FF9F}' => {
                // ﾞ / ﾟ voice the kana before them: カ → ガ, ハ → パ, ウ → ヴ.
                let step = if c == '\u{FF9E}' { 1 } else { 2 };
                if let Some(last) = out.pop() {
                    out.push(voiced(last, step).unwrap_or(last));
                }
            }
            '\u{FF66}'..='\u{FF9D}' => {
                let at = (c as u32 - 0xFF66) as usize;
                out.push(FULL_KANA.chars().nth(at).unwrap_or(c));
            }
            'ー' => out.push(c),
            _ => {
                let c = fold_char(c);
                if c.is_ascii() {
                    out.push(c.to_ascii_lowercase());
                } else {
                    out.extend(c.to_lowercase());
                }
            }
        }
    }
}

/// The kana that ﾞ (step 1) or ﾟ (step 2) makes of `kana`: each voiced form follows its base.
fn voiced(kana: char, step: u32) -> Option<char> {
    const VOICEABLE: &str = "カキクケコサシスセソタチツテトハヒフヘホ";
    match (kana, step) {
        ('ウ', 1) => Some('ヴ'),
        (k, 1) if VOICEABLE.contains(k) => char::from_u32(k as u32 + 1),
        (k, 2) if "ハヒフヘホ".contains(k) => char::from_u32(k as u32 + 2),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
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
    fn every_half_width_katakana_has_its_full_width_form() {
        assert_eq!(FULL_KANA.chars().count(), 0xFF9D - 0xFF66 + 1);
        assert_eq!(search_fold("ｦｧｯｰｱﾝ"), "ヲァッーアン");
        assert_eq!(search_fold("ＡＢＣabcＸ"), "abcabcx");
    }

    #[test]
    fn a_search_run_a_slice_at_a_time_finds_what_one_run_finds() {
        let plan = crate::scale::plan("slices", 10, 20, 7);
        for query in ["コンビニ", "研修 第2回", "電子申請の利用件数", "該当なし"]
        {
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
        let positions: Vec<(usize, usize)> = plan.positions().collect();
        for query in ["コンビニ", "研修 第2回", "該当なし"] {
            let mut sliced = Search::new(&plan, query);
            while !sliced.run(&plan, Some(Instant::now())) {}
            // The reference: every goal looked at in order on this thread, ranked the same way.
            let one = Search::new(&plan, query);
            let mut reference = one.scan(&plan, &positions);
            reference.sort_by_key(|f| std::cmp::Reverse(f.score));
            assert_eq!(sliced.into_hits(), reference, "{query}");
        }
    }
}
