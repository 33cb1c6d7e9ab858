package main

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"mime"
	"net/http"
	"time"
)

// contentSecurityPolicy is the policy every response is served under. The
// widget needs no inline script or style, only its own files and the right
// to compile WebAssembly; the rest keeps the page from being framed, from
// posting forms elsewhere, and from having its base URL changed.
const contentSecurityPolicy = widgetPolicy + "; frame-ancestors 'none'; form-action 'self'; base-uri 'none'; object-src 'none'"

// widgetPolicy is the strict policy the widget is built to work under.
const widgetPolicy = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'"

// serverTimeouts bound each stage of a request, so a client that sends or
// reads a byte at a time cannot hold a connection open.
var serverTimeouts = struct{ readHeader, read, write, idle time.Duration }{
	readHeader: 5 * time.Second,
	read:       20 * time.Second, // the whole request, body included (at most 8 MiB)
	write:      30 * time.Second,
	idle:       60 * time.Second,
}

// newServer is the demo's http.Server: a timeout on every stage of a
// request, and a bound on the request head.
func newServer(h http.Handler) *http.Server {
	return &http.Server{
		Handler:           h,
		ReadHeaderTimeout: serverTimeouts.readHeader,
		ReadTimeout:       serverTimeouts.read,
		WriteTimeout:      serverTimeouts.write,
		IdleTimeout:       serverTimeouts.idle,
		MaxHeaderBytes:    32 << 10,
	}
}

// secure adds the security headers to every response and refuses
// cross-origin posts (Go's CrossOriginProtection reads Sec-Fetch-Site and
// Origin), before the CSRF token is even looked at.
func secure(next http.Handler) http.Handler {
	crossOrigin := http.NewCrossOriginProtection()
	guarded := crossOrigin.Handler(next)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", contentSecurityPolicy)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("Cross-Origin-Opener-Policy", "same-origin")
		guarded.ServeHTTP(w, r)
	})
}

// formPost reports whether a post is an ordinary form post, the only kind
// the demo reads: its forms are application/x-www-form-urlencoded, and a
// multipart body read as one would be an empty form.
func formPost(r *http.Request) bool {
	t, _, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
	return err == nil && t == "application/x-www-form-urlencoded"
}

// csrfGuard issues and checks the token that proves a post came from the
// demo's own form, the way GOV.UK services do it: a hidden csrf_token field
// holding an HMAC of a random session cookie, checked on every post. The
// key is made at start-up, so a token from another run is refused.
type csrfGuard struct {
	key []byte
}

const (
	sessionCookie = "stemkn_demo_session"
	csrfField     = "csrf_token"
)

func newCSRFGuard() *csrfGuard {
	key := make([]byte, 32)
	_, _ = rand.Read(key) // crypto/rand.Read never fails
	return &csrfGuard{key: key}
}

// token returns the form token for the request's session, starting a
// session (setting its cookie) when there is none.
func (g *csrfGuard) token(w http.ResponseWriter, r *http.Request) string {
	session := ""
	if c, err := r.Cookie(sessionCookie); err == nil && len(c.Value) == 43 {
		session = c.Value
	} else {
		b := make([]byte, 32)
		_, _ = rand.Read(b)
		session = base64.RawURLEncoding.EncodeToString(b)
		http.SetCookie(w, &http.Cookie{Name: sessionCookie, Value: session, Path: "/",
			HttpOnly: true, SameSite: http.SameSiteStrictMode, Secure: r.TLS != nil})
	}
	return g.sign(session)
}

func (g *csrfGuard) sign(session string) string {
	mac := hmac.New(sha256.New, g.key)
	mac.Write([]byte(session))
	return base64.RawURLEncoding.EncodeToString(mac.Sum(nil))
}

// check reports whether a parsed post carries the token of its session.
func (g *csrfGuard) check(r *http.Request) bool {
	c, err := r.Cookie(sessionCookie)
	if err != nil {
		return false
	}
	got := r.PostForm.Get(csrfField)
	return got != "" && hmac.Equal([]byte(got), []byte(g.sign(c.Value)))
}
