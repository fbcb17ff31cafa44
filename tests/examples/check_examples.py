#!/usr/bin/env python3
"""The scheduler examples cannot drift from fincheck (docs/scale.md).

Neither Kubernetes, Slurm nor Docker runs where the tests run, so this checks what can be
checked without them, and runs the examples' own shell under a simulated scheduler:

1. examples/kubernetes/indexed-job.yaml parses; the shards Job is an Indexed Job whose
   FINCHECK_SHARD_COUNT equals its completions; both Jobs use one image; every volume a
   container mounts is declared; the `kubectl apply -l step=…` lines of its header select
   exactly one Job each.
2. Every `fincheck COMMAND --option` in the manifest and the sbatch scripts is an option that
   `fincheck COMMAND --help` lists.
3. Each pod's script (the manifest's, with its mount paths pointed at a scratch folder) runs
   for JOB_COMPLETION_INDEX 0..completions-1, then the merge Job's; and each array task of
   fincheck-array.sbatch (its #SBATCH --array range, with SLURM_ARRAY_TASK_* as Slurm sets
   them) runs, then fincheck-merge.sbatch. Both merged summaries are byte for byte the summary
   of one unsharded run, and both results databases hold one finished run of every report.

Usage: check_examples.py FINCHECK GEN_REPORTS SOURCE_DIR SCRATCH_DIR
"""
import os
import re
import shlex
import shutil
import sqlite3
import subprocess
import sys

import yaml

fincheck, gen_reports, source, scratch = sys.argv[1:5]
failures = []


def fail(message):
    failures.append(message)
    print("examples: " + message, file=sys.stderr)


def options_of(command):
    """The option names `fincheck COMMAND --help` lists."""
    text = subprocess.run([fincheck, command, "--help"], capture_output=True, text=True, check=True).stdout
    section = text.split("Options:", 1)[1]
    names = set()
    for line in section.splitlines():
        match = re.match(r"^  (-[^ ]+)", line)
        if match:
            names.update(match.group(1).split(","))
    return names


def check_invocations(text, where):
    """Every `fincheck batch|merge …` in a script uses options fincheck accepts."""
    script = text.replace("\\\n", " ")
    found = 0
    for line in script.splitlines():
        match = re.search(r"\bfincheck (batch|merge)\b(.*)", line)
        if not match:
            continue
        found += 1
        accepted = options_of(match.group(1))
        for word in shlex.split(match.group(2).replace("$", "")):
            if word.startswith("-") and word.split("=")[0] not in accepted:
                fail(f"{where}: 'fincheck {match.group(1)}' does not accept {word}")
    return found


def run_script(script, env, what):
    result = subprocess.run(["sh", "-c", script], env=env, capture_output=True, text=True)
    if result.returncode != 0:
        fail(f"{what} exited {result.returncode}: {result.stderr.strip()}")
    return result


def scheduler_free_env(**extra):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SLURM_", "JOB_COMPLETION_INDEX", "FINCHECK_"))}
    env["PATH"] = os.path.dirname(os.path.abspath(fincheck)) + os.pathsep + env.get("PATH", "")
    env.update(extra)
    return env


def databases_hold_every_report(db, reports):
    connection = sqlite3.connect(db)
    runs = connection.execute("SELECT count(*) FROM run WHERE finished_at IS NOT NULL AND shard IS NULL").fetchone()[0]
    keys = connection.execute("SELECT count(DISTINCT key) FROM report").fetchone()[0]
    connection.close()
    return runs == 1 and keys == reports


# ---- 1. the manifest's structure --------------------------------------------------------
manifest_path = os.path.join(source, "examples/kubernetes/indexed-job.yaml")
manifest_text = open(manifest_path, encoding="utf-8").read()
documents = [d for d in yaml.safe_load_all(manifest_text) if d]
jobs = {d["metadata"]["labels"].get("step"): d for d in documents if d.get("kind") == "Job"}
shards, merge = jobs.get("shards"), jobs.get("merge")
if not shards or not merge or len(documents) != 2:
    fail(f"{manifest_path}: expected two Jobs labelled step=shards and step=merge")
    sys.exit(1)
spec = shards["spec"]
if spec.get("completionMode") != "Indexed":
    fail("the shards Job is not an Indexed Job (completionMode: Indexed)")
container = spec["template"]["spec"]["containers"][0]
env = {e["name"]: e.get("value") for e in container.get("env", [])}
completions = spec.get("completions")
if env.get("FINCHECK_SHARD_COUNT") != str(completions):
    fail(f"FINCHECK_SHARD_COUNT={env.get('FINCHECK_SHARD_COUNT')} differs from completions={completions}")
merge_container = merge["spec"]["template"]["spec"]["containers"][0]
if container["image"] != merge_container["image"]:
    fail("the shards and the merge Job run different images")
for job in (shards, merge):
    pod = job["spec"]["template"]["spec"]
    declared = {v["name"] for v in pod.get("volumes", [])}
    for c in pod["containers"]:
        for mount in c.get("volumeMounts", []):
            if mount["name"] not in declared:
                fail(f"{job['metadata']['name']} mounts the undeclared volume {mount['name']}")
for step in re.findall(r"kubectl apply -f indexed-job\.yaml -l step=(\w+)", manifest_text):
    if step not in jobs:
        fail(f"the header's 'kubectl apply -l step={step}' selects no Job")
waited = re.findall(r"kubectl wait --for=condition=complete job/([\w-]+)", manifest_text)
if waited != [shards["metadata"]["name"]]:
    fail(f"the header waits for {waited}, not for the shards Job {shards['metadata']['name']}")

# ---- 2. options -------------------------------------------------------------------------
pod_script = "\n".join(container["args"])
merge_script = "\n".join(merge_container["args"])
array_path = os.path.join(source, "examples/slurm/fincheck-array.sbatch")
merge_sbatch_path = os.path.join(source, "examples/slurm/fincheck-merge.sbatch")
array_text = open(array_path, encoding="utf-8").read()
merge_sbatch_text = open(merge_sbatch_path, encoding="utf-8").read()
for text, where, expected in ((pod_script, "the shards Job", 1), (merge_script, "the merge Job", 1),
                              (array_text, array_path, 1), (merge_sbatch_text, merge_sbatch_path, 1)):
    if check_invocations(text, where) < expected:
        fail(f"{where} runs no fincheck batch/merge")
    if "batch" in text and "fincheck batch" in text and "--shard auto" not in text:
        fail(f"{where} does not use --shard auto")

# ---- 3. the scripts, under a simulated scheduler -----------------------------------------
shutil.rmtree(scratch, ignore_errors=True)
reports = os.path.join(scratch, "data/reports")
os.makedirs(reports)
subprocess.run([gen_reports, "-n", "10", "-o", reports, "--seed", "16", "--inject-errors", "0.3"],
               check=True, capture_output=True)
for name in os.listdir(reports):  # the generator's ground truth is not an input
    if name.endswith(".truth.xml"):
        os.remove(os.path.join(reports, name))
single = os.path.join(scratch, "single")
run_script(f"fincheck batch {shlex.quote(reports)} --out {shlex.quote(single)} --jobs 2 --progress none",
           scheduler_free_env(), "the single run")
expected = open(os.path.join(single, "summary.xml"), "rb").read()

# Kubernetes: the pod's and the merge Job's scripts with their mount paths in the scratch folder.
k8s = os.path.join(scratch, "k8s")
os.makedirs(os.path.join(k8s, "db"))
mounts = {"/data/reports": reports, "/results": os.path.join(k8s, "results"), "/db": os.path.join(k8s, "db")}
def mounted(script):
    for path, local in mounts.items():
        script = re.sub(re.escape(path) + r"(?=[/\s\"']|$)", local, script)
    return script
for index in range(int(completions)):
    run_script(mounted(pod_script), scheduler_free_env(JOB_COMPLETION_INDEX=str(index), **env),
               f"pod {index} of the shards Job")
run_script(mounted(merge_script), scheduler_free_env(), "the merge Job")
merged = os.path.join(k8s, "results/summary.xml")
if not os.path.exists(merged) or open(merged, "rb").read() != expected:
    fail("the Indexed Job's merged summary differs from the single run's")
if not databases_hold_every_report(os.path.join(k8s, "db/results.sqlite"), 10):
    fail("the merge Job's database does not hold one finished run of every report")

# Slurm: every task of the #SBATCH --array range, then the merge job.
array = re.search(r"^#SBATCH --array=(\d+)-(\d+)$", array_text, re.MULTILINE)
if not array:
    fail(f"{array_path}: no '#SBATCH --array=FIRST-LAST' range")
    sys.exit(1)
first, last = int(array.group(1)), int(array.group(2))
slurm = os.path.join(scratch, "slurm")
paths = {"REPORTS": reports, "RESULTS": os.path.join(slurm, "results"), "DB": os.path.join(slurm, "results.sqlite")}
for task in range(first, last + 1):
    run_script(array_text, scheduler_free_env(
        SLURM_ARRAY_JOB_ID="4242", SLURM_JOB_ID=str(4242 + task), SLURM_ARRAY_TASK_ID=str(task),
        SLURM_ARRAY_TASK_MIN=str(first), SLURM_ARRAY_TASK_MAX=str(last),
        SLURM_ARRAY_TASK_COUNT=str(last - first + 1), SLURM_CPUS_PER_TASK="1", **paths), f"array task {task}")
run_script(merge_sbatch_text, scheduler_free_env(**paths), "the merge job")
merged = os.path.join(slurm, "results/summary.xml")
if not os.path.exists(merged) or open(merged, "rb").read() != expected:
    fail("the Slurm array's merged summary differs from the single run's")
if not databases_hold_every_report(paths["DB"], 10):
    fail("the Slurm merge's database does not hold one finished run of every report")

if failures:
    sys.exit(1)
print(f"examples: the manifest and the sbatch scripts shard {completions} and {last - first + 1} ways "
      "and merge to the single run's summary")
