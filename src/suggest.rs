//! "Did you mean …?" hints for misspelt names.
//!
//! A misspelling is close to the intended word in edit distance; the hint names the
//! closest known word when it is close enough to be a plausible typo.

/// The known word closest to `word`, if it is close enough to be a typo of it.
pub fn closest<'a>(word: &str, known: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    // No name the planner knows is this long: nothing to suggest, and no quadratic
    // work on a huge input.
    if word.len() > LONGEST_NAME {
        return None;
    }
    let word = word.to_ascii_lowercase();
    // Long words tolerate more typos; a one-letter word matches nothing by accident.
    let length = word.chars().count();
    let limit = (length / 3).clamp(1, 3);
    let known: Vec<&str> = known.into_iter().collect();
    let close = known
        .iter()
        // Words whose lengths differ by more than the limit cannot be within it.
        .filter(|candidate| candidate.chars().count().abs_diff(length) <= limit)
        .map(|candidate| {
            (
                edit_distance(&word, &candidate.to_ascii_lowercase()),
                *candidate,
            )
        })
        .filter(|&(distance, _)| distance <= limit)
        .min_by_key(|&(distance, _)| distance)
        .map(|(_, candidate)| candidate);
    // "thrust" for "hip_thrust": a word that is one part of a known name, the
    // shortest such when one is shorter than the others ("dumbbell_hip_thrust" is a
    // variant of it).
    close.or_else(|| {
        let mut parts: Vec<&str> = known
            .iter()
            .copied()
            .filter(|k| k.split('_').any(|part| part == word))
            .collect();
        parts.sort_by_key(|k| k.len());
        match parts.as_slice() {
            [only] if word.len() >= 3 => Some(*only),
            [first, second, ..] if word.len() >= 3 && first.len() < second.len() => Some(*first),
            _ => None,
        }
    })
}

/// Longer than any key, day, run type, lift or time zone name.
const LONGEST_NAME: usize = 64;

/// Edits from `a` to `b`, counted over chars: an insertion, a deletion, a substitution
/// or a swap of two neighbours (`tmepo` for `tempo`) is one each, as strsim's optimal
/// string alignment counts them.
fn edit_distance(a: &str, b: &str) -> usize {
    strsim::osa_distance(a, b)
}

/// `, did you mean "x"?` when a close known word exists, else nothing.
pub fn hint<'a>(word: &str, known: impl IntoIterator<Item = &'a str>) -> Option<String> {
    closest(word, known).map(|w| format!("did you mean \"{w}\"?"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distance_counts_edits_and_transpositions() {
        assert_eq!(edit_distance("tempo", "tempo"), 0);
        assert_eq!(edit_distance("tempoo", "tempo"), 1);
        assert_eq!(edit_distance("tmepo", "tempo"), 1);
        assert_eq!(edit_distance("", "abc"), 3);
        assert_eq!(edit_distance("kitten", "sitting"), 3);
    }

    #[test]
    fn a_swap_of_neighbours_is_one_typo() {
        // Five letters allow one edit: plain Levenshtein would count two here.
        assert_eq!(closest("tmepo", ["tempo", "easy"]), Some("tempo"));
        assert_eq!(closest("ezay", ["easy"]), None);
    }

    #[test]
    fn closest_suggests_plausible_typos_only() {
        let days = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
        assert_eq!(closest("tues", days), Some("tue"));
        assert_eq!(closest("TUE", days), Some("tue"));
        assert_eq!(closest("banana", days), None);
        assert_eq!(
            closest("intervalls", ["intervals", "easy"]),
            Some("intervals")
        );
    }
}
