//! Reading a language's value files (`src/strings/en/cli.rs` …) as data: each `const` or
//! `static` whose value is a struct literal, with its fields — a string, a nested literal, or
//! any other expression (a closure, a path) kept as its tokens — and whether it fills the rest
//! with struct-update syntax (`..EN`). Enough Rust for the value files, not a parser of Rust.

use std::collections::BTreeMap;

/// A token of Rust source; comments and whitespace are dropped.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Token {
    /// An identifier, keyword or number.
    Word(String),
    /// A string literal's value, escapes undone.
    Str(String),
    /// `..`, `::`, `=>`, `->` or one punctuation character.
    Punct(String),
}

/// A struct literal: `Type { field: value, … }`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Literal {
    pub ty: String,
    pub fields: Vec<(String, Value)>,
    /// It ends in `..base`: fields taken from another value.
    pub update: bool,
}

/// A field's value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Value {
    /// A string literal (`&'static str`), as its value.
    Str(String),
    /// A struct literal written in place.
    Struct(Literal),
    /// Anything else, as its tokens joined: a closure, `HELP`, `super::en::tui::EN`.
    Expr(String),
}

impl Literal {
    /// The field named `name`, if written.
    pub fn field(&self, name: &str) -> Option<&Value> {
        self.fields.iter().find(|(n, _)| n == name).map(|(_, v)| v)
    }
}

/// The struct-literal items of a file: name → literal, in a stable order.
pub fn items(source: &str) -> BTreeMap<String, Literal> {
    let tokens = tokenize(source);
    let mut out = BTreeMap::new();
    let (mut i, mut depth) = (0, 0_i32);
    while i < tokens.len() {
        match &tokens[i] {
            Token::Punct(p) if matches!(p.as_str(), "{" | "(" | "[") => depth += 1,
            Token::Punct(p) if matches!(p.as_str(), "}" | ")" | "]") => depth -= 1,
            Token::Word(w) if depth == 0 && (w == "const" || w == "static") => {
                if let Some(Token::Word(name)) = tokens.get(i + 1) {
                    // The type, up to `=`; then the value.
                    let mut j = i + 2;
                    while j < tokens.len() && tokens[j] != Token::Punct("=".into()) {
                        j += 1;
                    }
                    let (value, end) = value(&tokens, j + 1);
                    if let Value::Struct(literal) = value {
                        out.insert(name.clone(), literal);
                    }
                    i = end;
                    continue;
                }
            }
            _ => {}
        }
        i += 1;
    }
    out
}

/// The value starting at `i`, and the index of the `,` `;` or closing bracket that ends it.
fn value(tokens: &[Token], mut i: usize) -> (Value, usize) {
    let start = i;
    if let (Some(Token::Word(ty)), Some(Token::Punct(open))) = (tokens.get(i), tokens.get(i + 1))
        && open == "{"
        && ty.starts_with(|c: char| c.is_ascii_uppercase())
    {
        let (literal, end) = literal(tokens, ty, i + 1);
        if ends_value(tokens.get(end)) {
            return (Value::Struct(literal), end);
        }
    }
    // A closure's parameters hold commas that end nothing: step over them.
    if tokens.get(i) == Some(&Token::Punct("|".into())) {
        i += 1;
        while i < tokens.len() && tokens[i] != Token::Punct("|".into()) {
            i += 1;
        }
        i += 1;
    }
    let mut depth = 0;
    while i < tokens.len() {
        match &tokens[i] {
            Token::Punct(p) if matches!(p.as_str(), "{" | "(" | "[") => depth += 1,
            Token::Punct(p) if matches!(p.as_str(), "}" | ")" | "]") => {
                if depth == 0 {
                    break;
                }
                depth -= 1;
            }
            Token::Punct(p) if depth == 0 && (p == "," || p == ";") => break,
            _ => {}
        }
        i += 1;
    }
    let value = match &tokens[start..i] {
        [Token::Str(s)] => Value::Str(s.clone()),
        rest => Value::Expr(rest.iter().map(text).collect()),
    };
    (value, i)
}

/// Whether a token ends a value: `,` `;` a closing bracket, or the end.
fn ends_value(token: Option<&Token>) -> bool {
    match token {
        None => true,
        Some(Token::Punct(p)) => matches!(p.as_str(), "," | ";" | "}" | ")" | "]"),
        Some(_) => false,
    }
}

/// The literal whose `{` is at `open`, and the index after its `}`.
fn literal(tokens: &[Token], ty: &str, open: usize) -> (Literal, usize) {
    let mut literal = Literal {
        ty: ty.to_string(),
        fields: Vec::new(),
        update: false,
    };
    let mut i = open + 1;
    while i < tokens.len() {
        match &tokens[i] {
            Token::Punct(p) if p == "}" => return (literal, i + 1),
            Token::Punct(p) if p == "," => i += 1,
            Token::Punct(p) if p == ".." => {
                literal.update = true;
                i = value(tokens, i + 1).1;
            }
            Token::Word(name) if tokens.get(i + 1) == Some(&Token::Punct(":".into())) => {
                let (v, end) = value(tokens, i + 2);
                literal.fields.push((name.clone(), v));
                i = end;
            }
            // Shorthand `name,`: the value is the variable of that name.
            Token::Word(name) => {
                literal
                    .fields
                    .push((name.clone(), Value::Expr(name.clone())));
                i += 1;
            }
            _ => i += 1,
        }
    }
    (literal, i)
}

fn text(token: &Token) -> String {
    match token {
        Token::Word(w) | Token::Punct(w) => w.clone(),
        Token::Str(s) => format!("{s:?}"),
    }
}

/// The tokens of Rust source: words, strings (plain and raw, escapes undone), punctuation;
/// comments, char literals and lifetimes are stepped over.
fn tokenize(source: &str) -> Vec<Token> {
    let chars: Vec<char> = source.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    let word_char = |c: char| c.is_alphanumeric() || c == '_';
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        if c.is_whitespace() {
            i += 1;
        } else if c == '/' && next == Some('/') {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
        } else if c == '/' && next == Some('*') {
            let mut depth = 0;
            while i < chars.len() {
                if chars[i] == '/' && chars.get(i + 1) == Some(&'*') {
                    depth += 1;
                    i += 2;
                } else if chars[i] == '*' && chars.get(i + 1) == Some(&'/') {
                    depth -= 1;
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    i += 1;
                }
            }
        } else if c == '\'' {
            // A char literal ('x', '\n') or a lifetime ('a, 'static).
            if next == Some('\\') {
                i += 3;
                while i < chars.len() && chars[i] != '\'' {
                    i += 1;
                }
                i += 1;
            } else if chars.get(i + 2) == Some(&'\'') {
                i += 3;
            } else {
                i += 1;
                while i < chars.len() && word_char(chars[i]) {
                    i += 1;
                }
            }
        } else if c == '"' {
            let (text, end) = plain_string(&chars, i + 1);
            out.push(Token::Str(text));
            i = end;
        } else if let Some((raw, after)) = string_prefix(&chars, i) {
            let mut j = after;
            let mut hashes = 0;
            while raw && chars.get(j) == Some(&'#') {
                hashes += 1;
                j += 1;
            }
            let (text, end) = if raw {
                raw_string(&chars, j + 1, hashes)
            } else {
                plain_string(&chars, j + 1)
            };
            out.push(Token::Str(text));
            i = end;
        } else if word_char(c) {
            let start = i;
            while i < chars.len() && word_char(chars[i]) {
                i += 1;
            }
            out.push(Token::Word(chars[start..i].iter().collect()));
        } else {
            let two: String = chars[i..chars.len().min(i + 2)].iter().collect();
            if matches!(two.as_str(), ".." | "::" | "=>" | "->") {
                out.push(Token::Punct(two));
                i += 2;
            } else {
                out.push(Token::Punct(c.to_string()));
                i += 1;
            }
        }
    }
    out
}

/// At a string's prefix (`r"`, `r#"`, `b"`, `br"`, `br#"`): whether the string is raw, and the
/// index after the prefix.
fn string_prefix(chars: &[char], i: usize) -> Option<(bool, usize)> {
    let prefix = match (chars.get(i), chars.get(i + 1)) {
        (Some('b'), Some('r')) => (true, i + 2),
        (Some('r'), _) => (true, i + 1),
        (Some('b'), _) => (false, i + 1),
        _ => return None,
    };
    let (raw, after) = prefix;
    let mut j = after;
    while raw && chars.get(j) == Some(&'#') {
        j += 1;
    }
    (chars.get(j) == Some(&'"')).then_some(prefix)
}

/// A plain string's value from just after its opening quote, and the index after its end.
fn plain_string(chars: &[char], mut i: usize) -> (String, usize) {
    let mut text = String::new();
    while i < chars.len() {
        match chars[i] {
            '"' => return (text, i + 1),
            '\\' => {
                i += 1;
                match chars.get(i) {
                    Some('n') => text.push('\n'),
                    Some('t') => text.push('\t'),
                    Some('r') => text.push('\r'),
                    Some('0') => text.push('\0'),
                    Some('u') => {
                        let end = (i..chars.len()).find(|&k| chars[k] == '}').unwrap_or(i);
                        let hex: String = chars[i + 2..end].iter().collect();
                        if let Some(c) = u32::from_str_radix(&hex, 16).ok().and_then(char::from_u32)
                        {
                            text.push(c);
                        }
                        i = end;
                    }
                    // A line continuation: the break and the next line's indent are not text.
                    Some('\n') => {
                        while chars.get(i + 1).is_some_and(|c| c.is_whitespace()) {
                            i += 1;
                        }
                    }
                    Some(other) => text.push(*other),
                    None => {}
                }
                i += 1;
            }
            c => {
                text.push(c);
                i += 1;
            }
        }
    }
    (text, i)
}

/// A raw string's value from just after its opening quote.
fn raw_string(chars: &[char], mut i: usize, hashes: usize) -> (String, usize) {
    let mut text = String::new();
    while i < chars.len() {
        if chars[i] == '"' && (0..hashes).all(|k| chars.get(i + 1 + k) == Some(&'#')) {
            return (text, i + 1 + hashes);
        }
        text.push(chars[i]);
        i += 1;
    }
    (text, i)
}
