package document

import "strings"

// FieldFor names the form field a finding at path belongs to (stemkn's
// Form.FieldFor says which), given the fields a post decoded from (see
// DecodeForm), an index of them (nil: made here, at the cost of a pass over
// fields) and the shape of the document; "" for the whole document. With
// the index a lookup costs the length of path, whatever the number of
// fields.
func FieldFor(fields map[string]string, index *FieldIndex, root *Shape, path string) string {
	if name, ok := fields[path]; ok {
		return name
	}
	if path == "" || path[0] != '/' {
		return ""
	}
	if index == nil || index.fields != len(fields) {
		index = NewFieldIndex(fields)
	}
	segs := splitPointer(path)
	// The posted field sharing the longest leading run of segments with path
	// tells which form row each list index in that run came from; of several,
	// the first by name. A form name's segments match its pointer's one for
	// one up to a list of text's "[]" or a date input's part, which only ever
	// end a name, so the name found can be cut to the run it shares.
	best, bestName := 0, ""
	for k, end := len(segs), len(path); k > 0; k-- {
		if name, ok := index.first[path[:end]]; ok {
			best, bestName = k, name
			break
		}
		end = strings.LastIndexByte(path[:end], '/')
	}
	var names []string
	if best > 0 {
		names, _ = splitFormName(bestName)
		names = names[:best]
	}
	names = append(names, segs[best:]...)
	name := joinFormName(names)
	if isStringList(root, segs) {
		name += "[]"
	}
	return name
}

// FieldIndex holds, for every leading run of segments of a pointer of a
// form's fields ("/network", "/network/members", "/network/members/1"),
// the first by name of the form fields under it, for FieldFor.
type FieldIndex struct {
	first  map[string]string
	fields int // how many fields it was made from
}

// NewFieldIndex indexes the fields of a post in one pass over their
// pointers; each prefix is a substring of its pointer, so the index holds no
// more text than the fields do.
func NewFieldIndex(fields map[string]string) *FieldIndex {
	ix := &FieldIndex{first: make(map[string]string, len(fields)), fields: len(fields)}
	for pointer, name := range fields {
		for end := len(pointer); end > 0; end = strings.LastIndexByte(pointer[:end], '/') {
			if old, ok := ix.first[pointer[:end]]; !ok || name < old {
				ix.first[pointer[:end]] = name
			}
		}
	}
	return ix
}

// splitPointer splits a JSON Pointer into its unescaped segments.
func splitPointer(p string) []string {
	if p == "" {
		return nil
	}
	segs := strings.Split(p[1:], "/")
	for i, s := range segs {
		if strings.IndexByte(s, '~') >= 0 {
			segs[i] = strings.NewReplacer("~1", "/", "~0", "~").Replace(s)
		}
	}
	return segs
}

// joinFormName writes names in bracket notation: a[b][c].
func joinFormName(names []string) string {
	if len(names) == 0 {
		return ""
	}
	var b strings.Builder
	b.WriteString(names[0])
	for _, n := range names[1:] {
		b.WriteByte('[')
		b.WriteString(n)
		b.WriteByte(']')
	}
	return b.String()
}

// isStringList reports whether the path ends at a list of text, which forms
// post under a name ending in "[]".
func isStringList(root *Shape, segs []string) bool {
	sh, inList := root, false
	for i, seg := range segs {
		if sh == nil {
			return false
		}
		if inList {
			sh, inList = sh.child(seg, true)
			continue
		}
		_, f := sh.lookup(seg)
		if f == nil {
			return false
		}
		if i == len(segs)-1 {
			return f.kind == kindStringList
		}
		sh, inList = sh.child(seg, false)
	}
	return false
}
