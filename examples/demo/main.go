// Command demo is the stemkn demo site: a STEM Knowledge Networks
// application form that validates live in the browser with the WebAssembly
// widget, and again on the server with the same Go rules when it is posted,
// so it works with JavaScript off too. A scheme picker lists the other
// schemes, each with a form of its kind.
//
// It serves the widget's release files from wasm/dist (build them first
// with `make widget`; `make demo` does both) and its own pages, every
// response under a strict Content-Security-Policy.
//
//	go run ./examples/demo [-addr 127.0.0.1:8080] [-dist wasm/dist] [-schemes examples/schemes]
package main

import (
	"context"
	"embed"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"net"
	"net/http"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"time"
)

//go:embed static templates
var assets embed.FS

// contentSecurityPolicy is the policy every page is served under: the
// widget needs no inline script or style, only its own files and the right
// to compile WebAssembly.
const contentSecurityPolicy = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'"

func main() {
	addr := flag.String("addr", "127.0.0.1:8080", "address to listen on (port 0 picks a free port)")
	dist := flag.String("dist", "wasm/dist", "directory of the widget's release files (make widget)")
	schemes := flag.String("schemes", "examples/schemes", "directory of scheme files to load (\"\" for none)")
	flag.Parse()
	if err := run(*addr, *dist, *schemes); err != nil {
		fmt.Fprintln(os.Stderr, "demo:", err)
		os.Exit(1)
	}
}

func run(addr, dist, schemeDir string) error {
	if _, err := os.Stat(filepath.Join(dist, "stemkn.wasm")); err != nil {
		return fmt.Errorf("no widget in %s: build it with `make widget` (or run `make demo`)", dist)
	}
	site, err := newSite(schemeDir)
	if err != nil {
		return err
	}
	static, err := fs.Sub(assets, "static")
	if err != nil {
		return err
	}
	mux := http.NewServeMux()
	mux.Handle("GET /widget/", http.StripPrefix("/widget/", http.FileServer(http.Dir(dist))))
	mux.Handle("GET /static/", http.StripPrefix("/static/", http.FileServer(http.FS(static))))
	site.routes(mux)

	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	// Tests start the demo on port 0 and read the address from this line.
	fmt.Printf("stemkn demo listening on http://%s/\n", ln.Addr())
	srv := &http.Server{Handler: secure(mux), ReadHeaderTimeout: 10 * time.Second}

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

// secure adds the security headers to every response and gives the
// widget's files their types (.wasm must be application/wasm for streaming
// compilation).
func secure(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", contentSecurityPolicy)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "no-referrer")
		switch {
		case strings.HasSuffix(r.URL.Path, ".wasm"):
			h.Set("Content-Type", "application/wasm")
		case strings.HasSuffix(r.URL.Path, ".js"):
			h.Set("Content-Type", "text/javascript; charset=utf-8")
		case strings.HasSuffix(r.URL.Path, ".ts"):
			h.Set("Content-Type", "text/plain; charset=utf-8")
		}
		if r.Method == http.MethodGet && (strings.HasPrefix(r.URL.Path, "/widget/") || strings.HasPrefix(r.URL.Path, "/static/")) {
			h.Set("Cache-Control", "no-cache")
		}
		next.ServeHTTP(w, r)
	})
}
