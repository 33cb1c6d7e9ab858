//go:build js && wasm

package main

import "strconv"

// call runs fn, turning a panic into an error answer. It is the part of
// guard that does not touch JavaScript values, so it can be tested alone.
func call(fn func(args []string) string, args []string) (answer string) {
	defer func() {
		if p := recover(); p != nil {
			answer = errorJSON("stemkn: internal error: " + panicText(p))
		}
	}()
	return fn(args)
}

// panicText says what a panic's value is, as fmt.Sprint would for the
// values a panic carries in practice (fmt would bring some 23 KB brotli
// back into the module).
func panicText(p any) string {
	switch x := p.(type) {
	case error:
		return x.Error()
	case interface{ String() string }:
		return x.String()
	case string:
		return x
	case int:
		return strconv.Itoa(x)
	case int64:
		return strconv.FormatInt(x, 10)
	case uint64:
		return strconv.FormatUint(x, 10)
	case bool:
		return strconv.FormatBool(x)
	}
	return "a panic with a value of a kind the module does not spell out"
}

func itoa(i int) string { return strconv.Itoa(i) }
