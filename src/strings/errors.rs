//! The words of refusals and failures: why a value, a file or an edit was not taken, and what to
//! do. Each error type's `Display` reads its sentence here.

/// Every error sentence, for one language.
pub struct Errors {
    /// The data file is busy with another tassei's write.
    pub busy: &'static str,
}

pub const EN: Errors = Errors {
    busy: "the data file is busy: another tassei is writing to it; try again in a moment",
};
