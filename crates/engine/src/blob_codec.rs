//! The byte encoding of precompiled rule blobs: little-endian integers and length-prefixed
//! strings and arrays. Reading never trusts the bytes: every length is checked against what is
//! left, and a short or malformed blob is a [`BlobError`], never a panic.

/// Why a precompiled blob cannot be used. The worker then compiles the rule document instead.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BlobError {
    /// The bytes end before the blob does.
    #[error("blob is truncated")]
    Truncated,
    /// Not a timgate rules blob.
    #[error("not a timgate rules blob")]
    NotABlob,
    /// Made by an engine with another blob format or other normalisation tables.
    #[error("blob was made by another engine version")]
    OtherEngine,
    /// Made from another version of the rule document.
    #[error("blob was made from rule document {found}, not {expected}")]
    StaleDocument {
        /// The version the blob was made from.
        found: String,
        /// The version of the document in KV.
        expected: String,
    },
    /// A field holds a value that cannot be right.
    #[error("blob is corrupt: {0}")]
    Corrupt(&'static str),
}

/// Appends values to a blob.
#[derive(Debug, Default)]
pub struct Writer {
    bytes: Vec<u8>,
}

impl Writer {
    /// The blob written so far.
    pub fn into_bytes(self) -> Vec<u8> {
        self.bytes
    }

    /// Raw bytes, no length.
    pub fn raw(&mut self, bytes: &[u8]) {
        self.bytes.extend_from_slice(bytes);
    }

    /// A byte.
    pub fn u8(&mut self, value: u8) {
        self.bytes.push(value);
    }

    /// A little-endian u32.
    pub fn u32(&mut self, value: u32) {
        self.bytes.extend_from_slice(&value.to_le_bytes());
    }

    /// A length (blobs are far below 4 GiB; larger lengths saturate and fail to read back).
    pub fn length(&mut self, value: usize) {
        self.u32(u32::try_from(value).unwrap_or(u32::MAX));
    }

    /// Length-prefixed bytes.
    pub fn bytes(&mut self, bytes: &[u8]) {
        self.length(bytes.len());
        self.raw(bytes);
    }

    /// A length-prefixed UTF-8 string.
    pub fn str(&mut self, text: &str) {
        self.bytes(text.as_bytes());
    }

    /// An optional string.
    pub fn opt_str(&mut self, text: Option<&str>) {
        match text {
            Some(t) => {
                self.u8(1);
                self.str(t);
            }
            None => self.u8(0),
        }
    }

    /// A length-prefixed array of u32.
    pub fn u32s(&mut self, values: &[u32]) {
        self.length(values.len());
        self.bytes.reserve(values.len() * 4);
        for v in values {
            self.u32(*v);
        }
    }
}

/// Reads values back, in the order they were written.
#[derive(Debug)]
pub struct Reader<'a> {
    rest: &'a [u8],
}

impl<'a> Reader<'a> {
    /// Reads from `bytes`.
    pub fn new(bytes: &'a [u8]) -> Self {
        Self { rest: bytes }
    }

    /// Whether everything has been read.
    pub fn is_empty(&self) -> bool {
        self.rest.is_empty()
    }

    /// `n` raw bytes.
    pub fn raw(&mut self, n: usize) -> Result<&'a [u8], BlobError> {
        if self.rest.len() < n {
            return Err(BlobError::Truncated);
        }
        let (head, tail) = self.rest.split_at(n);
        self.rest = tail;
        Ok(head)
    }

    /// A byte.
    pub fn u8(&mut self) -> Result<u8, BlobError> {
        Ok(self.raw(1)?[0])
    }

    /// A little-endian u32.
    pub fn u32(&mut self) -> Result<u32, BlobError> {
        let b = self.raw(4)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }

    /// A length.
    pub fn length(&mut self) -> Result<usize, BlobError> {
        usize::try_from(self.u32()?).map_err(|_| BlobError::Corrupt("length"))
    }

    /// Length-prefixed bytes.
    pub fn bytes(&mut self) -> Result<&'a [u8], BlobError> {
        let n = self.length()?;
        self.raw(n)
    }

    /// A length-prefixed UTF-8 string.
    pub fn str(&mut self) -> Result<&'a str, BlobError> {
        std::str::from_utf8(self.bytes()?).map_err(|_| BlobError::Corrupt("string is not UTF-8"))
    }

    /// An optional string.
    pub fn opt_str(&mut self) -> Result<Option<&'a str>, BlobError> {
        match self.u8()? {
            0 => Ok(None),
            1 => self.str().map(Some),
            _ => Err(BlobError::Corrupt("option tag")),
        }
    }

    /// A length-prefixed array of u32.
    pub fn u32s(&mut self) -> Result<Vec<u32>, BlobError> {
        let n = self.length()?;
        let bytes = self.raw(n.checked_mul(4).ok_or(BlobError::Truncated)?)?;
        Ok(bytes.chunks_exact(4).map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]])).collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip() {
        let mut w = Writer::default();
        w.u8(7);
        w.u32(0xDEAD_BEEF);
        w.str("傻逼");
        w.opt_str(None);
        w.opt_str(Some("x"));
        w.u32s(&[1, 2, 3]);
        let bytes = w.into_bytes();
        let mut r = Reader::new(&bytes);
        assert_eq!(r.u8(), Ok(7));
        assert_eq!(r.u32(), Ok(0xDEAD_BEEF));
        assert_eq!(r.str(), Ok("傻逼"));
        assert_eq!(r.opt_str(), Ok(None));
        assert_eq!(r.opt_str(), Ok(Some("x")));
        assert_eq!(r.u32s(), Ok(vec![1, 2, 3]));
        assert!(r.is_empty());
    }

    #[test]
    fn short_or_bad_input_is_an_error() {
        assert_eq!(Reader::new(&[1, 0]).u32(), Err(BlobError::Truncated));
        assert_eq!(Reader::new(&[255, 255, 255, 255]).u32s(), Err(BlobError::Truncated));
        assert_eq!(Reader::new(&[2, 0, 0, 0, 0xFF, 0xFE]).str(), Err(BlobError::Corrupt("string is not UTF-8")));
        assert_eq!(Reader::new(&[9]).opt_str(), Err(BlobError::Corrupt("option tag")));
    }
}
