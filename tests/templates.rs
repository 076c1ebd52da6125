//! Session templates from the command line: the library listing and `--plans DIR`.

use std::path::PathBuf;

use crate::util::{planner, root};

/// A fresh folder holding copies of the built-in templates.
fn plans_copy(name: &str) -> PathBuf {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("creates the folder");
    for entry in std::fs::read_dir(root().join("plans")).expect("plans/ exists") {
        let path = entry.expect("readable").path();
        std::fs::copy(&path, dir.join(path.file_name().expect("a file"))).expect("copies");
    }
    dir
}

#[test]
fn exercises_lists_every_family_of_the_rules() {
    let outcome = planner(["exercises", "--format", "json"]).run().code(0);
    let json: serde_json::Value = serde_json::from_str(&outcome.stdout).expect("valid JSON");
    let families: Vec<&str> = json
        .as_array()
        .expect("an array")
        .iter()
        .filter_map(|e| e["family"].as_str())
        .collect();
    for family in [
        "squat",
        "lunge",
        "deadlift",
        "calf_raise",
        "step_up",
        "bridge",
        "plank",
        "pallof_press",
        "plyometric",
    ] {
        assert!(families.contains(&family), "no {family} in the library");
    }
    // Every exercise lists its variants with what each needs.
    for e in json.as_array().expect("an array") {
        let variants = e["variants"].as_array().expect("variants");
        assert!(!variants.is_empty(), "{e}");
        for v in variants {
            assert!(v["needs"].is_array() && v["cue"].is_string(), "{v}");
        }
    }
    planner(["exercises"])
        .run()
        .code(0)
        .stdout_has("  Squat, main lift: quads, glutes, core\n")
        // Wider than 80 columns, the details wrap under the variant.
        .stdout_has(
            "    - Barbell back squat\n      (needs a barbell; loads from back_squat; not for novices)\n",
        )
        .stdout_has("    - Goblet squat (needs dumbbells; loads from goblet_squat)\n")
        .stdout_has(
            "    - Bodyweight step-up, slow lowering (needs a bench or a box; single-leg)\n",
        );
}

#[test]
fn a_copy_of_the_built_in_templates_plans_the_same_week() {
    let dir = plans_copy("plans-same");
    let dir = dir.to_string_lossy();
    let built_in = planner(["week", "examples/marathoner.toml", "--format", "json"])
        .run()
        .code(0);
    let copied = planner([
        "week",
        "examples/marathoner.toml",
        "--format",
        "json",
        "--plans",
        &dir,
    ])
    .run()
    .code(0);
    assert_eq!(built_in.stdout, copied.stdout);
}

#[test]
fn a_bad_template_is_an_input_error_with_its_line() {
    let dir = plans_copy("plans-bad");
    let file = dir.join("light.toml");
    let text = std::fs::read_to_string(&file)
        .expect("reads")
        .replace("family = \"bridge\"", "family = \"brigde\"");
    std::fs::write(&file, text).expect("writes");
    let outcome = planner([
        "week",
        "examples/beginner.toml",
        "--plans",
        &dir.to_string_lossy(),
    ])
    .run()
    .code(1);
    assert_eq!(outcome.stdout, "");
    assert!(
        outcome
            .stderr
            .starts_with("error: unknown family \"brigde\"\n --> "),
        "{}",
        outcome.stderr
    );
    assert!(
        outcome.stderr.contains("light.toml:40:10"),
        "{}",
        outcome.stderr
    );
    assert!(
        outcome.stderr.contains("= help: did you mean \"bridge\"?"),
        "{}",
        outcome.stderr
    );
}

#[test]
fn a_plans_folder_must_give_every_needed_role() {
    let dir = plans_copy("plans-missing");
    std::fs::remove_file(dir.join("heavy-hinge.toml")).expect("removes");
    planner(["exercises", "--plans", &dir.to_string_lossy()])
        .run()
        .code(1)
        .stderr("error: no template has role \"heavy-hinge\"; one is needed\n");
}

#[test]
fn without_a_power_template_no_session_gets_jumps() {
    let dir = plans_copy("plans-no-power");
    std::fs::remove_file(dir.join("power.toml")).expect("removes");
    let outcome = planner([
        "week",
        "examples/base-week.toml",
        "--format",
        "json",
        "--plans",
        &dir.to_string_lossy(),
    ])
    .run()
    .code(0);
    let json: serde_json::Value = serde_json::from_str(&outcome.stdout).expect("valid JSON");
    for session in json["sessions"].as_array().expect("sessions") {
        assert_ne!(session["template"], "power");
        for e in session["exercises"].as_array().expect("exercises") {
            assert_ne!(e["family"], "plyometric");
        }
    }
}

#[test]
fn a_coach_template_gives_variants_and_the_runners_equipment_picks_one() {
    let dir = plans_copy("plans-variants");
    let file = dir.join("heavy-squat.toml");
    // The coach puts a kettlebell variant first.
    let text = std::fs::read_to_string(&file).expect("reads").replacen(
        "variants = [\n",
        "variants = [\n  { name = \"Coach's bell squat\", needs = [\"kettlebell\"], implement = \"kettlebell\", lift = \"goblet_squat\", cue = \"Our own cue\" },\n",
        1,
    );
    std::fs::write(&file, text).expect("writes");
    // Without a power template, the week's two heavy sessions are squat and hinge.
    std::fs::remove_file(dir.join("power.toml")).expect("removes");
    let schedule = "[runner]\nsessions = 2\nequipment = [\"kettlebell\", \"barbell\"]\n[lifts]\ngoblet_squat = 30\n[week]\n\
                    tue = { run = \"intervals\", at = \"06:30\" }\nsat = { run = \"long\", at = \"08:00\" }\n";
    let path = dir.with_extension("schedule.toml");
    std::fs::write(&path, schedule).expect("writes");
    let outcome = planner([
        "week",
        &path.to_string_lossy(),
        "--format",
        "json",
        "--plans",
        &dir.to_string_lossy(),
    ])
    .run()
    .code(0);
    let json: serde_json::Value = serde_json::from_str(&outcome.stdout).expect("valid JSON");
    let squats: Vec<&serde_json::Value> = json["sessions"]
        .as_array()
        .expect("sessions")
        .iter()
        .filter(|s| s["template"] == "heavy-squat")
        .flat_map(|s| s["exercises"].as_array().expect("exercises"))
        .filter(|e| e["family"] == "squat")
        .collect();
    assert!(!squats.is_empty(), "{}", outcome.stdout);
    for squat in squats {
        assert_eq!(squat["name"], "Coach's bell squat");
        assert_eq!(squat["equipment"], serde_json::json!(["kettlebell"]));
        // 30 × 30/37 = 24.3: the 24 kg bell.
        assert_eq!(squat["load"], 24.0);
    }
}
