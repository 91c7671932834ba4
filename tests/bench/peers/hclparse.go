// Peer benchmark: HashiCorp's hcl/v2 parser (what Terraform, Trivy and TFLint use), parse only.
// Reads a list of files (one path a line) on stdin and parses each with a fresh hclparse.Parser,
// as a scanner does per module; prints the counts. Built by tests/bench/run.sh in GOPATH mode
// against Debian's golang-github-hashicorp-hcl-v2-dev (GOPATH=/usr/share/gocode, GO111MODULE=off).
package main

import (
	"bufio"
	"fmt"
	"os"

	"github.com/hashicorp/hcl/v2/hclparse"
)

func main() {
	scanner := bufio.NewScanner(os.Stdin)
	scanner.Buffer(make([]byte, 1<<20), 1<<20)
	files, bytes, rejected := 0, 0, 0
	for scanner.Scan() {
		path := scanner.Text()
		if path == "" {
			continue
		}
		parser := hclparse.NewParser()
		file, diags := parser.ParseHCLFile(path)
		if file != nil {
			bytes += len(file.Bytes)
		}
		if diags.HasErrors() {
			rejected++
		}
		files++
	}
	if err := scanner.Err(); err != nil {
		fmt.Fprintln(os.Stderr, "hclparse:", err)
		os.Exit(2)
	}
	fmt.Printf("hclparse: %d files, %d bytes, %d rejected\n", files, bytes, rejected)
}
