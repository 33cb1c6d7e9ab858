package stemkn

import (
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// The bounds a scheme's ids and counts must fit are the document's own, so
// that a scheme cannot name a theme no document can write or ask for more
// institutions than a document may list.
func TestSchemeBoundsAreTheDocumentsBounds(t *testing.T) {
	maxOf := func(typ reflect.Type, field string) int {
		f, ok := typ.FieldByName(field)
		require.True(t, ok, field)
		for _, part := range strings.Split(f.Tag.Get("validate"), ",") {
			if n, ok := strings.CutPrefix(part, "max="); ok {
				v, err := strconv.Atoi(n)
				require.NoError(t, err)
				return v
			}
		}
		t.Fatalf("%s has no max", field)
		return 0
	}
	require.Equal(t, maxOf(reflect.TypeFor[Application](), "Scheme"), maxSchemeID)
	require.Equal(t, maxOf(reflect.TypeFor[Network](), "Theme"), maxThemeID)
	require.Equal(t, maxOf(reflect.TypeFor[BudgetLine](), "Category"), maxCategoryID)
	require.Equal(t, maxOf(reflect.TypeFor[Network](), "Institutions"), maxInstitutions)
	require.Equal(t, maxOf(reflect.TypeFor[Network](), "Institutions"), maxOrganisations)
	require.Equal(t, maxOf(reflect.TypeFor[Plan](), "Outputs"), maxOutputs)
	require.Equal(t, maxOf(reflect.TypeFor[Member](), "Subjects"), stemSubjectCount)
	require.Equal(t, int64(maxOf(reflect.TypeFor[Funding](), "Lines"))*int64(maxOf(reflect.TypeFor[BudgetLine](), "Amount")), int64(maxSchemeAmount))
	require.Equal(t, DefaultLimits.Bytes, maxSchemeFile)
}
