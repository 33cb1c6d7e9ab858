//go:build js && wasm

package main

import (
	"fmt"
	"strconv"
)

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

func panicText(p any) string {
	switch x := p.(type) {
	case error:
		return x.Error()
	case string:
		return x
	}
	return fmt.Sprint(p)
}

func itoa(i int) string { return strconv.Itoa(i) }
