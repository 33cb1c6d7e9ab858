"""Judges documents by a JSON Schema with Python's jsonschema, as a data
pipeline in Python would: draft 2020-12, no format checker (formats only
annotate, the library's default).

Reads {"schema": <JSON Schema>, "documents": ["<JSON text>", ...]} on
standard input and prints {"verdicts": [{"valid", "errors"}, ...]}, one per
document, or {"schemaError": "..."} when the schema is not a valid 2020-12
schema. The Go test TestSchemaAgreesWithPythonsJSONSchema runs it.
"""

import json
import sys

import jsonschema


def refuse(name):
    # NaN, Infinity and -Infinity are not JSON (RFC 8259), though Python's
    # json module reads them by default.
    raise ValueError(name + " is not JSON")


def main():
    request = json.load(sys.stdin)
    schema = request["schema"]
    try:
        jsonschema.Draft202012Validator.check_schema(schema)
    except jsonschema.exceptions.SchemaError as e:
        json.dump({"schemaError": str(e)}, sys.stdout)
        return
    validator = jsonschema.Draft202012Validator(schema)
    verdicts = []
    for text in request["documents"]:
        try:
            doc = json.loads(text, parse_constant=refuse)
        except ValueError as e:
            verdicts.append({"valid": False, "errors": ["not JSON: " + str(e)]})
            continue
        errors = []
        for error in validator.iter_errors(doc):
            errors.append("/" + "/".join(str(p) for p in error.absolute_path) + " " + str(error.validator) + ": " + error.message[:200])
            if len(errors) == 5:
                break
        verdicts.append({"valid": not errors, "errors": errors})
    json.dump({"verdicts": verdicts}, sys.stdout)


main()
