package document

import (
	"strconv"
	"strings"
)

// ComparePaths orders JSON Pointers into documents of shape root segment
// by segment: a parent before its children, list indices numerically,
// fields in the order the document type declares them, and anything else
// by its text. It is the document order findings are sorted in.
func ComparePaths(root *Shape, a, b string) int {
	sh, inList := root, false
	for {
		if a == b {
			return 0
		}
		if a == "" {
			return -1
		}
		if b == "" {
			return 1
		}
		sa, ra := FirstSegment(a)
		sb, rb := FirstSegment(b)
		if sa != sb {
			return compareSegments(sh, inList, sa, sb)
		}
		sh, inList = sh.child(sa, inList)
		a, b = ra, rb
	}
}

// FirstSegment splits a JSON Pointer ("/a/b") into its first segment ("a")
// and the rest ("/b"). p must not be empty.
func FirstSegment(p string) (seg, rest string) {
	p = p[1:] // drop the leading '/'
	if i := strings.IndexByte(p, '/'); i >= 0 {
		return p[:i], p[i:]
	}
	return p, ""
}

func compareSegments(sh *Shape, inList bool, a, b string) int {
	if inList {
		na, errA := strconv.Atoi(a)
		nb, errB := strconv.Atoi(b)
		if errA == nil && errB == nil {
			return cmpInt(na, nb)
		}
	} else if sh != nil {
		ia, _ := sh.lookup(a)
		ib, _ := sh.lookup(b)
		switch {
		case ia >= 0 && ib >= 0:
			return cmpInt(ia, ib)
		case ia >= 0:
			return -1
		case ib >= 0:
			return 1
		}
	}
	return strings.Compare(a, b)
}

func cmpInt(a, b int) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}
