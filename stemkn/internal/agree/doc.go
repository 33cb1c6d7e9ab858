// Package agree answers validation requests in one way on every platform,
// so the agreement tests can run the same requests through native Go and
// through the WebAssembly build in Node and compare the answers byte for
// byte. A request and its answer are one line of JSON each: Serve reads
// request lines, RespondLine decodes one, Respond runs its document (or
// form post) through a stemkn Validator with its limits, and the Answer is
// written back as a line.
package agree
