package stemkn

import (
	"strconv"
	"strings"
)

// The references stage: institutions are named by id, so every name must
// be of an institution the document has.

// references are the findings about references between institutions: a
// repeated institution id, and a lead, member or budget line that names an
// institution the document does not have. While an institution has no id
// yet, or an id could not be read (broken), a reference may be to it, so
// references are not checked.
func references(app *Application, broken []string) Findings {
	if app == nil || institutionIDsBroken(broken) {
		return nil
	}
	var out Findings
	checkReferences(app, &out)
	return out
}

func checkReferences(app *Application, out *Findings) {
	insts := app.Network.Institutions
	idMissing := false
	for i := range insts {
		idMissing = idMissing || insts[i].ID == ""
		for j := 0; j < i; j++ {
			if insts[i].ID != "" && insts[i].ID == insts[j].ID {
				*out = append(*out, Finding{Code: CodeDuplicate, Severity: Error,
					Path: "/network/institutions/" + strconv.Itoa(i) + "/id", Params: Params{"id": insts[i].ID}})
				break
			}
		}
	}
	if idMissing {
		return
	}
	missing := func(id string) bool { return id != "" && app.institutionIndex(id) < 0 }
	unknown := func(id, path string) {
		*out = append(*out, Finding{Code: CodeUnknownInstitution, Severity: Error, Path: path, Params: Params{"id": id}})
	}
	if missing(app.Network.Lead) {
		unknown(app.Network.Lead, "/network/lead")
	}
	for i := range app.Network.Members {
		if id := app.Network.Members[i].Institution; missing(id) {
			unknown(id, "/network/members/"+strconv.Itoa(i)+"/institution")
		}
	}
	if app.Funding != nil {
		for i := range app.Funding.Lines {
			if id := app.Funding.Lines[i].Institution; missing(id) {
				unknown(id, "/funding/lines/"+strconv.Itoa(i)+"/institution")
			}
		}
	}
}

// institutionIDsBroken reports whether some institution's id could not be
// read, so that a reference to it would look like one to an unknown
// institution.
func institutionIDsBroken(broken []string) bool {
	for _, b := range broken {
		if underAny("/network/institutions", []string{b}) {
			return true // the institutions, or what holds them
		}
		if rest, ok := strings.CutPrefix(b, "/network/institutions/"); ok {
			if i := strings.IndexByte(rest, '/'); i < 0 || rest[i:] == "/id" {
				return true // one institution, or its id
			}
		}
	}
	return false
}
