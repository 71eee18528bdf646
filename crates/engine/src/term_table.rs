//! A compiled rule set's terms as a blob stores them: every term's text and info one after the
//! other in one byte string, and a fixed-size record per term. The table is kept in memory in
//! that same form, so that loading 100k terms from a blob is a check of their records and two
//! copies, with no allocation or decoding per term; a term is decoded when it is read (a match,
//! `explain`), and its text checked as UTF-8 then.

use crate::blob_codec::{BlobError, Reader, Writer};
use crate::rule_document::Action;

/// A term's record: action (with [`HAS_INFO`]) u8, code u32 (0 for none), end of its text u32,
/// end of its info u32, both in the table's texts, where each term's text starts where the
/// previous term's info ends and its info follows its text.
const RECORD: usize = 13;
/// In a record's first byte: the term has an info (which may be empty).
const HAS_INFO: u8 = 0x80;

/// One term of a compiled rule set, borrowed from it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RuleTerm<'a> {
    /// What a match does.
    pub action: Action,
    /// The term as written.
    pub text: &'a str,
    /// Custom forbid code.
    pub code: Option<u32>,
    /// Custom `ErrorInfo`.
    pub info: Option<&'a str>,
}

/// The terms of a rule set, in match-index order.
#[derive(Debug, Clone, Default)]
pub struct TermTable {
    /// Every term's text and info, one after the other: UTF-8 when pushed; a blob's are checked
    /// term by term as they are read.
    texts: Vec<u8>,
    /// A [`RECORD`] per term.
    records: Vec<u8>,
}

impl TermTable {
    /// Appends a term. Tables fit in a KV value (25 MiB), so offsets fit in a u32; past that
    /// they saturate, and the table would not read back.
    pub fn push(&mut self, action: Action, text: &str, code: Option<u32>, info: Option<&str>) {
        let end = |texts: &Vec<u8>| u32::try_from(texts.len()).unwrap_or(u32::MAX);
        self.texts.extend_from_slice(text.as_bytes());
        let text_end = end(&self.texts);
        self.texts.extend_from_slice(info.unwrap_or_default().as_bytes());
        let info_end = end(&self.texts);
        self.records.push(action_code(action) | if info.is_some() { HAS_INFO } else { 0 });
        self.records.extend_from_slice(&code.unwrap_or(0).to_le_bytes());
        self.records.extend_from_slice(&text_end.to_le_bytes());
        self.records.extend_from_slice(&info_end.to_le_bytes());
    }

    /// How many terms.
    pub fn len(&self) -> usize {
        self.records.len() / RECORD
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.records.is_empty()
    }

    /// Term `index`. A text or info that is not UTF-8 (only a damaged blob has one) reads as
    /// U+FFFD.
    pub fn get(&self, index: usize) -> Option<RuleTerm<'_>> {
        let (flags, code, text_end, info_end) = self.record(index)?;
        let start = match index.checked_sub(1) {
            Some(before) => self.record(before)?.3,
            None => 0,
        };
        let text = |from: u32, to: u32| {
            self.texts.get(from as usize..to as usize).map_or("", |b| std::str::from_utf8(b).unwrap_or("\u{FFFD}"))
        };
        Some(RuleTerm {
            action: action_of(flags)?,
            text: text(start, text_end),
            code: (code != 0).then_some(code),
            info: (flags & HAS_INFO != 0).then(|| text(text_end, info_end)),
        })
    }

    /// Writes the table: the count, the texts (length-prefixed) and the records.
    pub fn write(&self, out: &mut Writer) {
        out.length(self.len());
        out.bytes(&self.texts);
        out.raw(&self.records);
    }

    /// Reads a table [`Self::write`] wrote. Every record must name an action and ranges that lie
    /// in order within the texts; whether a range is UTF-8 is checked when its term is read.
    pub fn read(input: &mut Reader<'_>) -> Result<Self, BlobError> {
        let count = input.length()?;
        let texts = input.bytes()?;
        let records = input.raw(count.checked_mul(RECORD).ok_or(BlobError::Truncated)?)?;
        let mut start = 0u32;
        for record in records.chunks_exact(RECORD) {
            let (flags, _, text_end, info_end) = decode(record);
            if action_of(flags).is_none() {
                return Err(BlobError::Corrupt("action"));
            }
            let has_info = flags & HAS_INFO != 0;
            let in_order = start <= text_end && text_end <= info_end && (has_info || info_end == text_end);
            if !(in_order && info_end as usize <= texts.len()) {
                return Err(BlobError::Corrupt("term text"));
            }
            start = info_end;
        }
        Ok(Self { texts: texts.to_vec(), records: records.to_vec() })
    }

    /// Record `index`, decoded.
    fn record(&self, index: usize) -> Option<(u8, u32, u32, u32)> {
        let at = index.checked_mul(RECORD)?;
        self.records.get(at..at.checked_add(RECORD)?).map(decode)
    }
}

/// A record's fields: flags, code, end of text, end of info (`record` is [`RECORD`] bytes).
fn decode(record: &[u8]) -> (u8, u32, u32, u32) {
    let word = |at: usize| match record.get(at..at + 4) {
        Some(&[a, b, c, d]) => u32::from_le_bytes([a, b, c, d]),
        _ => 0,
    };
    (record.first().copied().unwrap_or(0), word(1), word(5), word(9))
}

fn action_code(action: Action) -> u8 {
    match action {
        Action::Block => 0,
        Action::Discard => 1,
        Action::Mask => 2,
        Action::Review => 3,
    }
}

fn action_of(flags: u8) -> Option<Action> {
    match flags & !HAS_INFO {
        0 => Some(Action::Block),
        1 => Some(Action::Discard),
        2 => Some(Action::Mask),
        3 => Some(Action::Review),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A table of `texts` (every other one with an info, the first with a code) as written,
    /// after `damage` has changed its texts' bytes and its records.
    fn written(texts: &[&str], damage: impl Fn(&mut Vec<u8>, &mut Vec<u8>)) -> Vec<u8> {
        let mut table = TermTable::default();
        for (i, text) in texts.iter().enumerate() {
            table.push(Action::Mask, text, Some(7).filter(|_| i == 0), (i % 2 == 1).then_some("info"));
        }
        damage(&mut table.texts, &mut table.records);
        // Written with the count of terms pushed, whatever the damage did to the records.
        let mut w = Writer::default();
        w.length(texts.len());
        w.bytes(&table.texts);
        w.raw(&table.records);
        w.into_bytes()
    }

    /// A term as read back: action, text, code, info.
    type Owned = (Action, String, Option<u32>, Option<String>);

    fn read(bytes: &[u8]) -> Result<Vec<Owned>, BlobError> {
        let table = TermTable::read(&mut Reader::new(bytes))?;
        Ok((0..table.len())
            .filter_map(|i| table.get(i))
            .map(|t| (t.action, t.text.to_owned(), t.code, t.info.map(str::to_owned)))
            .collect())
    }

    #[test]
    fn a_term_table_reads_back_and_damage_to_it_is_refused_or_shown_as_such() {
        let texts = ["傻逼", "bad", "é", ""];
        let back = read(&written(&texts, |_, _| {})).unwrap();
        assert_eq!(
            back,
            [
                (Action::Mask, "傻逼".to_owned(), Some(7), None),
                (Action::Mask, "bad".to_owned(), None, Some("info".to_owned())),
                (Action::Mask, "é".to_owned(), None, None),
                (Action::Mask, String::new(), None, Some("info".to_owned())),
            ]
        );
        // Texts that are not UTF-8 load (they are checked when a term is read) and read as
        // U+FFFD, the other terms as written: the first text's end moved into `傻`, so the first
        // two ranges cut it; a byte of `bad` that starts no character.
        let cut = read(&written(&texts, |_, records| (records[5], records[9]) = (2, 2))).unwrap();
        let shown: Vec<&str> = cut.iter().map(|t| t.1.as_str()).collect();
        assert_eq!(shown, ["\u{FFFD}", "\u{FFFD}", "é", ""]);
        assert_eq!(cut[1].3.as_deref(), Some("info"));
        let not_utf8 = read(&written(&texts, |text, _| text[6] = 0xff)).unwrap();
        let shown: Vec<&str> = not_utf8.iter().map(|t| t.1.as_str()).collect();
        assert_eq!(shown, ["傻逼", "\u{FFFD}", "é", ""]);
        let backwards = written(&texts, |_, records| records[RECORD + 5] = 1);
        assert_eq!(read(&backwards), Err(BlobError::Corrupt("term text")));
        let past_the_end = written(&texts, |_, records| records[3 * RECORD + 9] = 200);
        assert_eq!(read(&past_the_end), Err(BlobError::Corrupt("term text")));
        let info_without_flag = written(&texts, |_, records| records[RECORD] &= !HAS_INFO);
        assert_eq!(read(&info_without_flag), Err(BlobError::Corrupt("term text")));
        let action = written(&texts, |_, records| records[0] = 9);
        assert_eq!(read(&action), Err(BlobError::Corrupt("action")));
        let short = written(&texts, |_, records| records.truncate(records.len() - 1));
        assert_eq!(read(&short), Err(BlobError::Truncated));
    }

    #[test]
    fn terms_are_read_by_index_and_nothing_past_the_end() {
        let mut table = TermTable::default();
        table.push(Action::Block, "spam", Some(10101), Some("No spam"));
        table.push(Action::Review, "scam", None, None);
        assert_eq!(table.len(), 2);
        let first = RuleTerm { action: Action::Block, text: "spam", code: Some(10101), info: Some("No spam") };
        assert_eq!(table.get(0), Some(first));
        let second = RuleTerm { action: Action::Review, text: "scam", code: None, info: None };
        assert_eq!(table.get(1), Some(second));
        assert_eq!(table.get(2), None);
        assert_eq!(table.get(usize::MAX), None);
    }
}
