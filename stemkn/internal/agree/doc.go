// Package agree answers validation requests in one way on every platform,
// so the agreement tests can run the same requests through native Go and
// through the WebAssembly build in Node and compare the answers byte for
// byte. A request and its answer are one line of JSON each.
package agree
