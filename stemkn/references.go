package stemkn

import (
	"strconv"
	"strings"
)

// The references stage: institutions are named by id, so every name must
// be of an institution the document has.

// references are the index of institution ids (see institutionIDs) and
// the findings about references between institutions: a repeated
// institution id, and a lead, member or budget line that names an
// institution the document does not have. While an institution has no id
// yet, or an id could not be read (broken), a reference may be to it, so
// references are not checked. found are the findings so far.
func references(app *Application, broken []string, found Findings) (idIndex, Findings) {
	if app == nil {
		return idIndex{}, nil
	}
	ids := institutionIDs(app.Network.Institutions)
	if institutionIDsBroken(broken) {
		return ids, nil
	}
	var out Findings
	checkReferences(app, ids, found, &out)
	return ids, out
}

// checkReferences reports duplicate institution ids and references to
// institutions the document does not have, by the index of ids (see
// institutionIDs), so its cost is linear in the institutions, members and
// lines. While an institution has no id yet, a reference may be to it, so
// references are not checked. A list already past its maximum (a max-items
// finding in found) is not checked at all: that finding says what is wrong
// with it, and its entries are not worth the work.
func checkReferences(app *Application, ids idIndex, found Findings, out *Findings) {
	if overMaximum(found, "/network/institutions") {
		return
	}
	insts := app.Network.Institutions
	idMissing := false
	for i := range insts {
		id := insts[i].ID
		idMissing = idMissing || id == ""
		if first, _ := ids.find(id); id != "" && first != i {
			*out = append(*out, Finding{Code: CodeDuplicate, Severity: Error,
				Path: "/network/institutions/" + strconv.Itoa(i) + "/id", Params: Params{"id": id}})
		}
	}
	if idMissing {
		return
	}
	missing := func(id string) bool {
		_, ok := ids.find(id)
		return id != "" && !ok
	}
	unknown := func(id, path string) {
		*out = append(*out, Finding{Code: CodeUnknownInstitution, Severity: Error, Path: path, Params: Params{"id": id}})
	}
	if missing(app.Network.Lead) {
		unknown(app.Network.Lead, "/network/lead")
	}
	if !overMaximum(found, "/network/members") {
		for i := range app.Network.Members {
			if id := app.Network.Members[i].Institution; missing(id) {
				unknown(id, "/network/members/"+strconv.Itoa(i)+"/institution")
			}
		}
	}
	if app.Funding != nil && !overMaximum(found, "/funding/lines") {
		for i := range app.Funding.Lines {
			if id := app.Funding.Lines[i].Institution; missing(id) {
				unknown(id, "/funding/lines/"+strconv.Itoa(i)+"/institution")
			}
		}
	}
}

// overMaximum reports whether a list has more entries than its bound (a
// max-items finding at path).
func overMaximum(fs Findings, path string) bool {
	for i := range fs {
		if fs[i].Code == CodeMaxItems && fs[i].Path == path {
			return true
		}
	}
	return false
}

// paths is a set of JSON Pointers.
type paths map[string]struct{}

func pathSet(list []string) paths {
	set := make(paths, len(list))
	for _, p := range list {
		set[p] = struct{}{}
	}
	return set
}

// holdsAbove reports whether the set holds path or a pointer above it,
// looking up each of path's leading runs of segments: the cost of path's
// length, whatever the size of the set.
func (set paths) holdsAbove(path string) bool {
	if len(set) == 0 {
		return false
	}
	for end := len(path); end > 0; end = strings.LastIndexByte(path[:end], '/') {
		if _, ok := set[path[:end]]; ok {
			return true
		}
	}
	return false
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

// underAny reports whether path is at or below one of the prefixes.
func underAny(path string, prefixes []string) bool {
	for _, p := range prefixes {
		if path == p || strings.HasPrefix(path, p) && path[len(p)] == '/' {
			return true
		}
	}
	return false
}
