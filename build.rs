//! Compiles the regexes of `src/prebuilt/patterns.rs` to DFAs, so that a
//! run of copydesk reads them instead of compiling them (see
//! `src/prebuilt/mod.rs`). Each is an anchored, leftmost-first, minimized
//! DFA, dense or sparse as its spec says, written to `$OUT_DIR/NAME.dfa` in
//! the target's byte order.

#[allow(dead_code)]
#[path = "src/prebuilt/patterns.rs"]
mod patterns;

use regex_automata::dfa::{dense, StartKind};
use regex_automata::util::syntax;
use std::path::PathBuf;

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=src/prebuilt/patterns.rs");
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("OUT_DIR is set"));
    let big_endian = std::env::var("CARGO_CFG_TARGET_ENDIAN").as_deref() == Ok("big");
    for spec in patterns::specs() {
        for p in &spec.patterns {
            // The search (src/prebuilt) tries each start in turn and
            // relies on every match being non-empty.
            let hir = syntax::parse(p).unwrap_or_else(|e| panic!("{}: {e}", spec.name));
            assert!(
                hir.properties().minimum_len().is_some_and(|n| n > 0),
                "{}: a pattern that can match the empty string",
                spec.name
            );
        }
        let dfa = dense::Builder::new()
            .configure(
                dense::Config::new()
                    .start_kind(StartKind::Anchored)
                    .minimize(true),
            )
            .build_many(&spec.patterns)
            .unwrap_or_else(|e| panic!("{}: {e}", spec.name));
        let bytes = if spec.dense {
            let (bytes, pad) = if big_endian {
                dfa.to_bytes_big_endian()
            } else {
                dfa.to_bytes_little_endian()
            };
            bytes[pad..].to_vec()
        } else {
            let sparse = dfa
                .to_sparse()
                .unwrap_or_else(|e| panic!("{}: {e}", spec.name));
            if big_endian {
                sparse.to_bytes_big_endian()
            } else {
                sparse.to_bytes_little_endian()
            }
        };
        let path = out.join(format!("{}.dfa", spec.name));
        std::fs::write(&path, bytes).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    }
}
