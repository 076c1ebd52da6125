//! The words every format shares: how a gap, a reason, a level, a finding, a session
//! note or an exercise reads.
//!
//! The placement, the judge and the prescriber return data; this module is where
//! that data becomes sentences, so rewording a message never touches the search.

use std::fmt;

use crate::block::{BlockWeek, DeloadWhy};
use crate::day::Day;
use crate::equipment::Equipment;
use crate::gaps::{Gap, Side};
use crate::judge::{Detail, Finding};
use crate::phase::{Phase, PhaseWhy};
use crate::placement::Infeasible;
use crate::plan::{
    Alternative, Criterion, DayReason, KindWhy, Note as PlanNote, Plan, RaceRule, Session, StartWhy,
};
use crate::rules::{
    BLOCK_HEAVY_MAX, DELOAD_LOAD_SHARE, HEAVY_GAP_MIN, HIGH_VOLUME_RIR, HIGH_VOLUME_TEMPO,
    MAIN_REPS_MAX, MAINTENANCE_HEAVY, MAINTENANCE_SESSIONS, NOVICE_MAIN_REPS, NOVICE_MAIN_RIR,
    POWER_WEEKS, RACE_LAST_SESSION_GAP, SESSION_MINUTES_MAX, SESSION_MINUTES_MIN, SESSIONS_MAX,
    SESSIONS_MIN, TAPER_NO_HEAVY_DAYS,
};
use crate::schedule::Kind;
use crate::template::Family;
use crate::workout::{Coverage, Note, Prescribed};

/// `5 h 30 min`, `24 h`, `45 min`: the one way durations are written, in every
/// format's words.
pub fn duration(minutes: u32) -> String {
    span(u64::from(minutes) * 60, "min")
}

/// `30 s`, `2 min`, `2 min 30 s`: a rest or a hold, in the words of [`duration`].
pub fn seconds(seconds: u32) -> String {
    span(u64::from(seconds), "s")
}

/// Hours, minutes and seconds, each only when it is not zero; nothing at all is
/// `0 {zero}`.
fn span(seconds: u64, zero: &str) -> String {
    let parts: Vec<String> = [
        (seconds / 3600, "h"),
        (seconds / 60 % 60, "min"),
        (seconds % 60, "s"),
    ]
    .iter()
    .filter(|(n, _)| *n > 0)
    .map(|(n, unit)| format!("{n} {unit}"))
    .collect();
    if parts.is_empty() {
        format!("0 {zero}")
    } else {
        parts.join(" ")
    }
}

/// `5 h 30 min after the tue 06:30 intervals`.
pub fn gap(gap: &Gap, side: Side) -> String {
    let side = match side {
        Side::AfterRun => "after",
        Side::BeforeRun => "before",
    };
    let key = if gap.key { " (key)" } else { "" };
    format!(
        "{} {side} the {} {} {}{key}",
        duration(gap.minutes),
        gap.day,
        gap.at,
        gap.run_type
    )
}

/// What a level of the order prefers: `level 3 (smaller shortfalls from the ideal)`.
pub fn level(criterion: Criterion) -> String {
    let text = match criterion {
        Criterion::Sessions => "more sessions",
        Criterion::Heavy => "more heavy sessions",
        Criterion::Shortfall => "heavy sessions nearer the ideal distance from hard runs",
        Criterion::Spacing => "sessions spread over more days",
        Criterion::HeavySpacing => "heavy sessions spread over more days",
        Criterion::PreferredTime => "starts nearer the preferred lift time",
        Criterion::Earliest => "earlier in the week",
        Criterion::HeavyEarliest => "heavy sessions earlier in the week",
    };
    format!("level {} ({text})", criterion.number())
}

/// `mon, wed (heavy), fri`.
pub fn days(alternative: &Alternative) -> String {
    if alternative.days.is_empty() {
        return "no planned session".to_owned();
    }
    let names: Vec<String> = alternative
        .days
        .iter()
        .map(|d| {
            if alternative.heavy.contains(d) {
                format!("{d} heavy")
            } else {
                format!("{d} light")
            }
        })
        .collect();
    names.join(", ")
}

/// Why a day holds a session or not.
pub fn reason(reason: &DayReason) -> String {
    match reason {
        DayReason::Chosen => "holds a planned session".to_owned(),
        DayReason::Pinned => "holds a session you pinned".to_owned(),
        DayReason::HardRun { run_type, at } => {
            format!("hard run ({run_type} at {at}): no strength on a hard day")
        }
        DayReason::AfterHardRun { run_type, at } => format!(
            "hard run ({run_type} at {at}): no whole session fits {} after it",
            duration(HEAVY_GAP_MIN)
        ),
        DayReason::LiftFalse => "lift = false: kept free of strength".to_owned(),
        DayReason::NoRoom => {
            "no start in the lift window clear of the runs and their changeover".to_owned()
        }
        DayReason::NotNeeded => "free, but other days scored better".to_owned(),
        DayReason::TargetMet => "free; the pinned sessions already meet the target".to_owned(),
        DayReason::Taper => "kept free for the race".to_owned(),
    }
}

/// A day's reason with the best placement that differs there, for `--explain`.
pub fn day_reason(reason: &DayReason, alternative: Option<&Alternative>) -> String {
    match (reason, alternative) {
        (DayReason::Chosen, Some(alt)) => format!(
            "holds a planned session: without it the best is {}, which loses at {}",
            days(alt),
            level(alt.level)
        ),
        (DayReason::NotNeeded, Some(alt)) => format!(
            "free: the best week using it ({}) loses at {}",
            days(alt),
            level(alt.level)
        ),
        (DayReason::Chosen, None) => {
            "holds a planned session: the target needs every free day".to_owned()
        }
        (other, _) => self::reason(other),
    }
}

/// Why a session is heavy or light, with its gaps and shortfall, one line each.
pub fn session_reasons(s: &Session) -> Vec<String> {
    let need = duration(HEAVY_GAP_MIN);
    let mut lines = Vec::new();
    match (&s.why, s.pinned) {
        (_, true) => lines.push(format!("{} as you pinned it", s.kind.name())),
        (Some(why), false) => lines.push(match (&why.kind, s.kind) {
            (KindWhy::Chosen(alt), Kind::Heavy) => format!(
                "heavy: the best week with it light ({}) loses at {}",
                days(alt),
                level(alt.level)
            ),
            (KindWhy::Chosen(alt), Kind::Light) => format!(
                "light: the best week with it heavy ({}) loses at {}",
                days(alt),
                level(alt.level)
            ),
            (KindWhy::TooNearHardRun, _) => {
                format!("light: every start here is under {need} from a hard run")
            }
            (KindWhy::NextToHeavy(day), _) => {
                format!("light: heavy would fall the day next to the {day} heavy session")
            }
            (KindWhy::HeavyMaxReached(0), _) => {
                "light: this week of the block takes no heavy session".to_owned()
            }
            (KindWhy::HeavyMaxReached(max), _) => {
                format!("light: the week already holds {max} heavy, the most it may")
            }
            (KindWhy::Taper, _) => "light: the taper allows no heavy session here".to_owned(),
        }),
        (None, false) => {}
    }
    match (s.before, s.after) {
        (Some(before), Some(after)) => {
            lines.push(gap(&before, Side::AfterRun));
            lines.push(gap(&after, Side::BeforeRun));
        }
        _ => lines.push("no hard runs this week".to_owned()),
    }
    match (s.shortfall, s.short_of) {
        (Some(0), _) => {
            lines.push("no shortfall: the ideal distance from every hard run".to_owned())
        }
        (Some(short), Some((side, g))) => lines.push(format!(
            "{} short of the ideal {} {side_word} the {} {}",
            duration(short),
            duration(g.minutes + short),
            g.day,
            g.run_type,
            side_word = if side == Side::AfterRun {
                "after"
            } else {
                "before"
            }
        )),
        _ => {}
    }
    if let Some(why) = &s.why {
        lines.push(start(s, &why.start));
    }
    lines
}

/// Why a planned session starts when it does.
fn start(s: &Session, why: &StartWhy) -> String {
    let at = s.span.start.time();
    match *why {
        StartWhy::Nearest { preferred } => {
            format!("starts at {at}, the free start nearest the preferred {preferred}")
        }
        StartWhy::Earlier { other, preferred } => format!(
            "starts at {at}: {other} is as near the preferred {preferred}, and earlier wins (level 7)"
        ),
        StartWhy::KeepsHeavy { nearer, preferred } => format!(
            "starts at {at}: at {nearer}, nearer the preferred {preferred}, it could not be heavy (level 2)"
        ),
        StartWhy::SmallerShortfall {
            nearer,
            shortfall,
            preferred,
        } => format!(
            "starts at {at}: at {nearer}, nearer the preferred {preferred}, it would fall {} short of the ideal (level 3)",
            duration(shortfall)
        ),
    }
}

/// Why a block's week is in its phase, and what the phase is for.
pub fn phase_reason(week: &BlockWeek) -> String {
    let why = match week.phase_why {
        PhaseWhy::InSeason => "in season (--in-season)".to_owned(),
        PhaseWhy::Base { weeks } => format!(
            "one of the first {weeks} week{} of the block",
            if weeks == 1 { "" } else { "s" }
        ),
        PhaseWhy::Strength => "between base and power".to_owned(),
        PhaseWhy::Power { to_race } => format!(
            "{to_race} week{} before race week (the last {POWER_WEEKS} before it are power)",
            if to_race == 1 { "" } else { "s" }
        ),
        PhaseWhy::RaceWeek => "the week that holds race day".to_owned(),
        PhaseWhy::AfterRace => "after race week".to_owned(),
    };
    let what = match week.phase {
        Phase::Base => format!(
            "main lifts at the light end and a slow tempo to learn them before they get heavy; up to {BLOCK_HEAVY_MAX} heavy sessions, no plyometrics"
        ),
        Phase::Strength => format!(
            "maximal strength: the ladder climbs a step a week; up to {BLOCK_HEAVY_MAX} heavy sessions, no plyometrics"
        ),
        Phase::Power => format!(
            "heavy and fast, with jumps in the power session; up to {BLOCK_HEAVY_MAX} heavy sessions"
        ),
        Phase::Taper => format!(
            "at most one light session, on the earliest day that can hold one, ending {} before the start; none on race day or the day after",
            duration(RACE_LAST_SESSION_GAP)
        ),
        Phase::Maintenance => format!(
            "keep strength: {MAINTENANCE_HEAVY} heavy session, at most {MAINTENANCE_SESSIONS} sessions, main lifts a set fewer"
        ),
    };
    format!("{}: {why}; {what}", week.phase)
}

/// Why a block's week deloads or not, and what the taper allows.
pub fn deload_reason(week: &BlockWeek) -> Option<String> {
    let deload = match week.deload {
        Some(DeloadWhy::Cutback) => Some(
            "deload: the running plan marks this week cutback, so strength backs off with it"
                .to_owned(),
        ),
        Some(DeloadWhy::Every(n)) => Some(format!(
            "deload: no week of the block is marked cutback, so every {n}th week deloads"
        )),
        None if week.cutback_in_taper => {
            Some("no deload: marked cutback, but a taper week is light enough already".to_owned())
        }
        None => None,
    };
    let taper = (week.plan.taper && week.phase != Phase::Taper).then(|| {
        format!(
            "taper: the week holds some of the {TAPER_NO_HEAVY_DAYS} days before race day, which take no heavy session"
        )
    });
    match (deload, taper) {
        (Some(d), Some(t)) => Some(format!("{d}; {t}")),
        (d, t) => d.or(t),
    }
}

/// `5 @ 2 (81 %)`: the main lifts' dose of a block's week, `-` in the taper.
pub fn dose(week: &BlockWeek) -> String {
    match week.loading {
        Some(loading) => {
            let (reps, rir) = loading.dose();
            format!("{reps} @ {rir}")
        }
        None => "-".to_owned(),
    }
}

/// `week 3`, `weeks 1-4, 7`: week numbers in order, runs of them joined.
pub fn week_numbers(weeks: &[u32]) -> String {
    let mut runs: Vec<(u32, u32)> = Vec::new();
    for &n in weeks {
        match runs.last_mut() {
            Some((_, last)) if *last + 1 == n => *last = n,
            _ => runs.push((n, n)),
        }
    }
    let parts: Vec<String> = runs
        .iter()
        .map(|&(a, b)| {
            if a == b {
                a.to_string()
            } else {
                format!("{a}-{b}")
            }
        })
        .collect();
    let plural = weeks.len() > 1;
    format!("week{} {}", if plural { "s" } else { "" }, parts.join(", "))
}

/// A note of the placement in words.
pub fn placement_note(note: &PlanNote) -> String {
    match note {
        PlanNote::Pinned(finding) => format!("pinned {finding}"),
        PlanNote::Shortfall {
            session,
            side,
            gap: g,
            ideal,
        } => format!(
            "{} {} {}: {}; no slot this week allows {}",
            session.day,
            session.at,
            session.kind.name(),
            gap(g, *side),
            duration(*ideal)
        ),
        PlanNote::PinnedOverTarget { pinned, target } => {
            format!("you pinned {pinned} sessions, more than the {target} you aim for")
        }
        PlanNote::PinnedLeftOut { day, at, rule } => match rule {
            RaceRule::Clear => format!(
                "pinned {day} {at} session left out: no strength in the {} before the race, on race day or the day after",
                duration(RACE_LAST_SESSION_GAP)
            ),
            RaceRule::RaceWeekOne => format!(
                "pinned {day} {at} session left out: race week holds {} session",
                crate::rules::RACE_WEEK_SESSIONS_MAX
            ),
        },
        PlanNote::PinnedMadeLight { day, at } => format!(
            "pinned {day} {at} heavy session is light this week: no heavy lifting in the {TAPER_NO_HEAVY_DAYS} days before the race"
        ),
        PlanNote::FewerSessions { placed, target } => {
            format!("only {placed} of the {target} sessions you asked for fit this week")
        }
    }
}

/// Every warning of a plan, in words: the placement's notes, then the prescription's.
pub fn warnings(plan: &Plan) -> Vec<String> {
    plan.notes
        .iter()
        .map(placement_note)
        .chain(plan.coverage.iter().map(coverage))
        .collect()
}

impl fmt::Display for Finding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.session {
            Some(s) => write!(f, "{} {} {}: ", s.day, s.at, s.kind.name())?,
            None => write!(f, "week: ")?,
        }
        match self.detail {
            Detail::HardDay { run, after_run } => {
                if after_run {
                    write!(
                        f,
                        "under {} after the {} {} {}, the day's last hard run",
                        duration(HEAVY_GAP_MIN),
                        run.day,
                        run.at,
                        run.run_type
                    )
                } else {
                    write!(
                        f,
                        "on a hard day ({} at {}), strength goes on easy or rest days",
                        run.run_type, run.at
                    )
                }
            }
            Detail::HeavyGap { side, gap: g } => {
                write!(
                    f,
                    "{}, heavy needs {}",
                    gap(&g, side),
                    duration(HEAVY_GAP_MIN)
                )
            }
            Detail::Shortfall {
                side,
                gap: g,
                ideal,
            } => {
                write!(f, "{}, ideally {} or more", gap(&g, side), duration(ideal))
            }
            Detail::Overlap { run } => {
                write!(
                    f,
                    "overlaps the {} {} {} run",
                    run.day, run.at, run.run_type
                )
            }
            Detail::OneADay => write!(
                f,
                "a second session on {}, at most one a day",
                self.session.map_or(Day::Mon, |s| s.day)
            ),
            Detail::Length { minutes } => write!(
                f,
                // The bounds share their unit: both are under an hour.
                "{} long, a session lasts {SESSION_MINUTES_MIN} to {SESSION_MINUTES_MAX} min",
                duration(minutes)
            ),
            Detail::Changeover {
                side,
                minutes,
                run,
                need,
            } => write!(
                f,
                "{} {} the {} {} {}, changeover_minutes asks for {}",
                duration(minutes),
                if side == Side::AfterRun {
                    "after"
                } else {
                    "before"
                },
                run.day,
                run.at,
                run.run_type,
                duration(need)
            ),
            Detail::ConsecutiveHeavy { other } => write!(
                f,
                "heavy on the day next to the {} {} heavy session",
                other.day, other.at
            ),
            Detail::HeavyMax { count, max } => {
                write!(f, "{count} heavy sessions, heavy_max allows {max}")
            }
            Detail::Count { count } => write!(
                f,
                "{count} strength session{}, the rules call for {SESSIONS_MIN} to {SESSIONS_MAX} a week",
                if count == 1 { "" } else { "s" }
            ),
        }
    }
}

impl fmt::Display for Infeasible {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "no plan: only {} strength session{} fit{} this week, and the rules need at least {SESSIONS_MIN}",
            self.possible,
            if self.possible == 1 { "" } else { "s" },
            if self.possible == 1 { "s" } else { "" },
        )?;
        for (day, reason) in Day::ALL.iter().zip(self.days.iter()) {
            let text = match reason {
                DayReason::NotNeeded => "free: can hold a session".to_owned(),
                other => self::reason(other),
            };
            writeln!(f, "  {}  {text}", day.title())?;
        }
        write!(f, "to make room:")?;
        if self.days.contains(&DayReason::LiftFalse) {
            write!(f, "\n  - allow lifting on a day marked lift = false")?;
        }
        if self.days.contains(&DayReason::NoRoom) {
            write!(
                f,
                "\n  - widen lift_window, shorten changeover_minutes, or move an easy run out of the window"
            )?;
        }
        if self
            .days
            .iter()
            .any(|d| matches!(d, DayReason::HardRun { .. }))
        {
            write!(
                f,
                "\n  - set hard_days = \"after-run\" to lift 6 h after a hard run"
            )?;
        }
        write!(
            f,
            "\n  - make a hard day easy, or put two hard runs on one day"
        )
    }
}

/// A session note in a sentence.
pub fn session_note(note: &Note) -> String {
    match note {
        Note::Novice => format!(
            "novice: no barbell, main lifts at {NOVICE_MAIN_REPS} reps with {NOVICE_MAIN_RIR} in reserve, one set fewer, longer rests on body-weight work"
        ),
        Note::HighVolume {
            run_minutes,
            from_minutes,
        } => format!(
            "high running volume ({}, from {}): loaded main lifts at the light end (up to {MAIN_REPS_MAX} reps, {HIGH_VOLUME_RIR} in reserve) with the {HIGH_VOLUME_TEMPO} tempo and one set fewer, so their work does not grow",
            duration(*run_minutes),
            duration(*from_minutes)
        ),
        Note::Phase {
            phase,
            reps,
            rir,
            wave,
            fewer_sets,
            novice_cap,
            high_volume,
            slow_tempo,
        } => {
            let percent = crate::lift::fraction_of_one_rep_max(*reps, *rir) * 100.0;
            let mut text = match (phase, wave) {
                (crate::phase::Phase::Strength, Some(wave)) => format!(
                    "strength phase, wave {wave}: main lifts {reps} @ {rir} (about {percent:.0} % of 1RM)"
                ),
                (crate::phase::Phase::Power, _) => format!(
                    "power phase: main lifts {reps} @ {rir}, fast on the way up, in control on the way down"
                ),
                (crate::phase::Phase::Base, _) => format!(
                    "base phase: main lifts {reps} @ {rir} at a {} tempo",
                    crate::rules::BASE_TEMPO
                ),
                (phase, _) => format!(
                    "{} phase: main lifts {reps} @ {rir}{}",
                    phase.name(),
                    if *fewer_sets {
                        ", one set fewer than the template"
                    } else {
                        ""
                    }
                ),
            };
            if let Some((r, q)) = novice_cap {
                text.push_str(&format!("; novice: never heavier than {r} @ {q}"));
            }
            match high_volume {
                Some(true) => text.push_str("; high running volume: a step lighter"),
                Some(false) => text.push_str("; high running volume: already the lightest step"),
                None => {}
            }
            if *slow_tempo {
                text.push_str(&format!(", {HIGH_VOLUME_TEMPO} tempo"));
            }
            text
        }
        Note::Deload => format!(
            "deload week: half the sets, loads at most {:.0} % of usual, reps in reserve as the lighter load gives them",
            DELOAD_LOAD_SHARE * 100.0
        ),
        Note::Carries(families) => format!(
            "carries the week's {}, which the heavy sessions leave out",
            list(families.iter().map(|f| family(*f)))
        ),
        Note::Trimmed {
            minutes,
            left_out,
            fewer_sets,
        } => {
            let mut parts = Vec::new();
            if !left_out.is_empty() {
                parts.push(format!("left out {}", left_out.join(", ")));
            }
            if !fewer_sets.is_empty() {
                parts.push(format!("fewer sets of {}", fewer_sets.join(", ")));
            }
            format!("to fit {}: {}", duration(*minutes), parts.join("; "))
        }
        Note::OverTime { estimated, minutes } => {
            format!(
                "estimated {}, more than the session's {}",
                duration(*estimated),
                duration(*minutes)
            )
        }
    }
}

/// A coverage finding in a sentence.
pub fn coverage(finding: &Coverage) -> String {
    match finding {
        Coverage::Muscle(muscle) => format!("this week's sessions do not train the {muscle}"),
        Coverage::Family(f) => format!("this week's sessions have no {}", family(*f)),
        Coverage::Impossible {
            family: f,
            would_need,
        } => {
            let options: Vec<String> = would_need.iter().map(|e| equipment(*e)).collect();
            format!(
                "no {} this week: your equipment allows no variant; {} would bring them back",
                family(*f),
                or_list(&options)
            )
        }
        Coverage::NoSingleLeg { day, start } => {
            format!("the {day} {start} session has no single-leg exercise")
        }
    }
}

/// A family as a runner says it: `step-ups`, `the Pallof press`.
pub fn family(family: Family) -> &'static str {
    match family {
        Family::Squat => "squats",
        Family::Lunge => "lunges",
        Family::Deadlift => "deadlifts",
        Family::CalfRaise => "calf raises",
        Family::StepUp => "step-ups",
        Family::Bridge => "bridges or hip thrusts",
        Family::Plank => "planks",
        Family::PallofPress => "Pallof presses",
        Family::Plyometric => "jumps",
    }
}

/// What a set of equipment is, as a runner says it: `a box`, `dumbbells and a bench`,
/// `body weight`.
pub fn equipment(set: Equipment) -> String {
    if set.is_empty() {
        return "body weight".to_owned();
    }
    let names: Vec<&str> = set
        .items()
        .map(|i| match i {
            crate::equipment::Item::Barbell => "a barbell",
            crate::equipment::Item::Dumbbells => "dumbbells",
            crate::equipment::Item::Kettlebell => "a kettlebell",
            crate::equipment::Item::Bench => "a bench",
            crate::equipment::Item::Box => "a box",
            crate::equipment::Item::Band => "a band",
            crate::equipment::Item::Cable => "a cable",
        })
        .collect();
    list(names)
}

/// `a`, `a and b`, `a, b and c`.
fn list<S: AsRef<str>>(items: impl IntoIterator<Item = S>) -> String {
    let items: Vec<String> = items.into_iter().map(|s| s.as_ref().to_owned()).collect();
    match items.as_slice() {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// `a`, `a or b`, `a, b or c`.
fn or_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} or {last}", init.join(", ")),
    }
}

/// The exercise's cue: the variant's how-to, then what the exercise is for.
pub fn cue(e: &Prescribed) -> String {
    format!("{}. {}", e.variant_cue(), e.cue())
}

/// `82.5` stays, `80.0` becomes `80`.
pub fn number(value: f64) -> String {
    let text = format!("{value:.1}");
    text.strip_suffix(".0").map_or(text.clone(), str::to_owned)
}

/// Sets by reps or by a hold, per leg or side: `3 x 5/leg`, `2 x 30 s/side` with
/// `times` = `" x "`, `3x5/leg` with `"x"`; `None` for an exercise given in sets alone.
/// Every format writes an exercise's dose with this.
pub fn sets_and_reps(e: &Prescribed, times: &str) -> Option<String> {
    let each = if e.single_leg() {
        "/leg"
    } else if e.per_side() {
        "/side"
    } else {
        ""
    };
    let per_set = match (e.reps, e.seconds) {
        (Some(reps), _) => reps.to_string(),
        (None, Some(held)) => seconds(held),
        (None, None) => return None,
    };
    Some(format!("{}{times}{per_set}{each}", e.sets))
}

/// A load as printed: `82.5 kg`, `14 kg/hand` for a pair of dumbbells.
pub fn load(e: &Prescribed, units: &str) -> Option<String> {
    let per_hand = e.implement().is_some_and(|i| i.per_hand());
    e.load.map(|l| {
        format!(
            "{} {units}{}",
            number(l),
            if per_hand { "/hand" } else { "" }
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_read_naturally() {
        assert_eq!(duration(45), "45 min");
        assert_eq!(duration(360), "6 h");
        assert_eq!(duration(650), "10 h 50 min");
        assert_eq!(duration(0), "0 min");
        assert_eq!(duration(24 * 60 + 5), "24 h 5 min");
    }

    #[test]
    fn rests_and_holds_read_as_durations() {
        assert_eq!(seconds(30), "30 s");
        assert_eq!(seconds(120), "2 min");
        assert_eq!(seconds(150), "2 min 30 s");
        assert_eq!(seconds(3600 + 5), "1 h 5 s");
        assert_eq!(seconds(0), "0 s");
    }

    #[test]
    fn levels_say_what_they_prefer() {
        assert_eq!(level(Criterion::Heavy), "level 2 (more heavy sessions)");
        assert!(level(Criterion::HeavyEarliest).starts_with("level 8 "));
    }

    use crate::equipment::Item;

    #[test]
    fn equipment_reads_as_a_runner_says_it() {
        assert_eq!(equipment(Equipment::NONE), "body weight");
        assert_eq!(equipment(Equipment::of(Item::Box)), "a box");
        assert_eq!(
            equipment(Equipment::of(Item::Dumbbells).with(Item::Bench)),
            "dumbbells and a bench"
        );
        let finding = Coverage::Impossible {
            family: Family::StepUp,
            would_need: vec![Equipment::of(Item::Bench), Equipment::of(Item::Box)],
        };
        assert_eq!(
            coverage(&finding),
            "no step-ups this week: your equipment allows no variant; a bench or a box would bring them back"
        );
    }
}
