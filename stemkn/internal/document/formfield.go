package document

import "strings"

// FieldFor names the form field a finding at path belongs to (stemkn's
// Form.FieldFor says which), given the fields a post decoded from (see
// DecodeForm) and the shape of the document; "" for the whole document.
func FieldFor(fields map[string]string, root *Shape, path string) string {
	if name, ok := fields[path]; ok {
		return name
	}
	if path == "" || path[0] != '/' {
		return ""
	}
	segs := splitPointer(path)
	// The posted field sharing the longest leading run of segments with path
	// tells which form row each list index in that run came from.
	best, bestName := 0, ""
	for key, name := range fields {
		k := commonSegments(segs, splitPointer(key))
		if k > best || k == best && k > 0 && name < bestName {
			best, bestName = k, name
		}
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

// commonSegments counts the leading segments a and b share. A form name's
// segments match its pointer's one for one up to a string list's "[]", which
// only ever ends a name, so the count is safe to cut the name of b with
// when a is not b.
func commonSegments(a, b []string) int {
	n := 0
	for n < len(a) && n < len(b) && a[n] == b[n] {
		n++
	}
	return n
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
