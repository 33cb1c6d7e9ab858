package stemkn_test

import (
	"fmt"

	"github.com/stemkn/stemkn/stemkn"
)

func ExampleMessagesIn() {
	// A service in Wales words the findings, the rule titles and the
	// page's words in Welsh.
	cy, err := stemkn.MessagesIn("cy")
	if err != nil {
		fmt.Println(err)
		return
	}
	v := stemkn.NewValidator(nil).WithMessages(cy)
	res := v.ValidateString(`{"scheme": "stem-kn-2011", "plan": {"startDate": "2011-02-30"}}`, stemkn.Options{Mode: stemkn.Draft})
	for _, f := range res.Findings {
		if f.Severity == stemkn.Error {
			fmt.Println(f.Message)
		}
	}
	fmt.Println(cy.Text("ui.error-summary.title", nil))
	fmt.Println(cy.Text("ui.page-title", map[string]string{"title": "Gwneud cais"}))
	// Output:
	// Rhaid i ddyddiad dechrau'r rhaglen fod yn ddyddiad go iawn, fel 2011-01-10
	// Mae problem wedi codi
	// Gwall: Gwneud cais
}

func ExampleLoadMessages() {
	// A catalogue file that extends a built-in language overrides it key
	// by key; every key and placeholder is checked as it is read.
	m, err := stemkn.LoadMessages([]byte(`{
	  "_meta": {"extends": "cy"},
	  "required@/network/name": "Rhowch enw eich rhwydwaith"
	}`))
	if err != nil {
		fmt.Println(err)
		return
	}
	f := stemkn.Finding{Code: stemkn.CodeRequired, Path: "/network/name"}
	fmt.Println(m.Message(&f, nil))

	_, err = stemkn.LoadMessages([]byte(`{"_meta": {"extends": "cy"}, "budget.cap": "Gofynnwch am {cyfanswm:money} neu lai"}`))
	fmt.Println(err)
	// Output:
	// Rhowch enw eich rhwydwaith
	// stemkn: messages (cy): "budget.cap": {cyfanswm:money} cannot be filled: the English message fills {cap:money} and {total:money}
}
