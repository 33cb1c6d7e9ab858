//go:build js && wasm

package main

import (
	"strconv"

	"github.com/stemkn/stemkn/internal/jsonscan"
)

// The two inputs every call can carry — its options and a form's entries —
// are read here by hand rather than by encoding/json: its first Unmarshal
// reflects over the target type, and that cost a start-up (whose warm-up
// passes options) about 6% of its work, 97 million of Node's instructions
// (wasm/bench/startwork.sh). Strings are read as encoding/json reads them,
// a lone surrogate (which JSON.stringify writes as an escape) becoming
// U+FFFD.

// parseOptions reads the options JSON the ES module writes: an object with
// the string members scheme, mode, lang and output and the object of
// strings messages, each of them null or left out when not given; null
// for the whole is no options. A member
// given twice counts the last time, as in encoding/json; one by any other
// name is refused, since it can only be a mistake. It says what is wrong
// with the text, or "".
func parseOptions(text string) (options, string) {
	var o options
	s := jsonscan.Repairing([]byte(text))
	if nothing(s) {
		return o, ""
	}
	err := readObject(s, func(key string) string {
		if s.Null() {
			return ""
		}
		var field *string
		switch key {
		case "scheme":
			field = &o.Scheme
		case "mode":
			field = &o.Mode
		case "lang":
			field = &o.Lang
		case "output":
			field = &o.Output
		case "messages":
			o.Messages = map[string]string{}
			return readObject(s, func(key string) string {
				text, ok := s.Str()
				if !ok {
					return "the message for " + strconv.Quote(key) + " is not a string"
				}
				o.Messages[key] = text
				return ""
			})
		default:
			return "there is no option called " + strconv.Quote(key)
		}
		var ok bool
		if *field, ok = s.Str(); !ok {
			return "the " + key + " option is not a string"
		}
		return ""
	})
	if err == "" && !end(s) {
		err = "there is more after the object"
	}
	return o, err
}

// parseEntries reads a form's entries: a JSON list of [name, value] pairs
// of strings, in form order, or null for none. It says what is wrong with the text, or "".
func parseEntries(text string) (map[string][]string, string) {
	s := jsonscan.Repairing([]byte(text))
	values := map[string][]string{}
	if nothing(s) {
		return values, ""
	}
	err := readList(s, func(int) string {
		var pair [2]string
		n := 0
		err := readList(s, func(i int) string {
			text, ok := s.Str()
			if !ok || i >= 2 {
				return "each form entry must be a [name, value] pair of strings"
			}
			pair[i] = text
			n++
			return ""
		})
		if err == "" && n != 2 {
			err = "each form entry must be a [name, value] pair of strings"
		}
		if err != "" {
			return err
		}
		values[pair[0]] = append(values[pair[0]], pair[1])
		return ""
	})
	if err == "" && !end(s) {
		err = "there is more after the list"
	}
	return values, err
}

// readObject reads a JSON object, calling member for each key with the
// scanner at its value, which member reads.
func readObject(s *jsonscan.Scanner, member func(key string) string) string {
	s.Space()
	if !s.Take('{') {
		return "not a JSON object"
	}
	s.Space()
	if s.Take('}') {
		return ""
	}
	for {
		s.Space()
		key, ok := s.Str()
		if !ok {
			return "a key is not a JSON string"
		}
		s.Space()
		if !s.Take(':') {
			return "no colon after the key " + strconv.Quote(key)
		}
		s.Space()
		if err := member(key); err != "" {
			return err
		}
		s.Space()
		if s.Take('}') {
			return ""
		}
		if !s.Take(',') {
			return "no comma or closing brace after " + strconv.Quote(key)
		}
	}
}

// readList reads a JSON array, calling item for each item with the scanner
// at it, which item reads.
func readList(s *jsonscan.Scanner, item func(i int) string) string {
	s.Space()
	if !s.Take('[') {
		return "not a JSON list"
	}
	s.Space()
	if s.Take(']') {
		return ""
	}
	for i := 0; ; i++ {
		s.Space()
		if err := item(i); err != "" {
			return err
		}
		s.Space()
		if s.Take(']') {
			return ""
		}
		if !s.Take(',') {
			return "no comma or closing bracket after item " + strconv.Itoa(i+1)
		}
	}
}

// nothing says whether the text is null alone, as encoding/json reads
// into a value it leaves as it is.
func nothing(s *jsonscan.Scanner) bool {
	s.Space()
	return s.Null() && end(s)
}

// end says whether nothing but space is left.
func end(s *jsonscan.Scanner) bool {
	s.Space()
	return s.Done()
}
