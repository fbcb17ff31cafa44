#!/usr/bin/env python3
"""The normalisation removes what names the build and nothing else, and audit_digests.py fails
when the generator or the audit stops being deterministic (stand-in executables that are not)."""
import os
import pathlib
import stat
import subprocess
import sys
import tempfile
import unittest

HERE = pathlib.Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1] / "tools"))
import audit_normalise  # noqa: E402

def audit(tool_version, plugins, abi, note_plugins, arith_plugin, xtab_plugin):
    """An audit as a build with these plugins writes it; only the parts that name the build vary."""
    plugin_lines = "".join(f'      <plugin name="{name}" version="1.0.0" file="fincheck_{name}.so" sdk-version="1.4.0" '
                           f'abi="{abi}" />\n' for name in plugins)
    notes = "".join(f'      <plugin-note plugin="{name}">\n        <message lang="en">the fallback root pack national '
                    f'(national.xml:8) applies</message>\n      </plugin-note>\n' for name in note_plugins)
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<audit-report format-version="1">
  <header>
    <tool name="fincheck" version="{tool_version}" />
    <plugins>
{plugin_lines}    </plugins>
    <configuration>
{notes}      <rule id="arith-01-class-lines" version="national@1.0.0" plugin="{arith_plugin}" enabled="true" severity="error" />
      <rule id="xtab-01-03" version="national@1.0.0" plugin="{xtab_plugin}" enabled="true" severity="error" />
    </configuration>
  </header>
  <findings>
    <finding rule="xtab-01-03" severity="error" plugin="{xtab_plugin}" message-id="m" fingerprint="ab">
      <message lang="en">a plugin="x" quoted from the report stays</message>
    </finding>
  </findings>
</audit-report>
""".encode()


TABLES_BUILD = audit("1.0.0", ["narrative", "tables"], "1.2", ["tables"], "tables", "tables")
# The same audit from a later build where the tables plugin is split into arith and xtab.
SPLIT_BUILD = audit("1.1.0", ["arith", "narrative", "xtab"], "1.3", ["arith", "xtab"], "arith", "xtab")


class Normalisation(unittest.TestCase):
    def test_a_split_plugin_gives_the_same_normalised_audit(self):
        self.assertEqual(audit_normalise.normalise(TABLES_BUILD), audit_normalise.normalise(SPLIT_BUILD))

    def test_removes_only_what_names_the_build(self):
        normalised = audit_normalise.normalise(TABLES_BUILD).decode()
        for gone in ("<plugins>", "fincheck_tables.so", 'version="1.0.0"', 'plugin="tables"'):
            self.assertNotIn(gone, normalised)
        for kept in ('<tool name="fincheck" />', "<plugin-note>", 'version="national@1.0.0"',
                     'fingerprint="ab"', 'a plugin="x" quoted from the report stays'):
            self.assertIn(kept, normalised)

    def test_a_change_of_a_finding_still_differs(self):
        for before, after in ((b'fingerprint="ab"', b'fingerprint="ac"'), (b'severity="error" plugin="tables" message',
                                                                          b'severity="warning" plugin="tables" message'),
                              (b"national.xml:8", b"national.xml:9")):
            self.assertNotEqual(audit_normalise.digest(TABLES_BUILD),
                                audit_normalise.digest(TABLES_BUILD.replace(before, after)))

    def test_a_different_note_is_kept(self):
        other = TABLES_BUILD.replace(b"</plugin-note>\n", b"</plugin-note>\n      <plugin-note plugin=\"xtab\">\n"
                                     b"        <message lang=\"en\">pack shanghai</message>\n      </plugin-note>\n", 1)
        self.assertIn(b"pack shanghai", audit_normalise.normalise(other))


def stand_in(folder, name, body):
    """An executable Python script standing in for fincheck or gen-reports."""
    path = folder / name
    path.write_text(f"#!{sys.executable}\nimport os, sys\n{body}\n", encoding="utf-8")
    path.chmod(path.stat().st_mode | stat.S_IEXEC)
    return str(path)


# gen-reports with -o DIR: writes one report whose bytes differ on every call.
UNSTABLE_GEN = """out = sys.argv[sys.argv.index('-o') + 1]
os.makedirs(out, exist_ok=True)
open(os.path.join(out, 'report-000001.xml'), 'w').write(os.urandom(8).hex())"""
# fincheck check … -o AUDIT INPUT: an audit whose fingerprint differs on every call.
UNSTABLE_CHECK = """out = sys.argv[sys.argv.index('-o') + 1]
open(out, 'w').write('<audit-report><findings><finding rule="r" fingerprint="%s" /></findings></audit-report>'
                     % os.urandom(8).hex())"""
STABLE_CHECK = UNSTABLE_CHECK.replace("os.urandom(8).hex()", "'same'")


class Determinism(unittest.TestCase):
    def run_digests(self, part, gen, fincheck, work):
        return subprocess.run([sys.executable, str(HERE / "audit_digests.py"), part, "--fincheck", fincheck,
                               "--gen", gen, "--work", str(work)], capture_output=True, text=True)

    def test_fails_when_the_generator_is_not_deterministic(self):
        with tempfile.TemporaryDirectory() as scratch:
            folder = pathlib.Path(scratch)
            result = self.run_digests("generated", stand_in(folder, "gen", UNSTABLE_GEN),
                                      stand_in(folder, "fincheck", STABLE_CHECK), folder / "work")
            self.assertEqual(result.returncode, 1, result.stdout + result.stderr)
            self.assertIn("gen-reports is not deterministic", result.stderr)

    def test_fails_when_the_audit_is_not_deterministic(self):
        with tempfile.TemporaryDirectory() as scratch:
            folder = pathlib.Path(scratch)
            result = self.run_digests("examples", "unused", stand_in(folder, "fincheck", UNSTABLE_CHECK),
                                      folder / "work")
            self.assertEqual(result.returncode, 1, result.stdout + result.stderr)
            self.assertIn("the audit is not deterministic", result.stderr)


if __name__ == "__main__":
    unittest.main()
