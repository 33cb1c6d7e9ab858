package stemkn

import (
	"bytes"

	"github.com/stemkn/stemkn/internal/jsonscan"
)

// catalogueEntry is a key of a catalogue file and its text.
type catalogueEntry struct{ key, text string }

// scanCatalogue reads a well-formed catalogue file in one pass, without
// building the whole file as values first (jsonscan.Parse, which
// decodeCatalogue's slower path uses), for the catalogue a page first asks
// for (the Welsh one, or a host's; English is built in as generated data). It
// gives the entries in file order and _meta as parsed, and ok false
// for anything but a JSON object whose keys are each given once and whose
// values are strings, but for _meta's, which is an object. Its answers
// agree with decodeCatalogue's slower path, which reads the files it
// refuses and says what is wrong with them (FuzzScanCatalogueAgrees).
func scanCatalogue(data []byte) (entries []catalogueEntry, meta *jsonscan.Object, ok bool) {
	s := jsonscan.New(data)
	s.Space()
	if !s.Take('{') {
		return nil, nil, false
	}
	entries = make([]catalogueEntry, 0, bytes.Count(data, []byte("\n")))
	seen := make(map[string]bool, cap(entries))
	s.Space()
	if s.Take('}') {
		return scanEnd(s, entries, meta)
	}
	for {
		s.Space()
		key, good := s.Str()
		if !good || seen[key] {
			return nil, nil, false
		}
		seen[key] = true
		s.Space()
		if !s.Take(':') {
			return nil, nil, false
		}
		s.Space()
		if key == "_meta" {
			v, err := s.Value(jsonscan.MaxDepth)
			if meta, good = v.(*jsonscan.Object); err != nil || !good {
				return nil, nil, false
			}
		} else {
			text, good := s.Str()
			if !good {
				return nil, nil, false
			}
			entries = append(entries, catalogueEntry{key, text})
		}
		s.Space()
		if s.Take('}') {
			return scanEnd(s, entries, meta)
		}
		if !s.Take(',') {
			return nil, nil, false
		}
	}
}

// scanEnd checks that nothing but space follows the catalogue and that it
// had a _meta.
func scanEnd(s *jsonscan.Scanner, entries []catalogueEntry, meta *jsonscan.Object) ([]catalogueEntry, *jsonscan.Object, bool) {
	s.Space()
	if !s.Done() || meta == nil {
		return nil, nil, false
	}
	if len(entries) == 0 {
		entries = nil // as readCatalogue gives none
	}
	return entries, meta, true
}
