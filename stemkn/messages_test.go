package stemkn

import (
	"testing"

	"github.com/stretchr/testify/require"
)

// TestPackageLevelValidatorWordsLikeAFreshOne guards against templates added
// after package variables are initialised: testValidator is such a variable,
// and it must know every template a validator made later knows.
func TestPackageLevelValidatorWordsLikeAFreshOne(t *testing.T) {
	fresh := DefaultMessages()
	require.ElementsMatch(t, fresh.Keys(), testValidator.messages.Keys())
	for _, key := range []string{"required@/funding/currency", "duplicate@/network/institutions/*/id", "maximum@/funding/lines/*/amount"} {
		want, ok := fresh.Template(key)
		require.True(t, ok, key)
		got, ok := testValidator.messages.Template(key)
		require.True(t, ok, key)
		require.Equal(t, want, got)
	}
}
