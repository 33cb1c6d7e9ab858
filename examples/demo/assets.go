package main

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"embed"
	"encoding/base64"
	"fmt"
	"io/fs"
	"mime"
	"net/http"
	"path"
	"regexp"
	"strings"
	"time"
)

// assets are the demo's own files, built into the binary: its script and
// styles (static/) and its page templates (templates/).
//
//go:embed static templates
var assets embed.FS

// assetStore serves a fixed set of files, read once at start-up: the
// widget's release files, govuk-frontend's compiled CSS, JavaScript and
// assets, and the demo's own script. Only the files it was given exist, so
// there is no directory to list and no path to climb out of.
//
// Each file is served in the encoding the browser accepts best: a .br or
// .gz file built beside it (make widget compresses stemkn.wasm with
// brotli and gzip), else, for text, gzip made here at start-up. Every
// variant has a strong ETag, so a browser revalidates cheaply; files whose
// names carry a content hash (govuk-frontend's fonts) are cached for a year.
type assetStore struct {
	files   map[string]*asset // URL path → file
	started time.Time
}

// asset is one file and its encoded variants.
type asset struct {
	contentType string
	immutable   bool
	variants    []variant // best first: br, gzip, identity
}

type variant struct {
	encoding string // "br", "gzip" or "" (identity)
	body     []byte
	etag     string
}

func newAssetStore() *assetStore {
	return &assetStore{files: map[string]*asset{}, started: time.Now()}
}

// hashedName matches names that change whenever their content does, such
// as govuk-frontend's "bold-affa96571d-v2.woff2".
var hashedName = regexp.MustCompile(`-[0-9a-f]{8,}(-v\d+)?\.[a-z0-9]+$`)

// addTree adds every file under root in fsys, at urlPrefix + its path
// below root, skipping .br and .gz files (they are variants of the others)
// and whatever skip says to leave out.
func (s *assetStore) addTree(fsys fs.FS, root, urlPrefix string, skip func(name string) bool) error {
	return fs.WalkDir(fsys, root, func(name string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() || strings.HasSuffix(name, ".br") || strings.HasSuffix(name, ".gz") || (skip != nil && skip(name)) {
			return nil
		}
		rel := strings.TrimPrefix(strings.TrimPrefix(name, root), "/")
		return s.addFile(fsys, name, urlPrefix+rel)
	})
}

// addFile adds one file of fsys at a URL path, with its .br and .gz
// siblings when they exist.
func (s *assetStore) addFile(fsys fs.FS, name, urlPath string) error {
	body, err := fs.ReadFile(fsys, name)
	if err != nil {
		return err
	}
	a := &asset{contentType: contentTypeOf(name), immutable: hashedName.MatchString(name)}
	for _, enc := range []struct{ suffix, name string }{{".br", "br"}, {".gz", "gzip"}} {
		if b, err := fs.ReadFile(fsys, name+enc.suffix); err == nil {
			a.variants = append(a.variants, newVariant(enc.name, b))
		}
	}
	if !a.has("gzip") && compressible(a.contentType) && len(body) > 1024 {
		var buf bytes.Buffer
		zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
		_, _ = zw.Write(body)
		_ = zw.Close()
		if buf.Len() < len(body) {
			a.variants = append(a.variants, newVariant("gzip", buf.Bytes()))
		}
	}
	a.variants = append(a.variants, newVariant("", body))
	s.files[urlPath] = a
	return nil
}

func newVariant(encoding string, body []byte) variant {
	sum := sha256.Sum256(body)
	return variant{encoding: encoding, body: body, etag: `"` + base64.RawURLEncoding.EncodeToString(sum[:18]) + `"`}
}

func (a *asset) has(encoding string) bool {
	for _, v := range a.variants {
		if v.encoding == encoding {
			return true
		}
	}
	return false
}

// contentTypeOf is a file's media type; stemkn.wasm must be
// application/wasm for the browser to compile it while it downloads.
func contentTypeOf(name string) string {
	switch path.Ext(name) {
	case ".wasm":
		return "application/wasm"
	case ".js", ".mjs":
		return "text/javascript; charset=utf-8"
	case ".css":
		return "text/css; charset=utf-8"
	case ".svg":
		return "image/svg+xml"
	case ".ts":
		return "text/plain; charset=utf-8"
	case ".json":
		return "application/json"
	case ".woff2":
		return "font/woff2"
	case ".woff":
		return "font/woff"
	case ".ico":
		return "image/x-icon"
	}
	if t := mime.TypeByExtension(path.Ext(name)); t != "" {
		return t
	}
	return "application/octet-stream"
}

func compressible(contentType string) bool {
	return strings.HasPrefix(contentType, "text/") || contentType == "application/json" ||
		contentType == "application/wasm" || contentType == "image/svg+xml" || contentType == "image/x-icon"
}

// ServeHTTP answers GET and HEAD for the store's files, and 404 for
// anything else under its prefixes.
func (s *assetStore) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	a, ok := s.files[r.URL.Path]
	if !ok {
		http.NotFound(w, r)
		return
	}
	v := a.pick(r.Header.Get("Accept-Encoding"))
	h := w.Header()
	h.Set("Content-Type", a.contentType)
	h.Add("Vary", "Accept-Encoding")
	h.Set("ETag", v.etag)
	if a.immutable {
		h.Set("Cache-Control", "public, max-age=31536000, immutable")
	} else {
		// Revalidate every time: a rebuilt widget is used at once, and an
		// unchanged one costs a 304.
		h.Set("Cache-Control", "no-cache")
	}
	if v.encoding != "" {
		h.Set("Content-Encoding", v.encoding)
	}
	// ServeContent answers If-None-Match with 304, ranges, HEAD and the
	// length; the ETag makes it skip content sniffing.
	http.ServeContent(w, r, "", s.started, bytes.NewReader(v.body))
}

// pick chooses the variant for an Accept-Encoding header: brotli, then
// gzip, then the file as it is. An encoding listed with q=0 is refused.
func (a *asset) pick(acceptEncoding string) variant {
	accepted := map[string]bool{}
	for _, part := range strings.Split(acceptEncoding, ",") {
		name, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		q := strings.ReplaceAll(strings.TrimSpace(params), " ", "")
		accepted[strings.ToLower(strings.TrimSpace(name))] = q != "q=0" && q != "q=0.0" && q != "q=0.00" && q != "q=0.000"
	}
	for _, v := range a.variants {
		if v.encoding == "" || accepted[v.encoding] {
			return v
		}
	}
	return a.variants[len(a.variants)-1]
}

// String lists the store's files, for the start-up log.
func (s *assetStore) String() string {
	return fmt.Sprintf("%d files", len(s.files))
}
