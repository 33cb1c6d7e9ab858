package stemkn

import "strings"

// FieldFor names the form field a finding at path belongs to, so a host can
// put the message by the right field:
//
//   - a value the form posted: the name it was posted under
//     ("network[members][7][email]" for /network/members/1/email, since the
//     host may have deleted rows 0 to 6);
//   - a value the form did not post (no radio chosen, a box left unchecked):
//     the name it would have had, in the row the path is in
//     ("network[members][7][role]"), ending in "[]" for a list of text
//     ("network[members][7][subjects][]");
//   - a group or list rather than one value (/network/members, a budget
//     line): the group's name ("network[members]", "funding[lines][3]"),
//     which no field has; GOV.UK puts such a message by the group's first
//     field, whose name starts with the group's name and "[".
//
// It gives "" for the document as a whole.
func (f Form) FieldFor(path string) string {
	if name, ok := f.Fields[path]; ok {
		return name
	}
	if path == "" || path[0] != '/' {
		return ""
	}
	segs := splitPointer(path)
	// The posted field sharing the longest leading run of segments with path
	// tells which form row each list index in that run came from.
	best, bestName := 0, ""
	for key, name := range f.Fields {
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
	if isStringList(segs) {
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
func isStringList(segs []string) bool {
	sh, inList := rootShape, false
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
