//! Identity that outlives row ids: the data file reuses a row id after a delete, a uid never.

use std::fmt;
use std::str::FromStr;

/// A plan's, initiative's, goal's, part's or activity's identity for good: 128 random bits,
/// written as 32 lowercase hex digits (the form the data file stores and the change log names).
///
/// A plan read from a plan file has no uids yet ([`Uid::NONE`]); the store draws fresh ones
/// when it writes the plan, so importing the same file twice gives two sets of uids.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct Uid(u128);

/// Text that is not a uid.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("\"{0}\" is not a uid (32 lowercase hex digits)")]
pub struct UidError(pub String);

impl Uid {
    /// Not stored yet: the rows of a plan read from a file.
    pub const NONE: Uid = Uid(0);

    /// True for [`Uid::NONE`].
    pub fn is_none(self) -> bool {
        self == Self::NONE
    }
}

impl FromStr for Uid {
    type Err = UidError;

    /// Exactly 32 lowercase hex digits, as the schema's CHECK allows.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let well_formed =
            s.len() == 32 && s.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'));
        match u128::from_str_radix(s, 16) {
            Ok(bits) if well_formed => Ok(Uid(bits)),
            _ => Err(UidError(s.to_string())),
        }
    }
}

impl fmt::Display for Uid {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:032x}", self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_and_writes_the_stored_form() {
        let text = "0f3a9c00000000000000000000000001";
        let uid: Uid = text.parse().expect("a uid");
        assert_eq!(uid.to_string(), text, "leading zeros are kept");
        assert!(!uid.is_none());
        assert_eq!(Uid::NONE.to_string(), "0".repeat(32));
    }

    #[test]
    fn refuses_anything_else() {
        for bad in [
            "",
            "0f3a",
            "0F3A9C00000000000000000000000001",
            "0f3a9c0000000000000000000000000g",
            "+f3a9c00000000000000000000000001",
            "0f3a9c000000000000000000000000011",
        ] {
            assert_eq!(bad.parse::<Uid>(), Err(UidError(bad.to_string())), "{bad}");
        }
    }
}
