//! Invented test text for the tests that compare two matchers on many
//! inputs (the prebuilt DFAs against the regex crate): pieces joined by
//! glue in a fixed pseudo-random order, so failures reproduce.

/// How [`invented`] strings are put together.
pub struct Recipe<'a> {
    pub pieces: &'a [&'a str],
    pub glue: &'a [&'a str],
    /// Each string has `min_pieces` to `min_pieces + extra_pieces - 1` pieces.
    pub min_pieces: usize,
    pub extra_pieces: usize,
    /// One string in three ends with a glue piece too.
    pub trailing_glue: bool,
    pub seed: u64,
}

/// `n` invented strings; one piece in five is upper-cased.
pub fn invented(recipe: &Recipe, n: usize) -> Vec<String> {
    let mut state = recipe.seed;
    let mut next = move |below: usize| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state % below as u64) as usize
    };
    (0..n)
        .map(|_| {
            let mut s = String::new();
            for i in 0..recipe.min_pieces + next(recipe.extra_pieces) {
                if i > 0 {
                    s.push_str(recipe.glue[next(recipe.glue.len())]);
                }
                let piece = recipe.pieces[next(recipe.pieces.len())];
                if next(5) == 0 {
                    s.push_str(&piece.to_uppercase());
                } else {
                    s.push_str(piece);
                }
            }
            if recipe.trailing_glue && next(3) == 0 {
                s.push_str(recipe.glue[next(recipe.glue.len())]);
            }
            s
        })
        .collect()
}
