// Command benchreport is stemkn's benchmark harness helper.
package main

func main() {}
