//! The coaching rules as numbers, each with the reason it has the value it has.
//!
//! Every number the planner takes from the coaching article, and every bound it puts
//! on input, lives here, so that a coach can read the whole rule book on one screen.

/// Fewest strength sessions a week that still build strength: the article's "2 to 3".
pub const SESSIONS_MIN: u8 = 2;
/// Most strength sessions a week before lifting starts to steal recovery from running.
pub const SESSIONS_MAX: u8 = 3;
/// Sessions aimed for when the runner does not say: the top of the article's range.
pub const SESSIONS_DEFAULT: u8 = 3;

/// Shortest session that holds a warm-up and the main lifts: the article's 30 minutes.
pub const SESSION_MINUTES_MIN: u32 = 30;
/// Longest session before it competes with the running: the article's 45 minutes.
pub const SESSION_MINUTES_MAX: u32 = 45;
/// Session length when the runner does not say: inside the range, with room to spare.
pub const SESSION_MINUTES_DEFAULT: u32 = 40;

/// A heavy lift and a hard run at least this far apart (hard rule): the article's
/// "at least 6 hours", which protects the quality of the hard run.
pub const HEAVY_GAP_MIN: u32 = 6 * 60;
/// The ideal spacing of a heavy lift from a hard run: the article's "ideally 24 to 48
/// hours", so the nervous system has recovered. A preference, not a hard rule.
pub const HEAVY_GAP_IDEAL: u32 = 24 * 60;
/// The ideal spacing of a heavy lift from a *key* run (a race, or a hard run of
/// [`KEY_RUN_MINUTES`] or more): 48 h, the top of the article's "24 to 48 hours". †
/// Heavy lower-body work can leave running economy and leg power down for up to two
/// days (Blagrove et al. 2018, Sports Med 48:1117), so the runs that matter most get
/// the whole 48 h.
pub const HEAVY_GAP_IDEAL_KEY: u32 = 48 * 60;
/// A hard run this long or longer is a key run: the long run of a marathon build. †
/// Common coaching practice (2.5 h is where long-run fatigue lasts into a second day).
pub const KEY_RUN_MINUTES: u32 = 150;
/// Most heavy sessions a week when the runner does not say. † Two heavy sessions a
/// week build maximal strength in runners; a third adds fatigue, not strength
/// (Rønnestad & Mujika 2014, SJMSS 24:603; Blagrove et al. 2018).
pub const HEAVY_MAX_DEFAULT: u8 = 2;
/// Fewest heavy sessions a runner may cap the week at: one keeps strength in season
/// (Rønnestad et al. 2010, EJAP 110:1269). †
pub const HEAVY_MAX_MIN: u8 = 1;
/// Least time between a strength session and a run when the runner does not say:
/// time to change, eat and travel. † Common practice.
pub const CHANGEOVER_MINUTES_DEFAULT: u32 = 30;
/// Most changeover a runner may ask for: three hours keeps at least one start open
/// on a day with a run.
pub const CHANGEOVER_MINUTES_MAX: u32 = 180;
/// Plyometrics only when fatigue is low: never within this long after a hard run.
pub const PLYO_AFTER_HARD_MIN: u32 = 24 * 60;

/// Sessions start on this grid (minutes), so start times read like a calendar's.
pub const START_GRID: u32 = 15;

/// Earliest start of a strength session when the runner does not say (minutes of the day).
pub const LIFT_WINDOW_START_DEFAULT: u32 = 6 * 60;
/// Latest end of a strength session when the runner does not say (minutes of the day).
pub const LIFT_WINDOW_END_DEFAULT: u32 = 21 * 60;
/// Start time the planner leans towards when all else is equal: after work.
pub const PREFERRED_LIFT_TIME_DEFAULT: u32 = 18 * 60;
/// Start of a run that gives no `at`: a common morning run.
pub const RUN_TIME_DEFAULT: u32 = 7 * 60;
/// Weekly run minutes from which main lifts move to the light end of the range: at
/// about six hours a week, running is the main stress and lifting must stay fresh.
pub const HIGH_VOLUME_MINUTES_DEFAULT: u32 = 360;

/// The Epley constant: a set of r reps to failure is taken at 1 / (1 + r / 30) of 1RM.
/// The planner uses the same model both ways (estimating 1RM, prescribing loads).
pub const EPLEY_DIVISOR: f64 = 30.0;

/// Most reps a recent set may have to estimate 1RM from: past about a dozen reps the
/// Epley estimate drifts too far to load from.
pub const ESTIMATE_REPS_MAX: u32 = 12;
/// Heaviest 1RM or set weight accepted, in the schedule's units: a typo guard.
pub const LOAD_MAX: f64 = 1000.0;

/// Fewest reps of a loaded set: below three, a set is max testing, not training.
pub const REPS_MIN: u32 = 3;
/// Most reps of a main lift (squat, deadlift, hip thrust): with 1–2 in reserve, six
/// reps is about 79 % of 1RM, the light end of the article's 80–100 %. Rønnestad &
/// Mujika 2014 (SJMSS 24:603) recommend heavy sets of 4–10RM for endurance athletes.
pub const MAIN_REPS_MAX: u32 = 6;
/// Most reps of a loaded accessory (lunges, step-ups, calves): the article's 8.
pub const REPS_MAX: u32 = 8;
/// Fewest reps left in reserve: never to failure.
pub const RIR_MIN: u32 = 1;
/// Most reps left in reserve that still make a set challenging.
pub const RIR_MAX: u32 = 2;
/// Reps in reserve of main lifts when running volume is high: the easy end.
pub const HIGH_VOLUME_RIR: u32 = 2;
/// Tempo of main lifts when running volume is high: three seconds down, a pause,
/// one second up, so the load can be lighter and the work controlled.
pub const HIGH_VOLUME_TEMPO: &str = "3-1-1";
/// Seconds one controlled rep takes, for the session's time estimate.
pub const SECONDS_PER_REP: u32 = 3;
/// Seconds one rep takes at the high-volume tempo (3 down, 1 pause, 1 up).
pub const SECONDS_PER_SLOW_REP: u32 = 5;
/// Sets a novice drops from each exercise: less volume while the pattern is learnt
/// (SPEC §4).
pub const NOVICE_FEWER_SETS: u32 = 1;
/// Reps of a novice's loaded main lift: the top of the SPEC's 6–8, so with
/// [`NOVICE_MAIN_RIR`] in reserve the model puts it at 75 % of 1RM, the lightest
/// load that still builds strength while the pattern is learnt.† Common coaching
/// practice; Blagrove et al. 2018 (Sports Med 48:1117) found strength gains in
/// runners new to lifting from moderate loads as well as heavy ones.
pub const NOVICE_MAIN_REPS: u32 = 8;
/// Reps in reserve of a novice's main lift: the easy end of the article's 1–2.
pub const NOVICE_MAIN_RIR: u32 = 2;
/// Rest on a novice's body-weight work, in seconds: long enough for good form, short
/// enough that the session is not mostly waiting (SPEC §4).
pub const NOVICE_REST_SECONDS: std::ops::RangeInclusive<u32> = 60..=90;
/// Sets the main lifts drop at high running volume, so that sets × reps never rise
/// above the normal week's: running is the main stress, and Rønnestad & Mujika 2014
/// (SJMSS 24:603) advise less strength volume when endurance training is heavy.†
pub const HIGH_VOLUME_FEWER_SETS: u32 = 1;
/// Ramp-up sets before each loaded main lift, counted in the time estimate: common
/// coaching practice (an empty-bar or light set, then one near the working load).†
pub const RAMP_UP_SETS: u32 = 2;
/// Rest after a ramp-up set, in seconds: time to change the plates.†
pub const RAMP_UP_REST_SECONDS: u32 = 60;
/// Seconds to set up each exercise (fetch the dumbbells, load the bar, set the band),
/// counted in the time estimate: what a real gym takes (issue 12).†
pub const SETUP_SECONDS: u32 = 60;
/// Fewest exercises of a light session: one that carries nothing for the week still
/// gets a short round of stability and core work.
pub const LIGHT_EXERCISES_MIN: usize = 4;
/// Fewest sets an exercise is trimmed to when a session runs long (and fewest sets of
/// a main lift at high running volume).
pub const SETS_MIN: u32 = 2;
/// Most foot contacts of plyometrics in one session: the article's "small doses";
/// Blagrove et al. 2018 (Sports Med 48:1117) report running-economy gains from low
/// plyometric volumes added to running, and Beattie et al. 2014/2017 combined heavy
/// lifts with a small explosive block in the same sessions for distance runners.†
pub const PLYO_CONTACTS_MAX: u32 = 40;
/// Loads round to this many kilograms (the smallest common plate pair).
pub const LOAD_STEP_KG: f64 = 2.5;
/// Loads round to this many pounds (the smallest common plate pair).
pub const LOAD_STEP_LB: f64 = 5.0;
/// Dumbbells come in 2 kg steps in most gyms and adjustable sets (per hand).
pub const DUMBBELL_STEP_KG: f64 = 2.0;
/// Dumbbells come in 5 lb steps (per hand).
pub const DUMBBELL_STEP_LB: f64 = 5.0;
/// Kettlebells come in 4 kg sizes (8, 12, 16, 20, 24 …); loads round down to one.
pub const KETTLEBELL_STEP_KG: f64 = 4.0;
/// Kettlebells sold in pounds come in about 9 lb steps (the 4 kg sizes: 18, 26, 35 …
/// rounded); loads round down to a multiple of 9.
pub const KETTLEBELL_STEP_LB: f64 = 9.0;

/// Every this many weeks of a block is a deload week when the running plan marks no
/// cutback weeks, so strength keeps coming back fresh: the common three-weeks-on,
/// one-off rhythm. † Common coaching practice. When the running plan marks its own
/// cutback weeks, strength deloads with them instead, so that both kinds of fatigue
/// drop in the same week (Blagrove et al. 2018, Sports Med 48:1117).
pub const DELOAD_EVERY_WEEKS: u32 = 4;

/// Weeks of power before race week: heavy and fast with plyometrics, turning maximal
/// strength into running economy and a faster finish in the last month. †
/// (Blagrove et al. 2018; Beattie et al. 2014, 2017.)
pub const POWER_WEEKS: u32 = 4;
/// Most base weeks at the start of a block: long enough to learn the lifts at a slow
/// tempo before they get heavy, short enough to leave time to build. † (Beattie et al.
/// 2014, Int J Sports Physiol Perform; common practice.)
pub const BASE_WEEKS_MAX: u32 = 4;
/// Most heavy sessions a week in base, strength and power, whatever `heavy_max`: two
/// heavy sessions a week build maximal strength in endurance runners, a third adds
/// fatigue, not strength. † (Rønnestad & Mujika 2014, SJMSS 24:603.)
pub const BLOCK_HEAVY_MAX: u8 = 2;
/// Heavy sessions a week in maintenance: one heavy session a week keeps the strength
/// gained over a season of racing. † (Rønnestad et al. 2010, EJAP 110:1269.)
pub const MAINTENANCE_HEAVY: u8 = 1;
/// Most sessions a week in maintenance: the heavy one and a light one; in season the
/// running comes first. † (Rønnestad et al. 2010.)
pub const MAINTENANCE_SESSIONS: u8 = 2;
/// Main-lift sets a maintenance week drops from the template as written: fewer sets,
/// the same intensity, keep strength (Rønnestad et al. 2010). †
pub const MAINTENANCE_FEWER_SETS: u32 = 1;

/// The strength ladder, lightest first, as (reps, reps in reserve): by the model
/// 1 / (1 + (r + q) / 30) about 79, 81, 83, 86 and 88 % of 1RM. Heavy sets of few
/// reps far from failure build maximal strength in runners without adding muscle
/// mass (Rønnestad & Mujika 2014; Blagrove et al. 2018). †
pub const LADDER: [(u32, u32); 5] = [(6, 2), (5, 2), (4, 2), (3, 2), (3, 1)];
/// The strength phase starts on this step of [`LADDER`]: 5 @ 2.
pub const LADDER_START: usize = 1;
/// The heaviest step of [`LADDER`] a novice lifts, in every phase: 5 @ 2, about 81 %.
/// A runner new to lifting gains strength from moderate loads and learns the pattern
/// before going near 85–90 % (common practice; Blagrove et al. 2018). †
pub const LADDER_NOVICE_TOP: usize = 1;
/// Main lifts in the base phase: the light end of the model, at [`BASE_TEMPO`]. †
pub const BASE_DOSE: (u32, u32) = (6, 2);
/// Tempo of main lifts in the base phase: three seconds down, a pause, one up, so the
/// pattern is learnt under control before the loads climb. †
pub const BASE_TEMPO: &str = "3-1-1";
/// Main lifts in the power phase: heavy but few, lifted fast on the way up, so the
/// strength is turned into rate of force (Beattie et al. 2017, IJSPP 12:1102). †
pub const POWER_DOSE: (u32, u32) = (3, 2);
/// Main lifts in maintenance: heavy enough to keep maximal strength (Rønnestad et
/// al. 2010). †
pub const MAINTENANCE_DOSE: (u32, u32) = (4, 2);
/// A deload week keeps at most this share of each exercise's sets (rounded up):
/// Rønnestad et al. 2010 (EJAP 110:1269) kept strength gains in season with a much
/// smaller dose of heavy sets, so halving them for a week costs nothing.†
pub const DELOAD_SETS_SHARE: f64 = 0.5;
/// A deload week's loads are at most this share of the usual load; the reps in
/// reserve printed are the model's for the lighter load (about 6 for a 5-rep set).†
pub const DELOAD_LOAD_SHARE: f64 = 0.9;
/// No heavy session starts in this many days before race day: heavy lifting's
/// fatigue takes about that long to clear fully, and strength lasts through a short
/// break (Rønnestad & Mujika 2014; Blagrove et al. 2018). †
pub const TAPER_NO_HEAVY_DAYS: u64 = 10;
/// Most sessions in race week, light, early in the week: enough to keep the pattern,
/// too little to tire. † (Blagrove et al. 2018.)
pub const RACE_WEEK_SESSIONS_MAX: usize = 1;
/// The last session before a race ends at least this long before the start: the
/// 48 h heavy work wants from a key run, kept by every session in the taper. †
pub const RACE_LAST_SESSION_GAP: u32 = 48 * 60;
/// Days kept free of strength from race day on: race day and the day after, the
/// first day of recovery. † Common practice.
pub const RACE_REST_DAYS: u64 = 2;
/// A tune-up race inside a block (a `race` run in a `[weeks]` table) keeps heavy
/// lifting at least this far away, before and after: the ideal of a key run made a
/// hard rule, since a race is run all out. †
pub const TUNE_UP_HEAVY_GAP: u32 = 48 * 60;
/// Most weeks in a block: two years.
pub const BLOCK_WEEKS_MAX: u32 = 104;

/// Most warm-up minutes a template may give: a third of the shortest session.
pub const TEMPLATE_WARMUP_MINUTES_MAX: u32 = 10;
/// Most reps of any set in a template (bodyweight work may go past the loaded 8).
pub const TEMPLATE_REPS_MAX: u32 = 30;
/// Shortest and longest hold, in seconds.
pub const TEMPLATE_HOLD_SECONDS: std::ops::RangeInclusive<u32> = 5..=300;
/// Most sets of one exercise in a template.
pub const TEMPLATE_SETS_MAX: u32 = 6;
/// Longest rest between sets, in seconds.
pub const TEMPLATE_REST_SECONDS_MAX: u32 = 600;

/// Longest single run or pinned session the schedule accepts: anything longer than a
/// day is a typo, not a training week.
pub const ACTIVITY_MINUTES_MAX: u32 = 24 * 60;
/// Most runs or pinned sessions on one day: a day with more is a mistake in the file.
pub const ENTRIES_PER_DAY_MAX: usize = 20;
/// Largest schedule file read: a week fits in a few hundred bytes, so anything near a
/// mebibyte is the wrong file.
pub const INPUT_BYTES_MAX: u64 = 1024 * 1024;
/// Most tokens (words, values, marks, line ends) in one file. The `toml` parser keeps
/// every token of a document, about 50 bytes each; a template holds some 600, and this
/// bound keeps the tokens of any file under 6 MiB, well inside the 64 MiB promise.
pub const DOCUMENT_TOKENS_MAX: usize = 100_000;
/// Most keys, values and tables (counted by their `=`, `,`, `.`, `[` and `{`) in one
/// file: each costs the parser up to 1.5 KiB, so this bound holds a document's tables
/// under 30 MiB; the fullest schedule the other limits allow needs a few thousand.
pub const DOCUMENT_PIECES_MAX: usize = 20_000;
/// Deepest nesting of tables, arrays and dotted keys: a schedule needs 4 levels
/// (`[weeks."DATE"]`, a day's array, its table), and the parser's own limit, reached
/// first, was reported without a place.
pub const DOCUMENT_DEPTH_MAX: usize = 16;
/// Minutes in a week: the largest `high_volume_minutes`, and the period of every gap.
pub const WEEK_MINUTES: u32 = 7 * 24 * 60;
/// Minutes in a day.
pub const DAY_MINUTES: u32 = 24 * 60;

/// The kinds of run, whether each is hard, and its length when the schedule gives none.
///
/// Hard runs are the quality sessions the strength work must stay away from; easy
/// runs may share a day with lifting.
pub const RUN_TYPES: &[RunTypeRule] = &[
    RunTypeRule {
        name: "rest",
        hard: false,
        key: false,
        default_minutes: 0,
    },
    RunTypeRule {
        name: "easy",
        hard: false,
        key: false,
        default_minutes: 45,
    },
    RunTypeRule {
        name: "recovery",
        hard: false,
        key: false,
        default_minutes: 30,
    },
    RunTypeRule {
        name: "long",
        hard: true,
        key: false,
        default_minutes: 120,
    },
    RunTypeRule {
        name: "tempo",
        hard: true,
        key: false,
        default_minutes: 50,
    },
    RunTypeRule {
        name: "threshold",
        hard: true,
        key: false,
        default_minutes: 50,
    },
    RunTypeRule {
        name: "intervals",
        hard: true,
        key: false,
        default_minutes: 60,
    },
    RunTypeRule {
        name: "vo2max",
        hard: true,
        key: false,
        default_minutes: 60,
    },
    RunTypeRule {
        name: "hills",
        hard: true,
        key: false,
        default_minutes: 50,
    },
    RunTypeRule {
        name: "fartlek",
        hard: true,
        key: false,
        default_minutes: 45,
    },
    RunTypeRule {
        name: "race",
        hard: true,
        key: true,
        default_minutes: 60,
    },
];

/// One kind of run in [`RUN_TYPES`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RunTypeRule {
    /// The name used in schedule files.
    pub name: &'static str,
    /// Whether the run is a hard (quality) session.
    pub hard: bool,
    /// Whether the run is a key session whatever its length: a race.
    pub key: bool,
    /// Length in minutes when the schedule gives none.
    pub default_minutes: u32,
}

// The bounds must stay ordered for the defaults to be valid input: checked when the
// crate compiles, so a bad edit cannot build.
const _: () = {
    assert!(SESSIONS_MIN <= SESSIONS_DEFAULT && SESSIONS_DEFAULT <= SESSIONS_MAX);
    assert!(SESSION_MINUTES_MIN <= SESSION_MINUTES_DEFAULT);
    assert!(SESSION_MINUTES_DEFAULT <= SESSION_MINUTES_MAX);
    assert!(HEAVY_GAP_MIN < HEAVY_GAP_IDEAL);
    assert!(HEAVY_GAP_IDEAL < HEAVY_GAP_IDEAL_KEY);
    assert!(HEAVY_MAX_MIN <= HEAVY_MAX_DEFAULT && HEAVY_MAX_DEFAULT <= SESSIONS_MAX);
    assert!(LIFT_WINDOW_END_DEFAULT - LIFT_WINDOW_START_DEFAULT >= SESSION_MINUTES_MAX);
    assert!(LADDER_START < LADDER.len() && LADDER_NOVICE_TOP < LADDER.len());
    assert!(BLOCK_HEAVY_MAX <= SESSIONS_MAX && MAINTENANCE_HEAVY <= MAINTENANCE_SESSIONS);
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn run_type_names_are_unique_and_rest_is_first() {
        assert_eq!(RUN_TYPES[0].name, "rest");
        for (i, a) in RUN_TYPES.iter().enumerate() {
            assert!(
                RUN_TYPES[i + 1..].iter().all(|b| b.name != a.name),
                "{}",
                a.name
            );
        }
    }
}
