#!/usr/bin/env python3
"""Writes the schema facts of cert-manager's CRDs (one line per field path: path, TAB, the field's facts as JSON)
that tests/CertOperator.Crds.Tests compares our generated CRDs with. Facts are what the API server acts on: type,
format, enum, default, required, bounds, patterns, list/map markers, int-or-string, CEL rules; never descriptions.

Refresh for a new cert-manager release (needs python3-yaml):
  git --git-dir=<cert-manager clone>/.git archive v1.21.1 deploy/crds | tar -x -C /tmp/cm
  scripts/cert-manager-schema-facts.py /tmp/cm/deploy/crds/*.yaml > tests/CertOperator.Crds.Tests/TestData/cert-manager-schema-facts.tsv
"""
import json
import sys

import yaml

KEYS = ["type", "format", "enum", "default", "minimum", "maximum", "minLength", "maxLength", "minItems", "maxItems",
        "pattern", "nullable", "anyOf", "oneOf", "x-kubernetes-list-type", "x-kubernetes-list-map-keys",
        "x-kubernetes-map-type", "x-kubernetes-preserve-unknown-fields", "x-kubernetes-int-or-string",
        "x-kubernetes-validations"]


def walk(schema, path, out):
    facts = {key: schema[key] for key in KEYS if key in schema}
    if "required" in schema:
        facts["required"] = sorted(schema["required"])
    out[path] = facts
    for name, child in (schema.get("properties") or {}).items():
        walk(child, f"{path}.{name}", out)
    if "items" in schema:
        walk(schema["items"], f"{path}[]", out)
    if isinstance(schema.get("additionalProperties"), dict):
        walk(schema["additionalProperties"], f"{path}{{}}", out)


def main(files):
    out = {}
    for file in files:
        with open(file, encoding="utf-8") as stream:
            crd = yaml.safe_load(stream)
        for version in crd["spec"]["versions"]:
            walk(version["schema"]["openAPIV3Schema"], f"{crd['spec']['names']['kind']}/{version['name']}", out)
    for path in sorted(out):
        print(f"{path}\t{json.dumps(out[path], sort_keys=True, separators=(',', ':'))}")


if __name__ == "__main__":
    main(sys.argv[1:])
