package jsonscan

import (
	"errors"
	"strconv"
)

// AppendValue appends v, a value as Parse gives them (nil, bool, Number,
// string, []any, *Object), an int, int64 or []string, or an Appender, as
// compact JSON:
// strings as AppendString writes them when html is true, as AppendText
// does when it is false. An object's members are written in order, a key
// given twice twice. A value of any other type is an error.
func AppendValue(b []byte, v any, html bool) ([]byte, error) {
	plain := &plainText
	if html {
		plain = &plainJSON
	}
	return appendValue(b, v, plain)
}

// errUnwritable is AppendValue's error for a value it does not write.
var errUnwritable = errors.New("jsonscan: a value of a type AppendValue does not write")

func appendValue(b []byte, v any, plain *[256]bool) ([]byte, error) {
	switch v := v.(type) {
	case nil:
		return append(b, "null"...), nil
	case bool:
		return strconv.AppendBool(b, v), nil
	case string:
		return appendString(b, v, plain), nil
	case Number:
		if v == "" {
			return append(b, '0'), nil // as encoding/json writes an empty Number
		}
		return append(b, v...), nil
	case int:
		return strconv.AppendInt(b, int64(v), 10), nil
	case int64:
		return strconv.AppendInt(b, v, 10), nil
	case []string:
		return appendStrings(b, v, plain), nil
	case []any:
		return appendList(b, v, plain)
	case *Object:
		return appendObject(b, v, plain)
	case Appender:
		return v.AppendJSON(b, plain == &plainJSON)
	}
	return nil, errUnwritable
}

// An Appender is a value that writes itself as JSON, for AppendValue: its
// strings as AppendString writes them when html is true, as AppendText
// does when it is false (AppendValue of its parts with the same html does).
type Appender interface {
	AppendJSON(b []byte, html bool) ([]byte, error)
}

func appendList(b []byte, v []any, plain *[256]bool) ([]byte, error) {
	if v == nil {
		return append(b, "null"...), nil
	}
	var err error
	b = append(b, '[')
	for i, x := range v {
		if i > 0 {
			b = append(b, ',')
		}
		if b, err = appendValue(b, x, plain); err != nil {
			return nil, err
		}
	}
	return append(b, ']'), nil
}

func appendObject(b []byte, v *Object, plain *[256]bool) ([]byte, error) {
	if v == nil {
		return append(b, "null"...), nil
	}
	var err error
	b = append(b, '{')
	for i, k := range v.Keys {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(appendString(b, k, plain), ':')
		if b, err = appendValue(b, v.Values[i], plain); err != nil {
			return nil, err
		}
	}
	return append(b, '}'), nil
}

// Indent appends compact JSON text (as AppendValue writes it) indented as
// json.Indent does with no prefix and an indent of two spaces: each member
// and element on a line of its own, a space after each colon, and empty
// objects and arrays as {} and [].
func Indent(b, compact []byte) []byte {
	depth := 0
	line := func() {
		b = append(b, '\n')
		for range depth {
			b = append(b, ' ', ' ')
		}
	}
	for i := 0; i < len(compact); i++ {
		switch c := compact[i]; c {
		case '"':
			end := stringEnd(compact, i)
			b = append(b, compact[i:end]...)
			i = end - 1
		case '{', '[':
			b = append(b, c)
			if i+1 < len(compact) && (compact[i+1] == '}' || compact[i+1] == ']') {
				b = append(b, compact[i+1])
				i++
				continue
			}
			depth++
			line()
		case '}', ']':
			depth--
			line()
			b = append(b, c)
		case ',':
			b = append(b, c)
			line()
		case ':':
			b = append(b, c, ' ')
		default:
			b = append(b, c)
		}
	}
	return b
}

// stringEnd is the offset just past the JSON string that starts at i.
func stringEnd(text []byte, i int) int {
	for i++; i < len(text); i++ {
		switch text[i] {
		case '\\':
			i++
		case '"':
			return i + 1
		}
	}
	return len(text)
}
