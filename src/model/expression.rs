//! The arithmetic a sheet states for a figure: `3,609 × 3分 ÷ 60`, `28,787件 × 15％ × 3分 ÷ 60`,
//! `(91.5 + 93.0) ÷ 2`. Numbers may carry a unit (`％` means hundredths); `×` `÷` bind tighter
//! than `+` `-`; parentheses group. Parsing keeps the text as written for display.

use std::fmt;

use rust_decimal::Decimal;

use super::fold::fold_char;
use super::number::parse_number;
use crate::strings::strings;

/// A parsed expression and the text it was parsed from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Expression {
    text: String,
    tree: Node,
}

/// A node of the expression.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Node {
    /// A number as written, with its unit (`3分`, `15％`).
    Number { value: Decimal, unit: String },
    Binary {
        op: Op,
        left: Box<Node>,
        right: Box<Node>,
    },
}

/// An arithmetic operator.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Op {
    Add,
    Sub,
    Mul,
    Div,
}

impl Node {
    /// True for a number in percent, which counts as hundredths: `15％` is 0.15.
    pub fn is_percent(unit: &str) -> bool {
        matches!(unit, "％" | "%")
    }
}

/// Why an expression could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("\"{text}\": {reason}")]
pub struct ExpressionError {
    pub text: String,
    pub reason: String,
}

impl Expression {
    pub fn parse(text: &str) -> Result<Expression, ExpressionError> {
        let err = |reason: &str| ExpressionError {
            text: text.trim().to_string(),
            reason: reason.to_string(),
        };
        let tokens = tokenize(text).map_err(|r| err(&r))?;
        if tokens.is_empty() {
            return Err(err(strings().errors.values.expression.empty));
        }
        let mut parser = Parser { tokens, at: 0 };
        let tree = parser.sum().map_err(|r| err(&r))?;
        if parser.at < parser.tokens.len() {
            return Err(err(strings().errors.values.expression.trailing));
        }
        Ok(Expression {
            text: text.trim().to_string(),
            tree,
        })
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    pub fn tree(&self) -> &Node {
        &self.tree
    }
}

impl fmt::Display for Expression {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

#[derive(Debug, Clone, PartialEq)]
enum Token {
    Number(Decimal, String),
    Op(Op),
    Open,
    Close,
}

fn tokenize(text: &str) -> Result<Vec<Token>, String> {
    let chars: Vec<char> = text.chars().collect();
    let mut tokens = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let folded = fold_char(c);
        match folded {
            _ if c.is_whitespace() || c == '\u{3000}' => i += 1,
            '×' | '*' | 'x' => {
                tokens.push(Token::Op(Op::Mul));
                i += 1;
            }
            '÷' | '/' => {
                tokens.push(Token::Op(Op::Div));
                i += 1;
            }
            '+' => {
                tokens.push(Token::Op(Op::Add));
                i += 1;
            }
            '-' => {
                tokens.push(Token::Op(Op::Sub));
                i += 1;
            }
            '(' => {
                tokens.push(Token::Open);
                i += 1;
            }
            ')' => {
                tokens.push(Token::Close);
                i += 1;
            }
            d if d.is_ascii_digit() || d == '.' => {
                let start = i;
                while i < chars.len() && matches!(fold_char(chars[i]), '0'..='9' | '.' | ',') {
                    i += 1;
                }
                let number: String = chars[start..i].iter().collect();
                let unit_start = i;
                while i < chars.len() && is_unit_char(chars[i]) {
                    i += 1;
                }
                let unit: String = chars[unit_start..i].iter().collect();
                let value = parse_number(&number, "").map_err(|e| e.to_string())?;
                tokens.push(Token::Number(value, unit));
            }
            other => return Err((strings().errors.values.expression.not_a_token)(other)),
        }
    }
    Ok(tokens)
}

/// A unit is letters after a number: 件 分 ％ 時間 名, not an operator or bracket.
fn is_unit_char(c: char) -> bool {
    let f = fold_char(c);
    !(c.is_whitespace()
        || f.is_ascii_digit()
        || matches!(
            f,
            '×' | '*' | '÷' | '/' | '+' | '-' | '(' | ')' | '.' | ',' | 'x'
        ))
}

struct Parser {
    tokens: Vec<Token>,
    at: usize,
}

impl Parser {
    fn peek(&self) -> Option<&Token> {
        self.tokens.get(self.at)
    }

    fn sum(&mut self) -> Result<Node, String> {
        let mut left = self.product()?;
        while let Some(Token::Op(op @ (Op::Add | Op::Sub))) = self.peek().cloned() {
            self.at += 1;
            let right = self.product()?;
            left = Node::Binary {
                op,
                left: Box::new(left),
                right: Box::new(right),
            };
        }
        Ok(left)
    }

    fn product(&mut self) -> Result<Node, String> {
        let mut left = self.operand()?;
        while let Some(Token::Op(op @ (Op::Mul | Op::Div))) = self.peek().cloned() {
            self.at += 1;
            let right = self.operand()?;
            left = Node::Binary {
                op,
                left: Box::new(left),
                right: Box::new(right),
            };
        }
        Ok(left)
    }

    fn operand(&mut self) -> Result<Node, String> {
        match self.tokens.get(self.at).cloned() {
            Some(Token::Number(value, unit)) => {
                self.at += 1;
                Ok(Node::Number { value, unit })
            }
            Some(Token::Open) => {
                self.at += 1;
                let inner = self.sum()?;
                if self.peek() != Some(&Token::Close) {
                    return Err(strings().errors.values.expression.not_closed.to_string());
                }
                self.at += 1;
                Ok(inner)
            }
            Some(Token::Close) => Err(strings().errors.values.expression.not_opened.to_string()),
            Some(Token::Op(_)) | None => Err(strings()
                .errors
                .values
                .expression
                .missing_number
                .to_string()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::strings::{Lang, pin_thread};

    fn n(v: &str, unit: &str) -> Node {
        Node::Number {
            value: v.parse().expect("decimal"),
            unit: unit.to_string(),
        }
    }

    fn bin(op: Op, l: Node, r: Node) -> Node {
        Node::Binary {
            op,
            left: Box::new(l),
            right: Box::new(r),
        }
    }

    #[test]
    fn reads_the_sheets_arithmetic() {
        let e = Expression::parse("3,609 × 3分 ÷ 60").expect("valid");
        assert_eq!(
            e.tree(),
            &bin(
                Op::Div,
                bin(Op::Mul, n("3609", ""), n("3", "分")),
                n("60", "")
            )
        );
        assert_eq!(e.to_string(), "3,609 × 3分 ÷ 60");
        let e = Expression::parse("28,787件×15％×３分/60").expect("valid");
        assert!(matches!(e.tree(), Node::Binary { op: Op::Div, .. }));
    }

    #[test]
    fn products_bind_tighter_and_parentheses_group() {
        let e = Expression::parse("(91.5 + 93.0) ÷ 2").expect("valid");
        assert_eq!(
            e.tree(),
            &bin(
                Op::Div,
                bin(Op::Add, n("91.5", ""), n("93.0", "")),
                n("2", "")
            )
        );
        let e = Expression::parse("1 + 2 × 3").expect("valid");
        assert_eq!(
            e.tree(),
            &bin(Op::Add, n("1", ""), bin(Op::Mul, n("2", ""), n("3", "")))
        );
    }

    #[test]
    fn says_what_is_wrong() {
        // Asserts English words: English whatever the process chose.
        let _lang = pin_thread(Lang::En);
        for (text, reason) in [
            ("", "empty: write the arithmetic, e.g. 3,609 × 3分 ÷ 60"),
            ("3 ×", "a number is missing"),
            ("(3 + 4", "a \"(\" is not closed"),
            ("3 ) ", "unexpected text after the expression"),
            ("3 # 4", "\"#\" is not a number, unit or operator"),
            ("9.0.1 × 2", "two decimal points: \"9.0.1\""),
        ] {
            assert_eq!(
                Expression::parse(text).expect_err(text).reason,
                reason,
                "{text:?}"
            );
        }
    }
}
