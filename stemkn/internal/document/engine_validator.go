//go:build !js

package document

import (
	"reflect"
	"strings"
	"sync"
	"unsafe"

	"github.com/go-playground/validator/v10"
)

// Natively, go-playground/validator/v10 runs the validate tags and its
// errors become the problems (see tags.go for the WebAssembly build).

// tagValidator is validator/v10 set up with our custom tags. Built once;
// validator caches each struct's parsed tags, and Warm fills that cache so
// the first real call is as fast as the rest.
var tagValidator = sync.OnceValue(func() *validator.Validate {
	v := validator.New()
	v.RegisterTagNameFunc(func(sf reflect.StructField) string {
		name, _, _ := strings.Cut(sf.Tag.Get("json"), ",")
		return name
	})
	for _, t := range customTags {
		check, _ := customCheck(t.name)
		if err := v.RegisterValidation(t.name, func(fl validator.FieldLevel) bool {
			return check(fl.Field().String())
		}); err != nil {
			panic("document: registering validate tag " + t.name + ": " + err.Error())
		}
	}
	return v
})

// Warm does the one-off set-up of the structural engine, so that no
// document pays for it: samples are documents (pointers to them) with one
// element in every list and every optional group present, whose tags
// validator/v10 then parses and caches.
func Warm(samples ...any) {
	v := tagValidator()
	for _, s := range samples {
		_ = v.Struct(s)
	}
}

// structuralFailures runs validator/v10 over the document.
func structuralFailures(doc any, _ *Shape, _ unsafe.Pointer) []tagFailure {
	err := tagValidator().Struct(doc)
	errs, ok := err.(validator.ValidationErrors)
	if !ok {
		return nil
	}
	out := make([]tagFailure, len(errs))
	for i, fe := range errs {
		out[i] = tagFailure{path: namespacePointer(fe.Namespace()), tag: fe.Tag(), param: fe.Param(), value: kindOfValue(fe.Kind())}
	}
	return out
}

func kindOfValue(k reflect.Kind) kind {
	switch k {
	case reflect.String:
		return kindString
	case reflect.Slice:
		return kindStringList
	case reflect.Bool:
		return kindBool
	}
	return kindInt
}

// namespacePointer turns validator's "Application.network.members[0].email"
// into the JSON Pointer "/network/members/0/email".
func namespacePointer(ns string) string {
	_, rest, _ := strings.Cut(ns, ".") // drop the document type's name
	b := make([]byte, 0, len(rest)+8)
	for i := 0; i < len(rest); i++ {
		switch c := rest[i]; c {
		case '.', '[':
			b = append(b, '/')
		case ']':
		default:
			b = append(b, c)
		}
	}
	if len(b) > 0 && b[0] != '/' {
		b = append([]byte{'/'}, b...)
	}
	return string(b)
}
