//! The words of the text views both front ends share: a change as a clerk reads it (`saved
//! ⑴-ア-1 実績値 9,016 → 9,500`), the goal card as text, the summary, the minutes.

/// Every sentence of the shared text views, for one language.
pub struct Report {
    /// An empty text in a change (`(empty)`).
    pub empty: &'static str,
}

pub const EN: Report = Report { empty: "(empty)" };
