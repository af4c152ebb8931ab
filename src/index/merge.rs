//! Which segments to merge: segments of similar size, never more than [`MAX_MERGE_BYTES`] in
//! one merge.
//!
//! A merge reads its input segments through memory maps, and every page it reads counts in
//! the process's resident memory until the merge ends. tantivy's default policy merges ever
//! larger segments (a million articles ended in merges of ~900k documents, 560 MB resident
//! each, several at a time); bounding the bytes of a merge bounds that memory whatever the
//! corpus size. The price is more segments in a large index: about one per
//! `MAX_MERGE_BYTES / 2` of index.

use std::path::{Path, PathBuf};

use tantivy::index::{SegmentComponent, SegmentId, SegmentMeta};
use tantivy::indexer::{MergeCandidate, MergePolicy};

/// Most bytes (on disk, live documents) that one merge reads. A segment of half this is
/// complete: it is merged again only once deletes have shrunk it.
pub const MAX_MERGE_BYTES: u64 = 256 << 20;
/// Most segments merged at once: small segments wait until this many can be merged.
const MERGE_FACTOR: usize = 8;
/// Most bytes of one merge that a pass runs itself, and waits for, after its last commit
/// (see [`closing_merges`]).
pub const CLOSING_MERGE_BYTES: u64 = 8 << 20;

/// The files a segment is made of (deletes aside).
const COMPONENTS: [SegmentComponent; 6] = [
    SegmentComponent::Postings,
    SegmentComponent::Positions,
    SegmentComponent::Terms,
    SegmentComponent::Store,
    SegmentComponent::FastFields,
    SegmentComponent::FieldNorms,
];

/// The merge policy of a pressdex index (see the module doc).
#[derive(Debug)]
pub struct BoundedMerges {
    /// The index directory, to read segment sizes from.
    pub dir: PathBuf,
}

impl BoundedMerges {
    /// Bytes on disk of a segment, scaled to its share of live documents.
    fn live_bytes(&self, segment: &SegmentMeta) -> u64 {
        let bytes: u64 = COMPONENTS
            .iter()
            .filter_map(|c| std::fs::metadata(self.dir.join(segment.relative_path(c.clone()))).ok())
            .map(|m| m.len())
            .sum();
        bytes * u64::from(segment.num_docs()) / u64::from(segment.max_doc().max(1))
    }
}

impl MergePolicy for BoundedMerges {
    fn compute_merge_candidates(&self, segments: &[SegmentMeta]) -> Vec<MergeCandidate> {
        let sized: Vec<(SegmentId, u64)> = segments
            .iter()
            .map(|s| (s.id(), self.live_bytes(s)))
            .collect();
        merge_groups(sized)
            .into_iter()
            .map(MergeCandidate)
            .collect()
    }
}

/// The merges a pass runs itself after its last commit: the policy's groups (see
/// [`merge_groups`]) among segments of at most [`CLOSING_MERGE_BYTES`] / [`MERGE_FACTOR`]
/// each, of at most [`CLOSING_MERGE_BYTES`] in all. Small segments thus merge with their
/// like, never into a large one.
///
/// Merges the policy starts run in the background, and a process that ends right after its
/// last commit stops them: each small re-index run left one more segment (BBC, twelve runs
/// that changed a different 1% each: 13 segments, the index 6.00 -> 7.37 MB). Small groups
/// are cheap to wait for; larger ones are left to the background as before.
pub fn closing_merges(dir: &Path, segments: &[SegmentMeta]) -> Vec<Vec<SegmentId>> {
    let sizer = BoundedMerges {
        dir: dir.to_path_buf(),
    };
    let sized = segments.iter().map(|s| (s.id(), sizer.live_bytes(s)));
    closing_groups(sized.collect())
}

/// [`closing_merges`] over segments (id, bytes).
fn closing_groups<T>(segments: Vec<(T, u64)>) -> Vec<Vec<T>> {
    let small = segments
        .into_iter()
        .filter(|&(_, bytes)| bytes <= CLOSING_MERGE_BYTES / MERGE_FACTOR as u64)
        .map(|(id, bytes)| ((id, bytes), bytes))
        .collect();
    merge_groups(small)
        .into_iter()
        .filter(|group| group.iter().map(|(_, bytes)| bytes).sum::<u64>() <= CLOSING_MERGE_BYTES)
        .map(|group| group.into_iter().map(|(id, _)| id).collect())
        .collect()
}

/// Groups segments (id, bytes) into merges: from the smallest up, a group is merged once it
/// holds [`MERGE_FACTOR`] segments or, with two or more, half of [`MAX_MERGE_BYTES`]; it never
/// exceeds [`MAX_MERGE_BYTES`].
fn merge_groups<T>(mut segments: Vec<(T, u64)>) -> Vec<Vec<T>> {
    segments.retain(|&(_, bytes)| bytes < MAX_MERGE_BYTES / 2);
    segments.sort_by_key(|&(_, bytes)| bytes);
    let mut groups = Vec::new();
    let (mut group, mut total) = (Vec::new(), 0);
    for (id, bytes) in segments {
        if total + bytes > MAX_MERGE_BYTES {
            // Every segment from here on is at least this big: start afresh with it.
            (group, total) = (Vec::new(), 0);
        }
        group.push(id);
        total += bytes;
        if group.len() >= MERGE_FACTOR || (group.len() >= 2 && total >= MAX_MERGE_BYTES / 2) {
            groups.push(std::mem::take(&mut group));
            total = 0;
        }
    }
    groups
}

#[cfg(test)]
mod tests {
    use super::*;

    const MB: u64 = 1 << 20;

    #[test]
    fn small_segments_wait_for_enough_company() {
        let seven: Vec<(usize, u64)> = (0..7).map(|i| (i, MB)).collect();
        assert!(merge_groups(seven).is_empty());
        let nine: Vec<(usize, u64)> = (0..9).map(|i| (i, MB + i as u64)).collect();
        assert_eq!(merge_groups(nine), vec![(0..8).collect::<Vec<_>>()]);
    }

    #[test]
    fn merges_never_exceed_the_bound_and_large_segments_stay() {
        let segments: Vec<(usize, u64)> = (0..40).map(|i| (i, 10 * MB + i as u64 * MB)).collect();
        let sizes: std::collections::HashMap<usize, u64> = segments.iter().copied().collect();
        let groups = merge_groups(segments);
        assert!(groups.len() >= 4, "{groups:?}");
        for group in &groups {
            let total: u64 = group.iter().map(|i| sizes[i]).sum();
            assert!(
                group.len() >= 2 && total <= MAX_MERGE_BYTES,
                "{group:?}: {total}"
            );
        }
        let big = vec![
            (0, MAX_MERGE_BYTES / 2),
            (1, MAX_MERGE_BYTES),
            (2, MB),
            (3, MB),
        ];
        assert!(merge_groups(big).is_empty());
    }

    #[test]
    fn a_pass_merges_small_segments_among_themselves_only() {
        const KB: u64 = 1 << 10;
        // A large segment and one small one (a single small re-index run): nothing to merge.
        assert!(closing_groups(vec![(0, 6 * MB), (1, 90 * KB)]).is_empty());
        // Eight small ones merge, without the large one.
        let mut segments = vec![(0, 6 * MB)];
        segments.extend((1..=8).map(|i| (i, 90 * KB + i as u64)));
        assert_eq!(closing_groups(segments), vec![(1..=8).collect::<Vec<_>>()]);
        // Segments too large to wait for are left to the background merges.
        let large: Vec<(usize, u64)> = (0..8).map(|i| (i, 2 * MB)).collect();
        assert!(closing_groups(large).is_empty());
    }

    #[test]
    fn two_medium_segments_that_fill_half_the_bound_merge() {
        let two = vec![(0, MAX_MERGE_BYTES / 4), (1, MAX_MERGE_BYTES / 4 + MB)];
        assert_eq!(merge_groups(two), vec![vec![0, 1]]);
    }
}
