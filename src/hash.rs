//! Hash maps and sets keyed by words and names: a fast seeded hash instead of std's SipHash,
//! which was a visible share of stemming and attribution (see [`WordHasher`]).

use std::hash::{BuildHasher, Hasher};

/// A `HashMap` hashed with [`WordHasher`]; build it with `default()`.
pub type HashMap<K, V> = std::collections::HashMap<K, V, SeededWords>;
/// A `HashSet` hashed with [`WordHasher`]; build it with `default()`.
pub type HashSet<K> = std::collections::HashSet<K, SeededWords>;

/// Builds [`WordHasher`]s from a seed drawn per map, so the buckets of a word cannot be
/// known in advance.
#[derive(Clone)]
pub struct SeededWords(u64);

thread_local! {
    /// Where this thread's map seeds come from: random at first, then stepped per map.
    static SEEDS: std::cell::Cell<u64> =
        std::cell::Cell::new(std::collections::hash_map::RandomState::new().hash_one(0u8));
}

impl Default for SeededWords {
    /// A seed from the thread's random sequence (splitmix64). Drawing each seed from std's
    /// `RandomState` (a SipHash per map) was 1.5% of attribution's instructions: every
    /// article makes a dozen maps.
    fn default() -> Self {
        let state = SEEDS.with(|seeds| {
            let state = seeds.get().wrapping_add(0x9E37_79B9_7F4A_7C15);
            seeds.set(state);
            state
        });
        let mut z = state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        Self(z ^ (z >> 31))
    }
}

impl BuildHasher for SeededWords {
    type Hasher = WordHasher;

    fn build_hasher(&self) -> WordHasher {
        WordHasher(self.0)
    }
}

/// A multiply-rotate hash of short words (rustc's FxHash, eight bytes at a time). std's
/// SipHash of the word was most of a stem-cache lookup: 2% of indexing instructions and 3% of
/// a search's (callgrind), and 8% of attribution's (its name and title tables).
pub struct WordHasher(u64);

impl WordHasher {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

impl Hasher for WordHasher {
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut word = [0u8; 8];
            word[..chunk.len()].copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
    }

    fn write_u8(&mut self, byte: u8) {
        self.add(u64::from(byte));
    }

    fn finish(&self) -> u64 {
        // The multiply leaves the low bits weakest; hashbrown picks buckets with them.
        self.0.rotate_left(26)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_get_different_seeds_and_hash_alike_within_one_map() {
        let (a, b) = (SeededWords::default(), SeededWords::default());
        assert_ne!(a.0, b.0);
        assert_eq!(a.hash_one("word"), a.hash_one("word"));
        assert_ne!(a.hash_one("word"), b.hash_one("word"));
    }
}
