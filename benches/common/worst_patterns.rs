//! Patterns at their worst (`timgate_engine::patterns`), shared by `benches/worst_case.rs` and
//! the `linear` fuzz target: `(pattern, raw)`. One whose every search reads to the end of the
//! text and that has no literal for the prefilter (`[a-z]*x|a`, folded and raw), a cue and an id,
//! counted repetitions of digits with separators, a Unicode class either side of `@`, a bounded
//! run of any character.

pub const WORST_PATTERNS: [(&str, bool); 6] = [
    (r"[a-z]*x|a", false),
    (r"[a-z]*x|a", true),
    (r"\bv\s*x\s*[:：]?\s*[a-z][a-z0-9_-]{5,19}\b", false),
    (r"(?:\d[ -]?){11}", false),
    (r"\w+@\w+", true),
    (r"(?s).{1,30}z", false),
];
