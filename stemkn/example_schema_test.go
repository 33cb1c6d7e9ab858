package stemkn_test

import (
	"encoding/json"
	"fmt"

	"github.com/stemkn/stemkn/stemkn"
)

func ExampleSchemaIn() {
	// A form builder draws a Welsh form from the schema: its titles,
	// descriptions and choices are the Welsh catalogue's.
	s, _ := stemkn.NewCatalogue().Scheme("stem-kn-2011")
	cy, _ := stemkn.MessagesIn("cy")
	data, err := stemkn.SchemaIn(s, cy)
	if err != nil {
		fmt.Println(err)
		return
	}
	var schema struct {
		Title string `json:"title"`
		Defs  map[string]struct {
			Properties map[string]struct {
				Title       string `json:"title"`
				Description string `json:"description"`
				OneOf       []struct {
					Const string `json:"const"`
					Title string `json:"title"`
				} `json:"oneOf"`
			} `json:"properties"`
		} `json:"$defs"`
	}
	if err := json.Unmarshal(data, &schema); err != nil {
		fmt.Println(err)
		return
	}
	name := schema.Defs["Network"].Properties["name"]
	role := schema.Defs["Member"].Properties["role"]
	fmt.Println(schema.Title)
	fmt.Println(name.Title + ": " + name.Description)
	fmt.Println(role.OneOf[1].Const + " → " + role.OneOf[1].Title)
	// Output:
	// Rhwydweithiau Gwybodaeth STEM
	// Enw'r rhwydwaith: Yr enw y mae'r rhwydwaith yn ei ddefnyddio amdano'i hun.
	// teacher → Athro
}

func ExampleValidator_Basic() {
	// Tools that read JSON Schema validator output read stemkn's findings
	// as the basic output format, pointing at the exported schema.
	v := stemkn.NewValidator(nil)
	doc := []byte(`{"scheme": "stem-kn-2011", "submittedOn": "2011-01-07", "network": {"lead": "x"}}`)
	res := v.Validate(doc, stemkn.Options{})
	basic := v.Basic(doc, &res)
	fmt.Println(basic.Valid, len(basic.Errors) > 0)
	first := basic.Errors[0]
	fmt.Println(first.InstanceLocation, first.KeywordLocation)
	fmt.Println(first.AbsoluteKeywordLocation)
	fmt.Println(first.Error)
	// Output:
	// false true
	// /network /properties/network/$ref/required
	// https://stemkn.org/schema/stem-kn-2011.json#/$defs/Network/required
	// Enter the network's name
}
