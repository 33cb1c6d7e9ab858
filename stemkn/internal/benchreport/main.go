package main

import (
	"fmt"
	"os"
)

func main() {
	if len(os.Args) < 2 {
		usage()
	}
	var err error
	switch os.Args[1] {
	case "inputs":
		err = runInputs(os.Args[2:])
	case "bulk":
		err = runBulk(os.Args[2:])
	case "process":
		err = runProcess(os.Args[2:])
	case "santhosh":
		err = runSanthosh(os.Args[2:])
	case "report":
		err = runReport(os.Args[2:])
	default:
		usage()
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "benchreport:", err)
		os.Exit(1)
	}
}

func usage() {
	fmt.Fprintln(os.Stderr, "usage: benchreport inputs DIR | bulk -bin STEMKN -dir DIR [-count N] [-docs N,N…] | report -in DIR -out FILE -plot FILE")
	os.Exit(2)
}
