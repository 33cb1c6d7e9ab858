package stemkn

import (
	"slices"
	"sync"
	"testing"

	"github.com/stretchr/testify/require"
)

// copied are the ids of the catalogue's schemes that are held: every one
// but the built-in schemes not asked for yet.
func copied(c *Catalogue) []string {
	c.mu.RLock()
	defer c.mu.RUnlock()
	var ids []string
	for _, id := range c.order {
		if c.schemes[id] != nil {
			ids = append(ids, id)
		}
	}
	return ids
}

// A catalogue copies a built-in scheme from the generated data when the
// scheme is first asked for, not when it is made: the widget makes one as
// it starts, and a page that uses one scheme should copy one.
func TestBuiltinSchemesAreCopiedWhenFirstAskedFor(t *testing.T) {
	c := NewCatalogue()
	require.Empty(t, copied(c), "nothing is copied before it is asked for")

	s, ok := c.Scheme("stem-kn-2011")
	require.True(t, ok)
	require.Equal(t, "stem-kn-2011", s.ID)
	require.Equal(t, []string{"stem-kn-2011"}, copied(c), "asking for one scheme copies one")

	again, _ := c.Scheme("stem-kn-2011")
	require.Same(t, s, again, "a scheme is copied once")

	_, ok = c.Scheme("no-such-scheme")
	require.False(t, ok)

	require.Equal(t, builtinOrder, schemeIDs(c), "listing the schemes copies the rest, in order")
	require.Equal(t, builtinOrder, copied(c))
}

// A loaded file that replaces a built-in scheme, before or after it is
// copied, keeps the built-in's place in the list, and the built-in scheme
// does not come back over it.
func TestALoadedFileReplacesABuiltinScheme(t *testing.T) {
	c := NewCatalogue()
	_, _ = c.Scheme("enthuse-2022")
	for _, id := range []string{"enthuse-2014", "enthuse-2022"} {
		loaded, err := c.Load([]byte(`{"id": "` + id + `", "title": "ENTHUSE, as a funder changed it", "kind": "application"}`))
		require.NoError(t, err)
		s, ok := c.Scheme(id)
		require.True(t, ok)
		require.Same(t, loaded[0], s)
		require.Equal(t, builtinOrder, schemeIDs(c))
		require.Same(t, loaded[0], c.Schemes()[slices.Index(builtinOrder, id)])
	}
	other, _ := NewCatalogue().Scheme("enthuse-2014")
	require.Equal(t, "ENTHUSE Partnerships 2014–16", other.Title, "another catalogue keeps the built-in scheme")
}

// A loaded file may extend a built-in scheme not asked for yet.
func TestALoadedFileExtendsABuiltinSchemeNotYetCopied(t *testing.T) {
	c := NewCatalogue()
	loaded, err := c.Load([]byte(`{"id": "kn-local", "title": "A local network scheme", "extends": "stem-kn-2011"}`))
	require.NoError(t, err)
	parent, _ := c.Scheme("stem-kn-2011")
	require.Equal(t, parent.Rules.Cap, loaded[0].Rules.Cap, "the parent's rules come through")
	require.Equal(t, "kn-local", c.Schemes()[len(builtinOrder)].ID, "a new scheme comes after the built-in ones")
}

// Many goroutines asking a fresh catalogue for its schemes at once each get
// the one scheme, copied once (run under -race).
func TestBuiltinSchemesAreCopiedOnceUnderConcurrentUse(t *testing.T) {
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
