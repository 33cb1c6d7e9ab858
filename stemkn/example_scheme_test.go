package stemkn_test

import (
	"fmt"
	"os"

	"github.com/stemkn/stemkn/budget"
	"github.com/stemkn/stemkn/stemkn"
)

// A funder raises a built-in scheme's cap in a scheme file. The Hemel Enthuse
// Partnership's £47,900 request is valid under the file and over the cap of
// the ENTHUSE scheme it extends.
func ExampleCatalogue_LoadFile() {
	catalogue := stemkn.NewCatalogue()
	hemel, err := catalogue.LoadFile("../examples/schemes/hemel-enthuse-2022.json")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(hemel.Title, "extends", hemel.Extends, "with a cap of", budget.Format(hemel.Rules.Cap.Amount, hemel.Currency))

	doc, err := os.ReadFile("../examples/applications/hemel-2022.json")
	if err != nil {
		fmt.Println(err)
		return
	}
	v := stemkn.NewValidator(catalogue)
	res := v.Validate(doc, stemkn.Options{})
	fmt.Println(res.Scheme, "valid:", res.Valid, "eligible:", *res.Eligible)

	base := v.Validate(doc, stemkn.Options{Scheme: "enthuse-2022"})
	fmt.Println(base.Scheme, "valid:", base.Valid)
	for _, f := range base.Findings {
		fmt.Println(f.Path+":", f.Message)
	}
	// Output:
	// Hemel Enthuse Partnership extends enthuse-2022 with a cap of £50,000.00
	// hemel-enthuse-2022 valid: true eligible: true
	// enthuse-2022 valid: false
	// /funding/lines: The total must be £20,000.00 or less: it is £47,900.00
}
