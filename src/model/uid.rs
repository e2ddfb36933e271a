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
#[error("{}", (crate::strings::strings().errors.values.not_uid)(.0))]
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

    /// Exactly 32 lowercase hex digits, as the schema's CHECK allows. Decoded by hand, in two
    /// 64-bit halves: a plan of 100,000 goals reads 300,000 uids as it opens, and
    /// `u128::from_str_radix` made that load a sixth slower.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let bad = || UidError(s.to_string());
        let bytes = s.as_bytes();
        if bytes.len() != 32 {
            return Err(bad());
        }
        let half = |digits: &[u8]| -> Option<u64> {
            digits.iter().try_fold(0u64, |acc, b| {
                let nibble = match b {
                    b'0'..=b'9' => b - b'0',
                    b'a'..=b'f' => b - b'a' + 10,
                    _ => return None,
                };
                Some(acc << 4 | u64::from(nibble))
            })
        };
        let (high, low) = bytes.split_at(16);
        match (half(high), half(low)) {
            (Some(h), Some(l)) => Ok(Uid(u128::from(h) << 64 | u128::from(l))),
            _ => Err(bad()),
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
    fn every_digit_reads_back() {
        for text in [
            "0123456789abcdef0123456789abcdef",
            "fedcba9876543210fedcba9876543210",
            "ffffffffffffffffffffffffffffffff",
            "00000000000000010000000000000000",
        ] {
            assert_eq!(
                text.parse::<Uid>().map(|u| u.to_string()),
                Ok(text.to_string())
            );
        }
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
