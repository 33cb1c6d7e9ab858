package stemkn

import "embed"

// The built-in catalogue is data: one scheme file per programme of the
// source documents, in schemes/, loaded through the same strict loader as
// a funder's file (Catalogue.Load), each with its own test cases
// (Validator.RunTests, `stemkn test`).

//go:embed schemes/*.json
var builtinFiles embed.FS

// builtinOrder are the built-in schemes in the order `stemkn schemes` lists
// them; each is the file schemes/ID.json.
var builtinOrder = []string{"stem-kn-2011", "enthuse-2014", "enthuse-2022", "stem-pd-net-2016", "stem-exchange"}

// builtinSchemeFiles are the built-in scheme files, in catalogue order.
func builtinSchemeFiles() [][]byte {
	files := make([][]byte, len(builtinOrder))
	for i, id := range builtinOrder {
		data, err := builtinFiles.ReadFile("schemes/" + id + ".json")
		if err != nil {
			panic("stemkn: the built-in scheme " + id + " is not embedded: " + err.Error())
		}
		files[i] = data
	}
	return files
}
