//go:build js && wasm

package main

// warmUpDocument is a complete STEM Knowledge Networks application. The kit
// validates it, and a form post of it, once at start-up so that the
// validator's caches (struct metadata, compiled schemes, message templates)
// are warm before the page's first keystroke.
const warmUpDocument = `{
  "scheme": "stem-kn-2011", "submittedOn": "2011-01-07",
  "network": {"name": "Calder Valley Maths in STEM Network",
    "areaOfInterest": "Graphs and algebra across maths, science and D&T in KS3",
    "theme": "maths-skills", "lead": "ccs",
    "institutions": [{"id": "ccs", "name": "Calder Community School", "kind": "school",
      "country": "GB", "subdivision": "GB-ENG", "urn": "107552",
      "establishmentType": "community-school", "phase": "secondary", "region": "yorkshire-and-the-humber"}],
    "members": [{"name": "Asha Patel", "email": "a.patel@calder.example.org", "role": "coordinator",
      "subjects": ["mathematics"], "institution": "ccs"},
      {"name": "Tom Reid", "email": "t.reid@calder.example.org", "role": "teacher",
      "subjects": ["science"], "institution": "ccs"}]},
  "plan": {"startDate": "2011-02-01", "endDate": "2011-07-15",
    "reflection": "Lesson-study cycle each half term, written up jointly",
    "activities": [{"title": "Joint planning", "kind": "meeting", "date": "2011-02-10"}],
    "commitments": {"practitionerResearch": true, "minimumOneTerm": true, "structuredApproach": true,
      "submitReport": true, "attendDissemination": true, "shareOnline": true}},
  "funding": {"currency": "GBP", "lines": [
    {"category": "supply-cover", "description": "Release for six half-days", "amount": 120000},
    {"category": "resources", "description": "Data loggers", "amount": 30000}]},
  "contact": {"name": "Asha Patel", "email": "a.patel@calder.example.org"}
}`

// warmUpForm is a half-filled form post with problems of several kinds, so
// that the form decoder and the error paths are warm too.
const warmUpForm = `[["scheme","stem-kn-2011"],["network[name]",""],["network[members][3][email]","not an email"],
  ["network[members][3][subjects][]","science"],["funding[currency]","GBP"],
  ["funding[lines][0][category]","resources"],["funding[lines][0][amount]","£1,200.50"]]`

// warmUp runs validate once on a whole document and once on a broken one,
// before the kit is ready, so that a page's first call costs no more than
// any other. It reads and prepares the one scheme it uses; the page's
// other schemes are read when it first asks for them.
func (k *kit) warmUp() {
	k.validate(warmUpDocument, "")
	k.validate(`{"scheme": "stem-kn-2011", "network": {"name": 1}`, `{"mode": "draft"}`)
}

// warmUpForm runs validateForm once. The ES module calls it (as warmUp)
// at the page's next turn after ready (a form's first keystroke comes
// later than that), so that the form decoder's warm-up, the larger part
// of the whole, does not hold ready back.
func (k *kit) warmUpForm() {
	k.validateForm(warmUpForm, "")
}
