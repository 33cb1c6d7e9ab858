package stemkn

import (
	"sync"
	"testing"

	"github.com/stretchr/testify/require"
)

// A catalogue reads a built-in scheme's file when the scheme is first asked
// for, not when it is made: the widget makes one as it starts, and a page
// that uses one scheme should read one file.
func TestBuiltinSchemesAreReadWhenFirstAskedFor(t *testing.T) {
	c := NewCatalogue()
	require.Len(t, c.pending, len(builtinOrder), "nothing is read before it is asked for")

	s, ok := c.Scheme("stem-kn-2011")
	require.True(t, ok)
	require.Equal(t, "stem-kn-2011", s.ID)
	require.NotContains(t, c.pending, "stem-kn-2011")
	require.Len(t, c.pending, len(builtinOrder)-1, "asking for one scheme reads one file")

	again, _ := c.Scheme("stem-kn-2011")
	require.Same(t, s, again, "a scheme is read once")

	_, ok = c.Scheme("no-such-scheme")
	require.False(t, ok)

	var ids []string
	for _, s := range c.Schemes() {
		ids = append(ids, s.ID)
	}
	require.Equal(t, builtinOrder, ids, "listing the schemes reads the rest, in order")
	require.Empty(t, c.pending)
}

// A loaded file that replaces a built-in scheme before the built-in one is
// read keeps the built-in's place in the list, and reading the rest later
// does not bring the built-in file back over it.
func TestALoadedFileReplacesABuiltinSchemeNotYetRead(t *testing.T) {
	c := NewCatalogue()
	read := c.pending["enthuse-2014"]
	loaded, err := c.Load([]byte(`{"id": "enthuse-2014", "title": "ENTHUSE, as a funder changed it", "kind": "application"}`))
	require.NoError(t, err)
	require.NotContains(t, c.pending, "enthuse-2014")

	read() // as a reader that took the pending read before the load would
	s, ok := c.Scheme("enthuse-2014")
	require.True(t, ok)
	require.Same(t, loaded[0], s)

	var ids []string
	for _, s := range c.Schemes() {
		ids = append(ids, s.ID)
	}
	require.Equal(t, builtinOrder, ids)
}

// A loaded file may extend a built-in scheme that has not been read yet.
func TestALoadedFileExtendsABuiltinSchemeNotYetRead(t *testing.T) {
	c := NewCatalogue()
	loaded, err := c.Load([]byte(`{"id": "kn-local", "title": "A local network scheme", "extends": "stem-kn-2011"}`))
	require.NoError(t, err)
	parent, _ := c.Scheme("stem-kn-2011")
	require.Equal(t, parent.Rules.Cap, loaded[0].Rules.Cap, "the parent's rules come through")
	require.Equal(t, "kn-local", c.Schemes()[len(builtinOrder)].ID, "a new scheme comes after the built-in ones")
}

// Many goroutines asking a fresh catalogue for its schemes at once each get
// the one scheme read once (run under -race).
func TestBuiltinSchemesAreReadOnceUnderConcurrentUse(t *testing.T) {
	c := NewCatalogue()
	v := NewValidator(c)
	var wg sync.WaitGroup
	got := make([]*Scheme, 16)
	for i := range got {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if i%2 == 0 {
				got[i], _ = c.Scheme("enthuse-2022")
			} else {
				v.Validate([]byte(`{"scheme": "enthuse-2022"}`), Options{})
				got[i], _ = c.Scheme("enthuse-2022")
			}
			_ = c.Schemes()
		}()
	}
	wg.Wait()
	for _, s := range got {
		require.Same(t, got[0], s)
	}
}
