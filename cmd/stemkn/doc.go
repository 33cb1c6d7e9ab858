// Command stemkn validates applications to STEM teacher network schemes,
// lists the schemes, works out programme statistics and runs the test cases
// scheme files carry.
//
// Usage:
//
//	stemkn validate [--scheme ID | --scheme-file FILE] [--format text|json|basic] [--mode submit|draft] [--lang en|cy] [FILE|-]
//	stemkn schema   [--scheme ID | --scheme-file FILE] [--lang en|cy]   # JSON Schema (draft 2020-12) to stdout
//	stemkn schemes                                       # ids and titles, tab-separated
//	stemkn stats    [FILE.ndjson|-]                      # programme statistics, JSON
//	stemkn test     SCHEME-FILE...                       # run scheme files' own test cases
//	stemkn help     [COMMAND]
//
// validate reads one JSON document, or NDJSON: one document per line. The
// input is NDJSON when it has more than one non-blank line and its first
// non-blank line is a complete JSON value by itself (or is longer than the
// input limit); otherwise the whole input is one document, which may spread
// over many lines. Blank lines between NDJSON documents are skipped. NDJSON
// streams: lines are validated on every core and reported in input order,
// and a line longer than the 8 MiB input limit gets a too-large finding
// without being held in memory. Memory is bounded by the limits, not by the
// input: the look-ahead that tells one document from NDJSON keeps at most
// the byte limit, and a bounded number of verdicts, whatever their size,
// wait to be written (the README gives the worst case per worker).
//
// Text output gives, per document, "FILE: valid" or "FILE: not valid" (for
// NDJSON "FILE:LINE: …"), each finding as "  error /path: message (code)",
// and for an ineligible document the rules it fails with their references.
// Text taken from input (paths, messages that quote it, file names, a
// scheme file's words) is printed with control characters, bytes that are
// not UTF-8, line separators and bidirectional controls escaped (\n,
// \x1b, \xff, \u202e; a backslash doubled), so a document can neither
// print a line of its own nor send the terminal an escape sequence.
// --format json prints each document's result as one line of JSON;
// --format basic prints it in JSON Schema's basic output format (draft
// 2020-12), its keyword locations in the scheme's exported schema
// (stemkn.Validator.Basic).
// --lang cy words the findings and the rules' titles in Welsh (the
// text format's own words, "valid", "not valid", "not eligible, because
// it fails" and "reference", stay English).
// --scheme judges every document against that scheme whatever its own
// scheme field says; --scheme-file loads a scheme file (which may extend a
// built-in scheme) and judges against it unless --scheme names another.
//
// stats reads NDJSON applications and prints the number of networks, of
// distinct institutions (one institution when listings share a URN,
// a UKPRN or a PIC, or both give the same name and postcode) overall, by phase group and by region, and the money requested
// per currency in minor units. Lines that are not applications are skipped
// and counted, and stderr says how many.
//
// schema prints the JSON Schema of a scheme's documents (stemkn.Schema),
// or without a scheme the structure of every document (stemkn.BaseSchema),
// its titles and descriptions in English, or with --lang cy in Welsh
// (stemkn.SchemaIn).
//
// Flags may come before or after the file; "--" ends the flags.
//
// Exit status: 0 when no document has errors and every scheme test passes;
// 1 when a document has errors, a scheme test fails, or the money requested
// is too large to add up exactly; 2 on usage or I/O trouble, such as an
// unknown flag, a missing file or a scheme file that does not load, with a
// message on stderr. Malformed JSON is a document with a syntax error
// (status 1), not trouble.
//
// Examples:
//
//	stemkn validate application.json
//	stemkn validate --format json --scheme enthuse-2014 < cohort.ndjson
//	stemkn validate --scheme-file examples/schemes/hemel-enthuse-2022.json hemel.json
//	stemkn stats cohort.ndjson
//	stemkn test examples/schemes/hemel-enthuse-2022.json
package main
