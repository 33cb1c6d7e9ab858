package main

import (
	"fmt"
	"os"

	"github.com/stemkn/stemkn/stemkn/internal/agree"
)

func main() {
	if len(os.Args) != 3 {
		fmt.Fprintln(os.Stderr, "usage: agree.wasm REQUESTS ANSWERS")
		os.Exit(2)
	}
	if err := run(os.Args[1], os.Args[2]); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

func run(in, out string) error {
	r, err := os.Open(in)
	if err != nil {
		return err
	}
	defer r.Close()
	w, err := os.Create(out)
	if err != nil {
		return err
	}
	if err := agree.Serve(r, w); err != nil {
		w.Close()
		return err
	}
	return w.Close()
}
