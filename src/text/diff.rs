//! Where two versions of a text differ: what a change shows of a long 評価内容 (the sentence
//! added, not the paragraphs both share).

/// How many units (characters, graphemes) `old` and `new` share at their start, and then at
/// their end (the two never overlap: the end is counted in what is left after the start).
pub fn common_ends<T: PartialEq>(old: &[T], new: &[T]) -> (usize, usize) {
    let prefix = old.iter().zip(new).take_while(|(x, y)| x == y).count();
    let suffix = old[prefix..]
        .iter()
        .rev()
        .zip(new[prefix..].iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    (prefix, suffix)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chars(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    #[test]
    fn the_shared_start_and_end_never_overlap() {
        assert_eq!(
            common_ends(&chars("検討する。"), &chars("検討する。追記")),
            (5, 0)
        );
        assert_eq!(common_ends(&chars("abcXdef"), &chars("abcYdef")), (3, 3));
        // "aa" → "aaa": the start takes both, the end what is left of the shorter.
        assert_eq!(common_ends(&chars("aa"), &chars("aaa")), (2, 0));
        assert_eq!(common_ends(&[], &chars("新規")), (0, 0));
        let kuzu: Vec<&str> = crate::text::graphemes("葛\u{E0100}飾").collect();
        let katsu: Vec<&str> = crate::text::graphemes("葛飾").collect();
        assert_eq!(
            common_ends(&kuzu, &katsu),
            (0, 1),
            "never inside a grapheme"
        );
    }
}
