//! Chinese terms with a Han numeral written as its Arabic digit, for the other spellings of a
//! term (see `timgate_matcher::MatcherBuilder::spellings`): Chinese writers type `王8蛋` for
//! `王八蛋`, `3级片` for `三级片`, `下3烂` for `下三烂`, `小瘪3` for `小瘪三` (an adversarial
//! pass of the twenty-third session found 15 of 20 such spellings missed; only `鸡8`, a term of
//! naughty-words `zh` itself, was found).
//!
//! Which characters are numerals and which digit each stands for is CLDR's (the matcher's
//! `unicode_data::han_digit`: the decimal Han digits `〇一二三四五六七八九` and the financial
//! numerals `零壹贰叁…`). A numeral is spelled as its digit only where it stands alone in the
//! term, no other numeral beside it (`十三点` and `干七八` are numbers, `13点` a term of its
//! own), each such numeral alone and, where the term has several, all of them at once. The term
//! must have two characters or more that are no numeral: one character beside a digit is as
//! often an ordinal or a count (`老2` in `老2号线`, `第3`, `前5`), so `老二`, `瘪三` and `九游` are
//! matched as written only (`小瘪3` is spelled). The spelling is
//! matched as any term is: its digit is a word of its own, so `13级片` is no `3级片`, and as
//! `push` compiles, a CJK match that straddles a word of the segmentation is not reported.

use timgate_matcher::normalize::is_han_numeral;
use timgate_matcher::unicode_data::han_digit;

/// `term` with each Han numeral that stands alone written as its digit (see the module's docs).
pub fn digit_spellings(term: &str) -> Vec<String> {
    let chars: Vec<char> = term.chars().collect();
    let alone: Vec<(usize, u8)> = chars
        .iter()
        .enumerate()
        .filter_map(|(i, &c)| {
            let beside = |j: Option<usize>| j.and_then(|j| chars.get(j)).is_some_and(|&n| is_han_numeral(n));
            let digit = han_digit(c)?;
            (!beside(i.checked_sub(1)) && !beside(i.checked_add(1))).then_some((i, digit))
        })
        .collect();
    if alone.is_empty() || chars.iter().filter(|&&c| !is_han_numeral(c)).count() < 2 {
        return Vec::new();
    }
    let written = |which: &[(usize, u8)]| -> String {
        chars
            .iter()
            .enumerate()
            .map(|(i, &c)| match which.iter().find(|&&(at, _)| at == i) {
                Some(&(_, digit)) => char::from(b'0' + digit),
                None => c,
            })
            .collect()
    };
    let mut spellings: Vec<String> = alone.iter().map(|&one| written(&[one])).collect();
    if alone.len() > 1 {
        spellings.push(written(&alone));
    }
    spellings
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_numeral_alone_is_written_as_its_digit() {
        assert_eq!(digit_spellings("王八蛋"), ["王8蛋"]);
        assert_eq!(digit_spellings("三级片"), ["3级片"]);
        assert_eq!(digit_spellings("小瘪三"), ["小瘪3"]);
        assert_eq!(digit_spellings("一夜三次"), ["1夜三次", "一夜3次", "1夜3次"]);
    }

    #[test]
    fn numerals_beside_each_other_are_a_number() {
        assert!(digit_spellings("十三点").is_empty(), "十 is a unit: 十三 is thirteen");
        assert!(digit_spellings("干七八").is_empty(), "七八, seven or eight");
        assert!(digit_spellings("我操你祖宗十八代").is_empty());
        assert!(digit_spellings("三三").is_empty(), "a number alone");
        assert!(digit_spellings("傻逼").is_empty(), "no numeral");
        assert!(digit_spellings("两个").is_empty(), "两 is a word of its own, no digit");
        assert!(digit_spellings("老二").is_empty(), "one character beside a digit: `老2号线`");
        assert!(digit_spellings("瘪三").is_empty());
    }
}
