package codeshape

import (
	"go/ast"
	"go/build"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// FileEdges are the uses between the Go files of the package in dir that
// this build compiles, tests left out: "a.go -> b.go" when a.go uses a name
// (a type, function, method, field, variable or constant) declared in b.go.
// importPath is the package's import path.
func FileEdges(dir, importPath string) (map[string]bool, error) {
	fset := token.NewFileSet()
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var files []*ast.File
	for _, e := range entries {
		name := e.Name()
		if !strings.HasSuffix(name, ".go") || strings.HasSuffix(name, "_test.go") {
			continue
		}
		if match, err := build.Default.MatchFile(dir, name); err != nil || !match {
			continue
		}
		f, err := parser.ParseFile(fset, filepath.Join(dir, name), nil, 0)
		if err != nil {
			return nil, err
		}
		files = append(files, f)
	}
	info := &types.Info{Uses: map[*ast.Ident]types.Object{}}
	conf := types.Config{Importer: importer.ForCompiler(fset, "source", nil)}
	pkg, err := conf.Check(importPath, fset, files, info)
	if err != nil {
		return nil, err
	}
	edges := map[string]bool{}
	for id, obj := range info.Uses {
		if obj.Pkg() != pkg || !obj.Pos().IsValid() {
			continue
		}
		if v, ok := obj.(*types.Var); ok && !v.IsField() && obj.Parent() != pkg.Scope() {
			continue // a local variable
		}
		from, to := filepath.Base(fset.Position(id.Pos()).Filename), filepath.Base(fset.Position(obj.Pos()).Filename)
		if from != to {
			edges[from+" -> "+to] = true
		}
	}
	return edges, nil
}

// Upward are the edges that run back up order — from a file to one above
// it — sorted; unplaced are the files of edges that order does not list.
// order lists a package's files from the top (where a caller comes in) to
// the bottom (what everything else is made of).
func Upward(edges map[string]bool, order []string) (upward, unplaced []string) {
	level := map[string]int{}
	for i, f := range order {
		level[f] = i
	}
	for e := range edges {
		from, to, _ := strings.Cut(e, " -> ")
		for _, f := range [...]string{from, to} {
			if _, known := level[f]; !known && !slices.Contains(unplaced, f) {
				unplaced = append(unplaced, f)
			}
		}
		if level[from] > level[to] {
			upward = append(upward, e)
		}
	}
	slices.Sort(upward)
	slices.Sort(unplaced)
	return upward, unplaced
}
