//! Short lists kept inline: an attribution's source, cue, content and
//! quotation lists hold one or two items nearly always, and a vector for
//! each cost an allocation and a free apiece.

use serde::{Serialize, Serializer};
use std::fmt;
use std::ops::{Deref, DerefMut};

#[derive(Clone)]
enum Repr<T, const N: usize> {
    /// The first `.0` items of `.1`.
    Inline(u8, [T; N]),
    Heap(Vec<T>),
}

/// A list of `Copy` items holding up to `N` of them without allocating.
/// It reads as a slice (`iter`, `first`, `is_empty`, indexing...).
#[derive(Clone)]
pub struct SmallList<T: Copy + Default, const N: usize>(Repr<T, N>);

impl<T: Copy + Default, const N: usize> SmallList<T, N> {
    pub fn new() -> Self {
        SmallList(Repr::Inline(0, [T::default(); N]))
    }

    /// A list of the one item `x`.
    pub fn one(x: T) -> Self {
        let mut a = [T::default(); N];
        a[0] = x;
        SmallList(Repr::Inline(1, a))
    }

    /// Moves the items to the heap, with room for `extra` more.
    fn spill(&mut self, extra: usize) -> &mut Vec<T> {
        if let Repr::Inline(n, a) = &self.0 {
            let mut v = Vec::with_capacity(N + extra.max(N));
            v.extend_from_slice(&a[..usize::from(*n)]);
            self.0 = Repr::Heap(v);
        }
        match &mut self.0 {
            Repr::Heap(v) => v,
            Repr::Inline(..) => unreachable!("just spilled"),
        }
    }

    pub fn push(&mut self, x: T) {
        match &mut self.0 {
            Repr::Inline(n, a) if usize::from(*n) < N => {
                a[usize::from(*n)] = x;
                *n += 1;
            }
            Repr::Heap(v) => v.push(x),
            Repr::Inline(..) => self.spill(1).push(x),
        }
    }

    /// Inserts `x` at `i` (at most the length), shifting the rest right.
    pub fn insert(&mut self, i: usize, x: T) {
        match &mut self.0 {
            Repr::Inline(n, a) if usize::from(*n) < N => {
                let len = usize::from(*n);
                assert!(i <= len, "insertion index {i} past the length {len}");
                a.copy_within(i..len, i + 1);
                a[i] = x;
                *n += 1;
            }
            Repr::Heap(v) => v.insert(i, x),
            Repr::Inline(..) => self.spill(1).insert(i, x),
        }
    }

    pub fn clear(&mut self) {
        self.0 = Repr::Inline(0, [T::default(); N]);
    }
}

impl<T: Copy + Default, const N: usize> Default for SmallList<T, N> {
    fn default() -> Self {
        Self::new()
    }
}

impl<T: Copy + Default, const N: usize> Deref for SmallList<T, N> {
    type Target = [T];
    #[inline]
    fn deref(&self) -> &[T] {
        match &self.0 {
            Repr::Inline(n, a) => &a[..usize::from(*n)],
            Repr::Heap(v) => v,
        }
    }
}

impl<T: Copy + Default, const N: usize> DerefMut for SmallList<T, N> {
    #[inline]
    fn deref_mut(&mut self) -> &mut [T] {
        match &mut self.0 {
            Repr::Inline(n, a) => &mut a[..usize::from(*n)],
            Repr::Heap(v) => v,
        }
    }
}

impl<T: Copy + Default, const N: usize> From<Vec<T>> for SmallList<T, N> {
    fn from(v: Vec<T>) -> Self {
        if v.len() <= N {
            v.into_iter().collect()
        } else {
            SmallList(Repr::Heap(v))
        }
    }
}

impl<T: Copy + Default, const N: usize> FromIterator<T> for SmallList<T, N> {
    fn from_iter<I: IntoIterator<Item = T>>(iter: I) -> Self {
        let mut l = Self::new();
        for x in iter {
            l.push(x);
        }
        l
    }
}

impl<'a, T: Copy + Default, const N: usize> IntoIterator for &'a SmallList<T, N> {
    type Item = &'a T;
    type IntoIter = std::slice::Iter<'a, T>;
    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

impl<'a, T: Copy + Default, const N: usize> IntoIterator for &'a mut SmallList<T, N> {
    type Item = &'a mut T;
    type IntoIter = std::slice::IterMut<'a, T>;
    fn into_iter(self) -> Self::IntoIter {
        self.iter_mut()
    }
}

impl<T: Copy + Default + PartialEq, const N: usize> PartialEq for SmallList<T, N> {
    fn eq(&self, other: &Self) -> bool {
        **self == **other
    }
}

impl<T: Copy + Default + Eq, const N: usize> Eq for SmallList<T, N> {}

impl<T: Copy + Default + PartialEq, const N: usize> PartialEq<Vec<T>> for SmallList<T, N> {
    fn eq(&self, other: &Vec<T>) -> bool {
        **self == **other
    }
}

impl<T: Copy + Default + fmt::Debug, const N: usize> fmt::Debug for SmallList<T, N> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

impl<T: Copy + Default + Serialize, const N: usize> Serialize for SmallList<T, N> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.iter())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn behaves_like_a_vector() {
        // Every sequence of pushes and inserts, past the inline room.
        for ops in 0u32..(1 << 10) {
            let mut l: SmallList<u32, 2> = SmallList::new();
            let mut v: Vec<u32> = Vec::new();
            for k in 0..5 {
                let x = 10 + k;
                match ops >> (2 * k) & 3 {
                    0 => {
                        l.push(x);
                        v.push(x);
                    }
                    1 => {
                        l.insert(0, x);
                        v.insert(0, x);
                    }
                    2 => {
                        let at = v.len() / 2;
                        l.insert(at, x);
                        v.insert(at, x);
                    }
                    _ => {
                        l.insert(v.len(), x);
                        v.insert(v.len(), x);
                    }
                }
                assert_eq!(&*l, v.as_slice(), "{ops:b} step {k}");
                assert_eq!(l, v);
                assert_eq!(format!("{l:?}"), format!("{v:?}"));
            }
            l.clear();
            assert!(l.is_empty());
        }
        let from: SmallList<u32, 2> = vec![1, 2, 3].into();
        assert_eq!(from, vec![1, 2, 3]);
        let one: SmallList<u32, 2> = SmallList::one(7);
        assert_eq!(one, vec![7]);
        let mut m: SmallList<u32, 2> = vec![1].into();
        for x in &mut m {
            *x += 1;
        }
        assert_eq!(m, vec![2]);
    }
}
