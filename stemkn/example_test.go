package stemkn_test

import (
	"fmt"

	"github.com/stemkn/stemkn/stemkn"
)

// A small network asking for £2,000 with half of it on resources.
const exampleApplication = `{
  "scheme": "stem-kn-2011",
  "submittedOn": "2011-01-10",
  "network": {
    "name": "Hebden Bridge STEM Network",
    "areaOfInterest": "Data handling across science and D&T",
    "theme": "maths-skills",
    "lead": "hbs",
    "institutions": [{"id": "hbs", "name": "Hebden Bridge School", "kind": "school",
      "country": "GB", "subdivision": "GB-ENG", "establishmentType": "foundation-school"}],
    "members": [
      {"name": "Ruth Ellis", "role": "coordinator", "subjects": ["science"], "institution": "hbs"},
      {"name": "Sam Okoro", "role": "teacher", "subjects": ["technology"], "institution": "hbs"}
    ]
  },
  "plan": {
    "startDate": "2011-02-01", "endDate": "2011-06-30",
    "reflection": "Paired lesson observations each half term",
    "commitments": {"practitionerResearch": true, "minimumOneTerm": true, "structuredApproach": true,
      "submitReport": true, "attendDissemination": true, "shareOnline": true}
  },
  "funding": {"currency": "GBP", "lines": [
    {"category": "supply-cover", "amount": 100000},
    {"category": "resources", "amount": 100000}
  ]},
  "contact": {"name": "Ruth Ellis", "email": "r.ellis@hebden.example.org"}
}`

func ExampleValidator_Validate() {
	v := stemkn.NewValidator(nil) // the built-in schemes; make one and share it
	res := v.Validate([]byte(exampleApplication), stemkn.Options{})
	// Findings come in document order, so a form can list them top to bottom.
	fmt.Println("valid:", res.Valid)
	fmt.Println("eligible:", *res.Eligible)
	for _, f := range res.Findings {
		fmt.Printf("%s %s %s: %s\n", f.Severity, f.Code, f.Path, f.Message)
	}
	for _, r := range res.Rules {
		if r.Outcome == stemkn.Failed {
			fmt.Printf("failed %s, because: %q\n", r.Rule, r.Reference)
		}
	}
	// Output:
	// valid: false
	// eligible: false
	// warning advice.mathematics /network/members: Think about inviting a teacher of mathematics: the NCETM is keen for teachers of mathematics to form STEM Knowledge Networks
	// error budget.category-share /funding/lines: Resources must be no more than 20% of the total: £1,000.00 of £2,000.00 is 50%
	// failed categoryShares.resources, because: "Please note that no more than 20% of the funding should be spent on resources."
	// failed mathematics, because: "The National STEM Centre, in partnership with the National Centre for Excellence in the Teaching of Mathematics (NCETM), is keen to encourage teachers of mathematics in schools and colleges to form STEM Knowledge Networks (STEM KNs)."
}

func ExampleMessages_With() {
	// A host rewords one message and one field label; every other message
	// stays as it was.
	messages, err := stemkn.DefaultMessages().With(map[string]string{
		"budget.category-share": "You can spend at most {limit}% on {category:category}: you asked for {amount:money} of {total:money}",
		"label@/contact/email":  "your email address",
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	v := stemkn.NewValidator(nil).WithMessages(messages)
	res := v.ValidateString(`{"scheme": "stem-kn-2011", "network": {"name": "N", "lead": "a",
	  "institutions": [{"id": "a", "name": "A", "kind": "school", "country": "GB", "subdivision": "GB-ENG",
	    "establishmentType": "community-school"}],
	  "members": [{"name": "M", "role": "teacher", "institution": "a", "subjects": ["mathematics", "science"]}]},
	  "plan": {"startDate": "2011-02-01", "endDate": "2011-06-30"},
	  "funding": {"currency": "GBP", "lines": [{"category": "resources", "amount": 50000}]},
	  "contact": {"name": "M"}}`, stemkn.Options{Mode: stemkn.Draft})
	for _, f := range res.Findings {
		fmt.Printf("%s %s: %s\n", f.Severity, f.Path, f.Message)
	}
	// Output:
	// warning /submittedOn: Enter the date the application is submitted
	// warning /network/areaOfInterest: Enter the network's specific area of interest
	// warning /network/theme: Select the network's theme
	// warning /plan/reflection: Enter how teachers will reflect on their professional practice
	// error /plan/commitments: Confirm the network agrees to all 6 commitments
	// error /funding/lines: You can spend at most 20% on resources: you asked for £500.00 of £500.00
	// warning /contact/email: Enter your email address
}
