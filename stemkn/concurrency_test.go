package stemkn

import (
	"fmt"
	"reflect"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/require"
)

// concurrencyDocs are documents of every sort: good, ineligible, broken,
// malformed, hostile, and for a scheme the validator prepares on first use.
func concurrencyDocs(t testing.TB) []struct {
	data []byte
	opts Options
} {
	base := loadDoc(t, validFixture)
	var docs []struct {
		data []byte
		opts Options
	}
	add := func(data []byte, opts Options) {
		docs = append(docs, struct {
			data []byte
			opts Options
		}{data, opts})
	}
	variants := [][]change{
		nil, {lines(160001, 40000)}, {lines(159999, 40001)}, {set("/submittedOn", "2011-01-11")},
		{set("/plan/endDate", "2011-04-24")}, {del("/funding")}, {set("/network/institutions/0/establishmentType", "free-schools")},
		{set("/network/lead", "nope")}, {set("/network/institutions/1/id", "ccs")}, {set("/network", "x")},
		{set("/funding/lines/0/amount", 1.5)}, {set("/colour", "red")}, {del("/network/theme")},
		{set("/network/members/0/subjects", []any{"technology"})},
	}
	for i, changes := range variants {
		data := base.with(t, changes...).bytes(t)
		mode := Submit
		if i%3 == 0 {
			mode = Draft
		}
		add(data, Options{Mode: mode})
		add(data, Options{Scheme: "stem-kn-2011-bigger"})
	}
	add(manyProblems(t), Options{})
	add(readFixture(t, "calder.json"), Options{})
	add([]byte(`{"x": `+strings.Repeat("[", 100)+`}`), Options{})
	add([]byte("{\"scheme\": \"\xff\"}"), Options{})
	add([]byte(``), Options{Mode: Draft})
	add([]byte(`{"scheme": "nope"}`), Options{})
	return docs
}

// TestValidatorIsSafeForConcurrentUse validates the same documents from 8
// goroutines at once, in different orders, and expects exactly the results
// of one goroutine doing them in turn. Run it with -race.
func TestValidatorIsSafeForConcurrentUse(t *testing.T) {
	docs := concurrencyDocs(t)
	want := make([]Result, len(docs))
	{
		c := NewCatalogue()
		_, err := c.Load([]byte(biggerKN))
		require.NoError(t, err)
		sequential := NewValidator(c)
		for i, d := range docs {
			want[i] = sequential.Validate(d.data, d.opts)
		}
	}
	require.Equal(t, []seen{e(CodeCap, "/funding/lines")}, summary(want[2]), "the documents say different things")

	c := NewCatalogue()
	shared := NewValidator(c)
	_, err := c.Load([]byte(biggerKN)) // prepared on first use, by whichever goroutine gets there first
	require.NoError(t, err)

	const workers, rounds = 8, 5
	var wg sync.WaitGroup
	problems := make(chan string, workers*rounds*len(docs))
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			for r := 0; r < rounds; r++ {
				for k := range docs {
					i := (k*7 + w*5 + r) % len(docs) // each worker in its own order
					got := shared.Validate(docs[i].data, docs[i].opts)
					if !reflect.DeepEqual(want[i], got) {
						problems <- fmt.Sprintf("worker %d, document %d: %v, want %v", w, i, summary(got), summary(want[i]))
					}
				}
				// Copies made while others validate share the prepared schemes safely.
				_ = shared.WithLimits(DefaultLimits).ValidateString(string(docs[w].data), docs[w].opts)
			}
		}(w)
	}
	wg.Wait()
	close(problems)
	var all []string
	for p := range problems {
		all = append(all, p)
	}
	require.Empty(t, all)
}
