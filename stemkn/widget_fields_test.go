//go:build !js

package stemkn_test

import (
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/stemkn/stemkn/stemkn"
	"github.com/stretchr/testify/require"
)

// The widget tells the host's own form fields (a CSRF token, a button) from
// the document's by the first name of a field, as the form decoder does:
// its list of the document's top-level fields (DOCUMENT_FIELDS in
// wasm/src/form-binding.js) is the fields of Application and OfferDocument.
func TestTheWidgetKnowsTheDocumentsTopLevelFields(t *testing.T) {
	root := repoRoot(t)
	src, err := os.ReadFile(filepath.Join(root, "wasm/src/form-binding.js"))
	if os.IsNotExist(err) {
		t.Skip("the widget (wasm/) is not in this tree")
	}
	require.NoError(t, err)
	m := regexp.MustCompile(`DOCUMENT_FIELDS = Object\.freeze\(\[([^\]]*)\]\)`).FindSubmatch(src)
	require.NotNil(t, m, "form-binding.js declares DOCUMENT_FIELDS")
	var widget []string
	for _, q := range regexp.MustCompile(`'([^']+)'`).FindAllSubmatch(m[1], -1) {
		widget = append(widget, string(q[1]))
	}
	var want []string
	for _, doc := range []any{stemkn.Application{}, stemkn.OfferDocument{}} {
		typ := reflect.TypeOf(doc)
		for i := range typ.NumField() {
			name, _, _ := strings.Cut(typ.Field(i).Tag.Get("json"), ",")
			if name != "" && name != "-" && !slices.Contains(want, name) {
				want = append(want, name)
			}
		}
	}
	slices.Sort(want)
	slices.Sort(widget)
	require.Equal(t, want, widget)
}
