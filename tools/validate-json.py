#!/usr/bin/python3
# Validates JSON files against a JSON Schema (draft 2020-12) with python3-jsonschema:
#   tools/validate-json.py SCHEMA FILE...
# Prints each violation with the file and the path inside it; exit 0 valid, 1 invalid, 2 unusable.
import json
import sys

try:
    import jsonschema
except ImportError:
    sys.exit("fincheck: python3-jsonschema is missing (Debian package python3-jsonschema; tools/install-deps.sh)")

if len(sys.argv) < 3:
    sys.exit("usage: validate-json.py SCHEMA FILE...")
with open(sys.argv[1], encoding="utf-8") as f:
    schema = json.load(f)
validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
invalid = False
for name in sys.argv[2:]:
    with open(name, encoding="utf-8") as f:
        document = json.load(f)
    for error in sorted(validator.iter_errors(document), key=lambda e: list(e.absolute_path)):
        invalid = True
        where = "/".join(str(part) for part in error.absolute_path)
        print(f"{name}: /{where}: {error.message}")
sys.exit(1 if invalid else 0)
