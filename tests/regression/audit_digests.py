#!/usr/bin/env python3
"""Audits must not change unnoticed (issue #15): the SHA-256 of every normalised audit
(tools/audit_normalise.py) of a fixed set of inputs is committed in digests/<part>.txt, with the
input's own digest and each finding's rule and fingerprint, so that a failure can say what changed.

  audit_digests.py PART --fincheck EXE --gen EXE --work DIR [--corpus DIR] [--update]

PART: generated  the reports gen-reports draws from fixed seeds (XML, and the first few as PDF);
                 also fails when the generator gives other bytes for the same seed the second time
      examples   the bundled examples/ reports
      corpus     every *.txt and pdf/*.pdf of the corpus folder; exit 77 (skip) when it is absent
Every input is audited twice: two audits that differ fail the test whatever the digests say.
--update rewrites digests/<part>.txt from this build's audits (after reviewing the change).
"""
import argparse
import concurrent.futures
import filecmp
import hashlib
import os
import pathlib
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET

SOURCE_DIR = pathlib.Path(__file__).resolve().parents[2]
sys.path.insert(0, str(SOURCE_DIR / "tools"))
import audit_normalise  # noqa: E402  (one normalisation for this test and tools/audit-identity.sh)

SEED, GENERATED, GENERATED_PDF, ERROR_RATE = 20260615, 100, 20, "0.3"
SKIP = 77
UPDATE_COMMAND = "cmake --build --preset dev --target audit_digests"
EMPTY_CONFIG = '<?xml version="1.0" encoding="UTF-8"?>\n<fincheck/>\n'


def fail(message):
    print(message, file=sys.stderr)
    sys.exit(1)


def generate(gen, out, count, pdf):
    command = [gen, "-n", str(count), "-o", str(out), "--seed", str(SEED), "--inject-errors", ERROR_RATE, "-j", "2"]
    subprocess.run(command + (["--pdf"] if pdf else []), check=True, stdout=subprocess.DEVNULL)


def same_files(a, b, names):
    return [name for name in names if not (b / name).exists() or not filecmp.cmp(a / name, b / name, shallow=False)]


def generated_inputs(gen, work):
    """Inputs named as the digests list them: report-NNNNNN.xml, pdf/report-NNNNNN.pdf."""
    first, second, pdf = work / "gen-1", work / "gen-2", work / "gen-pdf"
    for folder in (first, second, pdf):
        shutil.rmtree(folder, ignore_errors=True)
    generate(gen, first, GENERATED, pdf=False)
    generate(gen, second, GENERATED, pdf=False)
    generate(gen, pdf, GENERATED_PDF, pdf=True)
    names = sorted(p.name for p in first.iterdir())
    changed = same_files(first, second, names)
    changed += same_files(pdf, first, sorted(p.name for p in pdf.glob("*.xml")))
    if changed:
        fail(f"gen-reports is not deterministic: seed {SEED} gave other bytes the second time for "
             f"{', '.join(changed[:5])}{' …' if len(changed) > 5 else ''}")
    inputs = {name: first / name for name in names if name.endswith(".xml") and not name.endswith(".truth.xml")}
    inputs.update({f"pdf/{p.name}": p for p in sorted(pdf.glob("*.pdf"))})
    return inputs


def example_inputs():
    examples = SOURCE_DIR / "examples"
    return {p.name: p for p in sorted(examples.iterdir())
            if p.suffix in (".xml", ".pdf") and not p.name.endswith(".truth.xml")}


def corpus_inputs(corpus):
    inputs = {p.name: p for p in sorted(corpus.glob("*.txt"))}
    inputs.update({f"pdf/{p.name}": p for p in sorted(corpus.glob("pdf/*.pdf"))})
    return inputs


def audit(fincheck, config, source, out):
    """The audit XML's bytes; an input fincheck refuses (exit 2) is a failure of the test."""
    env = {k: v for k, v in os.environ.items() if k != "FINCHECK_PLUGIN_PATH"}
    result = subprocess.run([fincheck, "check", "--config", str(config), "--format", "xml", "-o", str(out),
                             str(source)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    if result.returncode > 1:
        raise RuntimeError(f"fincheck check {source} exited {result.returncode}: "
                           f"{result.stderr.decode(errors='replace').strip()}")
    return out.read_bytes()


def findings(audit_xml):
    """(rule, fingerprint prefix, English message) of every finding, in the audit's order."""
    root = ET.fromstring(audit_xml)
    result = []
    for finding in root.iter("finding"):
        english = next((m.text or "" for m in finding.iter("message") if m.get("lang") == "en"), "")
        result.append((finding.get("rule"), (finding.get("fingerprint") or "")[:16], english))
    return result


def record(source, audit_xml):
    return {"input": hashlib.sha256(source.read_bytes()).hexdigest()[:16],
            "audit": audit_normalise.digest(audit_xml),
            "findings": [f"{rule} {fingerprint}" for rule, fingerprint, _ in findings(audit_xml)]}


def audit_all(fincheck, inputs, work):
    """Each input audited twice; the entries of the first run, or the test fails naming the input."""
    config = work / "fincheck.xml"
    config.write_text(EMPTY_CONFIG, encoding="utf-8")
    audits = work / "audits"
    shutil.rmtree(audits, ignore_errors=True)
    (audits / "pdf").mkdir(parents=True)

    def twice(name):
        source = inputs[name]
        first = audit(fincheck, config, source, audits / f"{name}.audit.xml")
        second = audit(fincheck, config, source, audits / f"{name}.again.audit.xml")
        return name, first, second

    entries, unstable = {}, []
    with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
        for name, first, second in pool.map(twice, sorted(inputs)):
            if first != second:
                unstable.append(name)
            entries[name] = (record(inputs[name], first), first)
    if unstable:
        fail(f"the audit is not deterministic: two runs of the same build gave different audits for "
             f"{', '.join(unstable)} (kept in {audits})")
    return entries


def read_digests(path):
    entries, name = {}, None
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        if line.startswith("  "):
            entries[name]["findings"].append(line.strip())
            continue
        name, input_digest, audit_digest = line.split(" ")
        entries[name] = {"input": input_digest.removeprefix("input="), "audit": audit_digest.removeprefix("audit="),
                         "findings": []}
    return entries


def write_digests(path, part, entries):
    lines = [f"# Audit digests, part '{part}': per input, its SHA-256 (first 16 hex digits), the SHA-256",
             "# of its normalised audit (tools/audit_normalise.py), then each finding's rule and fingerprint.",
             f"# Written by `{UPDATE_COMMAND}` after reviewing the change (docs/audit-identity.md)."]
    for name in sorted(entries):
        entry = entries[name]
        lines.append(f"{name} input={entry['input']} audit={entry['audit']}")
        lines += [f"  {finding}" for finding in entry["findings"]]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def explain_change(name, expected, actual, audit_xml):
    print(f"changed: {name}")
    if expected["input"] != actual["input"]:
        print("  the input itself changed (its SHA-256 differs): the generator or the example draws other bytes")
    gone = [f for f in expected["findings"] if f not in actual["findings"]]
    new = [(rule, fp, english) for rule, fp, english in findings(audit_xml) if f"{rule} {fp}" not in expected["findings"]]
    for finding in gone:
        print(f"  - {finding}  (no longer found)")
    for rule, fingerprint, english in new:
        print(f"  + {rule} {fingerprint}  {english}")
    if not gone and not new:
        print("  the same findings by fingerprint: a message, value, location, defect, count or the header differs")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("part", choices=["generated", "examples", "corpus"])
    parser.add_argument("--fincheck", required=True)
    parser.add_argument("--gen", required=True)
    parser.add_argument("--work", required=True, type=pathlib.Path)
    parser.add_argument("--corpus", type=pathlib.Path)
    parser.add_argument("--update", action="store_true")
    args = parser.parse_args()

    work = args.work / args.part
    work.mkdir(parents=True, exist_ok=True)
    if args.part == "generated":
        inputs = generated_inputs(args.gen, work)
    elif args.part == "examples":
        inputs = example_inputs()
    else:
        inputs = corpus_inputs(args.corpus) if args.corpus is not None and args.corpus.is_dir() else {}
        if not inputs:
            print(f"SKIP: no corpus reports (*.txt, pdf/*.pdf) in {args.corpus} (FINCHECK_CORPUS_DIR); "
                  "the corpus digests are neither checked nor updated")
            return 0 if args.update else SKIP

    try:
        audited = audit_all(args.fincheck, inputs, work)
    except RuntimeError as error:
        fail(str(error))
    actual = {name: entry for name, (entry, _) in audited.items()}
    digests = SOURCE_DIR / "tests" / "regression" / "digests" / f"{args.part}.txt"
    if args.update:
        write_digests(digests, args.part, actual)
        print(f"wrote {digests.relative_to(SOURCE_DIR)}: {len(actual)} audits")
        return 0
    if not digests.exists():
        fail(f"no committed digests {digests}; write them with `{UPDATE_COMMAND}`")

    expected = read_digests(digests)
    changed = [name for name in sorted(actual) if name in expected and expected[name] != actual[name]]
    for name in changed:
        explain_change(name, expected[name], actual[name], audited[name][1])
    missing = sorted(set(expected) - set(actual))
    extra = sorted(set(actual) - set(expected))
    for name in missing:
        print(f"no longer audited: {name}")
    for name in extra:
        print(f"not in the digests: {name}")
    if changed or missing or extra:
        print(f"\n{len(changed)} of {len(actual)} audits changed ({args.part}). If the change is intended, review "
              f"it (the audits are in {work / 'audits'}; `tools/audit-identity.sh REV HEAD` shows each diff "
              f"against an earlier revision), then update the digests with:\n  {UPDATE_COMMAND}")
        return 1
    print(f"{len(actual)} audits ({args.part}) match their committed digests, and each audited twice the same")
    return 0


if __name__ == "__main__":
    sys.exit(main())
