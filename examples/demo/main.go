package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"net"
	"net/http"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"
	"time"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:8080", "address to listen on (port 0 picks a free port)")
	dist := flag.String("dist", "wasm/dist", "directory of the widget's release files (make widget)")
	govuk := flag.String("govuk", "node_modules/govuk-frontend/dist/govuk", "govuk-frontend's compiled files (npm ci)")
	schemes := flag.String("schemes", "examples/schemes", "directory of scheme files to load (\"\" for none)")
	flag.Parse()
	if err := run(*addr, *dist, *govuk, *schemes); err != nil {
		fmt.Fprintln(os.Stderr, "demo:", err)
		os.Exit(1)
	}
}

func run(addr, dist, govuk, schemeDir string) error {
	if _, err := os.Stat(filepath.Join(dist, "stemkn.wasm")); err != nil {
		return fmt.Errorf("no widget in %s: build it with `make widget` (or run `make demo`)", dist)
	}
	if _, err := os.Stat(filepath.Join(govuk, "govuk-frontend.min.css")); err != nil {
		return fmt.Errorf("no govuk-frontend in %s: install it with `npm ci` (or run `make demo`)", govuk)
	}
	site, err := newSite(schemeDir)
	if err != nil {
		return err
	}
	files, err := staticFiles(os.DirFS(dist), os.DirFS(govuk))
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	// Tests start the demo on port 0 and read the address from this line.
	fmt.Printf("stemkn demo listening on http://%s/ (%s)\n", ln.Addr(), files)
	srv := newServer(secure(site.handler(files)))

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	go func() {
		<-ctx.Done()
		shutdown, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		_ = srv.Shutdown(shutdown)
	}()
	if err := srv.Serve(ln); !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// staticFiles gathers what the pages load: the widget's release files
// under /widget/, govuk-frontend's compiled CSS and JavaScript under
// /govuk-frontend/ and its fonts and images under /assets/ (where its CSS
// looks for them), and the demo's own files under /static/.
func staticFiles(widget, govuk fs.FS) (*assetStore, error) {
	files := newAssetStore()
	if err := files.addTree(widget, ".", "/widget/", nil); err != nil {
		return nil, err
	}
	for _, name := range []string{"govuk-frontend.min.css", "govuk-frontend.min.js"} {
		if err := files.addFile(govuk, name, "/govuk-frontend/"+name); err != nil {
			return nil, err
		}
	}
	if err := files.addTree(govuk, "assets", "/assets/", nil); err != nil {
		return nil, err
	}
	static, err := fs.Sub(assets, "static")
	if err != nil {
		return nil, err
	}
	if err := files.addTree(static, ".", "/static/", nil); err != nil {
		return nil, err
	}
	return files, nil
}

// handler is the whole site: the pages, and the files for anything under
// the static prefixes.
func (s *site) handler(files http.Handler) http.Handler {
	mux := http.NewServeMux()
	for _, prefix := range []string{"/widget/", "/govuk-frontend/", "/assets/", "/static/"} {
		mux.Handle("GET "+prefix, files)
	}
	s.routes(mux)
	return mux
}
