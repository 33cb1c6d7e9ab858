// Package benchdata makes the inputs of stemkn's benchmarks: STEM Knowledge
// Networks applications with any number of members, and NDJSON cohorts of
// them. The bytes are the same on every run, so runs compare, and they are
// made rather than committed, because the large ones run to megabytes.
//
// Every document is complete and valid for stem-kn-2011, and sits on the
// scheme's boundaries (the total is exactly the £2,000 cap, resources
// exactly 20% of it), so a validator runs every rule to the end and reports
// nothing: the cost measured is the cost of checking, not of wording
// findings. The benchmarks hand its bytes to Validator.Validate, to the
// stemkn command as NDJSON and to the peers (benchreport), unchanged.
package benchdata
