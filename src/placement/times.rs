//! Start times for a fixed choice of days: levels 5 to 7 of the placement order.
//!
//! Once the days are chosen, the sessions of the week (planned and pinned) follow one
//! another around the week in day order, so the smallest gap between two sessions is
//! the smallest gap between neighbours on that cycle. Level 5 is then a max-min over a
//! cycle: a binary search on the gap, each step a greedy walk that takes the earliest
//! start that keeps the gap (which never hurts what follows) and moves only forward.
//! Levels 6 and 7 are a dynamic programme over the cycle with that gap as a
//! constraint, taking the earliest start on every tie; it runs once per group of
//! first starts that leave the last session the same starts, and not for groups a
//! lower bound rules out. A cycle of two, the usual week, has both levels in one pass
//! each. All of it is exact: the unit tests below and `tests/properties.rs` compare
//! it with exhaustive search.

use crate::rules::WEEK_MINUTES;

const WEEK: i64 = WEEK_MINUTES as i64;

/// Stands for "no way to satisfy the constraints" in the programme.
const NONE: u64 = u64::MAX;

/// One way to hold a session: a start, its length and its distance from the
/// preferred lift time (zero for a pinned session, which is not a choice).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Choice {
    /// Minutes from Monday 00:00.
    pub start: u32,
    /// Length in minutes.
    pub minutes: u32,
    /// Level 6 cost: minutes from the preferred lift time.
    pub cost: u32,
}

impl Choice {
    fn start(&self) -> i64 {
        i64::from(self.start)
    }

    fn end(&self) -> i64 {
        i64::from(self.start) + i64::from(self.minutes)
    }
}

/// The best start times by levels 5 to 7.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Best {
    /// The smallest gap between two sessions, end to start (`i64::MAX` for fewer than
    /// two sessions; negative only if pinned sessions overlap each other).
    pub spacing: i64,
    /// The total distance from the preferred lift time.
    pub cost: u64,
    /// For each entry, the index of its chosen start.
    pub picks: Vec<usize>,
}

/// The best choice of one start per entry. `entries` are the week's sessions in week
/// order, each a list of choices sorted by start, all on one day and all of one length
/// (a free day's starts share the session length; a pinned session is one choice), so
/// their ends are sorted too; `None` if an entry has no choice.
#[cfg(test)]
pub(crate) fn best(entries: &[Vec<Choice>]) -> Option<Best> {
    let entries: Vec<&[Choice]> = entries.iter().map(Vec::as_slice).collect();
    best_with(&entries, spacing(&entries, i64::MIN)?)
}

/// Level 5 alone: the largest smallest gap, if it is at least `at_least`; `None` if
/// it is less or an entry has no choice.
pub(crate) fn spacing(entries: &[&[Choice]], at_least: i64) -> Option<i64> {
    debug_assert!(
        sorted(entries),
        "choices must be sorted by start and by end"
    );
    if entries.iter().any(|list| list.is_empty()) {
        return None;
    }
    if entries.len() < 2 {
        return Some(i64::MAX);
    }
    max_spacing(entries, at_least)
}

/// Whether each entry's choices are sorted by start and by end, as [`best`] says.
fn sorted(entries: &[&[Choice]]) -> bool {
    entries.iter().all(|list| {
        list.windows(2)
            .all(|pair| pair[0].start() <= pair[1].start() && pair[0].end() <= pair[1].end())
    })
}

/// Levels 6 and 7 given level 5's `spacing`.
pub(crate) fn best_with(entries: &[&[Choice]], spacing: i64) -> Option<Best> {
    debug_assert!(
        sorted(entries),
        "choices must be sorted by start and by end"
    );
    if entries.iter().any(|list| list.is_empty()) {
        return None;
    }
    if entries.is_empty() {
        return Some(Best {
            spacing: i64::MAX,
            cost: 0,
            picks: Vec::new(),
        });
    }
    if let [first, second] = entries {
        return two_best(first, second, spacing);
    }
    // The first session's start matters to the rest of the cycle in two ways only:
    // where the second session may start, and how many of the last session's starts
    // end in time for it to come round again. Starts that agree on the latter are
    // solved together, once; a group is skipped when a lower bound on each of its
    // totals cannot beat the best found. Ties go to the earliest start, as the order
    // asks.
    let bounds = Bounds::new(entries);
    let mut window = Window::default();
    let mut firsts: Vec<First> = Vec::with_capacity(entries[0].len());
    for (i, first) in entries[0].iter().enumerate() {
        let (from, until) = window.advance(entries, spacing, first);
        let bound = bounds.total(first, from, until);
        if bound != NONE {
            firsts.push((until, bound, i));
        }
    }
    firsts.sort_unstable();
    let mut groups: Vec<((u64, usize), &[First])> = firsts
        .chunk_by(|a, b| a.0 == b.0)
        .map(|group| {
            let least = group.iter().map(|&(_, bound, i)| (bound, i)).min();
            (least.unwrap_or((NONE, 0)), group)
        })
        .collect();
    groups.sort_unstable_by_key(|&(least, _)| least);
    let mut best: Option<(u64, usize)> = None;
    let mut programme = Programme::new(entries, spacing);
    for (least, group) in groups {
        if best.is_some_and(|best| least > best) {
            break;
        }
        programme.solve(group[0].0);
        for &(_, _, i) in group {
            let total = programme.total(&entries[0][i]);
            if total != NONE && best.is_none_or(|best| (total, i) < best) {
                best = Some((total, i));
            }
        }
    }
    let (cost, first) = best?;
    let until = firsts
        .iter()
        .find(|&&(_, _, i)| i == first)
        .map_or(0, |f| f.0);
    programme.solve(until);
    Some(Best {
        spacing,
        cost,
        picks: programme.picks(first),
    })
}

/// A start of the first entry: how many of the last entry's starts end in time for
/// it, a lower bound on its total, and its index.
type First = (usize, u64, usize);

/// For the first entry's starts in order: the first start of the second entry that
/// keeps the gap after it, and how many of the last entry's starts end in time for
/// it. Both only move forward as the first start does.
#[derive(Debug, Default)]
struct Window {
    from: usize,
    until: usize,
}

impl Window {
    fn advance(&mut self, entries: &[&[Choice]], spacing: i64, first: &Choice) -> (usize, usize) {
        if let [_, second, rest @ ..] = entries {
            let last = rest.last().unwrap_or(second);
            let earliest = first.end().saturating_add(spacing);
            while second.get(self.from).is_some_and(|z| z.start() < earliest) {
                self.from += 1;
            }
            let deadline = first.start().saturating_add(WEEK).saturating_sub(spacing);
            while last.get(self.until).is_some_and(|z| z.end() <= deadline) {
                self.until += 1;
            }
        }
        (self.from, self.until)
    }
}

/// Levels 6 and 7 for a cycle of two, directly: for each start of the first entry the
/// second's allowed starts are a window that only moves forward, so the cheapest in
/// it (the earliest on ties) comes from a queue of candidates kept in one pass.
fn two_best(first: &[Choice], second: &[Choice], spacing: i64) -> Option<Best> {
    let mut window = Window::default();
    // Indices into `second` whose costs increase from front to back: the front is the
    // cheapest in the window, and the earliest of equals.
    let mut queue = std::collections::VecDeque::with_capacity(second.len());
    let mut pushed = 0;
    let mut best: Option<(u64, usize, usize)> = None;
    for (i, x) in first.iter().enumerate() {
        let (from, until) = window.advance(&[first, second], spacing, x);
        while pushed < until {
            let cost = second[pushed].cost;
            while queue.back().is_some_and(|&j: &usize| second[j].cost > cost) {
                queue.pop_back();
            }
            queue.push_back(pushed);
            pushed += 1;
        }
        while queue.front().is_some_and(|&j| j < from) {
            queue.pop_front();
        }
        let Some(&j) = queue.front() else {
            continue;
        };
        let total = u64::from(x.cost) + u64::from(second[j].cost);
        if best.is_none_or(|(cost, at, _)| (total, i) < (cost, at)) {
            best = Some((total, i, j));
        }
    }
    let (cost, i, j) = best?;
    Some(Best {
        spacing,
        cost,
        picks: vec![i, j],
    })
}

/// The largest smallest gap between neighbouring sessions around the week, if it is
/// at least `at_least`. Entries must be non-empty.
fn max_spacing(entries: &[&[Choice]], at_least: i64) -> Option<i64> {
    if let [first, second] = entries {
        let spacing = two_spacing(first, second);
        return (spacing >= at_least).then_some(spacing);
    }
    // Walk the cycle from the entry with the fewest choices: the walk is tried once
    // per choice of the first entry. Entries before it come round a week later.
    let start = (0..entries.len())
        .min_by_key(|&i| entries[i].len())
        .unwrap_or(0);
    let cycle: Vec<(&[Choice], i64)> = (0..entries.len())
        .map(|k| {
            let i = (start + k) % entries.len();
            (entries[i], if i < start { WEEK } else { 0 })
        })
        .collect();
    // Whether some assignment keeps every gap at least `gap`: for each start of the
    // first entry, a greedy walk that takes the earliest start keeping the gap (which
    // never hurts what follows). A later first start moves every step of the walk
    // later or leaves it, so each entry's position only moves forward: one pass.
    let mut at = vec![0; cycle.len()];
    let mut feasible = |gap: i64| {
        at.fill(0);
        let (first, offset) = cycle[0];
        first.iter().any(|x| {
            let mut end = x.end() + offset;
            for (&(list, offset), i) in cycle[1..].iter().zip(&mut at[1..]) {
                while list.get(*i).is_some_and(|c| c.start() + offset < end + gap) {
                    *i += 1;
                }
                let Some(next) = list.get(*i) else {
                    return false;
                };
                end = next.end() + offset;
            }
            x.start() + offset + WEEK - end >= gap
        })
    };
    // The gaps of one assignment (each entry's first choice) are feasible; one more
    // than the upper bound never is. Find the largest feasible gap in between.
    let (mut lo, mut hi) = (first_choices_spacing(entries), spacing_bound(entries) + 1);
    if at_least > lo {
        if at_least >= hi || !feasible(at_least) {
            return None;
        }
        lo = at_least;
    }
    while hi - lo > 1 {
        let mid = lo + (hi - lo) / 2;
        if feasible(mid) {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    Some(lo)
}

/// [`max_spacing`] for a cycle of two, directly. For a start `x` of the first entry
/// the gap forward to `y` grows with `y` and the gap back round the week shrinks, so
/// the best `y` is either side of where they cross; a later `x` crosses later.
fn two_spacing(first: &[Choice], second: &[Choice]) -> i64 {
    let mut best = i64::MIN;
    let mut j = 0;
    for x in first {
        let back = |y: &Choice| x.start() + WEEK - y.end();
        while second.get(j).is_some_and(|y| y.start() - x.end() < back(y)) {
            j += 1;
        }
        for y in [j.checked_sub(1), Some(j)]
            .into_iter()
            .flatten()
            .filter_map(|k| second.get(k))
        {
            best = best.max((y.start() - x.end()).min(back(y)));
        }
    }
    best
}

/// The smallest gap when every entry takes its first choice: a level-5 value that
/// some assignment reaches. Entries must be non-empty.
fn first_choices_spacing(entries: &[&[Choice]]) -> i64 {
    let n = entries.len();
    (0..n)
        .map(|i| {
            let (a, b) = (&entries[i][0], &entries[(i + 1) % n][0]);
            b.start() + if i + 1 == n { WEEK } else { 0 } - a.end()
        })
        .min()
        .unwrap_or(i64::MAX)
}

/// An upper bound on level 5: between neighbours on the cycle, no gap can be more
/// than from the earliest end of one to the latest start of the next. `i64::MAX`
/// for fewer than two entries; entries must be non-empty.
pub(crate) fn spacing_bound(entries: &[&[Choice]]) -> i64 {
    let n = entries.len();
    if n < 2 {
        return i64::MAX;
    }
    (0..n)
        .map(|i| {
            let earliest_end = entries[i].iter().map(Choice::end).min().unwrap_or(0);
            let latest_start = entries[(i + 1) % n]
                .iter()
                .map(Choice::start)
                .max()
                .unwrap_or(0);
            latest_start + if i + 1 == n { WEEK } else { 0 } - earliest_end
        })
        .min()
        .unwrap_or(i64::MAX)
}

/// Lower bounds on level 6 for each start of the first entry of a cycle of three or
/// more, from the constraints on its two neighbours alone: the second entry starts
/// `spacing` after it ends, the last ends `spacing` before it comes round again, and
/// every entry in between takes its cheapest start.
struct Bounds<'a> {
    entries: &'a [&'a [Choice]],
    /// `after[j]`: the cheapest of the second entry's choices `j..`.
    after: Vec<u64>,
    /// `before[j]`: the cheapest of the last entry's choices `..j`.
    before: Vec<u64>,
    /// The cheapest starts of the entries in between, summed.
    middle: u64,
}

impl<'a> Bounds<'a> {
    fn new(entries: &'a [&'a [Choice]]) -> Self {
        let cost = |c: &Choice| u64::from(c.cost);
        let (mut after, mut before, mut middle) = (Vec::new(), Vec::new(), 0);
        if let [_, second, between @ .., last] = entries {
            after = vec![NONE; second.len() + 1];
            for (j, c) in second.iter().enumerate().rev() {
                after[j] = after[j + 1].min(cost(c));
            }
            before = vec![NONE; last.len() + 1];
            for (j, c) in last.iter().enumerate() {
                before[j + 1] = before[j].min(cost(c));
            }
            middle = between
                .iter()
                .map(|list| list.iter().map(cost).min().unwrap_or(0))
                .sum();
        }
        Bounds {
            entries,
            after,
            before,
            middle,
        }
    }

    /// A lower bound on the cheapest cycle from `first`, or `NONE` when a neighbour
    /// has no start left; `from` and `until` are as [`Window::advance`] gives them.
    fn total(&self, first: &Choice, from: usize, until: usize) -> u64 {
        if self.entries.len() < 3 {
            return u64::from(first.cost);
        }
        let (after, before) = (self.after[from], self.before[until]);
        if after == NONE || before == NONE {
            return NONE;
        }
        u64::from(first.cost) + after + before + self.middle
    }
}

/// Levels 6 and 7 with the last entry's starts limited by the first's: for each later
/// entry, the cheapest way to finish the cycle from each of its choices, as suffix
/// minima.
struct Programme<'a> {
    entries: &'a [&'a [Choice]],
    spacing: i64,
    /// `suffix[k][j]`: the cheapest finish (cost, index) among choices `j..` of entry
    /// `k + 1`, earliest index on ties.
    suffix: Vec<Vec<(u64, usize)>>,
}

impl<'a> Programme<'a> {
    /// Tables sized for `entries`, filled by [`Programme::solve`].
    fn new(entries: &'a [&'a [Choice]], spacing: i64) -> Self {
        let suffix = entries
            .iter()
            .skip(1)
            .map(|list| vec![(NONE, usize::MAX); list.len() + 1])
            .collect();
        Programme {
            entries,
            spacing,
            suffix,
        }
    }

    /// Fills the tables, reusing them, for a first session that leaves the last
    /// session its first `in_time` starts: those that end `spacing` before the first
    /// session comes round again.
    fn solve(&mut self, in_time: usize) {
        let (entries, spacing) = (self.entries, self.spacing);
        let n = entries.len();
        for k in (1..n).rev() {
            let (head, tail) = self.suffix.split_at_mut(k);
            let minima = &mut head[k - 1];
            let list = &entries[k];
            minima[list.len()] = (NONE, usize::MAX);
            for j in (0..list.len()).rev() {
                let y = &list[j];
                let rest = if k == n - 1 {
                    if j < in_time { 0 } else { NONE }
                } else {
                    let next = &entries[k + 1];
                    let i = next.partition_point(|z| z.start() < y.end().saturating_add(spacing));
                    tail[0].get(i).map_or(NONE, |&(cost, _)| cost)
                };
                let value = if rest == NONE {
                    NONE
                } else {
                    rest + u64::from(y.cost)
                };
                minima[j] = if value <= minima[j + 1].0 {
                    (value, j)
                } else {
                    minima[j + 1]
                };
            }
        }
    }

    /// The cheapest total cost of the cycle from `first`.
    fn total(&self, first: &Choice) -> u64 {
        match self.next(0, first) {
            None if self.entries.len() == 1 => u64::from(first.cost),
            None => NONE,
            Some((cost, _)) if cost == NONE => NONE,
            Some((cost, _)) => cost + u64::from(first.cost),
        }
    }

    /// The best finish after choosing `from` in entry `k`.
    fn next(&self, k: usize, from: &Choice) -> Option<(u64, usize)> {
        let list = self.entries.get(k + 1)?;
        let i = list.partition_point(|z| z.start() < from.end().saturating_add(self.spacing));
        self.suffix[k].get(i).copied()
    }

    /// The choices that reach the cheapest total from `first`, the earliest on ties.
    fn picks(&self, first: usize) -> Vec<usize> {
        let mut picks = vec![first];
        let mut from = &self.entries[0][first];
        for k in 0..self.entries.len() - 1 {
            let Some((_, j)) = self.next(k, from) else {
                break;
            };
            picks.push(j);
            from = &self.entries[k + 1][j];
        }
        picks
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const DAY: u32 = 24 * 60;

    fn day(d: u32, starts: &[u32], minutes: u32, preferred: u32) -> Vec<Choice> {
        starts
            .iter()
            .map(|&t| Choice {
                start: d * DAY + t,
                minutes,
                cost: t.abs_diff(preferred),
            })
            .collect()
    }

    /// Every combination, scored by the same three levels, for comparison.
    fn brute(entries: &[Vec<Choice>]) -> Best {
        let mut best: Option<Best> = None;
        let mut picks = vec![0; entries.len()];
        loop {
            let chosen: Vec<&Choice> = picks.iter().zip(entries).map(|(&i, e)| &e[i]).collect();
            let n = chosen.len();
            let spacing = if n < 2 {
                i64::MAX
            } else {
                (0..n)
                    .map(|i| {
                        let next = chosen[(i + 1) % n];
                        let wrap = if i + 1 == n { WEEK } else { 0 };
                        next.start() + wrap - chosen[i].end()
                    })
                    .min()
                    .unwrap_or(i64::MAX)
            };
            let cost = chosen.iter().map(|c| u64::from(c.cost)).sum();
            let candidate = Best {
                spacing,
                cost,
                picks: picks.clone(),
            };
            let better = best.as_ref().is_none_or(|b| {
                (
                    candidate.spacing,
                    std::cmp::Reverse(candidate.cost),
                    std::cmp::Reverse(&candidate.picks),
                ) > (
                    b.spacing,
                    std::cmp::Reverse(b.cost),
                    std::cmp::Reverse(&b.picks),
                )
            });
            if better {
                best = Some(candidate);
            }
            // Next combination, last entry fastest.
            let mut k = entries.len();
            loop {
                if k == 0 {
                    return best.expect("at least one combination");
                }
                k -= 1;
                picks[k] += 1;
                if picks[k] < entries[k].len() {
                    break;
                }
                picks[k] = 0;
            }
        }
    }

    #[test]
    fn the_bounds_hold_the_exact_spacing() {
        let all: Vec<u32> = (24..=80).map(|q| q * 15).collect();
        for days in [[0, 3], [0, 1], [2, 6]] {
            let entries = [day(days[0], &all, 40, 1080), day(days[1], &all, 30, 1080)];
            let entries = [entries[0].as_slice(), entries[1].as_slice()];
            let exact = max_spacing(&entries, i64::MIN).expect("a spacing");
            assert!(first_choices_spacing(&entries) <= exact && exact <= spacing_bound(&entries));
        }
    }

    #[test]
    fn spacing_spreads_two_sessions_half_a_week_apart() {
        let all: Vec<u32> = (24..=80).map(|q| q * 15).collect(); // 06:00..20:00
        let entries = vec![day(0, &all, 40, 1080), day(3, &all, 40, 1080)];
        let best = best(&entries).expect("has a plan");
        assert_eq!(best, brute(&entries));
        assert!(best.spacing >= 3 * i64::from(DAY) - 14 * 60);
    }

    #[test]
    fn a_pinned_session_is_part_of_the_cycle() {
        let all: Vec<u32> = (24..=80).map(|q| q * 15).collect();
        let entries = vec![
            day(0, &all, 40, 1080),
            vec![Choice {
                start: 2 * DAY + 19 * 60,
                minutes: 45,
                cost: 0,
            }],
            day(4, &all, 40, 1080),
        ];
        assert_eq!(best(&entries).expect("has a plan"), brute(&entries));
    }

    #[test]
    fn matches_brute_force_on_irregular_choices() {
        // Deterministic pseudo-random lists with holes, various days and lengths.
        let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut next = || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        for case in 0..400 {
            // Up to four sessions; fewer choices a day when there are more sessions.
            let n = 1 + (case % 4) as usize;
            let keep = [2, 3, 6, 10][n - 1];
            let mut days: Vec<u32> = (0..7).collect();
            days.sort_by_key(|_| next());
            let mut days: Vec<u32> = days[..n].to_vec();
            days.sort_unstable();
            let preferred = (next() % 96) as u32 * 15;
            let minutes = 30 + (next() % 16) as u32;
            let entries: Vec<Vec<Choice>> = days
                .iter()
                .map(|&d| {
                    let starts: Vec<u32> = (0..92)
                        .map(|q| q * 15)
                        .filter(|_| next() % keep == 0)
                        .collect();
                    let starts = if starts.is_empty() { vec![600] } else { starts };
                    day(d, &starts, minutes, preferred)
                })
                .collect();
            assert_eq!(
                best(&entries).expect("has a plan"),
                brute(&entries),
                "{entries:?}"
            );
        }
    }
}
