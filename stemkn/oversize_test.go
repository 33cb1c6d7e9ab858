package stemkn_test

import (
	"net/url"
	"runtime"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/stemkn/stemkn/stemkn"
)

// TooLarge is exactly what Validate says of a document one byte past the
// limit, for every scheme, mode, wording and limit, so a host that refuses
// the input unread answers as the validator would have.
func TestTooLargeIsWhatValidateSaysOfADocumentPastTheLimit(t *testing.T) {
	reworded, err := stemkn.DefaultMessages().With(map[string]string{
		"too-large.bytes": "Send a document of {max} bytes or fewer",
	})
	require.NoError(t, err)
	rewording := builtinValidator.WithMessages(reworded)
	validators := map[string]*stemkn.Validator{
		"default":        builtinValidator,
		"small limits":   builtinValidator.WithLimits(smallLimits),
		"other messages": rewording,
	}
	schemes := []string{"", "stem-kn-2011", "stem-exchange", "no-such-scheme"}
	for name, v := range validators {
		over := `{"scheme":"stem-kn-2011"}` + strings.Repeat(" ", v.Limits().Bytes-24)
		for _, id := range schemes {
			for _, mode := range []stemkn.Mode{stemkn.Submit, stemkn.Draft} {
				opts := stemkn.Options{Scheme: id, Mode: mode}
				want := v.ValidateString(over, opts)
				require.Equal(t, []stemkn.Code{stemkn.CodeTooLarge}, want.Findings.Codes(), "%s %q", name, id)
				require.Equal(t, want, v.TooLarge(opts), "%s %q %s", name, id, mode)
			}
		}
	}
	require.Equal(t, "Send a document of 8388608 bytes or fewer", rewording.TooLarge(stemkn.Options{}).Findings[0].Message)
}

// A form post whose names and values together pass the byte limit is
// refused before a field is read, with the answer a document that long
// gets; one exactly at the limit is read.
func TestAFormPostPastTheByteLimitIsRefusedUnread(t *testing.T) {
	for _, v := range []*stemkn.Validator{builtinValidator, builtinValidator.WithLimits(smallLimits)} {
		limit := v.Limits().Bytes
		post := func(size int) url.Values {
			name, scheme := "network[name]", "stem-kn-2011"
			fill := size - len(name) - len("scheme") - len(scheme)
			return url.Values{"scheme": {scheme}, name: {strings.Repeat("n", fill)}}
		}
		opts := stemkn.Options{Mode: stemkn.Draft}

		res, form := v.ValidateForm(post(limit+1), opts)
		require.Equal(t, v.TooLarge(opts), res)
		require.Nil(t, form.Document)
		require.Empty(t, form.Fields)
		require.Equal(t, []stemkn.Code{stemkn.CodeTooLarge}, v.DecodeForm(post(limit+1), opts).Findings.Codes())

		_, form = v.ValidateForm(post(limit), opts)
		require.NotNil(t, form.Document, "a post at the limit is read")
		require.Equal(t, "network[name]", form.Fields["/network/name"])
	}
}

// Refusing a form post of 16 MiB allocates next to nothing: it is not
// decoded or copied.
func TestRefusingAFormPostCopiesNothing(t *testing.T) {
	post := url.Values{"network[name]": {strings.Repeat("x", 16<<20)}}
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	res, _ := builtinValidator.ValidateForm(post, stemkn.Options{})
	runtime.ReadMemStats(&after)
	require.Equal(t, []stemkn.Code{stemkn.CodeTooLarge}, res.Findings.Codes())
	require.Less(t, after.TotalAlloc-before.TotalAlloc, uint64(64<<10))
}
