// Package stemkn models STEM teacher professional-development networks —
// the institutions and people in them, their themes and plans — and the
// eligibility and funding rules of the schemes that fund them.
//
// One set of rules runs in three places and gives the same answer in each:
// in Go on a funder's server (this package), in any web page's application
// form (the same code compiled to WebAssembly, see the wasm folder), and as
// an exported JSON Schema that other tools validate against.
//
// A scheme (a funding programme) is data: its themes, spend categories and
// the parameters of a fixed vocabulary of rules, each with a reference to
// the sentence it comes from. The built-in catalogue holds a scheme for
// each programme in the source documents; a funder's own scheme file may
// extend one and change its numbers.
//
// Validation never stops at the first problem and never panics. It returns a
// Result: every Finding with a stable code, a JSON Pointer path and a plain
// message (GOV.UK style), whether the document is valid, and whether it is
// eligible, rule by rule, with each rule's reference.
//
// Every word a person reads — messages, field labels, rule titles, the
// words of the page around a form — comes from a message catalogue, one
// file per language (English and Welsh are built in): see Messages,
// MessagesIn and LoadMessages.
//
//	v := stemkn.NewValidator(nil) // the built-in catalogue; prepare once
//	res := v.Validate(body, stemkn.Options{})
//	if !res.Valid {
//		for _, f := range res.Findings {
//			fmt.Println(f.Path, f.Message)
//		}
//	}
//
// A Validator is safe for concurrent use. Money is always an integer number
// of minor units (pence, cents); there are no floating-point numbers on any
// path.
//
// # A map of the package
//
// A document goes down the house, each stage a call from Validator.judge
// (validator.go):
//
//   - read (read.go): bytes, or a form post (form.go), become an Application
//     or OfferDocument (document.go) through internal/document, whose
//     strict decoders write straight into them; what cannot be read becomes
//     a finding;
//   - structure (read.go): the validate tags of document.go, again through
//     internal/document;
//   - references (references.go): institutions are named by id, so each
//     name must be of an institution the document has;
//   - rules (vocabulary.go, rule.go): the scheme's rules, in the fixed
//     order of vocabulary.go, each judged unless what it reads is broken;
//   - words (messages.go): every finding worded from the language's
//     catalogue (messages/en.json, as Go data generated from it in
//     messages.gen.go; messages/cy.json, read and checked by language.go),
//     rule titles too (rulewords.go), and a scheme's own
//     words in the language (schemewords.go);
//   - order (finding.go): findings sorted in document order, each said once.
//
// A rule of the vocabulary is one block, in the file of its family —
// network.go, institutions.go, plan.go, funding.go, offer.go: its
// parameters type (a field of Rules, vocabulary.go, with a Citation), the rule
// it compiles to (with the parameters its title is filled from and the
// words of the scheme its parameters hold), its check (a call into eligibility or budget for the
// domain's judgements and arithmetic), its JSON Schema part (schema.go puts
// the parts together, schemadoc.go is what they write with), its part of
// the budget summary (summarise.go), and what a scheme file must get
// right about it (catalogue.go checks). The README's "Writing a rule" walks
// through adding one.
//
// Schemes are data (scheme.go): the built-in ones are the JSON files of
// schemes/, each with its own test cases (schemetest.go, `stemkn test`),
// built in as Go data that internal/schemegen writes from what the same
// strict loader as a funder's file (catalogue.go) reads of them
// (schemes.gen.go, `go generate`). Scheme and catalogue files are read,
// and schemes and outputs written, by internal/jsonreflect over
// internal/jsonscan's parser rather than by encoding/json, which the
// WebAssembly build would otherwise carry (96 KB brotli with the fmt it
// brings, for about 30 KB of ours); each is held to encoding/json's
// answers by its tests. Results
// are plain values (finding.go); result_json.go writes them without
// reflection. stats.go counts a cohort of applications.
//
// # The order of the files, and the uses that run back up
//
// The files are in one order, from the entry points at the top (basic.go,
// schema.go, … validator.go) through the words, the catalogue and the
// vocabulary, the rule blocks by family, what the stages are made with,
// down to the nouns (scheme.go, finding.go, document.go). A file uses what
// files below it declare; house_test.go holds them to it. Two uses run
// back up, each for a reason:
//
//   - scheme.go -> vocabulary.go: a Scheme holds its Rules, the table that
//     names the parameters type of each rule. Rules is declared with the
//     vocabulary, above the blocks, because each type is declared with its
//     block in its family's file (network.go, …, offer.go), so that a block
//     keeps its parameters, check, schema part and summary together;
//     declaring Rules down in scheme.go would make five uses run up, one
//     to each family's file, and moving the types down would split every
//     block in two.
//   - validator.go -> basic.go: a Validator holds the cache of the
//     exported schemas' indexes that its Basic output reads, filled on
//     first use, so that each Validator has its own and a catalogue change
//     is seen.
//
// # Cost
//
// Every stage is linear in its input, or n log n where it sorts, and each
// works within the input limits (Limits), so no document can make
// validation slow or large. For a document of b bytes that makes f
// findings, with L the findings limit:
//
//   - Reading: O(b). The size is checked before a byte is read, a list's
//     length before it is allocated, the depth as each level opens; reading
//     stops at L findings.
//   - A form post of n names of total length m: O(m + n log n) (the names
//     are sorted so that its findings come out the same every time). Rows
//     are kept by index in maps, and each value is visited a bounded number
//     of times.
//   - Structure (the validate tags): O(b). A list past its maximum gets its
//     max-items finding and is not walked.
//   - References (duplicate and unknown institution ids): O(institutions +
//     members + budget lines), through one index of ids; not done at all
//     for a list past its maximum.
//   - Rules: each rule is one pass over the lists it reads (members,
//     institutions, lines, activities), with lookups by index, not by scan;
//     deciding that a rule cannot be judged costs O(f) per rule. A scheme's
//     own lists (themes, categories, rules, kinds) are bounded when it is
//     loaded, so they add at most a constant factor.
//   - Words and order: O(f) to word the findings, each repeating at most
//     200 characters of the document; O(f log f) to sort them. The Result
//     keeps the first L and says there are more.
//   - Form.FieldFor: O(len(path)) per lookup, after an index built once per
//     post, in time linear in the length of its field pointers.
//   - Loading scheme files: linear in their bytes (at most 8 MiB each) and
//     in their number, each file resolved once however long its chain of
//     extends.
package stemkn
