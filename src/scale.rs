//! Large plans for benchmarks and scale tests (not a user feature): `plans` plans of
//! `initiatives_per_plan` initiatives of `goals_per_initiative` goals, every formula kind, with
//! Japanese titles and methods and activities, built deterministically from a seed.

use rust_decimal::Decimal;

use crate::model::{
    Activity, ActivityId, ActivityStatus, Direction, FiscalYear, FormulaKind, Goal, GoalId,
    Initiative, InitiativeCode, InitiativeId, MilestoneState, Part, PartId, Period, Plan, PlanId,
    PolicyArea, Thresholds, Uid, Value,
};

const KANA: &str =
    "アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワ";
const SUBJECTS: [&str; 8] = [
    "電子申請",
    "コンビニ交付",
    "マイナンバーカード",
    "スマホ講習会",
    "ペーパーレス",
    "SNS発信",
    "移住定住",
    "オープンデータ",
];
/// Twenty sections, as a city hall's plan names them: a section's handout carries about a
/// tenth of the goals (the first-named section of a goal fills it; the other one shares it).
const SECTIONS: [&str; 20] = [
    "デジタル政策係",
    "総務係",
    "市民係",
    "協働推進係",
    "地域創造係",
    "政策推進係",
    "マイナンバー推進係",
    "情報政策係",
    "企画係",
    "財政係",
    "人事係",
    "税務係",
    "保険年金係",
    "子育て支援係",
    "健康増進係",
    "商工観光係",
    "農林水産係",
    "都市計画係",
    "教育総務係",
    "危機管理係",
];
/// The generated plans' year, in which their 時期 are read.
const FISCAL_YEAR: FiscalYear = FiscalYear(2023);

const PERIODS: [&str; 5] = [
    "R５.５",
    "R６.２まで",
    "R５.７～Ｒ６．２",
    "R５.６～",
    "R６.３まで",
];

/// A cheap deterministic generator.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
}

/// One generated plan with `initiatives` × `goals_per_initiative` goals.
pub fn plan(slug: &str, initiatives: usize, goals_per_initiative: usize, seed: u64) -> Plan {
    let mut rng = Rng(seed.max(1));
    let mut ids = 0i64;
    let mut next_id = || {
        ids += 1;
        ids
    };
    let initiatives: Vec<Initiative> = (0..initiatives)
        .map(|i| {
            let area = u8::try_from(i / KANA.chars().count() + 1).unwrap_or(u8::MAX);
            let kana = KANA.chars().nth(i % KANA.chars().count()).unwrap_or('ア');
            let goals = (0..goals_per_initiative)
                .map(|g| goal(&mut rng, g, &mut next_id))
                .collect();
            Initiative {
                id: InitiativeId(next_id()),
                uid: Uid::NONE,
                code: InitiativeCode { area, kana },
                title: format!("{}の推進 {}", SUBJECTS[i % SUBJECTS.len()], i + 1),
                goals,
            }
        })
        .collect();
    let mut areas: Vec<u8> = initiatives.iter().map(|i| i.code.area).collect();
    areas.dedup();
    Plan {
        id: PlanId(1),
        uid: Uid::NONE,
        slug: slug.to_string(),
        municipality: "テスト市".to_string(),
        title: format!("DX推進計画 {slug}"),
        fiscal_year: FISCAL_YEAR,
        thresholds: Thresholds::default(),
        source: "generated for benchmarks".to_string(),
        areas: areas
            .into_iter()
            .map(|number| PolicyArea {
                number,
                title: String::new(),
            })
            .collect(),
        initiatives,
        links: Default::default(),
    }
}

fn goal(rng: &mut Rng, g: usize, next_id: &mut impl FnMut() -> i64) -> Goal {
    let subject = SUBJECTS[usize::try_from(rng.below(SUBJECTS.len() as u64)).unwrap_or(0)];
    let formula = match rng.below(10) {
        0 => FormulaKind::Milestone,
        1 => FormulaKind::Composite,
        2 => FormulaKind::LowerIsBetter,
        3 => FormulaKind::FromBaseline,
        _ => FormulaKind::Ratio,
    };
    let target = Decimal::from(rng.below(20_000) + 1);
    let actual = Decimal::new(i64::try_from(rng.below(3_000_000)).unwrap_or(0), 2);
    let baseline = Decimal::from(rng.below(5_000));
    let (baseline, target_value, actual_value) = match formula {
        FormulaKind::Milestone => (
            Value::Text("未導入".into()),
            Value::Text("構築".into()),
            Value::Text("構築".into()),
        ),
        FormulaKind::Composite => (Value::None, Value::None, Value::None),
        FormulaKind::FromBaseline => (
            Value::Number(baseline),
            Value::Number(target + baseline),
            Value::Number(actual),
        ),
        _ => (Value::None, Value::Number(target), Value::Number(actual)),
    };
    let parts = if formula == FormulaKind::Composite {
        (0..2)
            .map(|k| Part {
                id: PartId(next_id()),
                uid: Uid::NONE,
                label: if k == 0 {
                    "開催回数".into()
                } else {
                    "参加者数".into()
                },
                unit: if k == 0 { "回".into() } else { "名".into() },
                target: Decimal::from(rng.below(100) + 1),
                actual: Some(Decimal::from(rng.below(300))),
                note: String::new(),
            })
            .collect()
    } else {
        vec![]
    };
    let activities = (0..2)
        .map(|k| Activity {
            id: ActivityId(next_id()),
            uid: Uid::NONE,
            content: format!("{subject}について職員向け研修を実施する（第{}回）", k + 1),
            period: Period::parse(
                PERIODS[usize::try_from(rng.below(PERIODS.len() as u64)).unwrap_or(0)],
                FISCAL_YEAR,
            ),
            sections: vec![
                SECTIONS[usize::try_from(rng.below(SECTIONS.len() as u64)).unwrap_or(0)]
                    .to_string(),
            ],
            status: ActivityStatus::Todo,
        })
        .collect();
    Goal {
        id: GoalId(next_id()),
        uid: Uid::NONE,
        number: u32::try_from(g + 1).unwrap_or(u32::MAX),
        title: format!("{subject}の利用件数を{}件以上にする", target),
        note: String::new(),
        unit: "件".to_string(),
        calc_method: format!(
            "{subject}の年間件数を集計する\n【基準値→R4年度，目標値･実績値→R5年度】"
        ),
        formula,
        direction: if formula == FormulaKind::LowerIsBetter {
            Direction::Lower
        } else {
            Direction::Higher
        },
        precision: 0,
        allow_negative: false,
        baseline,
        target: target_value,
        actual: actual_value,
        milestone: (formula == FormulaKind::Milestone).then_some(MilestoneState::Achieved),
        parts,
        evaluation: format!(
            "{subject}の取組を進めた結果，一定の成果があった。引き続き改善を図る。"
        ),
        printed_achievement: None,
        page: None,
        activities,
        activities_from: None,
        derivations: vec![],
        notes: vec![],
    }
}
