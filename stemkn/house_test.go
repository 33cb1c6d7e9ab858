//go:build !js

package stemkn

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/stemkn/stemkn/internal/codeshape"
)

// house is the package's files from the top, where a document comes in, to
// the bottom, the nouns everything else is made of. A file may use what a
// file below it declares, never what one above it does — but for the
// imports upward lists.
var house = []string{
	// The entry points: JSON Schema's basic output, a scheme's JSON Schema,
	// its own tests, budget summaries, programme statistics, decoding
	// without judging, forms and the answer for input past the byte limit.
	"basic.go", "schema.go", "schemetest.go", "summarise.go", "stats.go", "decode_api.go", "form.go", "oversize.go",
	// The validator: read → structure → references → rules → words → order.
	"validator.go",
	// The words: a schema's titles and descriptions, rule titles, the
	// messages and their catalogues, a scheme's own words.
	"schemalabels.go", "rulewords.go", "language.go", "messages.gen.go", "catalogue_scan.go", "messages.go", "schemewords.go",
	// The schemes and their catalogue (the built-in ones as generated data),
	// and the vocabulary of rules in order.
	"catalogue.go", "schemes.gen.go", "vocabulary.go",
	// One block per rule, by family.
	"network.go", "institutions.go", "plan.go", "funding.go", "offer.go",
	// What the stages and the blocks are made with.
	"read.go", "references.go", "result_json.go", "generate.go",
	"rule.go", "schemadoc.go", "summary.go", "words.go", "jsoncodec.go",
	// The nouns: schemes, findings and results, the documents.
	"scheme.go", "finding.go", "document.go",
}

// upward are the imports that run back up the house, each named with why
// in doc.go: a Scheme (scheme.go) holds its Rules, the table of the rule
// blocks, declared with the vocabulary (vocabulary.go) above the blocks it
// names; and a Validator (validator.go) holds the cache of the exported
// schemas' indexes that its Basic output reads (basic.go).
var upward = []string{"scheme.go -> vocabulary.go", "validator.go -> basic.go"}

// TestTheHouseHasNoUpwardImports holds the package's files to the order of
// house: each file uses what files below it declare, but for upward.
func TestTheHouseHasNoUpwardImports(t *testing.T) {
	edges, err := codeshape.FileEdges(".", "github.com/stemkn/stemkn/stemkn")
	require.NoError(t, err)
	up, unplaced := codeshape.Upward(edges, house)
	require.Empty(t, unplaced, "files not in the house (add each to house, where it belongs)")
	require.Equal(t, upward, up, "imports that run back up the house (each named, with why, in doc.go)")
}
