#!/usr/bin/env python3
"""The audit XML without what names the build, so that two builds' audits compare byte for byte.

Used by tools/audit-identity.sh (two revisions, same inputs) and tests/regression (committed
digests); docs/audit-identity.md says why each removal names the build and not the audit:

  1. <tool version="…">: the fincheck version;
  2. the <plugins> element: which plugin files loaded, their versions, SDK and ABI;
  3. every plugin="…" attribute (<rule>, <finding>, <plugin-note>): which library a rule is
     built into, which changes when a plugin is split or renamed while its rules stay;
  4. a <plugin-note> block identical to an earlier one once (3) is done: split plugins that read
     the same rule pack each say which pack they chose, where the one plugin said it once.

Everything else stays byte for byte: the findings, their order, messages, locations, values,
fingerprints, defects, counts, the rule list with versions, severities and their sources.

  audit_normalise.py AUDIT.xml            the normalised audit on standard output
  audit_normalise.py --digest AUDIT.xml…  SHA-256 of each normalised audit, sha256sum style
"""
import hashlib
import re
import sys

# Anchored at the start of the element's line: report text inside a message never matches.
_TOOL_VERSION = re.compile(rb'^(\s*<tool name="[^"]*") version="[^"]*"')
_PLUGIN_ATTRIBUTE = re.compile(rb'^(\s*<(?:rule|finding|plugin-note)\b[^>"]*(?:"[^"]*"[^>"]*)*?) plugin="[^"]*"')
_PLUGINS_OPEN = re.compile(rb"^\s*<plugins\b")
_PLUGINS_CLOSE = re.compile(rb"(</plugins>|<plugins\s*/>)\s*$")
_NOTE_OPEN = re.compile(rb"^\s*<plugin-note\b")
_NOTE_CLOSE = re.compile(rb"(</plugin-note>|/>)\s*$")


def _blocks(lines, opens, closes):
    """Yield (is_block, lines): runs of lines from an opening line to its closing line, and the rest."""
    block = None
    for line in lines:
        if block is None and opens.search(line):
            block = []
        if block is None:
            yield False, [line]
            continue
        block.append(line)
        if closes.search(line):
            yield True, block
            block = None
    if block is not None:  # unterminated: keep it, the comparison will show it
        yield False, block


def normalise(audit: bytes) -> bytes:
    lines = audit.splitlines(keepends=True)
    lines = [line for is_plugins, run in _blocks(lines, _PLUGINS_OPEN, _PLUGINS_CLOSE) if not is_plugins for line in run]
    lines = [_PLUGIN_ATTRIBUTE.sub(rb"\1", _TOOL_VERSION.sub(rb"\1", line)) for line in lines]
    kept, seen_notes = [], set()
    for is_note, run in _blocks(lines, _NOTE_OPEN, _NOTE_CLOSE):
        text = b"".join(run)
        if is_note:
            if text in seen_notes:
                continue
            seen_notes.add(text)
        kept.append(text)
    return b"".join(kept)


def digest(audit: bytes) -> str:
    return hashlib.sha256(normalise(audit)).hexdigest()


def main(argv):
    if len(argv) >= 2 and argv[0] == "--digest":
        for path in argv[1:]:
            with open(path, "rb") as f:
                print(f"{digest(f.read())}  {path}")
        return 0
    if len(argv) == 1:
        with open(argv[0], "rb") as f:
            sys.stdout.buffer.write(normalise(f.read()))
        return 0
    print(__doc__.split("\n\n")[-1].rstrip(), file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
