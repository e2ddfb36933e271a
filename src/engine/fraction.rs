//! Exact arithmetic for achievement: fractions of i128 that overflow into an error, never a
//! wrong answer, and rounded once, half away from zero (四捨五入).

use rust_decimal::Decimal;

use super::NotComputable;

/// An exact fraction `num / den` with `den > 0`, remembering the decimal it came from for display.
/// Every operation is checked: overflow gives `TooLarge`, never a wrong answer.
#[derive(Debug, Clone, Copy)]
pub(super) struct Fraction {
    /// Numerator and denominator, reduced.
    num: i128,
    den: i128,
    /// The decimal it came from, shown in a worked calculation.
    pub(super) source: Option<Decimal>,
}

impl Fraction {
    pub(super) const ZERO: Fraction = Fraction {
        num: 0,
        den: 1,
        source: None,
    };
    pub(super) const HUNDRED: Fraction = Fraction {
        num: 100,
        den: 1,
        source: None,
    };

    pub(super) fn from_decimal(d: Decimal) -> Self {
        // A Decimal is mantissa / 10^scale with scale ≤ 28, and 10^28 fits in an i128.
        let den = 10i128.pow(d.scale());
        Self::reduced(d.mantissa(), den).map_or(
            Self {
                num: 0,
                den: 1,
                source: None,
            },
            |f| Self {
                source: Some(d),
                ..f
            },
        )
    }

    pub(super) fn reduced(num: i128, den: i128) -> Option<Self> {
        if den == 0 {
            return None;
        }
        let divisor = gcd(num, den).max(1);
        let (mut num, mut den) = (num / divisor, den / divisor);
        if den < 0 {
            num = num.checked_neg()?;
            den = den.checked_neg()?;
        }
        Some(Self {
            num,
            den,
            source: None,
        })
    }

    pub(super) fn is_zero(self) -> bool {
        self.num == 0
    }

    pub(super) fn add(self, o: Self) -> Result<Self, NotComputable> {
        (|| {
            let num = self
                .num
                .checked_mul(o.den)?
                .checked_add(o.num.checked_mul(self.den)?)?;
            Self::reduced(num, self.den.checked_mul(o.den)?)
        })()
        .ok_or(NotComputable::TooLarge)
    }

    pub(super) fn sub(self, o: Self) -> Result<Self, NotComputable> {
        let negated = Self {
            num: o.num.checked_neg().ok_or(NotComputable::TooLarge)?,
            ..o
        };
        self.add(negated)
    }

    pub(super) fn mul(self, o: Self) -> Result<Self, NotComputable> {
        // Cross-reduce first so products stay small.
        let (a, d) = (gcd(self.num, o.den).max(1), gcd(o.num, self.den).max(1));
        (|| {
            Self::reduced(
                (self.num / a).checked_mul(o.num / d)?,
                (self.den / d).checked_mul(o.den / a)?,
            )
        })()
        .ok_or(NotComputable::TooLarge)
    }

    /// Callers check the divisor is not zero first, to give the specific reason.
    pub(super) fn div(self, o: Self) -> Result<Self, NotComputable> {
        if o.num == 0 {
            return Err(NotComputable::TooLarge);
        }
        self.mul(
            Self {
                num: o.den,
                den: o.num,
                source: None,
            }
            .normalised()
            .ok_or(NotComputable::TooLarge)?,
        )
    }

    fn normalised(self) -> Option<Self> {
        Self::reduced(self.num, self.den)
    }

    /// Rounds half away from zero to `dp` decimals. `None` when the result does not fit.
    pub(super) fn round(self, dp: u32) -> Option<Decimal> {
        let scale = 10i128.checked_pow(dp)?;
        let scaled = self.num.checked_mul(scale)?;
        let (quotient, remainder) = (scaled / self.den, scaled % self.den);
        let away = remainder.checked_abs()?.checked_mul(2)? >= self.den;
        let rounded = if away {
            quotient + scaled.signum()
        } else {
            quotient
        };
        Decimal::try_from_i128_with_scale(rounded, dp).ok()
    }
}

/// The greatest common divisor, 1 when it does not fit.
fn gcd(a: i128, b: i128) -> i128 {
    let (mut a, mut b) = (a.unsigned_abs(), b.unsigned_abs());
    while b != 0 {
        (a, b) = (b, a % b);
    }
    i128::try_from(a).unwrap_or(1)
}
