package stemkn

import (
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestBuiltinDataIsWhatTheLoaderReads holds the generated data
// (schemes.gen.go) to what the strict loader makes of schemes/*.json, field
// for field: a file that fails a check, or a change not generated again,
// fails here, not at start-up. Every file is built in, in builtinOrder.
func TestBuiltinDataIsWhatTheLoaderReads(t *testing.T) {
	files, err := filepath.Glob("schemes/*.json")
	require.NoError(t, err)
	var texts [][]byte
	var ids []string
	for _, f := range files {
		text, err := os.ReadFile(f)
		require.NoError(t, err)
		texts = append(texts, text)
		ids = append(ids, strings.TrimSuffix(filepath.Base(f), ".json"))
	}
	require.ElementsMatch(t, builtinOrder, ids, "every scheme file is built in, and every built-in scheme is a file")
	loaded, err := NewCatalogue().Load(texts...)
	require.NoError(t, err)
	for i, s := range loaded {
		require.Equal(t, ids[i], s.ID, "a built-in scheme's file is named by its id")
		require.Equal(t, s, builtinSchemeData(s.ID), "%s: the generated data is stale: run `go generate ./stemkn`", s.ID)
	}
	require.Nil(t, builtinSchemeData("no-such-scheme"))
}

// TestCataloguesShareNothing: two catalogues' built-in schemes hold no
// memory in common (no pointer to one value, no slices over one array), so
// changing one catalogue's schemes, or a scheme's test document, changes
// no other catalogue and not the data they are copied from.
func TestCataloguesShareNothing(t *testing.T) {
	a, b := NewCatalogue(), NewCatalogue()
	require.Equal(t, builtinOrder, schemeIDs(a))
	for _, id := range builtinOrder {
		sa, _ := a.Scheme(id)
		sb, _ := b.Scheme(id)
		require.Equal(t, sa, sb)
		require.Empty(t, sharedMemory(reflect.ValueOf(sa), reflect.ValueOf(sb), id), "memory two catalogues share")
	}
}

// TestCopySchemeCopiesEveryField copies a scheme with every field set, to
// every depth, and finds the copy equal and sharing nothing: a field added
// to a scheme's types is copied whether or not a built-in scheme uses it.
func TestCopySchemeCopiesEveryField(t *testing.T) {
	s := new(Scheme)
	require.NoError(t, fill(reflect.ValueOf(s).Elem(), "Scheme"))
	c := copyScheme(s)
	require.Equal(t, s, c)
	require.Empty(t, sharedMemory(reflect.ValueOf(s), reflect.ValueOf(c), "Scheme"), "memory a copy shares with its original")
	for _, data := range []*Scheme{builtinSchemeData("stem-kn-2011"), builtinSchemeData("stem-exchange")} {
		require.Empty(t, sharedMemory(reflect.ValueOf(data), reflect.ValueOf(copyScheme(data)), data.ID), "memory a copy shares with the data")
	}
}

// copyScheme refuses, loudly, what it cannot copy.
func TestDeepCopyPanicsOnWhatItCannotCopy(t *testing.T) {
	require.PanicsWithValue(t, "stemkn: copyScheme cannot copy a map (map[string]int)", func() {
		deepCopy(reflect.ValueOf(struct{ M map[string]int }{M: map[string]int{"a": 1}}))
	})
}

// sharedMemory lists the places where a and b, values of one type, hold the
// same memory: pointers to one value, or slices over one array. Strings are
// not counted (they cannot be changed); a kind it cannot judge is listed.
func sharedMemory(a, b reflect.Value, at string) []string {
	var out []string
	switch a.Kind() {
	case reflect.Pointer:
		if a.IsNil() || b.IsNil() {
			return nil
		}
		if a.Pointer() == b.Pointer() {
			return []string{at}
		}
		return sharedMemory(a.Elem(), b.Elem(), at)
	case reflect.Slice:
		if size := a.Type().Elem().Size(); size > 0 && a.Cap() > 0 && b.Cap() > 0 {
			aFrom, bFrom := a.Pointer(), b.Pointer()
			if aFrom < bFrom+uintptr(b.Cap())*size && bFrom < aFrom+uintptr(a.Cap())*size {
				out = append(out, at)
			}
		}
		for i := range min(a.Len(), b.Len()) {
			out = append(out, sharedMemory(a.Index(i), b.Index(i), at+"["+strconv.Itoa(i)+"]")...)
		}
	case reflect.Array:
		for i := range a.Len() {
			out = append(out, sharedMemory(a.Index(i), b.Index(i), at+"["+strconv.Itoa(i)+"]")...)
		}
	case reflect.Struct:
		for i := range a.NumField() {
			out = append(out, sharedMemory(a.Field(i), b.Field(i), at+"."+a.Type().Field(i).Name)...)
		}
	case reflect.Map, reflect.Interface, reflect.Chan, reflect.Func, reflect.UnsafePointer:
		out = append(out, at+" (a "+a.Kind().String()+": teach sharedMemory, and internal/schemegen, to judge it)")
	}
	return out
}

// fill sets every field of v, to every depth: each pointer to a value, each
// slice to two elements, each string, number and bool to one not zero.
func fill(v reflect.Value, at string) error {
	switch v.Kind() {
	case reflect.Struct:
		for i := range v.NumField() {
			if err := fill(v.Field(i), at+"."+v.Type().Field(i).Name); err != nil {
				return err
			}
		}
	case reflect.Pointer:
		v.Set(reflect.New(v.Type().Elem()))
		return fill(v.Elem(), at)
	case reflect.Slice:
		v.Set(reflect.MakeSlice(v.Type(), 2, 2))
		for i := range v.Len() {
			if err := fill(v.Index(i), at+"["+strconv.Itoa(i)+"]"); err != nil {
				return err
			}
		}
	case reflect.String:
		v.SetString("x")
	case reflect.Bool:
		v.SetBool(true)
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		v.SetInt(1)
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		v.SetUint(1)
	default:
		return &SchemeError{Scheme: at, Problem: "is a " + v.Kind().String() + ", which fill cannot set"}
	}
	return nil
}

// The sharing test finds what it is there to find.
func TestSharedMemoryFindsWhatIsShared(t *testing.T) {
	kinds := []string{"a"}
	cap1 := &CapRule{Amount: 1}
	a := Scheme{Funders: kinds, Rules: Rules{Cap: cap1, Institutions: []InstitutionRule{{Kinds: kinds}}}}
	b := Scheme{Funders: kinds[:1:1], Rules: Rules{Cap: cap1, Institutions: []InstitutionRule{{Kinds: slices.Clone(kinds)}}}}
	require.Equal(t, []string{"s.Funders", "s.Rules.Cap"}, sharedMemory(reflect.ValueOf(a), reflect.ValueOf(b), "s"))
	require.Empty(t, sharedMemory(reflect.ValueOf(&a), reflect.ValueOf(copyScheme(&a)), "s"))
}
