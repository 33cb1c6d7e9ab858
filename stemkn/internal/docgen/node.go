package docgen

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Kind is the JSON type of a Node.
type Kind uint8

const (
	// Object is a JSON object; its members keep their order and may repeat a key.
	Object Kind = iota
	// Array is a JSON array.
	Array
	// String is a JSON string; Text is its value.
	String
	// Literal is JSON text written as is: a number in any spelling, true,
	// false, null, or a string whose escapes matter ("\ud800").
	Literal
)

// Node is one JSON value of a generated document.
type Node struct {
	Kind  Kind
	Keys  []string // Object: member names in order (a key may repeat)
	Vals  []*Node  // Object: member values, parallel to Keys
	Items []*Node  // Array: the elements
	Text  string   // String: the value; Literal: the JSON text
}

// Obj makes an object from key, value pairs.
func Obj(kv ...any) *Node {
	n := &Node{Kind: Object}
	for i := 0; i+1 < len(kv); i += 2 {
		n.Add(kv[i].(string), kv[i+1].(*Node))
	}
	return n
}

// Arr makes an array.
func Arr(items ...*Node) *Node { return &Node{Kind: Array, Items: items} }

// Str makes a string.
func Str(s string) *Node { return &Node{Kind: String, Text: s} }

// Int makes an integer written in the usual way.
func Int(v int64) *Node { return &Node{Kind: Literal, Text: strconv.FormatInt(v, 10)} }

// Bool makes true or false.
func Bool(b bool) *Node { return &Node{Kind: Literal, Text: strconv.FormatBool(b)} }

// Lit makes a value from its JSON text.
func Lit(text string) *Node { return &Node{Kind: Literal, Text: text} }

// Strs makes an array of strings.
func Strs(ss ...string) *Node {
	a := Arr()
	for _, s := range ss {
		a.Items = append(a.Items, Str(s))
	}
	return a
}

// Add appends a member, even when the key is already there.
func (n *Node) Add(key string, v *Node) *Node {
	n.Keys = append(n.Keys, key)
	n.Vals = append(n.Vals, v)
	return n
}

// Set replaces the first member with the key, or appends one.
func (n *Node) Set(key string, v *Node) *Node {
	for i, k := range n.Keys {
		if k == key {
			n.Vals[i] = v
			return n
		}
	}
	return n.Add(key, v)
}

// Get returns the first member with the key, or nil.
func (n *Node) Get(key string) *Node {
	if n == nil || n.Kind != Object {
		return nil
	}
	for i, k := range n.Keys {
		if k == key {
			return n.Vals[i]
		}
	}
	return nil
}

// Delete removes every member with the key.
func (n *Node) Delete(key string) {
	keys, vals := n.Keys[:0], n.Vals[:0]
	for i, k := range n.Keys {
		if k != key {
			keys = append(keys, k)
			vals = append(vals, n.Vals[i])
		}
	}
	n.Keys, n.Vals = keys, vals
}

// At follows a JSON Pointer; nil when there is nothing there.
func (n *Node) At(pointer string) *Node {
	if pointer == "" {
		return n
	}
	cur := n
	for _, seg := range strings.Split(pointer[1:], "/") {
		seg = unescapeToken.Replace(seg)
		switch {
		case cur == nil:
			return nil
		case cur.Kind == Object:
			cur = cur.Get(seg)
		case cur.Kind == Array:
			k, err := strconv.Atoi(seg)
			if err != nil || k < 0 || k >= len(cur.Items) {
				return nil
			}
			cur = cur.Items[k]
		default:
			return nil
		}
	}
	return cur
}

// Clone copies the tree.
func (n *Node) Clone() *Node {
	if n == nil {
		return nil
	}
	c := &Node{Kind: n.Kind, Text: n.Text}
	if n.Keys != nil {
		c.Keys = append([]string(nil), n.Keys...)
		c.Vals = make([]*Node, len(n.Vals))
		for i, v := range n.Vals {
			c.Vals[i] = v.Clone()
		}
	}
	if n.Items != nil {
		c.Items = make([]*Node, len(n.Items))
		for i, v := range n.Items {
			c.Items[i] = v.Clone()
		}
	}
	return c
}

// IsInt reports whether the node is an integer literal in plain spelling.
func (n *Node) IsInt() bool {
	if n == nil || n.Kind != Literal {
		return false
	}
	_, err := strconv.ParseInt(n.Text, 10, 64)
	return err == nil
}

// IntValue is the value of a plain integer literal.
func (n *Node) IntValue() int64 {
	v, _ := strconv.ParseInt(n.Text, 10, 64)
	return v
}

// JSON writes the tree as compact JSON text. Strings are written with the
// escapes JSON needs and nothing else, so their bytes (valid UTF-8 or not)
// reach the decoder as they are.
func (n *Node) JSON() []byte { return n.AppendJSON(nil) }

// AppendJSON appends the tree's JSON text to b.
func (n *Node) AppendJSON(b []byte) []byte {
	switch n.Kind {
	case Object:
		b = append(b, '{')
		for i, k := range n.Keys {
			if i > 0 {
				b = append(b, ',')
			}
			b = appendString(b, k)
			b = append(b, ':')
			b = n.Vals[i].AppendJSON(b)
		}
		return append(b, '}')
	case Array:
		b = append(b, '[')
		for i, v := range n.Items {
			if i > 0 {
				b = append(b, ',')
			}
			b = v.AppendJSON(b)
		}
		return append(b, ']')
	case String:
		return appendString(b, n.Text)
	}
	return append(b, n.Text...)
}

func appendString(b []byte, s string) []byte {
	const hex = "0123456789abcdef"
	b = append(b, '"')
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '"' || c == '\\':
			b = append(b, '\\', c)
		case c == '\n':
			b = append(b, '\\', 'n')
		case c < 0x20:
			b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xf])
		default:
			b = append(b, c)
		}
	}
	return append(b, '"')
}

// Site is a place in a tree: a value and where it hangs.
type Site struct {
	// Path is the value's JSON Pointer.
	Path string
	// Pattern is Path with list indices written "*", as Fields keys them.
	Pattern string
	// Node is the value.
	Node *Node
	// Parent is the object or array holding it (nil for the root).
	Parent *Node
	// Index is its position in Parent.Vals or Parent.Items.
	Index int
}

// Sites lists every value in the tree, parents before children.
func (n *Node) Sites() []Site {
	var out []Site
	var walk func(v *Node, path, pattern string, parent *Node, index int)
	walk = func(v *Node, path, pattern string, parent *Node, index int) {
		out = append(out, Site{Path: path, Pattern: pattern, Node: v, Parent: parent, Index: index})
		switch v.Kind {
		case Object:
			for i, k := range v.Keys {
				tok := pointerToken(k)
				walk(v.Vals[i], path+"/"+tok, pattern+"/"+tok, v, i)
			}
		case Array:
			for i, item := range v.Items {
				walk(item, path+"/"+strconv.Itoa(i), pattern+"/*", v, i)
			}
		}
	}
	walk(n, "", "", nil, 0)
	return out
}

// Replace puts v where the site's value is.
func (s Site) Replace(v *Node) {
	if s.Parent == nil {
		*s.Node = *v
		return
	}
	if s.Parent.Kind == Object {
		s.Parent.Vals[s.Index] = v
	} else {
		s.Parent.Items[s.Index] = v
	}
}

// Remove takes the site's value out of its parent.
func (s Site) Remove() {
	p := s.Parent
	if p == nil {
		return
	}
	if p.Kind == Object {
		p.Keys = append(p.Keys[:s.Index:s.Index], p.Keys[s.Index+1:]...)
		p.Vals = append(p.Vals[:s.Index:s.Index], p.Vals[s.Index+1:]...)
	} else {
		p.Items = append(p.Items[:s.Index:s.Index], p.Items[s.Index+1:]...)
	}
}

// Key is the member name of a site in an object, or "".
func (s Site) Key() string {
	if s.Parent == nil || s.Parent.Kind != Object {
		return ""
	}
	return s.Parent.Keys[s.Index]
}

var (
	escapeToken   = strings.NewReplacer("~", "~0", "/", "~1")
	unescapeToken = strings.NewReplacer("~1", "/", "~0", "~")
)

func pointerToken(k string) string {
	if !strings.ContainsAny(k, "~/") {
		return k
	}
	return escapeToken.Replace(k)
}

// CodePoints counts a string's code points as JSON Schema's maxLength does.
func CodePoints(s string) int { return utf8.RuneCountInString(s) }

// Parse reads JSON text into a tree, keeping the order of members, repeated
// keys and the spelling of numbers.
func Parse(data []byte) (*Node, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	n, err := parseValue(dec)
	if err != nil {
		return nil, err
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, errors.New("docgen: more than one JSON value")
	}
	return n, nil
}

func parseValue(dec *json.Decoder) (*Node, error) {
	tok, err := dec.Token()
	if err != nil {
		return nil, err
	}
	switch t := tok.(type) {
	case json.Delim:
		if t == '{' {
			n := Obj()
			for dec.More() {
				k, err := dec.Token()
				if err != nil {
					return nil, err
				}
				v, err := parseValue(dec)
				if err != nil {
					return nil, err
				}
				n.Add(k.(string), v)
			}
			_, err := dec.Token()
			return n, err
		}
		n := Arr()
		for dec.More() {
			v, err := parseValue(dec)
			if err != nil {
				return nil, err
			}
			n.Items = append(n.Items, v)
		}
		_, err := dec.Token()
		return n, err
	case string:
		return Str(t), nil
	case json.Number:
		return Lit(t.String()), nil
	case bool:
		return Bool(t), nil
	}
	return Lit("null"), nil
}
